import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Setting } from '../src/system/settings/setting.entity';
import { startApp, type TestApp } from './helpers/app';
import { HitlClient } from './helpers/hitl';
import {
  FLUTTER_OK,
  FLUTTER_TEST_FAILS,
  flutterHangs,
  flutterTestFailsAfter,
  JobsClient,
  processAlive,
  TERMINAL,
  waitFor,
  writeFakeFlutter,
} from './helpers/jobs';

describe('runtime phase with a fake flutter', () => {
  let t: TestApp;
  let c: JobsClient;
  let hitl: HitlClient;
  let binDir: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-flutter-'));
    // FLUTTER_BIN is read at boot; each test rewrites the script behind it.
    await writeFakeFlutter(binDir, FLUTTER_OK);
    t = await startApp({ FLUTTER_BIN: join(binDir, 'flutter') });
    c = new JobsClient(t, await t.tokenFor('member'));
    hitl = new HitlClient(t, c.token);
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  const doc = async (slug: string, path: string) => {
    const res = await c.file(slug, path);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json<{ content: string }>().content;
  };
  const report = (slug: string) => doc(slug, 'docs/runtime_report.md');

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

  it('failure: flutter test exits 1 in QA → a flutter_test_failed finding repair cannot fix; the job waits at repair, runtime never runs, nothing is exported', async () => {
    await writeFakeFlutter(binDir, FLUTTER_TEST_FAILS);
    const job = await c.create({ name: 'Tests Fail In QA', features: ['auth'] });
    const parked = await c.waitForStatus(job.slug, ['waiting_approval', ...TERMINAL]);
    // QA records the failure as a finding; the builtin refactor/repair cannot fix a failing test, the
    // repair loop sees the same finding come back and hands the job to a person at a repair checkpoint.
    expect(parked).toMatchObject({ status: 'waiting_approval', current_phase: 'repair', error: null });
    expect(parked.download_url).toBeNull();
    expect(parked.phases).toMatchObject({
      qa: 'passed',
      refactor: 'skipped',
      repair: 'failed',
      runtime: 'pending',
      security: 'pending',
      reviewer: 'pending',
      export: 'pending',
    });
    const details = await c.details(job.slug);
    expect(details.repair.error).toMatch(/no progress/);
    expect(details.repair.error).toContain('flutter_test_failed');
    expect(details.repair.error).not.toContain(t.dir);
    expect(details.runtime).toMatchObject({ status: 'pending', attempts: 0, started_at: null });

    // The finding carries the test output, in docs/qa_summary.json and docs/test_report.md.
    const summary = JSON.parse(await doc(job.slug, 'docs/qa_summary.json')) as {
      passed: boolean;
      attempt: number;
      flutter: Record<string, unknown>;
      findings: { rule: string; file: string; message: string }[];
    };
    expect(summary).toMatchObject({ passed: false, attempt: 1, flutter: { ran: true, tests_passed: false } });
    expect(summary.findings).toEqual([
      {
        rule: 'flutter_test_failed',
        file: 'test',
        message: 'flutter test failed (exit code 1): fake flutter test --no-pub / Some tests failed.',
      },
    ]);
    const testReport = await doc(job.slug, 'docs/test_report.md');
    expect(testReport).toContain('Result: **FAILED**');
    expect(testReport).toMatch(
      /\| Flutter SDK \(pub get, analyze, test\) \| analyze: 0 error\(s\)\/warning\(s\); tests failed \|/,
    );
    expect(testReport).toContain(
      '| flutter_test_failed | test |  | flutter test failed (exit code 1): fake flutter test --no-pub / Some tests failed. |',
    );
    expect(testReport).not.toContain(t.dir);
    expect(await doc(job.slug, 'docs/repair_history.md')).toMatch(/Outcome: Repair made no progress/);
    const warnings = await c.logs(job.slug, '?phase=qa&level=warn');
    expect(warnings.some((l) => /QA found 1 issue\(s\).*flutter_test_failed/.test(l.message))).toBe(true);

    // The runtime phase never ran, so nothing claims the app compiled or passed its tests.
    expect((await c.file(job.slug, 'docs/runtime_report.md')).statusCode).toBe(404);
    expect((await c.file(job.slug, 'docs/final_review.md')).statusCode).toBe(404);
    expect((await c.download(job.slug)).statusCode).toBe(404);

    // The checkpoint names the finding; a person rejecting it fails the job at repair.
    const checkpoint = await hitl.pendingCheckpoint(job.slug);
    expect(checkpoint).toMatchObject({ phase: 'repair', kind: 'qa_findings', status: 'pending' });
    expect(checkpoint.reason).toContain('flutter_test_failed');
    const res = await hitl.decide('checkpoints', checkpoint.id, 'reject', 'the tests must pass');
    expect(res.statusCode, res.body).toBe(200);
    const done = await c.waitForStatus(job.slug);
    expect(done.status).toBe('failed');
    expect(done.error).toBe('rejected at repair: the tests must pass');
    expect(done.phases).toMatchObject({
      runtime: 'pending',
      security: 'pending',
      reviewer: 'pending',
      export: 'pending',
    });
    expect(done.download_url).toBeNull();
    expect((await c.download(job.slug)).statusCode).toBe(404);
    expect((await c.details(job.slug)).runtime.attempts).toBe(0);
    expect((await c.file(job.slug, 'docs/runtime_report.md')).statusCode).toBe(404);
  });

  it("failure in the runtime phase: QA's flutter test passes, the runtime's exits 1 → the job fails naming the runtime phase and is not exported", async () => {
    const counter = join(binDir, 'runtime-fails.count');
    await writeFakeFlutter(binDir, flutterTestFailsAfter(counter));
    const job = await c.create({ name: 'Runtime Fails', features: ['auth'] });
    const done = await c.waitForStatus(job.slug);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/runtime/);
    expect(done.error).toMatch(/flutter test/);
    expect(done.error).not.toContain(t.dir);
    expect(done.phases).toMatchObject({
      qa: 'passed',
      refactor: 'skipped',
      repair: 'skipped',
      runtime: 'failed',
      security: 'pending',
      reviewer: 'pending',
      export: 'pending',
    });
    // QA ran flutter test once (clean), the runtime phase once more (failed).
    expect((await readFile(counter, 'utf8')).trim()).toBe('2');
    const summary = JSON.parse(await doc(job.slug, 'docs/qa_summary.json')) as Record<string, unknown>;
    expect(summary).toMatchObject({ passed: true, findings: [], flutter: { ran: true, tests_passed: true } });
    expect(done.download_url).toBeNull();
    expect((await c.download(job.slug)).statusCode).toBe(404);
    const text = await report(job.slug);
    expect(text).toContain('Some tests failed.');
    expect(text).toMatch(/flutter test` \| failed \(1\)/);
    const details = await c.details(job.slug);
    expect(details.runtime.error).toMatch(/flutter test/);
    const errors = await c.logs(job.slug, '?level=error');
    expect(errors.some((l) => l.phase === 'runtime' && /runtime/.test(l.message))).toBe(true);
    expect((await c.file(job.slug, 'docs/final_review.md')).statusCode).toBe(404);
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

  it('hang: cancel kills the flutter hanging in QA and the job is cancelled within 2 s', async () => {
    const pidFile = join(binDir, 'hang.pid');
    await writeFakeFlutter(binDir, flutterHangs(pidFile));
    const job = await c.create({ name: 'Runtime Hangs', features: ['auth'] });
    const pid = await waitFor('the fake flutter to write its PID', async () => {
      const text = await readFile(pidFile, 'utf8').catch(() => '');
      return /^\d+\s*$/.test(text) ? Number(text) : undefined;
    });
    expect(processAlive(pid)).toBe(true);
    // QA runs flutter pub get first, so that is where it hangs.
    const running = await c.get(job.slug);
    expect(running).toMatchObject({ status: 'running', current_phase: 'qa' });

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
      qa: 'cancelled',
      runtime: 'cancelled',
      security: 'cancelled',
      export: 'cancelled',
    });
    expect((await c.details(job.slug)).runtime.attempts).toBe(0);
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
      // QA's flutter pub get is what hangs, so QA is the phase stopped and failed; runtime never started.
      expect(done.phases.qa).toBe('failed');
      expect(done.phases.runtime).toBe('pending');
      expect(processAlive(pid)).toBe(false);
      const details = await c.details(job.slug);
      expect(details.qa.error).toMatch(/time limit/);
      expect(details.runtime.attempts).toBe(0);
    } finally {
      await settings.update({ key: 'job_timeout_minutes' }, { value: '30' });
    }
  });
});
