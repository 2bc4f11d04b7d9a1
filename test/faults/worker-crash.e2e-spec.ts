import { afterAll, beforeAll, expect, it } from 'vitest';
import { requiresPostgres, requiresRedis } from '../helpers/app';
import { agentReplies, llmEnv } from '../helpers/fake-agents';
import { FakeLlmServer } from '../helpers/fake-llm';
import { PHASES, waitFor } from '../helpers/jobs';
import { Deployment, type ApiProcess, type Http, type ManagedProcess } from '../helpers/processes';
import { callsPerPhase, expectConsistent, logRows, phaseRows, startedLines, type JobRow } from './checks';

/**
 * kill -9 of a worker inside an LLM call of the dev phase: the other worker
 * retakes the job once the lease lapses (QUEUE_LOCK_MS=3000) and finishes it,
 * and the phases that had passed before the crash are not asked of the model
 * again.
 */
requiresRedis('fault: worker killed mid-phase', () => {
  requiresPostgres('fault: kill -9 of a worker inside an LLM call', () => {
    let fake: FakeLlmServer;
    let d: Deployment;
    let api: ApiProcess;
    let http: Http;
    const workers: ManagedProcess[] = [];
    /** The first dev call of the job hangs (the worker is killed inside it); later ones answer at once. */
    let devCalls = 0;

    beforeAll(async () => {
      fake = await new FakeLlmServer().start();
      fake.fallback = agentReplies({
        script: (call) => (call.phase === 'dev' && devCalls++ === 0 ? { delayMs: 60_000, content: '{}' } : undefined),
      });
      d = await Deployment.create({
        databaseUrl: process.env.DATABASE_URL,
        redisUrl: process.env.REDIS_URL,
        env: llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000', QUEUE_LOCK_MS: '3000', MAX_PARALLEL_JOBS: '1' }),
      });
      api = await d.startApi({ RUN_WORKER: 'false' });
      const [a, b] = await Promise.all([d.startWorker({}, 'worker-a'), d.startWorker({}, 'worker-b')]);
      workers.push(a, b);
      http = api.http.withToken(await api.http.mintToken('admin'));
    }, 60_000);

    afterAll(async () => {
      await d?.close();
      await fake?.stop();
    }, 30_000);

    it('another worker finishes the job without re-sending the calls of passed phases', async () => {
      const created = await http.post('/api/jobs', {
        name: 'Crash Test',
        description: 'Killed mid-phase',
        features: ['Notes'],
      });
      expect(created.status, created.text).toBe(202);
      const slug = (created.body as { slug: string }).slug;

      // The worker is inside the dev agent's first call.
      const devIndex = await waitFor(
        'the dev call',
        () => {
          const index = fake.chatRequests.findIndex((r) => JSON.stringify(r.body ?? {}).includes('Phase: dev'));
          return Promise.resolve(index >= 0 ? index : undefined);
        },
        30_000,
      );
      const before = callsPerPhase(fake, slug, devIndex);
      // Every phase before dev is done (passed, or skipped: no backend), and the model was asked for some of them.
      const passedBefore = (await phaseRows(d, slug))
        .filter((p) => p.status === 'passed' || p.status === 'skipped')
        .map((p) => p.phase);
      expect(passedBefore).toEqual(PHASES.slice(0, PHASES.indexOf('dev')));
      const llmPhasesBefore = Object.keys(before);
      expect(llmPhasesBefore.length, JSON.stringify(before)).toBeGreaterThanOrEqual(2);
      expect(passedBefore).toEqual(expect.arrayContaining(llmPhasesBefore));
      const [holder] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
      expect(holder.status).toBe('running');
      const victim = workers.find((w) => holder.worker_id?.includes(`:${w.pid}:`));
      expect(victim, `worker_id ${holder.worker_id} is one of ours`).toBeDefined();
      const survivor = workers.find((w) => w !== victim)!;

      const killedAt = Date.now();
      await victim!.kill9();
      const job = await waitFor(
        `${slug} to succeed on ${survivor.name}`,
        async () => {
          const [row] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
          if (row.status === 'failed' || row.status === 'cancelled')
            throw new Error(`ended ${row.status}: ${row.error}`);
          return row.status === 'succeeded' ? row : undefined;
        },
        60_000,
        200,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${d.outputs()}`, { cause: error });
      });
      const recoveryMs = Date.now() - killedAt;
      console.info(`[worker-crash] job retaken and finished ${recoveryMs} ms after kill -9`);
      expect(job.status).toBe('succeeded');
      // The crashed worker's socket closed inside the hanging dev call.
      expect(fake.abortedRequests).toBe(1);

      const after = callsPerPhase(fake, slug);
      for (const phase of passedBefore) {
        expect(after[phase] ?? 0, `calls for ${phase} (passed before the crash)`).toBe(before[phase] ?? 0);
      }
      // dev: the call that hung, then the survivor's calls.
      expect(after.dev).toBeGreaterThan(1);

      const { phases } = await expectConsistent(d, slug);
      const attempts = Object.fromEntries(phases.map((p) => [p.phase, p.attempts]));
      for (const phase of passedBefore) expect(attempts[phase], phase).toBe(1);
      expect(attempts.dev).toBe(2);
      const started = startedLines(await logRows(d, slug));
      for (const phase of passedBefore) expect(started[phase], `started lines of ${phase}`).toBe(1);
      expect(started.dev).toBe(2);
      expect(survivor.alive).toBe(true);
    }, 120_000);
  });
});
