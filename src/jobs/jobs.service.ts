import { ConflictException, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { teamWhere } from '../common/auth/team-scope';
import { pageNewestFirst } from '../common/dto/list-cursor';
import { EVENTS, type JobCancelRequestedEvent, type JobQueuedEvent } from '../common/events';
import { claimDerivedSlug, slugify } from '../common/slug';
import { nowIso } from '../common/time';
import { PHASE_AGENTS, PHASE_NAMES } from '../pipeline/phase-names';
import { ProvidersService } from '../providers/providers.service';
import { JobQueue } from '../queue/job-queue';
import { IdempotencyService, type IdempotentResult } from '../idempotency/idempotency.service';
import type { CreateJobDto } from './dto/create-job.dto';
import type { JobLogDto, JobResponseDto, PhaseDetailDto } from './dto/job-response.dto';
import type { ListJobsQueryDto, LogsQueryDto } from './dto/job-queries.dto';
import { JobLog } from './job-log.entity';
import { JobPhase } from './job-phase.entity';
import { IntakeClosedException, IntakeGate } from './intake-gate.service';
import { CANCELLABLE_JOB_STATUSES, isPhaseDone, JOB_STATUSES, type JobStatus } from './job-status';
import { JobRunStore } from './job-run.store';
import { JobWorkspaceService } from './job-workspace.service';
import { Job } from './job.entity';
import { phaseStatusMap, toJobLog, toJobResponse, toPhaseDetail, type PhaseState } from './job.mapper';
import { isUniqueViolation } from '../database/db-errors';

const STOP_WAIT_MS = 5_000;
/** Wipe: delete rounds before giving up on jobs or folders that keep coming back. */
const WIPE_ROUNDS = 5;

/** The Jobs API: what clients can do with jobs, scoped to their team. */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    @InjectRepository(JobPhase) private readonly phases: Repository<JobPhase>,
    @InjectRepository(JobLog) private readonly logs: Repository<JobLog>,
    private readonly queue: JobQueue,
    private readonly workspace: JobWorkspaceService,
    private readonly events: EventEmitter2,
    private readonly runs: JobRunStore,
    private readonly providers: ProvidersService,
    private readonly intake: IntakeGate,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** 503 while a wipe runs (see IntakeGate). */
  create(dto: CreateJobDto, user: AuthUser, idempotencyKey?: string): Promise<IdempotentResult<JobResponseDto>> {
    return this.idempotency.run(
      { scope: user.team_id, key: idempotencyKey, request: { route: 'POST /api/jobs', body: dto } },
      async () => {
        const job = await this.intake.admit(() => this.insertAndQueue(dto, user));
        return { id: job.slug, value: job };
      },
      (slug) => this.current(slug, user),
    );
  }

  /** The job as it is now, or undefined when it is gone (an idempotent replay then starts afresh). */
  private current(slug: string, user: AuthUser): Promise<JobResponseDto | undefined> {
    return this.get(slug, user).catch((error: unknown) => {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    });
  }

  private async insertAndQueue(dto: CreateJobDto, user: AuthUser): Promise<JobResponseDto> {
    const now = nowIso();
    // What will write the job, as far as can be known now (the worker confirms it when the job starts).
    const active = await this.providers.active();
    const generator = active.usable ? active.provider.name : 'builtin';
    const base: Omit<Job, 'slug'> = {
      name: dto.name,
      description: dto.description,
      platform: dto.platform || 'android,ios',
      style: dto.style?.trim() || 'modern',
      backend: dto.backend?.trim() || 'none',
      features: dto.features ?? [],
      checkpoints: dto.checkpoints ?? [],
      status: 'queued',
      current_phase: null,
      error: null,
      cancel_requested: false,
      generator,
      cost_usd: 0,
      team_id: user.team_id,
      artifact: null,
      worker_id: null,
      lease_until: null,
      created_at: now,
      updated_at: now,
      started_at: null,
      finished_at: null,
    };
    const job = await this.insertWithSlug(base, dto.slug);
    // The answer describes the job as accepted: read before a worker can pick it up.
    const accepted = await this.get(job.slug, user).catch((error: unknown) => {
      // Gone already: a wipe in another API process removed it.
      throw error instanceof NotFoundException ? new IntakeClosedException() : error;
    });
    try {
      await this.queue.enqueue(job.slug);
    } catch (error) {
      await this.jobs.delete({ slug: job.slug });
      this.logger.error(`Could not queue ${job.slug}: ${(error as Error).message}`);
      throw new ServiceUnavailableException('The job queue is unavailable; try again shortly');
    }
    this.events.emit(EVENTS.jobQueued, {
      slug: job.slug,
      team_id: job.team_id,
      reason: 'created',
    } satisfies JobQueuedEvent);
    return accepted;
  }

  /** Newest first, paged by offset or by the keyset cursor `after` (see list-cursor.ts). */
  async list(
    user: AuthUser,
    query: ListJobsQueryDto,
  ): Promise<{ items: JobResponseDto[]; total: number; next: string | undefined }> {
    const filtered = (): SelectQueryBuilder<Job> => {
      const qb = this.jobs.createQueryBuilder('j');
      const { team_id } = teamWhere(user, query.team_id);
      if (team_id !== undefined) qb.andWhere('j.team_id = :team_id', { team_id });
      if (query.status) qb.andWhere('j.status = :status', { status: query.status });
      return qb;
    };
    const { rows, total, next } = await pageNewestFirst(filtered, 'j', query);
    // Only the three columns the list shows, read raw: hydrating 13 entities per job dominated this route.
    const phases = rows.length
      ? await this.phases
          .createQueryBuilder('p')
          .select(['p.job_slug AS job_slug', 'p.phase AS phase', 'p.status AS status'])
          .where('p.job_slug IN (:...slugs)', { slugs: rows.map((j) => j.slug) })
          .getRawMany<PhaseState & { job_slug: string }>()
      : [];
    const bySlug = new Map<string, PhaseState[]>();
    for (const phase of phases) {
      const list = bySlug.get(phase.job_slug);
      if (list) list.push(phase);
      else bySlug.set(phase.job_slug, [phase]);
    }
    return { items: rows.map((job) => toJobResponse(job, bySlug.get(job.slug) ?? [])), total, next };
  }

  async get(slug: string, user: AuthUser): Promise<JobResponseDto> {
    const job = await this.find(slug, user);
    return toJobResponse(job, await this.phases.find({ where: { job_slug: slug } }));
  }

  async phaseStatuses(slug: string, user: AuthUser): Promise<Record<string, string>> {
    await this.find(slug, user);
    return phaseStatusMap(await this.phases.find({ where: { job_slug: slug } }));
  }

  async phaseDetails(slug: string, user: AuthUser): Promise<PhaseDetailDto[]> {
    await this.find(slug, user);
    const rows = await this.phases.find({ where: { job_slug: slug }, order: { position: 'ASC' } });
    const counts = await this.logs
      .createQueryBuilder('log')
      .select('log.phase', 'phase')
      .addSelect('COUNT(*)', 'count')
      .where('log.job_slug = :slug', { slug })
      .groupBy('log.phase')
      .getRawMany<{ phase: string | null; count: string | number }>();
    const countOf = new Map(counts.map((c) => [c.phase, Number(c.count)]));
    return rows.map((row) => toPhaseDetail(row, countOf.get(row.phase) ?? 0));
  }

  async jobLogs(slug: string, user: AuthUser, query: LogsQueryDto): Promise<JobLogDto[]> {
    await this.find(slug, user);
    const qb = this.logs.createQueryBuilder('log').where('log.job_slug = :slug', { slug });
    if (query.phase) qb.andWhere('log.phase = :phase', { phase: query.phase });
    if (query.level) qb.andWhere('log.level = :level', { level: query.level });
    if (query.after_id !== undefined) qb.andWhere('log.id > :after', { after: query.after_id });
    const rows = await qb
      .orderBy('log.id', 'ASC')
      .take(query.limit ?? 500)
      .getMany();
    return rows.map(toJobLog);
  }

  /** Queued and waiting jobs stop at once; a running job is aborted by its worker. */
  async cancel(
    slug: string,
    user: AuthUser,
    attempt = 1,
  ): Promise<{ slug: string; status: string; cancel_requested: boolean }> {
    const job = await this.find(slug, user);
    if (!CANCELLABLE_JOB_STATUSES.includes(job.status)) {
      throw new ConflictException(`Job is ${job.status}; only queued, running or waiting jobs can be cancelled`);
    }
    if (job.status === 'running') {
      if (await this.runs.transition(slug, 'running', { status: 'cancel_requested', cancel_requested: true })) {
        this.events.emit(EVENTS.jobCancelRequested, { slug } satisfies JobCancelRequestedEvent);
      } else if (attempt < 3) {
        return this.cancel(slug, user, attempt + 1);
      }
    } else {
      await this.queue.remove(slug);
      // Conditional on the state we saw, so a decision racing this cancel cannot undo it.
      if (await this.runs.transition(slug, job.status, { cancel_requested: true })) {
        await this.phases.update({ job_slug: slug, status: In(['pending', 'running']) }, { status: 'cancelled' });
        await this.runs.endJob(slug, 'cancelled', null);
      } else if (attempt < 3) {
        // The job moved on meanwhile (claimed by a worker, or approved): cancel it in its new state.
        return this.cancel(slug, user, attempt + 1);
      }
    }
    const after = await this.find(slug, user);
    return { slug, status: after.status, cancel_requested: after.cancel_requested };
  }

  /** A failed or cancelled job resumes at its first phase that did not pass; 503 while a wipe runs. */
  retry(slug: string, user: AuthUser, idempotencyKey?: string): Promise<IdempotentResult<JobResponseDto>> {
    return this.idempotency.run(
      { scope: user.team_id, key: idempotencyKey, request: { route: 'POST /api/jobs/:slug/retry', slug } },
      async () => ({ id: slug, value: await this.intake.admit(() => this.requeue(slug, user)) }),
      (id) => this.current(id, user),
    );
  }

  private async requeue(slug: string, user: AuthUser): Promise<JobResponseDto> {
    const job = await this.find(slug, user);
    if (job.status !== 'failed' && job.status !== 'cancelled') {
      throw new ConflictException(`Job is ${job.status}; only failed or cancelled jobs can be retried`);
    }
    const rows = await this.phases.find({ where: { job_slug: slug } });
    const toReset = rows.filter((p) => !isPhaseDone(p.status)).map((p) => p.phase);
    await this.jobs.manager.transaction(async (manager) => {
      if (toReset.length) {
        await manager.update(
          JobPhase,
          { job_slug: slug, phase: In(toReset) },
          { status: 'pending', error: null, finished_at: null },
        );
      }
      await manager.update(
        Job,
        { slug },
        {
          status: 'queued',
          error: null,
          cancel_requested: false,
          finished_at: null,
          current_phase: null,
          updated_at: nowIso(),
        },
      );
    });
    const requeued = await this.get(slug, user);
    await this.queue.enqueue(slug);
    this.events.emit(EVENTS.jobQueued, { slug, team_id: job.team_id, reason: 'retry' } satisfies JobQueuedEvent);
    return requeued;
  }

  /** Stops running work first, then deletes the rows (and, with purge, the workspace). */
  async remove(slug: string, user: AuthUser, purge: boolean): Promise<{ deleted: boolean; purged: boolean }> {
    const job = await this.find(slug, user);
    await this.queue.remove(slug);
    if (job.status === 'running' || job.status === 'cancel_requested') {
      await this.jobs.update({ slug }, { status: 'cancel_requested', cancel_requested: true, updated_at: nowIso() });
      this.events.emit(EVENTS.jobCancelRequested, { slug } satisfies JobCancelRequestedEvent);
      await this.waitUntilStopped(slug);
    }
    await this.jobs.delete({ slug });
    const purged = purge ? await this.workspace.remove(slug) : false;
    return { deleted: true, purged };
  }

  /**
   * Wipe (with intake closed): stops every job, deletes all jobs (phases, logs
   * and checkpoints cascade) and every workspace folder, in rounds until none
   * is left — a job another API process let in meanwhile, or a folder a
   * stopping job wrote late, goes in the next round. Returns how many jobs were
   * deleted; throws when something still remains after the last round.
   */
  async removeAll(): Promise<number> {
    let deleted = 0;
    let folderError: unknown;
    for (let round = 1; round <= WIPE_ROUNDS; round++) {
      await this.stopAll();
      deleted += (await this.jobs.createQueryBuilder().delete().from(Job).execute()).affected ?? 0;
      folderError = await this.workspace.removeAll().then(
        () => undefined,
        (error: unknown) => error,
      );
      const left = await this.workspace.entries();
      if (!left.length && !(await this.jobs.exists())) {
        // The keys named jobs that are gone; a fresh install remembers no request.
        await this.idempotency.clearAll();
        return deleted;
      }
      this.logger.warn(`Wipe round ${round}: ${left.length} workspace folder(s) or new jobs still there; again`);
      await new Promise((resolve) => setTimeout(resolve, 200 * round));
    }
    const why = folderError instanceof Error ? `: ${folderError.message}` : '';
    throw new Error(`Jobs or workspace folders were still there after ${WIPE_ROUNDS} rounds${why}`);
  }

  /** No job can be claimed any more; running ones are told to stop, and this waits until they have. */
  private async stopAll(): Promise<void> {
    const all = await this.jobs.find({ select: { slug: true } });
    await Promise.all(all.map(({ slug }) => this.queue.remove(slug)));
    const updated_at = nowIso();
    // A claim needs cancel_requested = false: from here on no worker starts any of these jobs.
    await this.jobs.createQueryBuilder().update(Job).set({ cancel_requested: true, updated_at }).execute();
    await this.jobs
      .createQueryBuilder()
      .update(Job)
      .set({ status: 'cancel_requested' })
      .where('status = :running', { running: 'running' })
      .execute();
    const stopping = await this.jobs.find({ select: { slug: true }, where: { status: 'cancel_requested' } });
    for (const { slug } of stopping)
      this.events.emit(EVENTS.jobCancelRequested, { slug } satisfies JobCancelRequestedEvent);
    await Promise.all(stopping.map(({ slug }) => this.waitUntilStopped(slug)));
  }

  /** Jobs per status (zero-filled) for one team, or every team with `null`: one COUNT … GROUP BY. */
  async countByStatus(teamId: string | null): Promise<Record<JobStatus, number>> {
    const qb = this.jobs.createQueryBuilder('j').select('j.status', 'status').addSelect('COUNT(*)', 'count');
    if (teamId !== null) qb.where('j.team_id = :teamId', { teamId });
    const rows = await qb.groupBy('j.status').getRawMany<{ status: string; count: string | number }>();
    const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    for (const row of rows) if (row.status in counts) counts[row.status as JobStatus] = Number(row.count);
    return counts;
  }

  /** Loads a job the caller may see; other teams' jobs are reported as missing. */
  async find(slug: string, user: AuthUser): Promise<Job> {
    const job = await this.jobs.findOne({ where: { slug, ...teamWhere(user) } });
    if (!job) throw new NotFoundException(`Job ${slug} not found`);
    return job;
  }

  /** An explicit slug that is taken is a 409; a derived one never runs out (see claimDerivedSlug). */
  private async insertWithSlug(base: Omit<Job, 'slug'>, requested?: string): Promise<Job> {
    if (requested) {
      const job = await this.tryInsert(base, requested);
      if (!job) throw new ConflictException(`A job with slug ${requested} already exists`);
      return job;
    }
    return claimDerivedSlug(
      slugify(base.name) || 'app',
      async (candidates) =>
        (await this.jobs.find({ select: { slug: true }, where: { slug: In(candidates) } })).map((j) => j.slug),
      (slug) => this.tryInsert(base, slug),
    );
  }

  /** Inserts the job and its phases; undefined when the slug is taken. */
  private async tryInsert(base: Omit<Job, 'slug'>, slug: string): Promise<Job | undefined> {
    try {
      await this.jobs.manager.transaction(async (manager) => {
        await manager.insert(Job, { ...base, slug });
        await manager.insert(
          JobPhase,
          PHASE_NAMES.map((phase, position) => ({
            job_slug: slug,
            phase,
            position,
            agent: PHASE_AGENTS[phase],
            status: 'pending' as const,
            attempts: 0,
            started_at: null,
            finished_at: null,
            error: null,
            outputs: [],
          })),
        );
      });
      return { ...base, slug };
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  private async waitUntilStopped(slug: string): Promise<void> {
    const deadline = Date.now() + STOP_WAIT_MS;
    while (Date.now() < deadline) {
      const job = await this.jobs.findOne({ where: { slug }, select: { slug: true, status: true } });
      if (!job || (job.status !== 'running' && job.status !== 'cancel_requested')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.logger.warn(`Job ${slug} did not stop within ${STOP_WAIT_MS} ms; deleting anyway`);
  }
}
