import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

/**
 * `npm run worker`: a process that only consumes the Bull queue — no HTTP
 * listener. Run any number of them against one Redis, one PostgreSQL and a
 * shared workspace directory.
 */
async function bootstrap(): Promise<void> {
  if ((process.env.JOB_QUEUE_BACKEND ?? '').trim() !== 'bull') {
    throw new Error('The worker consumes the Bull queue: set JOB_QUEUE_BACKEND=bull and REDIS_URL');
  }
  process.env.RUN_WORKER = 'true';
  const app = await NestFactory.createApplicationContext(AppModule.register(), {
    logger: process.env.LOG_LEVEL === 'silent' ? false : ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  new Logger('Worker').log(`Worker ${process.pid} consuming the job queue`);
}

bootstrap().catch((error: unknown) => {
  console.error(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
