import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import {
  EVENTS,
  type JobCancelRequestedEvent,
  type JobFinishedEvent,
  type JobStartedEvent,
  type PhaseFinishedEvent,
  type PhaseStartedEvent,
} from '../common/events';
import type { JobPhase } from '../jobs/job-phase.entity';
import { isPhaseDone } from '../jobs/job-status';
import { progressOf } from '../jobs/job.mapper';
import { JobRunStore } from '../jobs/job-run.store';
import { JobWorkspaceService } from '../jobs/job-workspace.service';
import { isInside } from '../jobs/workspace-files';
import type { Job } from '../jobs/job.entity';
import { CheckpointsService } from '../hitl/checkpoints.service';
import { bootEnv } from '../config/env';
import { LlmUnavailableError } from '../llm/llm.errors';
import { LlmService } from '../llm/llm.service';
import { SettingsService } from '../system/settings/settings.service';
import { CpuPool } from './cpu-pool/cpu-pool.service';
import { inArea } from './cpu-pool/cpu-tasks';
import type { AppSpec } from './generator/app-spec';
import { PHASE_HANDLERS, type PhaseContext, type PhaseHandler, type PhaseResult } from './phase-handler';
import { PHASE_AGENTS, PHASE_NAMES, type PhaseName } from './phase-names';

/** Why a run was stopped from outside ('lost': another worker took the job over). */
type StopReason = 'cancel' | 'deleted' | 'timeout' | 'shutdown' | 'lost';

/** Time limit and lease checks (no query unless the lease is due). */
const WATCH_INTERVAL_MS = 400;
/**
 * A cancel or delete asked in this process arrives at once as an event; one
 * asked in another process (Bull: the API) is read from the database this
 * often — a fifth of the queries of polling at every tick.
 */
const CANCEL_POLL_MS = 2_000;

export function specOf(job: Job): AppSpec {
  return {
    slug: job.slug,
    name: job.name,
    description: job.description,
    platforms: job.platform.split(',').filter(Boolean),
    style: job.style,
    backend: job.backend,
    features: job.features,
  };
}

/**
 * Runs a job's phases in order, skipping those already passed, recording each
 * run, and stopping within a moment on cancel, delete, timeout or shutdown.
 */
@Injectable()
export class PipelineRunner implements OnModuleInit {
  private readonly logger = new Logger('Pipeline');
  private readonly handlers = new Map<PhaseName, PhaseHandler>();
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  /** This worker's hold on a running job; renewed while it runs, so a dead worker's job is free again after it. */
  private readonly leaseMs = Number(bootEnv('QUEUE_LOCK_MS')) || 30_000;
  /** Set at shutdown: runs park and stop instead of picking their job up again. */
  private closing = false;

  constructor(
    @Inject(PHASE_HANDLERS) private readonly registered: PhaseHandler[],
    private readonly store: JobRunStore,
    private readonly workspace: JobWorkspaceService,
    private readonly settings: SettingsService,
    private readonly events: EventEmitter2,
    private readonly llm: LlmService,
    private readonly checkpoints: CheckpointsService,
    private readonly cpu: CpuPool,
  ) {}

  /** Refuses to boot unless every phase has exactly one handler. */
  onModuleInit(): void {
    const problems: string[] = [];
    for (const name of PHASE_NAMES) {
      const count = this.registered.filter((h) => h.phase === name).length;
      if (count !== 1) problems.push(`${name} has ${count} handlers`);
    }
    const unknown = this.registered.filter((h) => !PHASE_NAMES.includes(h.phase));
    unknown.forEach((h) => problems.push(`handler for unknown phase ${String(h.phase)}`));
    if (problems.length) throw new Error(`Pipeline phase registry is invalid: ${problems.join('; ')}`);
    for (const handler of this.registered) this.handlers.set(handler.phase, handler);
  }

  @OnEvent(EVENTS.jobCancelRequested)
  onCancelRequested(event: JobCancelRequestedEvent): void {
    this.active.get(event.slug)?.controller.abort('cancel' satisfies StopReason);
  }

