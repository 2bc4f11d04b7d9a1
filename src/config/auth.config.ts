import { registerAs } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { env } from './env';

export interface AuthConfig {
  jwtSecret: string;
  adminApiKey?: string;
  /** A static bearer token that Prometheus scrapers may use on /metrics (besides admin JWTs). */
  metricsToken?: string;
  tokenTtlSeconds: number;
}

/**
 * Without a configured secret (development only; production is refused at
 * validation) one is generated once and kept beside the database so tokens
 * survive a restart.
 */
function developmentSecret(): string {
  const file = join(dirname(env('DB_PATH') ?? 'data/app.db'), '.jwt_secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(48).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function configuredJwtSecret(): string | undefined {
  return env('JWT_SECRET') ?? env('DASHBOARD_SECRET');
}

export const authConfig = registerAs('auth', (): AuthConfig => ({
  jwtSecret: configuredJwtSecret() ?? developmentSecret(),
  adminApiKey: env('ADMIN_API_KEY'),
  metricsToken: env('METRICS_TOKEN'),
  tokenTtlSeconds: 24 * 60 * 60,
}));
