import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket, type Server } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { TEST_ADMIN_KEY } from './app';
import { sleep, waitFor } from './jobs';

/**
 * Real processes for the fault, load and scale-out tests: the BUILT API
 * (`dist/main.js`) and worker (`dist/worker.js`), a private redis-server, a
 * TCP proxy in front of PostgreSQL (to cut one app's connections without
 * touching the shared server) and an HTTP client over real sockets.
 */

export const ROOT = join(__dirname, '..', '..');
export const MAIN_JS = join(ROOT, 'dist', 'main.js');
export const WORKER_JS = join(ROOT, 'dist', 'worker.js');

/** Variables of the outer shell that must never reach a spawned app. */
const SCRUBBED = [
  /^PORT$/,
  /^HOST$/,
  /^APP_ENV$/,
  /^JWT_SECRET$/,
  /^DASHBOARD_SECRET$/,
  /^ADMIN_API_KEY$/,
  /^DB_/,
  /^DATABASE_URL$/,
  /^REDIS_URL$/,
  /^GENERATED_APPS_DIR$/,
  /^CORS_ORIGINS$/,
  /^JOB_QUEUE_BACKEND$/,
  /^QUEUE_/,
  /^RUN_WORKER$/,
  /^LLM_/,
  /_API_KEY$/,
  /^OPENAI_/,
  /^ANTHROPIC_/,
  /^OPENROUTER_/,
  /^OLLAMA_/,
  /^HITL_/,
  /^FLUTTER_BIN$/,
  /^ENV_FILE$/,
  /^LOG_/,
  /^TRUST_PROXY$/,
  /^DAILY_COST_LIMIT$/,
  /^FALLBACK_SMART_MODEL$/,
  /^MAX_/,
  /^JOB_/,
  /^TOKEN_RATE_LIMIT$/,
  /^SSE_/,
  /^TEST_/,
  /^VITEST/,
  /^NODE_OPTIONS$/,
];

/** Fails with a clear message when the app has not been built (CI builds before testing). */
export function requireBuild(): void {
  if (!existsSync(MAIN_JS) || !existsSync(WORKER_JS)) {
    throw new Error('dist/main.js or dist/worker.js is missing: run `npx nest build` first (.ci/run does)');
  }
}

/** A free TCP port on 127.0.0.1 (free when asked; the caller binds it soon after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function randomName(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** `url` with `application_name` set, so one process's PostgreSQL connections can be told apart. */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

/** A child process with its output kept (last lines) for diagnostics. */
export class ManagedProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitInfo?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(line: string) => void>();

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    private readonly maxLines = 400,
  ) {
    this.child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve({ code, signal });
      });
      this.child.once('error', (error) => {
        this.record(`spawn error: ${error.message}`);
        this.exitInfo = { code: -1, signal: null };
        resolve({ code: -1, signal: null });
      });
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        parts.forEach((line) => this.record(line));
      });
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return !this.exitInfo;
  }

  /** The last lines the process printed (stdout and stderr). */
  output(lines = this.maxLines): string {
    return this.lines.slice(-lines).join('\n');
  }

  /** Resolves with the first line (already printed or to come) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const listener = (line: string): void => {
        if (!pattern.test(line)) return;
        cleanUp();
        resolve(line);
      };
      const timer = setTimeout(() => {
        cleanUp();
        reject(new Error(`${this.name}: no line matching ${String(pattern)} within ${timeoutMs} ms\n${this.output()}`));
      }, timeoutMs);
      const onExit = (): void => {
        cleanUp();
        reject(
          new Error(
            `${this.name} exited (${JSON.stringify(this.exitInfo)}) before printing ${String(pattern)}\n${this.output()}`,
          ),
        );
      };
      const cleanUp = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.child.off('exit', onExit);
      };
      this.listeners.add(listener);
      this.child.once('exit', onExit);
    });
  }

  /** SIGKILL: no shutdown hook runs (a crash). */
  async kill9(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private record(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.maxLines) this.lines.shift();
    this.listeners.forEach((listener) => listener(line));
  }
}

