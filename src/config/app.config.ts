import { registerAs } from '@nestjs/config';
import { env, envInt } from './env';

export type AppEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  env: AppEnv;
  port: number;
  host: string;
  corsOrigins: string[];
  /** The `.env` file that settings and provider changes are mirrored into. */
  envFile: string;
  version: string;
  /** Open event streams (SSE) one token may hold at once, per API process. */
  sseMaxPerToken: number;
  /** Token mints per client IP per minute. */
  tokenRateLimit: number;
  /** Job creations per team per minute. */
  jobRateLimit: number;
}

export const appConfig = registerAs('app', (): AppConfig => ({
  env: (env('APP_ENV') ?? 'development') as AppEnv,
  port: envInt('PORT', 8000),
  host: env('HOST') ?? '0.0.0.0',
  corsOrigins: (env('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  envFile: env('ENV_FILE') ?? '.env',
  version: '1.0.0',
  sseMaxPerToken: envInt('SSE_MAX_PER_TOKEN', 20),
  tokenRateLimit: envInt('TOKEN_RATE_LIMIT', 20),
  jobRateLimit: envInt('JOB_RATE_LIMIT', 60),
}));
