import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import { describe } from 'vitest';
import { createApp } from '../../src/app.setup';
import { JOBS_QUEUE } from '../../src/queue/bull-job-queue';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';

/** Variables the app reads; cleared before each boot so the outer shell cannot leak into a test. */
const APP_VARIABLES = [
  'PORT',
  'HOST',
  'APP_ENV',
  'JWT_SECRET',
  'DASHBOARD_SECRET',
  'ADMIN_API_KEY',
  'METRICS_TOKEN',
  'DB_PATH',
  'DB_SCHEMA',
  'GENERATED_APPS_DIR',
  'CORS_ORIGINS',
  'JOB_QUEUE_BACKEND',
  'QUEUE_PREFIX',
  'QUEUE_LOCK_MS',
  'CPU_POOL_THREADS',
  'QUEUE_ENQUEUE_TIMEOUT_MS',
  'RUN_WORKER',
  'LLM_PROVIDER',
  'LLM_API_KEY',
  'LLM_BASE_URL',
  'LLM_MODEL',
  'LLM_TIMEOUT_MS',
  'LLM_MAX_RETRIES',
  'LLM_RETRY_BASE_MS',
  // Built-in providers' keys: a developer's real keys must not reach a test (or its fake servers).
  'OPENROUTER_API_KEY',
  'OPENAI_API_KEY',
  'DEEPSEEK_API_KEY',
  'GROQ_API_KEY',
  'TOGETHER_API_KEY',
  'FIREWORKS_API_KEY',
  'XAI_API_KEY',
  'GEMINI_API_KEY',
  'HITL_SWEEP_MS',
  'SSE_HEARTBEAT_MS',
  'SSE_MAX_PER_TOKEN',
  'FLUTTER_BIN',
  'ENV_FILE',
  'LOG_LEVEL',
  'LOG_REQUESTS',
  'LOG_FORMAT',
  'TRUST_PROXY',
  'DAILY_COST_LIMIT',
  'FALLBACK_SMART_MODEL',
  'MAX_REPAIR_ATTEMPTS',
  'MAX_PARALLEL_JOBS',
  'HITL_CHECKPOINTS',
  'HITL_TIMEOUT_MINUTES',
  'JOB_TIMEOUT_MINUTES',
  'TOKEN_RATE_LIMIT',
  'JOB_RATE_LIMIT',
];

export type InjectRequest = InjectOptions & {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
};

export interface TestApp {
  app: NestFastifyApplication;
  /** The temp directory holding the database file, `.env` and the workspace. */
  dir: string;
  /** The `.env` file the app reads and mirrors settings into. */
  envFile: string;
  /** The PostgreSQL schema this app lives in (only when DATABASE_URL is set). */
  schema?: string;
  inject(request: InjectRequest): Promise<LightMyRequestResponse>;
  /** Mints a token through `POST /api/auth/token` with the test admin key. */
  tokenFor(role?: 'admin' | 'member' | 'viewer', team?: string): Promise<string>;
  /** Closes the app, drops its schema / queue keys, removes the temp dir and restores process.env. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse this directory (it is then kept on close) — for tests that restart an app on the same data. */
  dir?: string;
  /** Content of the `.env` file written before boot. */
  envFileContent?: string;
  /** Log lines go here instead of stdout (pass LOG_LEVEL too: the default is silent). */
  logDestination?: DestinationStream;
  /** Write the per-request log line (default false). */
  logRequests?: boolean;
}

export const hasPostgres = Boolean(process.env.DATABASE_URL);
export const hasRedis = Boolean(process.env.REDIS_URL);

/** The backend an outer `TEST_QUEUE_BACKEND` selects for apps whose test does not set JOB_QUEUE_BACKEND. */
function outerQueueBackend(): 'bull' | 'thread' | undefined {
  const value = (process.env.TEST_QUEUE_BACKEND ?? '').trim();
  if (!value) return undefined;
  if (value !== 'bull' && value !== 'thread') throw new Error('TEST_QUEUE_BACKEND must be "bull" or "thread"');
  return value;
}

