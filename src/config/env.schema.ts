import { z } from 'zod';
import { SETTING_DEFINITIONS } from '../system/settings/setting-definitions';

/**
 * One schema for every variable of `.env.example`: each entry says what the
 * variable accepts, in the words the boot error uses ("LOG_LEVEL must be one
 * of …"). An empty value counts as unset (the default applies).
 */

/** Values never echoed back in an error line. */
const SECRET = /SECRET|_KEY$|PASSWORD|TOKEN$|^DATABASE_URL$|^REDIS_URL$/;

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/** A string rule whose failure message is `<VARIABLE> <message>`. */
function rule(message: string, check: (value: string) => boolean): z.ZodType<string> {
  return z.string().refine(check, { message });
}

function list(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0];
}

function int(min: number, max: number): z.ZodType<string> {
  return rule(
    `must be a whole number from ${min} to ${max}`,
    (v) => /^\d{1,16}$/.test(v) && Number(v) >= min && Number(v) <= max,
  );
}

function oneOf(values: readonly string[]): z.ZodType<string> {
  return rule(`must be one of ${list(values)}`, (v) => values.includes(v));
}

const bool = rule('must be true or false (1/0, yes/no and on/off also work)', (v) =>
  [...TRUE_WORDS, ...FALSE_WORDS].includes(v.toLowerCase()),
);

function url(protocols: readonly string[], what: string): z.ZodType<string> {
  return rule(`must be ${what}`, (v) => {
    try {
      const parsed = new URL(v);
      return protocols.includes(parsed.protocol) && Boolean(parsed.hostname);
    } catch {
      return false;
    }
  });
}

/** Anything non-empty (paths, secrets, keys). */
const text = z.string();

const origin = (v: string): boolean => {
  if (v === '*') return true;
  try {
    const parsed = new URL(v);
    return ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === v.replace(/\/$/, '');
  } catch {
    return false;
  }
};

