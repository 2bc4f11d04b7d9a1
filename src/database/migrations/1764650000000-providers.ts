import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampColumn } from '../column-types';

export class Providers1764650000000 implements MigrationInterface {
  name = 'Providers1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'providers',
        columns: [
          { name: 'name', type: 'varchar', length: '40', isPrimary: true },
          { name: 'base_url', type: 'varchar', length: '500' },
          { name: 'api_key_env', type: 'varchar', length: '64', isNullable: true },
          { name: 'default_model', type: 'varchar', length: '200' },
          { name: 'enabled', type: 'boolean', default: true },
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('providers');
  }
}
