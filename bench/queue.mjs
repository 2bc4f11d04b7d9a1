// Queue benchmark (npm run bench:queue): builtin jobs/min of the thread backend (one process, SQLite)
// next to Bull on PostgreSQL (an enqueue-only API and 2 worker processes), and /health latency while
// builtin jobs run on the thread backend. Every server is a child process (dist/main.js, dist/worker.js);
// load and probes come from this process. Medians of RUNS interleaved runs. Next to jobs/min, the CPU ms per job of
// each backend's processes (API, workers, PostgreSQL, Redis; from /proc, Linux): on a machine with few cores the ratio
// of jobs/min is bounded by how much CPU each backend spends per job, which this shows.
// Needs a build (npm run bench:queue does it), Redis (REDIS_URL) and PostgreSQL (DATABASE_URL).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.RUNS ?? 3);
const JOBS = Number(process.env.JOBS ?? 24);
/** max_parallel_jobs of the thread process and of each Bull worker. */
const SLOTS = Number(process.env.SLOTS ?? 2);
const WORKERS = Number(process.env.WORKERS ?? 2);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** What to measure: thread, bull (jobs/min), health (/health p99, pool), inline (the same with CPU_POOL_THREADS=0). */
/** How long each /health probe (100 requests/s) runs: 10 s gives its p99 1,000 samples. */
const PROBE_MS = Number(process.env.PROBE_S ?? 10) * 1000;
const ONLY = (process.env.ONLY ?? 'thread,bull,health,inline').split(',');
/** Extra arguments for every server process, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const ADMIN_KEY = 'bench-admin-key';

/**
 * CPU time (user + system, ms) of a process and all its threads, from /proc (Linux; 0 elsewhere). With it the
 * run reports where each backend spends CPU per job: what the jobs/min ratio cannot show on a small machine.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (CLK_TCK 100)
  } catch {
    return 0;
  }
}

/** CPU ms of a process's main thread alone (its event loop and what runs on it): /proc/<pid>/task/<pid>/stat. */
function mainThreadCpuMs(pid) {
  return cpuMs(`${pid}/task/${pid}`);
}

