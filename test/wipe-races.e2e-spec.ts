import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { DataSource, In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CostRecord } from '../src/costs/cost-record.entity';
import { Checkpoint } from '../src/hitl/checkpoint.entity';
import { Experience } from '../src/hitl/experience.entity';
import { Job } from '../src/jobs/job.entity';
import { JobWorkspaceService } from '../src/jobs/job-workspace.service';
import { Project } from '../src/projects/project.entity';
import { ProjectsService } from '../src/projects/projects.service';
import { ProviderRecord } from '../src/providers/provider-record.entity';
import { CostsService } from '../src/costs/costs.service';
import { JobQueue } from '../src/queue/job-queue';
import { requiresRedis, startApp, type TestApp } from './helpers/app';
import { activityEntries, getSettings, updateSettings, waitForActivity, type ActivityEntry } from './helpers/hitl';
import { FLUTTER_OK, JobsClient, sleep, TERMINAL, waitFor, writeFakeFlutter } from './helpers/jobs';

/**
 * Issue 12, findings 2 and 6. A wipe racing job creation answered 500
 * ENOTEMPTY, left workspace folders no job owned, and — the job list being
 * read once and later steps skipped on error — left settings, projects,
 * activity, costs and providers as they were. Bull workers read
 * max_parallel_jobs once, at start.
 */

interface AgentBody {
  system_prompt: string;
  temperature: number;
}

/** What a fresh install looks like, to compare a wiped one with. */
interface Baseline {
  settings: Record<string, string>;
  providers: string[];
  devAgent: AgentBody;
}

