import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types';

export class Providers1764650000000 implements MigrationInterface {
  name = 'Providers1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'providers',
        columns: [
          { name: 'name', type: 'varchar', length: '40', isPrimary: true },
          { name: 'base_url', type: 'varchar', length: '500' },
          { name: 'api_key_env', type: 'varchar', length: '64', isNullable: true },
          { name: 'default_model', type: 'varchar', length: '200' },
          { name: 'enabled', type: 'boolean', default: true },
          { name: 'created_at', type: t.timestamp, length: t.timestampLength },
          { name: 'updated_at', type: t.timestamp, length: t.timestampLength },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('providers');
  }
}
