import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { In, type Repository } from 'typeorm';
import { insertReturningId } from '../database/insert-returning-id';
import { isForeignKeyViolation } from '../database/db-errors';
import { EVENTS, type JobFinishedEvent, type JobLogEvent, type LlmCallEvent } from '../common/events';
import { nowIso } from '../common/time';
import { JobLog, type JobEventData, type JobEventKind } from './job-log.entity';
import { JobPhase } from './job-phase.entity';
import type { JobStatus, LogLevel, PhaseStatus } from './job-status';
import { Job } from './job.entity';
import { progressOf } from './job.mapper';

/**
 * Job state as the pipeline writes it. Every update is keyed by slug, so a
 * job deleted mid-run is never brought back by a late write. Each write starts
 * in a turn of the event loop of its own: on SQLite the statements run
 * synchronously on the event loop, and a phase boundary is a dozen of them, so
 * requests that arrived meanwhile are answered in between.
 */
@Injectable()
export class JobRunStore {
  constructor(
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    @InjectRepository(JobPhase) private readonly phases: Repository<JobPhase>,
    @InjectRepository(JobLog) private readonly logs: Repository<JobLog>,
    private readonly events: EventEmitter2,
  ) {}

  findJob(slug: string): Promise<Job | null> {
    return this.jobs.findOne({ where: { slug } });
  }

  findPhases(slug: string): Promise<JobPhase[]> {
    return this.phases.find({ where: { job_slug: slug }, order: { position: 'ASC' } });
  }

  /** Jobs no live worker holds, oldest first: queued, or running/cancelling under a lapsed (or no) lease. */
  async orphans(): Promise<{ slug: string; status: JobStatus }[]> {
    return this.jobs
      .createQueryBuilder('j')
      .select(['j.slug', 'j.status'])
      .where("j.status = 'queued'")
      .orWhere("j.status IN ('running', 'cancel_requested') AND (j.lease_until IS NULL OR j.lease_until < :now)", {
        now: nowIso(),
      })
      .orderBy('j.created_at', 'ASC')
      .getMany();
  }

  /**
   * Claims a job for this worker: queued, or running under a lease that has
   * lapsed (its worker died). At most one worker holds a job at a time.
   */
  async claim(slug: string, workerId: string, leaseMs: number): Promise<boolean> {
    const now = nowIso();
    const result = await this.jobs
      .createQueryBuilder()
      .update(Job)
      .set({
        status: 'running',
        worker_id: workerId,
        lease_until: new Date(Date.now() + leaseMs).toISOString(),
        updated_at: now,
      })
      .where('slug = :slug AND cancel_requested = :no', { slug, no: false })
      .andWhere(
        "(status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < :now OR worker_id = :workerId)))",
        { now, workerId },
      )
      .execute();
    if (!result.affected) return false;
    await this.jobs
      .createQueryBuilder()
      .update(Job)
      .set({ started_at: now })
      .where('slug = :slug AND started_at IS NULL', { slug })
      .execute();
    return true;
  }

  /** Extends this worker's lease; false when the job is no longer ours (deleted, or taken over). */
  async renewLease(slug: string, workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.jobs.update(
      { slug, worker_id: workerId },
      { lease_until: new Date(Date.now() + leaseMs).toISOString() },
    );
    return !!result.affected;
  }

  /** When another worker's lease on a job ends, or undefined when nobody holds it. */
  async leaseHolder(slug: string): Promise<{ workerId: string; until: string } | undefined> {
    const job = await this.jobs.findOne({
      where: { slug },
      select: { slug: true, status: true, worker_id: true, lease_until: true },
    });
    if (!job || job.status !== 'running' || !job.worker_id || !job.lease_until) return undefined;
    return { workerId: job.worker_id, until: job.lease_until };
  }

  /** Thread backend at boot: this is the only worker, so leases left by a crashed run are void. */
  async releaseAllLeases(): Promise<void> {
    await this.jobs.createQueryBuilder().update(Job).set({ lease_until: null }).where("status = 'running'").execute();
  }

  async updateJob(slug: string, patch: Partial<Omit<Job, 'slug'>>): Promise<void> {
    await nextTurn();
    await this.jobs.update({ slug }, { ...patch, updated_at: nowIso() });
  }

