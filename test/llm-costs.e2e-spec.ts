import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostRecord } from '../src/costs/cost-record.entity';
import { CostReservation } from '../src/costs/cost-reservation.entity';
import { MODEL_PRICES, UNPRICED_MODEL } from '../src/costs/model-prices';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, callOf, llmEnv, type AgentCall, type Usage } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { JobsClient, type JobBody } from './helpers/jobs';

/** A test that runs whole jobs: each wait inside is capped at 30 s; slow CI machines need the headroom. */
const JOB_TEST_TIMEOUT_MS = 60_000;

const MINI = MODEL_PRICES['gpt-4o-mini'];

function costRows(t: TestApp, slug?: string): Promise<CostRecord[]> {
  return t.app
    .get(DataSource)
    .getRepository(CostRecord)
    .find({ where: slug ? { job_slug: slug } : {}, order: { id: 'ASC' } });
}

const sumOf = (rows: CostRecord[]) => rows.reduce((total, r) => total + r.cost_usd, 0);
/** A job shows its cost rounded to the micro-dollar: within half of one of its calls' exact sum. */
function expectShownCost(shown: number, exact: number): void {
  expect(Math.abs(shown - exact)).toBeLessThanOrEqual(5e-7 + 1e-12);
}
const today = () => new Date().toISOString().slice(0, 10);

async function setSettings(t: TestApp, token: string, values: Record<string, string>): Promise<void> {
  const res = await t.inject({ method: 'POST', url: '/api/settings', token, payload: values });
  expect(res.statusCode, res.body).toBe(200);
}

describe('LLM cost records', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;

  /** Distinct usage per phase, so each row can be matched to what the server reported. */
  const USAGE: Record<string, Usage> = {
    ba: { prompt_tokens: 1234, completion_tokens: 567 },
    architect: { prompt_tokens: 2000, completion_tokens: 800, cost: 0.0421 },
    uiux: { prompt_tokens: 777, completion_tokens: 3333 },
  };
  const usageOf = (call: AgentCall): Usage => USAGE[call.phase] ?? { prompt_tokens: 1000, completion_tokens: 500 };

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies({ usage: usageOf });
    t = await startApp(llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000' }));
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it("records each call's exact tokens and dollars: table price, or the provider's reported cost", async () => {
    const slug = 'llm-costs-table';
    await c.create({ slug, name: 'Costs Table', features: ['Todo'] });
    const job = await c.waitForSuccess(slug, 30_000);

    const calls = fake.chatRequests.map((r, i) => callOf(r, i));
    const rows = await costRows(t, slug);
    expect(rows).toHaveLength(calls.length);
    expect(rows.map((r) => r.phase)).toEqual(calls.map((call) => call.phase));

    for (const [i, row] of rows.entries()) {
      const usage = usageOf(calls[i]);
      expect(row, `row ${i}`).toMatchObject({
        job_slug: slug,
        team_id: 'default',
        provider: 'openai',
        model: 'gpt-4o-mini',
        agent: `${row.phase === 'dev' ? 'dev' : row.phase}_agent`,
        tokens_in: usage.prompt_tokens,
        tokens_out: usage.completion_tokens,
        outcome: 'ok',
        day: today(),
      });
      expect(row.latency_ms).toBeGreaterThanOrEqual(0);
      if (usage.cost !== undefined) {
        expect(row.cost_source).toBe('provider');
        expect(row.cost_usd).toBe(usage.cost);
      } else {
        expect(row.cost_source).toBe('table');
        expect(row.cost_usd).toBeCloseTo(
          (usage.prompt_tokens * MINI.input + usage.completion_tokens * MINI.output) / 1e6,
          12,
        );
      }
    }
    // Spot checks with the numbers written out: 1234 × 0.15 + 567 × 0.6 per 1M tokens.
    expect(rows.find((r) => r.phase === 'ba')!.cost_usd).toBeCloseTo(0.0005253, 12);
    expect(rows.find((r) => r.phase === 'architect')).toMatchObject({ cost_usd: 0.0421, cost_source: 'provider' });

    expectShownCost(job.cost_usd, sumOf(rows));
    // Nothing is left reserved once the calls are settled.
    expect(await t.app.get(DataSource).getRepository(CostReservation).count()).toBe(0);
  });

  it('never records a negative figure: a provider cannot lower the day’s spend by reporting one', async () => {
    const before = sumOf(await costRows(t));
    fake.fallback = agentReplies({ usage: { prompt_tokens: -1_000_000, completion_tokens: -1_000_000, cost: -5 } });
    try {
      const slug = 'llm-costs-negative';
      await c.create({ slug, name: 'Costs Negative', features: ['Todo'] });
      await c.waitForSuccess(slug, 30_000);
      const rows = await costRows(t, slug);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toMatchObject({ tokens_in: 0, tokens_out: 0, cost_usd: 0, cost_source: 'table' });
      }
      expect(sumOf(await costRows(t))).toBeCloseTo(before, 12);
    } finally {
      fake.fallback = agentReplies({ usage: usageOf });
    }
  });

  it('records a stated price above the reserved worst case as billed, and flags it', async () => {
    fake.fallback = agentReplies({ usage: { prompt_tokens: 10, completion_tokens: 10, cost: 50 } });
    try {
      const slug = 'llm-costs-price-claim';
      await c.create({ slug, name: 'Costs Price Claim', features: ['Todo'] });
      await c.waitForSuccess(slug, 30_000);
      const rows = await costRows(t, slug);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        // What the provider bills is spent: the ledger keeps it, so later calls meet the daily limit.
        expect(row).toMatchObject({ cost_source: 'provider', cost_usd: 50, over_reported: true });
      }
    } finally {
      fake.fallback = agentReplies({ usage: usageOf });
    }
  });
});

