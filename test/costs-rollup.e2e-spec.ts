import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseConfig } from '../src/config/database.config';
import { BudgetService } from '../src/costs/budget.service';
import { CostRecord } from '../src/costs/cost-record.entity';
import { CostRollupService } from '../src/costs/cost-rollup.service';
import { buildDataSourceOptions } from '../src/database/data-source.options';
import { CostRollups1764900300100 } from '../src/database/migrations/1764900300100-cost-rollups';
import { CostJobTotals1764900300500 } from '../src/database/migrations/1764900300500-cost-job-totals';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient } from './helpers/jobs';

const DAY_MS = 86_400_000;
const TEAMS = ['acme', 'globex', 'initech'];
const AGENTS = ['dev_agent', 'qa_agent', 'ba_agent', null];
const PROVIDERS = ['openai', 'openrouter'];
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'deepseek-chat'];

/** Deterministic pseudo-random numbers (a fixed seed per run, printed on failure through the test name). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];
const utcDay = (daysAgo: number): string => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
const usd = (micros: number): number => Math.round(micros) / 1e6;

interface Sums {
  micros: number;
  tokensIn: number;
  tokensOut: number;
  calls: number;
}

/** The raw-row aggregate, computed in the test from what was inserted. */
function sumsBy(records: readonly Omit<CostRecord, 'id'>[], key: (r: Omit<CostRecord, 'id'>) => string | null) {
  const groups = new Map<string, Sums>();
  for (const r of records) {
    const k = key(r);
    if (k === null) continue;
    const g = groups.get(k) ?? { micros: 0, tokensIn: 0, tokensOut: 0, calls: 0 };
    g.micros += Math.round(r.cost_usd * 1e6);
    g.tokensIn += r.tokens_in;
    g.tokensOut += r.tokens_out;
    g.calls += 1;
    groups.set(k, g);
  }
  return groups;
}

type Row = Record<string, string | number | null>;

