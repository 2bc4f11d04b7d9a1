import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, TEST_ADMIN_KEY } from './helpers/app';

const GOOD_SECRET = 'production-secret-0123456789abcdefghijkl';

function sign(payload: Record<string, unknown>, secret: string): string {
  const head = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('configuration checks at boot', () => {
  it('production without JWT_SECRET refuses to start, naming JWT_SECRET', async () => {
    await expect(startApp({ APP_ENV: 'production' })).rejects.toThrow(/JWT_SECRET/);
  });

  it('production with a short secret refuses to start, saying it is too short (without echoing it)', async () => {
    const error = await startApp({ APP_ENV: 'production', JWT_SECRET: 'short-secret' }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/JWT_SECRET must be at least 32 characters/);
    expect(error?.message).not.toContain('short-secret');
  });

  it('production without ADMIN_API_KEY refuses to start, naming ADMIN_API_KEY', async () => {
    await expect(startApp({ APP_ENV: 'production', JWT_SECRET: GOOD_SECRET, ADMIN_API_KEY: '' })).rejects.toThrow(
      /ADMIN_API_KEY is required/,
    );
  });

  it('names every problem at once', async () => {
    await expect(startApp({ APP_ENV: 'production', ADMIN_API_KEY: '' })).rejects.toThrow(/JWT_SECRET.*ADMIN_API_KEY/);
  });

  it.each([
    [{ APP_ENV: 'staging' }, /APP_ENV/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ JOB_QUEUE_BACKEND: 'kafka' }, /JOB_QUEUE_BACKEND/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /DATABASE_URL/],
  ])('refuses %j', async (env, message) => {
    await expect(startApp(env)).rejects.toThrow(message);
  });

  it('a failed boot leaves process.env as it was', async () => {
    const before = { ...process.env };
    await expect(startApp({ APP_ENV: 'production' })).rejects.toThrow();
    expect(process.env).toEqual(before);
  });

  it('production boots with DASHBOARD_SECRET as the alias of JWT_SECRET, and signs with it', async () => {
    const t = await startApp({ APP_ENV: 'production', DASHBOARD_SECRET: GOOD_SECRET });
    try {
      const now = Math.floor(Date.now() / 1000);
      const token = sign({ team_id: 'default', role: 'viewer', iat: now, exp: now + 60 }, GOOD_SECRET);
      const res = await t.inject({ method: 'GET', url: '/api/auth/me', token });
      expect(res.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('main.ts prints the problem and exits non-zero, with no stack trace', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sf-main-'));
    try {
      const root = process.cwd(); // vitest runs from the repository root
      const run = promisify(execFile)(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
        cwd: root,
        timeout: 30_000,
        env: {
          PATH: process.env.PATH,
          APP_ENV: 'production',
          ADMIN_API_KEY: TEST_ADMIN_KEY,
          DB_PATH: join(dir, 'app.db'),
          ENV_FILE: join(dir, '.env'),
          GENERATED_APPS_DIR: join(dir, 'apps'),
        },
      });
      const failure = await run.then(
        () => undefined,
        (e: unknown) => e as { code: number; stdout: string; stderr: string },
      );
      expect(failure, 'the process must fail').toBeDefined();
      expect(failure!.code).not.toBe(0);
      const output = `${failure!.stdout}\n${failure!.stderr}`;
      expect(output).toMatch(/Failed to start: Invalid configuration: JWT_SECRET/);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('development secret', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sf-dev-secret-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is generated once beside the database, so a token minted before a restart still works after it', async () => {
    const first = await startApp({ APP_ENV: 'development' }, { dir });
    let token: string;
    try {
      token = await first.tokenFor('member', 'team-x');
    } finally {
      await first.close();
    }

    const secretFile = join(dir, '.jwt_secret');
    const secret = (await readFile(secretFile, 'utf8')).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((await stat(secretFile)).mode & 0o077).toBe(0);

    const second = await startApp({ APP_ENV: 'development' }, { dir });
    try {
      const res = await second.inject({ method: 'GET', url: '/api/auth/me', token });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ team_id: 'team-x', role: 'member' });
    } finally {
      await second.close();
    }
    expect((await readFile(secretFile, 'utf8')).trim()).toBe(secret);
  });

  it('a different data directory has a different secret: the token is refused there', async () => {
    const holder = await startApp({ APP_ENV: 'development' }, { dir });
    let token: string;
    try {
      token = await holder.tokenFor('admin');
    } finally {
      await holder.close();
    }
    const other = await startApp({ APP_ENV: 'development' });
    try {
      const res = await other.inject({ method: 'GET', url: '/api/auth/me', token });
      expect(res.statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('a configured JWT_SECRET wins over the stored one', async () => {
    const t = await startApp({ APP_ENV: 'development', JWT_SECRET: GOOD_SECRET }, { dir });
    try {
      const now = Math.floor(Date.now() / 1000);
      const token = sign({ team_id: 'default', role: 'viewer', iat: now, exp: now + 60 }, GOOD_SECRET);
      expect((await t.inject({ method: 'GET', url: '/api/auth/me', token })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('.env.example', () => {
  const listed = async (): Promise<Set<string>> => {
    const text = await readFile('.env.example', 'utf8');
    return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
  };

  async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
      .map((e) => join(e.parentPath, e.name));
  }

  it('lists every variable the code reads', async () => {
    const read = new Set<string>();
    const patterns = [
      /\b(?:env|envInt|envBool|bootEnv)\('([A-Z][A-Z0-9_]*)'/g,
      /process\.env\.([A-Z][A-Z0-9_]*)/g,
      /process\.env\['([A-Z][A-Z0-9_]*)'\]/g,
      /envVar: '([A-Z][A-Z0-9_]*)'/g,
    ];
    for (const file of await sourceFiles('src')) {
      const text = await readFile(file, 'utf8');
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) read.add(m[1]);
    }
    // Not the app's own configuration.
    for (const system of ['PATH', 'HOME', 'NODE_ENV']) read.delete(system);
    expect(read.size).toBeGreaterThan(20);
    const documented = await listed();
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('gives every variable a comment line above it', async () => {
    const lines = (await readFile('.env.example', 'utf8')).split('\n');
    const bare = lines.filter((line, i) => /^[A-Z][A-Z0-9_]*=/.test(line) && !/^#/.test(lines[i - 1] ?? ''));
    expect(bare).toEqual([]);
  });

  it('boots when copied as .env, with its settings as the seeded defaults', async () => {
    const t = await startApp({}, { envFileContent: await readFile('.env.example', 'utf8') });
    try {
      expect((await t.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      const res = await t.inject({ method: 'GET', url: '/api/settings', token: await t.tokenFor('viewer') });
      expect(res.json()).toMatchObject({
        daily_cost_limit: '5.00',
        smart_model_fallback: 'anthropic/claude-3.5-sonnet',
        max_repair_attempts: '5',
        max_parallel_jobs: '2',
        hitl_checkpoints: '',
        hitl_timeout_minutes: '0',
        job_timeout_minutes: '30',
      });
    } finally {
      await t.close();
    }
  });
});
