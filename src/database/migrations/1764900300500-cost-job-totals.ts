import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * A per-job roll-up table: per team and job (`cost_job_totals`), or per team,
 * job and day (`cost_job_rollups`, which it replaces). Its index serves every
 * team's per-job sums from the index alone, already in group order.
 */
function jobTable(queryRunner: QueryRunner, name: string, index: string, withDay: boolean): Table {
  const t = columnTypes(queryRunner);
  return new Table({
    name,
    columns: [
      { name: 'team_id', type: 'varchar', length: '64', isPrimary: true },
      { name: 'job_slug', type: 'varchar', length: '64', isPrimary: true },
      ...(withDay ? [{ name: 'day', type: 'varchar', length: '10', isPrimary: true }] : []),
      { name: 'cost_usd', type: t.double, default: 0 },
      { name: 'tokens_in', type: t.bigint, default: 0 },
      { name: 'tokens_out', type: t.bigint, default: 0 },
      { name: 'calls', type: t.bigint, default: 0 },
    ],
    indices: [
      new TableIndex({ name: index, columnNames: ['job_slug', 'cost_usd', 'tokens_in', 'tokens_out', 'calls'] }),
    ],
  });
}

/**
 * The per-job roll-up loses its day: `cost_job_totals` keeps one row per
 * (team, job), so the per-job figures (every job, for the cost overview) read
 * one row per job instead of summing job × day rows; nothing read the day.
 * Filled from the per-day roll-up it replaces (a few rows per job).
 */
export class CostJobTotals1764900300500 implements MigrationInterface {
  name = 'CostJobTotals1764900300500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(jobTable(queryRunner, 'cost_job_totals', 'idx_cost_job_total_job', false));
    await queryRunner.query(
      `INSERT INTO cost_job_totals (team_id, job_slug, cost_usd, tokens_in, tokens_out, calls)
       SELECT team_id, job_slug, SUM(cost_usd), SUM(tokens_in), SUM(tokens_out), SUM(calls)
       FROM cost_job_rollups GROUP BY team_id, job_slug`,
    );
    await queryRunner.dropTable('cost_job_rollups');
  }

  /** The per-day job roll-up again, from the raw rows (the totals no longer know the days). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(jobTable(queryRunner, 'cost_job_rollups', 'idx_cost_job_rollup_job', true));
    await queryRunner.query(
      `INSERT INTO cost_job_rollups (team_id, job_slug, day, cost_usd, tokens_in, tokens_out, calls)
       SELECT team_id, job_slug, day, SUM(cost_usd), SUM(tokens_in), SUM(tokens_out), COUNT(*)
       FROM cost_records WHERE job_slug IS NOT NULL GROUP BY team_id, job_slug, day`,
    );
    await queryRunner.dropTable('cost_job_totals');
  }
}
