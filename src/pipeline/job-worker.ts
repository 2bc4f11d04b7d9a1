import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.types';
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
    await this.requeueUnfinished();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return this.queue.close();
    const parked = await this.runner.parkAll();
    await this.queue.stopConsuming();
    // Back in the shared queue so another worker (or the next boot) resumes them.
    for (const slug of parked) await this.queue.enqueue(slug).catch(() => undefined);
    if (parked.length) this.logger.log(`Parked ${parked.length} running job(s) for resumption`);
    await this.queue.close();
  }

  private async requeueUnfinished(): Promise<void> {
    // One in-process worker: whatever is still "running" was left by a crash.
    if (this.queue.backend === 'thread') await this.store.releaseAllLeases();
    const pending = await this.store.pendingSlugs();
    for (const { slug, status } of pending) {
      if (status === 'cancel_requested') {
        await this.runner.run(slug); // finalises the cancellation without running anything
      } else {
        await this.queue.enqueue(slug);
      }
    }
    if (pending.length) this.logger.log(`Requeued ${pending.length} unfinished job(s)`);
  }
}
