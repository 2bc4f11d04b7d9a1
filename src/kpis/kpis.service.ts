import { Injectable } from '@nestjs/common';
import { CostsService } from '../costs/costs.service';
import type { TeamScope } from '../common/auth/team-scope';
import type { JobStatus } from '../jobs/job-status';
import { ProjectsService } from '../projects/projects.service';
import { ProvidersService } from '../providers/providers.service';
import type { KpisDto, StatusBreakdownDto } from './dto/kpis.dto';
import { JobsService } from '../jobs/jobs.service';

/** How far back a model still counts as active. */
export const ACTIVE_MODEL_DAYS = 30;

/** Where a job's state lands in the project breakdown; cancelled jobs are not counted. */
const JOB_BUCKETS: Record<JobStatus, keyof StatusBreakdownDto | null> = {
  queued: 'development',
  running: 'development',
  waiting_approval: 'development',
  cancel_requested: 'development',
  succeeded: 'production',
  failed: 'blocked',
  cancelled: null,
};

/** The dashboard's headline numbers, assembled from the services that own each record. */
@Injectable()
export class KpisService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly jobs: JobsService,
    private readonly costs: CostsService,
    private readonly providers: ProvidersService,
  ) {}

  async kpis(team: TeamScope): Promise<KpisDto> {
    const [projects, jobs, totalCost, activeModels, activeProviders] = await Promise.all([
      this.projects.countByStatus(team),
      this.jobs.countByStatus(team),
      this.costs.totalCost(team),
      this.costs.activeModelCount(team, ACTIVE_MODEL_DAYS),
      this.usableProviderCount(),
    ]);
    const breakdown: StatusBreakdownDto = { ...projects };
    for (const [status, count] of Object.entries(jobs) as [JobStatus, number][]) {
      const bucket = JOB_BUCKETS[status];
      if (bucket) breakdown[bucket] += count;
    }
    const finished = jobs.succeeded + jobs.failed;
    return {
      total_projects: breakdown.discovery + breakdown.development + breakdown.production + breakdown.blocked,
      status_breakdown: breakdown,
      success_rate: finished ? Math.round((jobs.succeeded / finished) * 1000) / 10 : 0,
      total_cost: totalCost,
      active_models: activeModels,
      active_providers: activeProviders,
      total_cost_usd: totalCost,
      active_models_count: activeModels,
      active_providers_count: activeProviders,
    };
  }

  /** Providers jobs could call now, by the registry's own rule (ProvidersService.resolve); builtin is not one. */
  private async usableProviderCount(): Promise<number> {
    const { providers } = await this.providers.list();
    const resolved = await Promise.all(Object.keys(providers).map((name) => this.providers.resolve(name)));
    return resolved.filter((state) => state.usable).length;
  }
}
