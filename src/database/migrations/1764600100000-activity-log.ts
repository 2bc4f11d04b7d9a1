import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampColumn } from '../column-types';

export class ActivityLog1764600100000 implements MigrationInterface {
  name = 'ActivityLog1764600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'activity_log',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          timestampColumn('timestamp'),
          { name: 'task_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'agent', type: 'varchar', length: '64', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '32' },
          { name: 'details', type: 'text' },
          { name: 'team_id', type: 'varchar', length: '64' },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [
          new TableIndex({ name: 'idx_activity_action_id', columnNames: ['action', 'id'] }),
          new TableIndex({ name: 'idx_activity_team_id', columnNames: ['team_id', 'id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('activity_log');
  }
}
