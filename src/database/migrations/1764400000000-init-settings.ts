import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampColumn } from '../column-types';

export class InitSettings1764400000000 implements MigrationInterface {
  name = 'InitSettings1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'settings',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text', isNullable: false },
          timestampColumn('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('settings');
  }
}
