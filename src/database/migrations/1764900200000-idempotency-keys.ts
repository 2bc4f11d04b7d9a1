import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestampColumn } from '../column-types';

export class IdempotencyKeys1764900200000 implements MigrationInterface {
  name = 'IdempotencyKeys1764900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          // The composite primary key is the unique constraint that makes concurrent duplicates safe.
          { name: 'scope', type: 'varchar', length: '64', isPrimary: true },
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'resource_id', type: 'varchar', length: '255', isNullable: true },
          timestampColumn('created_at'),
          timestampColumn('expires_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'idempotency_keys',
      new TableIndex({ name: 'idx_idempotency_keys_expires_at', columnNames: ['expires_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_keys');
  }
}
