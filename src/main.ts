import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { createApp } from './app.setup';
import type { AllConfig } from './config/config.types';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get<ConfigService<AllConfig, true>>(ConfigService);
  const port = config.get('app.port', { infer: true });
  const host = config.get('app.host', { infer: true });
  await app.listen(port, host);
  console.log(
    `Software Factory API on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} — Swagger UI at /docs`,
  );
}

bootstrap().catch((error: unknown) => {
  // Configuration errors carry a message naming the variable; no stack needed.
  console.error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
