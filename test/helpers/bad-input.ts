import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AgentConfig } from '../../src/agents/agent-config.entity';
import { Checkpoint } from '../../src/hitl/checkpoint.entity';
import { Experience } from '../../src/hitl/experience.entity';
import { JobPhase } from '../../src/jobs/job-phase.entity';
import { Job } from '../../src/jobs/job.entity';
import { Project } from '../../src/projects/project.entity';
import { ProviderRecord } from '../../src/providers/provider-record.entity';
import { Setting } from '../../src/system/settings/setting.entity';
import { startApp, TEST_ADMIN_KEY, type InjectRequest, type TestApp } from './app';

/*
 * Shared pieces of the bad-input suites (test/bad-input*.e2e-spec.ts): an app
 * booted with a known JWT secret and no job worker, the table of every write
 * route, fast-check generators for hostile bodies / path segments / query
 * strings, the response checks (no 5xx, `{ detail }` errors, no stack, path or
 * secret) and a digest of the tables a rejected request must leave alone.
 */

/** Passed as JWT_SECRET; must never appear in a response. */
export const BAD_INPUT_JWT_SECRET = `bad-input-jwt-secret-${randomBytes(16).toString('hex')}`;

export const BODY_LIMIT = 1024 * 1024;

/**
 * Boots the app for hostile input: a known JWT secret, and no in-process
 * worker, so accepted jobs stay queued (nothing runs behind the test's back and
 * the tables change only through the requests the test sends). LLM calls (agent
 * test, provider test) fail fast instead of retrying.
 */
export function startBadInputApp(): Promise<TestApp> {
  return startApp({
    JWT_SECRET: BAD_INPUT_JWT_SECRET,
    RUN_WORKER: 'false',
    LLM_MAX_RETRIES: '0',
    LLM_RETRY_BASE_MS: '1',
    LLM_TIMEOUT_MS: '2000',
  });
}

// ---------------------------------------------------------------------------
// Responses

export interface SentRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

/** Stack frames and source locations; `node_modules` is checked on its own. */
const STACK_PATTERNS: RegExp[] = [
  /\bat [^\n"]*\.(?:[cm]?[jt]s):\d+/,
  /\\n\s+at /,
  /\n\s+at /,
  /\.ts:\d+/,
  /node_modules/,
];

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Everything the client itself sent, so an echo of its own input is not counted as a leak. */
function requestText(sent: SentRequest): string {
  const payload = typeof sent.payload === 'string' ? sent.payload : (sent.payload?.toString('utf8') ?? '');
  let jsonDecoded = '';
  try {
    jsonDecoded = JSON.stringify(JSON.parse(payload));
  } catch {
    // not JSON
  }
  return [sent.url, safeDecode(sent.url), JSON.stringify(sent.headers ?? {}), payload, jsonDecoded].join('\n');
}

/** Absolute paths a response must never show (unless the client sent them). */
export function forbiddenPaths(t: TestApp): string[] {
  return [t.dir, t.envFile, process.cwd(), '/work/', `${tmpdir()}/`, '/tmp/'];
}

/** Secret values a response must never show, whatever the client sent. */
export function secrets(): string[] {
  return [TEST_ADMIN_KEY, BAD_INPUT_JWT_SECRET];
}

/**
 * What is wrong with a response to hostile input: a 5xx, an error body that is
 * not JSON `{ detail: string }`, a stack trace, an absolute server path or a
 * secret. Empty when all is well.
 */
export function responseProblems(t: TestApp, res: LightMyRequestResponse, sent: SentRequest): string[] {
  const problems: string[] = [];
  const body = res.body;
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode} (5xx)`);
  if (res.statusCode >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    if (!/application\/json/.test(type)) problems.push(`error content-type is "${type}", not JSON`);
    let parsed: { detail?: unknown } | null = null;
    let isJson = true;
    try {
      parsed = JSON.parse(body) as { detail?: unknown } | null;
    } catch {
      isJson = false;
      problems.push('error body is not JSON');
    }
    if (isJson && typeof parsed?.detail !== 'string') problems.push('error body has no string "detail"');
  }
  const input = requestText(sent);
  for (const secret of secrets()) if (body.includes(secret)) problems.push('a secret value is in the response');
  for (const path of forbiddenPaths(t)) {
    if (body.includes(path) && !input.includes(path)) problems.push(`server path "${path}" is in the response`);
  }
  for (const pattern of STACK_PATTERNS) {
    if (pattern.test(body) && !pattern.test(input))
      problems.push(`stack-trace-like text ${String(pattern)} in the response`);
  }
  return problems;
}

/** Groups a problem with the status and Fastify error code (if any), so each distinct failure is reported once. */
export function problemKind(problem: string, res: LightMyRequestResponse): string {
  let code = '';
  try {
    const parsed = JSON.parse(res.body) as { code?: unknown };
    if (typeof parsed?.code === 'string') code = `, ${parsed.code}`;
  } catch {
    // not JSON
  }
  return `${problem} [${res.statusCode}${code}]`;
}

/** A short description of a request/response pair for assertion messages. */
export function describeExchange(sent: SentRequest, res?: LightMyRequestResponse): string {
  const payload =
    typeof sent.payload === 'string' ? sent.payload : sent.payload ? `<${sent.payload.length} bytes>` : '<none>';
  const shown = payload.length > 300 ? `${payload.slice(0, 300)}… (${payload.length} chars)` : payload;
  const url = sent.url.length > 300 ? `${sent.url.slice(0, 300)}… (${sent.url.length} chars)` : sent.url;
  const headers = Object.fromEntries(
    Object.entries(sent.headers ?? {}).map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}… (${v.length})` : v]),
  );
  const reply = res ? `\n→ ${res.statusCode} ${res.body.slice(0, 500)}` : '';
  return `${sent.method} ${url}\nheaders: ${JSON.stringify(headers)}\nbody: ${JSON.stringify(shown)}${reply}`;
}

