import { readFile } from 'node:fs/promises';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from '../src/providers/builtin-providers';
import { ProvidersService } from '../src/providers/providers.service';
import { startApp, type InjectRequest, type TestApp } from './helpers/app';
import { FakeLlmServer } from './helpers/fake-llm';

const OPENROUTER_KEY = 'sk-secret-value-123';
const LOCAL_KEY = 'sk-local-key-4567890';
const QUERY_KEY = 'sk-query-key-0987654';
const SECRETS = [OPENROUTER_KEY, LOCAL_KEY, QUERY_KEY];

/** Every built-in key variable set explicitly, so keys in the outer shell cannot change the results. */
const KEY_ENV: Record<string, string> = {
  ...Object.fromEntries(BUILTIN_PROVIDERS.filter((p) => p.api_key_env).map((p) => [p.api_key_env!, ''])),
  OPENROUTER_API_KEY: OPENROUTER_KEY,
  LOCAL_API_KEY: LOCAL_KEY,
  NEEDS_KEY_API_KEY: '',
};

const PROVIDER_FIELDS = [
  'name',
  'base_url',
  'api_key_env',
  'default_model',
  'enabled',
  'json_mode',
  'source',
  'api_key_set',
  'active',
].sort();

interface ProviderBody {
  name: string;
  base_url: string | null;
  api_key_env: string | null;
  default_model: string;
  enabled: boolean;
  json_mode: string;
  source: string;
  api_key_set: boolean;
  active: boolean;
}
interface ListBody {
  active: string;
  providers: Record<string, ProviderBody>;
}
interface ModelsBody {
  provider: string;
  success: boolean;
  error?: string;
  models: { id: string; name?: string; context_length?: number; pricing?: Record<string, string> }[];
}

