import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AuthUser } from './auth/auth-user';

/** Named limits; routes opt in with @Throttle/@SkipThrottle (see the token and job-creation routes). */
export const RATE_LIMITS = { token: 'token', jobs: 'jobs' } as const;

const MINUTE = 60_000;

/** Per-process, in-memory counters: with several API processes each enforces its own share. */
export function rateLimitOptions(): ThrottlerModuleOptions {
  return {
    throttlers: [
      // Token minting, per client IP.
      { name: RATE_LIMITS.token, ttl: MINUTE, limit: Number(process.env.TOKEN_RATE_LIMIT) || 20 },
      // Job creation, per team (the auth guard has already identified the caller).
      {
        name: RATE_LIMITS.jobs,
        ttl: MINUTE,
        limit: Number(process.env.JOB_RATE_LIMIT) || 60,
        getTracker: (req: Record<string, unknown>) => {
          const user = req.user as AuthUser | undefined;
          return Promise.resolve(user ? `team:${user.team_id}` : `ip:${String(req.ip)}`);
        },
      },
    ],
    errorMessage: 'Too many requests; retry after the time given in Retry-After',
  };
}
