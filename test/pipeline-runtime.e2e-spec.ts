import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Setting } from '../src/system/settings/setting.entity';
import { startApp, type TestApp } from './helpers/app';
import {
  FLUTTER_OK,
  FLUTTER_TEST_FAILS,
  flutterHangs,
  JobsClient,
  processAlive,
  waitFor,
  writeFakeFlutter,
} from './helpers/jobs';

describe('runtime phase with a fake flutter', () => {
  let t: TestApp;
  let c: JobsClient;
  let binDir: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-flutter-'));
    // FLUTTER_BIN is read at boot; each test rewrites the script behind it.
    await writeFakeFlutter(binDir, FLUTTER_OK);
    t = await startApp({ FLUTTER_BIN: join(binDir, 'flutter') });
    c = new JobsClient(t, await t.tokenFor('member'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  const report = async (slug: string) => {
    const res = await c.file(slug, 'docs/runtime_report.md');
    expect(res.statusCode).toBe(200);
    return res.json<{ content: string }>().content;
  };

  it('success: pub get, analyze and test all pass; the report lists the three steps', async () => {
    await writeFakeFlutter(binDir, `echo "fake flutter $* in $(pwd)"\nexit 0`);
    const job = await c.create({ name: 'Runtime OK', features: ['auth'] });
    const done = await c.waitForSuccess(job.slug);
    expect(done.phases.runtime).toBe('passed');
    const text = await report(job.slug);
    expect(text).toMatch(/flutter pub get/);
    expect(text).toMatch(/flutter analyze/);
    expect(text).toMatch(/flutter test/);
    expect(text).toContain('fake flutter pub get');
    expect(text).toContain('fake flutter test');
    expect(text.match(/\| passed \|/g)).toHaveLength(3);
    // The tool ran in the project and its output names it, but no server path reaches the client.
    expect(text).not.toContain(t.dir);
    const logs = await c.logs(job.slug, '?phase=runtime');
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining(['Running flutter pub get', 'Running flutter test']),
    );
    const zip = await c.zip(job.slug);
    expect(zip.get('docs/runtime_report.md')!.toString('utf8')).toBe(text);
    // Compiled and tested: the review counts the runtime gate as passed and does not say "not compiled".
    const review = zip.get('docs/final_review.md')!.toString('utf8');
    expect(review).toMatch(/\*\*Verdict:\*\* APPROVED/);
    expect(review).not.toMatch(/not compiled/i);
    expect(review).toMatch(/\| runtime \(runtime_agent\) \| ✅ pass \|/);
    expect(review).toContain('Flutter pub get / analyze / test: ran and passed');
  });

  it('failure: flutter test exits 1, the job fails naming the runtime phase and is not exported', async () => {
    await writeFakeFlutter(binDir, FLUTTER_TEST_FAILS);
    const job = await c.create({ name: 'Runtime Fails', features: ['auth'] });
    const done = await c.waitForStatus(job.slug);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/runtime/);
    expect(done.error).toMatch(/flutter test/);
    expect(done.error).not.toContain(t.dir);
    expect(done.phases).toMatchObject({
      qa: 'passed',
      runtime: 'failed',
      security: 'pending',
      reviewer: 'pending',
      export: 'pending',
    });
    expect(done.download_url).toBeNull();
    expect((await c.download(job.slug)).statusCode).toBe(404);
    const text = await report(job.slug);
    expect(text).toContain('Some tests failed.');
    expect(text).toMatch(/flutter test` \| failed \(1\)/);
    const details = await c.details(job.slug);
    expect(details.runtime.error).toMatch(/flutter test/);
    const errors = await c.logs(job.slug, '?level=error');
    expect(errors.some((l) => l.phase === 'runtime' && /runtime/.test(l.message))).toBe(true);
  });

  it('failure: a flutter that is not executable is skipped, not a crash', async () => {
    // Same path, no execute bit: treated as "no SDK".
    const { chmod } = await import('node:fs/promises');
    await writeFakeFlutter(binDir, FLUTTER_OK);
    await chmod(join(binDir, 'flutter'), 0o644);
    try {
      const job = await c.create({ name: 'Runtime Missing' });
      const done = await c.waitForSuccess(job.slug);
      expect(done.phases.runtime).toBe('skipped');
      expect(await report(job.slug)).toMatch(/Skipped: FLUTTER_BIN/);
    } finally {
      await chmod(join(binDir, 'flutter'), 0o755);
    }
  });

  it('hang: cancel kills the hanging flutter and the job is cancelled within 2 s', async () => {
    const pidFile = join(binDir, 'hang.pid');
    await writeFakeFlutter(binDir, flutterHangs(pidFile));
    const job = await c.create({ name: 'Runtime Hangs', features: ['auth'] });
    const pid = await waitFor('the fake flutter to write its PID', async () => {
      const text = await readFile(pidFile, 'utf8').catch(() => '');
      return /^\d+\s*$/.test(text) ? Number(text) : undefined;
    });
    expect(processAlive(pid)).toBe(true);
    const running = await c.get(job.slug);
    expect(running).toMatchObject({ status: 'running', current_phase: 'runtime' });

    const started = Date.now();
    const res = await c.cancel(job.slug);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: job.slug, cancel_requested: true });
    expect(['cancel_requested', 'cancelled']).toContain(res.json<{ status: string }>().status);
    const done = await c.waitForStatus(job.slug, ['cancelled', 'failed', 'succeeded'], 5_000);
    const elapsed = Date.now() - started;
    expect(done.status).toBe('cancelled');
    expect(elapsed).toBeLessThan(2_000);
    expect(processAlive(pid)).toBe(false);
    expect(done).toMatchObject({ cancel_requested: true, current_phase: null, error: null });
    expect(done.finished_at).not.toBeNull();
    expect(done.phases).toMatchObject({
      dev: 'passed',
      runtime: 'cancelled',
      security: 'cancelled',
      export: 'cancelled',
    });
    expect((await c.logs(job.slug, '?level=warn')).some((l) => /cancel/i.test(l.message))).toBe(true);
  });

  it('a job running longer than job_timeout_minutes is stopped and failed with a message saying so', async () => {
    const pidFile = join(binDir, 'timeout.pid');
    await writeFakeFlutter(binDir, flutterHangs(pidFile));
    // The API accepts whole minutes only; a fraction written to the table keeps this test short.
    const settings = t.app.get(DataSource).getRepository(Setting);
    await settings.update({ key: 'job_timeout_minutes' }, { value: '0.05' });
    const seen = () =>
      t.inject({ method: 'GET', url: '/api/settings', token: c.token }).then((r) => r.json<Record<string, string>>());
    await waitFor('the settings cache to expire', async () =>
      (await seen()).job_timeout_minutes === '0.05' ? true : undefined,
    );
    try {
      const job = await c.create({ name: 'Runtime Too Slow' });
      const pid = await waitFor('the fake flutter to hang', async () => {
        const text = await readFile(pidFile, 'utf8').catch(() => '');
        return /^\d+\s*$/.test(text) ? Number(text) : undefined;
      });
      const done = await c.waitForStatus(job.slug, ['succeeded', 'failed', 'cancelled'], 15_000);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/job_timeout_minutes/);
      expect(done.error).toMatch(/limit/);
      expect(done.phases.runtime).toBe('failed');
      expect(processAlive(pid)).toBe(false);
      expect((await c.details(job.slug)).runtime.error).toMatch(/time limit/);
    } finally {
      await settings.update({ key: 'job_timeout_minutes' }, { value: '30' });
    }
  });
});