/** The environment of a spawned app: the outer shell's app variables removed, test defaults, then `env`. */
export function appEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!SCRUBBED.some((pattern) => pattern.test(key))) base[key] = value;
  }
  return {
    ...base,
    APP_ENV: 'test',
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    LOG_LEVEL: 'silent',
    LOG_REQUESTS: 'false',
    TOKEN_RATE_LIMIT: '100000',
    JOB_RATE_LIMIT: '100000',
    ...env,
  };
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  ms: number;
}

/** Real HTTP against a spawned API (fetch over a socket, unlike inject()). */
export class Http {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  withToken(token: string): Http {
    return new Http(this.baseUrl, token);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<HttpResponse<T>> {
    const started = Date.now();
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text, ms: Date.now() - started };
  }

  get<T = unknown>(path: string, options?: { headers?: Record<string, string>; timeoutMs?: number }) {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = unknown>(path: string, body?: unknown, options?: { headers?: Record<string, string>; timeoutMs?: number }) {
    return this.request<T>('POST', path, body ?? {}, options);
  }

  /** Mints a token with the test admin key. */
  async mintToken(role: 'admin' | 'member' | 'viewer' = 'admin', team = 'default'): Promise<string> {
    const res = await this.post<{ token: string }>(
      '/api/auth/token',
      { team_id: team, role },
      { headers: { 'x-admin-key': TEST_ADMIN_KEY } },
    );
    if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
    return res.body.token;
  }
}

/** `node dist/main.js` on a free port. */
export class ApiProcess {
  readonly http: Http;

