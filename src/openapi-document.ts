import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { createAdapter } from './app.setup';
import { buildOpenApiDocument } from './swagger';

/**
 * The OpenAPI document the service serves at /docs-json, built without
 * starting it: the app is created in preview mode (modules and controllers are
 * scanned, no provider runs, no database or Redis is touched, nothing listens).
 */
export async function exportOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(), createAdapter(false), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
