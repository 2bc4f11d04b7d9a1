import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The indexes this migration replaces, as Costs1764600000000 created them. */
const replaced = (): TableIndex[] => [
  new TableIndex({ name: 'idx_cost_day', columnNames: ['day'] }),
  new TableIndex({ name: 'idx_cost_team_day', columnNames: ['team_id', 'day'] }),
  new TableIndex({ name: 'idx_cost_job', columnNames: ['job_slug'] }),
  new TableIndex({ name: 'idx_cost_agent', columnNames: ['agent'] }),
];

/**
 * Covering indexes for the cost dashboards and the budget check: every
 * aggregate (daily buckets, totals, by job, by agent, active models) reads
 * only the columns of one of these, so SQLite and PostgreSQL answer it from
 * the index instead of visiting each table row. Team-leading, because most
 * callers are scoped to their team. Each one starts with the columns of the
 * index it replaces; the single-column job_slug and agent indexes made the
 * planner walk a million rows in random order to avoid a sort.
 */
const covering = (): TableIndex[] => [
  new TableIndex({ name: 'idx_cost_day_cover', columnNames: ['day', 'model', 'cost_usd'] }),
  new TableIndex({ name: 'idx_cost_team_day_cover', columnNames: ['team_id', 'day', 'model', 'cost_usd'] }),
  new TableIndex({
    name: 'idx_cost_team_job_cover',
    columnNames: ['team_id', 'job_slug', 'cost_usd', 'tokens_in', 'tokens_out'],
  }),
  new TableIndex({
    name: 'idx_cost_team_agent_cover',
    columnNames: ['team_id', 'agent', 'cost_usd', 'tokens_in', 'tokens_out'],
  }),
];

export class CostCoveringIndexes1764900000000 implements MigrationInterface {
  name = 'CostCoveringIndexes1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of covering()) await queryRunner.createIndex('cost_records', index);
    for (const index of replaced()) await queryRunner.dropIndex('cost_records', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of replaced()) await queryRunner.createIndex('cost_records', index);
    for (const index of covering()) await queryRunner.dropIndex('cost_records', index);
  }
}