describe('LLM cost records: a model with no known price', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies({
      usage: (call) =>
        call.phase === 'reviewer'
          ? { prompt_tokens: 1000, completion_tokens: 500, cost: 0.0007 }
          : { prompt_tokens: 1000, completion_tokens: 500 },
    });
    t = await startApp(llmEnv(fake.baseUrl, { LLM_MODEL: 'mystery-model', DAILY_COST_LIMIT: '1000' }));
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('is charged the conservative default rate, flagged in the rows and the job log, never $0', async () => {
    const slug = 'llm-costs-unpriced';
    await c.create({ slug, name: 'Costs Unpriced', features: ['Todo'] });
    const job = await c.waitForSuccess(slug, 30_000);
    expect(fake.chatRequests.every((r) => r.body?.model === 'mystery-model')).toBe(true);

    const rows = await costRows(t, slug);
    expect(rows).toHaveLength(fake.chatRequests.length);
    const unpriced = rows.filter((r) => r.phase !== 'reviewer');
    expect(unpriced.length).toBeGreaterThan(0);
    for (const row of unpriced) {
      expect(row.model).toBe('mystery-model');
      expect(row.cost_source).toBe('default');
      expect(row.cost_usd).toBeCloseTo((1000 * UNPRICED_MODEL.input + 500 * UNPRICED_MODEL.output) / 1e6, 12);
    }
    // A reported cost still wins over the default.
    expect(rows.find((r) => r.phase === 'reviewer')).toMatchObject({ cost_source: 'provider', cost_usd: 0.0007 });

    const logs = await c.logs(slug);
    const flagged = logs.filter((l) => l.message.includes('Model mystery-model has no known price'));
    expect(flagged).toHaveLength(unpriced.length);
    expect(flagged.every((l) => l.level === 'warn')).toBe(true);
    expectShownCost(job.cost_usd, sumOf(rows));
  });
});

