import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callsPerPhase, expectConsistent, logRows, phaseRows, startedLines, type JobRow } from './faults/checks';
import { requiresPostgres, requiresRedis } from './helpers/app';
import { agentReplies, callOf, llmEnv } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { sleep, waitFor } from './helpers/jobs';
import {
  appEnv,
  Deployment,
  listeningPorts,
  ManagedProcess,
  requireBuild,
  WORKER_JS,
  type ApiProcess,
  type Http,
} from './helpers/processes';

/**
 * Scale-out: `npm run worker` processes (dist/worker.js) consuming the Bull
 * queue behind an API that only enqueues, on one PostgreSQL, one Redis and one
 * workspace. (Ten jobs on three workers: test/faults/workers.e2e-spec.ts.)
 */

describe('scale-out: the worker process', () => {
  it('refuses to start without JOB_QUEUE_BACKEND=bull, saying what to set', async () => {
    requireBuild();
    const worker = new ManagedProcess('worker', process.execPath, [WORKER_JS], appEnv({ JOB_QUEUE_BACKEND: 'thread' }));
    const { code } = await worker.exited;
    expect(code).toBe(1);
    expect(worker.output()).toMatch(/JOB_QUEUE_BACKEND=bull/);
    expect(worker.output()).not.toMatch(/\n\s+at /); // no stack trace
  });
});

/** A fake model whose dev calls hang for the jobs in `holdDev`, and a PostgreSQL + Redis deployment on it. */
function deploymentSuite(): { fake: FakeLlmServer; d: Deployment; holdDev: Set<string> } {
  const ctx = { holdDev: new Set<string>() } as { fake: FakeLlmServer; d: Deployment; holdDev: Set<string> };
  beforeAll(async () => {
    ctx.fake = await new FakeLlmServer().start();
    const replies = agentReplies();
    ctx.fake.fallback = (body, index) => {
      const call = callOf({ body }, index);
      if (call.phase === 'dev' && call.spec && ctx.holdDev.has(call.spec.slug))
        return { delayMs: 60_000, content: '{}' };
      return replies(body, index);
    };
    ctx.d = await Deployment.create({
      databaseUrl: process.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL,
      env: llmEnv(ctx.fake.baseUrl, { DAILY_COST_LIMIT: '1000', QUEUE_LOCK_MS: '3000', MAX_PARALLEL_JOBS: '1' }),
    });
  }, 30_000);
  afterAll(async () => {
    await ctx.d?.close();
    await ctx.fake?.stop();
  }, 30_000);
  return ctx;
}

