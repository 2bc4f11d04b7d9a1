import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app';
import {
  FLUTTER_OK,
  flutterTestFailsAfter,
  JobsClient,
  PHASES,
  processAlive,
  sleep,
  waitFor,
  writeFakeFlutter,
  type JobBody,
} from './helpers/jobs';

const BEFORE_QA = PHASES.slice(0, PHASES.indexOf('qa'));
const BEFORE_RUNTIME = PHASES.slice(0, PHASES.indexOf('runtime'));

/**
 * A flutter whose `pub get` records its PID in `<pidDir>/<slug>.pid` (slug = the job folder) and hangs.
 * QA runs `flutter pub get` first, so a job hangs in the qa phase.
 */
function hangWithPidPerJob(pidDir: string): string {
  return [
    'if [ "$1" = "pub" ]; then',
    `  echo $$ > '${pidDir}'/"$(basename "$(dirname "$(pwd)")")".pid`,
    '  exec sleep 300',
    'fi',
    'echo "fake flutter $*"',
    'exit 0',
  ].join('\n');
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('cancel, delete and retry', () => {
  let t: TestApp;
  let c: JobsClient;
  let admin: JobsClient;
  let binDir: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-flutter-'));
    await writeFakeFlutter(binDir, FLUTTER_OK);
    t = await startApp({ MAX_PARALLEL_JOBS: '1', FLUTTER_BIN: join(binDir, 'flutter') });
    c = new JobsClient(t, await t.tokenFor('member'));
    admin = c.withToken(await t.tokenFor('admin'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  const workspace = (slug: string) => join(t.dir, 'generated_apps', slug);
  const hang = () => writeFakeFlutter(binDir, hangWithPidPerJob(binDir));
  /** Waits until the job's fake flutter is hanging and returns its PID. */
  const hangingPid = (slug: string) =>
    waitFor(`${slug} to hang in flutter pub get`, async () => {
      const text = await readFile(join(binDir, `${slug}.pid`), 'utf8').catch(() => '');
      return /^\d+\s*$/.test(text) ? Number(text) : undefined;
    });

  describe('cancel', () => {
    let running: JobBody;
    let queued: JobBody;

    it('a queued job is cancelled at once and never starts', async () => {
      await hang();
      running = await c.create({ name: 'Holds The Slot', slug: 'holds-the-slot' });
      await hangingPid(running.slug);
      queued = await c.create({ name: 'Waits In Line', slug: 'waits-in-line' });
      expect((await c.get(queued.slug)).status).toBe('queued');

      const res = await c.cancel(queued.slug);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ slug: queued.slug, status: 'cancelled', cancel_requested: true });
      const cancelled = await c.get(queued.slug);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancel_requested: true,
        started_at: null,
        current_phase: null,
      });
      expect(cancelled.finished_at).not.toBeNull();
      for (const phase of PHASES) expect(cancelled.phases[phase], phase).toBe('cancelled');
    });

    it('a running job is cancelled within 2 s and its child process is killed', async () => {
      const pid = await hangingPid(running.slug);
      expect(processAlive(pid)).toBe(true);
      const started = Date.now();
      const res = await c.cancel(running.slug);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ slug: running.slug, cancel_requested: true });
      const done = await c.waitForStatus(running.slug, ['cancelled', 'failed', 'succeeded'], 5_000);
      expect(done.status).toBe('cancelled');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(processAlive(pid)).toBe(false);
      expect(done.phases).toMatchObject({ dev: 'passed', qa: 'cancelled', runtime: 'cancelled' });
    });

    it('the cancelled queued job still never runs once the slot is free', async () => {
      await writeFakeFlutter(binDir, FLUTTER_OK);
      // A later job runs to the end: the queue has moved past the cancelled one.
      const later = await c.create({ name: 'After The Cancel', slug: 'after-the-cancel' });
      await c.waitForSuccess(later.slug);
      const job = await c.get(queued.slug);
      expect(job).toMatchObject({ status: 'cancelled', started_at: null });
      expect(Object.values(job.phases).every((s) => s === 'cancelled')).toBe(true);
      const details = await c.details(queued.slug);
      for (const phase of PHASES) expect(details[phase].attempts, phase).toBe(0);
      // Its log holds only the cancellation: no phase ever started.
      expect((await c.logs(queued.slug)).map((log: { message: string }) => log.message)).toEqual(['Job cancelled']);
      expect(await exists(workspace(queued.slug))).toBe(false);
      expect((await c.download(queued.slug)).statusCode).toBe(404);
    });

    it('a finished job cannot be cancelled (409), whether succeeded or cancelled', async () => {
      const succeeded = await c.cancel('after-the-cancel');
      expect(succeeded.statusCode).toBe(409);
      expect(succeeded.json<{ detail: string }>().detail).toMatch(/succeeded/);
      expect((await c.cancel(queued.slug)).statusCode).toBe(409);
      expect((await c.get('after-the-cancel')).status).toBe('succeeded');
    });
  });

  describe('retry', () => {
    it('a succeeded job cannot be retried (409)', async () => {
      const res = await c.retry('after-the-cancel');
      expect(res.statusCode).toBe(409);
      expect((await c.get('after-the-cancel')).status).toBe('succeeded');
    });

    it('a failed job resumes at the phase that failed; passed phases are not run again', async () => {
      // QA's flutter test passes, the runtime phase's fails: the job fails at runtime.
      await writeFakeFlutter(binDir, flutterTestFailsAfter(join(binDir, 'fails-then-works.count')));
      const job = await c.create({ name: 'Fails Then Works', slug: 'fails-then-works', features: ['auth'] });
      const failed = await c.waitForStatus(job.slug);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/runtime/);
      expect(failed.phases).toMatchObject({ qa: 'passed', runtime: 'failed', export: 'pending' });
      const before = await c.details(job.slug);

      await writeFakeFlutter(binDir, FLUTTER_OK);
      const res = await c.retry(job.slug);
      expect(res.statusCode).toBe(202);
      const body = res.json<JobBody>();
      expect(['queued', 'running']).toContain(body.status);
      expect(body.error).toBeNull();
      expect(body.cancel_requested).toBe(false);

      const done = await c.waitForSuccess(job.slug);
      expect(done.error).toBeNull();
      expect(done.progress).toBe(100);
      const after = await c.details(job.slug);
      for (const phase of BEFORE_RUNTIME) {
        expect(after[phase].attempts, phase).toBe(1);
        expect(after[phase].started_at, phase).toBe(before[phase].started_at);
      }
      expect(after.runtime).toMatchObject({ status: 'passed', attempts: 2, error: null });
      for (const phase of ['security', 'reviewer', 'export'] as const)
        expect(after[phase]).toMatchObject({ status: 'passed', attempts: 1 });
      const runtimeLogs = await c.logs(job.slug, '?phase=runtime');
      expect(runtimeLogs.some((l) => /attempt 2/.test(l.message))).toBe(true);
      expect((await c.download(job.slug)).statusCode).toBe(200);
    });

    it('a cancelled job resumes at the phase that was cancelled', async () => {
      // It was cancelled while QA's flutter pub get hung.
      const before = await c.details('holds-the-slot');
      expect(before.qa).toMatchObject({ status: 'cancelled', attempts: 1 });
      const after = await c.retry('holds-the-slot');
      expect(after.statusCode).toBe(202);
      await c.waitForSuccess('holds-the-slot');
      const details = await c.details('holds-the-slot');
      for (const phase of BEFORE_QA) {
        expect(details[phase].attempts, phase).toBe(1);
        expect(details[phase].started_at, phase).toBe(before[phase].started_at);
      }
      expect(details.qa).toMatchObject({ status: 'passed', attempts: 2 });
      for (const phase of PHASES.slice(PHASES.indexOf('refactor'))) expect(details[phase].attempts, phase).toBe(1);
    });

    it('a job cancelled before it started runs from the beginning on retry', async () => {
      expect((await c.retry('waits-in-line')).statusCode).toBe(202);
      const done = await c.waitForSuccess('waits-in-line');
      expect(done.started_at).not.toBeNull();
      const details = await c.details('waits-in-line');
      for (const phase of PHASES) expect(details[phase].attempts, phase).toBe(1);
    });
  });

  describe('running jobs', () => {
    const slug = 'doomed';
    let pid: number;

    beforeAll(async () => {
      await hang();
      await c.create({ name: 'Doomed', slug });
      pid = await hangingPid(slug);
    });

    it('a running job cannot be retried (409) and has nothing to download yet (404)', async () => {
      expect((await c.retry(slug)).statusCode).toBe(409);
      const download = await c.download(slug);
      expect(download.statusCode).toBe(404);
      expect((await c.get(slug)).status).toBe('running');
    });

    it('delete with purge stops it, removes rows and files, and nothing comes back', async () => {
      expect(await exists(workspace(slug))).toBe(true);
      const res = await admin.remove(slug, '?purge=true');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ deleted: true, purged: true });
      expect(processAlive(pid)).toBe(false);
      expect(await exists(workspace(slug))).toBe(false);
      expect((await c.getRaw(slug)).statusCode).toBe(404);

      // No late write from the stopped run brings the directory or the job back.
      await sleep(1_500);
      expect(await exists(workspace(slug))).toBe(false);
      expect((await c.getRaw(slug)).statusCode).toBe(404);
      expect((await admin.list('?limit=1000')).json<JobBody[]>().some((j) => j.slug === slug)).toBe(false);
      const logs = await t.inject({ method: 'GET', url: `/api/jobs/${slug}/logs`, token: admin.token });
      expect(logs.statusCode).toBe(404);
    });

    it('the slot is free again: the next job runs', async () => {
      await writeFakeFlutter(binDir, FLUTTER_OK);
      const next = await c.create({ name: 'Next In Line', slug: 'next-in-line' });
      await c.waitForSuccess(next.slug);
    });
  });

  describe('delete', () => {
    it('without purge the rows go and the files stay; the slug can be used again from scratch', async () => {
      await writeFakeFlutter(binDir, FLUTTER_OK);
      const res = await admin.remove('next-in-line');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ deleted: true, purged: false });
      expect((await c.getRaw('next-in-line')).statusCode).toBe(404);
      expect(await exists(join(workspace('next-in-line'), 'source', 'pubspec.yaml'))).toBe(true);

      const again = await c.create({ name: 'Reborn', slug: 'next-in-line', features: ['chat'] });
      expect(again.slug).toBe('next-in-line');
      expect(again.name).toBe('Reborn');
      expect(again.download_url).toBeNull();
      await c.waitForSuccess('next-in-line');
      const after = await c.details('next-in-line');
      for (const phase of PHASES) expect(after[phase].attempts, phase).toBe(1);
      const logs = await c.logs('next-in-line', '?limit=5000');
      expect(logs.filter((l) => l.phase === 'create' && /started create/.test(l.message))).toHaveLength(1);
      const zip = await c.zip('next-in-line');
      expect(zip.has('source/lib/features/chat/chat_screen.dart')).toBe(true);
    });

    it('purge of a finished job removes its directory', async () => {
      const res = await admin.remove('fails-then-works', '?purge=true');
      expect(res.json()).toEqual({ deleted: true, purged: true });
      expect(await exists(workspace('fails-then-works'))).toBe(false);
    });

    it('purge must be a boolean', async () => {
      const res = await admin.remove('after-the-cancel', '?purge=yes');
      expect(res.statusCode).toBe(400);
      expect((await c.getRaw('after-the-cancel')).statusCode).toBe(200);
    });
  });
});

