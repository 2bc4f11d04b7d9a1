import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app';
import {
  activityEntries,
  HitlClient,
  sourcePath,
  waitForActivity,
  type CheckpointBody,
  type ExperienceBody,
} from './helpers/hitl';
import { failFrom, JobsClient, TERMINAL, waitFor } from './helpers/jobs';

const SETTLED = ['waiting_approval', ...TERMINAL];

describe('HITL across teams and roles', () => {
  let t: TestApp;
  let admin: string;
  /** Team alpha: a member, a viewer. Team beta: a member. */
  let alpha: { jobs: JobsClient; hitl: HitlClient };
  let alphaViewer: HitlClient;
  let beta: { jobs: JobsClient; hitl: HitlClient };
  let checkpoint: CheckpointBody;
  let experience: ExperienceBody;
  let betaCheckpoint: CheckpointBody;

  beforeAll(async () => {
    t = await startApp({ FLUTTER_BIN: '/nonexistent/flutter' });
    admin = await t.tokenFor('admin');
    const alphaMember = await t.tokenFor('member', 'alpha');
    const betaMember = await t.tokenFor('member', 'beta');
    alpha = { jobs: new JobsClient(t, alphaMember), hitl: new HitlClient(t, alphaMember) };
    beta = { jobs: new JobsClient(t, betaMember), hitl: new HitlClient(t, betaMember) };
    alphaViewer = new HitlClient(t, await t.tokenFor('viewer', 'alpha'));

    // Alpha: a job waiting at a gate, and a repaired job that filed a lesson.
    await alpha.jobs.create({ name: 'Alpha Gated', slug: 'alpha-gated', checkpoints: ['dev'] });
    await alpha.jobs.create({ name: 'Alpha Repaired', slug: 'alpha-repaired', features: ['auth'] });
    await alpha.jobs.waitForSuccess('alpha-repaired');
    const screen = sourcePath(t, 'alpha-repaired', 'lib/features/auth/auth_screen.dart');
    await writeFile(
      screen,
      `${await readFile(screen, 'utf8')}\nclass Broken {\n  void oops() {\n    final x = ;\n  }\n}\n`,
    );
    await failFrom(t, 'alpha-repaired', 'qa');
    expect((await alpha.jobs.retry('alpha-repaired')).statusCode).toBe(202);
    await alpha.jobs.waitForSuccess('alpha-repaired');
    expect((await alpha.jobs.waitForStatus('alpha-gated', SETTLED)).status).toBe('waiting_approval');
    checkpoint = await alpha.hitl.pendingCheckpoint('alpha-gated');
    [experience] = await alpha.hitl.experiencesOf('alpha-repaired');
    expect(experience).toMatchObject({ team_id: 'alpha', status: 'pending' });
    expect(checkpoint.team_id).toBe('alpha');

    // Beta: its own waiting job.
    await beta.jobs.create({ name: 'Beta Gated', slug: 'beta-gated', checkpoints: ['qa'] });
    expect((await beta.jobs.waitForStatus('beta-gated', SETTLED)).status).toBe('waiting_approval');
    betaCheckpoint = await beta.hitl.pendingCheckpoint('beta-gated');
  });
  afterAll(() => t?.close());

  const stillPending = async () => {
    expect((await alpha.hitl.checkpointsOf('alpha-gated'))[0]).toMatchObject({ id: checkpoint.id, status: 'pending' });
    expect((await alpha.hitl.experiencesOf('alpha-repaired'))[0]).toMatchObject({
      id: experience.id,
      status: 'pending',
    });
  };

  it('each team lists only its own items; the queue likewise', async () => {
    const alphaCps = await alpha.hitl.checkpoints();
    expect(alphaCps.pending.map((c) => c.id)).toEqual([checkpoint.id]);
    expect((await alpha.hitl.experiences()).pending.map((e) => e.id)).toEqual([experience.id]);
    const alphaQueue = await alpha.hitl.queue();
    expect(alphaQueue.counts).toEqual({ experiences: 1, checkpoints: 1 });
    expect(alphaQueue.pending.map((p) => p.id).sort()).toEqual([checkpoint.id, experience.id].sort());

    const betaCps = await beta.hitl.checkpoints();
    expect(betaCps.pending.map((c) => c.id)).toEqual([betaCheckpoint.id]);
    expect(betaCps.counts).toEqual({ pending: 1, approved: 0, rejected: 0 });
    const betaExps = await beta.hitl.experiences();
    expect(betaExps.counts).toEqual({ pending: 0, pending_review: 0, approved: 0, rejected: 0 });
    const betaQueue = await beta.hitl.queue();
    expect(betaQueue.counts).toEqual({ experiences: 0, checkpoints: 1 });
    expect(betaQueue.pending.map((p) => p.id)).toEqual([betaCheckpoint.id]);

    // A non-admin cannot widen the scope with ?team_id=.
    expect((await beta.hitl.checkpoints('?team_id=alpha')).pending.map((c) => c.id)).toEqual([betaCheckpoint.id]);
    expect((await beta.hitl.experiences('?team_id=alpha')).counts.pending).toBe(0);
  });

  it('an admin sees every team and may filter with ?team_id=', async () => {
    const all = new HitlClient(t, admin);
    expect((await all.checkpoints()).pending.map((c) => c.id).sort()).toEqual(
      [checkpoint.id, betaCheckpoint.id].sort(),
    );
    expect((await all.checkpoints('?team_id=beta')).pending.map((c) => c.id)).toEqual([betaCheckpoint.id]);
    expect((await all.checkpoints('?team_id=alpha')).pending.map((c) => c.id)).toEqual([checkpoint.id]);
    expect((await all.experiences('?team_id=beta')).counts.pending).toBe(0);
    expect((await all.experiences('?team_id=alpha')).pending.map((e) => e.id)).toEqual([experience.id]);
    expect((await all.queue()).counts).toEqual({ experiences: 1, checkpoints: 2 });
  });

  it("a member of team beta gets 404 for team alpha's checkpoint and experience, on every route", async () => {
    const attempts: [string, number][] = [];
    for (const decision of ['approve', 'reject'] as const) {
      attempts.push([
        `checkpoints ${decision}`,
        (await beta.hitl.decide('checkpoints', checkpoint.id, decision)).statusCode,
      ]);
      attempts.push([
        `hitl ${decision} checkpoint`,
        (await beta.hitl.decide('hitl', checkpoint.id, decision)).statusCode,
      ]);
      attempts.push([
        `experiences ${decision}`,
        (await beta.hitl.decide('experiences', experience.id, decision)).statusCode,
      ]);
      attempts.push([
        `hitl ${decision} experience`,
        (await beta.hitl.decide('hitl', experience.id, decision)).statusCode,
      ]);
    }
    expect(attempts).toEqual(attempts.map(([what]) => [what, 404]));
    expect((await beta.jobs.getRaw('alpha-gated')).statusCode).toBe(404);
    await stillPending();
    expect((await alpha.jobs.get('alpha-gated')).status).toBe('waiting_approval');
  });

  it('a viewer of team alpha sees the items but gets 403 deciding them, on every route', async () => {
    expect((await alphaViewer.checkpoints()).pending.map((c) => c.id)).toEqual([checkpoint.id]);
    expect((await alphaViewer.queue()).counts).toEqual({ experiences: 1, checkpoints: 1 });
    const attempts: [string, number][] = [];
    for (const decision of ['approve', 'reject'] as const) {
      attempts.push([
        `checkpoints ${decision}`,
        (await alphaViewer.decide('checkpoints', checkpoint.id, decision)).statusCode,
      ]);
      attempts.push([`hitl ${decision}`, (await alphaViewer.decide('hitl', checkpoint.id, decision)).statusCode]);
      attempts.push([
        `experiences ${decision}`,
        (await alphaViewer.decide('experiences', experience.id, decision)).statusCode,
      ]);
    }
    expect(attempts).toEqual(attempts.map(([what]) => [what, 403]));
    await stillPending();
  });

  it("the viewer's 403 is a permission_denied entry with the viewer's team in GET /api/permissions", async () => {
    const path = `/api/checkpoints/${checkpoint.id}/approve`;
    const entry = await waitForActivity(
      t,
      admin,
      'permission_denied for the viewer',
      (e) => e.action === 'permission_denied' && (e.details as Record<string, unknown>).path === path,
    );
    expect(entry).toMatchObject({ team_id: 'alpha', status: 'denied' });
    type Denied = { action: string; team_id: string; details: Record<string, unknown> };
    const permissions = async (): Promise<Denied[]> => {
      const res = await t.inject({ method: 'GET', url: '/api/permissions', token: admin });
      expect(res.statusCode).toBe(200);
      return res.json<Denied[]>();
    };
    // Every refused decision above (entries are written asynchronously), each with the viewer's role and the role it needed.
    const denied = await waitFor('six permission_denied entries of team alpha', async () => {
      const list = await permissions();
      return list.filter((e) => e.team_id === 'alpha').length >= 6 ? list : undefined;
    });
    expect(denied.every((e) => e.action === 'permission_denied')).toBe(true);
    const mine = denied.filter((e) => e.team_id === 'alpha');
    expect(mine).toHaveLength(6);
    expect(mine.find((e) => e.details.path === path)?.details).toMatchObject({
      method: 'POST',
      path,
      role: 'viewer',
      required_role: 'member',
    });
    expect(mine.map((e) => e.details.path)).toEqual(
      expect.arrayContaining([
        `/api/hitl/${checkpoint.id}/reject`,
        `/api/experiences/${experience.id}/approve`,
        `/api/experiences/${experience.id}/reject`,
      ]),
    );
    // The cross-team 404s are not permission denials.
    expect(denied.filter((e) => e.team_id === 'beta')).toEqual([]);
    // Only admins read the permission log.
    expect((await t.inject({ method: 'GET', url: '/api/permissions', token: alpha.jobs.token })).statusCode).toBe(403);
  });

  it('the owning team decides: approve the checkpoint, reject the lesson; both are activity entries of that team', async () => {
    const approve = await alpha.hitl.decide('hitl', checkpoint.id, 'approve');
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json<CheckpointBody>().decided_by).toBe('alpha/member');
    const reject = await alpha.hitl.decide('hitl', experience.id, 'reject', 'not general');
    expect(reject.statusCode, reject.body).toBe(200);
    expect(reject.json<ExperienceBody>().decided_by).toBe('alpha/member');
    await alpha.jobs.waitForSuccess('alpha-gated');

    const approved = await waitForActivity(
      t,
      admin,
      'hitl_approved',
      (e) => e.action === 'hitl_approved' && e.task_id === 'alpha-gated',
    );
    expect(approved).toMatchObject({ status: 'approved', team_id: 'alpha' });
    expect(approved.details).toMatchObject({
      kind: 'checkpoint',
      id: checkpoint.id,
      by_role: 'member',
      by_team: 'alpha',
    });
    const rejected = await waitForActivity(
      t,
      admin,
      'hitl_rejected',
      (e) => e.action === 'hitl_rejected' && e.task_id === 'alpha-repaired',
    );
    expect(rejected).toMatchObject({ status: 'rejected', team_id: 'alpha' });
    expect(rejected.details).toMatchObject({
      kind: 'experience',
      id: experience.id,
      reason: 'not general',
      by_team: 'alpha',
    });

    // The same entries through GET /api/agents?limit=50, as the admin and as the team; not for team beta.
    const latest = await activityEntries(t, admin, 50);
    expect(latest.map((e) => e.action)).toEqual(expect.arrayContaining(['hitl_approved', 'hitl_rejected']));
    const alphaSees = await activityEntries(t, alpha.jobs.token, 50);
    expect(alphaSees.some((e) => e.action === 'hitl_approved' && e.task_id === 'alpha-gated')).toBe(true);
    const betaSees = await activityEntries(t, beta.jobs.token, 500);
    expect(betaSees.some((e) => e.task_id === 'alpha-gated' || e.task_id === 'alpha-repaired')).toBe(false);
    expect(betaSees.every((e) => e.team_id === 'beta')).toBe(true);
  });

  it("team alpha cannot decide team beta's checkpoint either; an admin can", async () => {
    expect((await alpha.hitl.decide('checkpoints', betaCheckpoint.id, 'approve')).statusCode).toBe(404);
    expect((await alpha.hitl.decide('hitl', betaCheckpoint.id, 'reject')).statusCode).toBe(404);
    const res = await new HitlClient(t, admin).decide('checkpoints', betaCheckpoint.id, 'reject', 'admin says no');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CheckpointBody>()).toMatchObject({ decided_by: 'default/admin', team_id: 'beta' });
    const job = await beta.jobs.waitForStatus('beta-gated');
    expect(job).toMatchObject({ status: 'failed', error: 'rejected at qa: admin says no' });
    const entry = await waitForActivity(
      t,
      admin,
      'hitl_rejected beta',
      (e) => e.action === 'hitl_rejected' && e.task_id === 'beta-gated',
    );
    // The entry belongs to the item's team; the decider is in the details.
    expect(entry.team_id).toBe('beta');
    expect(entry.details).toMatchObject({ by_role: 'admin', by_team: 'default' });
  });
});
