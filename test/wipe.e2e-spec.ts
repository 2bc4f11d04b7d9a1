import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityLog } from '../src/activity/activity-log.entity';
import { ActivityService } from '../src/activity/activity.service';
import { AgentConfig } from '../src/agents/agent-config.entity';
import { CostRecord } from '../src/costs/cost-record.entity';
import { CostReservation } from '../src/costs/cost-reservation.entity';
import { Checkpoint } from '../src/hitl/checkpoint.entity';
import { Experience } from '../src/hitl/experience.entity';
import { JobLog } from '../src/jobs/job-log.entity';
import { JobPhase } from '../src/jobs/job-phase.entity';
import { Job } from '../src/jobs/job.entity';
import { Project } from '../src/projects/project.entity';
import { ProviderRecord } from '../src/providers/provider-record.entity';
import { startApp, type TestApp } from './helpers/app';
import {
  activityEntries,
  getSettings,
  HitlClient,
  sourcePath,
  updateSettings,
  waitForActivity,
  type ActivityEntry,
} from './helpers/hitl';
import {
  failFrom,
  FLUTTER_OK,
  flutterHangs,
  JobsClient,
  processAlive,
  sleep,
  TERMINAL,
  waitFor,
  writeFakeFlutter,
} from './helpers/jobs';

interface AgentBody {
  agent_id: string;
  system_prompt: string;
  temperature: number;
  [key: string]: unknown;
}

