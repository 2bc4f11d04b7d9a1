import type { QueryRunner } from 'typeorm';

/**
 * Column types that differ between SQLite and PostgreSQL, so one migration set
 * serves both. Timestamps are ISO-8601 UTC strings: they sort and group by day
 * the same way on both databases.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.options.type === 'postgres';
  return {
    double: postgres ? 'double precision' : 'real',
    bigint: postgres ? 'bigint' : 'integer',
    timestamp: 'varchar',
    timestampLength: '32',
  };
}
