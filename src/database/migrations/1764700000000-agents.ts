import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes, timestampColumn } from '../column-types';

export class Agents1764700000000 implements MigrationInterface {
  name = 'Agents1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'agent_configs',
        columns: [
          { name: 'agent_id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'model', type: 'varchar', length: '200', default: "''" },
          { name: 'system_prompt', type: 'text' },
          { name: 'description', type: 'text' },
          { name: 'temperature', type: t.double },
          { name: 'max_tokens', type: 'integer' },
          timestampColumn('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agent_configs');
  }
}
