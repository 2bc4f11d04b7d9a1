import { EventEmitter2 } from '@nestjs/event-emitter';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../src/activity/activity-chain';
import { ActivityLog } from '../src/activity/activity-log.entity';
import { ActivityService } from '../src/activity/activity.service';
import { EVENTS } from '../src/common/events';
import { databaseConfig } from '../src/config/database.config';
import { buildDataSourceOptions } from '../src/database/data-source.options';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient, PHASES, waitFor } from './helpers/jobs';

interface Entry {
  id: number;
  timestamp: string;
  task_id: string | null;
  agent: string | null;
  action: string;
  status: string;
  details: Record<string, unknown> | string;
  team_id: string;
}

interface Tasks {
  total: number;
  success: number;
  failed: number;
  logs: Entry[];
}

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

describe('activity log', () => {
  let t: TestApp;
  let admin: string;
  let slug: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t?.close());

  const get = <T>(url: string, token = admin) =>
    t.inject({ method: 'GET', url, token }).then((res) => {
      if (res.statusCode !== 200) throw new Error(`GET ${url} got ${res.statusCode}: ${res.body}`);
      return res.json<T>();
    });
  const entries = (query = '?limit=500', token = admin) => get<Entry[]>(`/api/agents${query}`, token);
  const service = () => t.app.get(ActivityService);
  const emit = (event: string, payload: object) => t.app.get(EventEmitter2).emit(event, payload);

  /** Runs the verifier script as `npm run verify-activity` would, against this app's database. */
  const verifyScript = async (): Promise<{ code: number; out: string }> => {
    const env: NodeJS.ProcessEnv = { ...process.env, ENV_FILE: t.envFile, DB_PATH: join(t.dir, 'app.db') };
    if (t.schema) env.DB_SCHEMA = t.schema;
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'scripts/verify-activity.ts'], {
        cwd: ROOT,
        env,
        timeout: 60_000,
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  };

  describe('a job run', () => {
    let mine: Entry[];

    beforeAll(async () => {
      const jobs = new JobsClient(t, admin);
      const job = await jobs.create({ name: 'Activity App', description: 'An app whose run is audited' });
      slug = job.slug;
      await jobs.waitForSuccess(slug);
      // Entries are written just after the events; the job can be seen as succeeded a moment earlier.
      mine = await waitFor('workflow_completed entry', async () => {
        const all = (await entries()).filter((e) => e.task_id === slug);
        // The log comes in the order it was written (a tail), as the dashboard reads it.
        return all.some((e) => e.action === 'workflow_completed') ? all : undefined;
      });
    });

    it('records job_started, every phase start and pass, and workflow_completed, in order', () => {
      const actions = mine.map((e) => e.action);
      expect(actions[0]).toBe('job_started');
      expect(actions.at(-1)).toBe('workflow_completed');
      expect(actions.filter((a) => a === 'phase_started')).toHaveLength(PHASES.length);
      expect(actions.filter((a) => a === 'phase_passed')).toHaveLength(PHASES.length);
      expect(actions).not.toContain('phase_failed');
      // Ids grow along the run: the log keeps the order of the events.
      const ids = mine.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const timestamps = mine.map((e) => e.timestamp);
      expect(timestamps).toEqual([...timestamps].sort());
      for (const entry of mine) expect(entry).toMatchObject({ task_id: slug, team_id: 'default' });
    });

    it('phase entries name the agent and the phase; a skipped phase is a pass noted as skipped', () => {
      const started = mine.filter((e) => e.action === 'phase_started');
      expect(started.map((e) => (e.details as { phase: string }).phase)).toEqual([...PHASES]);
      expect(started.find((e) => (e.details as { phase: string }).phase === 'qa')).toMatchObject({
        agent: 'qa_agent',
        status: 'started',
      });
      const backend = mine.find(
        (e) => e.action === 'phase_passed' && (e.details as { phase: string }).phase === 'backend',
      );
      expect(backend).toMatchObject({
        agent: 'backend_agent',
        status: 'success',
        details: { skipped: true, phase_status: 'skipped' },
      });
      const dev = mine.find((e) => e.action === 'phase_passed' && (e.details as { phase: string }).phase === 'dev');
      expect(dev).toMatchObject({ agent: 'dev_agent', status: 'success', details: { skipped: false } });
    });

    it('workflow_completed carries success and the final job status', () => {
      expect(mine.at(-1)).toMatchObject({ status: 'success', details: { job_status: 'succeeded', error: null } });
    });

    it('GET /api/tasks counts completed workflows and lists the latest', async () => {
      const tasks = await get<Tasks>('/api/tasks');
      expect(tasks).toMatchObject({ total: 1, success: 1, failed: 0 });
      expect(tasks.logs).toHaveLength(1);
      expect(tasks.logs[0]).toMatchObject({ action: 'workflow_completed', task_id: slug, status: 'success' });
    });
  });

  describe('GET /api/agents', () => {
    it('?limit=5 returns the 5 latest entries, oldest of them first (a log tail); order=desc: newest first', async () => {
      const five = await entries('?limit=5');
      expect(five).toHaveLength(5);
      const ids = five.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(five).toEqual((await entries()).slice(-5));
      expect(await entries('?limit=5&order=desc')).toEqual([...five].reverse());
      expect(Object.keys(five[0]).sort()).toEqual([
        'action',
        'agent',
        'details',
        'id',
        'status',
        'task_id',
        'team_id',
        'timestamp',
      ]);
    });

    it('a limit outside 1–500 is 400', async () => {
      for (const limit of ['0', '501', '-1', 'abc', '2.5']) {
        const res = await t.inject({ method: 'GET', url: `/api/agents?limit=${limit}`, token: admin });
        expect(res.statusCode, limit).toBe(400);
        expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain('limit');
      }
      expect(await entries('?limit=500')).not.toHaveLength(0);
      expect(await entries('?limit=1')).toHaveLength(1);
    });

    it('a viewer can read the activity log', async () => {
      expect(
        (await t.inject({ method: 'GET', url: '/api/agents', token: await t.tokenFor('viewer') })).statusCode,
      ).toBe(200);
      expect((await t.inject({ method: 'GET', url: '/api/tasks', token: await t.tokenFor('viewer') })).statusCode).toBe(
        200,
      );
    });
  });

  describe('permission denials', () => {
    it('a viewer creating a job is 403 and shows up in /api/permissions with its team', async () => {
      const viewer = await t.tokenFor('viewer', 'team-v');
      const res = await t.inject({
        method: 'POST',
        url: '/api/jobs?x=1',
        token: viewer,
        payload: { name: 'Nope', description: 'x' },
      });
      expect(res.statusCode).toBe(403);
      const denied = await waitFor('permission_denied entry', async () => {
        const list = await get<Entry[]>('/api/permissions');
        return list.find((e) => e.team_id === 'team-v');
      });
      expect(denied).toMatchObject({
        action: 'permission_denied',
        status: 'denied',
        task_id: null,
        team_id: 'team-v',
        details: { method: 'POST', path: '/api/jobs', required_role: 'member', role: 'viewer' },
      });
    });

    it('/api/permissions needs the admin role (and a member asking is itself recorded)', async () => {
      const member = await t.tokenFor('member', 'team-m');
      expect((await t.inject({ method: 'GET', url: '/api/permissions', token: member })).statusCode).toBe(403);
      const list = await waitFor('second denial', async () => {
        const all = await get<Entry[]>('/api/permissions');
        return all.length >= 2 ? all : undefined;
      });
      expect(list.at(-1)).toMatchObject({
        team_id: 'team-m',
        details: { path: '/api/permissions', required_role: 'admin', role: 'member' },
      });
      expect(list.every((e) => e.action === 'permission_denied')).toBe(true);
      expect((await get<Entry[]>('/api/permissions?team_id=team-v')).map((e) => e.team_id)).toEqual(['team-v']);
    });
  });

  describe('team scoping', () => {
    it("another team's member sees none of this team's entries", async () => {
      const other = await t.tokenFor('member', 'team-b');
      const theirs = await entries('?limit=500', other);
      expect(theirs.every((e) => e.team_id === 'team-b')).toBe(true);
      expect(theirs.some((e) => e.task_id === slug)).toBe(false);
      expect(await get<Tasks>('/api/tasks', other)).toEqual({ total: 0, success: 0, failed: 0, logs: [] });
      // A non-admin's ?team_id= does not widen the scope.
      expect((await entries('?team_id=default', other)).some((e) => e.team_id === 'default')).toBe(false);
    });

    it('a member of the same team sees the job entries; an admin can filter by team', async () => {
      const member = await t.tokenFor('member');
      expect((await entries('?limit=500', member)).some((e) => e.task_id === slug)).toBe(true);
      const filtered = await entries('?limit=500&team_id=team-v');
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((e) => e.team_id === 'team-v')).toBe(true);
    });
  });

  describe('events from other modules', () => {
    const team = 'events-team';
    const by = { team_id: team, role: 'admin' as const, exp: 0 };

    const latestOf = (action: string) =>
      waitFor(action, async () => (await entries(`?limit=100&team_id=${team}`)).findLast((e) => e.action === action));

    it('job.finished failed/cancelled → workflow_completed fail; waiting_approval is not a completion', async () => {
      emit(EVENTS.jobFinished, {
        slug: 'failing-app',
        team_id: team,
        status: 'failed',
        error: 'Phase qa failed: 3 findings',
      });
      emit(EVENTS.jobFinished, { slug: 'cancelled-app', team_id: team, status: 'cancelled', error: null });
      emit(EVENTS.jobFinished, { slug: 'paused-app', team_id: team, status: 'waiting_approval', error: null });
      const tasks = await waitFor('tasks', async () => {
        const value = await get<Tasks>(`/api/tasks?team_id=${team}`);
        return value.total === 2 ? value : undefined;
      });
      expect(tasks).toMatchObject({ total: 2, success: 0, failed: 2 });
      expect(tasks.logs.map((e) => e.task_id)).toEqual(['failing-app', 'cancelled-app']);
      expect(tasks.logs[0].details).toEqual({ job_status: 'failed', error: 'Phase qa failed: 3 findings' });
      expect(await latestOf('workflow_paused')).toMatchObject({ task_id: 'paused-app', status: 'waiting_approval' });
    });

    it('job.phase_finished failed → phase_failed; cancelled → phase_stopped', async () => {
      const base = { slug: 'failing-app', team_id: team, agent: 'qa_agent', duration_ms: 5 };
      emit(EVENTS.phaseFinished, { ...base, phase: 'qa', status: 'failed', error: 'imports do not resolve' });
      emit(EVENTS.phaseFinished, {
        ...base,
        phase: 'refactor',
        agent: 'refactor_agent',
        status: 'cancelled',
        error: null,
      });
      expect(await latestOf('phase_failed')).toMatchObject({
        agent: 'qa_agent',
        status: 'fail',
        details: { phase: 'qa', error: 'imports do not resolve' },
      });
      expect(await latestOf('phase_stopped')).toMatchObject({ agent: 'refactor_agent', status: 'cancelled' });
    });

    it('llm.call → llm_cost with provider, model, tokens, cost and outcome', async () => {
      emit(EVENTS.llmCall, {
        job_slug: 'failing-app',
        team_id: team,
        phase: 'dev',
        agent: 'dev_agent',
        provider: 'openrouter',
        model: 'openai/gpt-4o-mini',
        tokens_in: 1200,
        tokens_out: 300,
        cost_usd: 0.0042,
        latency_ms: 900,
        outcome: 'ok',
      });
      expect(await latestOf('llm_cost')).toMatchObject({
        task_id: 'failing-app',
        agent: 'dev_agent',
        status: 'success',
        details: {
          provider: 'openrouter',
          model: 'openai/gpt-4o-mini',
          tokens_in: 1200,
          tokens_out: 300,
          tokens: 1500,
          cost_usd: 0.0042,
          outcome: 'ok',
        },
      });
    });

    it('settings, provider, HITL and wipe events', async () => {
      emit(EVENTS.settingsChanged, { changes: { daily_cost_limit: '10.00' }, by });
      emit(EVENTS.providerChanged, { action: 'activated', name: 'openrouter', by });
      emit(EVENTS.hitlDecision, {
        kind: 'checkpoint',
        id: 'cp-1',
        decision: 'rejected',
        job_slug: 'failing-app',
        team_id: team,
        by,
        reason: 'not yet',
      });
      emit(EVENTS.wiped, { by });
      expect(await latestOf('settings_changed')).toMatchObject({
        status: 'success',
        details: { changes: { daily_cost_limit: '10.00' } },
      });
      expect(await latestOf('provider_activated')).toMatchObject({ details: { provider: 'openrouter' } });
      expect(await latestOf('hitl_rejected')).toMatchObject({
        task_id: 'failing-app',
        status: 'rejected',
        details: { id: 'cp-1', reason: 'not yet' },
      });
      expect(await latestOf('wipe')).toMatchObject({ status: 'success' });
    });

    it('a listener failure never reaches the emitter', () => {
      // team_id missing: the insert fails (NOT NULL), which is logged and swallowed.
      expect(() => emit(EVENTS.jobStarted, { slug: 'broken-event' })).not.toThrow();
    });
  });

  describe('record()', () => {
    it('stores details as JSON and never stores secret-looking values', async () => {
      const entry = await service().record({
        action: 'custom',
        status: 'success',
        team_id: 'secrets-team',
        details: { provider: 'openai', api_key: 'sk-live-123', nested: { password: 'hunter2', tokens_in: 5 } },
      });
      expect(entry.details).toEqual({
        provider: 'openai',
        api_key: '[redacted]',
        nested: { password: '[redacted]', tokens_in: 5 },
      });
      const raw = await t.app.get(DataSource).getRepository(ActivityLog).findOneByOrFail({ id: entry.id });
      expect(raw.details).not.toMatch(/sk-live|hunter2/);
    });

    it('keeps plain-text details as text', async () => {
      const entry = await service().record({
        action: 'note',
        status: 'success',
        team_id: 'secrets-team',
        details: 'just text',
      });
      expect(entry).toMatchObject({ details: 'just text', task_id: null, agent: null });
    });

    it('50 parallel appends keep one valid chain', async () => {
      const before = await service().verifyChain();
      expect(before.ok).toBe(true);
      const written = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          service().record({ action: 'parallel', status: 'success', team_id: 'load', details: { i } }),
        ),
      );
      expect(new Set(written.map((e) => e.id)).size).toBe(50);
      const after = await service().verifyChain();
      expect(after).toEqual({ ok: true, checked: before.checked + 50 });
      // No two entries share a predecessor: the chain did not fork.
      const rows = await t.app
        .get(DataSource)
        .getRepository(ActivityLog)
        .find({ order: { id: 'ASC' } });
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
      expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    });

    it('appends from two connections (as from two processes) keep one valid chain', async () => {
      // A second DataSource on the same database, with its own ActivityService and in-process queue:
      // only the database lock keeps the two from forking the chain.
      const options = buildDataSourceOptions(databaseConfig());
      const second = new DataSource({ ...options, migrationsRun: false, entities: [ActivityLog] });
      await second.initialize();
      try {
        const other = new ActivityService(second.getRepository(ActivityLog), second);
        const before = (await service().verifyChain()).checked;
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 ? other : service()).record({
              action: 'two_writers',
              status: 'success',
              team_id: 'load',
              details: { i },
            }),
          ),
        );
        expect(await service().verifyChain()).toEqual({ ok: true, checked: before + 40 });
      } finally {
        await second.destroy();
      }
    });

    it('the default limit of /api/agents is 50', async () => {
      expect(await entries('')).toHaveLength(50);
    });
  });

  describe('verification', () => {
    const repo = () => t.app.get(DataSource).getRepository(ActivityLog);

    it('the chain verifies, in the service and with npm run verify-activity', async () => {
      const report = await service().verifyChain();
      expect(report.ok).toBe(true);
      expect(report.checked).toBe(await repo().count());
      const script = await verifyScript();
      expect(script.code, script.out).toBe(0);
      expect(script.out).toContain(`OK: ${report.checked} entries verified`);
    });

    it('an altered entry is named by the service and by the script (exit 1)', async () => {
      const target = await repo().findOneOrFail({ where: { action: 'workflow_completed', task_id: slug } });
      await repo().update({ id: target.id }, { details: JSON.stringify({ job_status: 'failed', error: null }) });
      try {
        const report = await service().verifyChain();
        expect(report).toMatchObject({ ok: false, brokenAt: target.id });
        expect(report.reason).toMatch(/hash/);
        const script = await verifyScript();
        expect(script.code, script.out).toBe(1);
        expect(script.out).toContain(`BROKEN at entry ${target.id}:`);
      } finally {
        await repo().update({ id: target.id }, { details: target.details });
      }
      expect((await service().verifyChain()).ok).toBe(true);
    });

    it('a removed entry breaks the chain at the entry after it', async () => {
      const rows = await repo().find({ order: { id: 'ASC' }, take: 5 });
      await repo().delete({ id: rows[2].id });
      const report = await service().verifyChain();
      expect(report).toMatchObject({ ok: false, brokenAt: rows[3].id, checked: 2 });
    });

    it('clearAll() empties the log and the next entry starts a new chain', async () => {
      await service().clearAll();
      expect(await service().verifyChain()).toEqual({ ok: true, checked: 0 });
      const first = await service().record({ action: 'wipe', status: 'success', team_id: 'default' });
      const row = await repo().findOneByOrFail({ id: first.id });
      expect(row.prev_hash).toBe(GENESIS_HASH);
      expect(await service().verifyChain()).toEqual({ ok: true, checked: 1 });
    });
  });
});
