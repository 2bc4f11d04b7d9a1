import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/database/migrations';
import { startApp } from './helpers/app';

const run = promisify(execFile);

/** `npm run migration:*` without npm: tsx running the TypeORM CLI on ormconfig.ts. */
function typeorm(command: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const root = process.cwd(); // vitest runs from the repository root
  return run(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'node_modules/typeorm/cli.js', command, '-d', 'ormconfig.ts'],
    { cwd: root, timeout: 60_000, env: { PATH: process.env.PATH, ...env } },
  );
}

describe('migration CLI (ormconfig.ts)', () => {
  let dir: string;
  const env: Record<string, string> = {};
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const databaseUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sf-migrations-'));
    // A .env that does not exist: ormconfig must cope.
    Object.assign(env, { DB_PATH: join(dir, 'app.db'), ENV_FILE: join(dir, '.env') });
    if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl, DB_SCHEMA: schema });
  });
  afterAll(async () => {
    if (databaseUrl) {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('migration:run applies every migration, migration:revert undoes the last one', { timeout: 120_000 }, async () => {
    const show = async () => (await typeorm('migration:show', env)).stdout.split('\n');
    await typeorm('migration:run', env);
    let lines = await show();
    expect(lines.filter((line) => line.startsWith('[ ]'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('[X]')).length).toBe(MIGRATIONS.length);

    await typeorm('migration:revert', env);
    lines = await show();
    expect(lines.filter((line) => line.startsWith('[ ]')).length).toBe(1);
    expect(lines.filter((line) => line.startsWith('[X]')).length).toBe(MIGRATIONS.length - 1);
  });

  it(
    'the app boots on the database the CLI migrated and applies what is pending (same migrations table)',
    { timeout: 60_000 },
    async () => {
      // The harness drops this schema on close.
      const t = await startApp({ DB_PATH: env.DB_PATH, ...(databaseUrl ? { DB_SCHEMA: schema } : {}) }, { dir });
      try {
        expect((await t.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      } finally {
        await t.close();
      }
      const lines = (await typeorm('migration:show', env)).stdout.split('\n');
      if (!databaseUrl) expect(lines.filter((line) => line.startsWith('[X]')).length).toBe(MIGRATIONS.length);
    },
  );
});