describe('cost roll-ups stay equal to the raw cost records', () => {
  let t: TestApp;
  let admin: string;
  let jobs: JobsClient;
  let jobSlugs: string[];
  const inserted: Omit<CostRecord, 'id'>[] = [];
  const random = lcg(20261201);

  const get = async <T>(url: string, token = admin): Promise<T> => {
    const res = await t.inject({ method: 'GET', url, token });
    if (res.statusCode !== 200) throw new Error(`GET ${url} got ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  };

  function randomRecord(): Omit<CostRecord, 'id'> {
    const daysAgo = Math.floor(random() * 40);
    const tokensIn = 10 + Math.floor(random() * 5000);
    const tokensOut = Math.floor(random() * 2000);
    const agent = pick(random, AGENTS);
    return {
      created_at: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      day: utcDay(daysAgo),
      job_slug: random() < 0.2 ? null : pick(random, jobSlugs),
      team_id: pick(random, TEAMS),
      phase: agent ? agent.replace('_agent', '') : null,
      agent,
      provider: pick(random, PROVIDERS),
      model: pick(random, MODELS),
      tokens_in: tokensIn,
      tokens_out: tokensOut,
      // Whole micro-dollars, so every expected sum is exact at the API's 6 decimals.
      cost_usd: Math.floor(random() * 20_000) / 1e6,
      cost_source: 'table',
      latency_ms: 5,
      outcome: random() < 0.1 ? 'http_500' : 'ok',
    };
  }

  /** Random calls through the insert path LLM calls use (reserve, then settle with the real record). */
  async function insertRandom(count: number): Promise<void> {
    const budget = t.app.get(BudgetService);
    for (let i = 0; i < count; i++) {
      const record = randomRecord();
      await budget.settle(await budget.reserve(0), record);
      inserted.push(record);
    }
  }

  /**
   * Random calls written as another process (a Bull worker) writes them: its own connection and
   * roll-up service, so nothing in this app's process hears of them.
   */
  async function insertFromAnotherProcess(count: number): Promise<void> {
    const options = buildDataSourceOptions(databaseConfig());
    const other = new DataSource({ ...options, migrationsRun: false, entities: [CostRecord] });
    await other.initialize();
    try {
      const rollups = new CostRollupService();
      for (let i = 0; i < count; i++) {
        const record = randomRecord();
        await other.transaction(async (manager) => {
          await manager.insert(CostRecord, record);
          await rollups.add(manager, record);
        });
        inserted.push(record);
      }
    } finally {
      await other.destroy();
    }
  }

  /** The roll-up tables, regrouped at their own grain, against GROUP BY over cost_records. */
  async function expectTablesEqualRaw(): Promise<void> {
    const ds = t.app.get(DataSource);
    const normalise = (rows: Row[]) =>
      rows
        .map((r) => ({
          ...r,
          cost: Math.round(Number(r.cost) * 1e6),
          tokens_in: Number(r.tokens_in),
          tokens_out: Number(r.tokens_out),
          calls: Number(r.calls),
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const daily = await ds.query<Row[]>(
      `SELECT team_id, day, agent, provider, model, cost_usd AS cost, tokens_in, tokens_out, calls FROM cost_daily_rollups`,
    );
    const rawDaily = await ds.query<Row[]>(
      `SELECT team_id, day, COALESCE(agent, '') AS agent, provider, model, SUM(cost_usd) AS cost,
              SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out, COUNT(*) AS calls
       FROM cost_records GROUP BY team_id, day, COALESCE(agent, ''), provider, model`,
    );
    expect(normalise(daily)).toEqual(normalise(rawDaily));
    const byAgent = await ds.query<Row[]>(
      `SELECT team_id, agent, provider, model, cost_usd AS cost, tokens_in, tokens_out, calls FROM cost_agent_rollups`,
    );
    const rawByAgent = await ds.query<Row[]>(
      `SELECT team_id, COALESCE(agent, '') AS agent, provider, model, SUM(cost_usd) AS cost,
              SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out, COUNT(*) AS calls
       FROM cost_records GROUP BY team_id, COALESCE(agent, ''), provider, model`,
    );
    expect(normalise(byAgent)).toEqual(normalise(rawByAgent));
    const byJob = await ds.query<Row[]>(
      `SELECT team_id, job_slug, cost_usd AS cost, tokens_in, tokens_out, calls FROM cost_job_totals`,
    );
    const rawByJob = await ds.query<Row[]>(
      `SELECT team_id, job_slug, SUM(cost_usd) AS cost, SUM(tokens_in) AS tokens_in,
              SUM(tokens_out) AS tokens_out, COUNT(*) AS calls
       FROM cost_records WHERE job_slug IS NOT NULL GROUP BY team_id, job_slug`,
    );
    expect(normalise(byJob)).toEqual(normalise(rawByJob));
  }

  /** What the API answers (read from the roll-ups) against sums of the inserted records, for all teams and one. */
  async function expectApiEqualsInserted(): Promise<void> {
    for (const team of [null, ...TEAMS]) {
      const scope = team === null ? '' : `?team_id=${team}`;
      const records = team === null ? inserted : inserted.filter((r) => r.team_id === team);
      const total = sumsBy(records, () => 'all').get('all') ?? { micros: 0, tokensIn: 0, tokensOut: 0, calls: 0 };
      const agents = sumsBy(records, (r) => r.agent ?? 'unknown');
      const byJob = sumsBy(records, (r) => r.job_slug);
      const byDay = sumsBy(records, (r) => r.day);

      const summary = await get<Record<string, unknown>>(`/api/costs/summary${scope}`);
      const top =
        [...agents].sort(
          (a, b) => b[1].micros - a[1].micros || b[1].calls - a[1].calls || a[0].localeCompare(b[0]),
        )[0]?.[0] ?? null;
      expect(summary).toEqual({
        total_cost_usd: usd(total.micros),
        total_calls: total.calls,
        avg_cost_per_call: total.calls ? Math.round(total.micros / total.calls) / 1e6 : 0,
        top_agent: top,
      });

      const overview = await get<{
        total_cost_usd: number;
        total_tokens: number;
        calls: number;
        by_task: Record<string, unknown>;
        by_agent: Record<string, unknown>;
      }>(`/api/costs${scope}`);
      const bucket = (s: Sums) => ({ cost_usd: usd(s.micros), tokens: s.tokensIn + s.tokensOut, calls: s.calls });
      expect(overview.total_cost_usd).toBe(usd(total.micros));
      expect(overview.total_tokens).toBe(total.tokensIn + total.tokensOut);
      expect(overview.calls).toBe(total.calls);
      expect(overview.by_task).toEqual(Object.fromEntries([...byJob].map(([k, s]) => [k, bucket(s)])));
      expect(overview.by_agent).toEqual(Object.fromEntries([...agents].map(([k, s]) => [k, bucket(s)])));

      const byAgentList = await get<{ agent: string; tokens_in: number; tokens_out: number }[]>(
        `/api/costs/by-agent${scope}`,
      );
      expect(byAgentList.map((a) => [a.agent, a.tokens_in, a.tokens_out]).sort()).toEqual(
        [...agents].map(([k, s]) => [k, s.tokensIn, s.tokensOut]).sort(),
      );

      const daily = await get<{ date: string; cost_usd: number; calls: number }[]>(
        `/api/costs/daily${scope ? `${scope}&` : '?'}days=30`,
      );
      expect(daily).toEqual(
        Array.from({ length: 30 }, (_, i) => {
          const date = utcDay(29 - i);
          const s = byDay.get(date);
          return { date, cost_usd: usd(s?.micros ?? 0), calls: s?.calls ?? 0 };
        }),
      );

      const kpis = await get<{ total_cost: number; active_models: number }>(`/api/kpis${scope}`);
      expect(kpis.total_cost).toBe(usd(total.micros));
      const recentModels = new Set(records.filter((r) => r.day >= utcDay(29)).map((r) => r.model));
      expect(kpis.active_models).toBe(recentModels.size);
    }
  }

  beforeAll(async () => {
    t = await startApp({ DAILY_COST_LIMIT: '1000000' });
    admin = await t.tokenFor('admin');
    jobs = new JobsClient(t, admin);
    jobSlugs = [];
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) jobSlugs.push((await jobs.create({ name })).slug);
    for (const slug of jobSlugs) await jobs.waitForStatus(slug);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('after rounds of random inserts, the roll-ups and every cost figure equal the raw-row aggregates', async () => {
    for (const round of [60, 140, 100]) {
      await insertRandom(round);
      await expectTablesEqualRaw();
      await expectApiEqualsInserted();
    }
    expect(inserted.length).toBe(300);
  });

  it('removing a job keeps its spend, in the raw rows and the roll-ups alike', async () => {
    const [removed] = jobSlugs;
    const spent = sumsBy(inserted, (r) => r.job_slug).get(removed);
    expect(spent?.calls).toBeGreaterThan(0);
    expect((await t.inject({ method: 'DELETE', url: `/api/jobs/${removed}`, token: admin })).statusCode).toBe(200);
    expect((await jobs.getRaw(removed)).statusCode).toBe(404);

    // The day's spend still counts against the budget; the job's calls stay in the figures.
    const byJob = await get<{ job_slug: string; cost_usd: number; calls: number }[]>('/api/costs/by-job');
    expect(byJob.find((j) => j.job_slug === removed)).toEqual({
      job_slug: removed,
      cost_usd: usd(spent!.micros),
      calls: spent!.calls,
    });
    await insertRandom(40);
    await expectTablesEqualRaw();
    await expectApiEqualsInserted();
  });

  it('calls another process records show at once, though the per-job figures are kept between reads', async () => {
    // Every scope's figures are read (and kept) first, so stale ones would show below.
    await expectApiEqualsInserted();
    await insertFromAnotherProcess(30);
    await expectTablesEqualRaw();
    await expectApiEqualsInserted();
    await insertRandom(10);
    await insertFromAnotherProcess(10);
    await expectApiEqualsInserted();
  });

  it('the migrations back-fill the roll-ups from cost records written before them', async () => {
    const ds = t.app.get(DataSource);
    const runner = ds.createQueryRunner();
    try {
      const rollups = new CostRollups1764900300100();
      const jobTotals = new CostJobTotals1764900300500();
      await jobTotals.down(runner);
      await rollups.down(runner);
      await rollups.up(runner);
      await jobTotals.up(runner);
    } finally {
      await runner.release();
    }
    await expectTablesEqualRaw();
    await expectApiEqualsInserted();
  });

  it('a wipe empties the roll-ups with the records; new calls start from zero', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/settings/wipe', token: admin });
    expect(res.statusCode).toBe(200);
    const ds = t.app.get(DataSource);
    expect(Number((await ds.query<Row[]>('SELECT COUNT(*) AS n FROM cost_daily_rollups'))[0].n)).toBe(0);
    expect(Number((await ds.query<Row[]>('SELECT COUNT(*) AS n FROM cost_job_totals'))[0].n)).toBe(0);
    expect(Number((await ds.query<Row[]>('SELECT COUNT(*) AS n FROM cost_agent_rollups'))[0].n)).toBe(0);
    inserted.length = 0;
    await expectApiEqualsInserted();
    expect(await get('/api/costs/summary')).toEqual({
      total_cost_usd: 0,
      total_calls: 0,
      avg_cost_per_call: 0,
      top_agent: null,
    });

    await insertRandom(50);
    await expectTablesEqualRaw();
    await expectApiEqualsInserted();
  });
});
