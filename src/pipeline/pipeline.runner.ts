import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EVENTS, type JobCancelRequestedEvent } from '../common/events';
import type { JobPhase } from '../jobs/job-phase.entity';
import { isPhaseDone } from '../jobs/job-status';
import { JobRunStore } from '../jobs/job-run.store';
import { isInside, JobWorkspaceService } from '../jobs/job-workspace.service';
import type { Job } from '../jobs/job.entity';
import { SettingsService } from '../system/settings/settings.service';
import type { AppSpec } from './generator/app-spec';
import { PHASE_HANDLERS, type PhaseContext, type PhaseHandler, type PhaseResult } from './phase-handler';
import { PHASE_AGENTS, PHASE_NAMES, type PhaseName } from './phase-names';

/** Why a run was stopped from outside. */
type StopReason = 'cancel' | 'deleted' | 'timeout' | 'shutdown';

const WATCH_INTERVAL_MS = 400;

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

  constructor(
    @Inject(PHASE_HANDLERS) private readonly registered: PhaseHandler[],
    private readonly store: JobRunStore,
    private readonly workspace: JobWorkspaceService,
    private readonly settings: SettingsService,
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

  isRunning(slug: string): boolean {
    return this.active.has(slug);
  }

  /** Parks every running job (back to queued) and waits until they have stopped; returns their slugs. */
  async parkAll(): Promise<string[]> {
    const slugs = [...this.active.keys()];
    for (const { controller } of this.active.values()) controller.abort('shutdown' satisfies StopReason);
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    return slugs;
  }

  async run(slug: string): Promise<void> {
    if (this.active.has(slug)) return;
    if (!(await this.store.claim(slug))) {
      const job = await this.store.findJob(slug);
      if (job?.status === 'cancel_requested') await this.markCancelled(slug, null);
      return;
    }
    const controller = new AbortController();
    const done = this.execute(slug, controller).finally(() => this.active.delete(slug));
    this.active.set(slug, { controller, done });
    await done;
  }

  private async execute(slug: string, controller: AbortController): Promise<void> {
    const timeoutMinutes = await this.settings.getNumber('job_timeout_minutes');
    const watcher = this.watch(slug, controller, Date.now() + timeoutMinutes * 60_000);
    let current: PhaseName | null = null;
    try {
      const job = await this.store.findJob(slug);
      if (!job) return;
      for (const phase of PHASE_NAMES) {
        const records = await this.store.findPhases(slug);
        const record = records.find((r) => r.phase === phase);
        if (record && isPhaseDone(record.status)) continue;
        controller.signal.throwIfAborted();
        current = phase;
        const result = await this.runPhase(job, phase, record?.attempts ?? 0, records, controller.signal);
        controller.signal.throwIfAborted();
        await this.store.finishPhase(slug, phase, result.status, result.outputs, result.status === 'failed' ? (result.reason ?? 'failed') : null);
        if (result.artifact) await this.store.updateJob(slug, { artifact: result.artifact });
        if (result.status === 'failed') {
          const message = `Phase ${phase} failed: ${result.reason ?? 'no reason given'}`;
          await this.store.log(slug, phase, 'error', message);
          await this.store.finishJob(slug, 'failed', message);
          return;
        }
        const why = result.status === 'skipped' ? `: ${result.reason ?? 'not needed'}` : '';
        await this.store.log(slug, phase, 'info', `Phase ${phase} ${result.status}${why}`);
        current = null;
      }
      await this.store.finishJob(slug, 'succeeded');
      await this.store.log(slug, null, 'info', 'Job succeeded');
    } catch (error) {
      await this.handleStop(slug, current, controller.signal, error, timeoutMinutes);
    } finally {
      clearInterval(watcher);
    }
  }

  private async runPhase(job: Job, phase: PhaseName, attempts: number, records: JobPhase[], signal: AbortSignal): Promise<PhaseResult> {
    await this.store.startPhase(job.slug, phase, attempts + 1);
    await this.store.log(job.slug, phase, 'info', `${PHASE_AGENTS[phase]} started ${phase} (attempt ${attempts + 1})`);
    const context = this.context(job, records, phase, signal);
    try {
      return await this.handlers.get(phase)!.run(context);
    } catch (error) {
      if (signal.aborted) throw error;
      this.logger.error(`Job ${job.slug} phase ${phase}: ${(error as Error).message}`);
      return { status: 'failed', outputs: [], reason: this.publicMessage(error, context.root) };
    }
  }

  private context(job: Job, records: JobPhase[], phase: PhaseName, signal: AbortSignal): PhaseContext {
    const root = this.workspace.root(job.slug);
    return {
      job,
      spec: specOf(job),
      signal,
      root,
      sourceDir: join(root, 'source'),
      phases: records,
      writeFiles: async (files, under) => {
        const written: string[] = [];
        for (const file of files) {
          signal.throwIfAborted();
          const path = under ? `${under}/${file.path}` : file.path;
          await this.workspace.write(job.slug, path, file.content);
          written.push(path);
        }
        return written;
      },
      readFile: async (relPath) => {
        const target = resolve(root, relPath);
        if (!isInside(root, target)) return undefined;
        return readFile(target, 'utf8').catch(() => undefined);
      },
      log: (level, message) => this.store.log(job.slug, phase, level, message),
    };
  }

  /** Polls the database so a cancel or delete from any process, or the time limit, stops the run. */
  private watch(slug: string, controller: AbortController, deadline: number): NodeJS.Timeout {
    return setInterval(() => {
      if (controller.signal.aborted) return;
      if (Date.now() > deadline) {
        controller.abort('timeout' satisfies StopReason);
        return;
      }
      this.store.isCancelRequested(slug).then(
        ({ exists, cancel }) => {
          if (!exists) controller.abort('deleted' satisfies StopReason);
          else if (cancel) controller.abort('cancel' satisfies StopReason);
        },
        () => undefined,
      );
    }, WATCH_INTERVAL_MS);
  }

  private async handleStop(slug: string, phase: PhaseName | null, signal: AbortSignal, error: unknown, timeoutMinutes: number): Promise<void> {
    const reason = signal.aborted ? (signal.reason as StopReason) : undefined;
    try {
      switch (reason) {
        case 'deleted':
          return;
        case 'cancel':
          await this.markCancelled(slug, phase);
          return;
        case 'shutdown':
          if (phase) await this.store.finishPhase(slug, phase, 'pending', []);
          await this.store.updateJob(slug, { status: 'queued', current_phase: null });
          await this.store.log(slug, phase, 'warn', 'Worker shutting down; the job will resume at this phase');
          return;
        case 'timeout': {
          const message = `Job exceeded the ${timeoutMinutes}-minute limit (job_timeout_minutes) and was stopped`;
          if (phase) await this.store.finishPhase(slug, phase, 'failed', [], 'Stopped: job time limit reached');
          await this.store.finishJob(slug, 'failed', message);
          await this.store.log(slug, phase, 'error', message);
          return;
        }
        default: {
          this.logger.error(`Job ${slug} stopped unexpectedly: ${(error as Error)?.message}`);
          if (phase) await this.store.finishPhase(slug, phase, 'failed', [], 'Internal error');
          await this.store.finishJob(slug, 'failed', 'Internal error while running the pipeline');
        }
      }
    } catch (stopError) {
      this.logger.error(`Job ${slug}: could not record the stop: ${(stopError as Error).message}`);
    }
  }

  private async markCancelled(slug: string, phase: PhaseName | null): Promise<void> {
    if (phase) await this.store.finishPhase(slug, phase, 'cancelled', []);
    await this.store.resetUnfinishedPhases(slug, 'cancelled');
    await this.store.finishJob(slug, 'cancelled', null);
    await this.store.log(slug, phase, 'warn', 'Job cancelled');
  }

  /** An error message fit for clients: first line only, workspace paths made relative. */
  private publicMessage(error: unknown, root: string): string {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return message.split(root).join('.').replace(/(?:\/[\w.-]+){2,}/g, '<path>').slice(0, 500);
  }
}
