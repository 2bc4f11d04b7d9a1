import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import { MIGRATIONS } from './migrations';

/**
 * One place that turns the database config into TypeORM options, used by the
 * app (TypeOrmModule) and by the migration CLI (ormconfig.ts).
 */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Not 'error': TypeORM would log failed queries with their parameters (user data); errors surface where they are handled.
    logging: ['warn' as const, 'migration' as const],
  };
  if (config.url) {
    return {
      ...common,
      type: 'postgres',
      url: config.url,
      // A per-deployment schema through search_path keeps every query and the
      // migrations table inside it without qualifying table names.
      extra: {
        max: 10,
        connectionTimeoutMillis: 5_000,
        ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
      },
    };
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.path,
    enableWAL: true,
    // Writers wait for the lock instead of surfacing SQLITE_BUSY to clients.
    timeout: 10_000,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}

/** Creates the configured PostgreSQL schema before TypeORM connects into it. */
export async function ensurePostgresSchema(config: DatabaseConfig): Promise<void> {
  if (!config.url || !config.schema) return;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: config.url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
  } finally {
    await client.end();
  }
}
