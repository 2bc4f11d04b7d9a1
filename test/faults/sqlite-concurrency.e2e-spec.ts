import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../../src/jobs/job.entity';
import { JobLog } from '../../src/jobs/job-log.entity';
import { startApp, type TestApp } from '../helpers/app';
import { JobsClient, sleep, TERMINAL, waitFor } from '../helpers/jobs';
import { Deployment, openSqlite, type ApiProcess, type Http } from '../helpers/processes';

const JOBS = 40;

/**
 * The embedded default (SQLite, thread backend, four jobs at a time) under
 * concurrent writes: forty jobs posted at once while clients keep reading;
 * no response is a 5xx, nothing mentions SQLITE_BUSY, every job succeeds.
 */
describe('fault: SQLite under concurrent writes', () => {
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    // Always the embedded default, whatever the outer shell selects.
    t = await startApp({ DATABASE_URL: '', JOB_QUEUE_BACKEND: 'thread', MAX_PARALLEL_JOBS: '4' });
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('forty jobs at once with concurrent reads: no 5xx, no SQLITE_BUSY, all succeed', async () => {
    const answers: { what: string; status: number; body: string }[] = [];
    const record = (what: string, res: { statusCode: number; body: string }) =>
      answers.push({ what, status: res.statusCode, body: res.body });

    let posting = true;
    const slugs: string[] = [];
    const readers = Array.from({ length: 4 }, async (_, n) => {
      while (posting) {
        record('list', await c.list('?limit=10'));
        const slug = slugs[(n * 7 + answers.length) % Math.max(1, slugs.length)];
        if (slug) {
          record('get', await c.getRaw(slug));
          record('logs', await t.inject({ method: 'GET', url: `/api/jobs/${slug}/logs`, token: c.token }));
          record(
            'phases',
            await t.inject({ method: 'GET', url: `/api/jobs/${slug}/phases?detail=true`, token: c.token }),
          );
        }
        await sleep(100);
      }
    });

    const posts = await Promise.all(
      Array.from({ length: JOBS }, (_, i) => c.post({ name: `Busy ${i}`, description: 'SQLite concurrency test' })),
    );
    posts.forEach((res) => record('post', res));
    expect(posts.map((r) => r.statusCode)).toEqual(Array(JOBS).fill(202));
    slugs.push(...posts.map((r) => r.json<{ slug: string }>().slug));
    expect(new Set(slugs).size).toBe(JOBS);

    // Keep reading while the jobs run.
    const started = Date.now();
    const repo = t.app.get(DataSource).getRepository(Job);
    await waitFor(
      'every job to finish',
      async () => {
        const rows = await repo.find({ select: { slug: true, status: true } });
        return rows.length === JOBS && rows.every((j) => TERMINAL.includes(j.status as never)) ? true : undefined;
      },
      90_000,
      250,
    ).catch(async (error: Error) => {
      posting = false;
      const rows = await repo.find();
      const counts: Record<string, number> = {};
      rows.forEach(
        (r) =>
          (counts[`${r.status}@${r.current_phase ?? '-'}`] =
            (counts[`${r.status}@${r.current_phase ?? '-'}`] ?? 0) + 1),
      );
      const errors = answers.filter((a) => a.status >= 500).slice(0, 3);
      throw new Error(
        `${error.message}: ${rows.length} jobs ${JSON.stringify(counts)}; 5xx ${JSON.stringify(errors)}`,
        {
          cause: error,
        },
      );
    });
    posting = false;
    await Promise.all(readers);
    console.info(`[sqlite] ${JOBS} jobs finished in ${Date.now() - started} ms; ${answers.length} answers checked`);

    const serverErrors = answers.filter((a) => a.status >= 500);
    expect(serverErrors, JSON.stringify(serverErrors.slice(0, 3))).toEqual([]);
    expect(answers.filter((a) => /SQLITE_BUSY|database is locked/i.test(a.body))).toEqual([]);

    const ds = t.app.get(DataSource);
    const jobs = await ds.getRepository(Job).find();
    expect(jobs).toHaveLength(JOBS);
    expect(jobs.filter((j) => j.status !== 'succeeded').map((j) => [j.slug, j.status, j.error])).toEqual([]);
    const busyLogs = await ds
      .getRepository(JobLog)
      .createQueryBuilder('log')
      .where("log.message LIKE '%SQLITE_BUSY%' OR log.message LIKE '%database is locked%'")
      .getCount();
    expect(busyLogs).toBe(0);
  }, 150_000);
});

/**
 * A second writer on the same SQLite file (the test, through its own
 * connection) holds the write lock for 1.5 s at a time while the built server
 * takes jobs on a real port: the server waits for the lock (busy timeout)
 * instead of failing, so clients see neither a 5xx nor SQLITE_BUSY.
 */
describe('fault: SQLite write lock held by another connection', () => {
  let d: Deployment;
  let api: ApiProcess;
  let http: Http;

  beforeAll(async () => {
    d = await Deployment.create({ env: { MAX_PARALLEL_JOBS: '4' } });
    api = await d.startApi();
    http = api.http.withToken(await api.http.mintToken('admin'));
  }, 60_000);

  afterAll(async () => {
    await d?.close();
  }, 30_000);

  it('jobs posted and run while another connection holds the lock: no 5xx, no SQLITE_BUSY, all succeed', async () => {
    const db = openSqlite(join(d.dir, 'app.db'));
    const holds: number[] = [];
    const holder = (async () => {
      for (let i = 0; i < 4; i++) {
        db.exec('BEGIN IMMEDIATE');
        db.prepare("UPDATE settings SET updated_at = updated_at WHERE key = 'max_parallel_jobs'").run();
        const at = Date.now();
        await sleep(1_500);
        db.exec('COMMIT');
        holds.push(Date.now() - at);
        await sleep(400);
      }
    })();
    try {
      const posts = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await sleep(i * 150);
          return http.post('/api/jobs', { name: `Locked ${i}`, description: 'SQLite lock test' });
        }),
      );
      await holder;
      expect(holds).toHaveLength(4);
      const statuses = posts.map((r) => r.status);
      expect(statuses, posts.find((r) => r.status !== 202)?.text).toEqual(Array(20).fill(202));
      console.info(`[sqlite-lock] slowest POST ${Math.max(...posts.map((r) => r.ms))} ms (lock held 4 × 1.5 s)`);
      const slugs = posts.map((r) => (r.body as { slug: string }).slug);
      const finished = await waitFor(
        'every job to finish',
        async () => {
          const res = await http.get('/api/jobs?limit=100');
          if (res.status >= 500) throw new Error(`GET /api/jobs ${res.status}: ${res.text}`);
          const jobs = res.body as { slug: string; status: string; error: string | null }[];
          return jobs.length === 20 && jobs.every((j) => TERMINAL.includes(j.status as never)) ? jobs : undefined;
        },
        60_000,
        250,
      );
      expect(finished.filter((j) => j.status !== 'succeeded').map((j) => [j.slug, j.status, j.error])).toEqual([]);
      expect(new Set(finished.map((j) => j.slug))).toEqual(new Set(slugs));
      const logs = await Promise.all(slugs.map((slug) => http.get(`/api/jobs/${slug}/logs`)));
      expect(logs.filter((r) => r.status !== 200 || /SQLITE_BUSY|database is locked/i.test(r.text))).toEqual([]);
      expect(api.proc.output()).not.toMatch(/SQLITE_BUSY|database is locked/i);
    } finally {
      await holder.catch(() => undefined);
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
  }, 120_000);
});
