export const JOB_STATUSES = [
  'queued',
  'running',
  'waiting_approval',
  'cancel_requested',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const PHASE_STATUSES = ['pending', 'running', 'passed', 'failed', 'skipped', 'cancelled'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];
export const CANCELLABLE_JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'waiting_approval'];

/** A phase that needs no more work. */
export function isPhaseDone(status: PhaseStatus): boolean {
  return status === 'passed' || status === 'skipped';
}

export const PLATFORMS = ['android', 'ios', 'web', 'macos', 'windows', 'linux'] as const;
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
