import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.types';
import { bootEnv } from '../config/env';
import type { QueueBackend } from '../config/queue.config';
import { PipelineModule } from '../pipeline/pipeline.module';
import { BullJobQueue, JOBS_QUEUE } from './bull-job-queue';
import { JobQueue } from './job-queue';
import { JobsProcessor } from './jobs.processor';
import { ThreadJobQueue } from './thread-job-queue';

/** Global: registered once in AppModule with the configured backend. */
@Global()
@Module({})
export class QueueModule {
  static register(backend: QueueBackend): DynamicModule {
    if (backend === 'thread') {
      return {
        module: QueueModule,
        providers: [ThreadJobQueue, { provide: JobQueue, useExisting: ThreadJobQueue }],
        exports: [JobQueue],
      };
    }
    /** Lock settings for phases that last minutes: the worker renews its lock; a dead worker's job is retaken after the lock lapses. */
    const lockMs = Number(bootEnv('QUEUE_LOCK_MS')) || 30_000;
    // The consumer exists only where jobs run: an API with RUN_WORKER=false only enqueues.
    const runsJobs = ['1', 'true', 'yes', 'on'].includes((bootEnv('RUN_WORKER') ?? 'true').toLowerCase());
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AllConfig, true>) => ({
            url: config.get('queue.redisUrl', { infer: true }),
            prefix: config.get('queue.prefix', { infer: true }),
            settings: {
              lockDuration: lockMs,
              lockRenewTime: lockMs / 3,
              stalledInterval: lockMs,
              maxStalledCount: 100,
            },
          }),
        }),
        BullModule.registerQueue({ name: JOBS_QUEUE }),
        ...(runsJobs ? [PipelineModule] : []),
      ],
      providers: [BullJobQueue, { provide: JobQueue, useExisting: BullJobQueue }, ...(runsJobs ? [JobsProcessor] : [])],
      exports: [JobQueue],
    };
  }
}
