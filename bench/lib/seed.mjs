// Bulk seeding straight into the API's SQLite file (after its migrations ran): one transaction, prepared
// statements. Deterministic, so every run measures the same data.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST } from './server.mjs';

const require = createRequire(import.meta.url);
const { PHASE_NAMES, PHASE_AGENTS } = require(join(DIST, 'pipeline/phase-names.js'));

export function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` finished jobs with their 13 phases, one a minute up to now, over `teams`. */
export function seedJobs(db, count, teams = ['default']) {
  const job = db.prepare(
    `INSERT INTO jobs (slug, name, description, platform, style, backend, features, checkpoints, status, generator, cost_usd, team_id, created_at, updated_at, cancel_requested)
     VALUES (?, ?, 'seeded', 'android,ios', 'modern', 'none', '["auth","todo list"]', '[]', 'succeeded', 'builtin', 0, ?, ?, ?, 0)`,
  );
  const phase = db.prepare(
    `INSERT INTO job_phases (job_slug, phase, position, agent, status, attempts, outputs) VALUES (?, ?, ?, ?, 'passed', 1, '[]')`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (let j = 0; j < count; j++) {
      const slug = `seed-${j}`;
      const at = new Date(now - (count - j) * 60_000).toISOString();
      job.run(slug, `Seed ${j}`, teams[j % teams.length], at, at);
      for (const [position, name] of PHASE_NAMES.entries()) phase.run(slug, name, position, PHASE_AGENTS[name]);
    }
  })();
}

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

/**
 * `rows` cost records spread evenly over `days` days up to now, oldest first, as the service writes them:
 * ~25 calls per job, each job within a few hours, the job's calls in its team.
 */
export function seedCostRecords(db, rows, { days = 365, teams = ['default'], callsPerJob = 25 } = {}) {
  const insert = db.prepare(
    `INSERT INTO cost_records (created_at, day, job_slug, team_id, phase, agent, provider, model, tokens_in, tokens_out, cost_usd, cost_source, latency_ms, outcome)
     VALUES (?, ?, ?, ?, ?, ?, 'openrouter', ?, ?, ?, ?, 'table', ?, 'ok')`,
  );
  const random = lcg(42);
  const first = Date.now() - days * 86_400_000;
  const step = (days * 86_400_000) / rows;
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const at = new Date(first + Math.floor(i * step)).toISOString();
      const jobIndex = Math.floor(i / callsPerJob);
      const [model, priceIn, priceOut] = MODELS[Math.floor(random() * MODELS.length)];
      const agent = AGENTS[Math.floor(random() * AGENTS.length)];
      const tokensIn = 500 + Math.floor(random() * 4000);
      const tokensOut = 100 + Math.floor(random() * 2000);
      insert.run(
        at,
        at.slice(0, 10),
        random() < 0.02 ? null : `app-${jobIndex}`,
        teams[jobIndex % teams.length],
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
}
