import {
  ConflictException,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, LessThan, type Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { EVENTS, type HitlDecisionEvent, type JobFinishedEvent } from '../common/events';
import { nowIso } from '../common/time';
import { bootEnv } from '../config/env';
import { JobRunStore } from '../jobs/job-run.store';
import type { Job } from '../jobs/job.entity';
import { JobQueue } from '../queue/job-queue';
import { SettingsService } from '../system/settings/settings.service';
import { Checkpoint, type CheckpointKind } from './checkpoint.entity';
import { teamWhere } from '../common/auth/team-scope';
import { assertDecidable, decidedBy } from './decision';

export interface Escalation {
  kind: Exclude<CheckpointKind, 'before_phase'>;
  action: string;
  reason: string;
}

/**
 * Gates where a job waits for a person: before configured phases, and when
 * QA or security cannot be satisfied automatically. Approval requeues the job
 * at that phase; rejection or expiry fails it.
 */
@Injectable()
export class CheckpointsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Checkpoints');
  private sweeper?: NodeJS.Timeout;
  /** Read per boot (not at import), so `.env` and test environments apply. */
  private readonly sweepMs = Number(bootEnv('HITL_SWEEP_MS')) || 5_000;

  constructor(
    @InjectRepository(Checkpoint) private readonly repo: Repository<Checkpoint>,
    private readonly store: JobRunStore,
    private readonly queue: JobQueue,
    private readonly settings: SettingsService,
    private readonly events: EventEmitter2,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(
      () => void this.expireOverdue().catch((e: Error) => this.logger.warn(`Expiry sweep failed: ${e.message}`)),
      this.sweepMs,
    );
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Before a phase: true to proceed; false when the job must wait (a pending checkpoint exists or was just opened). */
  async passGate(job: Job, phase: string): Promise<boolean> {
    const gated = job.checkpoints.includes(phase) || (await this.settings.getList('hitl_checkpoints')).includes(phase);
    if (!gated) return true;
    return this.decided(job, phase, 'before_phase', {
      action: `run phase ${phase}`,
      reason: `Phase ${phase} requires approval before it runs`,
    });
  }

  /** An approval that accepts this phase's failure (QA findings, security blockers), if one was given. */
  async acceptedEscalation(job: Job, phase: string): Promise<Checkpoint | undefined> {
    const approved = await this.repo.find({
      where: { job_slug: job.slug, phase, kind: In(['qa_findings', 'security_blockers']), status: 'approved' },
    });
    return approved[0];
  }

  /** A phase failed in a way a person may accept: open a checkpoint and make the job wait. */
  async escalate(job: Job, phase: string, escalation: Escalation): Promise<void> {
    await this.decided(job, phase, escalation.kind, escalation);
  }

  async list(user: AuthUser, teamId?: string): Promise<Checkpoint[]> {
    return this.repo.find({ where: teamWhere(user, teamId), order: { created_at: 'DESC' } });
  }

  async pending(user: AuthUser): Promise<Checkpoint[]> {
    return this.repo.find({ where: { ...teamWhere(user), status: 'pending' }, order: { created_at: 'ASC' } });
  }

  async findById(id: string): Promise<Checkpoint | null> {
    return this.repo.findOne({ where: { id } });
  }

  async approve(id: string, user: AuthUser, reason?: string): Promise<Checkpoint> {
    const decided = await this.decide(id, user, 'approved', reason);
    // Only a job still waiting moves on: a cancel that got there first wins.
    await this.moveJob(decided, { status: 'queued', error: null });
    await this.store.log(
      decided.job_slug,
      decided.phase,
      'info',
      `Checkpoint at ${decided.phase} approved by ${decided.decided_by}`,
    );
    await this.queue.enqueue(decided.job_slug);
    return decided;
  }

  async reject(id: string, user: AuthUser, reason?: string): Promise<Checkpoint> {
    const decided = await this.decide(id, user, 'rejected', reason);
    const message = `rejected at ${decided.phase}: ${reason?.trim() || 'no reason given'}`;
    await this.moveJob(decided, { status: 'failed', error: message });
    await this.store.endJob(decided.job_slug, 'failed', message);
    return decided;
  }

  /** The decided checkpoint's job must still be waiting; otherwise the decision is void (expired) and 409. */
  private async moveJob(checkpoint: Checkpoint, patch: Parameters<JobRunStore['transition']>[2]): Promise<void> {
    if (await this.store.transition(checkpoint.job_slug, 'waiting_approval', patch)) return;
    await this.repo.update(
      { id: checkpoint.id },
      { status: 'expired', decided_by: 'system', decision_reason: 'The job was no longer waiting' },
    );
    throw new ConflictException('The job is no longer waiting for this decision');
  }

  /** A job that ended while waiting (cancelled): its open checkpoints can no longer be decided. */
  @OnEvent(EVENTS.jobFinished, { async: true, promisify: true })
  async closeForJob(event: JobFinishedEvent): Promise<void> {
    if (event.status === 'waiting_approval') return;
    await this.repo.update(
      { job_slug: event.slug, status: 'pending' },
      { status: 'expired', decided_at: nowIso(), decided_by: 'system', decision_reason: `Job ${event.status}` },
    );
  }

  async clearAll(): Promise<void> {
    await this.repo.clear();
  }

  /** Fails jobs whose checkpoint waited longer than `hitl_timeout_minutes`. */
  async expireOverdue(): Promise<number> {
    const minutes = await this.settings.getNumber('hitl_timeout_minutes');
    if (!minutes) return 0;
    const cutoff = new Date(Date.now() - minutes * 60_000).toISOString();
    const overdue = await this.repo.find({ where: { status: 'pending', created_at: LessThan(cutoff) } });
    for (const checkpoint of overdue) {
      const result = await this.repo.update(
        { id: checkpoint.id, status: 'pending' },
        {
          status: 'expired',
          decided_at: nowIso(),
          decided_by: 'system',
          decision_reason: `No decision within ${minutes} minute(s)`,
        },
      );
      if (!result.affected) continue;
      const message = `Checkpoint at ${checkpoint.phase} expired after ${minutes} minute(s) without a decision`;
      await this.store.log(checkpoint.job_slug, checkpoint.phase, 'error', message);
      if (await this.store.transition(checkpoint.job_slug, 'waiting_approval', { status: 'failed', error: message })) {
        await this.store.endJob(checkpoint.job_slug, 'failed', message);
      }
      this.emit(checkpoint, 'expired', null, null);
    }
    return overdue.length;
  }

  private async decided(
    job: Job,
    phase: string,
    kind: CheckpointKind,
    ask: { action: string; reason: string },
  ): Promise<boolean> {
    const existing = await this.repo.find({
      where: { job_slug: job.slug, phase, kind, status: In(['pending', 'approved']) },
    });
    if (existing.some((c) => c.status === 'approved')) return true;
    if (!existing.length) {
      const checkpoint: Checkpoint = {
        id: `cp-${randomUUID()}`,
        job_slug: job.slug,
        team_id: job.team_id,
        phase,
        kind,
        action: ask.action,
        reason: ask.reason.slice(0, 4000),
        summary: await this.summary(job.slug),
        status: 'pending',
        created_at: nowIso(),
        decided_at: null,
        decided_by: null,
        decision_reason: null,
      };
      await this.repo.insert(checkpoint);
      await this.store.log(job.slug, phase, 'warn', `Waiting for approval (${checkpoint.id}): ${ask.reason}`);
    }
    // The runner parks the job (running → waiting_approval) once this returns false.
    await this.store.updateJob(job.slug, { current_phase: phase });
    return false;
  }

  private async summary(slug: string): Promise<string> {
    const phases = await this.store.findPhases(slug);
    const done = phases.filter((p) => p.status === 'passed' || p.status === 'skipped');
    if (!done.length) return 'No phase has run yet.';
    return done
      .map((p) => `${p.phase}: ${p.status}${p.outputs.length ? ` (${p.outputs.length} file(s))` : ''}`)
      .join('; ');
  }

  /** Records the decision; conditional on pending, so of two simultaneous decisions (or the expiry sweep) one wins. */
  private async decide(
    id: string,
    user: AuthUser,
    status: 'approved' | 'rejected',
    reason?: string,
  ): Promise<Checkpoint> {
    const checkpoint = assertDecidable(await this.findById(id), user, 'Checkpoint');
    const changes = {
      status,
      decided_at: nowIso(),
      decided_by: decidedBy(user),
      decision_reason: reason?.trim() || null,
    };
    const result = await this.repo.update({ id, status: 'pending' }, changes);
    if (!result.affected) assertDecidable(await this.findById(id), user, 'Checkpoint');
    const decided = { ...checkpoint, ...changes };
    this.emit(decided, status, user, changes.decision_reason);
    return decided;
  }

  private emit(
    checkpoint: Checkpoint,
    decision: HitlDecisionEvent['decision'],
    by: AuthUser | null,
    reason: string | null,
  ): void {
    this.events.emit(EVENTS.hitlDecision, {
      kind: 'checkpoint',
      id: checkpoint.id,
      decision,
      job_slug: checkpoint.job_slug,
      team_id: checkpoint.team_id,
      by,
      reason,
    } satisfies HitlDecisionEvent);
  }
}
