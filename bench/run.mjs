// Benchmarks (npm run bench). Every figure is printed next to a baseline measured in the same run:
// a bare Fastify server for the HTTP routes (bench/http.mjs), idle RSS for memory (bench/memory.mjs),
// the thread backend for Bull workers. HTTP load comes from autocannon in a separate process, medians of
// RUNS (≥ 3) interleaved runs (bench/lib/load.mjs).
// Needs a build (npm run bench does it). Bull figures need Redis (REDIS_URL, default redis://127.0.0.1:6379).
// Sections run in this order; SECTIONS=http,download,memory,jobs picks some (all by default). Each section's
// own knobs are at the top of its file; cost aggregates at scale: npm run bench:costs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { httpBench, printHttp } from './http.mjs';
import { memoryBench, printMemory } from './memory.mjs';

const require = createRequire(import.meta.url);
const { DataSource } = require('typeorm');
const SECTIONS = new Set((process.env.SECTIONS ?? 'http,download,memory,jobs').split(',').map((s) => s.trim()));
const JOBS = Number(process.env.JOBS ?? 12);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_KEY = 'bench-admin-key';
const { PHASE_NAMES: PHASES, PHASE_AGENTS } = require('../dist/pipeline/phase-names.js');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function baseEnv(dir, extra = {}) {
  return {
    APP_ENV: 'test',
    DB_PATH: join(dir, 'app.db'),
    GENERATED_APPS_DIR: join(dir, 'apps'),
    ENV_FILE: join(dir, '.env'),
    ADMIN_API_KEY: ADMIN_KEY,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123',
    LOG_LEVEL: 'silent',
    LOG_REQUESTS: 'false',
    TOKEN_RATE_LIMIT: '100000',
    JOB_RATE_LIMIT: '100000',
    ...extra,
  };
}

