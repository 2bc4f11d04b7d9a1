// Boots the built API (dist/main.js) in a child process on a fresh directory, as production runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN_KEY = 'bench-admin-key';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GC_PRELOAD = new URL('./gc-preload.mjs', import.meta.url).href;
/** The build to run: dist/, or BENCH_DIST (a copy, so a rebuild meanwhile cannot pull the files away). */
export const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function appEnv(dir, extra = {}) {
  return {
    APP_ENV: 'production',
    DB_PATH: join(dir, 'app.db'),
    GENERATED_APPS_DIR: join(dir, 'apps'),
    ENV_FILE: join(dir, '.env'),
    ADMIN_API_KEY: ADMIN_KEY,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123',
    LOG_LEVEL: 'error',
    LOG_REQUESTS: 'false',
    TOKEN_RATE_LIMIT: '1000000',
    JOB_RATE_LIMIT: '1000000',
    ...extra,
  };
}

/** Resident set size of a process in bytes, read from /proc (Linux). */
export function rssOf(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
}

/**
 * Starts the API; resolves once /health answers. `dir` reuses a directory (its database survives).
 * The server can be asked for its memory after a full GC (`memoryAfterGc()`).
 */
export async function startServer({ env = {}, dir } = {}) {
  const ownDir = !dir;
  dir ??= mkdtempSync(join(tmpdir(), 'sf-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv = { ...process.env, ...appEnv(dir, { PORT: String(port), HOST: '127.0.0.1', ...env }) };
  delete childEnv.DATABASE_URL;
  if (env.DATABASE_URL) childEnv.DATABASE_URL = env.DATABASE_URL;
  const child = spawn(process.execPath, ['--expose-gc', '--import', GC_PRELOAD, join(DIST, 'main.js')], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const waiting = [];
  child.stdout.on('data', (chunk) => {
    output += chunk;
    for (const line of output.split('\n').slice(0, -1)) {
      if (line.startsWith('@@memory ')) waiting.shift()?.(JSON.parse(line.slice(9)));
    }
    output = output.slice(output.lastIndexOf('\n') + 1);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited at boot (${child.exitCode})`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error('the API did not answer /health within 60 s');
    await sleep(100);
  }
  const token = async (body = {}) =>
    (
      await (
        await fetch(`${base}/api/auth/token`, {
          method: 'POST',
          headers: { 'x-admin-key': ADMIN_KEY, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()
    ).token;
  return {
    base,
    dir,
    pid: child.pid,
    token,
    rss: () => rssOf(child.pid),
    /** { rss, heapUsed, external } after two full GCs in the server. */
    memoryAfterGc: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.kill('SIGUSR2');
      }),
    stop: async ({ keepDir = !ownDir } = {}) => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The API's SQLite database, opened directly (for seeding while the server is stopped or idle). */
export function openDatabase(dir) {
  const Database = createRequire(join(ROOT, 'package.json'))('better-sqlite3');
  const db = new Database(join(dir, 'app.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Starts bench/lib/bare-server.mjs in a child process (optionally serving the job page from `dbPath`). */
export async function startBareServer(dbPath) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./bare-server.mjs', import.meta.url)), String(port), ...(dbPath ? [dbPath] : [])],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
