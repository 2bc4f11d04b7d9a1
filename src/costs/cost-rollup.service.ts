import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TeamScope } from '../common/auth/team-scope';
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
 * cost_job_totals) equal to the sums of `cost_records`: every write to the
 * records goes through here in the same transaction, so a reader never sees
 * one without the other.
 */
@Injectable()
export class CostRollupService {
  /** Roll-up transactions of this process still open, and how many have ended (committed or rolled back). */
  private open = 0;
  private ended = 0;

  /**
   * Runs a transaction that writes the roll-ups (through add or clear). On
   * SQLite this process shares one connection, so a read meanwhile sees the
   * uncommitted rows: `revision` must know such a write is open.
   */
  async writing<T>(transaction: () => Promise<T>): Promise<T> {
    this.open++;
    try {
      return await transaction();
    } finally {
      this.open--;
      this.ended++;
    }
  }

  /**
   * Names the committed roll-up state of a scope, so figures computed from it
   * can be kept until it changes; null when it cannot be named (a write of this
   * process is open, or the scope has no calls: nothing worth keeping).
   * Every insert adds one call to its team and a record id never used before
   * (ids are never reused: AUTOINCREMENT, a sequence), so the pair (calls,
   * last id) changes with every commit in any process, in whatever order
   * concurrent commits land; a wipe takes the last id away with it. One
   * statement, so both figures come from the same snapshot.
   */
  async revision(manager: EntityManager, team: TeamScope): Promise<string | null> {
    if (this.open > 0) return null;
    const ended = this.ended;
    const postgres = manager.connection.options.type === 'postgres';
    const where = (n: number) => (team === null ? '' : ` WHERE team_id = ${postgres ? `$${n}` : '?'}`);
    const [row] = await manager.query<{ calls: string | number; last_id: string | number | null }[]>(
      `SELECT (SELECT COALESCE(SUM(calls), 0) FROM cost_agent_rollups${where(1)}) AS calls,
              (SELECT MAX(id) FROM cost_records${where(2)}) AS last_id`,
      team === null ? [] : [team, team],
    );
    if (this.open > 0 || this.ended !== ended || !Number(row.calls)) return null;
    return `${ended}:${row.calls}:${row.last_id}`;
  }

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
    await manager.query(upsertSql(manager, 'cost_job_totals', ['team_id', 'job_slug']), [
      record.team_id,
      record.job_slug,
      ...sums,
    ]);
  }

  /** Empties the roll-ups (with the records, on the same manager). */
  async clear(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM cost_job_totals');
    await manager.query('DELETE FROM cost_agent_rollups');
    await manager.query('DELETE FROM cost_daily_rollups');
  }
}
