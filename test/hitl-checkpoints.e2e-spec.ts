import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, type JobFinishedEvent } from '../src/common/events';
import { Checkpoint } from '../src/hitl/checkpoint.entity';
import { startApp, type TestApp } from './helpers/app';
import {
  closeKeepingData,
  dropSchema,
  HitlClient,
  updateSettings,
  waitForActivity,
  type CheckpointBody,
} from './helpers/hitl';
import { JobsClient, PHASES, sleep, waitFor, TERMINAL, type JobBody, type PhaseDetail } from './helpers/jobs';

const BEFORE_DEV = PHASES.slice(0, PHASES.indexOf('dev'));
const FROM_DEV = PHASES.slice(PHASES.indexOf('dev'));
/** No Flutter SDK: the runtime phase is skipped and a job takes well under a second. */
const NO_FLUTTER = { FLUTTER_BIN: '/nonexistent/flutter' };
const SETTLED = ['waiting_approval', ...TERMINAL];

const expectWaitingAtDev = (job: JobBody, details: Record<string, PhaseDetail>): void => {
  expect(job).toMatchObject({ status: 'waiting_approval', current_phase: 'dev', error: null });
  for (const phase of BEFORE_DEV) {
    expect(['passed', 'skipped'], phase).toContain(details[phase].status);
    expect(details[phase].attempts, phase).toBe(1);
  }
  for (const phase of FROM_DEV) {
    expect(details[phase].status, phase).toBe('pending');
    expect(details[phase].attempts, phase).toBe(0);
  }
};

