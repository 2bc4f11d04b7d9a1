import helmet from '@fastify/helmet';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { AppModule } from './app.module';
import type { AllConfig } from './config/config.types';
import { bootEnv } from './config/env';
import { MetricsService } from './metrics/metrics.service';
import { setupSwagger } from './swagger';
import { FASTIFY_MESSAGES } from './common/errors/all-exceptions.filter';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Fastify with JSON request logs (secrets redacted), request ids and the 1 MiB body limit. */
export function createAdapter(logRequests = bootEnv('LOG_REQUESTS') !== 'false'): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 200 },
    // Errors Fastify raises before Nest sees the request (bad URL encoding, over-long segments) keep the `{ detail }` shape.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply.code(status).send({ detail: FASTIFY_MESSAGES[error.code] ?? 'Bad request' });
    },
    // Requests too broken to parse (huge headers, NUL in the request line) never reach a route.
    clientErrorHandler: (error: Error, socket: Socket) => {
      if (!socket.writable) return;
      const tooLarge = (error as NodeJS.ErrnoException).code === 'HPE_HEADER_OVERFLOW';
      const body = JSON.stringify({ detail: tooLarge ? 'Request headers are too large' : 'Malformed request' });
      socket.end(
        `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    trustProxy: bootEnv('TRUST_PROXY') === 'true',
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    logger: logRequests
      ? {
          level: bootEnv('LOG_LEVEL') ?? 'info',
          redact: {
            paths: ['req.headers.authorization', 'req.headers["x-admin-key"]', 'req.headers.cookie'],
            censor: '[redacted]',
          },
          serializers: {
            // access_token (events route) and key (GET /api/models) travel in the query; never log them.
            req: (req: { method: string; url: string; id: string; ip?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.replace(/([?&](?:access_token|key)=)[^&]*/g, '$1[redacted]'),
              ip: req.ip,
            }),
          },
        }
      : false,
  });
}

/** Everything main.ts and the e2e tests share: security headers, CORS, validation, Swagger, shutdown hooks. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<ConfigService<AllConfig, true>>(ConfigService);
  await app.register(helmet, {
    // Swagger UI needs inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
      },
    },
  });
  const origins = config.get('app.corsOrigins', { infer: true });
  app.enableCors({
    origin: origins.includes('*') ? true : origins,
    credentials: !origins.includes('*'),
    exposedHeaders: ['X-Total-Count', 'Retry-After', 'X-Request-Id'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON; any other body type is a 415.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.get(MetricsService).instrument(fastify);
  setupSwagger(app);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

/** Builds a ready-to-listen app from the current environment. */
export async function createApp(options: { logRequests?: boolean } = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(),
    createAdapter(options.logRequests),
    {
      // JSON only: Nest's default parsers would also accept form-encoded bodies.
      bodyParser: false,
      bufferLogs: false,
      // Reject instead of process.abort(), so main.ts can print the configuration problem and tests can assert it.
      abortOnError: false,
      logger: bootEnv('LOG_LEVEL') === 'silent' ? false : ['log', 'warn', 'error'],
    },
  );
  await configureApp(app);
  await app.init();
  return app;
}
