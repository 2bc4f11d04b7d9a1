import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-errors';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });
const queryFailed = (driverError: Error): QueryFailedError => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['pg: connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['pg: connect timed out', withCode('connect ETIMEDOUT 10.0.0.1:5432', 'ETIMEDOUT')],
    ['pg: connection dropped', new Error('Connection terminated unexpectedly')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pg: broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['PostgreSQL shutting down (57P01)', queryFailed(withCode('terminating connection', '57P01'))],
    ['PostgreSQL starting up (57P03)', queryFailed(withCode('the database system is starting up', '57P03'))],
    ['PostgreSQL connection failure (08006)', queryFailed(withCode('connection failure', '08006'))],
    ['PostgreSQL too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['SQLite busy', queryFailed(withCode('database is locked', 'SQLITE_BUSY'))],
    ['SQLite cannot open', withCode('unable to open database file', 'SQLITE_CANTOPEN')],
    ['SQLite I/O error', queryFailed(withCode('disk I/O error', 'SQLITE_IOERR_WRITE'))],
    ['better-sqlite3 closed', new TypeError('The database connection is not open')],
    ['TypeORM PostgreSQL driver destroyed', new Error('Driver not Connected')],
    [
      'TypeORM not connected',
      Object.assign(new Error('Cannot execute operation because connection is not yet established.'), {
        name: 'CannotExecuteNotConnectedError',
      }),
    ],
    [
      'several addresses refused (AggregateError)',
      Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''), {}),
    ],
  ])('%s → unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', queryFailed(withCode('syntax error at or near "x"', '42601'))],
    ['a unique violation', queryFailed(withCode('duplicate key', '23505'))],
    ['SQLite datatype mismatch', queryFailed(withCode('datatype mismatch', 'SQLITE_MISMATCH'))],
    ['SQLite constraint', queryFailed(withCode('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    // An HTTP client's failure (an LLM call) is not the database, even with a socket error as its cause.
    ['fetch failed', new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s → not unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
