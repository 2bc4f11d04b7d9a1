import { afterAll, beforeAll, expect, it } from 'vitest';
import { requiresPostgres, requiresRedis } from '../helpers/app';
import { agentReplies, callOf, llmEnv } from '../helpers/fake-agents';
import { FakeLlmServer } from '../helpers/fake-llm';
import { sleep, waitFor } from '../helpers/jobs';
import {
  Deployment,
  TcpProxy,
  randomName,
  terminateConnections,
  withApplicationName,
  type ApiProcess,
  type Http,
  type ManagedProcess,
} from '../helpers/processes';
import { expectConsistent, TERMINAL, type JobRow } from './checks';

const OUTAGE_MS = 4_000;

/**
 * The worker loses PostgreSQL in the middle of a job — its connections
 * terminated by the server, or the server gone for a few seconds (a TCP proxy
 * between the worker and PostgreSQL drops every connection and refuses new
 * ones: a restart, scoped to this worker). Either way the job ends: resumed to
 * `succeeded`, or `failed` with a message; its rows agree with each other
 * (no phase left `running`, no lease on a finished job), and the worker goes
 * on to run the next job.
 */
requiresRedis('fault: PostgreSQL connection loss', () => {
  requiresPostgres('fault: PostgreSQL lost mid-job', () => {
    let fake: FakeLlmServer;
    let proxy: TcpProxy;
    let d: Deployment;
    let api: ApiProcess;
    let http: Http;
    let worker: ManagedProcess;
    const appName = randomName('sf_fault_worker_');

    beforeAll(async () => {
      fake = await new FakeLlmServer().start();
      const replies = agentReplies();
      // ~150 ms per call: the job spends seconds in the LLM phases.
      fake.fallback = (body, index) => ({ ...replies(body, index), delayMs: 150 });
      const url = new URL(process.env.DATABASE_URL!);
      proxy = await TcpProxy.start(url.hostname, Number(url.port || 5432));
      d = await Deployment.create({
        databaseUrl: process.env.DATABASE_URL,
        redisUrl: process.env.REDIS_URL,
        env: llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000', QUEUE_LOCK_MS: '3000', MAX_PARALLEL_JOBS: '1' }),
      });
      api = await d.startApi({ RUN_WORKER: 'false' });
      // Only the worker goes through the proxy and carries the application_name.
      worker = await d.startWorker({
        DATABASE_URL: withApplicationName(proxy.urlFor(process.env.DATABASE_URL!), appName),
      });
      http = api.http.withToken(await api.http.mintToken('admin'));
    }, 60_000);

    afterAll(async () => {
      await d?.close();
      await proxy?.stop();
      await fake?.stop();
    }, 30_000);

    const inDev = (slug: string) =>
      waitFor(
        `${slug} in the dev phase`,
        () =>
          Promise.resolve(
            fake.chatRequests.some((r) => {
              const call = callOf(r);
              return call.phase === 'dev' && call.spec?.slug === slug;
            })
              ? true
              : undefined,
          ),
        30_000,
      );

    const post = async (name: string): Promise<string> => {
      const res = await http.post('/api/jobs', {
        name,
        description: 'PostgreSQL fault test',
        features: ['Notes', 'Todo'],
      });
      expect(res.status, res.text).toBe(202);
      return (res.body as { slug: string }).slug;
    };

    const finished = (slug: string, timeoutMs: number) =>
      waitFor(
        `${slug} to finish`,
        async () => {
          const [row] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
          return TERMINAL.includes(row.status) ? row : undefined;
        },
        timeoutMs,
        200,
      ).catch(async (error: Error) => {
        const [row] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
        const phases = await d.query(
          'SELECT phase, status, attempts FROM job_phases WHERE job_slug = $1 ORDER BY position',
          [slug],
        );
        throw new Error(
          `${error.message}: job ${JSON.stringify(row)} phases ${JSON.stringify(phases)}\n${d.outputs()}`,
          { cause: error },
        );
      });

    const expectEndedCleanly = async (slug: string): Promise<JobRow> => {
      const { job } = await expectConsistent(d, slug);
      if (job.status === 'failed') expect(job.error).toMatch(/\w/);
      else expect(job.status, `${slug}: ${job.error}`).toBe('succeeded');
      return job;
    };

    it('connections terminated by the server, repeatedly, mid-job: the job ends cleanly', async () => {
      const slug = await post('Terminated Connections');
      await inDev(slug);
      let terminated = 0;
      // Two seconds of terminations every 100 ms: some land on queries in flight.
      const until = Date.now() + 2_000;
      while (Date.now() < until) {
        terminated += await terminateConnections(process.env.DATABASE_URL!, appName);
        await sleep(100);
      }
      expect(terminated, 'connections of the worker were terminated').toBeGreaterThan(0);
      const row = await finished(slug, 25_000);
      console.info(`[postgres-loss] terminated ${terminated} connection(s); job ${row.status} ${row.error ?? ''}`);
      await expectEndedCleanly(slug);
      expect(worker.alive, worker.output(40)).toBe(true);
    }, 60_000);

    it(`PostgreSQL unreachable for ${OUTAGE_MS / 1000} s mid-job: the job ends cleanly`, async () => {
      const slug = await post('Database Outage');
      await inDev(slug);
      proxy.cut();
      await sleep(OUTAGE_MS);
      proxy.restore();
      const row = await finished(slug, 25_000);
      console.info(`[postgres-loss] after a ${OUTAGE_MS} ms outage: job ${row.status} ${row.error ?? ''}`);
      await expectEndedCleanly(slug);
      expect(worker.alive, worker.output(40)).toBe(true);
    }, 60_000);

    it('after the outage the worker runs the next job', async () => {
      const next = await post('After Outage');
      const row = await finished(next, 25_000);
      expect(row.status, row.error ?? '').toBe('succeeded');
      await expectEndedCleanly(next);
    }, 40_000);
  });
});