  /** Parks every running job (back to queued) and waits until they have stopped; returns their slugs. */
  async parkAll(): Promise<string[]> {
    this.closing = true;
    const slugs = [...this.active.keys()];
    for (const { controller } of this.active.values()) controller.abort('shutdown' satisfies StopReason);
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    return slugs;
  }

  async run(slug: string): Promise<void> {
    if (this.active.has(slug)) return;
    do {
      if (!(await this.claim(slug))) {
        const job = await this.store.findJob(slug);
        if (job?.status === 'cancel_requested') await this.markCancelled(job);
        return;
      }
      const controller = new AbortController();
      const done = this.execute(slug, controller).finally(() => this.active.delete(slug));
      this.active.set(slug, { controller, done });
      await done;
      // Queued again while this run was finishing (an approval that came as the job parked): the
      // queue dropped that enqueue because the job was still running here, so run it again now.
    } while (!this.closing && (await this.store.findJob(slug))?.status === 'queued');
  }

  /**
   * Claims the job. If another worker's lease holds it, waits for the lease to
   * lapse (a dead worker) — unless the holder renews it (alive: leave it be).
   */
  private async claim(slug: string): Promise<boolean> {
    if (await this.store.claim(slug, this.workerId, this.leaseMs)) return true;
    const holder = await this.store.leaseHolder(slug);
    if (!holder) return false;
    const waitUntil = Math.min(Date.parse(holder.until), Date.now() + this.leaseMs) + 1_000;
    while (Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const current = await this.store.leaseHolder(slug);
      if (!current) break;
      if (current.until !== holder.until) return false;
    }
    return this.store.claim(slug, this.workerId, this.leaseMs);
  }

  private async execute(slug: string, controller: AbortController): Promise<void> {
    const job = await this.store.findJob(slug);
    if (!job) return;
    const timeoutMinutes = await this.settings.getNumber('job_timeout_minutes');
    let current: { phase: PhaseName; started: number } | null = null;
    const watcher = this.watch(slug, controller, Date.now() + timeoutMinutes * 60_000);
    try {
      this.events.emit(EVENTS.jobStarted, { slug, team_id: job.team_id } satisfies JobStartedEvent);
      const usesLlm = await this.chooseGenerator(job);
      // Read once: while this worker holds the job, only this run changes its phases (kept in step below).
      const records = await this.store.findPhases(slug);
      for (const phase of PHASE_NAMES) {
        const record = records.find((r) => r.phase === phase);
        if (record && isPhaseDone(record.status)) continue;
        // Fresh job state for the phase about to run: its running cost, which LLM calls raise.
        if (usesLlm) Object.assign(job, await this.store.findJob(slug));
        controller.signal.throwIfAborted();
        if (!(await this.checkpoints.passGate(job, phase))) return void (await this.park(job));
        // Only a phase that ran before can have escalated: a fresh job's phases skip the lookup (a query each).
        const accepted = record?.attempts ? await this.checkpoints.acceptedEscalation(job, phase) : undefined;
        if (accepted) {
          const note = `Accepted by ${accepted.decided_by}: ${accepted.action}`;
          await this.finishPhase(job, { phase, started: Date.now() }, 'skipped', [], note, note, records);
          continue;
        }
        current = { phase, started: Date.now() };
        const result = await this.runPhase(job, phase, record?.attempts ?? 0, records, controller.signal, usesLlm);
        controller.signal.throwIfAborted();
        const error = result.status === 'failed' ? (result.reason ?? 'failed') : null;
        await this.finishPhase(job, current, result.status, result.outputs, error, result.reason, records);
        current = null;
        if (result.artifact) await this.store.updateJob(slug, { artifact: result.artifact });
        if (result.status === 'failed' && result.escalation) {
          await this.checkpoints.escalate(job, phase, result.escalation);
          return void (await this.park(job));
        }
        if (result.status === 'failed') {
          await this.finishJob(job, 'failed', `Phase ${phase} failed: ${result.reason ?? 'no reason given'}`);
          return;
        }
      }
      await this.finishJob(job, 'succeeded', null);
    } catch (error) {
      await this.handleStop(job, current, controller.signal, error, timeoutMinutes);
    } finally {
      clearInterval(watcher);
    }
  }

