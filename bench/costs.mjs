// Cost aggregates at scale (npm run bench:costs; needs a build): 1,000,000 cost records in a temp SQLite
// database, then the latency of /api/kpis, /api/costs, /api/costs/summary and /api/costs/daily next to
// /health — the API in its own process, autocannon in another, medians of interleaved runs.
// The rows are written as an older version would have left them (no roll-ups), so the boot after seeding
// runs the roll-up migration's back-fill; its time is reported too.
// Knobs: ROWS=200000 (cost records), JOBS=2000 (distinct jobs they belong to), SECONDS=3 per run,
// RUNS=3 interleaved rounds, CONNECTIONS=1 (SQLite answers one query at a time: more connections add queueing).
import { cpus, totalmem } from 'node:os';
import { interleaved, RUNS, SECONDS } from './lib/load.mjs';
import { openDatabase, startServer } from './lib/server.mjs';
import { seedCostRecords } from './lib/seed.mjs';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const JOBS = Number(process.env.JOBS ?? 2000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 1);
const TEAMS = ['default', 'team-a', 'team-b', 'team-c', 'team-d'];
const GOAL_MS = 20;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

// 1. Migrate an empty database, then seed raw records the way a pre-roll-up version stored them.
let server = await startServer();
const { dir } = server;
const admin = { authorization: `Bearer ${await server.token({ role: 'admin' })}` };
const viewer = { authorization: `Bearer ${await server.token({ role: 'viewer', team_id: 'team-a' })}` };
await server.stop({ keepDir: true });

const db = openDatabase(dir);
let started = Date.now();
seedCostRecords(db, ROWS, { teams: TEAMS, callsPerJob: Math.ceil(ROWS / JOBS) });
db.exec(`DROP TABLE cost_daily_rollups; DROP TABLE cost_agent_rollups; DROP TABLE cost_job_rollups;
         DELETE FROM migrations WHERE name = 'CostRollups1764900300100';`);
db.pragma('optimize');
db.close();
console.log(
  `seeded ${ROWS.toLocaleString('en')} cost records (${JOBS.toLocaleString('en')} jobs, ${TEAMS.length} teams, 365 days) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

// 2. Boot: the migration back-fills the roll-ups from the raw rows.
started = Date.now();
server = await startServer({ dir });
console.log(`boot with the roll-up back-fill: ${((Date.now() - started) / 1000).toFixed(1)} s`);

// 3. Interleaved runs.
const targets = [
  ['GET /health', '/health', {}],
  ['GET /api/kpis (admin, all teams)', '/api/kpis', admin],
  ['GET /api/kpis (viewer, one team)', '/api/kpis', viewer],
  ['GET /api/costs (admin, all teams)', '/api/costs', admin],
  ['GET /api/costs (viewer, one team)', '/api/costs', viewer],
  ['GET /api/costs/summary (admin, all teams)', '/api/costs/summary', admin],
  ['GET /api/costs/summary (viewer, one team)', '/api/costs/summary', viewer],
  ['GET /api/costs/daily?days=30 (admin)', '/api/costs/daily?days=30', admin],
].map(([name, path, headers]) => ({ name, url: `${server.base}${path}`, headers, connections: CONNECTIONS }));
const results = await interleaved(targets);
await server.stop({ keepDir: false });

console.log(`\n${CONNECTIONS} connection(s), ${SECONDS} s per run, median of ${RUNS} interleaved runs`);
console.log(
  `${'endpoint'.padEnd(44)} ${'median'.padStart(8)} ${'p99'.padStart(8)} ${'req/s'.padStart(8)}  goal < ${GOAL_MS} ms`,
);
for (const { name } of targets) {
  const r = results[name];
  const goal = name.includes('/health') ? '' : r.p50 < GOAL_MS ? 'ok' : 'MISSED';
  console.log(
    `${name.padEnd(44)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(8)} ${r.rps.toFixed(0).padStart(8)}  ${goal}${r.errors ? ` (${r.errors} errors)` : ''}`,
  );
}
