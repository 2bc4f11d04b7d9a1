import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { bootEnv } from '../config/env';

export type LogFormat = 'json' | 'pretty';

export interface RootLoggerOptions {
  /** trace … fatal, or silent (default LOG_LEVEL, else info). */
  level?: string;
  /** json lines (default) or pretty, coloured text for people (default LOG_FORMAT). */
  format?: LogFormat;
  /** Where lines go (default stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Never written, wherever they appear in a log line's fields: credentials in
 * headers (the request serializer logs no headers, this is a second fence),
 * and any field named like a secret.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-admin-key"]',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-admin-key"]',
  '*.password',
  '*.apiKey',
  '*.api_key',
  '*.token',
  '*.access_token',
  '*.secret',
  '*.jwtSecret',
  '*.adminApiKey',
  '*.metricsToken',
  'password',
  'apiKey',
  'api_key',
  'token',
  'access_token',
  'secret',
];

/** Query parameters that carry credentials: `access_token` (event streams) and `key` (GET /api/models). */
const SECRET_QUERY = /([?&](?:access_token|key|token|api_key)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  ip?: string;
}

interface LoggedReply {
  statusCode: number;
}

/**
 * The one logger of a process: Fastify's request lines, Nest's own lines (through
 * PinoNestLogger) and the job lines all go through it, as JSON lines by default.
 */
export function createRootLogger(options: RootLoggerOptions = {}): Logger {
  const level = options.level ?? bootEnv('LOG_LEVEL') ?? 'info';
  const format = options.format ?? ((bootEnv('LOG_FORMAT') ?? 'json') as LogFormat);
  const loggerOptions: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: redactUrl(req.url), ip: req.ip }),
      res: (reply: LoggedReply) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
    // "level":"info" reads better in JSON than 30; pino-pretty wants the numbers.
    ...(format === 'json' ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
  };
  const destination =
    options.destination ??
    (format === 'pretty'
      ? pretty({ sync: true, colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
      : pino.destination({ fd: 1, sync: true }));
  return pino(loggerOptions, destination);
}

/**
 * A line that is printed whatever LOG_LEVEL says (the "listening" and
 * "consuming" lines that scripts and process managers wait for).
 */
export function announce(logger: Logger, fields: Record<string, unknown>, message: string): void {
  logger.child({}, { level: 'info' }).info(fields, message);
}