  constructor(
    readonly proc: ManagedProcess,
    readonly port: number,
  ) {
    this.http = new Http(`http://127.0.0.1:${port}`);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Waits until GET /ready answers 200. */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      `${this.proc.name} /ready`,
      async () => {
        if (!this.proc.alive) throw new Error(`${this.proc.name} exited: ${this.proc.output()}`);
        const res = await this.http.get('/ready', { timeoutMs: 3_000 });
        return res.status === 200 ? true : undefined;
      },
      timeoutMs,
      200,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.proc.name} output ---\n${this.proc.output()}`, { cause: error });
    });
  }
}

/** Starts the built API with `env` on a free port and waits for /ready (unless `waitReady: false`). */
export async function startApi(
  env: Record<string, string>,
  options: { name?: string; waitReady?: boolean; timeoutMs?: number } = {},
): Promise<ApiProcess> {
  requireBuild();
  const port = await freePort();
  const proc = new ManagedProcess(
    options.name ?? 'api',
    process.execPath,
    [MAIN_JS],
    appEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
  );
  const api = new ApiProcess(proc, port);
  try {
    await proc.waitForLine(/Software Factory API on /, options.timeoutMs ?? 30_000);
    if (options.waitReady !== false) await api.waitReady(options.timeoutMs ?? 30_000);
  } catch (error) {
    await proc.kill9();
    throw error;
  }
  return api;
}

/**
 * Starts `node dist/worker.js` and waits for its "consuming" line (written
 * whatever LOG_LEVEL says). Workers log at info (JSON lines, job state
 * changes included); the output is kept for diagnostics.
 */
export async function startWorker(
  env: Record<string, string>,
  options: { name?: string; timeoutMs?: number } = {},
): Promise<ManagedProcess> {
  requireBuild();
  const proc = new ManagedProcess(
    options.name ?? 'worker',
    process.execPath,
    [WORKER_JS],
    appEnv({ LOG_LEVEL: 'info', ...env }),
  );
  try {
    await proc.waitForLine(/consuming the job queue/, options.timeoutMs ?? 30_000);
  } catch (error) {
    await proc.kill9();
    throw error;
  }
  return proc;
}

/** A private redis-server on its own port (no persistence), so it can be killed and restarted. */
export class RedisServer {
  proc?: ManagedProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.startProcess();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** SIGKILL: everything in it is lost (no persistence). */
  async kill(): Promise<void> {
    await this.proc?.kill9();
  }

  /** Starts it again on the same port (empty). */
  async restart(): Promise<void> {
    await this.kill();
    await this.startProcess();
  }

  async stop(): Promise<void> {
    await this.proc?.kill9();
  }

  private async startProcess(): Promise<void> {
    this.proc = new ManagedProcess(
      `redis:${this.port}`,
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      process.env,
    );
    await this.proc.waitForLine(/Ready to accept connections/, 10_000);
  }
}

/**
 * A TCP proxy in front of PostgreSQL for one deployment: `cut()` drops every
 * connection and refuses new ones until `restore()` — what the app sees when
 * the server restarts — without touching the shared server.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private down = false;
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy?.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return holder.proxy;
  }

  /** `url` pointed at this proxy. */
  urlFor(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.down = false;
  }

  /**
   * Stops listening as well: connecting is refused (ECONNREFUSED on this
   * port, as when the server process is gone) until `reopen()`.
   */
  async refuse(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port and lets connections through. */
  async reopen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.restore();
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  accept(client: Socket, host: string, port: number): void {
    if (this.down) {
      client.destroy();
      return;
    }
    this.connections++;
    const upstream = new Socket();
    this.sockets.add(client);
    this.sockets.add(upstream);
    const close = (): void => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    upstream.connect(port, host, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }
}

/** Runs SQL on DATABASE_URL (optionally inside `schema`). */
export async function pgQuery<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
  schema?: string,
): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    if (schema) await client.query(`SET search_path TO "${schema}"`);
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Terminates the backends of one application_name (only those); returns how many. */
export async function terminateConnections(url: string, applicationName: string): Promise<number> {
  const rows = await pgQuery<{ ok: boolean }>(
    url,
    'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
    [applicationName],
  );
  return rows.filter((r) => r.ok).length;
}

/** Deletes every key under a Bull prefix. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // best effort: a dead private Redis has nothing left to clean
  } finally {
    redis.disconnect();
  }
}

export interface DeploymentOptions {
  /** PostgreSQL URL (shared database; this deployment gets its own schema). Empty: SQLite in the temp dir. */
  databaseUrl?: string;
  /** Redis URL; with it the deployment uses Bull with its own key prefix. */
  redisUrl?: string;
  /** Variables for every process of the deployment. */
  env?: Record<string, string>;
}

/**
 * The shared pieces of one deployment — PostgreSQL schema, Bull prefix,
 * workspace, `.env` — and every process started on them; `close()` stops the
 * processes and removes the schema, the keys and the directory.
 */
export class Deployment {
  readonly schema?: string;
  readonly prefix: string;
  readonly processes: ManagedProcess[] = [];
  private constructor(
    readonly dir: string,
    readonly options: DeploymentOptions,
  ) {
    this.schema = options.databaseUrl ? randomName('f_') : undefined;
    this.prefix = randomName('f_');
  }

  static async create(options: DeploymentOptions): Promise<Deployment> {
    requireBuild();
    const dir = await mkdtemp(join(tmpdir(), 'sf-proc-'));
    const deployment = new Deployment(dir, options);
    await mkdir(deployment.workspace, { recursive: true });
    await writeFile(deployment.envFile, '', { mode: 0o600 });
    if (options.databaseUrl && deployment.schema) {
      await pgQuery(options.databaseUrl, `CREATE SCHEMA IF NOT EXISTS "${deployment.schema}"`);
    }
    return deployment;
  }

  get workspace(): string {
    return join(this.dir, 'generated_apps');
  }

  get envFile(): string {
    return join(this.dir, '.env');
  }

  /** The environment shared by every process of this deployment, plus `extra`. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    const { databaseUrl, redisUrl } = this.options;
    return {
      GENERATED_APPS_DIR: this.workspace,
      ENV_FILE: this.envFile,
      DB_PATH: join(this.dir, 'app.db'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_SCHEMA: this.schema! } : {}),
      ...(redisUrl ? { JOB_QUEUE_BACKEND: 'bull', REDIS_URL: redisUrl, QUEUE_PREFIX: this.prefix } : {}),
      ...(this.options.env ?? {}),
      ...extra,
    };
  }

  async startApi(extra: Record<string, string> = {}, options: { name?: string; waitReady?: boolean } = {}) {
    const api = await startApi(this.env(extra), options);
    this.processes.push(api.proc);
    return api;
  }

  async startWorker(extra: Record<string, string> = {}, name?: string): Promise<ManagedProcess> {
    const worker = await startWorker(this.env(extra), { name });
    this.processes.push(worker);
    return worker;
  }

  /** Stops every worker of this deployment still running (the APIs stay). */
  async stopWorkers(): Promise<void> {
    await Promise.all(this.processes.filter((p) => p.alive && !p.name.startsWith('api')).map((p) => p.stop(5_000)));
  }

  /** Runs SQL inside this deployment's schema. */
  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.options.databaseUrl) throw new Error('query() needs PostgreSQL');
    return pgQuery<T>(this.options.databaseUrl, sql, params, this.schema);
  }

  /** Every process's last output lines, for a failing test's message. */
  outputs(lines = 40): string {
    return this.processes.map((p) => `--- ${p.name} (pid ${p.pid}) ---\n${p.output(lines)}`).join('\n');
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop(5_000)));
    const { databaseUrl, redisUrl } = this.options;
    if (databaseUrl && this.schema) {
      await pgQuery(databaseUrl, `DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`).catch(() => undefined);
    }
    if (redisUrl) await deleteQueueKeys(redisUrl, this.prefix);
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface SseEvent {
  id?: number;
  event: string;
  /** The parsed `data:` line (status, phase, message, …). */
  data: { status?: string; [key: string]: unknown };
}

/**
 * An SSE client over a real socket: collects events until `end` (or abort).
 * `done` resolves with every event received.
 */
export function openEventStream(
  baseUrl: string,
  slug: string,
  token: string,
  options: { lastEventId?: number; timeoutMs?: number } = {},
): { events: SseEvent[]; done: Promise<SseEvent[]>; status: Promise<number>; abort: () => void } {
  const events: SseEvent[] = [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('SSE timed out')), options.timeoutMs ?? 60_000);
  let resolveStatus: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const done = (async () => {
    try {
      const res = await fetch(`${baseUrl}/api/jobs/${slug}/events?access_token=${encodeURIComponent(token)}`, {
        headers: options.lastEventId !== undefined ? { 'last-event-id': String(options.lastEventId) } : {},
        signal: controller.signal,
      });
      resolveStatus(res.status);
      if (res.status !== 200 || !res.body) return events;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const event: SseEvent = { event: 'message', data: {} };
          let isEvent = false;
          for (const line of frame.split('\n')) {
            if (line.startsWith('id: ')) event.id = Number(line.slice(4));
            else if (line.startsWith('event: ')) {
              event.event = line.slice(7);
              isEvent = true;
            } else if (line.startsWith('data: ')) event.data = JSON.parse(line.slice(6)) as SseEvent['data'];
          }
          if (isEvent) events.push(event);
        }
      }
      return events;
    } finally {
      clearTimeout(timer);
      resolveStatus(-1);
    }
  })();
  return { events, done, status, abort: () => controller.abort() };
}

export { sleep };

/** TCP ports a process listens on (Linux: /proc/<pid>/fd sockets matched against /proc/net/tcp{,6}). */
export async function listeningPorts(pid: number): Promise<number[]> {
  const { readFile, readdir, readlink } = await import('node:fs/promises');
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) inodes.add(match[1]);
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address, st (0A = LISTEN), inode
      if (cols.length > 9 && cols[3] === '0A' && inodes.has(cols[9])) ports.push(parseInt(cols[1].split(':')[1], 16));
    }
  }
  return ports;
}

/** The part of better-sqlite3 the tests use (the package ships no types). */
export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown };
  readonly inTransaction: boolean;
  close(): void;
}

/** Opens a SQLite file with its own connection (another writer or reader than the app's). */
export function openSqlite(path: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  const Database = createRequire(__filename)('better-sqlite3') as new (
    path: string,
    options?: { readonly?: boolean; fileMustExist?: boolean },
  ) => SqliteDatabase;
  return new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
}
