// Benchmarks (npm run bench): figures are ratios against baselines measured in the same run.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'sf-bench-'));
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
const { createApp } = require('../dist/app.setup.js');
const { DataSource } = require('typeorm');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function load(url, headers = {}, seconds = 5) {
  const result = await autocannon({ url, connections: 20, duration: seconds, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function jobsPerMinute(app, token, base, concurrency, count) {
  await fetch(`${base}/api/settings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ max_parallel_jobs: String(concurrency) }),
  });
  await new Promise((r) => setTimeout(r, 2100)); // settings cache TTL
  const started = Date.now();
  const slugs = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/api/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `Bench c${concurrency} ${i}`,
        description: 'Benchmark app',
        features: 'auth,todo list,profile,chat',
      }),
    });
    slugs.push((await res.json()).slug);
  }
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
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const minutes = (Date.now() - started) / 60_000;
  return { perMinute: count / minutes, medianMs: median(durations) };
}

async function seedJobs(app, count) {
  const ds = app.get(DataSource);
  const phases = [
    'create',
    'ba',
    'backend',
    'architect',
    'uiux',
    'dev',
    'qa',
    'refactor',
    'repair',
    'runtime',
    'security',
    'reviewer',
    'export',
  ];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i += 100) {
    await ds.transaction(async (m) => {
      for (let j = i; j < Math.min(i + 100, count); j++) {
        const slug = `seed-${j}`;
        await m.query(
          `INSERT INTO jobs (slug, name, description, platform, style, backend, features, checkpoints, status, generator, cost_usd, team_id, created_at, updated_at, cancel_requested)
           VALUES (?, ?, 'seeded', 'android,ios', 'modern', 'none', '["auth"]', '[]', 'succeeded', 'builtin', 0, 'default', ?, ?, 0)`,
          [slug, `Seed ${j}`, now, now],
        );
        for (const [position, phase] of phases.entries()) {
          await m.query(
            `INSERT INTO job_phases (job_slug, phase, position, agent, status, attempts, outputs) VALUES (?, ?, ?, ?, 'passed', 1, '[]')`,
            [slug, phase, position, `${phase}_agent`],
          );
        }
      }
    });
  }
}

const app = await createApp({ logRequests: false });
await app.listen(0, '127.0.0.1');
const base = await app.getUrl();
const token = (
  await (
    await fetch(`${base}/api/auth/token`, {
      method: 'POST',
      headers: { 'x-admin-key': 'bench-admin-key', 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()
).token;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const c1 = await jobsPerMinute(app, token, base, 1, 12);
const c2 = await jobsPerMinute(app, token, base, 2, 12);
console.log(
  `builtin jobs/min (thread backend): concurrency 1 = ${c1.perMinute.toFixed(1)}, concurrency 2 = ${c2.perMinute.toFixed(1)} (×${(c2.perMinute / c1.perMinute).toFixed(2)}); median job ${c1.medianMs} ms / ${c2.medianMs} ms`,
);

await seedJobs(app, 1000);
const health = await load(`${base}/health`);
const list = await load(`${base}/api/jobs?limit=100`, { authorization: `Bearer ${token}` });
console.log(`GET /health: ${health.rps.toFixed(0)} req/s, p99 ${health.p99} ms`);
console.log(
  `GET /api/jobs (1,000+ jobs, page of 100): ${list.rps.toFixed(0)} req/s, p99 ${list.p99} ms (${((list.rps / health.rps) * 100).toFixed(1)}% of /health)`,
);
if (health.errors || list.errors) console.log(`errors: health ${health.errors}, list ${list.errors}`);

await app.close();
rmSync(dir, { recursive: true, force: true });