function wipeSuite(t: () => TestApp) {
  const ds = () => t().app.get(DataSource);
  const count = (entity: EntityTarget<ObjectLiteral>) => ds().getRepository(entity).count();
  const workspace = () => join(t().dir, 'generated_apps');

  const get = async <T>(url: string, token: string): Promise<T> => {
    const res = await t().inject({ method: 'GET', url, token });
    if (res.statusCode !== 200) throw new Error(`GET ${url} got ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  };
  const providerNames = async (token: string) =>
    Object.keys((await get<{ providers: Record<string, unknown> }>('/api/providers', token)).providers).sort();

  const baseline = async (admin: string): Promise<Baseline> => ({
    settings: await getSettings(t(), admin),
    providers: await providerNames(admin),
    devAgent: await get<AgentBody>('/api/agents/dev_agent', admin),
  });

  /** Something in every store the wipe resets: settings, agents, providers, projects, costs (activity comes with them). */
  const dirtyEveryStore = async (admin: string, member: string, tag: string): Promise<void> => {
    await updateSettings(t(), admin, { max_repair_attempts: '3', max_parallel_jobs: '6' });
    const agent = await t().inject({
      method: 'PATCH',
      url: '/api/agents/dev_agent',
      token: admin,
      payload: { system_prompt: `Changed before wipe ${tag}.`, temperature: 0.9 },
    });
    expect(agent.statusCode, agent.body).toBe(200);
    const provider = await t().inject({
      method: 'POST',
      url: '/api/providers',
      token: admin,
      payload: { name: `race-${tag}`, base_url: 'http://127.0.0.1:9/v1', default_model: 'local-model' },
    });
    expect(provider.statusCode, provider.body).toBe(201);
    const project = await t().inject({
      method: 'POST',
      url: '/api/projects',
      token: member,
      payload: { name: `Race Project ${tag}`, description: 'gone soon' },
    });
    expect(project.statusCode, project.body).toBe(201);
    const now = new Date().toISOString();
    await ds()
      .getRepository(CostRecord)
      .insert({
        created_at: now,
        day: now.slice(0, 10),
        job_slug: null,
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
  };

  /** Every store back to a fresh install; jobs, folders and activity only from `survivors` (created after the wipe). */
  const expectReset = async (admin: string, fresh: Baseline, survivors: string[], before: string[]) => {
    expect(await getSettings(t(), admin)).toEqual(fresh.settings);
    expect(await providerNames(admin)).toEqual(fresh.providers);
    expect(await ds().getRepository(ProviderRecord).count()).toBe(0);
    const agent = await get<AgentBody>('/api/agents/dev_agent', admin);
    expect({ system_prompt: agent.system_prompt, temperature: agent.temperature }).toEqual({
      system_prompt: fresh.devAgent.system_prompt,
      temperature: fresh.devAgent.temperature,
    });
    expect(await count(Project)).toBe(0);
    expect(await count(CostRecord)).toBe(0);
    expect(await count(Checkpoint)).toBe(0);
    expect(await count(Experience)).toBe(0);
    expect(
      await ds()
        .getRepository(Job)
        .countBy({ slug: In(before) }),
    ).toBe(0);
    const rows = (
      await ds()
        .getRepository(Job)
        .find({ select: { slug: true } })
    ).map((j) => j.slug);
    expect(
      rows.filter((slug) => !survivors.includes(slug)),
      'jobs nobody created after the wipe',
    ).toEqual([]);

    await waitForActivity(t(), admin, 'the wipe entry', (e) => e.action === 'wipe');
    const entries: ActivityEntry[] = await activityEntries(t(), admin);
    const wipes = entries.filter((e) => e.action === 'wipe');
    expect(wipes.map((e) => e.status)).toEqual(['success']);
    const stale = entries.filter((e) => e.action !== 'wipe' && !(e.task_id && survivors.includes(e.task_id)));
    expect(
      stale.map((e) => `${e.action} ${e.task_id ?? ''}`),
      'activity from before the wipe',
    ).toEqual([]);
  };

  /** Every folder in the workspace belongs to a job row. */
  const expectNoOrphanFolder = async () => {
    // Folders first: a row never appears for a folder read earlier, so a folder without a row is an orphan.
    const folders = await readdir(workspace()).catch(() => [] as string[]);
    const rows = new Set(
      (
        await ds()
          .getRepository(Job)
          .find({ select: { slug: true } })
      ).map((j) => j.slug),
    );
    expect(
      folders.filter((f) => !rows.has(f)),
      'workspace folders without a job',
    ).toEqual([]);
  };

  return { ds, count, workspace, baseline, dirtyEveryStore, expectReset, expectNoOrphanFolder };
}

function expectIntakeClosed(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['retry-after'], 'Retry-After').toMatch(/^[1-9]\d*$/);
  expect(res.json<{ detail: string }>().detail).toMatch(/wipe is in progress/i);
}

describe('wipe racing job creation (issue 12, finding 2)', () => {
  let t: TestApp;
  let binDir: string;
  let admin: string;
  let member: string;
  let jobs: JobsClient;
  let fresh: Baseline;
  const s = wipeSuite(() => t);

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-wipe-race-'));
    await writeFakeFlutter(binDir, FLUTTER_OK);
    t = await startApp({ FLUTTER_BIN: join(binDir, 'flutter') });
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    jobs = new JobsClient(t, member);
    fresh = await s.baseline(admin);
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  for (const trial of [1, 2, 3]) {
    it(`trial ${trial}: 30 jobs, then a wipe with 3 creates in parallel — 200, 202 or 503 + Retry-After, no orphan folder, every store reset`, async () => {
      await s.dirtyEveryStore(admin, member, String(trial));
      const before: string[] = [];
      for (let i = 1; i <= 30; i++) {
        before.push((await jobs.create({ name: `Race ${trial} ${i}`, features: ['auth'] })).slug);
      }
      // Jobs are writing their workspaces while the wipe runs.
      await waitFor('jobs to be running', async () =>
        (await s.ds().getRepository(Job).countBy({ status: 'running' })) > 0 ? true : undefined,
      );

      // One create just ahead of the wipe, two while it runs — staggered differently each trial, so they
      // land on different steps of it.
      const post = (i: number) =>
        jobs.post({ name: `During Wipe ${trial} ${i}`, description: 'Racing the wipe', features: ['auth'] });
      const ahead = post(0);
      await sleep(trial - 1);
      const wipe = t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
      const during = [1, 2].map(async (i) => {
        await sleep(i * 20 * trial);
        return post(i);
      });
      const [wiped, ...answers] = await Promise.all([wipe, ahead, ...during]);

      expect(wiped.statusCode, wiped.body).toBe(200);
      expect(wiped.json()).toMatchObject({ wiped: true });
      for (const res of answers) {
        expect([202, 503], res.body).toContain(res.statusCode);
        if (res.statusCode === 503) expectIntakeClosed(res);
      }
      const survivors = answers.filter((r) => r.statusCode === 202).map((r) => r.json<{ slug: string }>().slug);

      await s.expectNoOrphanFolder();
      await s.expectReset(admin, fresh, survivors, before);
      // Jobs accepted around the wipe run normally; their folders are theirs.
      for (const slug of survivors) {
        const res = await jobs.getRaw(slug);
        if (res.statusCode === 404) continue; // accepted just before the wipe closed intake: wiped with the rest
        await jobs.waitForStatus(slug, TERMINAL, 30_000);
      }
      await s.expectNoOrphanFolder();
    }, 120_000);
  }

  it('a create after the wipe is accepted and runs', async () => {
    const job = await jobs.create({ name: 'After The Races', features: ['auth'] });
    expect((await jobs.waitForSuccess(job.slug, 30_000)).status).toBe('succeeded');
  });
});

describe('wipe: intake closed while it runs, steps that fail (issue 12, finding 2)', () => {
  let t: TestApp;
  let binDir: string;
  let admin: string;
  let member: string;
  let jobs: JobsClient;
  let fresh: Baseline;
  const s = wipeSuite(() => t);

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-wipe-steps-'));
    await writeFakeFlutter(binDir, FLUTTER_OK);
    t = await startApp({ FLUTTER_BIN: join(binDir, 'flutter') });
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    jobs = new JobsClient(t, member);
    fresh = await s.baseline(admin);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  it('while a wipe runs, create and retry answer 503 with Retry-After; afterwards creates are accepted', async () => {
    const failed = await jobs.create({ name: 'Retry Me', features: ['auth'] });
    await jobs.waitForStatus(failed.slug);
    await s.ds().getRepository(Job).update({ slug: failed.slug }, { status: 'failed', error: 'planted' });
    // Hold the wipe at its costs step (a store boundary) until the requests below have been answered.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const costs = t.app.get(CostsService);
    const clearCosts = costs.clearAll.bind(costs);
    const reached = new Promise<void>((resolve) => {
      vi.spyOn(costs, 'clearAll').mockImplementationOnce(async () => {
        resolve();
        await held;
        return clearCosts();
      });
    });
    const wipe = t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    await reached;
    expectIntakeClosed(await jobs.post({ name: 'During The Wipe', description: 'Refused' }));
    // The job is gone by now (the jobs step ran): the gate answers before the lookup.
    expectIntakeClosed(await jobs.retry(failed.slug));
    release();
    expect((await wipe).statusCode).toBe(200);
    const after = await jobs.post({ name: 'After The Wipe', description: 'Accepted' });
    expect(after.statusCode, after.body).toBe(202);
    await jobs.waitForSuccess(after.json<{ slug: string }>().slug, 30_000);
  });

  it('a failing step is named in a 500, every other step still runs, and a second wipe finishes', async () => {
    await s.dirtyEveryStore(admin, member, 'fail');
    const job = await jobs.create({ name: 'Wiped Anyway', features: ['auth'] });
    await jobs.waitForStatus(job.slug);
    vi.spyOn(t.app.get(ProjectsService), 'clearAll').mockRejectedValueOnce(new Error('disk I/O error'));

    const first = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(first.statusCode, first.body).toBe(500);
    const body = first.json<{ detail: string; errors: { field: string; message: string }[] }>();
    expect(body.detail).toMatch(/projects/);
    expect(body.detail).toMatch(/run the wipe again/i);
    expect(body.detail).not.toMatch(/disk I\/O/); // the cause stays in the server log
    expect(body.errors.map((e) => e.field)).toEqual(['projects']);
    // Every other store was reset; only the projects are left.
    expect(await s.count(Project)).toBe(1);
    expect(await s.count(Job)).toBe(0);
    expect(await s.count(CostRecord)).toBe(0);
    expect(await getSettings(t, admin)).toEqual(fresh.settings);
    const entry = await waitForActivity(t, admin, 'the failed wipe entry', (e) => e.action === 'wipe');
    expect(entry).toMatchObject({ status: 'fail', details: { failed_steps: ['projects'] } });

    const second = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(second.statusCode, second.body).toBe(200);
    await s.expectReset(admin, fresh, [], [job.slug]);
    await s.expectNoOrphanFolder();
  });

  it('a workspace folder that cannot be removed at first (ENOTEMPTY) is removed in a later round: 200', async () => {
    const job = await jobs.create({ name: 'Busy Folder', features: ['auth'] });
    await jobs.waitForStatus(job.slug);
    const busy = Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${job.slug}/source'`), {
      code: 'ENOTEMPTY',
    });
    vi.spyOn(t.app.get(JobWorkspaceService), 'removeAll').mockRejectedValueOnce(busy);
    const res = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ wiped: true, jobs_deleted: 1 });
    expect(await readdir(s.workspace()).catch(() => [])).toEqual([]);
  });

  it('folders that keep coming back fail the jobs step (named), and the next wipe finishes', async () => {
    const job = await jobs.create({ name: 'Stubborn Folder', features: ['auth'] });
    await jobs.waitForStatus(job.slug);
    const workspace = t.app.get(JobWorkspaceService);
    vi.spyOn(workspace, 'removeAll').mockResolvedValue(undefined);
    const first = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(first.statusCode, first.body).toBe(500);
    expect(first.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['jobs']);
    expect(await s.count(Job)).toBe(0);
    vi.restoreAllMocks();
    const second = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(second.statusCode, second.body).toBe(200);
    expect(await readdir(s.workspace()).catch(() => [])).toEqual([]);
  }, 30_000);
});