// ---------------------------------------------------------------------------
// Database state a rejected request must not change

export const TRACKED_TABLES: Record<string, EntityTarget<ObjectLiteral>> = {
  jobs: Job,
  job_phases: JobPhase,
  projects: Project,
  providers: ProviderRecord,
  agent_configs: AgentConfig,
  settings: Setting,
  checkpoints: Checkpoint,
  experiences: Experience,
};

export type Digest = Record<string, string>;

/** Every row of the tracked tables (sorted) plus the `.env` file the settings are mirrored into. */
export async function dbDigest(t: TestApp): Promise<Digest> {
  const ds = t.app.get(DataSource);
  const digest: Digest = {};
  for (const [name, entity] of Object.entries(TRACKED_TABLES)) {
    const rows = await ds.createQueryBuilder().select('*').from(entity, 'row').getRawMany<unknown>();
    digest[name] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .join('\n');
  }
  digest['.env'] = await readFile(t.envFile, 'utf8').catch(() => '<unreadable>');
  return digest;
}

/**
 * The digest once the database stopped changing: event listeners of an
 * accepted request (e.g. a cancel expiring the job's checkpoints) may still be
 * writing when its response arrives, and those writes must not be blamed on
 * the next request. (A rejected request's own late writes would then show up
 * on the request after it: misattributed, but still reported.)
 */
export async function settledDigest(t: TestApp): Promise<Digest> {
  let last = await dbDigest(t);
  let stableFor = 0;
  for (let i = 0; i < 100 && stableFor < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const next = await dbDigest(t);
    stableFor = changedTables(last, next).length === 0 ? stableFor + 1 : 0;
    last = next;
  }
  return last;
}

export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const ds = t.app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const [name, entity] of Object.entries(TRACKED_TABLES)) counts[name] = await ds.getRepository(entity).count();
  return counts;
}

/** The tables (and `.env`) whose content differs. */
export function changedTables(before: Digest, after: Digest): string[] {
  return Object.keys(before).filter((key) => before[key] !== after[key]);
}

// ---------------------------------------------------------------------------
// Fixtures: rows the property tests may touch (but never delete)

export const FIXTURE = {
  jobs: ['fixture-job', 'fixture-job-2'],
  project: 'fixture-project',
  provider: 'fixture-provider',
  agents: ['dev_agent', 'qa_agent'],
  checkpoints: [] as string[],
  experiences: [] as string[],
};

/**
 * Pending checkpoints and lessons inserted straight into the tables (no worker
 * runs to open real ones), with the job paused at them as the pipeline would.
 */
export async function insertHitlItems(
  t: TestApp,
  jobSlug: string,
  count: number,
): Promise<{ cps: string[]; exps: string[] }> {
  const ds = t.app.get(DataSource);
  const now = new Date().toISOString();
  const cps: string[] = [];
  const exps: string[] = [];
  await ds.getRepository(Job).update({ slug: jobSlug }, { status: 'waiting_approval', current_phase: 'dev' });
  for (let i = 0; i < count; i++) {
    const cp = `cp-${randomUUID()}`;
    await ds.getRepository(Checkpoint).insert({
      id: cp,
      job_slug: jobSlug,
      team_id: 'default',
      phase: 'dev',
      kind: 'before_phase',
      action: 'run phase dev',
      reason: 'Phase dev requires approval before it runs',
      summary: 'No phase has run yet.',
      status: 'pending',
      created_at: now,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
    });
    cps.push(cp);
    const exp = `exp-${randomUUID()}`;
    await ds.getRepository(Experience).insert({
      id: exp,
      team_id: 'default',
      job_slug: jobSlug,
      agent: 'refactor_agent',
      problem: '[import_unresolved] lib/app.dart: missing import',
      solution: 'Rewrote 1 file(s): lib/app.dart',
      lessons: ['Check imports'],
      status: 'pending',
      created_at: now,
      updated_at: now,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      times_used: 0,
    });
    exps.push(exp);
  }
  return { cps, exps };
}