describe('checkpoints: a gated job waits for a person', () => {
  let t: TestApp;
  let admin: string;
  let jobs: JobsClient;
  let hitl: HitlClient;

  beforeAll(async () => {
    t = await startApp(NO_FLUTTER);
    admin = await t.tokenFor('admin');
    const member = await t.tokenFor('member');
    jobs = new JobsClient(t, member);
    hitl = new HitlClient(t, member);
  });
  afterAll(() => t?.close());

  /** Posts a job gated before dev and waits until it parks. */
  async function gatedAtDev(
    slug: string,
    payload: Record<string, unknown> = {},
  ): Promise<{ created: JobBody; job: JobBody; checkpoint: CheckpointBody; details: Record<string, PhaseDetail> }> {
    const created = await jobs.create({ name: slug, slug, features: ['auth'], checkpoints: ['dev'], ...payload });
    const job = await jobs.waitForStatus(slug, SETTLED);
    const details = await jobs.details(slug);
    expectWaitingAtDev(job, details);
    return { created, job, checkpoint: await hitl.pendingCheckpoint(slug), details };
  }

  describe('approve', () => {
    const slug = 'gated-dev';
    let checkpoint: CheckpointBody;
    let before: Record<string, PhaseDetail>;

    it('POST /api/jobs with checkpoints [dev] parks the job before dev: waiting_approval, earlier phases done, dev pending', async () => {
      const parked = await gatedAtDev(slug, { name: 'Gated Dev', features: ['auth', 'todo list'] });
      expect(parked.created.checkpoints).toEqual(['dev']);
      checkpoint = parked.checkpoint;
      before = parked.details;
      // Still parked a moment later: nothing runs without a decision.
      await sleep(500);
      expectWaitingAtDev(await jobs.get(slug), await jobs.details(slug));
      const logs = await jobs.logs(slug);
      expect(logs.some((l) => l.phase === 'dev' && l.message.includes(`Waiting for approval (${checkpoint.id})`))).toBe(
        true,
      );
    });

    it('GET /api/checkpoints lists it as pending with summary, action and reason', async () => {
      const list = await hitl.checkpoints();
      expect(list.counts).toEqual({ pending: 1, approved: 0, rejected: 0 });
      expect(list.pending).toHaveLength(1);
      expect(list.approved).toEqual([]);
      expect(list.rejected).toEqual([]);
      expect(checkpoint).toMatchObject({
        job_slug: slug,
        team_id: 'default',
        phase: 'dev',
        kind: 'before_phase',
        action: 'run phase dev',
        status: 'pending',
        decided_at: null,
        decided_by: null,
        decision_reason: null,
      });
      expect(checkpoint.id).toMatch(/^cp-[0-9a-f-]{36}$/);
      expect(checkpoint.reason).toMatch(/dev/);
      expect(checkpoint.reason).toMatch(/approval/i);
      // The summary says what the phases so far produced.
      expect(checkpoint.summary).toMatch(/create: passed/);
      expect(checkpoint.summary).toMatch(/uiux: (passed|skipped)/);
      expect(checkpoint.summary).not.toMatch(/dev:/);
      expect(Number.isNaN(Date.parse(checkpoint.created_at))).toBe(false);
    });

    it('GET /api/hitl/queue lists it as a checkpoint', async () => {
      const queue = await hitl.queue();
      expect(queue.counts).toEqual({ experiences: 0, checkpoints: 1 });
      expect(queue.pending).toHaveLength(1);
      expect(queue.pending[0]).toMatchObject({
        type: 'checkpoint',
        id: checkpoint.id,
        job_slug: slug,
        phase: 'dev',
        status: 'pending',
      });
      // Viewers may look (but not decide).
      const viewer = hitl.withToken(await t.tokenFor('viewer'));
      expect((await viewer.queue()).counts.checkpoints).toBe(1);
    });

    it('approve → the job continues at dev and succeeds without re-running earlier phases', async () => {
      const res = await hitl.decide('checkpoints', checkpoint.id, 'approve');
      expect(res.statusCode, res.body).toBe(200);
      const decided = res.json<CheckpointBody>();
      expect(decided).toMatchObject({
        id: checkpoint.id,
        status: 'approved',
        decided_by: 'default/member',
        decision_reason: null,
      });
      expect(Date.parse(decided.decided_at!)).toBeGreaterThanOrEqual(Date.parse(checkpoint.created_at));

      const done = await jobs.waitForSuccess(slug);
      expect(done.progress).toBe(100);
      expect(done.error).toBeNull();
      const after = await jobs.details(slug);
      for (const phase of BEFORE_DEV) {
        expect(after[phase].attempts, phase).toBe(1);
        expect(after[phase].started_at, phase).toBe(before[phase].started_at);
        expect(after[phase].finished_at, phase).toBe(before[phase].finished_at);
      }
      for (const phase of FROM_DEV) expect(['passed', 'skipped'], phase).toContain(after[phase].status);
      expect(after.dev).toMatchObject({ status: 'passed', attempts: 1 });
      const logs = await jobs.logs(slug, '?phase=dev');
      expect(logs.some((l) => /approved by default\/member/.test(l.message))).toBe(true);
    });

    it('the checkpoint shows who decided and when; it is no longer pending anywhere', async () => {
      const list = await hitl.checkpoints();
      expect(list.counts).toEqual({ pending: 0, approved: 1, rejected: 0 });
      expect(list.approved[0]).toMatchObject({ id: checkpoint.id, status: 'approved', decided_by: 'default/member' });
      expect(list.approved[0].decided_at).toEqual(expect.any(String));
      expect((await hitl.queue()).counts).toEqual({ experiences: 0, checkpoints: 0 });
    });

    it('deciding again → 409, on every route, and changes nothing', async () => {
      for (const route of ['checkpoints', 'hitl'] as const) {
        for (const decision of ['approve', 'reject'] as const) {
          const res = await hitl.decide(route, checkpoint.id, decision, 'again');
          expect(res.statusCode, `${route} ${decision}: ${res.body}`).toBe(409);
          expect(res.json<{ detail: string }>().detail).toMatch(/already approved/);
        }
      }
      const [again] = await hitl.checkpointsOf(slug);
      expect(again).toMatchObject({ status: 'approved', decided_by: 'default/member', decision_reason: null });
      expect((await jobs.get(slug)).status).toBe('succeeded');
    });

    it('approve through /api/hitl/:id/approve (as admin, with a reason) works the same', async () => {
      const { checkpoint: cp } = await gatedAtDev('gated-via-hitl');
      const res = await hitl.withToken(admin).decide('hitl', cp.id, 'approve', 'ship it');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<CheckpointBody>()).toMatchObject({
        id: cp.id,
        status: 'approved',
        decided_by: 'default/admin',
        decision_reason: 'ship it',
      });
      await jobs.waitForSuccess('gated-via-hitl');
      const details = await jobs.details('gated-via-hitl');
      for (const phase of PHASES) expect(details[phase].attempts, phase).toBeLessThanOrEqual(1);
      expect((await hitl.decide('hitl', cp.id, 'approve')).statusCode).toBe(409);
    });

    it('unknown and malformed ids: 404 and 400', async () => {
      const unknown = 'cp-00000000-0000-4000-8000-000000000000';
      expect((await hitl.decide('checkpoints', unknown, 'approve')).statusCode).toBe(404);
      expect((await hitl.decide('hitl', unknown, 'reject')).statusCode).toBe(404);
      expect((await hitl.decide('checkpoints', 'not-an-id', 'approve')).statusCode).toBe(400);
    });
  });

  it('an approval given while the parked run is still finishing resumes the job at once (not at the next sweep)', async () => {
    const slug = 'approved-while-parking';
    const events = t.app.get(EventEmitter2);
    let approval: number | undefined;
    // The job.finished listeners run before the parked run lets go of the job: approve from one of them.
    const approveNow = async (event: JobFinishedEvent): Promise<void> => {
      if (event.slug !== slug || event.status !== 'waiting_approval') return;
      const checkpoint = await hitl.pendingCheckpoint(slug);
      approval = (await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode;
    };
    // emitAsync awaits the promise a listener returns: that is what keeps the run waiting here.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    events.on(EVENTS.jobFinished, approveNow);
    try {
      await jobs.create({ name: slug, slug, features: ['auth'], checkpoints: ['dev'] });
      // Well inside the orphan sweep (QUEUE_LOCK_MS, 30 s), which would otherwise pick the job up.
      const done = await jobs.waitForStatus(slug, TERMINAL, 10_000);
      expect(approval).toBe(200);
      expect(done.status).toBe('succeeded');
      const details = await jobs.details(slug);
      for (const phase of BEFORE_DEV) expect(details[phase].attempts, phase).toBe(1);
      expect(details.dev).toMatchObject({ status: 'passed', attempts: 1 });
    } finally {
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      events.off(EVENTS.jobFinished, approveNow);
    }
  });

  it('a gate from the hitl_checkpoints setting: the job waits before export; approve → succeeds', async () => {
    const settings = await updateSettings(t, admin, { hitl_checkpoints: 'export' });
    expect(settings.hitl_checkpoints).toBe('export');
    try {
      const slug = 'gated-by-setting';
      const created = await jobs.create({ name: 'Gated By Setting', slug });
      expect(created.checkpoints).toEqual([]);
      const job = await jobs.waitForStatus(slug, SETTLED);
      expect(job).toMatchObject({ status: 'waiting_approval', current_phase: 'export' });
      const details = await jobs.details(slug);
      for (const phase of PHASES.slice(0, -1)) expect(['passed', 'skipped'], phase).toContain(details[phase].status);
      expect(details.export).toMatchObject({ status: 'pending', attempts: 0 });
      expect(job.download_url).toBeNull();

      const cp = await hitl.pendingCheckpoint(slug);
      expect(cp).toMatchObject({ phase: 'export', kind: 'before_phase', action: 'run phase export' });
      expect(cp.summary).toMatch(/reviewer: passed/);
      expect((await hitl.decide('checkpoints', cp.id, 'approve')).statusCode).toBe(200);
      const done = await jobs.waitForSuccess(slug);
      expect(done.download_url).toBe(`/api/jobs/${slug}/download`);
      const after = await jobs.details(slug);
      for (const phase of PHASES) expect(after[phase].attempts, phase).toBe(1);
    } finally {
      await updateSettings(t, admin, { hitl_checkpoints: '' });
    }
  });

  it('reject with ?reason= → the job fails "rejected at dev: <reason>" and dev never runs', async () => {
    const slug = 'gated-rejected';
    const { checkpoint } = await gatedAtDev(slug);
    const res = await hitl.decide('checkpoints', checkpoint.id, 'reject', 'too risky');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CheckpointBody>()).toMatchObject({
      status: 'rejected',
      decided_by: 'default/member',
      decision_reason: 'too risky',
    });
    const job = await jobs.waitForStatus(slug);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('rejected at dev: too risky');
    expect(job.finished_at).not.toBeNull();
    const details = await jobs.details(slug);
    expect(details.dev).toMatchObject({ attempts: 0 });
    expect(details.dev.status).not.toBe('passed');
    const list = await hitl.checkpoints();
    expect(list.rejected.map((c) => c.id)).toContain(checkpoint.id);
    expect(list.pending.map((c) => c.id)).not.toContain(checkpoint.id);
    expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(409);
    expect((await hitl.decide('hitl', checkpoint.id, 'reject')).statusCode).toBe(409);
    expect((await jobs.get(slug)).status).toBe('failed');
  });

  it('reject through /api/hitl/:id/reject without a reason → "rejected at dev: no reason given"', async () => {
    const slug = 'gated-rejected-plain';
    const { checkpoint } = await gatedAtDev(slug);
    expect((await hitl.decide('hitl', checkpoint.id, 'reject')).statusCode).toBe(200);
    const job = await jobs.waitForStatus(slug);
    expect(job).toMatchObject({ status: 'failed', error: 'rejected at dev: no reason given' });
  });

  it('cancel while waiting → cancelled at once; the checkpoint is closed (expired, 409 on approve) and the job never resumes', async () => {
    const slug = 'gated-cancelled';
    const { checkpoint } = await gatedAtDev(slug);
    const res = await jobs.cancel(slug);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ slug, status: 'cancelled', cancel_requested: true });

    // Closed before the cancel answered: read straight after it, no waiting.
    const [closed] = await hitl.checkpointsOf(slug);
    expect(closed).toMatchObject({
      id: checkpoint.id,
      status: 'expired',
      decided_by: 'system',
      decision_reason: 'Job cancelled',
    });
    expect((await hitl.checkpoints()).rejected.map((c) => c.id)).toContain(checkpoint.id);
    expect((await hitl.queue()).pending.map((p) => p.id)).not.toContain(checkpoint.id);

    for (const route of ['checkpoints', 'hitl'] as const) {
      const approve = await hitl.decide(route, checkpoint.id, 'approve');
      expect(approve.statusCode, approve.body).toBe(409);
      expect(approve.json<{ detail: string }>().detail).toMatch(/expired/);
    }
    await sleep(500);
    const job = await jobs.get(slug);
    expect(job).toMatchObject({ status: 'cancelled', cancel_requested: true, error: null });
    expect(job.finished_at).not.toBeNull();
    const details = await jobs.details(slug);
    for (const phase of BEFORE_DEV) expect(details[phase].attempts, phase).toBe(1);
    for (const phase of FROM_DEV) {
      expect(details[phase].status, phase).toBe('cancelled');
      expect(details[phase].attempts, phase).toBe(0);
    }
  });

  it('a job cancelled while waiting no longer reports a current phase (like every other finished job)', async () => {
    const job = await jobs.get('gated-cancelled');
    expect(job.status).toBe('cancelled');
    expect(job.current_phase).toBeNull();
  });

  it('deleting a waiting job removes its checkpoint from the lists and the queue', async () => {
    const slug = 'gated-deleted';
    const { checkpoint } = await gatedAtDev(slug);
    const res = await jobs.withToken(admin).remove(slug);
    expect(res.statusCode, res.body).toBe(200);
    expect((await jobs.getRaw(slug)).statusCode).toBe(404);
    expect((await hitl.checkpointsOf(slug)).map((c) => c.id)).not.toContain(checkpoint.id);
    expect((await hitl.queue()).pending.map((p) => p.id)).not.toContain(checkpoint.id);
    expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(404);
  });

  it('an approval racing a cancel never brings the cancelled job back', async () => {
    const slug = 'gated-race';
    const { checkpoint } = await gatedAtDev(slug);
    const [cancel, approve] = await Promise.all([
      jobs.cancel(slug),
      hitl.decide('checkpoints', checkpoint.id, 'approve'),
    ]);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect([200, 409], approve.body).toContain(approve.statusCode);
    // Whatever the interleaving, a job the user cancelled stays cancelled.
    await sleep(1_000);
    const job = await jobs.waitForStatus(slug, TERMINAL, 5_000);
    expect(job.status, `approve answered ${approve.statusCode}`).toBe('cancelled');
    expect((await jobs.details(slug)).dev.attempts).toBe(0);
  });

  it('a cancelled gated job that is retried waits again at a new checkpoint', async () => {
    const slug = 'gated-retried';
    const { checkpoint } = await gatedAtDev(slug);
    expect((await jobs.cancel(slug)).statusCode).toBe(200);
    await waitFor('the checkpoint to close', async () =>
      (await hitl.checkpointsOf(slug))[0].status === 'expired' ? true : undefined,
    );
    expect((await jobs.retry(slug)).statusCode).toBe(202);
    const job = await jobs.waitForStatus(slug, SETTLED);
    expect(job).toMatchObject({ status: 'waiting_approval', current_phase: 'dev' });
    const fresh = await hitl.pendingCheckpoint(slug);
    expect(fresh.id).not.toBe(checkpoint.id);
    expect((await hitl.decide('checkpoints', fresh.id, 'approve')).statusCode).toBe(200);
    await jobs.waitForSuccess(slug);
  });

  it('decisions are in the activity log', async () => {
    const approved = await waitForActivity(
      t,
      admin,
      'hitl_approved for gated-dev',
      (e) => e.action === 'hitl_approved' && e.task_id === 'gated-dev',
    );
    expect(approved).toMatchObject({ status: 'approved', team_id: 'default' });
    expect(approved.details).toMatchObject({ kind: 'checkpoint', by_role: 'member', by_team: 'default' });
    const rejected = await waitForActivity(
      t,
      admin,
      'hitl_rejected for gated-rejected',
      (e) => e.action === 'hitl_rejected' && e.task_id === 'gated-rejected',
    );
    expect(rejected.details).toMatchObject({ kind: 'checkpoint', reason: 'too risky', by_role: 'member' });
    const paused = await waitForActivity(
      t,
      admin,
      'workflow_paused',
      (e) => e.action === 'workflow_paused' && e.task_id === 'gated-dev',
    );
    expect(paused.status).toBe('waiting_approval');
  });
});

