import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { ServerResponse } from 'node:http';
import { MoreThan, type Repository } from 'typeorm';
import { EVENTS, type JobLogEvent } from '../common/events';
import type { AllConfig } from '../config/config.types';
import { bootEnv } from '../config/env';
import { JobLog } from './job-log.entity';
import { JobPhase } from './job-phase.entity';
import { TERMINAL_JOB_STATUSES, type JobStatus } from './job-status';
import { Job } from './job.entity';
import { phaseStatusMap, progressOf, toJobLog } from './job.mapper';

const POLL_MS = 1_000;
const BATCH = 500;

/**
 * Server-Sent Events for one job. The job's log rows are the event log (their
 * ids are the event ids), so a reconnect with Last-Event-ID replays exactly
 * what was missed, whichever process wrote it. In-process writes wake the
 * stream at once; a slow poll covers writes by other workers.
 */
@Injectable()
export class JobEventsService {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly heartbeatMs = Number(bootEnv('SSE_HEARTBEAT_MS')) || 15_000;
  /** Open streams per token key (a digest of the token), in this process. */
  private readonly openPerToken = new Map<string, number>();
  readonly maxStreamsPerToken: number;

  constructor(
    @InjectRepository(Job) private readonly jobs: Repository<Job>,
    @InjectRepository(JobPhase) private readonly phases: Repository<JobPhase>,
    @InjectRepository(JobLog) private readonly logs: Repository<JobLog>,
    config: ConfigService<AllConfig, true>,
  ) {
    this.maxStreamsPerToken = config.get('app.sseMaxPerToken', { infer: true });
  }

  /** Event streams open in this process, all tokens together. */
  get openStreams(): number {
    let total = 0;
    for (const count of this.openPerToken.values()) total += count;
    return total;
  }

  /**
   * Takes one of the token's stream slots (SSE_MAX_PER_TOKEN per process):
   * a release function (safe to call more than once), or `undefined` when
   * the token already holds all of them.
   */
  acquireSlot(tokenKey: string): (() => void) | undefined {
    const open = this.openPerToken.get(tokenKey) ?? 0;
    if (open >= this.maxStreamsPerToken) return undefined;
    this.openPerToken.set(tokenKey, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.openPerToken.get(tokenKey) ?? 1) - 1;
      if (left > 0) this.openPerToken.set(tokenKey, left);
      else this.openPerToken.delete(tokenKey);
    };
  }

  @OnEvent(EVENTS.jobLog)
  onLog(event: JobLogEvent): void {
    this.waiters.get(event.slug)?.forEach((wake) => wake());
  }

  async stream(slug: string, lastEventId: number | undefined, res: ServerResponse): Promise<void> {
    let closed = false;
    let wake: () => void = () => undefined;
    const waiter = () => wake();
    res.on('close', () => {
      closed = true;
      waiter();
    });
    this.subscribe(slug, waiter);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    try {
      let cursor = lastEventId ?? 0;
      let sawStatus = false;
      // The status the client was last told: a `status` row repeating it (the job's state can be
      // written a moment before its status row, and the snapshot read in between) is not sent again.
      let told: unknown;
      const send = (row: JobLog) => {
        const status = row.event === 'status' ? row.data?.status : undefined;
        if (status === undefined || status !== told) {
          res.write(this.format(row.event, toJobLog(row), row.id, row.data ?? undefined));
        }
        if (status !== undefined) told = status;
        cursor = row.id;
      };
      if (lastEventId === undefined) {
        cursor = await this.lastLogId(slug);
        told = await this.sendSnapshot(slug, cursor, res);
      }
      while (!closed) {
        const rows = await this.logs.find({
          where: { job_slug: slug, id: MoreThan(cursor) },
          order: { id: 'ASC' },
          take: BATCH,
        });
        for (const row of rows) {
          send(row);
          sawStatus = row.event === 'status' && TERMINAL_JOB_STATUSES.includes(row.data?.status as JobStatus);
        }
        if (rows.length === BATCH) continue;
        const job = await this.jobs.findOne({ where: { slug } });
        if (!job || TERMINAL_JOB_STATUSES.includes(job.status)) {
          // Drain what was written after the read; the final `status` row can trail the state change
          // by a moment (it may come from another process), so give it a short grace.
          for (let waited = 0; ; waited += 100) {
            const tail = await this.logs.find({
              where: { job_slug: slug, id: MoreThan(cursor) },
              order: { id: 'ASC' },
            });
            for (const row of tail) {
              send(row);
              sawStatus = row.event === 'status' && row.data?.status === job?.status;
            }
            if (!job || sawStatus || waited >= 1_000) break;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          // The final word, read after the drain: the state may have been completed meanwhile (error, phases).
          const final = await this.jobs.findOne({ where: { slug } });
          const phases = final ? await this.phases.find({ where: { job_slug: slug } }) : [];
          res.write(
            this.format('end', {
              status: final?.status ?? 'deleted',
              error: final?.error ?? null,
              progress: progressOf(phases),
            }),
          );
          break;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      clearInterval(heartbeat);
      this.unsubscribe(slug, waiter);
      res.end();
    }
  }

  /** Writes the job's current state as the stream's first event; returns the status it gave. */
  private async sendSnapshot(slug: string, id: number, res: ServerResponse): Promise<string> {
    const job = await this.jobs.findOne({ where: { slug } });
    const phases = await this.phases.find({ where: { job_slug: slug } });
    const snapshot = {
      status: job?.status ?? 'deleted',
      current_phase: job?.current_phase ?? null,
      progress: progressOf(phases),
      phases: phaseStatusMap(phases),
      error: job?.error ?? null,
    };
    res.write(this.format('snapshot', snapshot, id || undefined));
    return snapshot.status;
  }

  private async lastLogId(slug: string): Promise<number> {
    const last = await this.logs.findOne({ where: { job_slug: slug }, order: { id: 'DESC' }, select: { id: true } });
    return last?.id ?? 0;
  }

  /** One SSE frame; `data` is JSON on a single line. */
  private format(event: string, payload: object, id?: number, extra?: object): string {
    const data = JSON.stringify(extra ? { ...payload, ...extra } : payload);
    return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`;
  }

  private subscribe(slug: string, waiter: () => void): void {
    const set = this.waiters.get(slug) ?? new Set();
    set.add(waiter);
    this.waiters.set(slug, set);
  }

  private unsubscribe(slug: string, waiter: () => void): void {
    const set = this.waiters.get(slug);
    set?.delete(waiter);
    if (set && !set.size) this.waiters.delete(slug);
  }
}