/** Creates the fixture job(s), project and provider through the API, plus HITL items. */
export async function createFixtures(t: TestApp, admin: string): Promise<void> {
  for (const slug of FIXTURE.jobs) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/jobs',
      token: admin,
      payload: { name: `Fixture ${slug}`, description: 'Fixture job', slug },
    });
    if (res.statusCode !== 202) throw new Error(`fixture job ${slug}: ${res.statusCode} ${res.body}`);
  }
  const project = await t.inject({
    method: 'POST',
    url: '/api/projects',
    token: admin,
    payload: { name: 'Fixture project', slug: FIXTURE.project },
  });
  if (project.statusCode !== 201) throw new Error(`fixture project: ${project.statusCode} ${project.body}`);
  const provider = await t.inject({
    method: 'POST',
    url: '/api/providers',
    token: admin,
    // Port 9 (discard) is closed: a connection test fails at once, without the network.
    payload: { name: FIXTURE.provider, base_url: 'http://127.0.0.1:9/v1', default_model: 'fixture-model' },
  });
  if (provider.statusCode !== 201) throw new Error(`fixture provider: ${provider.statusCode} ${provider.body}`);
  const { cps, exps } = await insertHitlItems(t, FIXTURE.jobs[0], 4);
  FIXTURE.checkpoints = cps;
  FIXTURE.experiences = exps;
}

// ---------------------------------------------------------------------------
// Tokens

export type TokenKind = 'admin' | 'member' | 'viewer' | 'other-team' | 'none' | 'garbage' | 'wrong-signature' | 'huge';

export interface Tokens {
  admin: string;
  member: string;
  viewer: string;
  otherTeam: string;
}

export async function mintTokens(t: TestApp): Promise<Tokens> {
  return {
    admin: await t.tokenFor('admin'),
    member: await t.tokenFor('member'),
    viewer: await t.tokenFor('viewer'),
    otherTeam: await t.tokenFor('member', 'other-team'),
  };
}

/** The Authorization header for a token kind (undefined: none sent). */
export function authHeader(kind: TokenKind, tokens: Tokens): string | undefined {
  switch (kind) {
    case 'admin':
      return `Bearer ${tokens.admin}`;
    case 'member':
      return `Bearer ${tokens.member}`;
    case 'viewer':
      return `Bearer ${tokens.viewer}`;
    case 'other-team':
      return `Bearer ${tokens.otherTeam}`;
    case 'none':
      return undefined;
    case 'garbage':
      return 'Bearer not.a.jwt';
    case 'wrong-signature': {
      const [header, payload] = tokens.admin.split('.');
      return `Bearer ${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    }
    case 'huge':
      return `Bearer ${'A'.repeat(20_000)}`;
  }
}

// ---------------------------------------------------------------------------
// JSON with the cases JSON.stringify cannot write: -0, raw number tokens, duplicate keys

/** Emitted verbatim into the JSON text (e.g. `1e400`, `-0`). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A JSON object as ordered entries, so keys may repeat and `__proto__` is an ordinary key. */
export class JsonObject {
  constructor(readonly entries: [string, JsonValue][]) {}
}

export type JsonValue = null | boolean | number | string | RawJson | JsonObject | JsonValue[];

export function toJsonText(value: JsonValue): string {
  if (value === null) return 'null';
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonObject) {
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  }
  return JSON.stringify(value);
}

/** A form-urlencoded rendering of an object's scalar fields (what a browser form would post). */
export function toFormText(value: JsonValue): string {
  if (!(value instanceof JsonObject)) return encodeURIComponent(toJsonText(value));
  return value.entries
    .map(([k, v]) => {
      const scalar = typeof v === 'string' ? v : toJsonText(v);
      return `${safeEncode(k)}=${safeEncode(scalar)}`;
    })
    .join('&');
}

/** encodeURIComponent that survives lone surrogates (sent as the UTF-8 of U+FFFD). */
export function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
}

// ---------------------------------------------------------------------------
// Generators

/** Strings that have broken servers before. */
export const EDGE_STRINGS: string[] = [
  '',
  ' ',
  '   \t\n',
  '\u0000',
  'a\u0000b',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '1e400',
  '0x1F',
  'true',
  'null',
  'undefined',
  "' OR 1=1 --",
  '"; DROP TABLE jobs; --',
  "'); DELETE FROM settings; --",
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\x',
  '\\\\server\\share',
  '%00',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u202eevil',
  '\ufeffbom',
  'a\u200db',
  'ｍｙ－ａｐｐ',
  'mу-app',
  '😀',
  '👩‍👩‍👧‍👦',
  '\ud800',
  'x\udfffy',
  'dev',
  'android',
  'android,ios',
  'android,windows,linux,macos,web,ios',
  Array(30).fill('android').join(','),
  'my-app',
  'a\r\nX-Injected: 1',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '{{7*7}}',
  'http://169.254.169.254/latest/meta-data',
  'http://127.0.0.1:9/v1',
  'file:///etc/passwd',
  'ADMIN_API_KEY',
  'JWT_SECRET',
  'EXAMPLE_API_KEY',
  'x'.repeat(16),
  'x'.repeat(17),
  'x'.repeat(40),
  'x'.repeat(41),
  'x'.repeat(64),
  'x'.repeat(100),
  'x'.repeat(101),
  'é'.repeat(101),
  '😀'.repeat(60),
  'x'.repeat(1001),
  'x'.repeat(5001),
  'x'.repeat(20_001),
];

export const RAW_NUMBERS: RawJson[] = [
  '-0',
  '1e400',
  '-1e400',
  '1.0',
  '1E2',
  '0.0000001',
  '123456789012345678901234567890',
  '-1',
].map((text) => new RawJson(text));

const edgeString = fc.constantFrom(...EDGE_STRINGS);

const shortStrings: fc.WeightedArbitrary<string>[] = [
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`) },
];