/** CPU ms of every process whose name starts with `name` (the PostgreSQL server's backends, Redis). */
function cpuOfNamed(name) {
  if (!existsSync('/proc')) return 0;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith(name)) total += cpuMs(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** CPU ms so far of a deployment's processes: its API, its workers, PostgreSQL and Redis (whole servers). */
function cpuSnapshot(d) {
  const [api, ...workers] = d.children;
  return {
    api: cpuMs(api.pid),
    workers: workers.reduce((sum, child) => sum + cpuMs(child.pid), 0),
    postgres: cpuOfNamed('postgres'),
    redis: cpuOfNamed('redis-server'),
    // Not a process group: the part of api + workers spent on their main threads (the rest is the CPU pool and libuv).
    eventLoops: d.children.reduce((sum, child) => sum + mainThreadCpuMs(child.pid), 0),
  };
}

/** CPU ms per job between two snapshots, by process group. */
function cpuPerJob(before, after, jobs) {
  return Object.fromEntries(Object.keys(before).map((key) => [key, (after[key] - before[key]) / jobs]));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One HTTP request; resolves with status, parsed body and the latency in ms (sub-ms precision). */
function call(port, method, path, { token, body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode, body: parsed, ms });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A deployment: a temp dir, its env, and the processes started on it. */
class Deployment {
  constructor({ bull }) {
    this.dir = mkdtempSync(join(tmpdir(), 'sf-bench-queue-'));
    this.children = [];
    this.schema = bull ? `bench_${randomBytes(4).toString('hex')}` : undefined;
    this.prefix = `benchq${randomBytes(4).toString('hex')}`;
    writeFileSync(join(this.dir, '.env'), '');
    this.baseEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      APP_ENV: 'test',
      DB_PATH: join(this.dir, 'app.db'),
      GENERATED_APPS_DIR: join(this.dir, 'apps'),
      ENV_FILE: join(this.dir, '.env'),
      ADMIN_API_KEY: ADMIN_KEY,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123',
      LOG_LEVEL: 'silent',
      LOG_REQUESTS: 'false',
      TOKEN_RATE_LIMIT: '1000000',
      JOB_RATE_LIMIT: '1000000',
      ...(bull
        ? { JOB_QUEUE_BACKEND: 'bull', REDIS_URL, QUEUE_PREFIX: this.prefix, DATABASE_URL, DB_SCHEMA: this.schema }
        : {}),
    };
  }

  spawn(script, extra) {
    const child = spawn(process.execPath, [...NODE_ARGS, script], {
      env: { ...this.baseEnv, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.output = () => output;
    this.children.push(child);
    return child;
  }

  async startApi(extra = {}) {
    const port = await freePort();
    const child = this.spawn('dist/main.js', { ...extra, PORT: String(port), HOST: '127.0.0.1' });
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`API exited: ${child.output()}`);
      const ready = await call(port, 'GET', '/ready').catch(() => undefined);
      if (ready?.status === 200) break;
      if (i > 300) throw new Error(`API not ready: ${child.output()}`);
      await sleep(100);
    }
    const res = await call(port, 'POST', '/api/auth/token', { headers: { 'x-admin-key': ADMIN_KEY }, body: {} });
    return { port, token: res.body.token, child };
  }

  async startWorker(extra = {}) {
    const child = this.spawn('dist/worker.js', { ...extra, LOG_LEVEL: 'info' });
    for (let i = 0; !/consuming the job queue/.test(child.output()); i++) {
      if (child.exitCode !== null) throw new Error(`worker exited: ${child.output()}`);
      if (i > 300) throw new Error(`worker did not start: ${child.output()}`);
      await sleep(100);
    }
    return child;
  }

  async close() {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
    if (this.schema) {
      const { Client } = require('pg');
      const client = new Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
      await client.end();
      const Redis = require('ioredis');
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${this.prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function postJobs(api, count, label) {
  const slugs = [];
  for (let i = 0; i < count; i++) {
    const res = await call(api.port, 'POST', '/api/jobs', {
      token: api.token,
      body: { name: `Bench ${label} ${i}`, description: 'Benchmark app', features: 'auth,todo list,profile,chat' },
    });
    if (res.status !== 202) throw new Error(`POST /api/jobs: ${res.status} ${JSON.stringify(res.body)}`);
    slugs.push(res.body.slug);
  }
  return slugs;
}

async function waitAll(api, slugs) {
  for (const slug of slugs) {
    for (;;) {
      const { body: job } = await call(api.port, 'GET', `/api/jobs/${slug}`, { token: api.token });
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        if (job.status !== 'succeeded') throw new Error(`${slug} ${job.status}: ${job.error}`);
        break;
      }
      await sleep(50);
    }
  }
}

/** Jobs/min of JOBS builtin jobs, and the CPU ms per job each process group of `d` spent on them. */
async function jobsPerMinute(d, api, label) {
  const before = cpuSnapshot(d);
  const started = Date.now();
  await waitAll(api, await postJobs(api, JOBS, label));
  const rate = JOBS / ((Date.now() - started) / 60_000);
  return { rate, cpu: cpuPerJob(before, cpuSnapshot(d), JOBS) };
}

async function threadRun() {
  const d = new Deployment({ bull: false });
  try {
    const api = await d.startApi({ MAX_PARALLEL_JOBS: String(SLOTS) });
    await jobsPerMinute(d, api, 'warm-t'); // warm-up: first parse of the grammar, JIT
    return await jobsPerMinute(d, api, 'thread');
  } finally {
    await d.close();
  }
}

async function bullRun() {
  const d = new Deployment({ bull: true });
  try {
    const api = await d.startApi({ RUN_WORKER: 'false', MAX_PARALLEL_JOBS: String(SLOTS) });
    for (let i = 0; i < WORKERS; i++) await d.startWorker({ MAX_PARALLEL_JOBS: String(SLOTS) });
    await jobsPerMinute(d, api, 'warm-b');
    return await jobsPerMinute(d, api, 'bull');
  } finally {
    await d.close();
  }
}

/** GET /health at a fixed rate for `ms`; latencies in ms. */
async function probe(port, ms, perSecond = 100) {
  const latencies = [];
  const until = Date.now() + ms;
  const pending = [];
  while (Date.now() < until) {
    pending.push(call(port, 'GET', '/health').then((r) => latencies.push(r.ms)));
    await sleep(1000 / perSecond);
  }
  await Promise.all(pending);
  return latencies;
}

const p99 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)];

/**
 * /health p99 idle, then while 4 builtin jobs run (thread backend, max_parallel_jobs 4, the queue kept
 * full); `threads` is CPU_POOL_THREADS (0: the CPU-heavy steps on the event loop, as before the pool).
 */
async function healthRun(threads) {
  const d = new Deployment({ bull: false });
  try {
    const api = await d.startApi({
      MAX_PARALLEL_JOBS: '4',
      ...(threads === undefined ? {} : { CPU_POOL_THREADS: threads }),
    });
    await waitAll(api, await postJobs(api, 4, 'warm-h'));
    await probe(api.port, 1_000);
    const idle = p99(await probe(api.port, PROBE_MS));
    // Enough jobs to keep 4 running for the whole probe (~3 jobs/s here).
    const slugs = await postJobs(api, Math.ceil((PROBE_MS / 1000) * 6), 'load');
    await sleep(300);
    const loaded = p99(await probe(api.port, PROBE_MS));
    await waitAll(api, slugs);
    return { idle, loaded };
  } finally {
    await d.close();
  }
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} interleaved runs, ${JOBS} jobs each, ${SLOTS} slot(s) per process`,
);
const results = { thread: [], bull: [], idle: [], loaded: [], idle0: [], loaded0: [] };
const cpu = { thread: [], bull: [] };
for (let run = 1; run <= RUNS; run++) {
  for (const [backend, runOnce] of [
    ['thread', threadRun],
    ['bull', bullRun],
  ]) {
    if (!ONLY.includes(backend)) continue;
    const { rate, cpu: perJob } = await runOnce();
    results[backend].push(rate);
    cpu[backend].push(perJob);
  }
  if (ONLY.includes('inline')) {
    const inline = await healthRun('0');
    results.idle0.push(inline.idle);
    results.loaded0.push(inline.loaded);
  }
  if (ONLY.includes('health')) {
    const pooled = await healthRun();
    results.idle.push(pooled.idle);
    results.loaded.push(pooled.loaded);
  }
  const f = (values, digits = 0) => values.at(-1)?.toFixed(digits) ?? '-';
  console.log(
    `run ${run}: thread ${f(results.thread)} jobs/min, Bull+PG ${f(results.bull)} jobs/min; /health p99 idle/under 4 jobs: pool ${f(results.idle, 1)}/${f(results.loaded, 1)} ms, no pool ${f(results.idle0, 1)}/${f(results.loaded0, 1)} ms`,
  );
}
if (results.thread.length && results.bull.length) {
  const t = median(results.thread);
  const b = median(results.bull);
  console.log(`builtin jobs/min, thread backend (1 process, SQLite, c=${SLOTS}): ${t.toFixed(0)} (median)`);
  console.log(
    `builtin jobs/min, Bull + PostgreSQL (${WORKERS} workers, c=${SLOTS} each): ${b.toFixed(0)} (median; ×${(b / t).toFixed(2)} of the thread backend)`,
  );
}
for (const backend of ['thread', 'bull']) {
  if (!cpu[backend].length) continue;
  const groups = Object.keys(cpu[backend][0]);
  const parts = groups
    .filter((group) => group !== 'eventLoops')
    .map((group) => [group, median(cpu[backend].map((c) => c[group]))]);
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  const eventLoops = median(cpu[backend].map((c) => c.eventLoops));
  console.log(
    `CPU ms per builtin job, ${backend === 'thread' ? 'thread backend' : 'Bull + PostgreSQL'} (median): ${total.toFixed(0)} = ${parts
      .filter(([, ms]) => ms >= 0.5)
      .map(([group, ms]) => `${group === 'api' && backend === 'thread' ? 'the one process' : group} ${ms.toFixed(0)}`)
      .join(', ')}; of it on the Node processes' main threads ${eventLoops.toFixed(0)}`,
  );
}
for (const [label, idles, loads] of [
  ['CPU steps in the worker-thread pool (default)', results.idle, results.loaded],
  ['CPU steps on the event loop (CPU_POOL_THREADS=0)', results.idle0, results.loaded0],
]) {
  if (idles.length) {
    const idle = median(idles);
    const loaded = median(loads);
    console.log(
      `GET /health p99, ${label}: idle ${idle.toFixed(1)} ms, while 4 builtin jobs run ${loaded.toFixed(1)} ms (×${(loaded / idle).toFixed(2)})`,
    );
  }
}
agent.destroy();
process.exit(0);
