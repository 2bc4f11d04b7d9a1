import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { TeamScope } from '../costs/team-scope';
import { JOB_STATUSES, type JobStatus } from '../jobs/job-status';
import { Job } from '../jobs/job.entity';

/**
 * Jobs per status, one COUNT … GROUP BY on the indexed status column.
 * A read-only aggregate for the dashboards (KPIs, /metrics); JobsService
 * exposes no such count yet — it belongs there once it does.
 */
@Injectable()
export class JobStatsService {
  constructor(@InjectRepository(Job) private readonly jobs: Repository<Job>) {}

  /** Every status present (zero-filled); `team` null counts every team. */
  async countByStatus(team: TeamScope): Promise<Record<JobStatus, number>> {
    const qb = this.jobs.createQueryBuilder('j').select('j.status', 'status').addSelect('COUNT(*)', 'count');
    if (team !== null) qb.where('j.team_id = :team', { team });
    const rows = await qb.groupBy('j.status').getRawMany<{ status: string; count: string | number }>();
    const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    for (const row of rows) if (row.status in counts) counts[row.status as JobStatus] = Number(row.count);
    return counts;
  }
}