describe('providers', () => {
  let t: TestApp;
  let fake: FakeLlmServer;
  let admin: string;
  let member: string;
  let viewer: string;
  /** Every response body of this suite; none may contain a key value. */
  const bodies: string[] = [];

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    t = await startApp(KEY_ENV);
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    viewer = await t.tokenFor('viewer');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  const call = async (request: InjectRequest): Promise<LightMyRequestResponse> => {
    const res = await t.inject({ token: admin, ...request });
    bodies.push(res.body);
    return res;
  };
  const list = async (token = admin) => (await call({ method: 'GET', url: '/api/providers', token })).json<ListBody>();
  const models = (query: string, token = admin) => call({ method: 'GET', url: `/api/models?${query}`, token });
  const service = () => t.app.get(ProvidersService);
  const localBody = () => ({
    name: 'local',
    base_url: fake.baseUrl,
    api_key_env: 'LOCAL_API_KEY',
    default_model: 'test-model',
    enabled: true,
  });

  describe('registry', () => {
    it('GET lists every built-in with the contract shape, keys only as set/not set', async () => {
      const res = await call({ method: 'GET', url: '/api/providers', token: viewer });
      expect(res.statusCode).toBe(200);
      const body = res.json<ListBody>();
      expect(body.active).toBe('builtin');
      expect(Object.keys(body.providers)).toEqual(BUILTIN_PROVIDERS.map((p) => p.name));
      for (const provider of Object.values(body.providers)) {
        expect(Object.keys(provider).sort()).toEqual(PROVIDER_FIELDS);
        expect(provider.source).toBe('builtin');
        expect(provider.active).toBe(provider.name === 'builtin');
      }
      expect(body.providers.openrouter).toEqual({
        name: 'openrouter',
        base_url: 'https://openrouter.ai/api/v1',
        api_key_env: 'OPENROUTER_API_KEY',
        default_model: 'openai/gpt-4o-mini',
        enabled: true,
        json_mode: 'json_object',
        source: 'builtin',
        api_key_set: true,
        active: false,
      });
      expect(body.providers.openai.json_mode).toBe('json_schema');
      expect(body.providers.openai.api_key_set).toBe(false);
      expect(body.providers.gemini.base_url).toBe('https://generativelanguage.googleapis.com/v1beta/openai/');
      expect(body.providers.ollama).toMatchObject({ base_url: 'http://127.0.0.1:11434/v1', api_key_env: null });
      expect(body.providers.builtin).toMatchObject({ base_url: null, api_key_env: null, api_key_set: false });
    });

    it('the builtin generator is active by default and not usable', async () => {
      expect(await service().active()).toEqual({
        usable: false,
        name: 'builtin',
        reason: expect.stringContaining('builtin') as string,
      });
    });

    it('a viewer or member cannot create, change or delete providers', async () => {
      for (const token of [viewer, member]) {
        expect((await call({ method: 'POST', url: '/api/providers', token, payload: localBody() })).statusCode).toBe(
          403,
        );
        expect(
          (await call({ method: 'PATCH', url: '/api/providers/openai', token, payload: { enabled: false } }))
            .statusCode,
        ).toBe(403);
        expect((await call({ method: 'POST', url: '/api/providers/openai/use', token })).statusCode).toBe(403);
      }
      expect(Object.keys((await list()).providers)).not.toContain('local');
    });

    it('POST creates a custom provider (201) that GET then lists', async () => {
      const res = await call({ method: 'POST', url: '/api/providers', payload: localBody() });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        name: 'local',
        base_url: fake.baseUrl,
        api_key_env: 'LOCAL_API_KEY',
        default_model: 'test-model',
        enabled: true,
        json_mode: 'json_object',
        source: 'custom',
        api_key_set: true,
        active: false,
      });
      expect((await list()).providers.local).toMatchObject({ source: 'custom', api_key_set: true });
    });

    it('409 for an existing name, custom or built-in', async () => {
      expect((await call({ method: 'POST', url: '/api/providers', payload: localBody() })).statusCode).toBe(409);
      const builtin = await call({
        method: 'POST',
        url: '/api/providers',
        payload: { ...localBody(), name: 'openrouter', api_key_env: 'OPENROUTER_API_KEY' },
      });
      expect(builtin.statusCode).toBe(409);
      expect(builtin.json<{ detail: string }>().detail).toMatch(/openrouter/);
    });

    it.each([
      ['name', { name: 'Bad Name' }],
      ['name', { name: '-starts-with-dash' }],
      ['base_url', { base_url: 'ftp://example.com/v1' }],
      ['base_url', { base_url: 'not a url' }],
      ['base_url', { base_url: 'http://169.254.169.254/v1' }],
      ['base_url', { base_url: 'http://user:pass@example.com/v1' }],
      ['api_key_env', { api_key_env: 'ADMIN_API_KEY' }],
      ['api_key_env', { api_key_env: 'JWT_SECRET' }],
      ['api_key_env', { api_key_env: 'lower_api_key' }],
      ['default_model', { default_model: 'has space' }],
      ['unknown', { unknown: 1 }],
    ])('400 with errors for an invalid %s (%j)', async (field, change) => {
      const res = await call({
        method: 'POST',
        url: '/api/providers',
        payload: { ...localBody(), name: 'bad', ...change },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
      expect(body.errors.map((e) => e.field)).toContain(field);
      expect((await list()).providers.bad).toBeUndefined();
    });

    it('api_key_env is only ever the variable named after the provider (LLM_API_KEY or another *_API_KEY → 400)', async () => {
      for (const [name, apiKeyEnv] of [
        ['generic', 'LLM_API_KEY'],
        ['vendor', 'MY_VENDOR_2_API_KEY'],
      ]) {
        const res = await call({
          method: 'POST',
          url: '/api/providers',
          payload: { ...localBody(), name, api_key_env: apiKeyEnv },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json<{ detail: string }>().detail).toContain(`${name.toUpperCase()}_API_KEY`);
      }
      const res = await call({
        method: 'POST',
        url: '/api/providers',
        payload: { ...localBody(), name: 'vendor', api_key_env: 'VENDOR_API_KEY' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<ProviderBody>()).toMatchObject({ api_key_env: 'VENDOR_API_KEY', api_key_set: false });
    });

    it('PATCH changes only the given fields; 404 for an unknown provider; 400 for nothing or an invalid field', async () => {
      const res = await call({
        method: 'PATCH',
        url: '/api/providers/vendor',
        payload: { default_model: 'vendor-large' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'vendor',
        default_model: 'vendor-large',
        api_key_env: 'VENDOR_API_KEY',
      });
      const keyless = await call({ method: 'PATCH', url: '/api/providers/vendor', payload: { api_key_env: null } });
      expect(keyless.json()).toMatchObject({ api_key_env: null, default_model: 'vendor-large' });

      expect(
        (await call({ method: 'PATCH', url: '/api/providers/nope', payload: { enabled: false } })).statusCode,
      ).toBe(404);
      expect((await call({ method: 'PATCH', url: '/api/providers/vendor', payload: {} })).statusCode).toBe(400);
      const bad = await call({
        method: 'PATCH',
        url: '/api/providers/vendor',
        payload: { api_key_env: 'ADMIN_API_KEY' },
      });
      expect(bad.statusCode).toBe(400);
      expect((await list()).providers.vendor.api_key_env).toBeNull();
    });

    it('json_mode: json_object by default, settable to json_schema or off, anything else 400', async () => {
      expect((await list()).providers.vendor.json_mode).toBe('json_object');
      for (const mode of ['off', 'json_schema', 'json_object']) {
        const res = await call({ method: 'PATCH', url: '/api/providers/vendor', payload: { json_mode: mode } });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ json_mode: mode, default_model: 'vendor-large' });
      }
      const off = await call({ method: 'PATCH', url: '/api/providers/vendor', payload: { json_mode: 'off' } });
      expect(off.json()).toMatchObject({ json_mode: 'off' });
      expect(await service().resolve('vendor')).toMatchObject({ provider: { jsonMode: 'off' } });
      // A PATCH of another field keeps it.
      await call({ method: 'PATCH', url: '/api/providers/vendor', payload: { enabled: true } });
      expect((await list()).providers.vendor.json_mode).toBe('off');

      for (const json_mode of ['JSON', 'json', '', 1, ['off']]) {
        const bad = await call({ method: 'PATCH', url: '/api/providers/vendor', payload: { json_mode } });
        expect(bad.statusCode, JSON.stringify(json_mode)).toBe(400);
        expect(bad.json<{ detail: string }>().detail).toContain(
          'json_mode must be one of json_schema, json_object, off',
        );
      }
      // The upsert of a built-in keeps the built-in's own mode unless told otherwise.
      const upsert = await call({
        method: 'POST',
        url: '/api/providers/openai',
        payload: { base_url: 'https://api.openai.com/v1', default_model: 'gpt-4o' },
      });
      expect(upsert.json()).toMatchObject({ source: 'override', json_mode: 'json_schema' });
    });

    it('PATCH of a built-in stores an override; the builtin generator cannot be changed', async () => {
      const res = await call({
        method: 'PATCH',
        url: '/api/providers/groq',
        payload: { default_model: 'llama-3.1-8b-instant' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'groq',
        source: 'override',
        default_model: 'llama-3.1-8b-instant',
        base_url: 'https://api.groq.com/openai/v1',
        api_key_env: 'GROQ_API_KEY',
      });
      expect((await list()).providers.groq.source).toBe('override');
      const upsert = await call({
        method: 'POST',
        url: '/api/providers/xai',
        payload: { base_url: 'https://api.x.ai/v1', default_model: 'grok-3' },
      });
      expect(upsert.statusCode).toBe(200);
      // Leaving out api_key_env keeps the built-in's variable.
      expect(upsert.json()).toMatchObject({ source: 'override', default_model: 'grok-3', api_key_env: 'XAI_API_KEY' });
      const builtin = await call({ method: 'PATCH', url: '/api/providers/builtin', payload: { enabled: false } });
      expect(builtin.statusCode).toBe(400);
    });

    it('POST /api/providers/{name} upserts (200): creates, then replaces', async () => {
      const payload = { base_url: fake.baseUrl, default_model: 'one', api_key_env: 'OTHER_API_KEY' };
      const created = await call({ method: 'POST', url: '/api/providers/other', payload });
      expect(created.statusCode).toBe(200);
      expect(created.json()).toMatchObject({ name: 'other', source: 'custom', default_model: 'one', enabled: true });
      const replaced = await call({
        method: 'POST',
        url: '/api/providers/other',
        payload: { ...payload, default_model: 'two', enabled: false },
      });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json()).toMatchObject({ default_model: 'two', enabled: false });
      const invalidName = await call({ method: 'POST', url: '/api/providers/Not_Valid', payload });
      expect(invalidName.statusCode).toBe(400);
    });

    it('DELETE removes a custom provider; built-ins → 400; unknown → 404', async () => {
      const res = await call({ method: 'DELETE', url: '/api/providers/other' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ deleted: true, name: 'other' });
      expect((await list()).providers.other).toBeUndefined();
      expect((await call({ method: 'DELETE', url: '/api/providers/other' })).statusCode).toBe(404);
      expect((await call({ method: 'DELETE', url: '/api/providers/openrouter' })).statusCode).toBe(400);
      expect((await call({ method: 'DELETE', url: '/api/providers/groq' })).statusCode).toBe(400);
      expect((await call({ method: 'DELETE', url: '/api/providers/builtin' })).statusCode).toBe(400);
      expect((await call({ method: 'DELETE', url: '/api/providers/groq', token: member })).statusCode).toBe(403);
    });
  });

  describe('use', () => {
    it('switches the active provider at once: GET, settings, .env and active() all follow', async () => {
      const res = await call({ method: 'POST', url: '/api/providers/local/use' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ active: 'local', usable: true });

      const body = await list(viewer);
      expect(body.active).toBe('local');
      expect(body.providers.local.active).toBe(true);
      expect(body.providers.builtin.active).toBe(false);
      const settings = await call({ method: 'GET', url: '/api/settings' });
      expect(settings.json<Record<string, string>>().llm_provider).toBe('local');
      expect((await readFile(t.envFile, 'utf8')).split('\n')).toContain('LLM_PROVIDER=local');

      expect(await service().active()).toEqual({
        usable: true,
        provider: {
          name: 'local',
          baseUrl: fake.baseUrl,
          apiKey: LOCAL_KEY,
          defaultModel: 'test-model',
          jsonMode: 'json_object',
        },
      });
    });

    it('a provider whose key variable is empty is selected but not usable until the key is set', async () => {
      const created = await call({
        method: 'POST',
        url: '/api/providers',
        payload: { ...localBody(), name: 'needs-key', api_key_env: 'NEEDS_KEY_API_KEY' },
      });
      expect(created.statusCode).toBe(201);
      const res = await call({ method: 'POST', url: '/api/providers/needs-key/use' });
      expect(res.json()).toEqual({ active: 'needs-key', usable: false, reason: 'NEEDS_KEY_API_KEY is not set' });
      expect(await service().active()).toEqual({
        usable: false,
        name: 'needs-key',
        reason: 'NEEDS_KEY_API_KEY is not set',
      });

      process.env.NEEDS_KEY_API_KEY = 'sk-now-set';
      try {
        const active = await service().active();
        expect(active).toMatchObject({ usable: true, provider: { name: 'needs-key', apiKey: 'sk-now-set' } });
      } finally {
        process.env.NEEDS_KEY_API_KEY = '';
      }
    });

    it('the active provider cannot be deleted (409); a disabled one cannot be used (400); unknown → 404', async () => {
      expect((await call({ method: 'DELETE', url: '/api/providers/needs-key' })).statusCode).toBe(409);
      await call({ method: 'PATCH', url: '/api/providers/needs-key', payload: { enabled: false } });
      expect(await service().active()).toMatchObject({
        usable: false,
        reason: expect.stringMatching(/disabled/) as string,
      });
      expect((await call({ method: 'POST', url: '/api/providers/needs-key/use' })).statusCode).toBe(400);
      expect((await call({ method: 'POST', url: '/api/providers/nope/use' })).statusCode).toBe(404);

      expect((await call({ method: 'POST', url: '/api/providers/local/use' })).json()).toMatchObject({ usable: true });
      expect((await call({ method: 'DELETE', url: '/api/providers/needs-key' })).statusCode).toBe(200);
    });

    it('resolve(name) resolves any provider the same way', async () => {
      expect(await service().resolve('openrouter')).toEqual({
        usable: true,
        provider: {
          name: 'openrouter',
          baseUrl: 'https://openrouter.ai/api/v1',
          apiKey: OPENROUTER_KEY,
          defaultModel: 'openai/gpt-4o-mini',
          jsonMode: 'json_object',
        },
      });
      expect(await service().resolve('openai')).toEqual({
        usable: false,
        name: 'openai',
        reason: 'OPENAI_API_KEY is not set',
      });
      expect(await service().resolve('ghost')).toMatchObject({ usable: false, name: 'ghost' });
      expect(await service().resolve('ollama')).toMatchObject({ usable: true, provider: { apiKey: undefined } });
    });
  });

  describe('test and models', () => {
    it('POST /{name}/test lists the models through the SDK with the provider key', async () => {
      fake.reset();
      const res = await call({ method: 'POST', url: '/api/providers/local/test' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ provider: 'local', status: 'ok', models_count: fake.models.length });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
      expect(fake.requests[0].headers.authorization).toBe(`Bearer ${LOCAL_KEY}`);
    });

    it('/test reports a plain error for builtin and for a missing key; 404 for an unknown provider', async () => {
      expect((await call({ method: 'POST', url: '/api/providers/builtin/test' })).json()).toEqual({
        provider: 'builtin',
        status: 'error',
        error: 'builtin has no API',
      });
      expect((await call({ method: 'POST', url: '/api/providers/openai/test' })).json()).toEqual({
        provider: 'openai',
        status: 'error',
        error: 'OPENAI_API_KEY is not set',
      });
      expect((await call({ method: 'POST', url: '/api/providers/nope/test' })).statusCode).toBe(404);
      expect((await call({ method: 'POST', url: '/api/providers/local/test', token: member })).statusCode).toBe(403);
    });

    it('GET /api/models lists the provider models with price and context length (viewers too)', async () => {
      const res = await models('provider=local', viewer);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        provider: 'local',
        success: true,
        models: [
          { id: 'test-model', context_length: 8192, pricing: { prompt: '0.000001', completion: '0.000002' } },
          { id: 'fallback-model', context_length: 8192 },
        ],
      });
      // Without ?provider the active one (local) is listed.
      expect((await models('', viewer)).json<ModelsBody>()).toMatchObject({ provider: 'local', success: true });
    });

    it('?key= is sent as the bearer for that request only and never echoed', async () => {
      fake.reset();
      const res = await models(`provider=local&key=${QUERY_KEY}`, member);
      expect(res.json<ModelsBody>().success).toBe(true);
      expect(fake.requests[0].headers.authorization).toBe(`Bearer ${QUERY_KEY}`);
      expect(res.body).not.toContain(QUERY_KEY);
      expect(JSON.stringify(await list())).not.toContain(QUERY_KEY);
    });

    it('a provider without its key answers success=false with the known defaults', async () => {
      const res = await models('provider=openai');
      expect(res.statusCode).toBe(200);
      const body = res.json<ModelsBody>();
      expect(body).toMatchObject({ provider: 'openai', success: false, error: 'OPENAI_API_KEY is not set' });
      expect(body.models.map((m) => m.id)).toContain('gpt-4o-mini');
      expect((await models('provider=nope')).statusCode).toBe(404);
      expect((await models('provider=Bad!')).statusCode).toBe(400);
    });

    it('base_url is for admins only (403), and never a link-local, metadata or non-http address (400)', async () => {
      const url = encodeURIComponent(fake.baseUrl);
      expect((await models(`provider=local&base_url=${url}`, member)).statusCode).toBe(403);
      expect((await models(`provider=local&base_url=${url}`, viewer)).statusCode).toBe(403);
      for (const bad of [
        'http://169.254.169.254/v1',
        'http://[fe80::1]/v1',
        'http://metadata.google.internal/computeMetadata/v1',
        'http://100.100.100.200/latest',
        'http://2852039166/v1',
        'file:///etc/passwd',
      ]) {
        const res = await models(`provider=local&base_url=${encodeURIComponent(bad)}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.json<{ detail: string }>().detail).toMatch(/base_url/);
      }
    });

    it('an admin may list from any other base URL; the stored key is not sent there', async () => {
      fake.reset();
      const url = encodeURIComponent(fake.baseUrl);
      const noKey = await models(`provider=openrouter&base_url=${url}`);
      expect(noKey.json<ModelsBody>()).toMatchObject({ provider: 'openrouter', success: true });
      expect(fake.requests[0].headers.authorization).toBeUndefined();

      const adHoc = await models(`provider=not-yet-created&base_url=${url}&key=${QUERY_KEY}`);
      expect(adHoc.json<ModelsBody>()).toMatchObject({ provider: 'not-yet-created', success: true });
      expect(fake.requests[1].headers.authorization).toBe(`Bearer ${QUERY_KEY}`);
    });

    it('when the server is down: /test says error and /api/models falls back, without the key', async () => {
      await fake.stop();
      const test = await call({ method: 'POST', url: '/api/providers/local/test' });
      expect(test.statusCode).toBe(200);
      const testBody = test.json<{ provider: string; status: string; error: string }>();
      expect(testBody).toMatchObject({ provider: 'local', status: 'error' });
      expect(testBody.error).toMatch(/Connection error/);

      const res = await models('provider=local');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        provider: 'local',
        success: false,
        error: expect.stringMatching(/Connection error/) as string,
        models: [{ id: 'test-model' }],
      });
    });

    it('no response of this suite contained a key value', () => {
      expect(bodies.length).toBeGreaterThan(30);
      for (const body of bodies) for (const secret of SECRETS) expect(body).not.toContain(secret);
    });
  });

  it('reset() forgets custom providers and overrides', async () => {
    await call({ method: 'POST', url: '/api/providers/builtin/use' });
    await service().reset();
    const body = await list();
    expect(Object.keys(body.providers)).toEqual(BUILTIN_PROVIDERS.map((p) => p.name));
    expect(body.providers.groq.source).toBe('builtin');
    expect(body.providers.xai).toMatchObject({ source: 'builtin', default_model: 'grok-2-latest' });
  });
});

describe('providers: LLM_* environment overrides', () => {
  let t: TestApp;
  let fake: FakeLlmServer;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    t = await startApp({
      ...KEY_ENV,
      OPENROUTER_API_KEY: '',
      LLM_PROVIDER: 'openrouter',
      LLM_API_KEY: 'sk-generic-fallback',
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'override-model',
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('LLM_PROVIDER seeds the setting; LLM_BASE_URL / LLM_MODEL apply to the active provider; LLM_API_KEY is the fallback key', async () => {
    const active = await t.app.get(ProvidersService).active();
    expect(active).toEqual({
      usable: true,
      provider: {
        name: 'openrouter',
        baseUrl: fake.baseUrl,
        apiKey: 'sk-generic-fallback',
        defaultModel: 'override-model',
        jsonMode: 'json_object',
      },
    });
    const admin = await t.tokenFor('admin');
    const res = await t.inject({ method: 'GET', url: '/api/providers', token: admin });
    const body = res.json<ListBody>();
    expect(body.active).toBe('openrouter');
    expect(body.providers.openrouter).toMatchObject({
      base_url: fake.baseUrl,
      default_model: 'override-model',
      api_key_set: true,
    });
    // The generic key belongs to the active provider only: it is never sent to another host.
    expect(body.providers.openai).toMatchObject({ base_url: 'https://api.openai.com/v1', api_key_set: false });
    expect(res.body).not.toContain('sk-generic-fallback');

    fake.reset();
    const test = await t.inject({ method: 'POST', url: '/api/providers/openrouter/test', token: admin });
    expect(test.json()).toMatchObject({ status: 'ok', models_count: 2 });
    expect(fake.requests[0].headers.authorization).toBe('Bearer sk-generic-fallback');
  });
});
