import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app';
import { HitlClient, sourcePath, waitForActivity, type ExperienceBody } from './helpers/hitl';
import { failFrom, JobsClient } from './helpers/jobs';

const BROKEN_SCREEN = 'lib/features/auth/auth_screen.dart';
const MISSING_SCREEN = 'lib/features/profile/profile_screen.dart';

describe('lessons: a repair that fixed QA findings files an experience for approval', () => {
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

  /** A finished job with a syntax error and a missing feature screen planted, retried from QA: the repair fixes both. */
  async function repairedJob(slug: string): Promise<void> {
    await jobs.create({ name: slug, slug, features: ['auth', 'profile'] });
    await jobs.waitForSuccess(slug);
    const screen = sourcePath(t, slug, BROKEN_SCREEN);
    await writeFile(
      screen,
      `${await readFile(screen, 'utf8')}\nclass Broken {\n  void oops() {\n    final x = ;\n  }\n}\n`,
    );
    await rm(sourcePath(t, slug, MISSING_SCREEN));
    await failFrom(t, slug, 'qa');
    expect((await jobs.retry(slug)).statusCode).toBe(202);
    const done = await jobs.waitForSuccess(slug);
    expect(done.phases).toMatchObject({ qa: 'passed', refactor: 'passed', repair: 'passed' });
  }

  let first: ExperienceBody;
  let second: ExperienceBody;

  it('a repaired job files one pending lesson with problem, solution and lessons; times_used 0', async () => {
    await repairedJob('lesson-one');
    const list = await hitl.experiences();
    expect(list.counts).toEqual({ pending: 1, pending_review: 1, approved: 0, rejected: 0 });
    expect(list.approved).toEqual([]);
    expect(list.rejected).toEqual([]);
    first = list.pending[0];
    expect(first).toMatchObject({
      team_id: 'default',
      job_slug: 'lesson-one',
      agent: 'refactor_agent',
      status: 'pending',
      times_used: 0,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
    });
    expect(first.id).toMatch(/^exp-[0-9a-f-]{36}$/);
    // The findings that were fixed…
    expect(first.problem).toContain(`[dart_syntax] ${BROKEN_SCREEN}`);
    expect(first.problem).toContain(`[feature_missing_screen] ${MISSING_SCREEN}`);
    // …what changed…
    expect(first.solution).toMatch(/^Rewrote \d+ file\(s\): /);
    expect(first.solution).toContain(BROKEN_SCREEN);
    expect(first.solution).toContain(MISSING_SCREEN);
    // …and one short lesson per rule.
    const rules = new Set([...first.problem.matchAll(/^\[(\w+)\]/gm)].map((m) => m[1]));
    expect([...rules]).toEqual(expect.arrayContaining(['dart_syntax', 'feature_missing_screen']));
    expect(first.lessons).toHaveLength(rules.size);
    expect(new Set(first.lessons).size).toBe(rules.size);
    expect(first.lessons.some((l) => /Dart file must parse/.test(l))).toBe(true);
    expect(first.lessons.some((l) => /screen file/.test(l))).toBe(true);
    const logs = await jobs.logs('lesson-one', '?phase=repair');
    expect(logs.some((l) => l.message === `Filed lesson ${first.id} for approval`)).toBe(true);
  });

  it('the queue lists it as an experience, with the problem as content', async () => {
    const queue = await hitl.queue();
    expect(queue.counts).toEqual({ experiences: 1, checkpoints: 0 });
    expect(queue.pending).toEqual([
      expect.objectContaining({ type: 'experience', id: first.id, content: first.problem, status: 'pending' }),
    ]);
  });

  it('a job that needed no repair files no lesson', async () => {
    await jobs.create({ name: 'Clean', slug: 'clean-job', features: ['auth'] });
    await jobs.waitForSuccess('clean-job');
    expect(await hitl.experiencesOf('clean-job')).toEqual([]);
  });

  it('approve → listed under approved with who and when; deciding again → 409', async () => {
    const res = await hitl.decide('experiences', first.id, 'approve', 'good lesson');
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json<ExperienceBody>();
    expect(decided).toMatchObject({
      id: first.id,
      status: 'approved',
      decided_by: 'default/member',
      decision_reason: 'good lesson',
      times_used: 0,
    });
    expect(decided.decided_at).toEqual(expect.any(String));
    expect(decided.updated_at >= first.updated_at).toBe(true);

    const list = await hitl.experiences();
    expect(list.counts).toEqual({ pending: 0, pending_review: 0, approved: 1, rejected: 0 });
    expect(list.approved[0]).toMatchObject({ id: first.id, status: 'approved', decided_by: 'default/member' });
    expect((await hitl.queue()).counts.experiences).toBe(0);

    for (const [route, decision] of [
      ['experiences', 'approve'],
      ['experiences', 'reject'],
      ['hitl', 'approve'],
      ['hitl', 'reject'],
    ] as const) {
      const again = await hitl.decide(route, first.id, decision);
      expect(again.statusCode, `${route} ${decision}`).toBe(409);
      expect(again.json<{ detail: string }>().detail).toMatch(/already approved/);
    }
    expect((await hitl.experiencesOf('lesson-one'))[0]).toMatchObject({
      status: 'approved',
      decision_reason: 'good lesson',
    });
  });

  it('another lesson rejected (through /api/hitl) → listed under rejected; deciding again → 409', async () => {
    await repairedJob('lesson-two');
    [second] = await hitl.experiencesOf('lesson-two');
    expect(second).toMatchObject({ status: 'pending', times_used: 0 });
    const res = await hitl.decide('hitl', second.id, 'reject', 'too specific');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ExperienceBody>()).toMatchObject({
      status: 'rejected',
      decided_by: 'default/member',
      decision_reason: 'too specific',
    });
    const list = await hitl.experiences();
    expect(list.counts).toEqual({ pending: 0, pending_review: 0, approved: 1, rejected: 1 });
    expect(list.rejected.map((e) => e.id)).toEqual([second.id]);
    expect(list.approved.map((e) => e.id)).toEqual([first.id]);
    expect((await hitl.decide('experiences', second.id, 'approve')).statusCode).toBe(409);
    expect((await hitl.decide('experiences', second.id, 'reject')).statusCode).toBe(409);
  });

  it('the decisions are in the activity log', async () => {
    const approved = await waitForActivity(
      t,
      admin,
      'hitl_approved',
      (e) => e.action === 'hitl_approved' && e.task_id === 'lesson-one',
    );
    expect(approved).toMatchObject({ status: 'approved', team_id: 'default' });
    expect(approved.details).toMatchObject({
      kind: 'experience',
      id: first.id,
      reason: 'good lesson',
      by_role: 'member',
      by_team: 'default',
    });
    const rejected = await waitForActivity(
      t,
      admin,
      'hitl_rejected',
      (e) => e.action === 'hitl_rejected' && e.task_id === 'lesson-two',
    );
    expect(rejected.details).toMatchObject({ kind: 'experience', id: second.id, reason: 'too specific' });
  });
});
