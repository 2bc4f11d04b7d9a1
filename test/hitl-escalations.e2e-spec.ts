import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app';
import { HitlClient, plant, waitForActivity, type CheckpointBody } from './helpers/hitl';
import { failFrom, JobsClient, PHASES, TERMINAL, type PhaseDetail } from './helpers/jobs';

const SETTLED = ['waiting_approval', ...TERMINAL];
const BEFORE_QA = PHASES.slice(0, PHASES.indexOf('qa'));
const BEFORE_SECURITY = PHASES.slice(0, PHASES.indexOf('security'));

/** A hand-written file the generator knows nothing about: the builtin repair can only skip it. */
const UNFIXABLE = 'lib/extra/scratch_pad.dart';
const UNFIXABLE_SOURCE = 'class ScratchPad {\n  void add( {\n}\n';
/** A hard-coded AWS access key id ("AKIA" + 16 upper-case characters) in valid Dart. */
const LEAKY = 'lib/config/cloud_keys.dart';
const LEAKY_SOURCE = "const String cloudAccessKeyId = 'AKIAQWERTYUIOPASDFGH';\n";

describe('escalations: QA findings and security blockers a person may accept', () => {
  let t: TestApp;
  let jobs: JobsClient;
  let hitl: HitlClient;
  let admin: string;

  beforeAll(async () => {
    t = await startApp({ FLUTTER_BIN: '/nonexistent/flutter' });
    admin = await t.tokenFor('admin');
    jobs = new JobsClient(t, await t.tokenFor('member'));
    hitl = new HitlClient(t, jobs.token);
  });
  afterAll(() => t?.close());

  const doc = async (slug: string, path: string): Promise<string> => {
    const res = await jobs.file(slug, path);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json<{ content: string }>().content;
  };

  describe('QA still failing after the repair loop', () => {
    const slug = 'qa-exhausted';
    let before: Record<string, PhaseDetail>;
    let checkpoint: CheckpointBody;

    it('retrying with an unfixable defect parks the job at repair with a qa_findings checkpoint', async () => {
      await jobs.create({ name: 'QA Exhausted', slug, features: ['auth', 'notes'] });
      await jobs.waitForSuccess(slug);
      await plant(t, slug, UNFIXABLE, UNFIXABLE_SOURCE);
      await failFrom(t, slug, 'qa');
      before = await jobs.details(slug);
      expect((await jobs.retry(slug)).statusCode).toBe(202);

      const job = await jobs.waitForStatus(slug, SETTLED);
      expect(job).toMatchObject({ status: 'waiting_approval', current_phase: 'repair', error: null });
      const details = await jobs.details(slug);
      expect(details.qa).toMatchObject({ status: 'passed', attempts: 2 });
      expect(details.repair.status).toBe('failed');
      expect(details.repair.error).toContain(UNFIXABLE);
      expect(details.repair.error).toContain('dart_syntax');
      for (const phase of ['runtime', 'security', 'reviewer', 'export'] as const) {
        expect(details[phase].status, phase).toBe('pending');
      }
      for (const phase of BEFORE_QA) expect(details[phase].attempts, phase).toBe(1);

      checkpoint = await hitl.pendingCheckpoint(slug);
      expect(checkpoint).toMatchObject({
        job_slug: slug,
        phase: 'repair',
        kind: 'qa_findings',
        action: 'continue with the remaining QA findings',
        status: 'pending',
        team_id: 'default',
      });
      expect(checkpoint.reason).toContain(UNFIXABLE);
      expect(checkpoint.reason).toContain('dart_syntax');
      expect(checkpoint.summary).toMatch(/qa: passed/);
      const queue = await hitl.queue();
      expect(queue.pending).toEqual([
        expect.objectContaining({ type: 'checkpoint', id: checkpoint.id, kind: 'qa_findings' }),
      ]);
      // Nothing was fixed, so no lesson is filed.
      expect((await hitl.experiences()).counts).toEqual({ pending: 0, pending_review: 0, approved: 0, rejected: 0 });
    });

    it('approve → the job continues: repair is skipped with an "Accepted by" note, and the job succeeds', async () => {
      const res = await hitl.decide('hitl', checkpoint.id, 'approve', 'known scratch file');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<CheckpointBody>()).toMatchObject({ status: 'approved', decided_by: 'default/member' });

      const done = await jobs.waitForSuccess(slug);
      expect(done.phases.repair).toBe('skipped');
      expect(done.download_url).not.toBeNull();
      const details = await jobs.details(slug);
      expect(details.repair.status).toBe('skipped');
      expect(details.repair.error).toMatch(/^Accepted by default\/member/);
      expect(details.repair.error).toContain('continue with the remaining QA findings');
      // Nothing before repair ran again.
      for (const phase of BEFORE_QA) {
        expect(details[phase].attempts, phase).toBe(1);
        expect(details[phase].started_at, phase).toBe(before[phase].started_at);
      }
      expect(details.qa.attempts).toBe(2);
      for (const phase of ['runtime', 'security', 'reviewer', 'export'] as const) {
        expect(['passed', 'skipped'], phase).toContain(details[phase].status);
      }
    });

    it('the final review says the findings were accepted, and the accepted file ships', async () => {
      const review = await doc(slug, 'docs/final_review.md');
      // No Flutter SDK in the tests: approved, but the review says it was not compiled.
      expect(review).toContain('**Verdict:** APPROVED (not compiled)');
      const qaRow = review.split('\n').find((line) => line.startsWith('| QA findings'));
      expect(qaRow).toBeDefined();
      expect(qaRow).toMatch(/✅ pass/);
      expect(qaRow).toMatch(/Accepted by default\/member/);
      const zip = await jobs.zip(slug);
      expect(zip.get(`source/${UNFIXABLE}`)?.toString('utf8')).toBe(UNFIXABLE_SOURCE);
    });

    it('the approval is in the activity log', async () => {
      const entry = await waitForActivity(
        t,
        admin,
        'hitl_approved',
        (e) => e.action === 'hitl_approved' && e.task_id === slug,
      );
      expect(entry.details).toMatchObject({
        kind: 'checkpoint',
        id: checkpoint.id,
        reason: 'known scratch file',
        by_role: 'member',
      });
    });
  });

  describe('security blockers', () => {
    it('a hard-coded AWS key opens a security_blockers checkpoint; reject → failed "rejected at security: …", export does not run', async () => {
      const slug = 'leaky-reject';
      await jobs.create({ name: 'Leaky Reject', slug, features: ['auth'] });
      await jobs.waitForSuccess(slug);
      await plant(t, slug, LEAKY, LEAKY_SOURCE);
      await failFrom(t, slug, 'security');
      expect((await jobs.retry(slug)).statusCode).toBe(202);

      const job = await jobs.waitForStatus(slug, SETTLED);
      expect(job).toMatchObject({ status: 'waiting_approval', current_phase: 'security' });
      const details = await jobs.details(slug);
      expect(details.security.status).toBe('failed');
      expect(details.security.error).toContain('secret_aws_key');
      expect(details.reviewer.status).toBe('pending');
      expect(details.export.status).toBe('pending');
      for (const phase of BEFORE_SECURITY) expect(details[phase].attempts, phase).toBe(1);

      const checkpoint = await hitl.pendingCheckpoint(slug);
      expect(checkpoint).toMatchObject({
        phase: 'security',
        kind: 'security_blockers',
        action: 'export anyway',
        status: 'pending',
      });
      expect(checkpoint.reason).toContain('secret_aws_key');
      expect(checkpoint.reason).toContain(LEAKY);
      // The key itself is never repeated in the checkpoint.
      expect(checkpoint.reason).not.toContain('AKIAQWERTYUIOPASDFGH');

      const res = await hitl.decide('checkpoints', checkpoint.id, 'reject', 'leaked key');
      expect(res.statusCode, res.body).toBe(200);
      const failed = await jobs.waitForStatus(slug);
      expect(failed.status).toBe('failed');
      expect(failed.error).toBe('rejected at security: leaked key');
      const after = await jobs.details(slug);
      expect(after.reviewer.attempts).toBe(1);
      expect(after.export.attempts).toBe(1);
      expect(after.export.status).toBe('pending');
      expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(409);
      expect((await jobs.get(slug)).status).toBe('failed');
    });

    it('approve instead → security skipped as accepted, the review says so, the job succeeds', async () => {
      const slug = 'leaky-accept';
      await jobs.create({ name: 'Leaky Accept', slug });
      await jobs.waitForSuccess(slug);
      await plant(t, slug, LEAKY, LEAKY_SOURCE);
      await failFrom(t, slug, 'security');
      expect((await jobs.retry(slug)).statusCode).toBe(202);
      expect((await jobs.waitForStatus(slug, SETTLED)).status).toBe('waiting_approval');
      const checkpoint = await hitl.pendingCheckpoint(slug);
      expect(checkpoint.kind).toBe('security_blockers');

      expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(200);
      const done = await jobs.waitForSuccess(slug);
      expect(done.phases).toMatchObject({ security: 'skipped', reviewer: 'passed', export: 'passed' });
      const details = await jobs.details(slug);
      expect(details.security.error).toMatch(/^Accepted by default\/member: export anyway/);
      const review = await doc(slug, 'docs/final_review.md');
      const row = review.split('\n').find((line) => line.startsWith('| Security blockers'));
      expect(row).toMatch(/✅ pass/);
      expect(row).toMatch(/Accepted by default\/member/);
    });
  });
});
