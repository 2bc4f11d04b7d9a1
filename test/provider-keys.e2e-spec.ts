import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmUnavailableError } from '../src/llm/llm.errors';
import { LlmService } from '../src/llm/llm.service';
import { BUILTIN_PROVIDERS } from '../src/providers/builtin-providers';
import { ProviderRecord } from '../src/providers/provider-record.entity';
import { ProvidersService } from '../src/providers/providers.service';
import { startApp, TEST_ADMIN_KEY, type InjectRequest, type TestApp } from './helpers/app';
import { FakeLlmServer, type RecordedRequest } from './helpers/fake-llm';
import { JobsClient } from './helpers/jobs';

/**
 * Issue 12, finding 1: server keys sent to any URL. A capture server (a real
 * HTTP server recording every request's headers) stands in for the attacker.
 *
 * The rule: a provider's key comes only from the variable named after it
 * (`<NAME>_API_KEY`), or from LLM_API_KEY for the provider LLM_PROVIDER named
 * at boot. A built-in's key goes only to its own scheme+host+port (or to
 * LLM_BASE_URL); a custom provider's own key follows its base_url.
 */

const OPENROUTER_KEY = 'sk-or-secret-1111111111';
const GENERIC_KEY = 'sk-llm-generic-2222222222';
const STRIPE_KEY = 'sk-stripe-secret-3333333333';
const MY_LLM_KEY = 'sk-my-llm-secret-4444444444';

/** Every built-in key variable cleared, so keys in the outer shell cannot change the results. */
const NO_BUILTIN_KEYS: Record<string, string> = Object.fromEntries(
  BUILTIN_PROVIDERS.filter((p) => p.api_key_env).map((p) => [p.api_key_env!, '']),
);

interface ProviderBody {
  name: string;
  base_url: string | null;
  api_key_env: string | null;
  source: string;
  api_key_set: boolean;
  active: boolean;
}
interface ListBody {
  active: string;
  providers: Record<string, ProviderBody>;
}

/** The header values of every request the capture server received. */
function headerText(requests: RecordedRequest[]): string {
  return JSON.stringify(requests.map((r) => r.headers));
}

