import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json.transformer';
import type { DecisionStatus } from './checkpoint.entity';

/** A lesson learned from a repaired job; it reaches prompts only once approved. */
@Entity('experiences')
@Index('idx_experiences_team_status', ['team_id', 'status'])
export class Experience {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  team_id: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  job_slug: string | null;

  @Column({ type: 'varchar', length: 40 })
  agent: string;

  /** The QA findings that were fixed. */
  @Column({ type: 'text' })
  problem: string;

  /** What changed, which files. */
  @Column({ type: 'text' })
  solution: string;

  @Column({ type: 'text', transformer: jsonColumn<string[]>([]) })
  lessons: string[];

  @Column({ type: 'varchar', length: 16 })
  status: Exclude<DecisionStatus, 'expired'>;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  @Column({ type: 'varchar', length: 32 })
  updated_at: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  decided_at: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decided_by: string | null;

  @Column({ type: 'text', nullable: true })
  decision_reason: string | null;

  @Column({ type: 'integer', default: 0 })
  times_used: number;
}
