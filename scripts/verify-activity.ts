/**
 * Verifies the activity log's hash chain: `npm run verify-activity`.
 * Prints `OK: N entries verified` (exit 0) or `BROKEN at entry <id>: <reason>`
 * (exit 1); exit 2 when the database cannot be read.
 *
 * Reads the same DB_PATH / DATABASE_URL / DB_SCHEMA as the app (environment
 * first, then `.env`). Raw SQL only: tsx emits no decorator metadata, so no
 * entity is imported here.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { verifyChainIn } from '../src/activity/activity-chain';
import { databaseConfig } from '../src/config/database.config';
import { buildDataSourceOptions } from '../src/database/data-source.options';

async function main(): Promise<number> {
  const envFile = process.env.ENV_FILE || '.env';
  if (existsSync(envFile)) process.loadEnvFile(envFile);

  const config = databaseConfig();
  if (!config.url && config.path !== ':memory:' && !existsSync(config.path)) {
    console.error(`No database at ${config.path}`);
    return 2;
  }
  // Read-only use: no migrations, no schema creation.
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), migrationsRun: false, logging: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    console.error(`Cannot open the database: ${(error as Error).message}`);
    return 2;
  }
  try {
    const report = await verifyChainIn(dataSource);
    if (report.ok) {
      console.log(`OK: ${report.checked} entries verified`);
      return 0;
    }
    console.log(`BROKEN at entry ${report.brokenAt}: ${report.reason}`);
    return 1;
  } catch (error) {
    console.error(`Cannot read the activity log: ${(error as Error).message}`);
    return 2;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 2;
  },
);