  /** LLM when a provider is usable, else the builtin generator; recorded on the job with the reason. */
  private async chooseGenerator(job: Job): Promise<boolean> {
    try {
      const provider = await this.llm.provider();
      job.generator = provider.name;
      await this.store.log(
        job.slug,
        null,
        'info',
        `Generating with LLM provider ${provider.name} (default model ${provider.defaultModel})`,
      );
    } catch (error) {
      if (!(error instanceof LlmUnavailableError)) throw error;
      job.generator = 'builtin';
      await this.store.log(job.slug, null, 'info', `Using the builtin generator: ${error.message}`);
    }
    await this.store.updateJob(job.slug, { generator: job.generator });
    return job.generator !== 'builtin';
  }

  private async runPhase(
    job: Job,
    phase: PhaseName,
    attempts: number,
    records: JobPhase[],
    signal: AbortSignal,
    usesLlm: boolean,
  ): Promise<PhaseResult> {
    const attempt = attempts + 1;
    await this.store.startPhase(job.slug, phase, attempt);
    const record = records.find((r) => r.phase === phase);
    if (record) Object.assign(record, { status: 'running', attempts: attempt, error: null, finished_at: null });
    const agent = PHASE_AGENTS[phase];
    this.events.emit(EVENTS.phaseStarted, {
      slug: job.slug,
      team_id: job.team_id,
      phase,
      agent,
      attempt,
    } satisfies PhaseStartedEvent);
    await this.store.log(job.slug, phase, 'info', `${agent} started ${phase} (attempt ${attempt})`, {
      kind: 'phase',
      data: { phase, status: 'running', attempt, progress: progressOf(records) },
    });
    const context = this.context(job, records, phase, signal, usesLlm);
    try {
      this.workspace.assertNoSymlinks(job.slug);
      return await this.handlers.get(phase)!.run(context);
    } catch (error) {
      if (signal.aborted) throw error;
      this.logger.error(`Job ${job.slug} phase ${phase}: ${(error as Error).message}`);
      return { status: 'failed', outputs: [], reason: this.publicMessage(error, context.root) };
    }
  }

  private async finishPhase(
    job: Job,
    current: { phase: PhaseName; started: number },
    status: PhaseFinishedEvent['status'],
    outputs: string[],
    error: string | null,
    note?: string,
    /** The run's phase records, updated here as the database is (saves a read for the progress). */
    records?: JobPhase[],
  ): Promise<void> {
    await this.store.finishPhase(job.slug, current.phase, status, outputs, error);
    const record = records?.find((r) => r.phase === current.phase);
    if (record) Object.assign(record, { status, outputs, error });
    const progress = progressOf(records ?? (await this.store.findPhases(job.slug)));
    const level = status === 'failed' ? 'error' : status === 'passed' || status === 'skipped' ? 'info' : 'warn';
    await this.store.log(job.slug, current.phase, level, `Phase ${current.phase} ${status}${note ? `: ${note}` : ''}`, {
      kind: 'phase',
      data: { phase: current.phase, status, progress },
    });
    this.events.emit(EVENTS.phaseFinished, {
      slug: job.slug,
      team_id: job.team_id,
      phase: current.phase,
      agent: PHASE_AGENTS[current.phase],
      status,
      duration_ms: Date.now() - current.started,
      error,
    } satisfies PhaseFinishedEvent);
  }

  /** The job waits for a decision; approval requeues it at this phase. */
  private async park(job: Job): Promise<void> {
    // Only a job still running parks; a cancel that arrived meanwhile wins.
    const parked = await this.store.transition(job.slug, 'running', {
      status: 'waiting_approval',
      worker_id: null,
      lease_until: null,
    });
    if (parked) await this.finishJob(job, 'waiting_approval', null);
    else await this.markCancelled(job);
  }

  private async finishJob(job: Job, status: JobFinishedEvent['status'], error: string | null): Promise<void> {
    await this.store.endJob(job.slug, status, error);
  }