describe('provider keys: each key bound to its provider (issue 12, finding 1)', () => {
  let t: TestApp;
  let capture: FakeLlmServer;
  let admin: string;
  let viewer: string;
  /** Every response body of the suite; none may contain a key value. */
  const bodies: string[] = [];
  const secrets = [OPENROUTER_KEY, GENERIC_KEY, STRIPE_KEY, MY_LLM_KEY, TEST_ADMIN_KEY];

  beforeAll(async () => {
    capture = await new FakeLlmServer().start();
    t = await startApp({
      ...NO_BUILTIN_KEYS,
      OPENROUTER_API_KEY: OPENROUTER_KEY,
      // LLM_PROVIDER is builtin (unset): LLM_API_KEY belongs to no provider that could send it.
      LLM_API_KEY: GENERIC_KEY,
      STRIPE_API_KEY: STRIPE_KEY,
      MY_LLM_API_KEY: MY_LLM_KEY,
      EVIL_API_KEY: '',
      LEGACY_API_KEY: '',
    });
    admin = await t.tokenFor('admin');
    viewer = await t.tokenFor('viewer');
  });
  afterAll(async () => {
    await t?.close();
    await capture?.stop();
  });

  const call = async (request: InjectRequest) => {
    const res = await t.inject({ token: admin, ...request });
    bodies.push(res.body);
    return res;
  };
  const list = async () => (await call({ method: 'GET', url: '/api/providers' })).json<ListBody>();
  const service = () => t.app.get(ProvidersService);
  const evil = (extra: Record<string, unknown> = {}) => ({
    name: 'evil',
    base_url: capture.baseUrl,
    default_model: 'steal-model',
    ...extra,
  });

  describe('(a) a custom provider cannot name another variable', () => {
    it.each(['LLM_API_KEY', 'STRIPE_API_KEY', 'OPENROUTER_API_KEY', 'ADMIN_API_KEY'])(
      'POST /api/providers naming %s → 400 explaining the rule, nothing stored, nothing sent',
      async (variable) => {
        capture.reset();
        const res = await call({ method: 'POST', url: '/api/providers', payload: evil({ api_key_env: variable }) });
        expect(res.statusCode).toBe(400);
        const body = res.json<{ detail: string; errors: { field: string }[] }>();
        expect(body.detail).toMatch(/EVIL_API_KEY/);
        expect(body.detail).toMatch(/named after/);
        expect(body.errors.map((e) => e.field)).toContain('api_key_env');
        expect((await list()).providers.evil).toBeUndefined();
        expect((await call({ method: 'POST', url: '/api/providers/evil/test' })).statusCode).toBe(404);
        expect(capture.requests).toHaveLength(0);
      },
    );

    it('the upsert and PATCH routes refuse another variable too; the attacker gets no key', async () => {
      capture.reset();
      const upsert = await call({
        method: 'POST',
        url: '/api/providers/evil',
        payload: { base_url: capture.baseUrl, default_model: 'steal-model', api_key_env: 'LLM_API_KEY' },
      });
      expect(upsert.statusCode).toBe(400);
      expect(upsert.json<{ detail: string }>().detail).toMatch(/must be EVIL_API_KEY/);

      // A keyless provider pointing at the attacker is allowed: it sends nothing secret.
      const created = await call({ method: 'POST', url: '/api/providers', payload: evil() });
      expect(created.statusCode).toBe(201);
      expect(created.json<ProviderBody>()).toMatchObject({ api_key_env: null, api_key_set: false });
      for (const variable of ['LLM_API_KEY', 'STRIPE_API_KEY', 'OPENROUTER_API_KEY']) {
        const patched = await call({ method: 'PATCH', url: '/api/providers/evil', payload: { api_key_env: variable } });
        expect(patched.statusCode, variable).toBe(400);
        expect(patched.json<{ detail: string }>().detail).toMatch(/EVIL_API_KEY/);
      }
      expect((await list()).providers.evil.api_key_env).toBeNull();

      // Its own (empty) variable is accepted and shown; /test then says it is not set and sends nothing.
      const own = await call({ method: 'PATCH', url: '/api/providers/evil', payload: { api_key_env: 'EVIL_API_KEY' } });
      expect(own.statusCode).toBe(200);
      expect(own.json<ProviderBody>()).toMatchObject({ api_key_env: 'EVIL_API_KEY', api_key_set: false });
      expect((await call({ method: 'POST', url: '/api/providers/evil/test' })).json()).toEqual({
        provider: 'evil',
        status: 'error',
        error: 'EVIL_API_KEY is not set',
      });
      expect(capture.requests).toHaveLength(0);

      // Keyless again: /test and the model listing reach the attacker without any Authorization header.
      await call({ method: 'PATCH', url: '/api/providers/evil', payload: { api_key_env: null } });
      expect((await call({ method: 'POST', url: '/api/providers/evil/test' })).json()).toMatchObject({ status: 'ok' });
      await call({ method: 'GET', url: '/api/models?provider=evil', token: viewer });
      expect(capture.requests.length).toBeGreaterThanOrEqual(2);
      for (const r of capture.requests) expect(r.headers.authorization).toBeUndefined();
    });

    it('a provider named "admin" or "llm" cannot have a key at all', async () => {
      for (const [name, variable] of [
        ['admin', 'ADMIN_API_KEY'],
        ['llm', 'LLM_API_KEY'],
      ]) {
        const res = await call({
          method: 'POST',
          url: '/api/providers',
          payload: evil({ name, api_key_env: variable }),
        });
        expect(res.statusCode, name).toBe(400);
        expect(res.json<{ detail: string }>().detail).toMatch(/cannot have a key/);
      }
    });

    it('rows stored under the old rule read only the variable named after them', async () => {
      const repo = t.app.get(DataSource).getRepository(ProviderRecord);
      const now = new Date().toISOString();
      for (const [name, variable] of [
        ['legacy', 'LLM_API_KEY'],
        ['admin', 'ADMIN_API_KEY'],
        ['stripe-legacy', 'STRIPE_API_KEY'],
      ]) {
        await repo.insert({
          name,
          base_url: capture.baseUrl,
          api_key_env: variable,
          default_model: 'm',
          enabled: true,
          created_at: now,
          updated_at: now,
        });
      }
      (service() as unknown as { invalidate(): void }).invalidate();
      const { providers } = await list();
      expect(providers.legacy).toMatchObject({ api_key_env: 'LEGACY_API_KEY', api_key_set: false });
      expect(providers.admin).toMatchObject({ api_key_env: 'ADMIN_API_KEY', api_key_set: false });
      expect(providers['stripe-legacy']).toMatchObject({ api_key_env: 'STRIPE_LEGACY_API_KEY', api_key_set: false });

      capture.reset();
      for (const name of ['legacy', 'admin', 'stripe-legacy']) {
        const res = await call({ method: 'POST', url: `/api/providers/${name}/test` });
        expect(res.json(), name).toMatchObject({ status: 'error', error: expect.stringMatching(/API_KEY/) as string });
      }
      expect(capture.requests).toHaveLength(0);
      for (const name of ['legacy', 'admin', 'stripe-legacy']) await repo.delete({ name });
      (service() as unknown as { invalidate(): void }).invalidate();
    });
  });

  describe('(b) a built-in whose base_url leaves its own host no longer sends its key', () => {
    it('starts with the key set', async () => {
      expect((await list()).providers.openrouter).toMatchObject({
        api_key_env: 'OPENROUTER_API_KEY',
        api_key_set: true,
      });
    });

    it('PATCH openrouter base_url to the attacker: api_key_set false, /test says why and sends nothing', async () => {
      capture.reset();
      const res = await call({
        method: 'PATCH',
        url: '/api/providers/openrouter',
        payload: { base_url: capture.baseUrl },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<ProviderBody>()).toMatchObject({
        source: 'override',
        base_url: capture.baseUrl,
        api_key_env: 'OPENROUTER_API_KEY',
        api_key_set: false,
      });
      expect((await list()).providers.openrouter.api_key_set).toBe(false);

      const test = await call({ method: 'POST', url: '/api/providers/openrouter/test' });
      expect(test.statusCode).toBe(200);
      const body = test.json<{ status: string; error: string }>();
      expect(body.status).toBe('error');
      expect(body.error).toContain('OPENROUTER_API_KEY is sent only to https://openrouter.ai');
      expect(body.error).toContain(new URL(capture.baseUrl).origin);
      expect(body.error).toMatch(/set base_url back/);
      expect(capture.requests).toHaveLength(0);
    });

    it("a viewer's GET /api/models?provider=openrouter sends no key (and no request)", async () => {
      capture.reset();
      const res = await call({ method: 'GET', url: '/api/models?provider=openrouter', token: viewer });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        provider: 'openrouter',
        success: false,
        error: expect.stringContaining('is sent only to https://openrouter.ai') as string,
      });
      expect(capture.requests).toHaveLength(0);
    });

    it('jobs do not call it: the provider is not usable and a job runs on the builtin generator', async () => {
      const use = await call({ method: 'POST', url: '/api/providers/openrouter/use' });
      expect(use.json()).toMatchObject({
        active: 'openrouter',
        usable: false,
        reason: expect.stringContaining('OPENROUTER_API_KEY is sent only to') as string,
      });
      await expect(t.app.get(LlmService).provider()).rejects.toBeInstanceOf(LlmUnavailableError);

      capture.reset();
      const jobs = new JobsClient(t, admin);
      await jobs.create({ slug: 'keys-withheld', name: 'Keys Withheld', features: ['Todo'] });
      const job = await jobs.waitForSuccess('keys-withheld', 30_000);
      expect(job.generator).toBe('builtin');
      const logs = await jobs.logs('keys-withheld');
      expect(logs.some((l) => l.message.includes('OPENROUTER_API_KEY is sent only to https://openrouter.ai'))).toBe(
        true,
      );
      expect(capture.requests).toHaveLength(0);
    }, 60_000);

    it.each(['http://openrouter.ai/api/v1', 'https://openrouter.ai:8443/api/v1', 'https://openrouter.ai.evil.test/v1'])(
      'another scheme, port or host (%s) withholds the key too',
      async (baseUrl) => {
        const res = await call({ method: 'PATCH', url: '/api/providers/openrouter', payload: { base_url: baseUrl } });
        expect(res.json<ProviderBody>().api_key_set).toBe(false);
      },
    );

    it('the same host with another path keeps the key; reverting the base_url restores it', async () => {
      const path = await call({
        method: 'PATCH',
        url: '/api/providers/openrouter',
        payload: { base_url: 'https://OpenRouter.ai:443/api/v2' },
      });
      expect(path.json<ProviderBody>().api_key_set).toBe(true);
      const reverted = await call({
        method: 'PATCH',
        url: '/api/providers/openrouter',
        payload: { base_url: 'https://openrouter.ai/api/v1' },
      });
      expect(reverted.json<ProviderBody>()).toMatchObject({ api_key_set: true, api_key_env: 'OPENROUTER_API_KEY' });
      expect(await service().resolve('openrouter')).toMatchObject({
        usable: true,
        provider: { baseUrl: 'https://openrouter.ai/api/v1', apiKey: OPENROUTER_KEY },
      });
    });

    it('the upsert route follows the same rule, and cannot name another variable for a built-in', async () => {
      const moved = await call({
        method: 'POST',
        url: '/api/providers/openrouter',
        payload: { base_url: capture.baseUrl, default_model: 'openai/gpt-4o-mini' },
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json<ProviderBody>()).toMatchObject({ api_key_env: 'OPENROUTER_API_KEY', api_key_set: false });
      const other = await call({
        method: 'PATCH',
        url: '/api/providers/openrouter',
        payload: { api_key_env: 'STRIPE_API_KEY' },
      });
      expect(other.statusCode).toBe(400);
      expect(other.json<{ detail: string }>().detail).toMatch(/must be OPENROUTER_API_KEY/);
      const back = await call({
        method: 'PATCH',
        url: '/api/providers/openrouter',
        payload: { base_url: 'https://openrouter.ai/api/v1' },
      });
      expect(back.json<ProviderBody>().api_key_set).toBe(true);
      await call({ method: 'POST', url: '/api/providers/builtin/use' });
    });
  });

  describe('(c) LLM_API_KEY with LLM_PROVIDER unset (builtin)', () => {
    it('belongs to no provider: every built-in but openrouter reads as not set', async () => {
      const { providers } = await list();
      for (const p of BUILTIN_PROVIDERS) {
        if (p.name === 'openrouter' || !p.api_key_env) continue;
        expect(providers[p.name].api_key_set, p.name).toBe(false);
      }
    });
  });

  describe('(d) a custom provider uses the variable named after it', () => {
    it('my-llm reads MY_LLM_API_KEY and sends it to its own base_url, for /test, models and job calls', async () => {
      const res = await call({
        method: 'POST',
        url: '/api/providers',
        payload: {
          name: 'my-llm',
          base_url: capture.baseUrl,
          api_key_env: 'MY_LLM_API_KEY',
          default_model: 'test-model',
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<ProviderBody>()).toMatchObject({ api_key_env: 'MY_LLM_API_KEY', api_key_set: true });

      capture.reset();
      expect((await call({ method: 'POST', url: '/api/providers/my-llm/test' })).json()).toMatchObject({
        status: 'ok',
      });
      await call({ method: 'GET', url: '/api/models?provider=my-llm', token: viewer });
      await call({ method: 'POST', url: '/api/providers/my-llm/use' });
      const reply = await t.app.get(LlmService).complete({ agent: 'test', teamId: 'default', system: 's', user: 'u' });
      expect(reply.provider).toBe('my-llm');
      expect(capture.requests.map((r) => r.path)).toEqual(['/v1/models', '/v1/models', '/v1/chat/completions']);
      for (const r of capture.requests) expect(r.headers.authorization).toBe(`Bearer ${MY_LLM_KEY}`);
      await call({ method: 'POST', url: '/api/providers/builtin/use' });
    });
  });

  it('the capture server never saw any other key; no response contained one', () => {
    const seen = headerText(capture.requests);
    for (const secret of [OPENROUTER_KEY, GENERIC_KEY, STRIPE_KEY, TEST_ADMIN_KEY]) expect(seen).not.toContain(secret);
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });
});

describe('provider keys: LLM_API_KEY belongs to the provider LLM_PROVIDER named at boot', () => {
  let t: TestApp;
  let capture: FakeLlmServer;
  let admin: string;

  beforeAll(async () => {
    capture = await new FakeLlmServer().start();
    t = await startApp({ ...NO_BUILTIN_KEYS, LLM_PROVIDER: 'openai', LLM_API_KEY: GENERIC_KEY, RELAY_API_KEY: '' });
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t?.close();
    await capture?.stop();
  });

  const list = async () =>
    (await t.inject({ method: 'GET', url: '/api/providers', token: admin })).json<ListBody>().providers;

  it('only openai reads it', async () => {
    const providers = await list();
    expect(providers.openai).toMatchObject({ api_key_env: 'OPENAI_API_KEY', api_key_set: true, active: true });
    for (const p of BUILTIN_PROVIDERS) {
      if (p.name === 'openai' || !p.api_key_env) continue;
      expect(providers[p.name].api_key_set, p.name).toBe(false);
    }
    expect(await t.app.get(ProvidersService).resolve('openai')).toMatchObject({
      usable: true,
      provider: { apiKey: GENERIC_KEY },
    });
  });

  it('making another provider active at run time does not carry it over', async () => {
    await t.inject({ method: 'POST', url: '/api/providers/openrouter/use', token: admin });
    const created = await t.inject({
      method: 'POST',
      url: '/api/providers',
      token: admin,
      payload: { name: 'relay', base_url: capture.baseUrl, api_key_env: 'RELAY_API_KEY', default_model: 'm' },
    });
    expect(created.statusCode).toBe(201);
    let providers = await list();
    expect(providers.openrouter).toMatchObject({ active: true, api_key_set: false });
    expect(providers.openai).toMatchObject({ active: false, api_key_set: true });

    await t.inject({ method: 'POST', url: '/api/providers/relay/use', token: admin });
    providers = await list();
    expect(providers.relay).toMatchObject({ active: true, api_key_set: false });
    capture.reset();
    const test = await t.inject({ method: 'POST', url: '/api/providers/relay/test', token: admin });
    expect(test.json()).toEqual({ provider: 'relay', status: 'error', error: 'RELAY_API_KEY is not set' });
    expect(capture.requests).toHaveLength(0);
  });

  it('moving openai to another host withholds it as well, until reverted', async () => {
    capture.reset();
    const moved = await t.inject({
      method: 'PATCH',
      url: '/api/providers/openai',
      token: admin,
      payload: { base_url: capture.baseUrl },
    });
    expect(moved.json<ProviderBody>().api_key_set).toBe(false);
    const test = await t.inject({ method: 'POST', url: '/api/providers/openai/test', token: admin });
    expect(test.json()).toMatchObject({
      status: 'error',
      error: expect.stringContaining('OPENAI_API_KEY is sent only to https://api.openai.com') as string,
    });
    expect(capture.requests).toHaveLength(0);
    const back = await t.inject({
      method: 'PATCH',
      url: '/api/providers/openai',
      token: admin,
      payload: { base_url: 'https://api.openai.com/v1' },
    });
    expect(back.json<ProviderBody>().api_key_set).toBe(true);
  });
});

describe('provider keys: LLM_API_KEY for a custom boot provider goes only to LLM_BASE_URL', () => {
  let t: TestApp;
  let capture: FakeLlmServer;
  let operator: FakeLlmServer;
  let admin: string;

  beforeAll(async () => {
    capture = await new FakeLlmServer().start();
    operator = await new FakeLlmServer().start();
    t = await startApp({
      ...NO_BUILTIN_KEYS,
      LLM_PROVIDER: 'my-llm',
      LLM_API_KEY: GENERIC_KEY,
      LLM_BASE_URL: operator.baseUrl,
      MY_LLM_API_KEY: '',
    });
    admin = await t.tokenFor('admin');
    const created = await t.inject({
      method: 'POST',
      url: '/api/providers',
      token: admin,
      payload: { name: 'my-llm', base_url: capture.baseUrl, api_key_env: 'MY_LLM_API_KEY', default_model: 'm' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await capture?.stop();
    await operator?.stop();
  });

  it('while active it is called at LLM_BASE_URL, with LLM_API_KEY', async () => {
    const test = await t.inject({ method: 'POST', url: '/api/providers/my-llm/test', token: admin });
    expect(test.json()).toMatchObject({ status: 'ok' });
    expect(operator.requests).toHaveLength(1);
    expect(operator.requests[0].headers.authorization).toBe(`Bearer ${GENERIC_KEY}`);
    expect(capture.requests).toHaveLength(0);
  });

  it('at its own (API-set) base_url it never gets LLM_API_KEY', async () => {
    await t.inject({ method: 'POST', url: '/api/providers/builtin/use', token: admin });
    const providers = (await t.inject({ method: 'GET', url: '/api/providers', token: admin })).json<ListBody>()
      .providers;
    expect(providers['my-llm']).toMatchObject({ base_url: capture.baseUrl, active: false, api_key_set: false });
    const test = await t.inject({ method: 'POST', url: '/api/providers/my-llm/test', token: admin });
    expect(test.json()).toMatchObject({
      status: 'error',
      error: expect.stringContaining('LLM_API_KEY is sent only to LLM_BASE_URL') as string,
    });
    expect(capture.requests).toHaveLength(0);
  });
});
