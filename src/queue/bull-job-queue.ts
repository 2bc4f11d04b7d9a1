import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobQueue, type JobHandler } from './job-queue';

export const JOBS_QUEUE = 'jobs';
const ENQUEUE_TIMEOUT_MS = Number(process.env.QUEUE_ENQUEUE_TIMEOUT_MS) || 3_000;
/** While all its slots are busy, a worker reads max_parallel_jobs again this often (a raise applies before a job ends). */
const LIMIT_RECHECK_MS = 1_000;
/** After a failed pick-up (Redis away), the next try waits this long. */
const PICKUP_RETRY_MS = 2_000;

export interface JobData {
  slug: string;
}

/** Intake opens again when the last wipe ends (the key exists only while the count is above zero). */
const OPEN_INTAKE = "if redis.call('DECR', KEYS[1]) <= 0 then redis.call('DEL', KEYS[1]) end";

declare module 'bull' {
  interface Queue<T> {
    /**
     * Bull's own runner for a job taken with getNextJob(): lock renewal, the
     * handler registered by @Process(), completion or failure, and events.
     * Public in Bull's JavaScript, absent from its typings.
     */
    processJob(job: Job<T>, notFetch: boolean): Promise<void>;
  }
}

/** `promise`, or an error once `ms` have passed (with Redis down, ioredis holds commands until it is back). */
async function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
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
  private stopping = false;
  private pickingUp?: Promise<void>;
  /** Jobs this process runs, by Bull job id (the slug). */
  private readonly running = new Map<string, Promise<void>>();
  /** The last limit read; kept when the settings cannot be read (database away). */
  private limit = 1;

  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue<JobData>) {
    super();
    // @nestjs/bull's explorer calls process() for JobsProcessor without handling its promise: a start
    // that fails (Redis away, or the queue closed while it starts) would be an unhandled rejection.
    const process = queue.process.bind(queue) as (...args: unknown[]) => Promise<void>;
    queue.process = ((...args: unknown[]) =>
      process(...args).catch((error: Error) => {
        if (!this.stopping) this.logger.error(`Could not start consuming "${JOBS_QUEUE}": ${error.message}`);
      })) as Queue<JobData>['process'];
  }

  /** Bounded: with Redis down, commands wait in ioredis's offline queue; callers get an error instead of a hang. */
  async enqueue(slug: string): Promise<void> {
    await bounded(this.add(slug), ENQUEUE_TIMEOUT_MS);
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

  /**
   * Bull's `process(n)` fixes n for the life of the process. So the consumer,
   * JobsProcessor (`@Process({ concurrency: 0 })`), gives Bull the handler but
   * no slots of its own (Bull still moves stalled jobs back), and `pickUp`
   * takes one job at a time while fewer than `concurrency()` run here: a
   * changed max_parallel_jobs applies at the next pick-up, without a restart,
   * and a worker never holds more jobs than it runs. The jobs reach the
   * processor, so `_handler` (the thread backend's) is not used here.
   */
  consume(_handler: JobHandler, concurrency: () => Promise<number>): Promise<void> {
    if (this.consuming) return Promise.resolve();
    this.consuming = true;
    this.stopping = false;
    this.logger.log(`Consuming "${JOBS_QUEUE}" with max_parallel_jobs slot(s), read at every pick-up`);
    this.pickingUp = this.pickUp(concurrency);
    return Promise.resolve();
  }

  private async pickUp(concurrency: () => Promise<number>): Promise<void> {
    while (!this.stopping) {
      try {
        // The settings cannot be read (database away): keep the last limit.
        const limit = await bounded(concurrency(), ENQUEUE_TIMEOUT_MS).catch(() => this.limit);
        if (Number.isInteger(limit) && limit >= 1) this.limit = limit;
        if (this.running.size >= this.limit) {
          await Promise.race([...this.running.values(), sleep(LIMIT_RECHECK_MS, undefined, { ref: false })]);
          continue;
        }
        // Waits (up to Bull's drainDelay) for a job; undefined when none came or consuming stopped.
        const job = await this.queue.getNextJob();
        if (!job) continue;
        if (this.stopping) await this.handBack(job);
        else this.run(job);
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn(`Could not pick up a job: ${(error as Error).message}`);
        await sleep(PICKUP_RETRY_MS, undefined, { ref: false });
      }
    }
  }

  private run(job: Job<JobData>): void {
    const id = String(job.id);
    const done = this.queue
      .processJob(job, true)
      .then(
        () => undefined,
        (error: Error) => this.logger.error(`Job ${id} could not be finished in the queue: ${error.message}`),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, done);
  }

  /** A job taken while stopping goes back to the queue for another worker. */
  private async handBack(job: Job<JobData>): Promise<void> {
    try {
      await job.moveToFailed({ message: 'The worker is stopping' }, true);
      await this.add(job.data.slug);
    } catch (error) {
      // Its database row still says queued: a worker's orphan sweep queues it again.
      this.logger.warn(`Could not hand job ${String(job.id)} back: ${(error as Error).message}`);
    }
  }

  /** A count of the wipes running in any process, so the first to end does not reopen intake under another. */
  async closeIntake(ttlMs: number): Promise<void> {
    const closing = this.queue.client.multi().incr(this.intakeKey).pexpire(this.intakeKey, ttlMs).exec();
    await bounded(closing, ENQUEUE_TIMEOUT_MS);
  }

  async openIntake(): Promise<void> {
    await bounded(this.queue.client.eval(OPEN_INTAKE, 1, this.intakeKey), ENQUEUE_TIMEOUT_MS);
  }

  async intakeClosed(): Promise<boolean> {
    // Redis away: nothing can be queued anyway, and the enqueue that follows answers 503 itself.
    if (this.queue.client.status !== 'ready') return false;
    return (await bounded(this.queue.client.exists(this.intakeKey), ENQUEUE_TIMEOUT_MS).catch(() => 0)) === 1;
  }

  private get intakeKey(): string {
    return this.queue.toKey('intake-closed');
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
    if (!this.consuming) return;
    this.stopping = true;
    // Local pause without waiting: aborts a pick-up blocked on Redis at once.
    await this.queue.pause(true, true).catch(() => undefined);
    await this.pickingUp;
    await Promise.allSettled([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.queue.close().catch(() => undefined);
  }
}
