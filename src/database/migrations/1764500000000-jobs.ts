import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes, timestampColumn } from '../column-types';

export class Jobs1764500000000 implements MigrationInterface {
  name = 'Jobs1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'jobs',
        columns: [
          { name: 'slug', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'description', type: 'text' },
          { name: 'platform', type: 'varchar', length: '100' },
          { name: 'style', type: 'varchar', length: '40' },
          { name: 'backend', type: 'varchar', length: '40' },
          { name: 'features', type: 'text' },
          { name: 'checkpoints', type: 'text' },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'current_phase', type: 'varchar', length: '16', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'cancel_requested', type: 'boolean', default: false },
          { name: 'generator', type: 'varchar', length: '32' },
          { name: 'cost_usd', type: t.double, default: 0 },
          { name: 'team_id', type: 'varchar', length: '64' },
          { name: 'artifact', type: 'varchar', length: '200', isNullable: true },
          { name: 'worker_id', type: 'varchar', length: '80', isNullable: true },
          timestampColumn('lease_until', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
          timestampColumn('started_at', true),
          timestampColumn('finished_at', true),
        ],
        indices: [
          new TableIndex({ name: 'idx_jobs_team_created', columnNames: ['team_id', 'created_at'] }),
          new TableIndex({ name: 'idx_jobs_status', columnNames: ['status'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_phases',
        columns: [
          { name: 'job_slug', type: 'varchar', length: '64', isPrimary: true },
          { name: 'phase', type: 'varchar', length: '16', isPrimary: true },
          { name: 'position', type: 'integer' },
          { name: 'agent', type: 'varchar', length: '40' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          timestampColumn('started_at', true),
          timestampColumn('finished_at', true),
          { name: 'error', type: 'text', isNullable: true },
          { name: 'outputs', type: 'text' },
        ],
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
        name: 'job_logs',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'job_slug', type: 'varchar', length: '64' },
          { name: 'phase', type: 'varchar', length: '16', isNullable: true },
          { name: 'level', type: 'varchar', length: '8' },
          { name: 'message', type: 'text' },
          { name: 'event', type: 'varchar', length: '16', default: "'log'" },
          { name: 'data', type: 'text', isNullable: true },
          timestampColumn('created_at'),
        ],
        indices: [new TableIndex({ name: 'idx_job_logs_job', columnNames: ['job_slug', 'id'] })],
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_logs');
    await queryRunner.dropTable('job_phases');
    await queryRunner.dropTable('jobs');
  }
}