/**
 * Closes an app so that its data survives for the next boot. TestApp.close()
 * drops the PostgreSQL schema, so on PostgreSQL only the Nest app is closed
 * (graceful shutdown) and the schema is dropped by the next app's close().
 */
async function shutDownKeepingData(t: TestApp, envBefore: NodeJS.ProcessEnv): Promise<void> {
  if (!t.schema) return t.close();
  await t.app.close();
  for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
  Object.assign(process.env, envBefore);
}

/** Runs SQL on the app's database while no app is running (better-sqlite3 or pg). */
async function rawSql(dir: string, schema: string | undefined, statements: string[]): Promise<void> {
  if (schema) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${schema}"`);
      for (const sql of statements) await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new DataSource({ type: 'better-sqlite3', database: join(dir, 'app.db') });
  await db.initialize();
  try {
    for (const sql of statements) await db.query(sql);
  } finally {
    await db.destroy();
  }
}

describe('restart', () => {
  let dir: string;
  let binDir: string;
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  let firstClosed = false;

  /** process.env before any app of this block booted (startApp changes it). */
  let pristineEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    pristineEnv = { ...process.env };
    dir = await mkdtemp(join(tmpdir(), 'sf-restart-'));
    binDir = join(dir, 'bin');
    await writeFakeFlutter(binDir, hangWithPidPerJob(binDir));
  });
  afterAll(async () => {
    try {
      if (second) await second.close();
      else if (first && !firstClosed) await first.close();
    } finally {
      // Idempotent: whichever app was closed last may not have dropped the shared schema.
      if (first?.schema && process.env.DATABASE_URL) {
        const client = new Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${first.schema}" CASCADE`).finally(() => client.end());
      }
      await rm(dir, { recursive: true, force: true });
    }
  });

  const env = () => ({ FLUTTER_BIN: join(binDir, 'flutter'), ...(first?.schema ? { DB_SCHEMA: first.schema } : {}) });

  it('a job interrupted by a shutdown completes after the next boot without re-running passed phases', async () => {
    first = await startApp(env(), { dir });
    const c1 = new JobsClient(first, await first.tokenFor('member'));
    await c1.create({ name: 'Survivor', slug: 'survivor', features: ['auth'] });
    const pidText = await waitFor('survivor to hang', async () => {
      const text = await readFile(join(binDir, 'survivor.pid'), 'utf8').catch(() => '');
      return /^\d+\s*$/.test(text) ? text : undefined;
    });
    // QA's flutter pub get is what hangs.
    const running = await c1.get('survivor');
    expect(running).toMatchObject({ status: 'running', current_phase: 'qa' });
    const before = await c1.details('survivor');

    await shutDownKeepingData(first, pristineEnv);
    firstClosed = true;
    expect(processAlive(Number(pidText))).toBe(false);

    await writeFakeFlutter(binDir, FLUTTER_OK);
    second = await startApp(env(), { dir });
    const c2 = new JobsClient(second, await second.tokenFor('member'));
    const done = await c2.waitForSuccess('survivor');
    expect(done.progress).toBe(100);
    const after = await c2.details('survivor');
    for (const phase of BEFORE_QA) {
      expect(after[phase].attempts, phase).toBe(1);
      expect(after[phase].started_at, phase).toBe(before[phase].started_at);
    }
    expect(after.qa).toMatchObject({ status: 'passed', attempts: 2 });
    expect(after.runtime).toMatchObject({ status: 'passed', attempts: 1 });
    expect((await c2.download('survivor')).statusCode).toBe(200);
  });

  it('a job left running by a crash and a queued job both run after the next boot', async () => {
    const c2 = new JobsClient(second!, await second!.tokenFor('member'));
    await c2.create({ name: 'Crashed', slug: 'crashed', features: ['auth'] });
    await c2.waitForSuccess('crashed');
    await c2.create({ name: 'Never Started', slug: 'never-started' });
    await c2.waitForSuccess('never-started');
    const schema = second!.schema;
    await shutDownKeepingData(second!, pristineEnv);
    const keptSchema = schema;
    second = undefined;

    // What a crash mid-runtime leaves behind, and a job that was still queued.
    const runtimeOn = ['runtime', 'security', 'reviewer', 'export'].map((p) => `'${p}'`).join(',');
    await rawSql(dir, keptSchema, [
      "UPDATE jobs SET status = 'running', current_phase = 'runtime', finished_at = NULL WHERE slug = 'crashed'",
      `UPDATE job_phases SET status = 'pending' WHERE job_slug = 'crashed' AND phase IN (${runtimeOn})`,
      "UPDATE job_phases SET status = 'running' WHERE job_slug = 'crashed' AND phase = 'runtime'",
      "UPDATE jobs SET status = 'queued', started_at = NULL, finished_at = NULL WHERE slug = 'never-started'",
      "UPDATE job_phases SET status = 'pending', attempts = 0, started_at = NULL, finished_at = NULL WHERE job_slug = 'never-started'",
    ]);

    second = await startApp(
      { FLUTTER_BIN: join(binDir, 'flutter'), ...(keptSchema ? { DB_SCHEMA: keptSchema } : {}) },
      { dir },
    );
    const c3 = new JobsClient(second, await second.tokenFor('member'));
    await c3.waitForSuccess('crashed');
    const crashed = await c3.details('crashed');
    for (const phase of BEFORE_RUNTIME) expect(crashed[phase].attempts, phase).toBe(1);
    expect(crashed.runtime).toMatchObject({ status: 'passed', attempts: 2 });
    await c3.waitForSuccess('never-started');
  });
});
