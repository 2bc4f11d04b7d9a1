import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ActivityService } from '../../activity/activity.service';
import { AgentsService } from '../../agents/agents.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { EVENTS, type WipedEvent } from '../../common/events';
import { CostsService } from '../../costs/costs.service';
import { CheckpointsService } from '../../hitl/checkpoints.service';
import { ExperiencesService } from '../../hitl/experiences.service';
import { JobsService } from '../../jobs/jobs.service';
import { ProjectsService } from '../../projects/projects.service';
import { ProvidersService } from '../../providers/providers.service';
import { SettingsService } from '../settings/settings.service';

export interface WipeResult {
  wiped: true;
  jobs_deleted: number;
  at: string;
}

/**
 * Back to a fresh install: stops running jobs, deletes every job, phase, log,
 * project, checkpoint, experience, cost and activity row and every generated
 * app, re-seeds agents, providers and settings, and records the wipe.
 */
@Injectable()
export class WipeService {
  private readonly logger = new Logger('Wipe');

  constructor(
    private readonly jobs: JobsService,
    private readonly projects: ProjectsService,
    private readonly checkpoints: CheckpointsService,
    private readonly experiences: ExperiencesService,
    private readonly costs: CostsService,
    private readonly activity: ActivityService,
    private readonly agents: AgentsService,
    private readonly providers: ProvidersService,
    private readonly settings: SettingsService,
    private readonly events: EventEmitter2,
  ) {}

  async wipe(by: AuthUser): Promise<WipeResult> {
    const jobsDeleted = await this.jobs.removeAll();
    await this.checkpoints.clearAll();
    await this.experiences.clearAll();
    await this.projects.clearAll();
    await this.costs.clearAll();
    await this.agents.reset();
    await this.providers.reset();
    await this.settings.reset();
    await this.activity.clearAll();
    // The one entry that survives: who wiped, and when (the activity module records it).
    await this.events.emitAsync(EVENTS.wiped, { by } satisfies WipedEvent);
    this.logger.warn(`Wiped by ${by.team_id}/${by.role}: ${jobsDeleted} job(s) deleted`);
    return { wiped: true, jobs_deleted: jobsDeleted, at: new Date().toISOString() };
  }
}
