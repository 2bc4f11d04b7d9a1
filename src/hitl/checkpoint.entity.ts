import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CHECKPOINT_KINDS = ['before_phase', 'qa_findings', 'security_blockers'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];
export type DecisionStatus = 'pending' | 'approved' | 'rejected' | 'expired';

/** A point where a job waits for a human decision. */
@Entity('checkpoints')
@Index('idx_checkpoints_team_status', ['team_id', 'status'])
@Index('idx_checkpoints_job', ['job_slug', 'phase', 'kind'])
export class Checkpoint {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  job_slug: string;

  @Column({ type: 'varchar', length: 64 })
  team_id: string;

  @Column({ type: 'varchar', length: 16 })
  phase: string;

  @Column({ type: 'varchar', length: 24 })
  kind: CheckpointKind;

  /** What happens on approval. */
  @Column({ type: 'varchar', length: 200 })
  action: string;

  @Column({ type: 'text' })
  reason: string;

  /** What the phases so far produced. */
  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 16 })
  status: DecisionStatus;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  decided_at: string | null;

  /** "<team_id>/<role>" of the token that decided, or "system". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  decided_by: string | null;

  @Column({ type: 'text', nullable: true })
  decision_reason: string | null;
}
