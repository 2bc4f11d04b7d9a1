import { registerAs } from '@nestjs/config';
import { env } from './env';

export interface DatabaseConfig {
  /** SQLite file used when no DATABASE_URL is given. */
  path: string;
  /** PostgreSQL connection URL; when set, PostgreSQL is used instead of SQLite. */
  url?: string;
  /** Optional PostgreSQL schema (created if missing); lets test runs share one database. */
  schema?: string;
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => ({
  path: env('DB_PATH') ?? 'data/app.db',
  url: env('DATABASE_URL'),
  schema: env('DB_SCHEMA'),
}));
