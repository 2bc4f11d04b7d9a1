import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  EVENTS,
  type JobFinishedEvent,
  type JobLogEvent,
  type JobQueuedEvent,
  type JobStartedEvent,
  type PhaseFinishedEvent,
  type PhaseStartedEvent,
} from '../common/events';

interface Run {
  team_id: string;
  started: number;
  /** The phase the job is in (last started, or last one its log spoke of: a checkpoint's gate). */
  phase: string | null;
}

/**
 * One log line per job state change — queued, started, parked (waiting for
 * approval), failed, cancelled, succeeded — with slug, team, phase and
 * duration_ms, written from the job events (so the pipeline code stays free
 * of logging). Phase ends are logged at debug.
 */
@Injectable()
export class JobLifecycleLogger {
  private readonly logger = new Logger('Jobs');
  /** Jobs this process is running; the events of one run all happen in the process that runs it. */
  private readonly runs = new Map<string, Run>();

  @OnEvent(EVENTS.jobQueued)
  queued(event: JobQueuedEvent): void {
    this.logger.log({
      msg: 'Job queued',
      event: 'job.queued',
      slug: event.slug,
      team: event.team_id,
      reason: event.reason,
    });
  }

  @OnEvent(EVENTS.jobStarted)
  started(event: JobStartedEvent): void {
    this.runs.set(event.slug, { team_id: event.team_id, started: Date.now(), phase: null });
    this.logger.log({ msg: 'Job started', event: 'job.started', slug: event.slug, team: event.team_id });
  }

  @OnEvent(EVENTS.phaseStarted)
  phaseStarted(event: PhaseStartedEvent): void {
    const run = this.runs.get(event.slug);
    if (run) run.phase = event.phase;
  }

  @OnEvent(EVENTS.jobLog)
  jobLog(event: JobLogEvent): void {
    const run = this.runs.get(event.slug);
    if (run && event.phase) run.phase = event.phase;
  }

  @OnEvent(EVENTS.phaseFinished)
  phaseFinished(event: PhaseFinishedEvent): void {
    this.logger.debug({
      msg: `Phase ${event.phase} ${event.status}`,
      event: 'job.phase_finished',
      slug: event.slug,
      team: event.team_id,
      phase: event.phase,
      status: event.status,
      duration_ms: event.duration_ms,
    });
  }

  @OnEvent(EVENTS.jobFinished)
  finished(event: JobFinishedEvent): void {
    const run = this.runs.get(event.slug);
    this.runs.delete(event.slug);
    const fields = {
      event: event.status === 'waiting_approval' ? 'job.parked' : `job.${event.status}`,
      slug: event.slug,
      team: event.team_id,
      phase: run?.phase ?? null,
      duration_ms: run ? Date.now() - run.started : null,
      status: event.status,
    };
    switch (event.status) {
      case 'succeeded':
        this.logger.log({ msg: 'Job succeeded', ...fields, phase: null });
        break;
      case 'waiting_approval':
        this.logger.log({ msg: `Job parked at ${fields.phase ?? 'a checkpoint'}, waiting for approval`, ...fields });
        break;
      case 'cancelled':
        this.logger.warn({ msg: 'Job cancelled', ...fields });
        break;
      default:
        this.logger.error({ msg: 'Job failed', ...fields, error: event.error });
    }
  }
}
