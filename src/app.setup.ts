import helmet from '@fastify/helmet';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module';
import type { AllConfig } from './config/config.types';
import { checkDatabase } from './config/database-preflight';
import { bootEnv } from './config/env';
import { isTrue } from './config/env.schema';
import { bootEnvironment, validateEnv } from './config/env.validation';
import { createRootLogger } from './logging/logger';
import { PinoNestLogger } from './logging/pino-nest-logger';
import { installRequestContext } from './logging/request-context';
import { RequestLogController } from './logging/request-log-controller';
import { MetricsService } from './metrics/metrics.service';
import { setupSwagger } from './swagger';
import { FASTIFY_MESSAGES } from './common/errors/all-exceptions.filter';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify on the process's logger (one JSON line per request, secrets
 * redacted), request ids and the 1 MiB body limit.
 */
export function createAdapter(
  logRequests = isTrue(bootEnv('LOG_REQUESTS'), true),
  logger: Logger = createRootLogger({ level: 'silent' }),
): FastifyAdapter {
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
    trustProxy: isTrue(bootEnv('TRUST_PROXY'), false),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    loggerInstance: logger,
    logController: new RequestLogController(!logRequests),
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
        // Served over plain HTTP on a LAN host, an upgrade would send Swagger UI's assets and calls to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  const origins = config.get('app.corsOrigins', { infer: true });
  app.enableCors({
    origin: origins.includes('*') ? true : origins,
    credentials: !origins.includes('*'),
    // Every method a route uses; without PATCH, PUT and DELETE a browser cannot save an agent or delete a job.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'Last-Event-ID',
      'X-Admin-Key',
      'X-Request-Id',
    ],
    exposedHeaders: [
      'X-Total-Count',
      'X-Next-Cursor',
      'Link',
      'Location',
      'Retry-After',
      'X-Request-Id',
      'Idempotent-Replayed',
    ],
    maxAge: 600,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON; any other body type is a 415.
  fastify.removeContentTypeParser('text/plain');
  // Clients that send `Content-Type: application/json` on every call (cancel, approve, …) send no body:
  // that is no body, not malformed JSON. Anything else goes to Fastify's own (prototype-safe) parser.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    return parseJson(request, text, done);
  });
  installRequestContext(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.get(MetricsService).instrument(fastify);
  setupSwagger(app);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

export interface CreateAppOptions {
  /** Request lines (default LOG_REQUESTS). */
  logRequests?: boolean;
  /** Where log lines go (default stdout); tests read them from a stream. */
  logDestination?: DestinationStream;
  /** The environment and the database were checked already (main.ts does it before loading the app). */
  checked?: boolean;
}

/**
 * Builds a ready-to-listen app from the current environment: the configuration
 * and the database are checked first, so a bad value or an unusable database
 * fails at once with one line (a ConfigError) rather than a retry loop.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  if (!options.checked) validateEnv(bootEnvironment());
  const logger = createRootLogger({ destination: options.logDestination });
  if (!options.checked) await checkDatabase(bootEnvironment());
  if (!bootEnv('ADMIN_API_KEY')) {
    logger.warn('ADMIN_API_KEY is not set: POST /api/auth/token answers 503 and no token can be minted');
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(),
    createAdapter(options.logRequests, logger),
    {
      // JSON only: Nest's default parsers would also accept form-encoded bodies.
      bodyParser: false,
      bufferLogs: false,
      // Reject instead of process.abort(), so main.ts can print the configuration problem and tests can assert it.
      abortOnError: false,
      logger: new PinoNestLogger(logger),
    },
  );
  await configureApp(app);
  await app.init();
  return app;
}
