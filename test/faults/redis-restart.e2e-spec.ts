import { afterAll, beforeAll, expect, it } from 'vitest';
import { requiresPostgres, requiresRedis } from '../helpers/app';
import { agentReplies, llmEnv } from '../helpers/fake-agents';
import { FakeLlmServer } from '../helpers/fake-llm';
import { sleep, waitFor } from '../helpers/jobs';
import { Deployment, RedisServer, type ApiProcess, type Http, type ManagedProcess } from '../helpers/processes';
import { callsPerPhase, expectConsistent, jobRows, logRows, startedLines, TERMINAL } from './checks';

const JOBS = 6;
const DOWN_MS = 6_000;

/**
 * A private redis-server (no persistence) is killed while two jobs run and
 * four wait in the queue, and started again empty six seconds later. While it
 * is down /ready answers 503 and POST /api/jobs answers 503 with a clear
 * detail within seconds; once it is back every job reaches `succeeded`, each
 * phase run once.
 */
requiresRedis('fault: Redis restart', () => {
  requiresPostgres('fault: Redis killed and restarted with jobs queued and running', () => {
    let fake: FakeLlmServer;
    let redis: RedisServer;
    let d: Deployment;
    let api: ApiProcess;
    let http: Http;
    let workers: ManagedProcess[];

    beforeAll(async () => {
      fake = await new FakeLlmServer().start();
      const replies = agentReplies();
      // ~150 ms per call: a job takes a few seconds, so jobs are mid-run when Redis dies.
      fake.fallback = (body, index) => ({ ...replies(body, index), delayMs: 150 });
      redis = await RedisServer.start();
      d = await Deployment.create({
        databaseUrl: process.env.DATABASE_URL,
        redisUrl: redis.url,
        env: llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000', QUEUE_LOCK_MS: '3000', MAX_PARALLEL_JOBS: '1' }),
      });
      api = await d.startApi({ RUN_WORKER: 'false' });
      workers = await Promise.all([1, 2].map((n) => d.startWorker({}, `worker-${n}`)));
      http = api.http.withToken(await api.http.mintToken('admin'));
    }, 60_000);

    afterAll(async () => {
      await d?.close();
      await redis?.stop();
      await fake?.stop();
    }, 30_000);

    it('loses and duplicates nothing; /ready and POST /api/jobs answer 503 while Redis is down', async () => {
      const responses = await Promise.all(
        Array.from({ length: JOBS }, (_, i) =>
          http.post('/api/jobs', { name: `Redis ${i}`, description: 'Redis restart test', features: ['Notes'] }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(JOBS).fill(202));
      const slugs = responses.map((r) => (r.body as { slug: string }).slug);

      // Two running (one per worker), the rest queued.
      await waitFor(
        'two running jobs',
        async () => ((await jobRows(d)).filter((r) => r.status === 'running').length === 2 ? true : undefined),
        20_000,
        100,
      );
      await redis.kill();
      const downAt = Date.now();

      const ready = await http.get('/ready', { timeoutMs: 15_000 });
      expect(ready.status, ready.text).toBe(503);
      expect(ready.text).toMatch(/queue/i);
      expect(ready.ms).toBeLessThan(10_000);

      // Soft: a hang here is reported, and the rest of the scenario still runs.
      const refused = await http
        .post('/api/jobs', { name: 'While Down', description: 'Posted while Redis is down' }, { timeoutMs: 10_000 })
        .catch((error: Error) => ({ status: -1, text: `no answer: ${error.message}`, ms: 10_000, body: undefined }));
      console.info(`[redis-restart] POST /api/jobs while Redis is down: ${refused.status} in ${refused.ms} ms`);
      expect.soft(refused.status, `POST /api/jobs while Redis is down: ${refused.text}`).toBe(503);
      expect.soft(refused.ms).toBeLessThan(10_000);
      expect.soft((refused.body as { detail?: string } | undefined)?.detail ?? '').toMatch(/queue/i);
      // The refused job left no row behind.
      const rowsWhileDown = (await jobRows(d)).map((r) => r.slug);
      expect.soft(rowsWhileDown.sort(), 'no row for the refused job').toEqual([...slugs].sort());
      await sleep(Math.max(0, DOWN_MS - (Date.now() - downAt)));
      await redis.restart();
      const upAt = Date.now();
      await waitFor(
        '/ready again',
        async () => ((await http.get('/ready', { timeoutMs: 3_000 })).status === 200 ? true : undefined),
        20_000,
        200,
      );

      await waitFor(
        'every job to finish after the restart',
        async () => {
          const rows = await jobRows(d);
          return rows.every((r) => TERMINAL.includes(r.status)) ? rows : undefined;
        },
        45_000,
        200,
      ).catch(async (error: Error) => {
        const rows = await jobRows(d);
        throw new Error(
          `${error.message}: ${JSON.stringify(rows.map((r) => [r.slug, r.status, r.worker_id]))}\n${d.outputs()}`,
          { cause: error },
        );
      });
      console.info(`[redis-restart] all jobs finished ${Date.now() - upAt} ms after Redis came back`);

      const reference = callsPerPhase(fake, slugs[slugs.length - 1]);
      for (const slug of slugs) {
        const { job, phases } = await expectConsistent(d, slug);
        expect(job.status, `${slug}: ${job.error}`).toBe('succeeded');
        const ran = phases.filter((p) => p.attempts > 0);
        expect(
          ran.map((p) => [p.phase, p.attempts]),
          slug,
        ).toEqual(ran.map((p) => [p.phase, 1]));
        expect(startedLines(await logRows(d, slug)), slug).toEqual(Object.fromEntries(ran.map((p) => [p.phase, 1])));
        expect(callsPerPhase(fake, slug), slug).toEqual(reference);
      }
      expect(workers.every((w) => w.alive)).toBe(true);
      expect(api.proc.alive).toBe(true);

      // And the queue works again.
      const after = await http.post('/api/jobs', {
        name: 'After Restart',
        description: 'Posted after Redis came back',
      });
      expect(after.status, after.text).toBe(202);
    }, 120_000);
  });
});