describe('checkpoints: a restart keeps a waiting job waiting', () => {
  let dir: string;
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  let schema: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sf-hitl-restart-'));
  });
  afterAll(async () => {
    await second?.close();
    await dropSchema(schema);
    await rm(dir, { recursive: true, force: true });
  });

  it('close and boot again on the same data: still waiting; approve → succeeds without re-running earlier phases', async () => {
    const envBefore = { ...process.env };
    first = await startApp(NO_FLUTTER, { dir });
    schema = first.schema;
    const jobs1 = new JobsClient(first, await first.tokenFor('member'));
    const hitl1 = new HitlClient(first, jobs1.token);
    await jobs1.create({ name: 'Survives Restart', slug: 'survives-restart', checkpoints: ['dev'] });
    const parked = await jobs1.waitForStatus('survives-restart', SETTLED);
    expect(parked).toMatchObject({ status: 'waiting_approval', current_phase: 'dev' });
    const before = await jobs1.details('survives-restart');
    const checkpoint = await hitl1.pendingCheckpoint('survives-restart');
    await closeKeepingData(first, envBefore);

    second = await startApp({ ...NO_FLUTTER, ...(schema ? { DB_SCHEMA: schema } : {}) }, { dir });
    const jobs2 = new JobsClient(second, await second.tokenFor('member'));
    const hitl2 = new HitlClient(second, jobs2.token);
    // Give a (wrong) boot-time requeue every chance to run.
    await sleep(1_000);
    const after = await jobs2.get('survives-restart');
    expect(after).toMatchObject({ status: 'waiting_approval', current_phase: 'dev' });
    expect(await jobs2.details('survives-restart')).toEqual(before);
    expect(await hitl2.pendingCheckpoint('survives-restart')).toEqual(checkpoint);
    expect((await hitl2.queue()).counts.checkpoints).toBe(1);

    const res = await hitl2.decide('checkpoints', checkpoint.id, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    await jobs2.waitForSuccess('survives-restart');
    const done = await jobs2.details('survives-restart');
    for (const phase of BEFORE_DEV) {
      expect(done[phase].attempts, phase).toBe(1);
      expect(done[phase].started_at, phase).toBe(before[phase].started_at);
    }
    expect(done.dev).toMatchObject({ status: 'passed', attempts: 1 });
  });
});