/** Boots the built app in this process on a fresh directory. */
async function bootApp(extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sf-bench-'));
  for (const [key, value] of Object.entries(baseEnv(dir, extra))) process.env[key] = value;
  const { createApp } = require('../dist/app.setup.js');
  const app = await createApp({ logRequests: false });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const res = await fetch(`${base}/api/auth/token`, {
    method: 'POST',
    headers: { 'x-admin-key': ADMIN_KEY, 'content-type': 'application/json' },
    body: '{}',
  });
  const { token } = await res.json();
  return {
    app,
    base,
    token,
    dir,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postJobs(base, token, count, label) {
  const slugs = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/api/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Bench ${label} ${i}`,
        description: 'Benchmark app',
        features: 'auth,todo list,profile,chat',
      }),
    });
    if (res.status !== 202) throw new Error(`POST /api/jobs: ${res.status} ${await res.text()}`);
    slugs.push((await res.json()).slug);
  }
  return slugs;
}

async function waitAll(base, token, slugs) {
  const durations = [];
  for (const slug of slugs) {
    for (;;) {
      const job = await (
        await fetch(`${base}/api/jobs/${slug}`, { headers: { authorization: `Bearer ${token}` } })
      ).json();
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        if (job.status !== 'succeeded') throw new Error(`${slug} ${job.status}: ${job.error}`);
        durations.push(Date.parse(job.finished_at) - Date.parse(job.started_at));
        break;
      }
      await sleep(50);
    }
  }
  return durations;
}

/** Builtin jobs per minute on the in-process (thread) backend at a given concurrency. */
async function threadJobsPerMinute(concurrency) {
  const ctx = await bootApp({ MAX_PARALLEL_JOBS: String(concurrency) });
  try {
    const started = Date.now();
    const durations = await waitAll(ctx.base, ctx.token, await postJobs(ctx.base, ctx.token, JOBS, `t${concurrency}`));
    return { perMinute: JOBS / ((Date.now() - started) / 60_000), medianMs: median(durations) };
  } finally {
    await ctx.close();
  }
}

function redisAnswers() {
  const url = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Builtin jobs per minute with an enqueue-only API and N worker processes on Bull (one job slot each). */
async function bullJobsPerMinute(workers) {
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const ctx = await bootApp({
    JOB_QUEUE_BACKEND: 'bull',
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    RUN_WORKER: 'false',
    MAX_PARALLEL_JOBS: '1',
  });
  const children = [];
  try {
    for (let i = 0; i < workers; i++) {
      const child = spawn(process.execPath, ['dist/worker.js'], {
        env: {
          ...process.env,
          ...baseEnv(ctx.dir, { JOB_QUEUE_BACKEND: 'bull', REDIS_URL, QUEUE_PREFIX: prefix, MAX_PARALLEL_JOBS: '1' }),
        },
        stdio: 'ignore',
      });
      children.push(child);
    }
    await sleep(4000); // workers boot
    const started = Date.now();
    const durations = await waitAll(ctx.base, ctx.token, await postJobs(ctx.base, ctx.token, JOBS, `b${workers}`));
    return { perMinute: JOBS / ((Date.now() - started) / 60_000), medianMs: median(durations) };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(500);
    await ctx.close();
  }
}

async function seedJobs(app, count) {
  const ds = app.get(DataSource);
  const now = new Date().toISOString();
  await ds.transaction(async (m) => {
    for (let j = 0; j < count; j++) {
      const slug = `seed-${j}`;
      await m.query(
        `INSERT INTO jobs (slug, name, description, platform, style, backend, features, checkpoints, status, generator, cost_usd, team_id, created_at, updated_at, cancel_requested)
         VALUES (?, ?, 'seeded', 'android,ios', 'modern', 'none', '["auth"]', '[]', 'succeeded', 'builtin', 0, 'default', ?, ?, 0)`,
        [slug, `Seed ${j}`, now, now],
      );
      for (const [position, phase] of PHASES.entries()) {
        await m.query(
          `INSERT INTO job_phases (job_slug, phase, position, agent, status, attempts, outputs) VALUES (?, ?, ?, ?, 'passed', 1, '[]')`,
          [slug, phase, position, PHASE_AGENTS[phase]],
        );
      }
    }
  });
}

/** Streams a 50 MB export through GET /api/jobs/:slug/download; samples the server's RSS meanwhile. */
async function download(ctx) {
  const slug = 'seed-0';
  const dir = join(ctx.dir, 'apps', slug, 'exports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${slug}_source.zip`), randomBytes(50 * 1024 * 1024));
  await ctx.app
    .get(DataSource)
    .query(`UPDATE jobs SET artifact = ? WHERE slug = ?`, [`exports/${slug}_source.zip`, slug]);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = Date.now();
  const res = await fetch(`${ctx.base}/api/jobs/${slug}/download`, {
    headers: { authorization: `Bearer ${ctx.token}` },
  });
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  return { mb: bytes / 2 ** 20, mbPerSecond: bytes / 2 ** 20 / seconds, peakDeltaMb: (peak - before) / 2 ** 20 };
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

// 1. HTTP: the API next to bare Fastify, each in its own process.
if (SECTIONS.has('http')) {
  console.log('\n## HTTP');
  printHttp(await httpBench());
}

// 2. Download: a 50 MB export streamed from disk.
if (SECTIONS.has('download')) {
  console.log('\n## Download');
  const ctx = await bootApp();
  await seedJobs(ctx.app, 1);
  const dl = await download(ctx);
  await ctx.close();
  console.log(
    `download of a ${dl.mb.toFixed(0)} MB export: ${dl.mbPerSecond.toFixed(0)} MB/s, server RSS peak +${dl.peakDeltaMb.toFixed(1)} MB while streaming`,
  );
}

// 3. Memory of the API process: idle, after 1,000 jobs, serving 1,000-row lists.
if (SECTIONS.has('memory')) {
  console.log('\n## Memory');
  printMemory(await memoryBench());
}

// 4. Jobs per minute.
if (!SECTIONS.has('jobs')) process.exit(0);
console.log('\n## Jobs per minute');
const t1 = await threadJobsPerMinute(1);
const t2 = await threadJobsPerMinute(2);
console.log(
  `builtin jobs/min, thread backend: concurrency 1 = ${t1.perMinute.toFixed(1)} (median job ${t1.medianMs} ms), concurrency 2 = ${t2.perMinute.toFixed(1)} (×${(t2.perMinute / t1.perMinute).toFixed(2)}, median ${t2.medianMs} ms)`,
);
if (await redisAnswers()) {
  const b1 = await bullJobsPerMinute(1);
  const b2 = await bullJobsPerMinute(2);
  console.log(
    `builtin jobs/min, Bull: 1 worker = ${b1.perMinute.toFixed(1)} (×${(b1.perMinute / t1.perMinute).toFixed(2)} of thread c=1), 2 workers = ${b2.perMinute.toFixed(1)} (×${(b2.perMinute / b1.perMinute).toFixed(2)} of 1 worker)`,
  );
} else {
  console.log(`Bull figures skipped: Redis does not answer at ${REDIS_URL}`);
}
console.log('cost aggregates over 1,000,000 rows: npm run bench:costs');
process.exit(0);
