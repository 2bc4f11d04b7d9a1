// Memory of the API process (npm run bench runs it; alone: node bench/memory.mjs after a build).
// RSS of the server (its own process, node --expose-gc) after a full GC: idle, after MEM_JOBS builtin jobs,
// and while serving 1,000-row job lists (autocannon from another process; peak sampled from /proc).
// "Settled" is measured again SETTLE_S later: the CPU pool's idle threads (bounded by CPU_POOL_THREADS) end
// after 60 s, so the first figure includes them and the settled one shows what the jobs left behind.
// The server gets the allocator settings `npm start` gives it (the VAR=${VAR:-value} prefix of the "start:prod"
// script, so they are written down once); MEM_MALLOC=glibc runs it on glibc's defaults instead, for comparison.
// Knobs: MEM_JOBS=1000, MEM_PARALLEL=2 (MAX_PARALLEL_JOBS), SETTLE_S=65, SECONDS (load per run), MEM_MALLOC.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cannon, SECONDS } from './lib/load.mjs';
import { openDatabase, startServer } from './lib/server.mjs';
import { seedJobs } from './lib/seed.mjs';

const MEM_JOBS = Number(process.env.MEM_JOBS ?? 1000);
const MEM_PARALLEL = process.env.MEM_PARALLEL ?? '2';
const SETTLE_S = Number(process.env.SETTLE_S ?? 65);
const MB = 2 ** 20;
const LIST_ROWS = 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `NAME=${NAME:-value}` settings the "start:prod" script puts before `node` (glibc's malloc tunables). */
export function startScriptEnv() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const script = pkg.scripts['start:prod'];
  const prefix = script.slice(0, script.indexOf('node '));
  return Object.fromEntries(
    [...prefix.matchAll(/(\w+)=\$\{\1:-([^}]*)\}/g)].map((m) => [m[1], process.env[m[1]] ?? m[2]]),
  );
}
const MALLOC_ENV = process.env.MEM_MALLOC === 'glibc' ? {} : startScriptEnv();

async function total(server, headers, query) {
  const res = await fetch(`${server.base}/api/jobs?limit=1&${query}`, { headers });
  return Number(res.headers.get('x-total-count'));
}

/** Posts `count` builtin jobs (a few at a time) and waits until none is queued or running. */
async function runJobs(server, headers, count) {
  let posted = 0;
  const post = async () => {
    while (posted < count) {
      posted += 1;
      const res = await fetch(`${server.base}/api/jobs`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Memory ${posted}`,
          description: 'Memory benchmark app',
          features: 'auth,todo list,profile,chat',
        }),
      });
      if (res.status !== 202) throw new Error(`POST /api/jobs: ${res.status} ${await res.text()}`);
      // Keep the queue short: the point is what finished jobs leave behind, not a backlog.
      while ((await total(server, headers, 'status=queued')) > 4) await sleep(50);
    }
  };
  await Promise.all([post(), post()]);
  for (;;) {
    const open =
      (await total(server, headers, 'status=queued')) +
      (await total(server, headers, 'status=running')) +
      (await total(server, headers, 'status=cancel_requested'));
    if (open === 0) break;
    await sleep(200);
  }
  return {
    succeeded: await total(server, headers, 'status=succeeded'),
    failed: await total(server, headers, 'status=failed'),
  };
}

export async function memoryBench() {
  const server = await startServer({ env: { MAX_PARALLEL_JOBS: MEM_PARALLEL, ...MALLOC_ENV } });
  try {
    const headers = { authorization: `Bearer ${await server.token({ role: 'admin' })}` };
    // Warm every route the run uses once, so lazily loaded code is not counted as growth.
    await fetch(`${server.base}/api/jobs?limit=1000`, { headers });
    await sleep(1000);
    const idle = await server.memoryAfterGc();

    const started = Date.now();
    const outcome = await runJobs(server, headers, MEM_JOBS);
    const jobsSeconds = (Date.now() - started) / 1000;
    await sleep(1000);
    const afterJobs = await server.memoryAfterGc();
    await sleep(SETTLE_S * 1000);
    const settled = await server.memoryAfterGc();

    // The lists below are 1,000 rows whatever MEM_JOBS is: seed the missing jobs.
    if (MEM_JOBS < LIST_ROWS) {
      const db = openDatabase(server.dir);
      seedJobs(db, LIST_ROWS - MEM_JOBS);
      db.close();
    }
    let peak = server.rss();
    const samples = [];
    const sampler = setInterval(() => {
      const rss = server.rss();
      samples.push(rss);
      peak = Math.max(peak, rss);
    }, 100);
    const list = await cannon(`${server.base}/api/jobs?limit=1000`, { headers, connections: 10 });
    clearInterval(sampler);
    samples.sort((a, b) => a - b);
    const afterLoad = await server.memoryAfterGc();
    return {
      malloc: MALLOC_ENV,
      jobs: MEM_JOBS,
      jobsSeconds,
      outcome,
      idle,
      afterJobs,
      settled,
      underLoad: {
        median: samples[Math.floor(samples.length / 2)],
        peak,
        rps: list.rps,
        p99: list.p99,
        errors: list.errors,
      },
      afterLoad,
    };
  } finally {
    await server.stop();
  }
}

export function printMemory(m) {
  const mb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;
  const growth = (x) =>
    `${mb(x.rss)} (+${mb(x.rss - m.idle.rss)} over idle; heap +${mb(x.heapUsed - m.idle.heapUsed)}, external +${mb(x.external - m.idle.external)})`;
  const malloc = Object.entries(m.malloc).map(([name, value]) => `${name}=${value}`);
  console.log(
    `RSS after GC, idle: ${mb(m.idle.rss)} (heap ${mb(m.idle.heapUsed)}, external ${mb(m.idle.external)}; malloc: ${malloc.join(' ') || 'glibc defaults'})`,
  );
  console.log(
    `RSS after GC, after ${m.jobs} builtin jobs (${m.outcome.succeeded} succeeded, ${m.outcome.failed} failed, ${m.jobsSeconds.toFixed(0)} s): ${growth(m.afterJobs)}`,
  );
  console.log(
    `RSS after GC, settled ${SETTLE_S} s later: ${growth(m.settled)} — goal within 30 MB of idle: ${m.settled.rss - m.idle.rss <= 30 * MB ? 'ok' : 'MISSED'}`,
  );
  console.log(
    `RSS serving GET /api/jobs?limit=1000 (10 connections, ${SECONDS} s, ${m.underLoad.rps.toFixed(0)} req/s, p99 ${m.underLoad.p99} ms): median ${mb(m.underLoad.median)}, peak ${mb(m.underLoad.peak)}; after GC ${mb(m.afterLoad.rss)}${m.underLoad.errors ? ` (${m.underLoad.errors} errors)` : ''}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printMemory(await memoryBench());