describe('checkpoints: expiry after hitl_timeout_minutes', () => {
  let t: TestApp;
  let jobs: JobsClient;
  let hitl: HitlClient;
  let admin: string;
  /** How long after the checkpoint was aged the job was seen failed. */
  let expiredAfterMs: number | undefined;

  beforeAll(async () => {
    t = await startApp({ ...NO_FLUTTER, HITL_SWEEP_MS: '200' });
    admin = await t.tokenFor('admin');
    jobs = new JobsClient(t, await t.tokenFor('member'));
    hitl = new HitlClient(t, jobs.token);
    await updateSettings(t, admin, { hitl_timeout_minutes: '1' });
  });
  afterAll(() => t?.close());

  it('an undecided checkpoint older than the timeout expires: the job fails saying so, the checkpoint is expired (listed as rejected)', async () => {
    await jobs.create({ name: 'Will Expire', slug: 'will-expire', checkpoints: ['dev'] });
    await jobs.create({ name: 'Fresh Gate', slug: 'fresh-gate', checkpoints: ['dev'] });
    for (const slug of ['will-expire', 'fresh-gate']) {
      expect((await jobs.waitForStatus(slug, SETTLED)).status).toBe('waiting_approval');
    }
    const checkpoint = await hitl.pendingCheckpoint('will-expire');
    const aged = new Date(Date.now() - 2 * 60_000).toISOString();
    await t.app.get(DataSource).getRepository(Checkpoint).update({ id: checkpoint.id }, { created_at: aged });
    const agedAt = Date.now();

    const job = await jobs.waitForStatus('will-expire', TERMINAL, 15_000);
    expiredAfterMs = Date.now() - agedAt;
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/expired/);
    expect(job.error).toMatch(/dev/);
    expect(job.error).toBe('Checkpoint at dev expired after 1 minute(s) without a decision');
    expect((await jobs.details('will-expire')).dev.attempts).toBe(0);

    const list = await hitl.checkpoints();
    const expired = list.rejected.find((c) => c.id === checkpoint.id);
    expect(expired).toMatchObject({
      status: 'expired',
      decided_by: 'system',
      decision_reason: 'No decision within 1 minute(s)',
    });
    expect(expired!.decided_at).toEqual(expect.any(String));
    expect(list.pending.map((c) => c.job_slug)).toEqual(['fresh-gate']);
    expect(list.counts).toEqual({ pending: 1, approved: 0, rejected: 1 });

    // Too late to decide; the job stays failed.
    expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(409);
    const logs = await jobs.logs('will-expire', '?level=error');
    expect(logs.some((l) => l.phase === 'dev' && /expired/.test(l.message))).toBe(true);
    const entry = await waitForActivity(
      t,
      admin,
      'hitl_expired',
      (e) => e.action === 'hitl_expired' && e.task_id === 'will-expire',
    );
    expect(entry.details).toMatchObject({ kind: 'checkpoint', by_role: null });
  });

  it('a checkpoint younger than the timeout is left alone', async () => {
    await sleep(1_000);
    expect((await jobs.get('fresh-gate')).status).toBe('waiting_approval');
    const cp = await hitl.pendingCheckpoint('fresh-gate');
    expect((await hitl.decide('checkpoints', cp.id, 'approve')).statusCode).toBe(200);
    await jobs.waitForSuccess('fresh-gate');
  });

  it('the expiry sweep runs every HITL_SWEEP_MS (200 ms here), not at its 5 s default', () => {
    expect(expiredAfterMs, 'the expiry test did not run').toBeDefined();
    expect(expiredAfterMs!, 'HITL_SWEEP_MS=200 given to the app was not honoured').toBeLessThan(2_000);
  });
});