  private context(
    job: Job,
    records: JobPhase[],
    phase: PhaseName,
    signal: AbortSignal,
    usesLlm: boolean,
  ): PhaseContext {
    const root = this.workspace.root(job.slug);
    return {
      phase,
      usesLlm,
      job,
      spec: specOf(job),
      signal,
      root,
      sourceDir: join(root, 'source'),
      phases: records,
      writeFiles: (files, under) => {
        signal.throwIfAborted();
        return this.cpu.run('writeFiles', { root, files: under ? inArea(under, files) : [...files] }, signal);
      },
      // Synchronous: the files phases read back (reports, a few sources) are small.
      readFile: (relPath) => {
        const target = resolve(root, relPath);
        if (!isInside(root, target)) return Promise.resolve(undefined);
        try {
          return Promise.resolve(readFileSync(target, 'utf8'));
        } catch {
          return Promise.resolve(undefined);
        }
      },
      log: (level, message) => this.store.log(job.slug, phase, level, message),
      cpu: this.cpu,
    };
  }

  /** The time limit, the lease, and the database's cancel flag (for cancels asked in other processes). */
  private watch(slug: string, controller: AbortController, deadline: number): NodeJS.Timeout {
    let renewedAt = Date.now();
    let polledAt = Date.now();
    return setInterval(() => {
      if (controller.signal.aborted) return;
      if (Date.now() > deadline) {
        controller.abort('timeout' satisfies StopReason);
        return;
      }
      if (Date.now() - renewedAt > this.leaseMs / 3) {
        renewedAt = Date.now();
        this.store.renewLease(slug, this.workerId, this.leaseMs).then(
          (held) => held || controller.abort('lost' satisfies StopReason),
          () => undefined,
        );
      }
      if (Date.now() - polledAt < CANCEL_POLL_MS) return;
      polledAt = Date.now();
      this.store.isCancelRequested(slug).then(
        ({ exists, cancel }) => {
          if (!exists) controller.abort('deleted' satisfies StopReason);
          else if (cancel) controller.abort('cancel' satisfies StopReason);
        },
        () => undefined,
      );
    }, WATCH_INTERVAL_MS);
  }

  private async handleStop(
    job: Job,
    current: { phase: PhaseName; started: number } | null,
    signal: AbortSignal,
    error: unknown,
    timeoutMinutes: number,
  ): Promise<void> {
    const reason = signal.aborted ? (signal.reason as StopReason) : undefined;
    const slug = job.slug;
    const phase = current?.phase ?? null;
    try {
      switch (reason) {
        case 'deleted':
        case 'lost':
          return;
        case 'cancel':
          if (current) await this.finishPhase(job, current, 'cancelled', [], null);
          await this.markCancelled(job);
          return;
        case 'shutdown':
          if (current) await this.finishPhase(job, current, 'pending', [], null);
          await this.store.updateJob(slug, {
            status: 'queued',
            current_phase: null,
            worker_id: null,
            lease_until: null,
          });
          await this.store.log(slug, phase, 'warn', 'Worker shutting down; the job will resume at this phase');
          return;
        case 'timeout': {
          const message = `Job exceeded the ${timeoutMinutes}-minute limit (job_timeout_minutes) and was stopped`;
          if (current) await this.finishPhase(job, current, 'failed', [], 'Stopped: job time limit reached');
          await this.finishJob(job, 'failed', message);
          return;
        }
        default: {
          this.logger.error(`Job ${slug} stopped unexpectedly: ${(error as Error)?.message}`);
          if (current) await this.finishPhase(job, current, 'failed', [], 'Internal error');
          await this.finishJob(job, 'failed', 'Internal error while running the pipeline');
        }
      }
    } catch (stopError) {
      this.logger.error(`Job ${slug}: could not record the stop: ${(stopError as Error).message}`);
    }
  }

  private async markCancelled(job: Job): Promise<void> {
    await this.store.resetUnfinishedPhases(job.slug, 'cancelled');
    await this.finishJob(job, 'cancelled', null);
  }

  /** An error message fit for clients: first line only, workspace paths made relative. */
  private publicMessage(error: unknown, root: string): string {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    // Absolute paths only: a relative path such as source/lib/main.dart stays readable.
    return message
      .split(root)
      .join('.')
      .replace(/(?<![\w.\-/])(?:\/[\w.-]+){2,}/g, '<path>')
      .slice(0, 500);
  }
}
