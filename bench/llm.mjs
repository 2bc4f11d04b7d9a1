// The LLM pipeline against a scripted model (bench/scripted-llm.mjs): a 6- and a 12-feature job, first with a
// tidy model, then with every sloppiness on (extra files, fenced JSON, truncated replies, one broken file).
// Per job: requests, prompt and completion tokens, cost at gpt-4o prices, repairs, whether it succeeded.
// Run `npm run bench:llm` (builds first).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScriptedLlm } from './scripted-llm.mjs';

const require = createRequire(import.meta.url);
/** gpt-4o list prices, USD per 1M tokens. */
const PRICE = { input: 2.5, output: 10 };
const SPECS = [
  { features: ['Sign in', 'Expenses', 'Spending chart', 'Notes', 'Map of shops', 'Chat with support'] },
  {
    features: [
      'Sign in',
      'Expenses',
      'Spending chart',
      'Notes',
      'Map of shops',
      'Chat with support',
      'Calendar of bills',
      'Search',
      'Savings timer',
      'Receipt scanner',
      'Checkout',
      'Profile',
    ],
  },
];
const MODES = [
  ['tidy', {}],
  ['sloppy', { extra: true, fenced: true, truncate: true, broken: true }],
];

const dir = mkdtempSync(join(tmpdir(), 'sf-bench-llm-'));
const model = await new ScriptedLlm().start();
Object.assign(process.env, {
  APP_ENV: 'test',
  DB_PATH: join(dir, 'app.db'),
  GENERATED_APPS_DIR: join(dir, 'apps'),
  ENV_FILE: join(dir, '.env'),
  ADMIN_API_KEY: 'bench-admin-key',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123',
  LOG_LEVEL: 'silent',
  LOG_REQUESTS: 'false',
  JOB_QUEUE_BACKEND: 'thread',
  LLM_PROVIDER: 'openai',
  OPENAI_API_KEY: 'sk-bench',
  LLM_BASE_URL: model.baseUrl,
  LLM_MODEL: 'gpt-4o',
  LLM_MAX_RETRIES: '0',
  DAILY_COST_LIMIT: '1000',
});
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;
const { createApp } = require('../dist/app.setup.js');

const app = await createApp({ logRequests: false });
await app.listen(0, '127.0.0.1');
const base = await app.getUrl();
const token = (
  await (
    await fetch(`${base}/api/auth/token`, {
      method: 'POST',
      headers: { 'x-admin-key': 'bench-admin-key', 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    })
  ).json()
).token;
const api = async (method, url, body) => {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
};

async function runJob(slug, features) {
  await api('POST', '/api/jobs', {
    slug,
    name: `Bench ${slug}`,
    description: 'Track spending and bills',
    features,
    backend: 'firebase',
  });
  for (;;) {
    const job = await api('GET', `/api/jobs/${slug}`);
    if (['succeeded', 'failed', 'cancelled', 'waiting_approval'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const rows = [];
for (const [mode, sloppy] of MODES) {
  model.sloppy = sloppy;
  for (const spec of SPECS) {
    const slug = `bench-${mode}-${spec.features.length}`;
    const job = await runJob(slug, spec.features);
    const stats = model.statsFor(slug);
    const cost = (stats.promptTokens * PRICE.input + stats.completionTokens * PRICE.output) / 1e6;
    rows.push({
      mode,
      features: spec.features.length,
      requests: stats.requests,
      dev: stats.phases.dev ?? 0,
      repairs: (stats.phases.refactor ?? 0) + (stats.phases.repair ?? 0),
      truncated: stats.truncated,
      promptTokens: stats.promptTokens,
      completionTokens: stats.completionTokens,
      perFeature: Math.round(stats.promptTokens / spec.features.length),
      cost,
      jobCost: job.cost_usd,
      promptByPhase: stats.promptByPhase,
      status: job.status,
      error: job.error,
    });
  }
}

console.log(
  `| mode | features | requests (dev) | repair requests | cut replies | prompt tokens | per feature | completion tokens | cost at gpt-4o | job | `,
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.mode} | ${r.features} | ${r.requests} (${r.dev}) | ${r.repairs} | ${r.truncated} | ${r.promptTokens.toLocaleString('en')} | ${r.perFeature.toLocaleString('en')} | ${r.completionTokens.toLocaleString('en')} | $${r.cost.toFixed(3)} | ${r.status}${r.error ? ` (${r.error.slice(0, 160)})` : ''} |`,
  );
}

if (process.env.BENCH_DETAIL)
  for (const r of rows) console.log(r.mode, r.features, `recorded $${r.jobCost}`, JSON.stringify(r.promptByPhase));

await app.close();
await model.stop();
rmSync(dir, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.status === 'succeeded') ? 0 : 1;