/** Hostile strings for bodies, up to ~600 KB of UTF-8. */
export const nastyString: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: edgeString }, ...shortStrings, {
  weight: 1,
  arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'Ω'.repeat(n)),
});

/** Hostile strings for URLs (path segments, query values): no megabyte URLs. */
export const nastyUrlString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS.filter((s) => s.length <= 2_000)) },
  ...shortStrings,
);

export const nastyNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    2,
    16,
    20,
    100,
    101,
    200_000,
    200_001,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 63,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(...RAW_NUMBERS),
);

const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('constructor', 'prototype', 'toString', '', '\u0000', 'a.b', 'a[b]', '$where'),
  },
);

export const { value: nastyValue } = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 5 }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 4 }).map((entries) => new JsonObject(entries)),
    },
    // Nested a little deeper than any DTO expects, and wide arrays.
    {
      weight: 1,
      arbitrary: fc.integer({ min: 2, max: 60 }).map((depth) => {
        let v: JsonValue = 'deep';
        for (let i = 0; i < depth; i++) v = [v];
        return v;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 21, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => `f${i}`)),
    },
  ),
}));

/** What a request carries as its body. */
export interface BodySpec {
  /** Content-Type header; undefined: none. */
  contentType?: string;
  /** undefined: no body at all. */
  text?: string;
  /** For messages only. */
  label: string;
}

/** Bodies that are not valid JSON, or JSON that the parser itself must refuse. */
export const RAW_BODIES: string[] = [
  '{',
  '{"a":',
  '[',
  'nul',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\u0000',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  'NaN',
  '1e400',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '{"a":"\\x00"}',
  'true',
  '  ',
  '\ufeff{}',
  '{"a":1e999999}',
  '["' + 'x'.repeat(100) + '"' + ','.repeat(5) + ']',
];

export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify style, e.g. `/api/jobs/:slug`. */
  path: string;
  /** The table a successful request writes to (reporting only). */
  table: string;
  /** What the path parameter names, if any. */
  param?: 'slug-job' | 'slug-project' | 'provider' | 'agent' | 'hitl' | 'checkpoint' | 'experience';
  /** Query keys the route knows. */
  query?: string[];
  /** A valid body; absent: the route takes none. */
  body?: Record<string, JsonValue>;
  /** Values worth trying per field, besides the generic hostile ones. */
  edges?: Record<string, JsonValue[]>;
  /** Token kinds this route is exercised with (default: all, mostly admin). */
  tokens?: TokenKind[];
  /** Deletes or wipes: never pointed at an existing row. */
  destructive?: boolean;
  /** Sends a server-side request: only ever pointed at the local fixture provider. */
  network?: boolean;
  /** Needs X-Admin-Key. */
  adminKey?: boolean;
}

const VALID_JOB: Record<string, JsonValue> = {
  name: 'Bad Input App',
  description: 'An app made from hostile input',
  platform: 'android,ios',
  style: 'modern',
  backend: 'none',
  features: ['auth', 'notifications'],
  checkpoints: ['dev'],
};

const VALID_PROJECT: Record<string, JsonValue> = {
  name: 'Bad Input Project',
  description: 'A project made from hostile input',
  status: 'discovery',
  health: 'healthy',
  icon: '📱',
  repository: 'https://github.com/acme/app',
  monthly_spend: 10,
  sla: '99%',
  build_progress: 50,
  features: ['auth'],
  features_json: '["auth"]',
};

const VALID_PROVIDER: Record<string, JsonValue> = {
  base_url: 'http://127.0.0.1:9/v1',
  // The one variable a provider may name: the one named after it (FIXTURE.provider here).
  api_key_env: 'FIXTURE_PROVIDER_API_KEY',
  default_model: 'example-model-v1',
  enabled: true,
};

