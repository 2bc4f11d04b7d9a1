import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueryFailedError } from 'typeorm';
import { ActivityModule } from './activity/activity.module';
import { AgentsModule } from './agents/agents.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { rateLimitOptions } from './common/rate-limits';
import { createValidationPipe } from './common/errors/validation.pipe';
import { configModuleOptions } from './config/config.module-options';
import type { AllConfig } from './config/config.types';
import { bootEnv } from './config/env';
import type { QueueBackend } from './config/queue.config';
import { buildDataSourceOptions, ensurePostgresSchema } from './database/data-source.options';
import { JobsModule } from './jobs/jobs.module';
import { KpisModule } from './kpis/kpis.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { ProjectsModule } from './projects/projects.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueModule } from './queue/queue.module';
import { SettingsModule } from './system/settings/settings.module';
import { SystemModule } from './system/system.module';
import { WipeModule } from './system/wipe/wipe.module';

@Module({})
export class AppModule {
  /**
   * Built per boot (not at import time) so the environment — and the `.env`
   * file that ConfigModule loads — is read when the app starts.
   */
  static register(): DynamicModule {
    const config = ConfigModule.forRoot(configModuleOptions);
    // Decides which providers exist, so it is read before ConfigModule loads `.env`.
    const backend = (bootEnv('JOB_QUEUE_BACKEND') ?? 'thread') as QueueBackend;
    return {
      module: AppModule,
      imports: [
        config,
        EventEmitterModule.forRoot(),
        ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: rateLimitOptions }),
        LoggingModule,
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: async (cfg: ConfigService<AllConfig, true>) => {
            const db = cfg.get('database', { infer: true });
            await ensurePostgresSchema(db);
            // The database was checked before boot (config/database-preflight.ts). Retry only what the
            // server answered (processes booting together race on migrations); a lost connection fails at once.
            return {
              ...buildDataSourceOptions(db),
              autoLoadEntities: true,
              retryAttempts: 5,
              retryDelay: 500,
              toRetry: (error: unknown) => error instanceof QueryFailedError,
            };
          },
        }),
        QueueModule.register(backend),
        AuthModule,
        SettingsModule,
        SystemModule,
        JobsModule,
        PipelineModule,
        AgentsModule,
        WipeModule,
        ActivityModule,
        ProjectsModule,
        ProvidersModule,
        KpisModule,
        MetricsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
