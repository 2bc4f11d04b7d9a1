import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json.transformer';
import type { JobStatus } from './job-status';

@Entity('jobs')
@Index('idx_jobs_created_slug', ['created_at', 'slug'])
@Index('idx_jobs_team_created_slug', ['team_id', 'created_at', 'slug'])
@Index('idx_jobs_status_created_slug', ['status', 'created_at', 'slug'])
export class Job {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  /** Comma list, as the contract has it. */
  @Column({ type: 'varchar', length: 100 })
  platform: string;

  @Column({ type: 'varchar', length: 40 })
  style: string;

  @Column({ type: 'varchar', length: 40 })
  backend: string;

  @Column({ type: 'text', transformer: jsonColumn<string[]>([]) })
  features: string[];

  /** Phases that wait for a human approval before they run. */
  @Column({ type: 'text', transformer: jsonColumn<string[]>([]) })
  checkpoints: string[];

  @Column({ type: 'varchar', length: 24 })
  status: JobStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  current_phase: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'boolean', default: false })
  cancel_requested: boolean;

  @Column({ type: 'varchar', length: 32 })
  generator: string;

  @Column({ type: 'double precision', default: 0 })
  cost_usd: number;

  @Column({ type: 'varchar', length: 64 })
  team_id: string;

  /** Workspace-relative path of the exported ZIP, once it exists. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  artifact: string | null;

  /** The worker running the job and until when its lease holds (renewed while it runs). */
  @Column({ type: 'varchar', length: 80, nullable: true })
  worker_id: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lease_until: string | null;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  @Column({ type: 'varchar', length: 32 })
  updated_at: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  started_at: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  finished_at: string | null;
}
