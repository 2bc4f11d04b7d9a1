/**
 * The DataSource the TypeORM CLI uses (`npm run migration:run`,
 * `npm run migration:revert`), built by the same code as the app's:
 * databaseConfig() reads DB_PATH / DATABASE_URL / DB_SCHEMA, and
 * buildDataSourceOptions() turns them into the options TypeOrmModule gets.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { databaseConfig } from './src/config/database.config';
import { buildDataSourceOptions, ensurePostgresSchema } from './src/database/data-source.options';

// Like the app: the environment first, then `.env` for what it does not set.
const envFile = process.env.ENV_FILE || '.env';
if (existsSync(envFile)) process.loadEnvFile?.(envFile);

const config = databaseConfig();

/** Creates the configured PostgreSQL schema before connecting into it, as the app does at boot. */
class CliDataSource extends DataSource {
  override async initialize(): Promise<this> {
    await ensurePostgresSchema(config);
    return super.initialize();
  }
}

export default new CliDataSource(buildDataSourceOptions(config));
