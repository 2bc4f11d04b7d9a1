import { describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from './builtin-providers';
import { apiKeyEnvProblem, MODEL_ID_PATTERN, PROVIDER_NAME_PATTERN } from './provider-rules';
import { baseUrlProblem } from './url-guard';

describe('apiKeyEnvProblem', () => {
  it.each(['LLM_API_KEY', 'OPENROUTER_API_KEY', 'MY_VENDOR_2_API_KEY', 'X_API_KEY'])('accepts %s', (name) => {
    expect(apiKeyEnvProblem(name)).toBeUndefined();
  });

  it.each([
    ['ADMIN_API_KEY', /server secret/],
    ['JWT_SECRET', /_API_KEY/],
    ['DASHBOARD_SECRET', /_API_KEY/],
    ['DATABASE_URL', /_API_KEY/],
    ['lower_api_key', /_API_KEY/],
    ['_API_KEY', /_API_KEY/],
    ['API_KEY', /_API_KEY/],
    ['OPENAI_API_KEY_2', /_API_KEY/],
    [`${'A'.repeat(60)}_API_KEY`, /64/],
  ])('refuses %s', (name, message) => {
    expect(apiKeyEnvProblem(name)).toMatch(message);
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
      if (p.api_key_env) expect(apiKeyEnvProblem(p.api_key_env), p.name).toBeUndefined();
      if (p.base_url) expect(baseUrlProblem(p.base_url), p.name).toBeUndefined();
      else expect(p.name).toBe('builtin');
    }
  });
});