requiresRedis('scale-out: workers on Redis', () => {
  requiresPostgres('scale-out: API + workers on PostgreSQL and Bull', () => {
    const ctx = deploymentSuite();
    let d: Deployment;
    let api: ApiProcess;
    let http: Http;

    beforeAll(() => {
      d = ctx.d;
    });

    it('three workers booting at once on an empty schema all start (migrations run once)', async () => {
      const workers = await Promise.all([1, 2, 3].map((n) => d.startWorker({}, `boot-${n}`))).catch((error: Error) => {
        throw new Error(`${error.message}\n${d.outputs()}`, { cause: error });
      });
      expect(workers.every((w) => w.alive)).toBe(true);
      const migrations = await d.query<{ name: string; n: string }>(
        'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name HAVING COUNT(*) > 1',
      );
      expect(migrations).toEqual([]);
      const settings = await d.query<{ key: string; n: string }>(
        'SELECT key, COUNT(*) AS n FROM settings GROUP BY key HAVING COUNT(*) > 1',
      );
      expect(settings).toEqual([]);
      await Promise.all(workers.map((w) => w.stop()));
    }, 60_000);

    it('a worker listens on no port; an API with RUN_WORKER=false only enqueues', async () => {
      api = await d.startApi({ RUN_WORKER: 'false' }, { name: 'api' });
      http = api.http.withToken(await api.http.mintToken('admin'));
      const created = await http.post<{ slug: string }>('/api/jobs', {
        name: 'Only Queued',
        description: 'No worker yet',
      });
      expect(created.status, created.text).toBe(202);
      const slug = created.body.slug;
      await sleep(2_000);
      const [row] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
      expect(row.status).toBe('queued');
      expect(row.started_at).toBeNull();

      const worker = await d.startWorker({}, 'worker-1');
      expect(await listeningPorts(worker.pid)).toEqual([]);
      expect(await listeningPorts(api.proc.pid)).toEqual([api.port]);
      await waitFor(
        `${slug} to succeed on the worker`,
        async () => {
          const [job] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
          return job.status === 'succeeded' ? job : undefined;
        },
        30_000,
        200,
      );
      await expectConsistent(d, slug);
      await worker.stop();
    }, 60_000);

    it('workers booting while jobs wait in the queue all start and run every job once (three rounds)', async () => {
      // Each worker consumes at once and, at boot, re-enqueues every unfinished job it finds in the
      // database — while the others may be taking those very jobs off the queue. Three rounds, since
      // such a race does not show every time.
      await d.stopWorkers(); // a worker an earlier failure left running would take the backlog first
      for (let round = 1; round <= 3; round++) {
        const posts = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            http.post<{ slug: string }>('/api/jobs', { name: `Backlog ${round} ${i}`, description: 'Queued first' }),
          ),
        );
        expect(posts.map((r) => r.status)).toEqual(Array(8).fill(202));
        const slugs = posts.map((r) => r.body.slug);
        const workers = await Promise.all(
          [1, 2, 3].map((n) => d.startWorker({ MAX_PARALLEL_JOBS: '4' }, `backlog-${round}-${n}`)),
        ).catch((error: Error) => {
          throw new Error(`round ${round}: a worker failed to boot with a backlog: ${error.message}`, { cause: error });
        });
        await waitFor(
          `round ${round}: the backlog to finish`,
          async () => {
            const rows = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = ANY($1)', [slugs]);
            return rows.every((r) => r.status === 'succeeded' || r.status === 'failed') ? rows : undefined;
          },
          30_000,
          250,
        );
        for (const slug of slugs) {
          const { job, phases } = await expectConsistent(d, slug);
          expect(job.status, `${slug}: ${job.error}`).toBe('succeeded');
          expect(
            phases.filter((p) => p.attempts > 1).map((p) => p.phase),
            slug,
          ).toEqual([]);
        }
        await Promise.all(workers.map((w) => w.stop()));
      }
    }, 120_000);
  });

  requiresPostgres('scale-out: a worker stopped gracefully mid-job', () => {
    const ctx = deploymentSuite();
    let d: Deployment;
    let http: Http;

    beforeAll(async () => {
      d = ctx.d;
      const api = await d.startApi({ RUN_WORKER: 'false' });
      http = api.http.withToken(await api.http.mintToken('admin'));
    }, 30_000);

    it('SIGTERM to a worker inside a phase parks the job; another worker resumes it at that phase', async () => {
      const [a, b] = await Promise.all([d.startWorker({}, 'worker-a'), d.startWorker({}, 'worker-b')]);
      const created = await http.post<{ slug: string }>('/api/jobs', {
        name: 'Graceful Stop',
        description: 'Stopped mid-phase',
        features: ['Notes'],
      });
      expect(created.status, created.text).toBe(202);
      const slug = created.body.slug;
      ctx.holdDev.add(slug);
      const devIndex = await waitFor(
        'the dev call',
        () => {
          const index = ctx.fake.chatRequests.findIndex((r) => {
            const call = callOf(r);
            return call.phase === 'dev' && call.spec?.slug === slug;
          });
          return Promise.resolve(index >= 0 ? index : undefined);
        },
        30_000,
      );
      const before = callsPerPhase(ctx.fake, slug, devIndex);
      const [holder] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
      const victim = [a, b].find((w) => holder.worker_id?.includes(`:${w.pid}:`))!;
      expect(victim, `holder ${holder.worker_id}; workers ${a.pid}, ${b.pid}`).toBeDefined();
      const survivor = victim === a ? b : a;

      ctx.holdDev.delete(slug);
      const stoppedAt = Date.now();
      await victim.stop(15_000);
      // Nest re-raises SIGTERM after its shutdown hooks ran: a clean stop, well before the SIGKILL fallback.
      expect(Date.now() - stoppedAt).toBeLessThan(10_000);
      expect(victim.output()).toMatch(/Parked 1 running job/);

      await waitFor(
        `${slug} to succeed on ${survivor.name}`,
        async () => {
          const [job] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
          if (job.status === 'failed') throw new Error(`failed: ${job.error}`);
          return job.status === 'succeeded' ? job : undefined;
        },
        30_000,
        200,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${d.outputs()}`, { cause: error });
      });
      const after = callsPerPhase(ctx.fake, slug);
      for (const phase of Object.keys(before)) expect(after[phase], phase).toBe(before[phase]);
      const phases = await phaseRows(d, slug);
      expect(phases.find((p) => p.phase === 'dev')?.attempts).toBe(2);
      const started = startedLines(await logRows(d, slug));
      expect(started.dev).toBe(2);
      expect(started.ba).toBe(1);
      const logs = await logRows(d, slug);
      expect(logs.some((l) => /Worker shutting down; the job will resume at this phase/.test(l.message))).toBe(true);
      await expectConsistent(d, slug);
      await survivor.stop();
    }, 90_000);
  });
});