describe('POST /api/settings/wipe', () => {
  let t: TestApp;
  let binDir: string;
  let admin: string;
  let member: string;
  let jobs: JobsClient;
  let hitl: HitlClient;
  let defaults: Record<string, string>;
  let devAgent: AgentBody;
  let builtinProviders: string[];
  let pid: number;

  const ds = () => t.app.get(DataSource);
  const count = (entity: EntityTarget<ObjectLiteral>) => ds().getRepository(entity).count();
  const workspace = () => join(t.dir, 'generated_apps');
  const get = async <T>(url: string, token = admin): Promise<T> => {
    const res = await t.inject({ method: 'GET', url, token });
    if (res.statusCode !== 200) throw new Error(`GET ${url} got ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  };
  const providerNames = async () =>
    Object.keys((await get<{ providers: Record<string, unknown> }>('/api/providers')).providers).sort();

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-wipe-flutter-'));
    await writeFakeFlutter(binDir, FLUTTER_OK);
    t = await startApp({ FLUTTER_BIN: join(binDir, 'flutter') });
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    jobs = new JobsClient(t, member);
    hitl = new HitlClient(t, member);
    defaults = await getSettings(t, admin);
    devAgent = await get<AgentBody>('/api/agents/dev_agent');
    builtinProviders = await providerNames();

    // A finished job whose repair filed a lesson.
    await jobs.create({ name: 'Finished', slug: 'finished-job', features: ['auth'] });
    await jobs.waitForSuccess('finished-job');
    const screen = sourcePath(t, 'finished-job', 'lib/features/auth/auth_screen.dart');
    await writeFile(
      screen,
      `${await readFile(screen, 'utf8')}\nclass Broken {\n  void oops() {\n    final x = ;\n  }\n}\n`,
    );
    await failFrom(t, 'finished-job', 'qa');
    expect((await jobs.retry('finished-job')).statusCode).toBe(202);
    await jobs.waitForSuccess('finished-job');
    // A job waiting at a checkpoint.
    await jobs.create({ name: 'Waiting', slug: 'waiting-job', checkpoints: ['dev'] });
    await jobs.waitForStatus('waiting-job', ['waiting_approval', ...TERMINAL]);
    // A project, a cost record, a changed setting, a changed agent, a custom provider.
    const project = await t.inject({
      method: 'POST',
      url: '/api/projects',
      token: member,
      payload: { name: 'Wipe Me', description: 'gone soon' },
    });
    expect(project.statusCode, project.body).toBe(201);
    const now = new Date().toISOString();
    await ds()
      .getRepository(CostRecord)
      .insert({
        created_at: now,
        day: now.slice(0, 10),
        job_slug: 'finished-job',
        team_id: 'default',
        phase: 'dev',
        agent: 'dev_agent',
        provider: 'openrouter',
        model: 'test-model',
        tokens_in: 100,
        tokens_out: 50,
        cost_usd: 0.0125,
        cost_source: 'table',
        latency_ms: 42,
        outcome: 'ok',
      });
    await updateSettings(t, admin, { max_repair_attempts: '3', hitl_checkpoints: 'export' });
    const patched = await t.inject({
      method: 'PATCH',
      url: '/api/agents/dev_agent',
      token: admin,
      payload: { system_prompt: 'Changed before the wipe.', temperature: 0.9 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const provider = await t.inject({
      method: 'POST',
      url: '/api/providers',
      token: admin,
      payload: { name: 'wipe-local', base_url: 'http://127.0.0.1:9/v1', default_model: 'local-model' },
    });
    expect(provider.statusCode, provider.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  it('a member (or a viewer) gets 403 and nothing is deleted', async () => {
    for (const role of ['member', 'viewer'] as const) {
      const res = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: await t.tokenFor(role) });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.inject({ method: 'POST', url: '/api/settings/wipe' })).statusCode).toBe(401);
    expect(await count(Job)).toBe(2);
    expect((await jobs.get('finished-job')).status).toBe('succeeded');
    expect((await hitl.checkpoints()).counts.pending).toBe(1);
    expect((await hitl.experiences()).counts.pending).toBe(1);
    expect(await count(Project)).toBe(1);
    expect(await count(CostRecord)).toBe(1);
  });

  it('with a job hanging in flutter: 200, the job and its flutter process stop, the jobs and generated apps are gone', async () => {
    const pidFile = join(binDir, 'hang.pid');
    await writeFakeFlutter(binDir, flutterHangs(pidFile));
    await jobs.create({ name: 'Hanging', slug: 'hanging-job', features: ['auth'] });
    pid = await waitFor('the fake flutter to hang', async () => {
      const text = await readFile(pidFile, 'utf8').catch(() => '');
      return /^\d+\s*$/.test(text) ? Number(text) : undefined;
    });
    expect(processAlive(pid)).toBe(true);
    expect((await jobs.get('hanging-job')).status).toBe('running');
    expect((await readdir(workspace())).sort()).toEqual(['finished-job', 'hanging-job', 'waiting-job']);

    const started = Date.now();
    const res = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    const body = res.json<{ wiped: boolean; jobs_deleted: number; at: string }>();
    expect(body).toMatchObject({ wiped: true, jobs_deleted: 3 });
    expect(Number.isNaN(Date.parse(body.at))).toBe(false);

    // The job is gone and its flutter is dead.
    for (const slug of ['hanging-job', 'finished-job', 'waiting-job']) {
      expect((await jobs.getRaw(slug)).statusCode, slug).toBe(404);
    }
    await waitFor('the fake flutter to die', async () => (processAlive(pid) ? undefined : true), 5_000);
    expect(await readdir(workspace()).catch(() => [])).toEqual([]);
  });

  it('no job, phase, log, project, checkpoint, experience or cost row is left', async () => {
    const counts = {
      jobs: await count(Job),
      phases: await count(JobPhase),
      logs: await count(JobLog),
      projects: await count(Project),
      checkpoints: await count(Checkpoint),
      experiences: await count(Experience),
      costs: await count(CostRecord),
      reservations: await count(CostReservation),
    };
    expect(counts).toEqual({
      jobs: 0,
      phases: 0,
      logs: 0,
      projects: 0,
      checkpoints: 0,
      experiences: 0,
      costs: 0,
      reservations: 0,
    });

    // And the API agrees.
    expect(await get<unknown[]>('/api/jobs')).toEqual([]);
    expect((await hitl.checkpoints()).counts).toEqual({ pending: 0, approved: 0, rejected: 0 });
    expect((await hitl.experiences()).counts).toEqual({ pending: 0, pending_review: 0, approved: 0, rejected: 0 });
    expect((await hitl.queue()).counts).toEqual({ experiences: 0, checkpoints: 0 });
    const projects = await get<unknown>('/api/projects');
    expect(Array.isArray(projects) ? projects : (projects as { items: unknown[] }).items).toEqual([]);
    const costs = await get<{ total_cost_usd: number; calls: number }>('/api/costs');
    expect(costs).toMatchObject({ total_cost_usd: 0, calls: 0 });
  });

  it('the activity log holds exactly one entry: the wipe (who and when); the chain verifies', async () => {
    const entry = await waitForActivity(t, admin, 'the wipe entry', (e) => e.action === 'wipe', 5_000);
    // Anything still in flight would land now.
    await sleep(500);
    const entries: ActivityEntry[] = await activityEntries(t, admin);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual(entry);
    expect(entry).toMatchObject({ action: 'wipe', status: 'success', team_id: 'default', task_id: null });
    expect(entry.details).toMatchObject({ by_role: 'admin' });
    expect(Number.isNaN(Date.parse(entry.timestamp))).toBe(false);
    expect(await count(ActivityLog)).toBe(1);
    expect(await get<unknown[]>('/api/permissions')).toEqual([]);
    expect(await t.app.get(ActivityService).verifyChain()).toMatchObject({ ok: true, checked: 1 });
  });

  it('settings, agents and providers are back to their defaults', async () => {
    expect(await getSettings(t, admin)).toEqual(defaults);
    const agent = await get<AgentBody>('/api/agents/dev_agent');
    expect(agent.system_prompt).toBe(devAgent.system_prompt);
    expect(agent.temperature).toBe(devAgent.temperature);
    expect(await count(AgentConfig)).toBeGreaterThan(0);
    expect(await providerNames()).toEqual(builtinProviders);
    expect(await providerNames()).not.toContain('wipe-local');
    expect(await ds().getRepository(ProviderRecord).findOneBy({ name: 'wipe-local' })).toBeNull();
  });

  it('the system answers normally: a new job (even with a slug used before) succeeds', async () => {
    await writeFakeFlutter(binDir, FLUTTER_OK);
    const job = await jobs.create({ name: 'After Wipe', slug: 'hanging-job', features: ['auth'] });
    expect(job.status).toBe('queued');
    const done = await jobs.waitForSuccess('hanging-job');
    expect(done.phases.runtime).toBe('passed');
    // With defaults back, the export gate set before the wipe is gone.
    expect(done.download_url).toBe('/api/jobs/hanging-job/download');
    expect((await readdir(workspace())).sort()).toEqual(['hanging-job']);
  });
});
