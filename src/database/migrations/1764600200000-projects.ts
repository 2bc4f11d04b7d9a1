import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes, timestampColumn } from '../column-types';

export class Projects1764600200000 implements MigrationInterface {
  name = 'Projects1764600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'projects',
        columns: [
          { name: 'slug', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'description', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'health', type: 'varchar', length: '16' },
          { name: 'icon', type: 'varchar', length: '16' },
          { name: 'repository', type: 'varchar', length: '500' },
          { name: 'monthly_spend', type: t.double, default: 0 },
          { name: 'sla', type: 'varchar', length: '16' },
          { name: 'build_progress', type: 'integer', default: 0 },
          { name: 'features', type: 'text' },
          { name: 'team_id', type: 'varchar', length: '64' },
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        indices: [new TableIndex({ name: 'idx_projects_team', columnNames: ['team_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('projects');
  }
}
