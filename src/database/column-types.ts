import type { QueryRunner, TableColumnOptions } from 'typeorm';

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
  };
}

/** An ISO-8601 UTC timestamp column (varchar on both databases). */
export function timestampColumn(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: '32', isNullable: nullable };
}
