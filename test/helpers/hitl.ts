import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app';
import { waitFor } from './jobs';

export interface CheckpointBody {
  id: string;
  job_slug: string;
  team_id: string;
  phase: string;
  kind: 'before_phase' | 'qa_findings' | 'security_blockers';
  action: string;
  reason: string;
  summary: string;
  /** The names older clients (the seed's dashboard) read: the job slug and the summary. */
  task_id: string;
  task_desc: string;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
}

export interface ExperienceBody {
  id: string;
  team_id: string;
  job_slug: string | null;
  agent: string;
  problem: string;
  /** The names older clients read: the job slug and the problem. */
  task_id: string | null;
  task_desc: string;
  solution: string;
  lessons: string[];
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  times_used: number;
}

export interface Grouped<T> {
  pending: T[];
  approved: T[];
  rejected: T[];
  /** Lessons also carry `pending_review` (same as pending). */
  counts: { pending: number; pending_review?: number; approved: number; rejected: number };
}

export interface QueueBody {
  pending: ({ type: 'checkpoint' | 'experience'; id: string } & Record<string, unknown>)[];
  counts: { experiences: number; checkpoints: number };
}

export interface ActivityEntry {
  id: number;
  timestamp: string;
  task_id: string | null;
  agent: string | null;
  action: string;
  status: string;
  details: Record<string, unknown> | string;
  team_id: string;
}

export type Decision = 'approve' | 'reject';
/** `checkpoints` and `experiences` are the typed routes; `hitl` finds the item in either kind. */
export type DecisionRoute = 'checkpoints' | 'experiences' | 'hitl';

async function ok<T>(res: LightMyRequestResponse, what: string): Promise<T> {
  if (res.statusCode !== 200) throw new Error(`${what} got ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

/** A small client for the HITL endpoints of one test app, as one token. */
export class HitlClient {
  constructor(
    readonly t: TestApp,
    readonly token: string,
  ) {}

  withToken(token: string): HitlClient {
    return new HitlClient(this.t, token);
  }

  get(url: string) {
    return this.t.inject({ method: 'GET', url, token: this.token });
  }

  async checkpoints(query = ''): Promise<Grouped<CheckpointBody>> {
    return ok(await this.get(`/api/checkpoints${query}`), 'GET /api/checkpoints');
  }

  async experiences(query = ''): Promise<Grouped<ExperienceBody>> {
    return ok(await this.get(`/api/experiences${query}`), 'GET /api/experiences');
  }

  async queue(): Promise<QueueBody> {
    return ok(await this.get('/api/hitl/queue'), 'GET /api/hitl/queue');
  }

  decide(route: DecisionRoute, id: string, decision: Decision, reason?: string) {
    const query = reason === undefined ? '' : `?reason=${encodeURIComponent(reason)}`;
    return this.t.inject({ method: 'POST', url: `/api/${route}/${id}/${decision}${query}`, token: this.token });
  }

  /** Every checkpoint of a job this token can see, in any status, oldest first. */
  async checkpointsOf(slug: string): Promise<CheckpointBody[]> {
    const all = await this.checkpoints();
    return [...all.pending, ...all.approved, ...all.rejected]
      .filter((c) => c.job_slug === slug)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  async experiencesOf(slug: string): Promise<ExperienceBody[]> {
    const all = await this.experiences();
    return [...all.pending, ...all.approved, ...all.rejected].filter((e) => e.job_slug === slug);
  }

  /** The job's one pending checkpoint (fails when there is none or more than one). */
  async pendingCheckpoint(slug: string): Promise<CheckpointBody> {
    const pending = (await this.checkpoints()).pending.filter((c) => c.job_slug === slug);
    if (pending.length !== 1)
      throw new Error(`${slug}: expected one pending checkpoint, got ${JSON.stringify(pending)}`);
    return pending[0];
  }
}

/** The latest activity entries, newest first (`order=desc`), as GET /api/agents shows them to `token`. */
export async function activityEntries(t: TestApp, token: string, limit = 500): Promise<ActivityEntry[]> {
  return ok(await t.inject({ method: 'GET', url: `/api/agents?limit=${limit}&order=desc`, token }), 'GET /api/agents');
}

/** Activity entries are appended asynchronously: polls until one matches. */
export function waitForActivity(
  t: TestApp,
  token: string,
  what: string,
  match: (entry: ActivityEntry) => boolean,
  timeoutMs = 10_000,
): Promise<ActivityEntry> {
  return waitFor(what, async () => (await activityEntries(t, token)).find(match), timeoutMs);
}

export async function updateSettings(
  t: TestApp,
  admin: string,
  changes: Record<string, unknown>,
): Promise<Record<string, string>> {
  return ok(
    await t.inject({ method: 'POST', url: '/api/settings', token: admin, payload: changes }),
    'POST /api/settings',
  );
}

export async function getSettings(t: TestApp, token: string): Promise<Record<string, string>> {
  return ok(await t.inject({ method: 'GET', url: '/api/settings', token }), 'GET /api/settings');
}

/** Absolute path of a file in a job's generated project. */
export function sourcePath(t: TestApp, slug: string, file: string): string {
  return join(t.dir, 'generated_apps', slug, 'source', file);
}

/** Writes (or overwrites) a file in a job's generated project. */
export async function plant(t: TestApp, slug: string, file: string, content: string): Promise<void> {
  const path = sourcePath(t, slug, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/**
 * Closes an app but keeps its data for a restart on the same `dir`: on
 * PostgreSQL `close()` would drop the schema, so only the Nest app is closed
 * and process.env is restored by hand. The next app must be started with
 * `DB_SCHEMA: t.schema`, and `dropSchema` called at the end.
 */
export async function closeKeepingData(t: TestApp, envBefore: NodeJS.ProcessEnv): Promise<void> {
  if (!t.schema) return t.close();
  await t.app.close();
  for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
  Object.assign(process.env, envBefore);
}

export async function dropSchema(schema: string | undefined): Promise<void> {
  if (!schema || !process.env.DATABASE_URL) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
