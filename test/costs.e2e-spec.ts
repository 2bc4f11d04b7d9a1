import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetService } from '../src/costs/budget.service';
import { CostRecord } from '../src/costs/cost-record.entity';
import { CostReservation } from '../src/costs/cost-reservation.entity';
import { PHASE_AGENTS, type PhaseName } from '../src/pipeline/phase-names';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, llmEnv, type AgentCall, type Usage } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { JobsClient } from './helpers/jobs';

/** gpt-4o-mini, USD per 1M tokens. */
const PRICE_IN = 0.15;
const PRICE_OUT = 0.6;
const DAY_MS = 86_400_000;

interface Served {
  slug: string;
  agent: string;
  tokensIn: number;
  tokensOut: number;
}

interface Bucket {
  cost_usd: number;
  tokens: number;
  calls: number;
}

interface Overview {
  total_cost_usd: number;
  total_tokens: number;
  calls: number;
  by_task: Record<string, Bucket>;
  by_agent: Record<string, Bucket>;
  recent: Record<string, unknown>[];
}

interface AgentRow {
  agent: string;
  cost_usd: number;
  calls: number;
  tokens_in: number;
  tokens_out: number;
}

interface DailyRow {
  date: string;
  cost_usd: number;
  calls: number;
}

interface Kpis {
  total_projects: number;
  status_breakdown: Record<'discovery' | 'development' | 'production' | 'blocked', number>;
  success_rate: number;
  total_cost: number;
  active_models: number;
  active_providers: number;
  total_cost_usd: number;
  active_models_count: number;
  active_providers_count: number;
}

/**
 * Usage varies per call so a wrong grouping shows. Every call costs a whole
 * number of micro-dollars (prompt a multiple of 20, completion of 5), so the
 * expected sums are exact at the API's 6 decimals.
 */
function usageFor(index: number): Usage {
  return { prompt_tokens: 800 + 100 * (index % 5), completion_tokens: 300 + 50 * (index % 3) };
}

/** Micro-dollars of a call at gpt-4o-mini prices (an integer by construction). */
const microsOf = (s: Pick<Served, 'tokensIn' | 'tokensOut'>): number =>
  Math.round(s.tokensIn * PRICE_IN + s.tokensOut * PRICE_OUT);

const usd = (micros: number): number => micros / 1e6;
const utcDay = (daysAgo = 0): string => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

function totalsOf(calls: readonly Served[]): { micros: number; tokensIn: number; tokensOut: number; calls: number } {
  return {
    micros: calls.reduce((sum, c) => sum + microsOf(c), 0),
    tokensIn: calls.reduce((sum, c) => sum + c.tokensIn, 0),
    tokensOut: calls.reduce((sum, c) => sum + c.tokensOut, 0),
    calls: calls.length,
  };
}

function groupBy(calls: readonly Served[], key: (c: Served) => string): Map<string, Served[]> {
  const groups = new Map<string, Served[]>();
  for (const call of calls) groups.set(key(call), [...(groups.get(key(call)) ?? []), call]);
  return groups;
}

