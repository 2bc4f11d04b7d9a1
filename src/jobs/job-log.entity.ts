import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonColumn } from '../common/json.transformer';
import type { LogLevel } from './job-status';

/** log: a plain line; phase: a phase changed state; status: the job changed state. */
export type JobEventKind = 'log' | 'phase' | 'status';
export type JobEventData = Record<string, string | number | boolean | null>;

@Entity('job_logs')
@Index('idx_job_logs_job', ['job_slug', 'id'])
export class JobLog {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 64 })
  job_slug: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phase: string | null;

  @Column({ type: 'varchar', length: 8 })
  level: LogLevel;

  @Column({ type: 'text' })
  message: string;

  /** Log lines double as the job's event stream (GET /api/jobs/:slug/events). */
  @Column({ type: 'varchar', length: 16, default: 'log' })
  event: JobEventKind;

  @Column({ type: 'text', nullable: true, transformer: jsonColumn<JobEventData | null>(null) })
  data: JobEventData | null;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;
}
