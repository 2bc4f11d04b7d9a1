import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes, timestampColumn } from '../column-types';

export class Costs1764600000000 implements MigrationInterface {
  name = 'Costs1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'cost_records',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          timestampColumn('created_at'),
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'job_slug', type: 'varchar', length: '64', isNullable: true },
          { name: 'team_id', type: 'varchar', length: '64' },
          { name: 'phase', type: 'varchar', length: '16', isNullable: true },
          { name: 'agent', type: 'varchar', length: '40', isNullable: true },
          { name: 'provider', type: 'varchar', length: '40' },
          { name: 'model', type: 'varchar', length: '200' },
          { name: 'tokens_in', type: 'integer', default: 0 },
          { name: 'tokens_out', type: 'integer', default: 0 },
          { name: 'cost_usd', type: t.double, default: 0 },
          { name: 'cost_source', type: 'varchar', length: '16' },
          { name: 'latency_ms', type: 'integer', default: 0 },
          { name: 'outcome', type: 'varchar', length: '32' },
        ],
        // Covering indexes (led by team, plus one by day): the aggregates read only the index,
        // and a million rows are summed without touching the table in random order.
        indices: [
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
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cost_reservations',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'amount_usd', type: t.double },
          timestampColumn('created_at'),
        ],
        indices: [new TableIndex({ name: 'idx_reservation_day', columnNames: ['day'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cost_reservations');
    await queryRunner.dropTable('cost_records');
  }
}
