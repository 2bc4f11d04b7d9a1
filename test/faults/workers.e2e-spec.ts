import { afterAll, beforeAll, expect, it } from 'vitest';
import { requiresPostgres, requiresRedis } from '../helpers/app';
import { agentReplies, llmEnv } from '../helpers/fake-agents';
import { FakeLlmServer } from '../helpers/fake-llm';
import { sleep, waitFor } from '../helpers/jobs';
import { Deployment, type ApiProcess, type Http, type ManagedProcess } from '../helpers/processes';
import { callsPerPhase, expectConsistent, jobRows, logRows, startedLines, TERMINAL } from './checks';

const JOBS = 10;

/**
 * Three workers and an enqueue-only API on one PostgreSQL + Redis + workspace:
 * every job succeeds, every phase ran once, and no job was ever held by two
 * workers (the lease holder is sampled from the database while they run).
 */
requiresRedis('scale-out: several workers', () => {
  requiresPostgres('scale-out: three workers, one API, ten jobs', () => {
    let fake: FakeLlmServer;
    let d: Deployment;
    let api: ApiProcess;
    let http: Http;
    let workers: ManagedProcess[];

    beforeAll(async () => {
      fake = await new FakeLlmServer().start();
      // A little latency per call so jobs overlap and run on several workers at once.
      const replies = agentReplies();
      fake.fallback = (body, index) => ({ ...replies(body, index), delayMs: 40 });
      d = await Deployment.create({
        databaseUrl: process.env.DATABASE_URL,
        redisUrl: process.env.REDIS_URL,
        env: llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000', QUEUE_LOCK_MS: '3000', MAX_PARALLEL_JOBS: '2' }),
      });
      api = await d.startApi({ RUN_WORKER: 'false' });
      workers = await Promise.all([1, 2, 3].map((n) => d.startWorker({}, `worker-${n}`)));
      http = api.http.withToken(await api.http.mintToken('admin'));
    }, 60_000);

    afterAll(async () => {
      await d?.close();
      await fake?.stop();
    }, 30_000);

    it('runs ten jobs to success, each phase once, each job on one worker', async () => {
      const responses = await Promise.all(
        Array.from({ length: JOBS }, (_, i) =>
          http.post('/api/jobs', { name: `Scale ${i}`, description: 'Scale-out test', features: ['Notes'] }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(JOBS).fill(202));
      const slugs = responses.map((r) => (r.body as { slug: string }).slug);
      expect(new Set(slugs).size).toBe(JOBS);

      // Sample who holds each running job until all are finished.
      const holders = new Map<string, Set<string>>();
      const started = Date.now();
      await waitFor(
        'every job to finish',
        async () => {
          const rows = await jobRows(d);
          for (const row of rows) {
            if (row.status !== 'running' || !row.worker_id) continue;
            holders.set(row.slug, (holders.get(row.slug) ?? new Set()).add(row.worker_id));
          }
          return rows.length === JOBS && rows.every((r) => TERMINAL.includes(r.status)) ? rows : undefined;
        },
        90_000,
        100,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${d.outputs()}`, { cause: error });
      });
      console.info(`[workers] ${JOBS} jobs on ${workers.length} workers in ${Date.now() - started} ms`);
      await sleep(200);

      const reference = callsPerPhase(fake, slugs[0]);
      expect(Object.keys(reference).length).toBeGreaterThan(3);
      for (const slug of slugs) {
        const { job, phases } = await expectConsistent(d, slug);
        expect(job.status, `${slug}: ${job.error}`).toBe('succeeded');
        // Each phase ran once: one attempt, one "started" line, the same model calls as every other job.
        const ran = phases.filter((p) => p.attempts > 0);
        expect(ran.map((p) => [p.phase, p.attempts])).toEqual(ran.map((p) => [p.phase, 1]));
        const startedCount = startedLines(await logRows(d, slug));
        expect(startedCount).toEqual(Object.fromEntries(ran.map((p) => [p.phase, 1])));
        expect(callsPerPhase(fake, slug), slug).toEqual(reference);
        // Never seen held by two workers.
        expect(
          [...(holders.get(slug) ?? [])].length,
          `${slug} holders ${[...(holders.get(slug) ?? [])].join(', ')}`,
        ).toBe(1);
      }
      const workerOf = (id: string): string | undefined => workers.find((w) => id.includes(`:${w.pid}:`))?.name;
      const used = new Set([...holders.values()].flatMap((set) => [...set].map(workerOf)));
      const perWorker: Record<string, number> = {};
      for (const set of holders.values())
        for (const id of set) perWorker[workerOf(id) ?? id] = (perWorker[workerOf(id) ?? id] ?? 0) + 1;
      console.info(`[workers] jobs per worker: ${JSON.stringify(perWorker)}`);
      expect(used.has(undefined)).toBe(false);
      expect(used.size, `jobs ran on ${[...used].join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(workers.every((w) => w.alive)).toBe(true);
    }, 120_000);
  });
});
