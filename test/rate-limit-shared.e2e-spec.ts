import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiresRedis, startApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app';
import { deleteQueueKeys } from './helpers/processes';

function mint(t: TestApp, role = 'member') {
  return t.inject({
    method: 'POST',
    url: '/api/auth/token',
    headers: { 'x-admin-key': TEST_ADMIN_KEY },
    payload: { team_id: 'team-rl', role },
  });
}

function postJob(t: TestApp, token: string, name: string) {
  return t.inject({ method: 'POST', url: '/api/jobs', token, payload: { name, description: 'Rate-limited job' } });
}

requiresRedis('rate limits with the Bull backend: two API processes, one Redis', () => {
  const prefix = `t_rl_${randomBytes(5).toString('hex')}`;
  const env = {
    JOB_QUEUE_BACKEND: 'bull',
    QUEUE_PREFIX: prefix,
    // These API processes only enqueue, and share a signing secret like any deployment.
    RUN_WORKER: 'false',
    JWT_SECRET: `rate-limit-secret-${randomBytes(16).toString('hex')}`,
    TOKEN_RATE_LIMIT: '5',
    JOB_RATE_LIMIT: '2',
  };
  let a: TestApp;
  let b: TestApp;
  let member: string;

  beforeAll(async () => {
    a = await startApp(env);
    b = await startApp(env);
    // The first of the five mints this client may make.
    member = await a.tokenFor('member', 'team-rl');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await deleteQueueKeys(process.env.REDIS_URL!, prefix);
  });

  it('token minting: the limit is counted across both processes, and both refuse once it is used up', async () => {
    expect((await mint(b)).statusCode).toBe(200);
    expect((await mint(a)).statusCode).toBe(200);
    expect((await mint(b)).statusCode).toBe(200);
    expect((await mint(a)).statusCode).toBe(200);
    // Five mints from this client in total (one in beforeAll): the sixth is refused wherever it lands.
    const refusedB = await mint(b);
    expect(refusedB.statusCode).toBe(429);
    expect(Number(refusedB.headers['retry-after'])).toBeGreaterThan(0);
    expect(refusedB.json()).toEqual({ detail: expect.stringMatching(/Retry-After/) });
    expect((await mint(a)).statusCode).toBe(429);
  });

  it('job creation: per team, across both processes', async () => {
    const token = member;
    const first = await postJob(a, token, 'Limit One');
    expect(first.statusCode, first.body).toBe(202);
    expect((await postJob(b, token, 'Limit Two')).statusCode).toBe(202);
    const third = await postJob(a, token, 'Limit Three');
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await postJob(b, token, 'Limit Four')).statusCode).toBe(429);
  });
});

describe('rate limits with the thread backend (embedded default)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startApp({ JOB_QUEUE_BACKEND: 'thread', TOKEN_RATE_LIMIT: '2' });
    b = await startApp({ JOB_QUEUE_BACKEND: 'thread', TOKEN_RATE_LIMIT: '2' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('are kept in memory, per process', async () => {
    expect((await mint(a)).statusCode).toBe(200);
    expect((await mint(a)).statusCode).toBe(200);
    expect((await mint(a)).statusCode).toBe(429);
    // The other process counts on its own.
    expect((await mint(b)).statusCode).toBe(200);
  });
});