describe('costs and KPIs', () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let acme: { member: string; viewer: string };
  let otherMember: string;
  let admin: string;
  const served: Served[] = [];

  const get = async <T>(url: string, token: string): Promise<T> => {
    const res = await t.inject({ method: 'GET', url, token });
    if (res.statusCode !== 200) throw new Error(`GET ${url} got ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  };

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    const record = (call: AgentCall): Usage => {
      const usage = usageFor(call.index);
      served.push({
        slug: call.spec!.slug,
        agent: PHASE_AGENTS[call.phase as PhaseName],
        tokensIn: usage.prompt_tokens,
        tokensOut: usage.completion_tokens,
      });
      return usage;
    };
    fake.fallback = agentReplies({
      usage: record,
      // broken-app: the model never returns usable JSON, so its first LLM phase fails (after one corrective retry).
      script: (call) =>
        call.spec?.slug === 'broken-app' ? { content: 'no files today', usage: record(call) } : undefined,
    });
    t = await startApp(llmEnv(fake.baseUrl));
    admin = await t.tokenFor('admin');
    acme = { member: await t.tokenFor('member', 'acme'), viewer: await t.tokenFor('viewer', 'acme') };
    otherMember = await t.tokenFor('member', 'other');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('runs a succeeded and a failed job on the scripted model', async () => {
    const jobs = new JobsClient(t, acme.member);
    await jobs.create({ name: 'Good App', slug: 'good-app', features: ['auth', 'todo list'] });
    const good = await jobs.waitForSuccess('good-app');
    expect(good.generator).toBe('openai');
    await jobs.create({ name: 'Broken App', slug: 'broken-app', features: ['notes'] });
    const broken = await jobs.waitForStatus('broken-app');
    expect(broken.status).toBe('failed');

    expect(served.filter((s) => s.slug === 'good-app').length).toBeGreaterThan(2);
    expect(served.filter((s) => s.slug === 'broken-app')).toHaveLength(2);
    expect(served.length).toBe(fake.chatRequests.length);
  });

  it('GET /api/costs sums exactly to the scripted usage, by job and by agent', async () => {
    const overview = await get<Overview>('/api/costs', acme.viewer);
    const all = totalsOf(served);
    expect(overview.total_cost_usd).toBe(usd(all.micros));
    expect(overview.total_tokens).toBe(all.tokensIn + all.tokensOut);
    expect(overview.calls).toBe(all.calls);

    const bySlug = groupBy(served, (s) => s.slug);
    expect(Object.keys(overview.by_task).sort()).toEqual([...bySlug.keys()].sort());
    for (const [slug, calls] of bySlug) {
      const expected = totalsOf(calls);
      expect(overview.by_task[slug], slug).toEqual({
        cost_usd: usd(expected.micros),
        tokens: expected.tokensIn + expected.tokensOut,
        calls: expected.calls,
      });
    }

    const byAgent = groupBy(served, (s) => s.agent);
    expect(Object.keys(overview.by_agent).sort()).toEqual([...byAgent.keys()].sort());
    for (const [agent, calls] of byAgent) {
      const expected = totalsOf(calls);
      expect(overview.by_agent[agent], agent).toEqual({
        cost_usd: usd(expected.micros),
        tokens: expected.tokensIn + expected.tokensOut,
        calls: expected.calls,
      });
    }

    expect(overview.recent).toHaveLength(Math.min(20, served.length));
    const latest = served[served.length - 1];
    expect(overview.recent[0]).toMatchObject({
      job_slug: latest.slug,
      agent: latest.agent,
      provider: 'openai',
      model: 'gpt-4o-mini',
      tokens_in: latest.tokensIn,
      tokens_out: latest.tokensOut,
      cost_usd: usd(microsOf(latest)),
      cost_source: 'table',
      outcome: 'ok',
    });
    expect(Object.keys(overview.recent[0]).sort()).toEqual(
      [
        'id',
        'created_at',
        'job_slug',
        'agent',
        'phase',
        'provider',
        'model',
        'tokens_in',
        'tokens_out',
        'cost_usd',
        'cost_source',
        'outcome',
        'over_reported',
      ].sort(),
    );
    const ids = overview.recent.map((r) => r.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('summary, by-agent and by-job agree with the scripted usage', async () => {
    const all = totalsOf(served);
    const summary = await get<Record<string, unknown>>('/api/costs/summary', acme.viewer);
    const byAgent = groupBy(served, (s) => s.agent);
    const top = [...byAgent].sort(
      ([a, ac], [b, bc]) => totalsOf(bc).micros - totalsOf(ac).micros || bc.length - ac.length || a.localeCompare(b),
    )[0][0];
    expect(summary).toEqual({
      total_cost_usd: usd(all.micros),
      total_calls: all.calls,
      avg_cost_per_call: Math.round(all.micros / all.calls) / 1e6,
      top_agent: top,
    });

    const agents = await get<AgentRow[]>('/api/costs/by-agent', acme.viewer);
    expect(agents.map((a) => a.agent).sort()).toEqual([...byAgent.keys()].sort());
    for (const row of agents) {
      const expected = totalsOf(byAgent.get(row.agent)!);
      expect(row).toEqual({
        agent: row.agent,
        cost_usd: usd(expected.micros),
        calls: expected.calls,
        tokens_in: expected.tokensIn,
        tokens_out: expected.tokensOut,
      });
      expect(row.tokens_in).toBeGreaterThan(0);
      expect(row.tokens_out).toBeGreaterThan(0);
    }
    expect(agents.reduce((sum, a) => sum + a.tokens_in, 0)).toBe(all.tokensIn);
    expect(agents.reduce((sum, a) => sum + a.tokens_out, 0)).toBe(all.tokensOut);
    const costs = agents.map((a) => a.cost_usd);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));

    const jobs = await get<{ job_slug: string; cost_usd: number; calls: number }[]>('/api/costs/by-job', acme.viewer);
    const bySlug = groupBy(served, (s) => s.slug);
    const expectedJobs = [...bySlug]
      .map(([slug, calls]) => ({ job_slug: slug, cost_usd: usd(totalsOf(calls).micros), calls: calls.length }))
      .sort((a, b) => b.cost_usd - a.cost_usd);
    expect(jobs).toEqual(expectedJobs);
    expect(jobs[0].job_slug).toBe('good-app');
  });

  it('daily has 7 UTC days by default, oldest first, ending today with all of today', async () => {
    const all = totalsOf(served);
    const daily = await get<DailyRow[]>('/api/costs/daily', acme.viewer);
    expect(daily.map((d) => d.date)).toEqual([6, 5, 4, 3, 2, 1, 0].map((n) => utcDay(n)));
    expect(daily[6]).toEqual({ date: utcDay(), cost_usd: usd(all.micros), calls: all.calls });
    for (const day of daily.slice(0, 6)) expect(day).toMatchObject({ cost_usd: 0, calls: 0 });
  });

  it('daily rejects days outside 1–30 with a 400 naming the field', async () => {
    for (const days of ['0', '31', '-1', 'abc', '2.5']) {
      const res = await t.inject({ method: 'GET', url: `/api/costs/daily?days=${days}`, token: acme.viewer });
      expect(res.statusCode, `days=${days}`).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain('days');
    }
    expect((await get<DailyRow[]>('/api/costs/daily?days=1', acme.viewer)).map((d) => d.date)).toEqual([utcDay()]);
    expect(await get<DailyRow[]>('/api/costs/daily?days=30', acme.viewer)).toHaveLength(30);
  });

  it('KPIs count a succeeded and a failed job, plus projects, spend, models and providers', async () => {
    const project = await t.inject({
      method: 'POST',
      url: '/api/projects',
      token: acme.member,
      payload: { name: 'Kpi Project', status: 'discovery' },
    });
    expect(project.statusCode).toBe(201);

    const providers = await get<{
      providers: Record<
        string,
        { name: string; enabled: boolean; base_url: string | null; api_key_env: string | null; api_key_set: boolean }
      >;
    }>('/api/providers', admin);
    const usable = Object.values(providers.providers).filter(
      (p) => p.name !== 'builtin' && p.enabled && p.base_url && (p.api_key_env === null || p.api_key_set),
    );
    expect(usable.map((p) => p.name)).toContain('openai');

    const kpis = await get<Kpis>('/api/kpis', acme.viewer);
    const total = usd(totalsOf(served).micros);
    expect(kpis).toEqual({
      total_projects: 3,
      status_breakdown: { discovery: 1, development: 0, production: 1, blocked: 1 },
      success_rate: 50,
      total_cost: total,
      active_models: 1,
      active_providers: usable.length,
      total_cost_usd: total,
      active_models_count: 1,
      active_providers_count: usable.length,
    });
  });

  it('another team sees zeros; an admin sees every team or the one asked for', async () => {
    const overview = await get<Overview>('/api/costs', otherMember);
    expect(overview).toEqual({ total_cost_usd: 0, total_tokens: 0, calls: 0, by_task: {}, by_agent: {}, recent: [] });
    expect(await get('/api/costs/summary', otherMember)).toEqual({
      total_cost_usd: 0,
      total_calls: 0,
      avg_cost_per_call: 0,
      top_agent: null,
    });
    expect(await get('/api/costs/by-agent', otherMember)).toEqual([]);
    expect(await get('/api/costs/by-job', otherMember)).toEqual([]);
    const daily = await get<DailyRow[]>('/api/costs/daily', otherMember);
    expect(daily).toHaveLength(7);
    expect(daily.every((d) => d.cost_usd === 0 && d.calls === 0)).toBe(true);
    expect(await get<Kpis>('/api/kpis', otherMember)).toMatchObject({
      total_projects: 0,
      status_breakdown: { discovery: 0, development: 0, production: 0, blocked: 0 },
      success_rate: 0,
      total_cost: 0,
      active_models: 0,
    });
    // A non-admin cannot widen the scope with ?team_id=.
    expect((await get<Overview>('/api/costs?team_id=acme', otherMember)).calls).toBe(0);

    const all = totalsOf(served);
    expect((await get<Overview>('/api/costs', admin)).calls).toBe(all.calls);
    expect((await get<Overview>('/api/costs?team_id=acme', admin)).total_cost_usd).toBe(usd(all.micros));
    expect((await get<Overview>('/api/costs?team_id=other', admin)).calls).toBe(0);
    expect((await get<Kpis>('/api/kpis?team_id=other', admin)).total_projects).toBe(0);
    expect((await get<Kpis>('/api/kpis', admin)).total_projects).toBe(3);

    const bad = await t.inject({ method: 'GET', url: '/api/costs/summary?team_id=a%20b', token: admin });
    expect(bad.statusCode).toBe(400);
    expect((await t.inject({ method: 'GET', url: '/api/costs' })).statusCode).toBe(401);
  });

  it('zero-fills and orders past days; rows outside a job stay out of by-job', async () => {
    // Through the insert path the LLM calls use (it keeps the cost roll-ups in step).
    const budget = t.app.get(BudgetService);
    const row = (daysAgo: number, team: string, model: string, cost: number): Omit<CostRecord, 'id'> => ({
      created_at: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      day: utcDay(daysAgo),
      job_slug: null,
      team_id: team,
      phase: null,
      agent: 'agent_test',
      provider: 'openai',
      model,
      tokens_in: 100,
      tokens_out: 50,
      cost_usd: cost,
      cost_source: 'table',
      latency_ms: 5,
      outcome: 'ok',
    });
    for (const record of [
      row(3, 'acme', 'gpt-4o', 0.25),
      row(3, 'acme', 'gpt-4o', 0.125),
      row(10, 'acme', 'gpt-4.1', 1),
      row(45, 'acme', 'old-model', 2),
      row(0, 'other', 'gpt-4o', 5),
    ])
      await budget.settle(await budget.reserve(0), record);

    const jobs = totalsOf(served);
    const daily = await get<DailyRow[]>('/api/costs/daily', acme.viewer);
    expect(daily).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((n) => ({
        date: utcDay(n),
        cost_usd: n === 0 ? usd(jobs.micros) : n === 3 ? 0.375 : 0,
        calls: n === 0 ? jobs.calls : n === 3 ? 2 : 0,
      })),
    );
    const month = await get<DailyRow[]>('/api/costs/daily?days=30', acme.viewer);
    expect(month[0].date).toBe(utcDay(29));
    expect(month[29].date).toBe(utcDay(0));
    expect(month.find((d) => d.date === utcDay(10))).toEqual({ date: utcDay(10), cost_usd: 1, calls: 1 });
    expect(month.reduce((sum, d) => sum + d.calls, 0)).toBe(jobs.calls + 3);

    const summary = await get<{ total_cost_usd: number; total_calls: number; top_agent: string }>(
      '/api/costs/summary',
      acme.viewer,
    );
    expect(summary.total_calls).toBe(jobs.calls + 4);
    expect(summary.total_cost_usd).toBe(Math.round((jobs.micros + 3_375_000) * 1) / 1e6);
    expect(summary.top_agent).toBe('agent_test');

    const byJob = await get<{ job_slug: string }[]>('/api/costs/by-job', acme.viewer);
    expect(byJob.map((j) => j.job_slug).sort()).toEqual(['broken-app', 'good-app']);
    const overview = await get<Overview>('/api/costs', acme.viewer);
    expect(Object.keys(overview.by_task).sort()).toEqual(['broken-app', 'good-app']);
    expect(overview.by_agent.agent_test).toEqual({ cost_usd: 3.375, tokens: 600, calls: 4 });

    const kpis = await get<Kpis>('/api/kpis', acme.viewer);
    expect(kpis.active_models).toBe(3); // gpt-4o-mini, gpt-4o, gpt-4.1 — not the 45-day-old one
    expect(kpis.total_cost).toBe(summary.total_cost_usd);

    const everyone = await get<DailyRow[]>('/api/costs/daily?days=1', admin);
    expect(everyone[0]).toEqual({ date: utcDay(), cost_usd: usd(jobs.micros + 5_000_000), calls: jobs.calls + 1 });
  });

  it('wipe deletes every cost record and open reservation', async () => {
    const ds = t.app.get(DataSource);
    await ds
      .getRepository(CostReservation)
      .insert({ day: utcDay(), amount_usd: 0.5, created_at: new Date().toISOString() });
    const res = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(res.statusCode).toBe(200);
    expect(await ds.getRepository(CostRecord).count()).toBe(0);
    expect(await ds.getRepository(CostReservation).count()).toBe(0);
    expect(await get('/api/costs/summary', admin)).toEqual({
      total_cost_usd: 0,
      total_calls: 0,
      avg_cost_per_call: 0,
      top_agent: null,
    });
    expect(await get<Kpis>('/api/kpis', admin)).toMatchObject({ total_projects: 0, total_cost: 0, active_models: 0 });
  });
});
