import { Injectable, InternalServerErrorException, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ActivityService } from '../../activity/activity.service';
import { AgentsService } from '../../agents/agents.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { EVENTS, type WipedEvent } from '../../common/events';
import { CostsService } from '../../costs/costs.service';
import { CheckpointsService } from '../../hitl/checkpoints.service';
import { ExperiencesService } from '../../hitl/experiences.service';
import { IntakeGate } from '../../jobs/intake-gate.service';
import { JobsService } from '../../jobs/jobs.service';
import { ProjectsService } from '../../projects/projects.service';
import { ProvidersService } from '../../providers/providers.service';
import { SettingsService } from '../settings/settings.service';

export interface WipeResult {
  wiped: true;
  jobs_deleted: number;
  at: string;
}

/** The steps of a wipe, in order; a step that fails is named in the error, and a new wipe does it again. */
export const WIPE_STEPS = [
  'jobs',
  'checkpoints',
  'experiences',
  'projects',
  'costs',
  'agents',
  'providers',
  'settings',
  'activity',
] as const;
export type WipeStep = (typeof WIPE_STEPS)[number];

/** 500 naming the steps that failed (`errors[].field`); every other step is done. */
export class WipeIncompleteException extends InternalServerErrorException {
  constructor(readonly failed: WipeStep[]) {
    super({
      detail: `Wipe incomplete: ${failed.join(', ')} failed (the other steps are done; details in the server log); run the wipe again to finish`,
      errors: failed.map((step) => ({ field: step, message: `${step} could not be reset` })),
    });
  }
}

/**
 * Back to a fresh install: closes job intake, stops running jobs, deletes
 * every job, phase, log, project, checkpoint, experience, cost and activity
 * row and every generated app, re-seeds agents, providers and settings, and
 * records the wipe. Every step runs even when an earlier one failed; each is
 * idempotent, so running the wipe again finishes it.
 */
@Injectable()
export class WipeService {
  private readonly logger = new Logger('Wipe');
  /** One wipe at a time in this process: a second one waits for the first, then finds little to do. */
  private last: Promise<unknown> = Promise.resolve();

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
    private readonly intake: IntakeGate,
  ) {}

  wipe(by: AuthUser): Promise<WipeResult> {
    const run = this.last.catch(() => undefined).then(() => this.run(by));
    this.last = run;
    return run;
  }

  private async run(by: AuthUser): Promise<WipeResult> {
    let jobsDeleted = 0;
    const steps: Record<WipeStep, () => Promise<unknown>> = {
      jobs: async () => (jobsDeleted = await this.jobs.removeAll()),
      checkpoints: () => this.checkpoints.clearAll(),
      experiences: () => this.experiences.clearAll(),
      projects: () => this.projects.clearAll(),
      costs: () => this.costs.clearAll(),
      agents: () => this.agents.reset(),
      providers: () => this.providers.reset(),
      settings: () => this.settings.reset(),
      activity: () => this.activity.clearAll(),
    };
    const failed: WipeStep[] = [];
    // New jobs get 503 until the end; the jobs already let in finish being created first.
    await this.intake.close();
    try {
      for (const step of WIPE_STEPS) {
        try {
          await steps[step]();
        } catch (error) {
          failed.push(step);
          this.logger.error(`Wipe step "${step}" failed: ${(error as Error).message}`);
        }
      }
    } finally {
      await this.intake.open();
    }
    // The one entry that survives: who wiped, when, and what failed (the activity module records it).
    await this.events.emitAsync(EVENTS.wiped, { by, failed_steps: failed } satisfies WipedEvent);
    if (failed.length) throw new WipeIncompleteException(failed);
    this.logger.warn(`Wiped by ${by.team_id}/${by.role}: ${jobsDeleted} job(s) deleted`);
    return { wiped: true, jobs_deleted: jobsDeleted, at: new Date().toISOString() };
  }
}
