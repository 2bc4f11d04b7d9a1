// HTTP throughput next to bare Fastify (npm run bench runs it; alone: node bench/http.mjs after a build).
// The API and a bare Fastify server (bench/lib/bare-server.mjs) each run in their own process on the same
// SQLite file of LIST_JOBS seeded jobs; autocannon runs in a third; medians of RUNS interleaved runs.
// Knobs: LIST_JOBS=10000, SECONDS, RUNS, CONNECTIONS=10.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { interleaved, RUNS, SECONDS } from './lib/load.mjs';
import { openDatabase, startBareServer, startServer } from './lib/server.mjs';
import { seedJobs } from './lib/seed.mjs';

const LIST_JOBS = Number(process.env.LIST_JOBS ?? 10_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);

export async function httpBench() {
  let server = await startServer();
  const { dir } = server;
  const headers = { authorization: `Bearer ${await server.token({ role: 'admin' })}` };
  await server.stop({ keepDir: true });
  const db = openDatabase(dir);
  seedJobs(db, LIST_JOBS, ['default', 'team-a']);
  db.pragma('optimize');
  db.close();
  server = await startServer({ dir });
  const bare = await startBareServer(join(dir, 'app.db'));
  try {
    // A cursor near the end of the list, for a deep keyset page next to the same page by offset.
    const deep = Math.max(0, LIST_JOBS - 1000);
    const before = await fetch(`${server.base}/api/jobs?limit=100&offset=${deep - 100}`, { headers });
    const cursor = before.headers.get('x-next-cursor');
    const targets = [
      { name: 'bare hello', url: `${bare.base}/hello` },
      { name: 'health', url: `${server.base}/health` },
      { name: 'me', url: `${server.base}/api/auth/me`, headers },
      { name: 'bare jobs', url: `${bare.base}/jobs?limit=100` },
      { name: 'jobs', url: `${server.base}/api/jobs?limit=100`, headers },
      { name: 'jobs offset', url: `${server.base}/api/jobs?limit=100&offset=${deep}`, headers },
      { name: 'jobs after', url: `${server.base}/api/jobs?limit=100&after=${cursor}`, headers },
    ].map((t) => ({ ...t, connections: CONNECTIONS }));
    return { jobs: LIST_JOBS, deep, results: await interleaved(targets) };
  } finally {
    await bare.stop();
    await server.stop({ keepDir: false });
  }
}

export function printHttp({ jobs, deep, results: r }) {
  const line = (label, x, note = '') =>
    console.log(
      `${label.padEnd(52)} ${x.rps.toFixed(0).padStart(7)} req/s  p99 ${String(x.p99).padStart(4)} ms${note ? `  ${note}` : ''}${x.errors ? `  (${x.errors} errors)` : ''}`,
    );
  const ratio = (a, b) => (a.rps / b.rps).toFixed(2);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per run, median of ${RUNS} interleaved runs`);
  line('bare Fastify hello-world', r['bare hello']);
  line('GET /health', r.health, `×${ratio(r.health, r['bare hello'])} of bare hello`);
  line('GET /api/auth/me', r.me, `×${ratio(r.me, r.health)} of /health (goal ≥ 0.6)`);
  line(`bare Fastify: page of 100 of ${jobs.toLocaleString('en')} jobs`, r['bare jobs']);
  line(
    `GET /api/jobs?limit=100 (${jobs.toLocaleString('en')} jobs)`,
    r.jobs,
    `×${ratio(r.jobs, r['bare jobs'])} of bare (goal ≥ 0.5)`,
  );
  line(
    `GET /api/jobs?limit=100&offset=${deep.toLocaleString('en')}`,
    r['jobs offset'],
    `×${ratio(r['jobs offset'], r.jobs)} of the first page`,
  );
  line(
    `GET /api/jobs?limit=100&after=<cursor at ${deep.toLocaleString('en')}>`,
    r['jobs after'],
    `×${ratio(r['jobs after'], r.jobs)} of the first page`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printHttp(await httpBench());
