import type { ConfigService } from '@nestjs/config';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AllConfig } from '../config/config.types';
import type { AuthUser } from './auth/auth-user';
import { RedisThrottlerStorage } from './rate-limit.storage';

/** Named limits; routes opt in with @Throttle/@SkipThrottle (see the token and job-creation routes). */
export const RATE_LIMITS = { token: 'token', jobs: 'jobs' } as const;

const MINUTE = 60_000;

/**
 * The limits (TOKEN_RATE_LIMIT, JOB_RATE_LIMIT). Counters live in memory with
 * the thread backend (one process), and in Redis with the Bull backend, so
 * several API processes on one Redis share them.
 */
export function rateLimitOptions(config: ConfigService<AllConfig, true>): ThrottlerModuleOptions {
  const queue = config.get('queue', { infer: true });
  return {
    throttlers: [
      // Token minting, per client IP.
      { name: RATE_LIMITS.token, ttl: MINUTE, limit: config.get('app.tokenRateLimit', { infer: true }) },
      // Job creation, per team (the auth guard has already identified the caller).
      {
        name: RATE_LIMITS.jobs,
        ttl: MINUTE,
        limit: config.get('app.jobRateLimit', { infer: true }),
        getTracker: (req: Record<string, unknown>) => {
          const user = req.user as AuthUser | undefined;
          return Promise.resolve(user ? `team:${user.team_id}` : `ip:${String(req.ip)}`);
        },
      },
    ],
    errorMessage: 'Too many requests; retry after the time given in Retry-After',
    ...(queue.backend === 'bull' ? { storage: new RedisThrottlerStorage(queue.redisUrl, queue.prefix) } : {}),
  };
}
