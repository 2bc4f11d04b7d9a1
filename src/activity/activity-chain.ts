import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The hash chain of the activity log, in one place for the service and for
 * `scripts/verify-activity.ts`. Free of decorators and entities on purpose:
 * the script runs under tsx, which emits no decorator metadata.
 */

/** prev_hash of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: every stored field except the id and the hashes. */
export interface ChainedFields {
  timestamp: string;
  task_id: string | null;
  agent: string | null;
  action: string;
  status: string;
  /** Exactly as stored (a JSON string or plain text). */
  details: string;
  team_id: string;
}

export interface ChainedRow extends ChainedFields {
  id: number;
  prev_hash: string;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** Id of the first entry that does not verify. */
  brokenAt?: number;
  reason?: string;
}

/** Fixed key order and null for absent values, so an entry always serialises to the same text. */
export function canonicalJson(fields: ChainedFields): string {
  return JSON.stringify({
    action: fields.action,
    agent: fields.agent ?? null,
    details: fields.details,
    status: fields.status,
    task_id: fields.task_id ?? null,
    team_id: fields.team_id,
    timestamp: fields.timestamp,
  });
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(fields))
    .digest('hex');
}

export type FetchBatch = (afterId: number, limit: number) => Promise<ChainedRow[]>;

/** Walks the chain in id order, batch by batch, and stops at the first entry that does not verify. */
export async function verifyChain(fetchBatch: FetchBatch, batchSize = 500): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await fetchBatch(afterId, batchSize);
    for (const row of rows) {
      if (row.prev_hash !== expectedPrev) {
        const reason =
          checked === 0
            ? 'the first entry does not start the chain (prev_hash is not the genesis hash); earlier entries were removed'
            : `prev_hash does not match the hash of the entry before it (an entry was removed or altered)`;
        return { ok: false, checked, brokenAt: row.id, reason };
      }
      if (entryHash(row.prev_hash, row) !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: 'hash does not match the entry contents (the entry was altered)',
        };
      }
      expectedPrev = row.hash;
      afterId = row.id;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked };
  }
}

/** The chain of `activity_log` in a TypeORM DataSource (SQLite or PostgreSQL), read with raw SQL. */
export function verifyChainIn(dataSource: DataSource, batchSize = 500): Promise<ChainReport> {
  const postgres = dataSource.options.type === 'postgres';
  const [after, limit] = postgres ? ['$1', '$2'] : ['?', '?'];
  const sql =
    'SELECT id, "timestamp", task_id, agent, action, status, details, team_id, prev_hash, hash ' +
    `FROM activity_log WHERE id > ${after} ORDER BY id LIMIT ${limit}`;
  return verifyChain(async (afterId, size) => {
    const rows = await dataSource.query<ChainedRow[]>(sql, [afterId, size]);
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }, batchSize);
}