const VALID_SETTINGS: Record<string, JsonValue> = {
  daily_cost_limit: '10.00',
  smart_model_fallback: 'openai/gpt-4o',
  max_repair_attempts: 3,
  max_parallel_jobs: '2',
  hitl_checkpoints: 'dev,export',
  hitl_timeout_minutes: '60',
  job_timeout_minutes: 30,
  llm_provider: 'builtin',
};

const VALID_AGENT_PATCH: Record<string, JsonValue> = {
  model: 'gpt-4o-mini',
  system_prompt: 'You are a careful senior developer.',
  name: 'Dev Agent',
  description: 'Writes the Flutter source code',
  status: 'active',
  temperature: 0.2,
  max_tokens: 4096,
};

const LIST_EDGES: JsonValue[] = [
  'a,b,c',
  ',,,',
  Array.from({ length: 10_000 }, (_, i) => `f${i}`).join(','),
  Array.from({ length: 10_000 }, (_, i) => `f${i}`),
  Array.from({ length: 21 }, (_, i) => `f${i}`),
  Array.from({ length: 51 }, (_, i) => `f${i}`),
  [''],
  ['  '],
  ['x'.repeat(41)],
  ['x'.repeat(101)],
  [1, 2],
  [null],
  [['nested']],
  [new JsonObject([['a', 1]])],
  'dev,dev,dev',
  ['dev', 'nope'],
];

const NUMBER_EDGES: JsonValue[] = [
  -1,
  -0,
  0,
  1e308,
  101,
  1.5,
  '5',
  'NaN',
  new RawJson('1e400'),
  new RawJson('-1e400'),
  true,
  null,
];

