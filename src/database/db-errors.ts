import { QueryFailedError } from 'typeorm';

/** A primary-key or unique constraint refused the row (PostgreSQL 23505, SQLite CONSTRAINT_*). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code } = error.driverError as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A foreign key refused the row: its parent is gone (PostgreSQL 23503, SQLite CONSTRAINT_FOREIGNKEY). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code } = error.driverError as { code?: string };
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
