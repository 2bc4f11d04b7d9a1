import 'reflect-metadata';
import type { Logger } from 'pino';
import { bootEnvironment, validateBootEnvironment } from './config/env.validation';

async function bootstrap(): Promise<void> {
  // Before the app's modules are even loaded: a bad value or an unusable database stops the boot at once.
  validateBootEnvironment();
  const { checkDatabase } = await import('./config/database-preflight.js');
  await checkDatabase(bootEnvironment());
  const { ConfigService } = await import('@nestjs/config');
  const { createApp } = await import('./app.setup.js');
  const { announce } = await import('./logging/logger.js');
  const app = await createApp({ checked: true });
  const config = app.get(ConfigService);
  const port = config.get<number>('app.port')!;
  const host = config.get<string>('app.host')!;
  await app.listen(port, host);
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  announce(
    app.getHttpAdapter().getInstance().log as unknown as Logger,
    { url },
    `Software Factory API on ${url} — Swagger UI at /docs`,
  );
}

bootstrap().catch((error: unknown) => {
  // One line: configuration and database errors name the variable; no stack needed.
  console.error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
