import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LogLevel } from './job-status';

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

  @Column({ type: 'varchar', length: 32 })
  created_at: string;
}
