import type { AuthUser } from './auth/auth-user';

/** Event names shared across modules (emitted with @nestjs/event-emitter). */
export const EVENTS = {
  permissionDenied: 'auth.permission_denied',
  settingsChanged: 'settings.changed',
  jobCancelRequested: 'job.cancel_requested',
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