/** Every write route of the API, with what it takes. */
export const WRITE_ROUTES: WriteRoute[] = [
  {
    method: 'POST',
    path: '/api/auth/token',
    table: '-',
    adminKey: true,
    tokens: ['none', 'admin', 'garbage'],
    body: { team_id: 'default', role: 'viewer' },
    edges: {
      team_id: ['', 'bad team', 'x'.repeat(65), '../admin', 'team\u0000', 'ｔｅａｍ'],
      role: ['owner', 'ADMIN', 'admin ', '', 0, ['admin']],
    },
  },
  {
    method: 'POST',
    path: '/api/jobs',
    table: 'jobs',
    body: VALID_JOB,
    edges: {
      name: ['x'.repeat(101), '   ', 'name\u0000', '😀'.repeat(51), "' OR 1=1 --"],
      description: ['x'.repeat(5001), 'd\u0000', '"; DROP TABLE jobs; --'],
      platform: ['', 'android,', 'ANDROID', 'fuchsia', Array(30).fill('android').join(','), ['android']],
      style: ['x'.repeat(41), 'modern;', 'mod\u0000ern', ''],
      backend: ['x'.repeat(41), 'none\u0000', '../x'],
      features: LIST_EDGES,
      checkpoints: LIST_EDGES,
      slug: [
        '',
        '-x',
        'X',
        'a'.repeat(64),
        'mу-app',
        'my_app',
        '../x',
        'a\u0000',
        'fixture-job',
        'ｍｙ－ａｐｐ',
        'a\u200db',
      ],
    },
  },
  { method: 'DELETE', path: '/api/jobs/:slug', table: 'jobs', param: 'slug-job', query: ['purge'], destructive: true },
  { method: 'POST', path: '/api/jobs/:slug/cancel', table: 'jobs', param: 'slug-job' },
  { method: 'POST', path: '/api/jobs/:slug/retry', table: 'jobs', param: 'slug-job' },
  {
    method: 'POST',
    path: '/api/projects',
    table: 'projects',
    body: { ...VALID_PROJECT, slug: 'nx-project' },
    edges: {
      name: ['x'.repeat(101), '  ', 'p\u0000'],
      description: ['x'.repeat(5001), 'd\u0000'],
      status: ['done', '', 'DISCOVERY'],
      health: ['sick', ''],
      icon: ['😀'.repeat(9), 'x'.repeat(17), 'i\u0000'],
      repository: ['javascript:alert(1)', 'ftp://x', 'http://', 'x'.repeat(501), 'https://a.b/\u0000', ''],
      monthly_spend: NUMBER_EDGES,
      sla: ['x'.repeat(17), 's\u0000'],
      build_progress: NUMBER_EDGES,
      features: LIST_EDGES,
      features_json: [
        '[',
        '{}',
        '[1]',
        JSON.stringify(Array.from({ length: 10_000 }, (_, i) => `f${i}`)),
        '["\\u0000"]',
        'null',
      ],
      slug: ['', 'X', 'a'.repeat(64), 'mу-app', '../x', 'fixture-project'],
    },
  },
  {
    method: 'PUT',
    path: '/api/projects/:slug',
    table: 'projects',
    param: 'slug-project',
    body: VALID_PROJECT,
  },
  { method: 'DELETE', path: '/api/projects/:slug', table: 'projects', param: 'slug-project', destructive: true },
  {
    method: 'POST',
    path: '/api/providers',
    table: 'providers',
    body: { name: 'nx-provider', ...VALID_PROVIDER, api_key_env: 'NX_PROVIDER_API_KEY' },
    edges: {
      name: ['builtin', 'openai', 'Upper', 'a'.repeat(41), 'fixture-provider', '../x'],
      base_url: [
        'http://169.254.169.254/v1',
        'http://[fe80::1]/v1',
        'http://user:pass@127.0.0.1/v1',
        'file:///etc/passwd',
        'gopher://x',
        'http://metadata.google.internal/',
        `http://x/${'a'.repeat(600)}`,
        'http://127.0.0.1:9/v1\u0000',
      ],
      api_key_env: [
        'ADMIN_API_KEY',
        'JWT_SECRET',
        'PATH',
        'lower_api_key',
        `${'A'.repeat(60)}_API_KEY`,
        null,
        // Issue 12: another provider's or the generic key.
        'LLM_API_KEY',
        'STRIPE_API_KEY',
        'OPENROUTER_API_KEY',
        'FIXTURE_PROVIDER_API_KEY',
      ],
      default_model: ['has space', "quote'", 'x'.repeat(201), 'm\u0000'],
      enabled: ['true', 1, null],
    },
  },
  {
    method: 'POST',
    path: '/api/providers/:name',
    table: 'providers',
    param: 'provider',
    body: VALID_PROVIDER,
  },
  {
    method: 'PATCH',
    path: '/api/providers/:name',
    table: 'providers',
    param: 'provider',
    body: VALID_PROVIDER,
  },
  { method: 'DELETE', path: '/api/providers/:name', table: 'providers', param: 'provider', destructive: true },
  { method: 'POST', path: '/api/providers/:name/use', table: 'settings', param: 'provider' },
  { method: 'POST', path: '/api/providers/:name/test', table: '-', param: 'provider', network: true },
  {
    method: 'POST',
    path: '/api/agents/config/:agent_id',
    table: 'agent_configs',
    param: 'agent',
    body: { model: 'gpt-4o-mini', system_prompt: 'You are a careful senior developer.' },
    edges: {
      model: ['has space', 'x'.repeat(201), "m'", 'm\u0000', ''],
      system_prompt: ['x'.repeat(20_001), 'p\u0000', '', ' '],
    },
  },
  {
    method: 'PATCH',
    path: '/api/agents/:agent_id',
    table: 'agent_configs',
    param: 'agent',
    body: VALID_AGENT_PATCH,
    edges: {
      temperature: [...NUMBER_EDGES, 2.0001, 3],
      max_tokens: [...NUMBER_EDGES, 15, 200_001, 16.5],
      status: ['paused', ''],
      name: ['x'.repeat(101), '', 'n\u0000'],
      description: ['x'.repeat(2001), 'd\u0000'],
    },
  },
  { method: 'POST', path: '/api/agents/:agent_id/test', table: '-', param: 'agent', network: true },
  {
    method: 'POST',
    path: '/api/experiences/:id/approve',
    table: 'experiences',
    param: 'experience',
    query: ['reason'],
  },
  { method: 'POST', path: '/api/experiences/:id/reject', table: 'experiences', param: 'experience', query: ['reason'] },
  {
    method: 'POST',
    path: '/api/checkpoints/:id/approve',
    table: 'checkpoints',
    param: 'checkpoint',
    query: ['reason'],
  },
  { method: 'POST', path: '/api/checkpoints/:id/reject', table: 'checkpoints', param: 'checkpoint', query: ['reason'] },
  { method: 'POST', path: '/api/hitl/:id/approve', table: 'checkpoints', param: 'hitl', query: ['reason'] },
  { method: 'POST', path: '/api/hitl/:id/reject', table: 'checkpoints', param: 'hitl', query: ['reason'] },
  {
    method: 'POST',
    path: '/api/settings',
    table: 'settings',
    body: VALID_SETTINGS,
    edges: {
      daily_cost_limit: ['-1', '1e3', '10.12345', '1000001', 1e308, -0, 'NaN', ' 5 ', '5\u0000'],
      max_parallel_jobs: ['0', '33', '1.5', 2 ** 53, '０', '٣'],
      hitl_checkpoints: ['nope', 'dev,,export', Array(5000).fill('dev').join(','), 'dev\u0000', ''],
      llm_provider: ['Upper', 'x'.repeat(41), '../x', 'nx-unknown', ''],
      smart_model_fallback: ['has space', '', 'x'.repeat(201)],
    },
  },
  {
    method: 'PATCH',
    path: '/api/system/settings',
    table: 'settings',
    body: VALID_SETTINGS,
  },
  // Wipe deletes everything: only ever sent without the admin role (→ 401/403).
  {
    method: 'POST',
    path: '/api/settings/wipe',
    table: 'all',
    destructive: true,
    tokens: ['member', 'viewer', 'other-team', 'none', 'garbage', 'wrong-signature', 'huge'],
  },
];