function randomName(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

/** Clean-up must not hang a suite when Redis is gone (ioredis queues commands until it reconnects). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function restoreEnv(snapshot: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in snapshot)) delete process.env[key];
  for (const [key, value] of Object.entries(snapshot)) process.env[key] = value;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Boots the whole app through `createApp()` (the same `configureApp()` as
 * main.ts) on a fresh temp directory: its own SQLite file, `.env` and
 * workspace; its own PostgreSQL schema when DATABASE_URL is set; its own
 * Bull key prefix when `JOB_QUEUE_BACKEND: 'bull'` is asked for.
 *
 * `env` overrides the defaults; an empty string means "unset". Boot apps one
 * at a time: the environment is process-wide.
 */
export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestApp> {
  const snapshot = { ...process.env };
  const ownsDir = !options.dir;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sf-test-')));
  const envFile = join(dir, '.env');
  await writeFile(envFile, options.envFileContent ?? '', { mode: 0o600 });

  const databaseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL ?? '';
  const schema = databaseUrl ? (env.DB_SCHEMA ?? randomName('t_')) : undefined;
  // TEST_QUEUE_BACKEND=bull runs every suite that does not choose a backend on Bull (scale-out CI run).
  const defaultBackend = env.JOB_QUEUE_BACKEND === undefined ? outerQueueBackend() : undefined;
  const bull = (env.JOB_QUEUE_BACKEND ?? defaultBackend) === 'bull';
  if (bull && !(env.REDIS_URL ?? process.env.REDIS_URL)) {
    throw new Error('JOB_QUEUE_BACKEND=bull needs REDIS_URL; wrap the suite in requiresRedis()');
  }

  for (const key of APP_VARIABLES) delete process.env[key];
  const values: Record<string, string> = {
    APP_ENV: 'test',
    DB_PATH: join(dir, 'app.db'),
    GENERATED_APPS_DIR: join(dir, 'generated_apps'),
    ENV_FILE: envFile,
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    // Suites mint many tokens and post many jobs; rate-limit tests lower these explicitly.
    TOKEN_RATE_LIMIT: '100000',
    JOB_RATE_LIMIT: '100000',
    LOG_LEVEL: 'silent',
    LOG_REQUESTS: 'false',
    ...(schema ? { DB_SCHEMA: schema } : {}),
    ...(bull ? { QUEUE_PREFIX: randomName('t_') } : {}),
    ...(defaultBackend ? { JOB_QUEUE_BACKEND: defaultBackend } : {}),
    ...env,
  };
  for (const [key, value] of Object.entries(values)) process.env[key] = value;

  const cleanUp = async (): Promise<void> => {
    try {
      if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    } finally {
      restoreEnv(snapshot);
      if (ownsDir) await rm(dir, { recursive: true, force: true });
    }
  };

  let app: NestFastifyApplication;
  try {
    app = await createApp({ logRequests: options.logRequests ?? false, logDestination: options.logDestination });
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // The boot error is what the caller needs to see, not a clean-up one.
    await cleanUp().catch(() => undefined);
    throw error;
  }

  const inject = ({ token, headers, ...rest }: InjectRequest): Promise<LightMyRequestResponse> =>
    app.inject({
      ...rest,
      headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    } as InjectOptions);

  let closed = false;
  return {
    app,
    dir,
    envFile,
    schema,
    inject,
    async tokenFor(role = 'admin', team = 'default') {
      const res = await inject({
        method: 'POST',
        url: '/api/auth/token',
        headers: { 'x-admin-key': TEST_ADMIN_KEY },
        payload: { team_id: team, role },
      });
      if (res.statusCode !== 200) throw new Error(`tokenFor(${role}, ${team}) got ${res.statusCode}: ${res.body}`);
      return res.json<{ token: string }>().token;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (bull) {
          // Remove every key of this run's queue so runs sharing one Redis leave nothing behind
          // (skipped when Redis is not connected: ioredis would hold the command until it is).
          const queue = app.get<Queue>(getQueueToken(JOBS_QUEUE), { strict: false });
          if (queue.client.status === 'ready') {
            await withTimeout(queue.obliterate({ force: true }), 3_000).catch(() => undefined);
          }
        }
        await app.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

function requiresService(variable: string, service: string, name: string, fn: () => void): void {
  const available = Boolean(process.env[variable]);
  if (!available) {
    console.warn(`[skipped] "${name}": needs ${service}; set ${variable} to run it (.ci/run does).`);
  }
  describe.skipIf(!available)(name, fn);
}

/** A describe block that runs only when DATABASE_URL is set, and says so when skipped. */
export function requiresPostgres(name: string, fn: () => void): void {
  requiresService('DATABASE_URL', 'PostgreSQL', name, fn);
}

/** A describe block that runs only when REDIS_URL is set, and says so when skipped. */
export function requiresRedis(name: string, fn: () => void): void {
  requiresService('REDIS_URL', 'Redis', name, fn);
}
