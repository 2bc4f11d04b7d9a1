import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn } from '../common/json.transformer';
import type { ProjectHealth, ProjectStatus } from './project-status';

@Entity('projects')
@Index('idx_projects_created_slug', ['created_at', 'slug'])
@Index('idx_projects_team_created_slug', ['team_id', 'created_at', 'slug'])
export class Project {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: ProjectStatus;

  @Column({ type: 'varchar', length: 16 })
  health: ProjectHealth;

  @Column({ type: 'varchar', length: 16 })
  icon: string;

  /** Empty, or an http(s) URL. */
  @Column({ type: 'varchar', length: 500 })
  repository: string;

  @Column({ type: 'double precision', default: 0 })
  monthly_spend: number;

  @Column({ type: 'varchar', length: 16 })
  sla: string;

  @Column({ type: 'integer', default: 0 })
  build_progress: number;

  @Column({ type: 'text', transformer: jsonColumn<string[]>([]) })
  features: string[];

  @Column({ type: 'varchar', length: 64 })
  team_id: string;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  @Column({ type: 'varchar', length: 32 })
  updated_at: string;
}