// The routes sharing a DTO share its edge values.
for (const [route, from] of [
  ['PUT /api/projects/:slug', 'POST /api/projects'],
  ['POST /api/providers/:name', 'POST /api/providers'],
  ['PATCH /api/providers/:name', 'POST /api/providers'],
  ['PATCH /api/system/settings', 'POST /api/settings'],
] as const) {
  const target = WRITE_ROUTES.find((r) => `${r.method} ${r.path}` === route)!;
  const source = WRITE_ROUTES.find((r) => `${r.method} ${r.path}` === from)!;
  target.edges = source.edges;
}

/** Names that exist (fixtures), per parameter kind; destructive routes never get them. */
export function existingNames(param: NonNullable<WriteRoute['param']>): string[] {
  switch (param) {
    case 'slug-job':
      return FIXTURE.jobs;
    case 'slug-project':
      return [FIXTURE.project];
    case 'provider':
      return [FIXTURE.provider, 'builtin'];
    case 'agent':
      return FIXTURE.agents;
    case 'checkpoint':
      return FIXTURE.checkpoints;
    case 'experience':
      return FIXTURE.experiences;
    case 'hitl':
      return [...FIXTURE.checkpoints, ...FIXTURE.experiences];
  }
}

/** Valid-looking names that do not exist (the generator never produces a fixture name). */
function missingNameArb(param: NonNullable<WriteRoute['param']>): fc.Arbitrary<string> {
  switch (param) {
    case 'agent':
      return fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/).map((s) => `nx_${s}`);
    case 'checkpoint':
    case 'experience':
    case 'hitl':
      return fc.tuple(fc.constantFrom('cp', 'exp'), fc.uuid()).map(([p, id]) => `${p}-${id}`);
    default:
      return fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/).map((s) => `nx-${s}`);
  }
}

/**
 * Hostile path segments. Generated text is always percent-encoded (a raw "/"
 * or "\\" could climb out of the route: inject() resolves dot segments); the
 * raw traversal tokens below were each checked to land on a 404 at worst.
 */
export const RAW_TRAVERSAL_SEGMENTS: string[] = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '..%2f..%2fetc',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '....%2F%2F',
  '%2e%2e%5c%2e%2e%5cwindows',
  '%00',
  'a%00b',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '%25',
  '%20',
  '+',
  '~',
  '%F0%9F%98%80',
  'm%D1%83-app',
  '%EF%BD%8D%EF%BD%99',
  'a%E2%80%8Db',
];

export function segmentArb(route: WriteRoute): fc.Arbitrary<string> {
  const param = route.param!;
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 5, arbitrary: missingNameArb(param) },
    { weight: 3, arbitrary: nastyUrlString.map(safeEncode) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_TRAVERSAL_SEGMENTS) },
    { weight: 1, arbitrary: fc.integer({ min: 60, max: 70 }).map((n) => 'a'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => 'b'.repeat(n)) },
  ];
  const existing = existingNames(param);
  if (!route.destructive && existing.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...existing) });
  return fc.oneof(...options);
}

export function queryArb(route: WriteRoute): fc.Arbitrary<string> {
  const keys = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(route.query?.length ? route.query : ['q'])) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'a[b]', 'purge[]', 'x'),
    },
    { weight: 1, arbitrary: keyArb.map(safeEncode) },
  );
  const values = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('true', 'false', '1', '0', '', 'yes') },
    { weight: 3, arbitrary: nastyUrlString.map(safeEncode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%E0%A4%A', 'a=b', '&&') },
  );
  const known = route.query?.length
    ? fc
        .tuple(fc.constantFrom(...route.query), fc.constantFrom('true', 'false', '1', 'Looks good', "' OR 1=1 --"))
        .map(([k, v]) => `?${k}=${encodeURIComponent(v)}`)
    : fc.constant('');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: known },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(keys, values), { minLength: 1, maxLength: 4 })
        .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
    },
  );
}

function fieldValueArb(route: WriteRoute, key: string): fc.Arbitrary<JsonValue> {
  const edges = route.edges?.[key] ?? [];
  return edges.length
    ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...edges) }, { weight: 3, arbitrary: nastyValue })
    : nastyValue;
}

