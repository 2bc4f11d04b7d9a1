import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampColumn } from '../column-types';

export class Hitl1764800000000 implements MigrationInterface {
  name = 'Hitl1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'checkpoints',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'job_slug', type: 'varchar', length: '64' },
          { name: 'team_id', type: 'varchar', length: '64' },
          { name: 'phase', type: 'varchar', length: '16' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'action', type: 'varchar', length: '200' },
          { name: 'reason', type: 'text' },
          { name: 'summary', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          timestampColumn('created_at'),
          timestampColumn('decided_at', true),
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decision_reason', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_checkpoints_team_status', columnNames: ['team_id', 'status'] }),
          new TableIndex({ name: 'idx_checkpoints_job', columnNames: ['job_slug', 'phase', 'kind'] }),
        ],
        // A job's checkpoints go with it.
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['job_slug'],
            referencedTableName: 'jobs',
            referencedColumnNames: ['slug'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'experiences',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'team_id', type: 'varchar', length: '64' },
          { name: 'job_slug', type: 'varchar', length: '64', isNullable: true },
          { name: 'agent', type: 'varchar', length: '40' },
          { name: 'problem', type: 'text' },
          { name: 'solution', type: 'text' },
          { name: 'lessons', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
          timestampColumn('decided_at', true),
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decision_reason', type: 'text', isNullable: true },
          { name: 'times_used', type: 'integer', default: 0 },
        ],
        indices: [new TableIndex({ name: 'idx_experiences_team_status', columnNames: ['team_id', 'status'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('experiences');
    await queryRunner.dropTable('checkpoints');
  }
}
