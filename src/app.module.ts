import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { configModuleOptions } from './config/config.module-options';
import type { AllConfig } from './config/config.types';
import type { QueueBackend } from './config/queue.config';
import { buildDataSourceOptions, ensurePostgresSchema } from './database/data-source.options';
import { JobsModule } from './jobs/jobs.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { QueueModule } from './queue/queue.module';
import { SettingsModule } from './system/settings/settings.module';
import { SystemModule } from './system/system.module';

/**
 * The backend decides which providers exist, so it is needed before
 * ConfigModule has loaded `.env`: the environment first, then that file.
 */
function configuredQueueBackend(): QueueBackend {
  const fromEnv = process.env.JOB_QUEUE_BACKEND?.trim();
  if (fromEnv) return fromEnv as QueueBackend;
  try {
    const fromFile = parseEnv(readFileSync(process.env.ENV_FILE || '.env', 'utf8')).JOB_QUEUE_BACKEND?.trim();
    return (fromFile || 'thread') as QueueBackend;
  } catch {
    return 'thread';
  }
}

@Module({})
export class AppModule {
  /**
   * Built per boot (not at import time) so the environment — and the `.env`
   * file that ConfigModule loads — is read when the app starts.
   */
  static register(): DynamicModule {
    const config = ConfigModule.forRoot(configModuleOptions);
    const backend = configuredQueueBackend();
    return {
      module: AppModule,
      imports: [
        config,
        EventEmitterModule.forRoot(),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: async (cfg: ConfigService<AllConfig, true>) => {
            const db = cfg.get('database', { infer: true });
            await ensurePostgresSchema(db);
            return { ...buildDataSourceOptions(db), autoLoadEntities: true };
          },
        }),
        QueueModule.register(backend),
        AuthModule,
        SettingsModule,
        SystemModule,
        JobsModule,
        PipelineModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
