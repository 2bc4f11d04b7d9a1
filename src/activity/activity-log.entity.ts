import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One append-only, hash-chained activity entry (see activity-chain.ts). */
@Entity('activity_log')
@Index('idx_activity_action_id', ['action', 'id'])
@Index('idx_activity_team_id', ['team_id', 'id'])
export class ActivityLog {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 32 })
  timestamp: string;

  /** The job slug, when the entry is about a job. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  task_id: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  agent: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  /** A JSON string (or plain text), exactly as hashed. */
  @Column({ type: 'text' })
  details: string;

  @Column({ type: 'varchar', length: 64 })
  team_id: string;

  @Column({ type: 'varchar', length: 64 })
  prev_hash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
