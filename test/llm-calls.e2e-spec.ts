import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostRecord } from '../src/costs/cost-record.entity';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, callOf, llmEnv } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { JobsClient, waitFor } from './helpers/jobs';

/** A test that runs whole jobs: each wait inside is capped at 30 s; slow CI machines need the headroom. */
const JOB_TEST_TIMEOUT_MS = 60_000;

const RETRY_BASE_MS = 50;
const TIMEOUT_MS = 1000;
/** Timers and the event loop may fire a little early or late. */
const TOLERANCE_MS = 50;

function costRows(t: TestApp, slug: string): Promise<CostRecord[]> {
  return t.app
    .get(DataSource)
    .getRepository(CostRecord)
    .find({ where: { job_slug: slug }, order: { id: 'ASC' } });
}

describe('LLM calls: retries, Retry-After, fallback model, timeouts', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;
  let admin: string;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies();
    t = await startApp(
      llmEnv(fake.baseUrl, {
        LLM_MAX_RETRIES: '2',
        LLM_RETRY_BASE_MS: String(RETRY_BASE_MS),
        LLM_TIMEOUT_MS: String(TIMEOUT_MS),
        DAILY_COST_LIMIT: '1000',
      }),
    );
    admin = await t.tokenFor('admin');
    c = new JobsClient(t, admin);
    const res = await t.inject({
      method: 'POST',
      url: '/api/settings',
      token: admin,
      payload: { smart_model_fallback: 'fallback-model' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('honours Retry-After on a 429 before trying again', async () => {
    fake.reset();
    fake.enqueue({ status: 429, headers: { 'retry-after': '1' }, json: { error: { message: 'Rate limit reached' } } });
    const slug = 'llm-retry-429';
    await c.create({ slug, name: 'Retry 429', features: ['Todo'] });
    await c.waitForSuccess(slug, 30_000);

    const [first, second] = fake.chatRequests;
    expect(callOf(first).phase).toBe('ba');
    expect(callOf(second).phase).toBe('ba');
    expect(second.body).toEqual(first.body);
    // The backoff alone would be 50 ms; Retry-After says one second.
    expect(second.at - first.at).toBeGreaterThanOrEqual(1000 - TOLERANCE_MS);

    const logs = await c.logs(slug);
    expect(
      logs.some((l) => l.phase === 'ba' && l.level === 'warn' && /HTTP 429.*retrying in 1\.0 s/.test(l.message)),
    ).toBe(true);
    const ba = (await costRows(t, slug)).filter((r) => r.phase === 'ba');
    expect(ba.map((r) => r.outcome)).toEqual(['http_429', 'ok']);
    expect(ba[0]).toMatchObject({ tokens_in: 0, tokens_out: 0, cost_usd: 0, model: 'gpt-4o-mini' });
  });

  it('after repeated 500s beyond LLM_MAX_RETRIES switches to the smart_model_fallback model and logs it', async () => {
    fake.reset();
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const slug = 'llm-retry-fallback';
    await c.create({ slug, name: 'Retry Fallback', features: ['Todo'] });
    await c.waitForSuccess(slug, 30_000);

    const requests = fake.chatRequests;
    expect(requests.slice(0, 4).map((r) => callOf(r).phase)).toEqual(['ba', 'ba', 'ba', 'ba']);
    expect(requests.slice(0, 4).map((r) => r.body?.model)).toEqual([
      'gpt-4o-mini',
      'gpt-4o-mini',
      'gpt-4o-mini',
      'fallback-model',
    ]);
    // Exponential backoff between the retries (50 ms, then 100 ms).
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(RETRY_BASE_MS - TOLERANCE_MS / 2);
    expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - TOLERANCE_MS / 2);
    // The next call starts on the primary model again.
    expect(callOf(requests[4]).phase).not.toBe('ba');
    expect(requests[4].body?.model).toBe('gpt-4o-mini');

    const logs = await c.logs(slug);
    const switched = logs.find((l) => l.message.includes('switching to fallback model fallback-model'));
    expect(switched).toMatchObject({ phase: 'ba', level: 'warn' });
    expect(switched!.message).toContain('Model gpt-4o-mini kept failing (HTTP 500');

    const ba = (await costRows(t, slug)).filter((r) => r.phase === 'ba');
    expect(ba.map((r) => [r.model, r.outcome])).toEqual([
      ['gpt-4o-mini', 'http_500'],
      ['gpt-4o-mini', 'http_500'],
      ['gpt-4o-mini', 'http_500'],
      ['fallback-model', 'ok'],
    ]);
    // fallback-model is not in the price table: charged the default and flagged.
    expect(ba[3].cost_source).toBe('default');
  });

  it('fails the phase with a clear error when the fallback model fails too', async () => {
    fake.reset();
    fake.enqueue({ status: 500 }, { status: 502 }, { status: 503 }, { status: 500 });
    const slug = 'llm-retry-exhausted';
    await c.create({ slug, name: 'Retry Exhausted', features: ['Todo'] });
    const job = await c.waitForStatus(slug, undefined, 30_000);
    expect(job.status).toBe('failed');
    expect(job.phases.ba).toBe('failed');
    expect(job.error).toMatch(/^Phase ba failed: the fallback model fallback-model also failed: HTTP 500/);
    expect(fake.chatRequests).toHaveLength(4);
    expect((await costRows(t, slug)).map((r) => r.outcome)).toEqual(['http_500', 'http_502', 'http_503', 'http_500']);
  });

  it('times out a slow reply and retries it', async () => {
    fake.reset();
    fake.enqueue({ delayMs: 30 * TIMEOUT_MS, content: '{"files": []}' });
    const slug = 'llm-retry-timeout';
    await c.create({ slug, name: 'Retry Timeout', features: ['Todo'] });
    await c.waitForSuccess(slug, 30_000);

    const [first, second] = fake.chatRequests;
    expect(callOf(second).phase).toBe('ba');
    expect(second.body).toEqual(first.body);
    expect(second.at - first.at).toBeGreaterThanOrEqual(TIMEOUT_MS - TOLERANCE_MS);
    // Far sooner than the 30 s the server would have taken.
    expect(second.at - first.at).toBeLessThan(15 * TIMEOUT_MS);
    // The client gave up on the first request and closed its connection.
    expect(fake.abortedRequests).toBe(1);

    const ba = (await costRows(t, slug)).filter((r) => r.phase === 'ba');
    expect(ba.map((r) => r.outcome)).toEqual(['timeout', 'ok']);
    expect(ba[0].latency_ms).toBeGreaterThanOrEqual(TIMEOUT_MS - TOLERANCE_MS);
    const logs = await c.logs(slug);
    expect(logs.some((l) => l.phase === 'ba' && l.message.includes('the request timed out; retrying'))).toBe(true);
  });
});

describe('LLM calls: cancel aborts the request in flight', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies();
    t = await startApp(llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000' }));
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('cancels a job waiting on a slow reply within 2 s and closes the connection', async () => {
    fake.enqueue({ delayMs: 30_000, content: '{"files": []}' });
    const slug = 'llm-cancel-slow';
    await c.create({ slug, name: 'Cancel Slow', features: ['Todo'] });
    await waitFor('the first chat request', async () => (fake.chatRequests.length ? true : undefined), 20_000);
    expect(callOf(fake.chatRequests[0]).phase).toBe('ba');

    const started = Date.now();
    const res = await c.cancel(slug);
    expect(res.statusCode, res.body).toBe(200);
    const job = await c.until(slug, 'cancelled', (j) => j.status === 'cancelled', 5_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    expect(job.phases.ba).toBe('cancelled');
    expect(job.error).toBeNull();

    // The server saw the client hang up, and nothing more was asked.
    await waitFor('the aborted connection', async () => (fake.abortedRequests === 1 ? true : undefined), 2_000);
    expect(fake.chatRequests).toHaveLength(1);
    const rows = await costRows(t, slug);
    expect(rows.map((r) => r.outcome)).toEqual(['aborted']);
    expect(rows[0].cost_usd).toBe(0);
    const logs = await c.logs(slug);
    expect(logs.some((l) => l.message === 'Job cancelled')).toBe(true);
    expect(logs.some((l) => /retrying|switching/.test(l.message))).toBe(false);
  });

  it('deleting a job waiting on a slow reply aborts the request too', async () => {
    fake.reset();
    fake.enqueue({ delayMs: 30_000, content: '{"files": []}' });
    const slug = 'llm-delete-slow';
    await c.create({ slug, name: 'Delete Slow', features: ['Todo'] });
    await waitFor('the first chat request', async () => (fake.chatRequests.length ? true : undefined), 20_000);

    const started = Date.now();
    const res = await c.remove(slug);
    expect(res.statusCode, res.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await c.getRaw(slug)).statusCode).toBe(404);
    await waitFor('the aborted connection', async () => (fake.abortedRequests === 1 ? true : undefined), 2_000);
    expect(fake.chatRequests).toHaveLength(1);
  });
});
