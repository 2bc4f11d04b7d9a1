import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Covering indexes for the cost dashboards: the daily buckets, the total spend
 * and the active-model count read only these columns, so both databases answer
 * them from the index without visiting a million table rows.
 */
export class CostCoveringIndexes1764900000000 implements MigrationInterface {
  name = 'CostCoveringIndexes1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'cost_records',
      new TableIndex({ name: 'idx_cost_day_model_cost', columnNames: ['day', 'model', 'cost_usd'] }),
    );
    await queryRunner.createIndex(
      'cost_records',
      new TableIndex({ name: 'idx_cost_team_day_model_cost', columnNames: ['team_id', 'day', 'model', 'cost_usd'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('cost_records', 'idx_cost_team_day_model_cost');
    await queryRunner.dropIndex('cost_records', 'idx_cost_day_model_cost');
  }
}
