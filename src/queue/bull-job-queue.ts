import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { JobQueue, type JobHandler } from './job-queue';

export const JOBS_QUEUE = 'jobs';
const ENQUEUE_TIMEOUT_MS = Number(process.env.QUEUE_ENQUEUE_TIMEOUT_MS) || 3_000;

interface JobData {
  slug: string;
}

/**
 * Redis-backed backend for API + worker processes. The Bull job id is the
 * job slug, so a job can never be queued twice; finished entries are removed
 * so the same slug can be queued again on retry or resume.
 */
@Injectable()
export class BullJobQueue extends JobQueue {
  readonly backend = 'bull' as const;
  private readonly logger = new Logger('BullQueue');
  private consuming = false;

  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue<JobData>) {
    super();
  }

  /** Bounded: with Redis down, commands wait in ioredis's offline queue; callers get an error instead of a hang. */
  async enqueue(slug: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.add(slug), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async add(slug: string): Promise<void> {
    const existing = await this.queue.getJob(slug);
    if (existing) {
      // Only a finished entry makes way for the new one; anything else (including the "stuck"
      // a job reads as while it moves from waiting to active) is still live.
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return;
      await existing.remove().catch(() => undefined);
    }
    await this.queue.add({ slug }, { jobId: slug, removeOnComplete: true, removeOnFail: true, attempts: 1 });
  }

  async remove(slug: string): Promise<void> {
    const job = await this.queue.getJob(slug);
    if (!job) return;
    const state = await job.getState();
    if (state !== 'active') await job.remove().catch(() => undefined);
  }

  async consume(handler: JobHandler, concurrency: () => Promise<number>): Promise<void> {
    if (this.consuming) return;
    this.consuming = true;
    const slots = Math.max(1, await concurrency());
    this.logger.log(`Consuming "${JOBS_QUEUE}" with ${slots} slot(s)`);
    void this.queue.process(slots, async (job) => handler(job.data.slug));
  }

  async unreachableReason(): Promise<string | undefined> {
    try {
      const client = this.queue.client;
      const pong = await Promise.race([
        client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 1_000)),
      ]);
      return pong === 'PONG' ? undefined : 'Redis did not answer PING';
    } catch (error) {
      return `Redis unreachable: ${(error as Error).message}`;
    }
  }

  async stopConsuming(): Promise<void> {
    // Local pause: this process takes no new jobs and waits for its active ones.
    if (this.consuming) await this.queue.pause(true, false).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
