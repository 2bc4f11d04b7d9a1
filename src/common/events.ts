import type { AuthUser } from './auth/auth-user';

/**
 * Cross-module events (emitted with @nestjs/event-emitter). Modules that
 * record or react (activity log, metrics, live job events) listen to these
 * instead of being called by the emitter.
 */
export const EVENTS = {
  permissionDenied: 'auth.permission_denied',
  settingsChanged: 'settings.changed',
  jobCancelRequested: 'job.cancel_requested',
  jobQueued: 'job.queued',
  jobStarted: 'job.started',
  jobFinished: 'job.finished',
  phaseStarted: 'job.phase_started',
  phaseFinished: 'job.phase_finished',
  jobLog: 'job.log',
  llmCall: 'llm.call',
  providerChanged: 'provider.changed',
  hitlDecision: 'hitl.decision',
  wiped: 'system.wiped',
} as const;

export interface PermissionDeniedEvent {
  user: AuthUser;
  method: string;
  path: string;
  required: string;
}

export interface SettingsChangedEvent {
  changes: Record<string, string>;
  by: AuthUser;
}

export interface JobCancelRequestedEvent {
  slug: string;
}

export interface JobQueuedEvent {
  slug: string;
  team_id: string;
  /** created: a new job; retry: a failed or cancelled job sent again. */
  reason: 'created' | 'retry';
}

export interface JobStartedEvent {
  slug: string;
  team_id: string;
}

export interface JobFinishedEvent {
  slug: string;
  team_id: string;
  status: 'succeeded' | 'failed' | 'cancelled' | 'waiting_approval';
  error: string | null;
}

export interface PhaseStartedEvent {
  slug: string;
  team_id: string;
  phase: string;
  agent: string;
  attempt: number;
}

export interface PhaseFinishedEvent {
  slug: string;
  team_id: string;
  phase: string;
  agent: string;
  status: 'passed' | 'skipped' | 'failed' | 'cancelled' | 'pending';
  duration_ms: number;
  error: string | null;
}

export interface JobLogEvent {
  slug: string;
  id: number;
  phase: string | null;
  level: string;
  message: string;
  created_at: string;
}

export interface LlmCallEvent {
  job_slug: string | null;
  team_id: string;
  phase: string | null;
  agent: string | null;
  provider: string;
  model: string;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  latency_ms: number;
  outcome: string;
}

export interface ProviderChangedEvent {
  action: 'created' | 'updated' | 'deleted' | 'activated';
  name: string;
  by: AuthUser;
}

export interface HitlDecisionEvent {
  kind: 'checkpoint' | 'experience';
  id: string;
  decision: 'approved' | 'rejected' | 'expired';
  job_slug: string | null;
  team_id: string;
  by: AuthUser | null;
  reason: string | null;
}

export interface WipedEvent {
  by: AuthUser;
  /** Wipe steps that failed (the wipe is incomplete); empty when it finished. */
  failed_steps?: string[];
}
