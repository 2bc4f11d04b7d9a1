import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  EVENTS,
  type HitlDecisionEvent,
  type JobFinishedEvent,
  type JobStartedEvent,
  type LlmCallEvent,
  type PermissionDeniedEvent,
  type PhaseFinishedEvent,
  type PhaseStartedEvent,
  type ProviderChangedEvent,
  type SettingsChangedEvent,
  type WipedEvent,
} from '../common/events';
import { ActivityService, type RecordActivityInput } from './activity.service';

const MAX_ERROR_CHARS = 1_000;

function clipError(error: string | null): string | null {
  return error && error.length > MAX_ERROR_CHARS ? `${error.slice(0, MAX_ERROR_CHARS)}…` : error;
}

/**
 * Turns the cross-module events into activity entries. The emitter never
 * waits for or sees a failure here: each append is started synchronously (so
 * entries keep the order of the events) and its errors are only logged.
 */
@Injectable()
export class ActivityListener {
  private readonly logger = new Logger(ActivityListener.name);

  constructor(private readonly activity: ActivityService) {}

  @OnEvent(EVENTS.jobStarted)
  onJobStarted(e: JobStartedEvent): void {
    this.write(() => ({ task_id: e.slug, action: 'job_started', status: 'started', details: {}, team_id: e.team_id }));
  }

  @OnEvent(EVENTS.phaseStarted)
  onPhaseStarted(e: PhaseStartedEvent): void {
    this.write(() => ({
      task_id: e.slug,
      agent: e.agent,
      action: 'phase_started',
      status: 'started',
      details: { phase: e.phase, attempt: e.attempt },
      team_id: e.team_id,
    }));
  }

  @OnEvent(EVENTS.phaseFinished)
  onPhaseFinished(e: PhaseFinishedEvent): void {
    this.write(() => {
      const base = { task_id: e.slug, agent: e.agent, team_id: e.team_id };
      const details = { phase: e.phase, phase_status: e.status, duration_ms: e.duration_ms };
      if (e.status === 'passed' || e.status === 'skipped') {
        return {
          ...base,
          action: 'phase_passed',
          status: 'success',
          details: { ...details, skipped: e.status === 'skipped' },
        };
      }
      const error = clipError(e.error);
      if (e.status === 'failed')
        return { ...base, action: 'phase_failed', status: 'fail', details: { ...details, error } };
      return { ...base, action: 'phase_stopped', status: e.status, details: { ...details, error } };
    });
  }

  @OnEvent(EVENTS.jobFinished)
  onJobFinished(e: JobFinishedEvent): void {
    this.write(() => {
      const details = { job_status: e.status, error: clipError(e.error) };
      if (e.status === 'waiting_approval') {
        // Not finished: paused for a human, so it does not count as a completed workflow.
        return { task_id: e.slug, action: 'workflow_paused', status: 'waiting_approval', details, team_id: e.team_id };
      }
      const status = e.status === 'succeeded' ? 'success' : 'fail';
      return { task_id: e.slug, action: 'workflow_completed', status, details, team_id: e.team_id };
    });
  }

  @OnEvent(EVENTS.llmCall)
  onLlmCall(e: LlmCallEvent): void {
    this.write(() => ({
      task_id: e.job_slug,
      agent: e.agent,
      action: 'llm_cost',
      status: e.outcome === 'ok' ? 'success' : 'fail',
      details: {
        provider: e.provider,
        model: e.model,
        phase: e.phase,
        tokens_in: e.tokens_in,
        tokens_out: e.tokens_out,
        tokens: e.tokens_in + e.tokens_out,
        cost_usd: e.cost_usd,
        latency_ms: e.latency_ms,
        outcome: e.outcome,
      },
      team_id: e.team_id,
    }));
  }

  @OnEvent(EVENTS.permissionDenied)
  onPermissionDenied(e: PermissionDeniedEvent): void {
    this.write(() => ({
      action: 'permission_denied',
      status: 'denied',
      details: { method: e.method, path: e.path, required_role: e.required, role: e.user.role },
      team_id: e.user.team_id,
    }));
  }

  @OnEvent(EVENTS.settingsChanged)
  onSettingsChanged(e: SettingsChangedEvent): void {
    // Setting values are limits and model names, not secrets; record() still redacts secret-looking keys.
    this.write(() => ({
      action: 'settings_changed',
      status: 'success',
      details: { keys: Object.keys(e.changes), changes: e.changes, by_role: e.by.role },
      team_id: e.by.team_id,
    }));
  }

  @OnEvent(EVENTS.providerChanged)
  onProviderChanged(e: ProviderChangedEvent): void {
    this.write(() => ({
      action: `provider_${e.action}`,
      status: 'success',
      details: { provider: e.name, by_role: e.by.role },
      team_id: e.by.team_id,
    }));
  }

  @OnEvent(EVENTS.hitlDecision)
  onHitlDecision(e: HitlDecisionEvent): void {
    this.write(() => ({
      task_id: e.job_slug,
      action: `hitl_${e.decision}`,
      status: e.decision,
      details: {
        kind: e.kind,
        id: e.id,
        reason: clipError(e.reason),
        by_role: e.by?.role ?? null,
        by_team: e.by?.team_id ?? null,
      },
      team_id: e.team_id,
    }));
  }

  @OnEvent(EVENTS.wiped)
  onWiped(e: WipedEvent): void {
    const failed = e.failed_steps ?? [];
    this.write(() => ({
      action: 'wipe',
      status: failed.length ? 'fail' : 'success',
      details: { by_role: e.by.role, ...(failed.length ? { failed_steps: failed } : {}) },
      team_id: e.by.team_id,
    }));
  }

  private write(build: () => RecordActivityInput): void {
    try {
      const input = build();
      this.activity.record(input).catch((error: unknown) => {
        this.logger.error(`Could not record ${input.action}: ${(error as Error).message}`);
      });
    } catch (error) {
      this.logger.error(`Could not record an activity event: ${(error as Error).message}`);
    }
  }
}
