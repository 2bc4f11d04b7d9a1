import { SetMetadata } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

export const METRICS_TOKEN_KEY = 'auth:metrics-token';

/** This route also accepts `Authorization: Bearer <METRICS_TOKEN>` (a static token for Prometheus scrapers). */
export function AcceptsMetricsToken(): MethodDecorator {
  return SetMetadata(METRICS_TOKEN_KEY, true);
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether an Authorization header carries the configured metrics token. Both
 * sides are hashed first, so the comparison takes the same time whatever the
 * lengths and wherever they differ; without a configured token nothing matches.
 */
export function isMetricsToken(authorization: string | undefined, configured: string | undefined): boolean {
  if (!configured || !authorization) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]), digest(configured));
}