describe('LLM daily budget', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;
  let admin: string;
  /** Each reply costs exactly what the service estimated for it (prompt chars / 3 in, max_tokens out). */
  let delayMs = 0;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = (body, index) => {
      const reply = agentReplies({
        usage: (call) => ({ prompt_tokens: Math.ceil(call.promptChars / 3), completion_tokens: call.maxTokens }),
      })(body, index);
      return { ...reply, delayMs };
    };
    t = await startApp(llmEnv(fake.baseUrl, { MAX_PARALLEL_JOBS: '2', DAILY_COST_LIMIT: '1000' }));
    admin = await t.tokenFor('admin');
    c = new JobsClient(t, admin);
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  const expectBudgetFailure = (job: JobBody) => {
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/Daily LLM budget reached/);
    expect(job.error).toContain('daily_cost_limit');
  };

  it('stops a job with a clear error and sends no request when the first call is over the limit', async () => {
    fake.reset();
    await setSettings(t, admin, { daily_cost_limit: '0.0001' });
    const slug = 'llm-budget-tiny';
    await c.create({ slug, name: 'Budget Tiny', features: ['Todo'] });
    const job = await c.waitForStatus(slug);
    expectBudgetFailure(job);
    expect(job.error).toMatch(/^Phase ba failed: /);
    expect(job.phases.ba).toBe('failed');
    expect(job.generator).toBe('openai');
    expect(fake.chatRequests).toHaveLength(0);
    expect(await costRows(t, slug)).toHaveLength(0);
    const logs = await c.logs(slug);
    expect(logs.some((l) => l.level === 'error' && l.message.includes('Daily LLM budget reached'))).toBe(true);
    expect(await t.app.get(DataSource).getRepository(CostReservation).count()).toBe(0);
  });

  it('stops two jobs running at once, neither sending a request', async () => {
    fake.reset();
    await setSettings(t, admin, { daily_cost_limit: '0.0001' });
    const slugs = ['llm-budget-twin-a', 'llm-budget-twin-b'];
    await Promise.all(slugs.map((slug, i) => c.create({ slug, name: `Budget Twin ${i}`, features: ['Todo'] })));
    for (const slug of slugs) expectBudgetFailure(await c.waitForStatus(slug));
    expect(fake.chatRequests).toHaveLength(0);
    expect(await costRows(t)).toHaveLength(0);
  });

  /** Sets the limit to what was spent today plus `allowance`, returns what was spent. */
  async function allow(allowance: number): Promise<number> {
    const spent = sumOf((await costRows(t)).filter((r) => r.day === today()));
    await setSettings(t, admin, { daily_cost_limit: (Math.floor((spent + allowance) * 1e4) / 1e4).toFixed(4) });
    return spent;
  }

  it('lets a job make the calls that fit and stops it before the one that does not', async () => {
    fake.reset();
    delayMs = 0;
    const spentBefore = await allow(0.012);
    const limit = Number(
      (await t.inject({ method: 'GET', url: '/api/settings', token: admin })).json().daily_cost_limit,
    );
    const slug = 'llm-budget-partial';
    await c.create({ slug, name: 'Budget Partial', features: ['Todo', 'Notes', 'Chat'] });
    const job = await c.waitForStatus(slug, undefined, 30_000);
    expectBudgetFailure(job);

    const rows = await costRows(t, slug);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Every request the server saw is accounted for; none went out past the limit.
    expect(fake.chatRequests).toHaveLength(rows.length);
    expect(spentBefore + sumOf(rows)).toBeLessThanOrEqual(limit + 1e-9);
    expectShownCost(job.cost_usd, sumOf(rows));
  });

  it('keeps two jobs running at once within the limit together', async () => {
    fake.reset();
    delayMs = 300;
    const spentBefore = await allow(0.02);
    const limit = Number(
      (await t.inject({ method: 'GET', url: '/api/settings', token: admin })).json().daily_cost_limit,
    );
    const slugs = ['llm-budget-race-a', 'llm-budget-race-b'];
    await Promise.all(
      slugs.map((slug, i) => c.create({ slug, name: `Budget Race ${i}`, features: ['Todo', 'Notes', 'Chat'] })),
    );
    const jobs = await Promise.all(slugs.map((slug) => c.waitForStatus(slug, undefined, 30_000)));
    for (const job of jobs) expectBudgetFailure(job);

    // Both ran at the same time: their spans of requests in flight overlap …
    const spans = slugs.map((slug) => {
      const times = fake.chatRequests.filter((r) => callOf(r).spec?.slug === slug).map((r) => r.at);
      expect(times.length, slug).toBeGreaterThan(0);
      return { start: Math.min(...times), end: Math.max(...times) + delayMs };
    });
    expect(Math.max(spans[0].start, spans[1].start)).toBeLessThan(Math.min(spans[0].end, spans[1].end));
    // … and together stayed within the limit.
    const rows = (await costRows(t)).filter((r) => slugs.includes(r.job_slug!));
    expect(fake.chatRequests).toHaveLength(rows.length);
    expect(spentBefore + sumOf(rows)).toBeLessThanOrEqual(limit + 1e-9);
    expect(await t.app.get(DataSource).getRepository(CostReservation).count()).toBe(0);
  });
});

