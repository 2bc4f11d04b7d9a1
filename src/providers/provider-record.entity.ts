import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonMode } from './provider-rules';

/**
 * A custom provider, or the stored override of a built-in one (a row whose
 * name is a built-in name holds that provider's full effective config).
 */
@Entity('providers')
export class ProviderRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  base_url: string;

  /** `null`: the provider needs no key. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  api_key_env: string | null;

  @Column({ type: 'varchar', length: 200 })
  default_model: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** json_schema, json_object or off: how file-writing requests ask for JSON (`response_format`). */
  @Column({ type: 'varchar', length: 16, default: 'json_object' })
  json_mode: JsonMode;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  @Column({ type: 'varchar', length: 32 })
  updated_at: string;
}
