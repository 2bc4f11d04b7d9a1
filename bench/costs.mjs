// Cost aggregates at scale: 1,000,000 cost records in a temp SQLite database, then the latency of
// GET /api/costs/daily and GET /api/kpis next to GET /health, measured in the same run.
// Run `npx nest build` first (`npm run bench:costs` does), then `node bench/costs.mjs`.
// ROWS=200000 node bench/costs.mjs seeds fewer rows; SECONDS=10 measures longer; CONNECTIONS=10 adds queueing
// (SQLite answers one query at a time, so with more connections latency includes waiting for the others).
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const SECONDS = Number(process.env.SECONDS ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 1);
const DAYS_OF_HISTORY = 365;
const TEAMS = ['default', 'team-a', 'team-b', 'team-c', 'team-d'];
const AGENTS = [
  'brief_agent',
  'ba_agent',
  'backend_agent',
  'architect_agent',
  'uiux_agent',
  'dev_agent',
  'qa_agent',
  'refactor_agent',
  'security_agent',
  'reviewer_agent',
];
const MODELS = [
  ['gpt-4o-mini', 0.15, 0.6],
  ['gpt-4o', 2.5, 10],
  ['deepseek-chat', 0.27, 1.1],
  ['claude-3.5-sonnet', 3, 15],
];

const dir = mkdtempSync(join(tmpdir(), 'sf-bench-costs-'));
Object.assign(process.env, {
  APP_ENV: 'test',
  DB_PATH: join(dir, 'app.db'),
  GENERATED_APPS_DIR: join(dir, 'apps'),
  ENV_FILE: join(dir, '.env'),
  ADMIN_API_KEY: 'bench-admin-key',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123',
  LOG_LEVEL: 'silent',
  LOG_REQUESTS: 'false',
});
delete process.env.DATABASE_URL;
const { createApp } = require('../dist/app.setup.js');
const { DataSource } = require('typeorm');

/** Deterministic pseudo-random numbers, so every run seeds the same data. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Inserts through the app's own better-sqlite3 connection (after its migrations ran): one transaction, one
 * prepared statement. Rows go in oldest first, spread evenly over the year, as the service writes them.
 */
function seed(app) {
  const db = app.get(DataSource).driver.databaseConnection;
  const insert = db.prepare(
    `INSERT INTO cost_records (created_at, day, job_slug, team_id, phase, agent, provider, model, tokens_in, tokens_out, cost_usd, cost_source, latency_ms, outcome)
     VALUES (?, ?, ?, ?, ?, ?, 'openrouter', ?, ?, ?, ?, 'table', ?, 'ok')`,
  );
  const random = lcg(42);
  const started = Date.now();
  const first = started - DAYS_OF_HISTORY * 86_400_000;
  const step = (DAYS_OF_HISTORY * 86_400_000) / ROWS;
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const at = new Date(first + Math.floor(i * step)).toISOString();
      const [model, priceIn, priceOut] = MODELS[Math.floor(random() * MODELS.length)];
      const agent = AGENTS[Math.floor(random() * AGENTS.length)];
      const tokensIn = 500 + Math.floor(random() * 4000);
      const tokensOut = 100 + Math.floor(random() * 2000);
      insert.run(
        at,
        at.slice(0, 10),
        random() < 0.02 ? null : `app-${Math.floor(random() * 2000)}`,
        TEAMS[Math.floor(random() * TEAMS.length)],
        agent.replace('_agent', ''),
        agent,
        model,
        tokensIn,
        tokensOut,
        (tokensIn * priceIn + tokensOut * priceOut) / 1e6,
        50 + Math.floor(random() * 5000),
      );
    }
  })();
  db.pragma('optimize');
  return Date.now() - started;
}

async function measure(url, headers = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const app = await createApp({ logRequests: false });
await app.listen(0, '127.0.0.1');
const base = await app.getUrl();
const tokenFor = async (body) =>
  (
    await (
      await fetch(`${base}/api/auth/token`, {
        method: 'POST',
        headers: { 'x-admin-key': 'bench-admin-key', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()
  ).token;
const admin = { authorization: `Bearer ${await tokenFor({ role: 'admin' })}` };
const viewer = { authorization: `Bearer ${await tokenFor({ role: 'viewer', team_id: 'team-a' })}` };

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const seedMs = seed(app);
console.log(
  `seeded ${ROWS.toLocaleString('en')} cost records over ${DAYS_OF_HISTORY} days, ${TEAMS.length} teams in ${(seedMs / 1000).toFixed(1)} s`,
);

const rows = [
  ['GET /health', await measure(`${base}/health`)],
  ['GET /api/costs/daily (admin, all teams, 7 days)', await measure(`${base}/api/costs/daily`, admin)],
  ['GET /api/costs/daily?days=30 (viewer, one team)', await measure(`${base}/api/costs/daily?days=30`, viewer)],
  ['GET /api/kpis (admin, all teams)', await measure(`${base}/api/kpis`, admin)],
  ['GET /api/kpis (viewer, one team)', await measure(`${base}/api/kpis`, viewer)],
  ['GET /api/costs (admin, all teams)', await measure(`${base}/api/costs`, admin)],
  ['GET /api/costs (viewer, one team)', await measure(`${base}/api/costs`, viewer)],
];
const health = rows[0][1];
console.log(`\n${CONNECTIONS} connection(s), ${SECONDS} s each`);
console.log(`${'endpoint'.padEnd(50)} ${'median'.padStart(8)} ${'p99'.padStart(8)} ${'req/s'.padStart(8)}  vs /health`);
for (const [name, r] of rows) {
  console.log(
    `${name.padEnd(50)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(8)} ${r.rps.toFixed(0).padStart(8)}  ${((r.rps / health.rps) * 100).toFixed(1)}%`,
  );
}

await app.close();
rmSync(dir, { recursive: true, force: true });
