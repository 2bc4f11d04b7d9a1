import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * providers.json_mode: how file-writing requests ask for JSON (json_schema,
 * json_object or off). cost_records.over_reported: the provider reported more
 * tokens than the call could have used (more completion tokens than
 * max_tokens, or more prompt tokens than the prompt had characters).
 */
export class LlmJsonMode1764900100000 implements MigrationInterface {
  name = 'LlmJsonMode1764900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'providers',
      new TableColumn({ name: 'json_mode', type: 'varchar', length: '16', default: "'json_object'" }),
    );
    await queryRunner.addColumn(
      'cost_records',
      new TableColumn({ name: 'over_reported', type: 'boolean', default: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('cost_records', 'over_reported');
    await queryRunner.dropColumn('providers', 'json_mode');
  }
}
