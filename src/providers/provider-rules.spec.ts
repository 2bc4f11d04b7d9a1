import { describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from './builtin-providers';
import {
  apiKeyEnvProblem,
  apiKeyEnvShapeProblem,
  MODEL_ID_PATTERN,
  PROVIDER_NAME_PATTERN,
  providerKeyEnv,
} from './provider-rules';
import { baseUrlProblem, sameOrigin } from './url-guard';

describe('providerKeyEnv', () => {
  it.each([
    ['openrouter', 'OPENROUTER_API_KEY'],
    ['my-llm', 'MY_LLM_API_KEY'],
    ['my_llm', 'MY_LLM_API_KEY'],
    ['vendor2', 'VENDOR2_API_KEY'],
    ['0x', '0X_API_KEY'],
  ])('%s → %s', (name, variable) => {
    expect(providerKeyEnv(name)).toBe(variable);
  });
});

describe('apiKeyEnvProblem', () => {
  it.each([
    ['my-llm', 'MY_LLM_API_KEY'],
    ['openrouter', 'OPENROUTER_API_KEY'],
    ['vendor-2', 'VENDOR_2_API_KEY'],
  ])('accepts the derived name for %s', (name, variable) => {
    expect(apiKeyEnvProblem(name, variable)).toBeUndefined();
  });

  it.each([
    ['evil', 'LLM_API_KEY', /must be EVIL_API_KEY/],
    ['evil', 'STRIPE_API_KEY', /must be EVIL_API_KEY/],
    ['evil', 'OPENROUTER_API_KEY', /must be EVIL_API_KEY/],
    ['evil', 'ADMIN_API_KEY', /must be EVIL_API_KEY/],
    ['evil', 'evil_api_key', /must be EVIL_API_KEY/],
    ['openai', 'OPENROUTER_API_KEY', /must be OPENAI_API_KEY/],
    ['admin', 'ADMIN_API_KEY', /cannot have a key/],
    ['llm', 'LLM_API_KEY', /cannot have a key/],
  ])('refuses %s → %s', (name, variable, message) => {
    expect(apiKeyEnvProblem(name, variable)).toMatch(message);
  });
});

describe('apiKeyEnvShapeProblem', () => {
  it.each(['MY_LLM_API_KEY', 'X_API_KEY'])('accepts %s', (variable) => {
    expect(apiKeyEnvShapeProblem(variable)).toBeUndefined();
  });

  it.each([
    ['JWT_SECRET', /_API_KEY/],
    ['DATABASE_URL', /_API_KEY/],
    ['lower_api_key', /_API_KEY/],
    ['_API_KEY', /_API_KEY/],
    ['API_KEY', /_API_KEY/],
    ['OPENAI_API_KEY_2', /_API_KEY/],
    [`${'A'.repeat(60)}_API_KEY`, /64/],
  ])('refuses %s', (variable, message) => {
    expect(apiKeyEnvShapeProblem(variable)).toMatch(message);
  });
});

describe('sameOrigin', () => {
  it.each([
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai/other/path', true],
    ['https://openrouter.ai/api/v1', 'HTTPS://OpenRouter.AI:443/api/v1', true],
    ['https://openrouter.ai/api/v1', 'http://openrouter.ai/api/v1', false],
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai:8443/api/v1', false],
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai.evil.com/api/v1', false],
    ['https://openrouter.ai/api/v1', 'https://evil.com/openrouter.ai/api/v1', false],
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai@evil.com/api/v1', false],
    ['https://openrouter.ai/api/v1', 'not a url', false],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(sameOrigin(a, b)).toBe(same);
  });
});

describe('the built-in registry', () => {
  it('is valid under the rules custom providers must follow', () => {
    const names = BUILTIN_PROVIDERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of BUILTIN_PROVIDERS) {
      expect(p.name).toMatch(PROVIDER_NAME_PATTERN);
      expect(p.default_model).toMatch(MODEL_ID_PATTERN);
      expect(p.models).toContain(p.default_model);
      // Built-ins follow the same key rule: their variable is the one named after them.
      if (p.api_key_env) expect(p.api_key_env, p.name).toBe(providerKeyEnv(p.name));
      if (p.base_url) expect(baseUrlProblem(p.base_url), p.name).toBeUndefined();
      else expect(p.name).toBe('builtin');
    }
  });
});
