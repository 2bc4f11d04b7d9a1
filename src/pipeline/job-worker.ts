import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.types';
import { bootEnv } from '../config/env';
import { JobRunStore } from '../jobs/job-run.store';
import { JobQueue } from '../queue/job-queue';
import { SettingsService } from '../system/settings/settings.service';
import { PipelineRunner } from './pipeline.runner';

/**
 * Connects the queue to the pipeline in processes that run jobs: requeues
 * what a previous process left unfinished, consumes, and parks running jobs
 * on shutdown so they resume after their last passed phase.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private started = false;
  private sweeper?: NodeJS.Timeout;
  /** As often as a lease lapses: orphaned jobs wait at most about twice this long. */
  private readonly sweepMs = Number(bootEnv('QUEUE_LOCK_MS')) || 30_000;

  constructor(
    private readonly config: ConfigService<AllConfig, true>,
    private readonly queue: JobQueue,
    private readonly runner: PipelineRunner,
    private readonly store: JobRunStore,
    private readonly settings: SettingsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('queue.runWorker', { infer: true })) return;
    this.started = true;
    await this.queue.consume(
      (slug) => this.runner.run(slug),
      () => this.settings.getNumber('max_parallel_jobs'),
    );
    // One in-process worker: whatever is still "running" was left by a crash.
    if (this.queue.backend === 'thread') await this.store.releaseAllLeases();
    await this.requeueOrphans();
    this.sweeper = setInterval(() => void this.requeueOrphans(), this.sweepMs);
    this.sweeper.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    if (!this.started) return this.queue.close();
    const parked = await this.runner.parkAll();
    await this.queue.stopConsuming();
    // Back in the shared queue so another worker (or the next boot) resumes them.
    for (const slug of parked) await this.queue.enqueue(slug).catch(() => undefined);
    if (parked.length) this.logger.log(`Parked ${parked.length} running job(s) for resumption`);
    await this.queue.close();
  }

  /**
   * Queues every job no live worker holds: queued ones (Redis may have lost
   * them in a restart) and running ones whose lease lapsed (their worker died
   * or lost the database). Enqueueing is idempotent, so every worker may sweep.
   */
  private async requeueOrphans(): Promise<void> {
    let orphans: Awaited<ReturnType<JobRunStore['orphans']>>;
    try {
      orphans = await this.store.orphans();
    } catch (error) {
      this.logger.warn(`Could not look for unfinished jobs: ${(error as Error).message}`);
      return;
    }
    for (const { slug, status } of orphans) {
      try {
        // A cancel whose worker is gone is finalised without running anything.
        if (status === 'cancel_requested') await this.runner.run(slug);
        else await this.queue.enqueue(slug);
      } catch (error) {
        this.logger.warn(`Could not requeue ${slug}: ${(error as Error).message}`);
      }
    }
  }
}
