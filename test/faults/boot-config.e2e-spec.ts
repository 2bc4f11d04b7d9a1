import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, freePort, MAIN_JS, requireBuild, ROOT, WORKER_JS } from '../helpers/processes';

/**
 * The built API (and worker) started with a bad configuration: each must stop
 * at once with exit code 1 and ONE line naming the variable and what it
 * accepts — no stack trace, no retry loop. The bound is "within 5 s";
 * it is the kill timeout here (generous: a well-behaved boot fails in well
 * under a second), not a speed assertion.
 */
const BOUND_MS = 5_000;

interface Outcome {
  code: number | null;
  killed: boolean;
  lines: string[];
}

function boot(script: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script],
      { cwd: ROOT, env: appEnv(env), timeout: BOUND_MS, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const lines = `${stdout}\n${stderr}`.split('\n').filter((l) => l.trim());
        const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, killed: Boolean(e?.killed), lines });
      },
    );
  });
}

describe('a bad configuration stops the boot with one clear line', () => {
  let dir: string;
  let base: Record<string, string>;

  beforeAll(async () => {
    requireBuild();
    dir = await mkdtemp(join(tmpdir(), 'sf-boot-'));
    await writeFile(join(dir, 'a-file'), 'not a directory');
    base = {
      DB_PATH: join(dir, 'data', 'app.db'),
      ENV_FILE: join(dir, '.env'),
      GENERATED_APPS_DIR: join(dir, 'apps'),
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
    };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'LOG_LEVEL=verbose',
      { LOG_LEVEL: 'verbose' },
      /LOG_LEVEL must be one of trace, debug, info, warn, error, fatal or silent \(got "verbose"\)/,
    ],
    ['TOKEN_RATE_LIMIT=abc', { TOKEN_RATE_LIMIT: 'abc' }, /TOKEN_RATE_LIMIT must be a whole number from 1 to/],
    ['PORT=99999', { PORT: '99999' }, /PORT must be a whole number from 1 to 65535 \(got "99999"\)/],
    ['LOG_FORMAT=xml', { LOG_FORMAT: 'xml' }, /LOG_FORMAT must be one of json or pretty/],
    ['RUN_WORKER=maybe', { RUN_WORKER: 'maybe' }, /RUN_WORKER must be true or false/],
    ['REDIS_URL=localhost:6379', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    [
      'MAX_PARALLEL_JOBS=100 (a settings mirror)',
      { MAX_PARALLEL_JOBS: '100' },
      /MAX_PARALLEL_JOBS must be a whole number from 1 to 32/,
    ],
    ['HITL_CHECKPOINTS=deploy', { HITL_CHECKPOINTS: 'ba,deploy' }, /HITL_CHECKPOINTS has unknown phase names: deploy/],
  ];

  it.each(cases)('%s', { timeout: 15_000 }, async (_name, env, message) => {
    const outcome = await boot(MAIN_JS, { ...base, ...env });
    expect(outcome.killed, 'the process must stop by itself').toBe(false);
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toHaveLength(1);
    expect(outcome.lines[0]).toMatch(/^Failed to start: Invalid configuration: /);
    expect(outcome.lines[0]).toMatch(message);
  });

  it('a bad value in the .env file is caught like one in the environment', { timeout: 15_000 }, async () => {
    const envFile = join(dir, 'bad.env');
    await writeFile(envFile, 'SSE_HEARTBEAT_MS=fast\n');
    const outcome = await boot(MAIN_JS, { ...base, ENV_FILE: envFile });
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toEqual([
      expect.stringMatching(/SSE_HEARTBEAT_MS must be a whole number from 10 to 3600000/),
    ]);
  });

  it('every problem is named in the same line; a secret is never echoed', { timeout: 15_000 }, async () => {
    const outcome = await boot(MAIN_JS, {
      ...base,
      APP_ENV: 'production',
      JWT_SECRET: 'short-secret-value',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://user:hunter2@db/app',
    });
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toHaveLength(1);
    const [line] = outcome.lines;
    expect(line).toMatch(
      /LOG_LEVEL.*DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL.*JWT_SECRET must be at least 32/,
    );
    expect(line).not.toContain('short-secret-value');
    expect(line).not.toContain('hunter2');
  });

  it('an unwritable DB_PATH: one line naming DB_PATH, no hang', { timeout: 15_000 }, async () => {
    // Root may write anywhere: a path through a regular file is what cannot be created for anyone.
    const outcome = await boot(MAIN_JS, { ...base, DB_PATH: join(dir, 'a-file', 'app.db') });
    expect(outcome.killed).toBe(false);
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toEqual([
      expect.stringMatching(/^Failed to start: DB_PATH: cannot create the database directory \(\w+: .+\)/),
    ]);
    expect(outcome.lines[0]).not.toContain(dir);
  });

  it('DB_PATH naming a directory: one line', { timeout: 15_000 }, async () => {
    const outcome = await boot(MAIN_JS, { ...base, DB_PATH: dir });
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toEqual([expect.stringMatching(/DB_PATH points at a directory/)]);
  });

  it(
    'an unreachable PostgreSQL: one line naming DATABASE_URL and the address, no retry loop',
    { timeout: 15_000 },
    async () => {
      const port = await freePort(); // nothing listens there
      const outcome = await boot(MAIN_JS, {
        ...base,
        DATABASE_URL: `postgres://postgres:pw-not-shown@127.0.0.1:${port}/test`,
      });
      expect(outcome.killed).toBe(false);
      expect(outcome.code).toBe(1);
      expect(outcome.lines).toEqual([
        `Failed to start: DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED)`,
      ]);
    },
  );

  it('the worker refuses the same way', { timeout: 15_000 }, async () => {
    const bad = await boot(WORKER_JS, { ...base, JOB_QUEUE_BACKEND: 'bull', LOG_LEVEL: 'verbose' });
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([
      expect.stringMatching(/^Worker failed to start: Invalid configuration: LOG_LEVEL must be/),
    ]);

    const thread = await boot(WORKER_JS, { ...base, JOB_QUEUE_BACKEND: 'thread' });
    expect(thread.code).toBe(1);
    expect(thread.lines).toEqual([expect.stringMatching(/set JOB_QUEUE_BACKEND=bull/)]);
  });
});
