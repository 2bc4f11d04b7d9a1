import { Injectable, Logger } from '@nestjs/common';
import { JobQueue, type JobHandler } from './job-queue';
import { outsideRequest } from '../logging/request-context';

/**
 * The embedded backend: an in-process FIFO with bounded concurrency. Job state
 * lives in the database, so nothing is lost with the process — queued and
 * interrupted jobs are queued again at boot.
 */
@Injectable()
export class ThreadJobQueue extends JobQueue {
  readonly backend = 'thread' as const;
  private readonly logger = new Logger('ThreadQueue');
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private handler?: JobHandler;
  private concurrency: () => Promise<number> = () => Promise.resolve(1);
  private stopped = false;
  private pumping = false;

  enqueue(slug: string): Promise<void> {
    if (!this.waiting.includes(slug) && !this.running.has(slug)) this.waiting.push(slug);
    void this.pump();
    return Promise.resolve();
  }

  remove(slug: string): Promise<void> {
    const index = this.waiting.indexOf(slug);
    if (index >= 0) this.waiting.splice(index, 1);
    return Promise.resolve();
  }

  consume(handler: JobHandler, concurrency: () => Promise<number>): Promise<void> {
    this.handler = handler;
    this.concurrency = concurrency;
    this.stopped = false;
    void this.pump();
    return Promise.resolve();
  }

  closeIntake(): Promise<void> {
    return Promise.resolve();
  }

  openIntake(): Promise<void> {
    return Promise.resolve();
  }

  intakeClosed(): Promise<boolean> {
    return Promise.resolve(false);
  }

  unreachableReason(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  async stopConsuming(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.running.values()]);
  }

  close(): Promise<void> {
    this.waiting.length = 0;
    return Promise.resolve();
  }

  /** Starts waiting jobs while there are free slots; the limit is re-read each time so a setting change applies at once. */
  private async pump(): Promise<void> {
    if (this.pumping || !this.handler) return;
    this.pumping = true;
    try {
      while (!this.stopped && this.waiting.length) {
        const limit = Math.max(1, await this.concurrency());
        if (this.running.size >= limit) break;
        const slug = this.waiting.shift()!;
        this.start(slug, this.handler);
      }
    } finally {
      this.pumping = false;
    }
  }

  private start(slug: string, handler: JobHandler): void {
    // The pump runs inside whichever request or job freed a slot; the job is neither's.
    const run = outsideRequest(() => handler(slug))
      .catch((error: unknown) => this.logger.error(`Job ${slug} crashed the runner: ${(error as Error).message}`))
      .finally(() => {
        this.running.delete(slug);
        void this.pump();
      });
    this.running.set(slug, run);
  }
}