requiresRedis('Bull: wipe intake and max_parallel_jobs at every pick-up (issue 12, findings 2 and 6)', () => {
  let t: TestApp;
  let binDir: string;
  let admin: string;
  let jobs: JobsClient;
  const running = () => t.app.get(DataSource).getRepository(Job).countBy({ status: 'running' });

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-bull-parallel-'));
    // Slow jobs: each runtime phase's `flutter pub get` takes three seconds.
    await writeFakeFlutter(binDir, 'if [ "$1" = "pub" ]; then sleep 3; fi\necho "fake flutter $*"\nexit 0');
    t = await startApp({
      JOB_QUEUE_BACKEND: 'bull',
      REDIS_URL: process.env.REDIS_URL!,
      MAX_PARALLEL_JOBS: '1',
      FLUTTER_BIN: join(binDir, 'flutter'),
    });
    admin = await t.tokenFor('admin');
    jobs = new JobsClient(t, await t.tokenFor('member'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  it('a raise of max_parallel_jobs through the settings API applies at the next pick-up, without a restart', async () => {
    const slugs: string[] = [];
    for (let i = 1; i <= 3; i++) slugs.push((await jobs.create({ name: `Slow ${i}`, features: ['auth'] })).slug);
    await waitFor('the first job to run', async () => ((await running()) >= 1 ? true : undefined), 15_000);
    // With a limit of 1, one job at a time.
    let most = 0;
    for (const end = Date.now() + 2_000; Date.now() < end; await sleep(100)) most = Math.max(most, await running());
    expect(most).toBe(1);

    const patched = await t.inject({
      method: 'PATCH',
      url: '/api/system/settings',
      token: admin,
      payload: { max_parallel_jobs: 3 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await waitFor('more than one job running at once', async () => ((await running()) >= 2 ? true : undefined), 10_000);
    for (const slug of slugs) await jobs.waitForSuccess(slug, 60_000);
  }, 90_000);

  it('intake closed by wipes in other processes (a count in Redis): 503 with Retry-After until the last ends', async () => {
    const queue = t.app.get(JobQueue);
    await queue.closeIntake(30_000);
    await queue.closeIntake(30_000);
    try {
      expectIntakeClosed(await jobs.post({ name: 'Elsewhere Wiping', description: 'Refused' }));
      await queue.openIntake();
      // One of the two wipes still runs.
      expectIntakeClosed(await jobs.post({ name: 'Elsewhere Still Wiping', description: 'Refused' }));
    } finally {
      await queue.openIntake();
    }
    const res = await jobs.post({ name: 'Elsewhere Done', description: 'Accepted' });
    expect(res.statusCode, res.body).toBe(202);
  });
});
