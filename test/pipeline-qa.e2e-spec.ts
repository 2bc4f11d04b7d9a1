import { access, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDart } from '../src/pipeline/qa/dart-parser';
import { startApp, type TestApp } from './helpers/app';
import { failFrom, JobsClient, PHASES, type JobBody, type PhaseDetail } from './helpers/jobs';

const BEFORE_QA = PHASES.slice(0, PHASES.indexOf('qa'));

interface QaSummary {
  findings: { rule: string; file: string; line?: number; message: string }[];
  attempt: number;
}

describe('QA catches planted defects and the repair loop fixes them', () => {
  let t: TestApp;
  let admin: string;
  let c: JobsClient;

  beforeAll(async () => {
    t = await startApp({ FLUTTER_BIN: '/nonexistent/flutter' });
    admin = await t.tokenFor('admin');
    c = new JobsClient(t, await t.tokenFor('member'));
  });
  afterAll(() => t?.close());

  const source = (slug: string, file: string) => join(t.dir, 'generated_apps', slug, 'source', file);
  const plant = async (slug: string, file: string, content: string) => {
    await mkdir(dirname(source(slug, file)), { recursive: true });
    await writeFile(source(slug, file), content);
  };
  const doc = async (slug: string, file: string) => {
    const res = await c.file(slug, `docs/${file}`);
    expect(res.statusCode, file).toBe(200);
    return res.json<{ content: string }>().content;
  };
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );

  describe('fixable defects', () => {
    const slug = 'repairable';
    let before: Record<string, PhaseDetail>;
    let after: Record<string, PhaseDetail>;
    let job: JobBody;

    beforeAll(async () => {
      await c.create({ name: 'Repairable', slug, features: ['auth', 'todo list', 'profile'] });
      await c.waitForSuccess(slug);
      before = await c.details(slug);

      // 1. a syntax error in a feature screen
      const screen = source(slug, 'lib/features/auth/auth_screen.dart');
      await writeFile(
        screen,
        `${await readFile(screen, 'utf8')}\nclass Broken {\n  void oops() {\n    final x = ;\n  }\n}\n`,
      );
      // 2. an unresolved relative import in lib/app.dart
      const app = source(slug, 'lib/app.dart');
      await writeFile(app, `import 'missing/nowhere.dart';\n${await readFile(app, 'utf8')}`);
      // 3. an undeclared package in a file the generator does not own
      await plant(
        slug,
        'lib/services/api_client.dart',
        "import 'package:http/http.dart';\n\nclass ApiClient {\n  const ApiClient();\n\n  String get name => 'api';\n}\n",
      );
      // 4. a feature without its screen
      await rm(source(slug, 'lib/features/profile/profile_screen.dart'));

      await failFrom(t, slug, 'qa');
      const res = await c.retry(slug);
      expect(res.statusCode).toBe(202);
      job = await c.waitForSuccess(slug);
      after = await c.details(slug);
    });

    it('the job succeeds again', () => {
      expect(job.status).toBe('succeeded');
      expect(job.progress).toBe(100);
      expect(job.error).toBeNull();
    });

    it('phases before qa were not run again', () => {
      for (const phase of BEFORE_QA) {
        expect(after[phase].attempts, phase).toBe(1);
        expect(after[phase].started_at, phase).toBe(before[phase].started_at);
        expect(after[phase].finished_at, phase).toBe(before[phase].finished_at);
      }
      expect(after.qa.attempts).toBe(2);
      expect(after.refactor).toMatchObject({ status: 'passed', attempts: 2 });
      expect(after.repair).toMatchObject({ status: 'passed', attempts: 2 });
    });

    it("QA's findings are in the logs with their rules", async () => {
      const qaLogs = (await c.logs(slug, '?phase=qa')).map((l) => l.message).join('\n');
      for (const rule of ['dart_syntax', 'import_unresolved', 'package_undeclared', 'feature_missing_screen']) {
        expect(qaLogs, rule).toContain(rule);
      }
      expect(qaLogs).toContain('lib/features/auth/auth_screen.dart');
      expect(qaLogs).toContain('lib/app.dart');
    });

    it('the refactor report names every fixed file', async () => {
      const report = await doc(slug, 'refactor_report.md');
      for (const file of [
        'lib/features/auth/auth_screen.dart',
        'lib/app.dart',
        'lib/services/api_client.dart',
        'lib/features/profile/profile_screen.dart',
      ]) {
        expect(report, file).toContain(file);
      }
      expect(after.refactor.outputs).toEqual(
        expect.arrayContaining([
          'docs/refactor_report.md',
          'source/lib/app.dart',
          'source/lib/features/auth/auth_screen.dart',
        ]),
      );
    });

    it('the repair history records the repair: the findings and the files that were fixed', async () => {
      const history = await doc(slug, 'repair_history.md');
      expect(history).toMatch(/QA clean/);
      for (const file of [
        'lib/features/auth/auth_screen.dart',
        'lib/app.dart',
        'lib/services/api_client.dart',
        'lib/features/profile/profile_screen.dart',
      ]) {
        expect(history, file).toContain(file);
      }
    });

    it('the files are really fixed on disk and QA is clean', async () => {
      expect(await readFile(source(slug, 'lib/app.dart'), 'utf8')).not.toContain('missing/nowhere.dart');
      expect(await readFile(source(slug, 'lib/features/auth/auth_screen.dart'), 'utf8')).not.toContain('class Broken');
      expect(await exists(source(slug, 'lib/features/profile/profile_screen.dart'))).toBe(true);
      const client = await readFile(source(slug, 'lib/services/api_client.dart'), 'utf8');
      expect(client).not.toContain('package:http');
      expect(client).toContain('class ApiClient');
      const qa = JSON.parse(await doc(slug, 'qa_summary.json')) as QaSummary;
      expect(qa.findings).toEqual([]);
      expect(qa.attempt).toBeGreaterThanOrEqual(1);
    });

    it('the new ZIP holds the repaired project and every Dart file parses', async () => {
      const zip = await c.zip(slug);
      expect(zip.has('docs/repair_history.md')).toBe(true);
      expect(zip.has('docs/refactor_report.md')).toBe(true);
      expect(zip.has('source/lib/features/profile/profile_screen.dart')).toBe(true);
      expect(zip.get('source/lib/app.dart')!.toString('utf8')).not.toContain('missing/nowhere.dart');
      for (const [name, content] of zip) {
        if (name.endsWith('.dart')) expect((await parseDart(content.toString('utf8'))).errors, name).toEqual([]);
      }
    });
  });

  describe('defects repair cannot fix', () => {
    /** A file the generator does not own, with a syntax error no automatic fix can repair. */
    const UNFIXABLE = 'lib/extra/notes.dart';

    async function brokenJob(slug: string): Promise<void> {
      await c.create({ name: slug, slug, features: ['auth', 'notes'] });
      await c.waitForSuccess(slug);
      await plant(slug, UNFIXABLE, 'class Notes {\n  void add( {\n}\n');
      // A fixable defect too, so the refactor phase itself passes and the repair loop decides.
      await rm(source(slug, 'lib/features/notes/notes_screen.dart'));
      await failFrom(t, slug, 'qa');
    }

    interface Checkpoint {
      id: string;
      job_slug: string;
      phase: string;
      kind: string;
      reason: string;
      status: string;
    }
    const checkpointsOf = async (slug: string): Promise<Checkpoint[]> => {
      const res = await t.inject({ method: 'GET', url: '/api/checkpoints', token: c.token });
      expect(res.statusCode).toBe(200);
      const body = res.json<Record<string, Checkpoint[]>>();
      return [...body.pending, ...body.approved, ...body.rejected].filter((cp) => cp.job_slug === slug);
    };
    /** Stops when the job is finished or waits for a person (QA still failing opens a checkpoint, DESIGN §5). */
    const settled = (slug: string) => c.waitForStatus(slug, ['waiting_approval', 'succeeded', 'failed', 'cancelled']);

    it('with max_repair_attempts 0 the repair phase fails naming the remaining finding and the job waits for a person; reject fails it', async () => {
      const settings = await t.inject({
        method: 'POST',
        url: '/api/settings',
        token: admin,
        payload: { max_repair_attempts: 0 },
      });
      expect(settings.statusCode).toBe(200);
      try {
        await brokenJob('unrepairable');
        expect((await c.retry('unrepairable')).statusCode).toBe(202);
        const job = await settled('unrepairable');
        expect(job.status).toBe('waiting_approval');
        expect(job.current_phase).toBe('repair');
        const details = await c.details('unrepairable');
        expect(details.refactor.status).toBe('passed');
        expect(details.repair.status).toBe('failed');
        expect(details.repair.error).toContain(UNFIXABLE);
        expect(details.repair.error).toContain('dart_syntax');
        expect(details.repair.error).toMatch(/remain after 0 repair attempt/);
        expect(details.repair.error).not.toContain(t.dir);
        for (const phase of ['runtime', 'security', 'reviewer', 'export'] as const)
          expect(details[phase].status, phase).toBe('pending');
        const history = await doc('unrepairable', 'repair_history.md');
        expect(history).toContain(UNFIXABLE);
        expect(history).toMatch(/remain/);

        const [checkpoint] = await checkpointsOf('unrepairable');
        expect(checkpoint).toMatchObject({ phase: 'repair', kind: 'qa_findings', status: 'pending' });
        expect(checkpoint.reason).toContain(UNFIXABLE);
        const reject = await t.inject({
          method: 'POST',
          url: `/api/checkpoints/${checkpoint.id}/reject?reason=not%20fixable`,
          token: c.token,
        });
        expect(reject.statusCode).toBe(200);
        const failed = await c.waitForStatus('unrepairable');
        expect(failed.status).toBe('failed');
        expect(failed.error).toMatch(/repair/);
        expect(failed.error).toContain('not fixable');
        expect((await c.details('unrepairable')).repair.error).toContain(UNFIXABLE);
      } finally {
        await t.inject({ method: 'POST', url: '/api/settings', token: admin, payload: { max_repair_attempts: 5 } });
      }
    });

    it('with attempts left, the loop stops early when the same findings come back; approving continues to an export', async () => {
      await brokenJob('stuck');
      expect((await c.retry('stuck')).statusCode).toBe(202);
      const job = await settled('stuck');
      expect(job.status).toBe('waiting_approval');
      const details = await c.details('stuck');
      expect(details.repair.status).toBe('failed');
      expect(details.repair.error).toMatch(/no progress/i);
      expect(details.repair.error).toContain(UNFIXABLE);
      const history = await doc('stuck', 'repair_history.md');
      // Check 0 (QA + refactor), then two loop checks (the second repeating the first), not max_repair_attempts (5) + 1.
      const rows = history.split('\n').filter((line) => /^\| \d+ \|/.test(line));
      expect(rows.map((row) => row.split('|')[1].trim())).toEqual(['0', '1', '2']);

      const [checkpoint] = await checkpointsOf('stuck');
      const approve = await t.inject({
        method: 'POST',
        url: `/api/checkpoints/${checkpoint.id}/approve`,
        token: c.token,
      });
      expect(approve.statusCode).toBe(200);
      const done = await c.waitForSuccess('stuck');
      expect(done.phases.repair).toBe('skipped');
      const zip = await c.zip('stuck');
      // The accepted finding ships as recorded, and the review says it was accepted.
      expect(zip.has(`source/${UNFIXABLE}`)).toBe(true);
      const qa = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as QaSummary;
      expect(qa.findings.map((f) => f.file)).toContain(UNFIXABLE);
      expect(zip.get('docs/final_review.md')!.toString('utf8')).toMatch(/Accepted/);
    });
  });
});
