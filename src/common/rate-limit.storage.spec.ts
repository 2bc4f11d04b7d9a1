import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisThrottlerStorage } from './rate-limit.storage';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!process.env.REDIS_URL)('RedisThrottlerStorage on a real Redis', () => {
  const storage = new RedisThrottlerStorage(process.env.REDIS_URL!, `t_rls_${randomBytes(5).toString('hex')}`);
  afterAll(() => storage.onApplicationShutdown());

  it('counts hits in a window, blocks past the limit, and starts afresh when the block lapses', async () => {
    const hit = () => storage.increment('client-a', 400, 2, 400, 'token');
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 1 });
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    const blocked = await hit();
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    expect((await hit()).isBlocked).toBe(true);
    // Another key and another limit name are counted apart.
    expect(await storage.increment('client-b', 400, 2, 400, 'token')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await storage.increment('client-a', 400, 2, 400, 'jobs')).toMatchObject({ totalHits: 1, isBlocked: false });
    await sleep(500);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});

describe('RedisThrottlerStorage without Redis', () => {
  it('lets the request through (not blocked) instead of failing it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const storage = new RedisThrottlerStorage(`redis://127.0.0.1:${port}`, 't_rls_down');
    try {
      const record = await storage.increment('client', 60_000, 1, 60_000, 'token');
      expect(record).toMatchObject({ isBlocked: false, totalHits: 0 });
    } finally {
      storage.onApplicationShutdown();
    }
  });
});