/** A runtime setting's rule, shared with POST /api/settings. */
function setting(envVar: string): z.ZodType<string> {
  const definition = SETTING_DEFINITIONS.find((d) => d.envVar === envVar)!;
  return z.string().superRefine((value, ctx) => {
    try {
      definition.parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

/** Variable → rule. Provider keys (`<NAME>_API_KEY`) of custom providers are free-form and not listed. */
export const ENV_RULES: Record<string, z.ZodType<string>> = {
  // Server
  PORT: int(1, 65535),
  HOST: rule('must be a host name or IP address (no spaces)', (v) => /^[^\s/]+$/.test(v)),
  APP_ENV: oneOf(['development', 'production', 'test']),
  CORS_ORIGINS: rule('must be * or a comma list of origins like https://app.example.com', (v) =>
    v
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .every(origin),
  ),
  TRUST_PROXY: bool,
  LOG_LEVEL: oneOf(LOG_LEVELS),
  LOG_FORMAT: oneOf(LOG_FORMATS),
  LOG_REQUESTS: bool,
  ENV_FILE: text,
  TOKEN_RATE_LIMIT: int(1, 1_000_000),
  JOB_RATE_LIMIT: int(1, 1_000_000),
  SSE_HEARTBEAT_MS: int(10, 3_600_000),
  SSE_MAX_PER_TOKEN: int(1, 999_999),
  // Auth
  JWT_SECRET: text,
  DASHBOARD_SECRET: text,
  ADMIN_API_KEY: text,
  // A bearer token: one word of printable ASCII (an Authorization header cannot carry it otherwise), long enough not to be guessed.
  METRICS_TOKEN: rule('must be 16-512 printable characters without spaces', (v) => /^[\x21-\x7e]{16,512}$/.test(v)),
  // Database
  DB_PATH: text,
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'a postgres:// or postgresql:// URL'),
  DB_SCHEMA: rule('must be a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters)', (v) =>
    /^[a-z_][a-z0-9_]{0,62}$/.test(v),
  ),
  // Workspace
  GENERATED_APPS_DIR: text,
  FLUTTER_BIN: text,
  // Queue
  JOB_QUEUE_BACKEND: oneOf(['thread', 'bull']),
  REDIS_URL: url(['redis:', 'rediss:'], 'a redis:// or rediss:// URL'),
  QUEUE_PREFIX: rule('must be 1-64 letters, digits, ".", "_", ":" or "-"', (v) => /^[A-Za-z0-9._:-]{1,64}$/.test(v)),
  RUN_WORKER: bool,
  QUEUE_LOCK_MS: int(100, 3_600_000),
  QUEUE_ENQUEUE_TIMEOUT_MS: int(10, 600_000),
  CPU_POOL_THREADS: int(0, 256),
  // LLM
  LLM_PROVIDER: setting('LLM_PROVIDER'),
  LLM_API_KEY: text,
  LLM_BASE_URL: url(['http:', 'https:'], 'an http:// or https:// URL'),
  LLM_MODEL: setting('FALLBACK_SMART_MODEL'),
  LLM_TIMEOUT_MS: int(1, 3_600_000),
  LLM_MAX_RETRIES: int(0, 10),
  LLM_RETRY_BASE_MS: int(0, 600_000),
  // Provider keys
  OPENROUTER_API_KEY: text,
  OPENAI_API_KEY: text,
  DEEPSEEK_API_KEY: text,
  GROQ_API_KEY: text,
  TOGETHER_API_KEY: text,
  FIREWORKS_API_KEY: text,
  XAI_API_KEY: text,
  GEMINI_API_KEY: text,
  // Settings mirrors
  DAILY_COST_LIMIT: setting('DAILY_COST_LIMIT'),
  FALLBACK_SMART_MODEL: setting('FALLBACK_SMART_MODEL'),
  MAX_REPAIR_ATTEMPTS: setting('MAX_REPAIR_ATTEMPTS'),
  MAX_PARALLEL_JOBS: setting('MAX_PARALLEL_JOBS'),
  HITL_CHECKPOINTS: setting('HITL_CHECKPOINTS'),
  HITL_TIMEOUT_MINUTES: setting('HITL_TIMEOUT_MINUTES'),
  HITL_SWEEP_MS: int(10, 3_600_000),
  JOB_TIMEOUT_MINUTES: setting('JOB_TIMEOUT_MINUTES'),
};

/** Trimmed; empty (or not a string) is unset. */
const blankToUndefined = (value: unknown): unknown => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
};

export const envSchema = z.looseObject(
  Object.fromEntries(
    Object.entries(ENV_RULES).map(([name, schema]) => [name, z.preprocess(blankToUndefined, schema.optional())]),
  ),
);

/** How a value is shown in an error line: never a secret, never long, no control characters. */
function shown(name: string, value: unknown): string {
  if (SECRET.test(name) || typeof value !== 'string') return '';
  const clean = value.trim().replace(/[\p{Cc}"]/gu, '?');
  return ` (got "${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}")`;
}

/** Every problem with `raw`, one phrase each ("PORT must be a whole number from 1 to 65535 (got "99999")"). */
export function envProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      problems.push(`${name} ${issue.message}${shown(name, raw[name])}`);
    }
  }
  const value = (name: string): string => (typeof raw[name] === 'string' ? raw[name].trim() : '');
  if ((value('APP_ENV') || 'development') === 'production') {
    const secret = value('JWT_SECRET') || value('DASHBOARD_SECRET');
    if (!secret) problems.push('JWT_SECRET (or DASHBOARD_SECRET) is required in production');
    else if (secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters in production');
    if (!value('ADMIN_API_KEY')) problems.push('ADMIN_API_KEY is required in production');
  }
  return problems;
}

export function isTrue(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return TRUE_WORDS.includes(value.trim().toLowerCase());
}
