import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue';

/** A closed intake nobody reopens (the wiping process died) opens again by itself after this. */
const CLOSED_TTL_MS = 120_000;
/** Closing waits at most this long for the requests already let in. */
const DRAIN_MS = 10_000;

/** 503: the global error filter adds Retry-After. */
export class IntakeClosedException extends ServiceUnavailableException {
  constructor() {
    super('A wipe is in progress: no new jobs are accepted until it ends; try again shortly');
  }
}

/**
 * Job intake (create, retry) as a gate the wipe closes. While it is closed,
 * new work gets 503 with Retry-After, and closing waits for the requests
 * already let in, so a wipe never races a create of this process.
 *
 * With Bull, the closed state is also kept in Redis (a count of the wipes
 * running anywhere), so every API process sharing the queue refuses new jobs.
 * Requests another process had already let in are not waited for: what they
 * write is removed by the wipe's rounds (see JobsService.removeAll), or, when
 * it lands after the last round, stays as a job created after the wipe. The
 * thread backend runs in one process only.
 */
@Injectable()
export class IntakeGate {
  private readonly logger = new Logger(IntakeGate.name);
  /** Wipes in progress in this process. */
  private closers = 0;
  /** Requests let in and not finished yet. */
  private inside = 0;
  private drained?: () => void;

  constructor(private readonly queue: JobQueue) {}

  /** Runs `work` unless intake is closed, here or in another process (then 503). */
  async admit<T>(work: () => Promise<T>): Promise<T> {
    if (this.closers || (await this.queue.intakeClosed())) throw new IntakeClosedException();
    // Checked again: a wipe may have closed the gate while Redis was asked.
    if (this.closers) throw new IntakeClosedException();
    this.inside++;
    try {
      return await work();
    } finally {
      if (--this.inside === 0) this.drained?.();
    }
  }

  /** Closes intake here at once and in the other processes, then waits for the requests already let in. */
  async close(): Promise<void> {
    this.closers++;
    await this.queue.closeIntake(CLOSED_TTL_MS).catch((error: Error) => {
      this.logger.warn(`Could not close job intake for other processes: ${error.message}`);
    });
    if (!this.inside) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
      timer = setTimeout(resolve, DRAIN_MS);
    });
    clearTimeout(timer);
    this.drained = undefined;
  }

  async open(): Promise<void> {
    this.closers = Math.max(0, this.closers - 1);
    if (this.closers) return;
    await this.queue.openIntake().catch((error: Error) => {
      this.logger.warn(`Could not reopen job intake for other processes (it reopens by itself): ${error.message}`);
    });
  }
}
