// Cost aggregates at scale (npm run bench:costs; needs a build): 1,000,000 cost records in a temp SQLite
// database, then the latency of /api/kpis, /api/costs, /api/costs/summary and /api/costs/daily next to
// /health — the API in its own process, autocannon in another, medians of interleaved runs.
// The rows are written as an older version would have left them (no roll-ups), so the boot after seeding
// runs the roll-up migration's back-fill; its time is reported too.
// Then, less noisy on a shared machine: single requests one after another (median latency and the
// server's CPU ms per request, from /proc), the same right after a new call was recorded by another
// process (the per-job figures are then recomputed), and the SQL of the per-job sums alone.
// Knobs: ROWS=1000000 (cost records), JOBS=2000 (distinct jobs they belong to), SECONDS=4 per run,
// RUNS=3 interleaved rounds, CONNECTIONS=1 (SQLite answers one query at a time: more connections add queueing),
// SINGLE=40 single requests per figure.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { interleaved, RUNS, SECONDS } from './lib/load.mjs';
import { openDatabase, startServer } from './lib/server.mjs';
import { seedCostRecords } from './lib/seed.mjs';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const JOBS = Number(process.env.JOBS ?? 2000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 1);
const TEAMS = ['default', 'team-a', 'team-b', 'team-c', 'team-d'];
const SINGLE = Number(process.env.SINGLE ?? 40);
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
db.exec(`DROP TABLE cost_daily_rollups; DROP TABLE cost_agent_rollups; DROP TABLE cost_job_totals;
         DELETE FROM migrations WHERE name IN ('CostRollups1764900300100', 'CostJobTotals1764900300500');`);
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

// 4. Single requests, one after another: wall time and the server's CPU time per request.
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** utime + stime of the server process, in ms (clock ticks of 10 ms: read over many requests). */
const serverCpuMs = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
async function single(target, beforeEach = () => {}) {
  const walls = [];
  let cpu = 0;
  for (let i = 0; i < SINGLE + 3; i++) {
    beforeEach();
    const cpuBefore = serverCpuMs();
    const started = performance.now();
    const res = await fetch(target.url, { headers: target.headers });
    await res.arrayBuffer();
    if (i < 3) continue; // warm-up
    walls.push(performance.now() - started);
    cpu += serverCpuMs() - cpuBefore;
  }
  return { wall: median(walls), cpu: cpu / SINGLE };
}
const sequential = [];
for (const target of targets) sequential.push([target.name, await single(target)]);

// 5. The same after each new call, recorded as a worker process records it (its own connection, roll-ups in
// the same transaction): the per-job figures are recomputed from the roll-ups for that request.
const live = openDatabase(dir);
const copyLast = live.transaction(() => {
  const r = live.prepare('SELECT * FROM cost_records ORDER BY id DESC LIMIT 1').get();
  live
    .prepare(
      `INSERT INTO cost_records (created_at, day, job_slug, team_id, phase, agent, provider, model, tokens_in, tokens_out, cost_usd, cost_source, latency_ms, outcome)
       VALUES (@created_at, @day, @job_slug, @team_id, @phase, @agent, @provider, @model, @tokens_in, @tokens_out, @cost_usd, @cost_source, @latency_ms, @outcome)`,
    )
    .run(r);
  const add =
    'cost_usd = cost_usd + @cost_usd, tokens_in = tokens_in + @tokens_in, tokens_out = tokens_out + @tokens_out, calls = calls + 1';
  live
    .prepare(
      `UPDATE cost_daily_rollups SET ${add} WHERE team_id = @team_id AND day = @day AND agent = @agent AND provider = @provider AND model = @model`,
    )
    .run(r);
  live
    .prepare(
      `UPDATE cost_agent_rollups SET ${add} WHERE team_id = @team_id AND agent = @agent AND provider = @provider AND model = @model`,
    )
    .run(r);
  live.prepare(`UPDATE cost_job_totals SET ${add} WHERE team_id = @team_id AND job_slug = @job_slug`).run(r);
});
const afterCall = [];
for (const target of targets.filter((t) => t.name.startsWith('GET /api/costs ('))) {
  afterCall.push([`${target.name} after a new call`, await single(target, copyLast)]);
}

// 6. The SQL of the per-job sums alone (what a request after a new call runs on top of the cached path).
const jobSums = (where) =>
  live.prepare(
    `SELECT job_slug AS key, COALESCE(SUM(cost_usd), 0) AS cost, COALESCE(SUM(tokens_in), 0) AS tokens_in,
            COALESCE(SUM(tokens_out), 0) AS tokens_out, COALESCE(SUM(calls), 0) AS calls
     FROM cost_job_totals ${where} GROUP BY job_slug`,
  );
const sqlAlone = [
  ['per-job sums, all teams', jobSums(''), []],
  ['per-job sums, one team', jobSums('WHERE team_id = ?'), ['team-a']],
].map(([name, statement, params]) => {
  const times = [];
  for (let i = 0; i < SINGLE + 3; i++) {
    const started = performance.now();
    statement.all(...params);
    if (i >= 3) times.push(performance.now() - started);
  }
  return [name, median(times)];
});
live.close();
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

console.log(`\nsingle requests, one after another: median of ${SINGLE}; server CPU from /proc/<pid>/stat`);
console.log(`${'request'.padEnd(60)} ${'median'.padStart(9)} ${'CPU/req'.padStart(9)}`);
for (const [name, r] of [...sequential, ...afterCall]) {
  console.log(`${name.padEnd(60)} ${`${r.wall.toFixed(1)} ms`.padStart(9)} ${`${r.cpu.toFixed(1)} ms`.padStart(9)}`);
}
console.log(`\nSQL alone (better-sqlite3 in this process, median of ${SINGLE})`);
for (const [name, ms] of sqlAlone) console.log(`${name.padEnd(60)} ${`${ms.toFixed(2)} ms`.padStart(9)}`);
