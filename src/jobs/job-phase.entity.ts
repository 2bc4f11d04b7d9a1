import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json.transformer';
import type { PhaseStatus } from './job-status';

/** One row per job and phase: the record that lets a job resume after its last passed phase. */
@Entity('job_phases')
@Index('idx_job_phases_list', ['job_slug', 'phase', 'status'])
export class JobPhase {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  job_slug: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  phase: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 40 })
  agent: string;

  @Column({ type: 'varchar', length: 16 })
  status: PhaseStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  started_at: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  finished_at: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Workspace-relative paths the phase wrote. */
  @Column({ type: 'text', transformer: jsonColumn<string[]>([]) })
  outputs: string[];
}