describe('LLM costs: priced by model id, whatever the provider is called', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies({
      usage: (call) => ({
        prompt_tokens: Math.floor(call.promptChars / 4),
        completion_tokens: Math.min(1000, call.maxTokens),
      }),
    });
    // A provider named "ollama" pointed at a paid endpoint serving gpt-4o.
    t = await startApp({
      LLM_PROVIDER: 'ollama',
      LLM_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'gpt-4o',
      DAILY_COST_LIMIT: '1000',
    });
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('a provider named ollama serving gpt-4o records gpt-4o prices, not $0', async () => {
    const slug = 'llm-costs-ollama-gpt4o';
    await c.create({ slug, name: 'Ollama Gpt4o', features: ['Todo'] });
    const job = await c.waitForSuccess(slug, 30_000);
    expect(job.generator).toBe('ollama');

    const rows = await costRows(t, slug);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(fake.chatRequests.length);
    const gpt4o = MODEL_PRICES['gpt-4o'];
    for (const row of rows) {
      expect(row).toMatchObject({ provider: 'ollama', model: 'gpt-4o', cost_source: 'table', over_reported: false });
      expect(row.tokens_in).toBeGreaterThan(0);
      expect(row.cost_usd).toBeGreaterThan(0);
      expect(row.cost_usd).toBeCloseTo((row.tokens_in * gpt4o.input + row.tokens_out * gpt4o.output) / 1e6, 12);
    }
    // A call of 1000 completion tokens alone costs $0.01 at gpt-4o prices.
    expect(rows.some((r) => r.tokens_out === 1000 && r.cost_usd >= 0.01)).toBe(true);
    expect(job.cost_usd).toBeCloseTo(sumOf(rows), 5);
  });
});

describe('LLM daily budget: a provider that over-reports usage', { timeout: 90_000 }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;
  let admin: string;
  /** Reports 20× the completion tokens the request allowed and 20× its characters as prompt tokens. */
  const OVER = 20;
  const DELAY_MS = 1500;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = (body, index) => ({
      ...agentReplies({
        usage: (call) => ({ prompt_tokens: OVER * call.promptChars, completion_tokens: OVER * call.maxTokens }),
      })(body, index),
      // Slow enough that the ten jobs' calls are in flight together.
      delayMs: DELAY_MS,
    });
    t = await startApp(llmEnv(fake.baseUrl, { MAX_PARALLEL_JOBS: '10', DAILY_COST_LIMIT: '1000' }));
    admin = await t.tokenFor('admin');
    c = new JobsClient(t, admin);
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('10 jobs at once never record more than the limit plus two calls, and every over-report is flagged', async () => {
    const limit = 0.02;
    await setSettings(t, admin, { daily_cost_limit: String(limit) });
    const slugs = Array.from({ length: 10 }, (_, i) => `llm-over-report-${i}`);
    await Promise.all(
      slugs.map((slug, i) => c.create({ slug, name: `Over Report ${i}`, features: ['Todo', 'Notes'] })),
    );
    const jobs = await Promise.all(slugs.map((slug) => c.waitForStatus(slug, undefined, 60_000)));

    const rows = (await costRows(t)).filter((r) => r.day === today());
    expect(rows.length).toBeGreaterThan(0);
    // Every request the server answered is recorded, and each was flagged with the tokens as reported.
    expect(rows).toHaveLength(fake.chatRequests.length);
    for (const [i, row] of rows.entries()) {
      expect(row.over_reported, `row ${i}`).toBe(true);
      expect(row.tokens_out).toBe(
        OVER * callOf(fake.chatRequests.find((r) => callOf(r).spec?.slug === row.job_slug)!).maxTokens,
      );
    }
    const perCall = Math.max(...rows.map((r) => r.cost_usd));
    expect(sumOf(rows)).toBeLessThanOrEqual(limit + 2 * perCall + 1e-9);
    // The reports add up to 20× what was charged: recorded as they came, they would have blown the limit.
    const reported = rows.reduce(
      (total, r) => total + (r.tokens_in * MINI.input + r.tokens_out * MINI.output) / 1e6,
      0,
    );
    expect(reported).toBeGreaterThan(5 * limit);

    // The calls overlapped, and the budget stopped every job with a clear error.
    const inFlight = Math.max(
      ...fake.chatRequests.map((r) => fake.chatRequests.filter((o) => o.at >= r.at && o.at < r.at + DELAY_MS).length),
    );
    expect(inFlight).toBeGreaterThanOrEqual(3);
    for (const job of jobs) {
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/Daily LLM budget reached/);
    }
    expect(await t.app.get(DataSource).getRepository(CostReservation).count()).toBe(0);

    // Flagged in the job log and in the cost API.
    const logs = await c.logs(rows[0].job_slug!);
    expect(
      logs.some((l) => l.level === 'warn' && /reported \d+ prompt and \d+ completion tokens/.test(l.message)),
    ).toBe(true);
    const overview = await t.inject({ method: 'GET', url: '/api/costs', token: admin });
    expect(overview.statusCode, overview.body).toBe(200);
    const recent = overview.json<{ recent: { over_reported: boolean }[] }>().recent;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((r) => r.over_reported)).toBe(true);
  });
});
