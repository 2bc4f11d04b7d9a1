import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostRecord } from '../src/costs/cost-record.entity';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, llmEnv } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { JobsClient } from './helpers/jobs';

/** A test that runs whole jobs: each wait inside is capped at 30 s; slow CI machines need the headroom. */
const JOB_TEST_TIMEOUT_MS = 60_000;

function costRows(t: TestApp, slug: string): Promise<CostRecord[]> {
  return t.app
    .get(DataSource)
    .getRepository(CostRecord)
    .find({ where: { job_slug: slug }, order: { id: 'ASC' } });
}

describe('LLM calls are safe: no redirect followed, odd replies named', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  /** The provider's base URL: answers 307 when told to. */
  let provider: FakeLlmServer;
  /** Where the redirects point: must never see a request. */
  let target: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;
  let admin: string;

  beforeAll(async () => {
    provider = await new FakeLlmServer().start();
    target = await new FakeLlmServer().start();
    provider.fallback = agentReplies();
    target.fallback = agentReplies();
    t = await startApp(llmEnv(provider.baseUrl, { DAILY_COST_LIMIT: '1000', LLM_RETRY_BASE_MS: '10' }));
    admin = await t.tokenFor('admin');
    c = new JobsClient(t, admin);
  });

  afterAll(async () => {
    await t?.close();
    await provider?.stop();
    await target?.stop();
  });

  const redirectMessage = (status: number) =>
    `Provider "openai" answered HTTP ${status} (a redirect to ${new URL(target.baseUrl).origin}); ` +
    'redirects are not followed: set its base_url to the final address';

  it('a 307 from the provider is not followed by a job call, and the job error says why', async () => {
    provider.reset();
    target.reset();
    provider.redirectTo = target.baseUrl;
    try {
      const slug = 'llm-redirect-307';
      await c.create({ slug, name: 'Redirect 307', features: ['Todo'] });
      await c.waitForStatus(slug, undefined, 30_000);

      // The job as a user reads it.
      const job = await c.get(slug);
      expect(job.status).toBe('failed');
      expect(job.phases.ba).toBe('failed');
      expect(job.error).toBe(`Phase ba failed: ${redirectMessage(307)}`);
      expect(job.error).not.toContain('Cannot read properties');

      // One request to the provider, not retried; none to the redirect target.
      expect(provider.chatRequests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
      expect((await costRows(t, slug)).map((r) => [r.outcome, r.cost_usd])).toEqual([['http_307', 0]]);
    } finally {
      provider.redirectTo = undefined;
    }
  });

  it('a 308 on the provider test and the model list is not followed either', async () => {
    provider.reset();
    target.reset();
    provider.redirectTo = target.baseUrl;
    provider.redirectStatus = 308;
    try {
      const test = await t.inject({ method: 'POST', url: '/api/providers/openai/test', token: admin });
      expect(test.statusCode, test.body).toBe(200);
      expect(test.json()).toEqual({ provider: 'openai', status: 'error', error: redirectMessage(308) });

      const models = await t.inject({ method: 'GET', url: '/api/models?provider=openai', token: admin });
      expect(models.statusCode, models.body).toBe(200);
      expect(models.json()).toMatchObject({ provider: 'openai', success: false, error: redirectMessage(308) });

      expect(provider.requests.filter((r) => r.path.endsWith('/models'))).toHaveLength(2);
      expect(target.requests).toHaveLength(0);
    } finally {
      provider.redirectTo = undefined;
      provider.redirectStatus = 307;
    }
  });

  it('an HTML page instead of a completion fails the job with the provider, status and content type', async () => {
    provider.reset();
    provider.enqueue({
      raw: { body: '<html><body>Welcome to the hotel Wi-Fi</body></html>', contentType: 'text/html' },
    });
    const slug = 'llm-html-reply';
    await c.create({ slug, name: 'Html Reply', features: ['Todo'] });
    await c.waitForStatus(slug, undefined, 30_000);
    const job = await c.get(slug);
    expect(job.status).toBe('failed');
    expect(job.error).toBe(
      'Phase ba failed: Provider "openai" sent an unexpected reply (HTTP 200, text/html): the body is not JSON',
    );
    expect(provider.chatRequests).toHaveLength(1);
    expect((await costRows(t, slug)).map((r) => r.outcome)).toEqual(['invalid_reply']);
  });

  it('a provider refusing response_format fails the job with a pointer to json_mode', async () => {
    provider.reset();
    provider.enqueue({
      status: 400,
      json: { error: { message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported" } },
    });
    const slug = 'llm-refuses-json-mode';
    await c.create({ slug, name: 'Refuses Json Mode', features: ['Todo'] });
    await c.waitForStatus(slug, undefined, 30_000);
    const job = await c.get(slug);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^Phase ba failed: Provider "openai" refused response_format \(HTTP 400: /);
    expect(job.error).toMatch(/; set its json_mode to "off" if it does not support JSON mode$/);
    expect(provider.chatRequests).toHaveLength(1);
  });

  it('a JSON body without choices fails the job with a clear error, not a TypeError', async () => {
    provider.reset();
    provider.enqueue(
      { raw: { body: '{"object": "list", "data": []}', contentType: 'application/json' } },
      { raw: { body: '{"error": {"message": "model is loading"}}', contentType: 'application/json' } },
    );
    for (const [slug, reason] of [
      ['llm-no-choices', 'no "choices"'],
      ['llm-error-200', 'an error: model is loading'],
    ]) {
      await c.create({ slug, name: slug, features: ['Todo'] });
      await c.waitForStatus(slug, undefined, 30_000);
      const job = await c.get(slug);
      expect(job.status).toBe('failed');
      expect(job.error).toBe(
        `Phase ba failed: Provider "openai" sent an unexpected reply (HTTP 200, application/json): ${reason}`,
      );
    }
  });
});