  /** Moves a job on only if it is still in `from` (so a concurrent cancel or decision wins cleanly). */
  async transition(slug: string, from: JobStatus, patch: Partial<Omit<Job, 'slug'>>): Promise<boolean> {
    const result = await this.jobs.update({ slug, status: from }, { ...patch, updated_at: nowIso() });
    return !!result.affected;
  }

  /**
   * The job reached an end (or a wait): a `status` event in its log for the
   * event stream, the final state, and the `job.finished` event.
   */
  async endJob(slug: string, status: JobFinishedEvent['status'], error: string | null): Promise<void> {
    const job = await this.findJob(slug);
    if (!job) return;
    const level = status === 'failed' ? 'error' : status === 'succeeded' ? 'info' : 'warn';
    const progress = progressOf(await this.findPhases(slug));
    await this.log(slug, null, level, `Job ${status.replace('_', ' ')}${error ? `: ${error}` : ''}`, {
      kind: 'status',
      data: { status, error, progress },
    });
    if (status !== 'waiting_approval') await this.finishJob(slug, status, error);
    // Awaited: when a cancel answers 200, the job's open checkpoints are already closed.
    await this.events.emitAsync(EVENTS.jobFinished, {
      slug,
      team_id: job.team_id,
      status,
      error,
    } satisfies JobFinishedEvent);
  }

  async finishJob(slug: string, status: JobStatus, error: string | null = null): Promise<void> {
    await this.updateJob(slug, {
      status,
      error,
      finished_at: nowIso(),
      current_phase: null,
      worker_id: null,
      lease_until: null,
    });
  }

  async startPhase(slug: string, phase: string, attempts: number): Promise<void> {
    await nextTurn();
    await this.phases.update(
      { job_slug: slug, phase },
      { status: 'running', attempts, started_at: nowIso(), finished_at: null, error: null },
    );
    await this.updateJob(slug, { current_phase: phase });
  }

  async finishPhase(
    slug: string,
    phase: string,
    status: PhaseStatus,
    outputs: string[],
    error: string | null = null,
  ): Promise<void> {
    await nextTurn();
    await this.phases.update({ job_slug: slug, phase }, { status, outputs, error, finished_at: nowIso() });
  }

  /** Puts unfinished phases back to pending (shutdown or crash before they finished). */
  async resetUnfinishedPhases(slug: string, status: PhaseStatus = 'pending'): Promise<void> {
    await this.phases.update(
      { job_slug: slug, status: In(['running', 'pending']) },
      { status, finished_at: status === 'pending' ? null : nowIso() },
    );
  }

  /** Appends a log line; with `event`, the line also marks a phase or job state change for the event stream. */
  async log(
    slug: string,
    phase: string | null,
    level: LogLevel,
    message: string,
    event?: { kind: JobEventKind; data: JobEventData },
  ): Promise<void> {
    const row = {
      job_slug: slug,
      phase,
      level,
      message: message.slice(0, 4000),
      event: event?.kind ?? ('log' as const),
      data: event?.data ?? null,
      created_at: nowIso(),
    };
    let id: number;
    await nextTurn();
    try {
      id = await insertReturningId(this.logs, row);
    } catch (error) {
      // The job was deleted meanwhile: its log goes with it (checked by the foreign key, not a query per line).
      if (isForeignKeyViolation(error)) return;
      throw error;
    }
    this.events.emit(EVENTS.jobLog, {
      slug,
      id,
      phase,
      level,
      message: row.message,
      created_at: row.created_at,
    } satisfies JobLogEvent);
  }

  /** Every LLM call of a job adds to its cost. */
  @OnEvent(EVENTS.llmCall, { async: true, promisify: true })
  async addCost(event: LlmCallEvent): Promise<void> {
    if (!event.job_slug || !event.cost_usd) return;
    await this.jobs
      .createQueryBuilder()
      .update(Job)
      .set({ cost_usd: () => 'cost_usd + :cost' })
      .setParameter('cost', event.cost_usd)
      .where('slug = :slug', { slug: event.job_slug })
      .execute();
  }

  async isCancelRequested(slug: string): Promise<{ exists: boolean; cancel: boolean }> {
    const job = await this.jobs.findOne({ where: { slug }, select: { slug: true, cancel_requested: true } });
    return { exists: !!job, cancel: !!job?.cancel_requested };
  }
}
