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

/** Node socket errors: the server cannot be reached or the connection broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "wrong request": class
 * 08 (connection exception), the server shutting down or starting up (57P01–
 * 57P03), too many connections (53300).
 */
const POSTGRES_UNAVAILABLE = /^(08\w{3}|57P0[123]|53300)$/;

/** SQLite: locked past the busy timeout, the file cannot be opened, or the disk failed. */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR)/;

/** Messages of pg, TypeORM and better-sqlite3 for a connection that is gone or was never made. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/i, // pg-pool connectionTimeoutMillis
  /^Client has encountered a connection error/i, // pg: a broken client reused
  /^Client was closed and is not queryable/i,
  /^Cannot use a pool after calling end/i,
  /connection is not (yet )?established/i, // TypeORM CannotExecuteNotConnectedError, ConnectionIsNotSetError
  /^Driver not Connected$/i, // TypeORM's PostgreSQL driver after destroy()
  /^The database connection is not open/i, // better-sqlite3 after close()
];

const TYPEORM_NOT_CONNECTED = new Set([
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
  'CannotGetEntityManagerNotConnectedError',
]);

/**
 * The database cannot be reached or cannot serve right now (as opposed to a
 * query that is wrong): a refused or dropped connection, a connect timeout, a
 * server shutting down, SQLite locked or its file unusable. Looks through
 * TypeORM's `driverError`. Such a request deserves a 503
 * with Retry-After, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object' && !seen.has(current); depth++) {
    seen.add(current);
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code) || SQLITE_UNAVAILABLE.test(code)) return true;
    }
    if (typeof name === 'string' && TYPEORM_NOT_CONNECTED.has(name)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    // AggregateError (Node's happy-eyeballs connect) carries one error per address tried.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    // Only TypeORM's wrapper is unwrapped: a `cause` chain may come from an HTTP client (an LLM call), not the database.
    current = (current as { driverError?: unknown }).driverError;
  }
  return false;
}
