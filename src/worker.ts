import 'reflect-metadata';
import { validateBootEnvironment, bootEnvironment, ConfigError } from './config/env.validation';

/**
 * `npm run worker`: a process that only consumes the Bull queue — no HTTP
 * listener. Run any number of them against one Redis, one PostgreSQL and a
 * shared workspace directory. It logs through the same JSON logger as the API.
 */
async function bootstrap(): Promise<void> {
  validateBootEnvironment();
  if (bootEnvironment().JOB_QUEUE_BACKEND?.trim() !== 'bull') {
    throw new ConfigError('The worker consumes the Bull queue: set JOB_QUEUE_BACKEND=bull and REDIS_URL');
  }
  process.env.RUN_WORKER = 'true';
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('./app.module.js');
  const { checkDatabase } = await import('./config/database-preflight.js');
  const { announce, createRootLogger } = await import('./logging/logger.js');
  const { PinoNestLogger } = await import('./logging/pino-nest-logger.js');
  const logger = createRootLogger();
  await checkDatabase(bootEnvironment());
  const app = await NestFactory.createApplicationContext(AppModule.register(), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  announce(logger, { pid: process.pid, context: 'Worker' }, `Worker ${process.pid} consuming the job queue`);
}

bootstrap().catch((error: unknown) => {
  console.error(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
