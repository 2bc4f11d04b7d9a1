import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CostRecord } from './cost-record.entity';

const SUMS = ['cost_usd', 'tokens_in', 'tokens_out', 'calls'] as const;

/** `?` for SQLite, `$1…$n` for PostgreSQL. */
function placeholders(manager: EntityManager, count: number): string {
  const postgres = manager.connection.options.type === 'postgres';
  return Array.from({ length: count }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}

/** One upsert that adds the row's sums to the existing ones (ON CONFLICT works the same on SQLite ≥ 3.24 and PostgreSQL). */
function upsertSql(manager: EntityManager, table: string, keys: readonly string[]): string {
  const columns = [...keys, ...SUMS];
  const add = SUMS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(manager, columns.length)})
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${add}`;
}

/**
 * Keeps the cost roll-ups (cost_daily_rollups, cost_agent_rollups,
 * cost_job_rollups) equal to the sums of `cost_records`: every write to the
 * records goes through here in the same transaction, so a reader never sees
 * one without the other.
 */
@Injectable()
export class CostRollupService {
  /** Adds one just-inserted cost record to the roll-ups, on the inserting transaction's manager. */
  async add(manager: EntityManager, record: Omit<CostRecord, 'id'>): Promise<void> {
    const sums = [record.cost_usd, record.tokens_in, record.tokens_out, 1];
    await manager.query(upsertSql(manager, 'cost_daily_rollups', ['team_id', 'day', 'agent', 'provider', 'model']), [
      record.team_id,
      record.day,
      record.agent ?? '',
      record.provider,
      record.model,
      ...sums,
    ]);
    await manager.query(upsertSql(manager, 'cost_agent_rollups', ['team_id', 'agent', 'provider', 'model']), [
      record.team_id,
      record.agent ?? '',
      record.provider,
      record.model,
      ...sums,
    ]);
    if (record.job_slug === null) return;
    await manager.query(upsertSql(manager, 'cost_job_rollups', ['team_id', 'job_slug', 'day']), [
      record.team_id,
      record.job_slug,
      record.day,
      ...sums,
    ]);
  }

  /** Empties the roll-ups (with the records, on the same manager). */
  async clear(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM cost_job_rollups');
    await manager.query('DELETE FROM cost_agent_rollups');
    await manager.query('DELETE FROM cost_daily_rollups');
  }
}
