import { registerAs } from '@nestjs/config';
import { availableParallelism } from 'node:os';
import { env, envBool, envInt } from './env';

export type QueueBackend = 'thread' | 'bull';

export interface QueueConfig {
  backend: QueueBackend;
  redisUrl: string;
  /** Bull key prefix, so several deployments or test runs can share one Redis. */
  prefix: string;
  /** Whether this process consumes jobs (false: the API only enqueues). */
  runWorker: boolean;
  /** Worker threads for the pipeline's CPU-heavy steps (0: they run on the main thread). */
  cpuPoolThreads: number;
}

export const queueConfig = registerAs('queue', (): QueueConfig => ({
  backend: (env('JOB_QUEUE_BACKEND') ?? 'thread') as QueueBackend,
  redisUrl: env('REDIS_URL') ?? 'redis://127.0.0.1:6379',
  prefix: env('QUEUE_PREFIX') ?? 'sfactory',
  runWorker: envBool('RUN_WORKER', true),
  // One core stays with the event loop (HTTP, Bull's lock renewals): on 2 cores, two pool threads doubled /health's p99.
  cpuPoolThreads: envInt('CPU_POOL_THREADS', Math.max(1, availableParallelism() - 1)),
}));
