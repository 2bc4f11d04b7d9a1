import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client's Idempotency-Key and what it was used for: one row per key and
 * team, so two concurrent requests with the same key cannot both insert one.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  /** Whose key it is: the team of the token (keys of different teams never meet). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** sha256 of the request it was first used with (route, path parameters and body). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  /** What that request made (a job slug); null while it is still being handled. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  resource_id: string | null;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  @Index('idx_idempotency_keys_expires_at')
  @Column({ type: 'varchar', length: 32 })
  expires_at: string;
}
