import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ConfigError } from './env.validation';

type Sqlite = new (
  path: string,
  options?: { timeout?: number },
) => {
  pragma(sql: string): unknown;
  close(): void;
};

const CODES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
};

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code && CODES[e.code]) return `${e.code}: ${CODES[e.code]}`;
  // The code, not the message: messages carry the server's paths.
  return e?.code ?? (e instanceof Error ? e.message.split('\n')[0] : String(error));
}

/** The SQLite file can be created (or opened) for writing. */
function checkSqlite(path: string): void {
  if (path === ':memory:') return;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `DB_PATH: cannot create the database directory (${reason(error)}); set DB_PATH to a writable file`,
    );
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new ConfigError('DB_PATH: the database directory is not writable; set DB_PATH to a writable file');
  }
  let exists = true;
  try {
    if (!statSync(path).isFile()) throw new ConfigError('DB_PATH points at a directory, not a database file');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    exists = false;
  }
  if (exists) {
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch {
      throw new ConfigError('DB_PATH: the database file is not readable and writable by this user');
    }
  }
  try {
    const Database = createRequire(__filename)('better-sqlite3') as Sqlite;
    const db = new Database(path, { timeout: 5_000 });
    try {
      db.pragma('schema_version');
    } finally {
      db.close();
    }
  } catch (error) {
    throw new ConfigError(`DB_PATH: cannot open the SQLite database (${reason(error)}: ${(error as Error).message})`);
  }
}

/** PostgreSQL answers and accepts the credentials (one connection, 5 s at most). */
async function checkPostgres(url: string): Promise<void> {
  const { Client } = await import('pg');
  let where = 'the server';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || 5432}`;
  } catch {
    // validated earlier; keep the generic name
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const detail = e.code && /^[A-Z]+$/.test(e.code) ? e.code : (e.message ?? String(error)).split('\n')[0];
    throw new ConfigError(`DATABASE_URL: cannot connect to PostgreSQL at ${where} (${detail})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Before the app is built: the database the configuration names can be used.
 * Fails with one line (and so a non-zero exit) instead of TypeORM's retry loop
 * and its stack traces.
 */
export async function checkDatabase(env: Record<string, string | undefined>): Promise<void> {
  const url = env.DATABASE_URL?.trim();
  if (url) await checkPostgres(url);
  else checkSqlite(env.DB_PATH?.trim() || 'data/app.db');
}
