import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * Cost roll-ups (see CostDailyRollup, CostAgentRollup, CostJobRollup), filled
 * from the cost records already there; from then on every insert keeps them
 * in step (CostRollupService).
 */
export class CostRollups1764900300100 implements MigrationInterface {
  name = 'CostRollups1764900300100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const sums = [
      { name: 'cost_usd', type: t.double, default: 0 },
      { name: 'tokens_in', type: t.bigint, default: 0 },
      { name: 'tokens_out', type: t.bigint, default: 0 },
      { name: 'calls', type: t.bigint, default: 0 },
    ];
    await queryRunner.createTable(
      new Table({
        name: 'cost_daily_rollups',
        columns: [
          { name: 'team_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'agent', type: 'varchar', length: '40', isPrimary: true },
          { name: 'provider', type: 'varchar', length: '40', isPrimary: true },
          { name: 'model', type: 'varchar', length: '200', isPrimary: true },
          ...sums,
        ],
        // Every team's days (the primary key serves one team's): read from the index alone.
        indices: [
          new TableIndex({ name: 'idx_cost_daily_rollup_day', columnNames: ['day', 'model', 'cost_usd', 'calls'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cost_agent_rollups',
        columns: [
          { name: 'team_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'agent', type: 'varchar', length: '40', isPrimary: true },
          { name: 'provider', type: 'varchar', length: '40', isPrimary: true },
          { name: 'model', type: 'varchar', length: '200', isPrimary: true },
          ...sums,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cost_job_rollups',
        columns: [
          { name: 'team_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'job_slug', type: 'varchar', length: '64', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          ...sums,
        ],
        // Every team's per-job sums, read from the index alone and already in group order.
        indices: [
          new TableIndex({
            name: 'idx_cost_job_rollup_job',
            columnNames: ['job_slug', 'cost_usd', 'tokens_in', 'tokens_out', 'calls'],
          }),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO cost_daily_rollups (team_id, day, agent, provider, model, cost_usd, tokens_in, tokens_out, calls)
       SELECT team_id, day, COALESCE(agent, ''), provider, model, SUM(cost_usd), SUM(tokens_in), SUM(tokens_out), COUNT(*)
       FROM cost_records GROUP BY team_id, day, COALESCE(agent, ''), provider, model`,
    );
    await queryRunner.query(
      `INSERT INTO cost_agent_rollups (team_id, agent, provider, model, cost_usd, tokens_in, tokens_out, calls)
       SELECT team_id, agent, provider, model, SUM(cost_usd), SUM(tokens_in), SUM(tokens_out), SUM(calls)
       FROM cost_daily_rollups GROUP BY team_id, agent, provider, model`,
    );
    await queryRunner.query(
      `INSERT INTO cost_job_rollups (team_id, job_slug, day, cost_usd, tokens_in, tokens_out, calls)
       SELECT team_id, job_slug, day, SUM(cost_usd), SUM(tokens_in), SUM(tokens_out), COUNT(*)
       FROM cost_records WHERE job_slug IS NOT NULL GROUP BY team_id, job_slug, day`,
    );
    // The raw rows are now read only for the latest calls (per team) and a job's models (export manifest);
    // the covering indexes the aggregates used would only slow every insert down.
    await queryRunner.query('DROP INDEX IF EXISTS idx_cost_team_day_cover');
    await queryRunner.query('DROP INDEX IF EXISTS idx_cost_team_job_cover');
    await queryRunner.query('DROP INDEX IF EXISTS idx_cost_team_agent_cover');
    await queryRunner.query('CREATE INDEX IF NOT EXISTS idx_cost_team_recent ON cost_records (team_id, id)');
    await queryRunner.query('CREATE INDEX IF NOT EXISTS idx_cost_job ON cost_records (job_slug, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idx_cost_job');
    await queryRunner.query('DROP INDEX idx_cost_team_recent');
    await queryRunner.query('CREATE INDEX idx_cost_team_day_cover ON cost_records (team_id, day, model, cost_usd)');
    await queryRunner.query(
      'CREATE INDEX idx_cost_team_job_cover ON cost_records (team_id, job_slug, cost_usd, tokens_in, tokens_out)',
    );
    await queryRunner.query(
      'CREATE INDEX idx_cost_team_agent_cover ON cost_records (team_id, agent, cost_usd, tokens_in, tokens_out)',
    );
    await queryRunner.dropTable('cost_job_rollups');
    await queryRunner.dropTable('cost_agent_rollups');
    await queryRunner.dropTable('cost_daily_rollups');
  }
}