/** A valid body with some fields dropped, some replaced by hostile values and maybe unknown keys added. */
function mutatedBodyArb(route: WriteRoute): fc.Arbitrary<JsonValue> {
  const valid = route.body!;
  const keys = Object.keys(valid);
  const replacement = fc.constantFrom(...keys).chain((key) => fieldValueArb(route, key).map((v) => [key, v] as const));
  return fc
    .record({
      drop: fc.subarray(keys, { maxLength: 2 }),
      replace: fc.array(replacement, { maxLength: 3 }),
      extra: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.tuple(keyArb, nastyValue), { minLength: 1, maxLength: 2 }) },
      ),
      duplicate: fc.boolean(),
    })
    .map(({ drop, replace, extra, duplicate }) => {
      const replaced = new Map<string, JsonValue>(replace.map(([k, v]) => [k, v]));
      const entries: [string, JsonValue][] = keys
        .filter((k) => !drop.includes(k) || replaced.has(k))
        .map((k) => [k, replaced.has(k) ? replaced.get(k)! : valid[k]]);
      // A repeated key: the valid value first, the hostile one last (JSON.parse keeps the last).
      if (duplicate && replace.length) entries.unshift([replace[0][0], valid[replace[0][0]]]);
      return new JsonObject([...entries, ...extra]);
    });
}

export function bodyArb(route: WriteRoute): fc.Arbitrary<BodySpec> {
  const json = (value: JsonValue, label: string): BodySpec => ({
    contentType: 'application/json',
    text: toJsonText(value),
    label,
  });
  const options: fc.WeightedArbitrary<BodySpec>[] = [
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.tuple(route.body ? fc.oneof(fc.constantFrom(...Object.keys(route.body)), keyArb) : keyArb, nastyValue),
          {
            maxLength: 5,
          },
        )
        .map((entries) => json(new JsonObject(entries), 'random object')),
    },
    { weight: 1, arbitrary: nastyValue.map((v) => json(v, 'any JSON value')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...RAW_BODIES)
        .map((text) => ({ contentType: 'application/json', text, label: 'raw' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=xyz',
            'application/xml',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'APPLICATION/JSON',
            'application/vnd.api+json',
            '',
            'none',
          ),
          route.body ? mutatedBodyArb(route) : nastyValue,
        )
        .map(([type, value]) => ({
          contentType: type === 'none' ? undefined : type,
          text: type === 'application/x-www-form-urlencoded' ? toFormText(value) : toJsonText(value),
          label: `as ${type}`,
        })),
    },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ label: 'no body' }) },
    {
      weight: 1,
      arbitrary: fc.constant<BodySpec>({ contentType: 'application/json', text: '', label: 'empty JSON body' }),
    },
  ];
  if (route.body)
    options.push({ weight: 10, arbitrary: mutatedBodyArb(route).map((v) => json(v, 'mutated valid body')) });
  return fc.oneof(...options);
}

export function tokenArb(route: WriteRoute): fc.Arbitrary<TokenKind> {
  if (route.tokens) return fc.constantFrom(...route.tokens);
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant<TokenKind>('admin') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<TokenKind>(
        'member',
        'viewer',
        'other-team',
        'none',
        'garbage',
        'wrong-signature',
        'huge',
      ),
    },
  );
}

export const adminKeyArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(TEST_ADMIN_KEY) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | undefined>(undefined, '', 'wrong', `${TEST_ADMIN_KEY} `, 'k'.repeat(10_000)),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  },
);

/** One generated request for a route. */
export interface GeneratedCase {
  segment?: string;
  query: string;
  body: BodySpec;
  token: TokenKind;
  adminKey?: string;
}

export function caseArb(route: WriteRoute): fc.Arbitrary<GeneratedCase> {
  return fc.record({
    segment: route.param ? segmentArb(route) : fc.constant(undefined),
    query: queryArb(route),
    body: bodyArb(route),
    token: tokenArb(route),
    adminKey: route.adminKey ? adminKeyArb : fc.constant(undefined),
  });
}

export function buildRequest(route: WriteRoute, c: GeneratedCase, tokens: Tokens): SentRequest {
  const path = route.param ? route.path.replace(/:[a-z_]+/, c.segment ?? '') : route.path;
  const headers: Record<string, string> = {};
  const auth = authHeader(c.token, tokens);
  if (auth) headers.authorization = auth;
  if (c.adminKey !== undefined) headers['x-admin-key'] = c.adminKey;
  if (c.body.contentType !== undefined) headers['content-type'] = c.body.contentType;
  return { method: route.method, url: `${path}${c.query}`, headers, payload: c.body.text };
}

export function send(t: TestApp, sent: SentRequest): Promise<LightMyRequestResponse> {
  const request: InjectRequest = {
    method: sent.method,
    url: sent.url,
    headers: sent.headers,
  };
  if (sent.payload !== undefined) request.payload = sent.payload;
  return t.inject(request);
}

// ---------------------------------------------------------------------------
// Route discovery, so a new write route without a bad-input entry fails the suite

function joinPath(...parts: string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/** "METHOD /path" of every POST/PUT/PATCH/DELETE route Nest registered. */
export function registeredWriteRoutes(t: TestApp): string[] {
  const found: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = [
        (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/',
      ].flat();
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        for (const prefix of prefixes)
          for (const path of [paths].flat()) found.push(`${method} ${joinPath(prefix, path)}`);
      }
    }
  }
  return [...new Set(found)].sort();
}
