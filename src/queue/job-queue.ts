import type { QueueBackend } from '../config/queue.config';

/** Runs one job to the end (or until it parks, fails or is cancelled). */
export type JobHandler = (slug: string) => Promise<void>;

/**
 * What the rest of the app knows about the queue: both backends behave the
 * same — FIFO, one entry per job slug, bounded concurrency.
 */
export abstract class JobQueue {
  abstract readonly backend: QueueBackend;

  /** Queues a job unless it is already queued or running. */
  abstract enqueue(slug: string): Promise<void>;

  /** Drops a job that has not started yet; a no-op otherwise. */
  abstract remove(slug: string): Promise<void>;

  /**
   * Starts consuming (workers only); `concurrency` is read again before every
   * pick-up. The thread backend runs `handler`; Bull hands its jobs to
   * JobsProcessor (its @Process method), which runs the same pipeline runner.
   */
  abstract consume(handler: JobHandler, concurrency: () => Promise<number>): Promise<void>;

  /**
   * Job intake closed for every process sharing this queue (a wipe runs), for
   * at most `ttlMs` should nobody reopen it. The thread backend has one
   * process, whose IntakeGate already knows: there these do nothing.
   */
  abstract closeIntake(ttlMs: number): Promise<void>;

  abstract openIntake(): Promise<void>;

  /** True while some process has intake closed; false when that cannot be told (the queue is down). */
  abstract intakeClosed(): Promise<boolean>;

  /** `undefined` when reachable, else why not. */
  abstract unreachableReason(): Promise<string | undefined>;

  /** Stops taking new jobs and waits for running handlers to return. */
  abstract stopConsuming(): Promise<void>;

  /** Releases connections (after stopConsuming). */
  abstract close(): Promise<void>;
}
