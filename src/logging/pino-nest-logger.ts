import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { requestLogger } from './request-context';

const STACK = /^.*\n\s+at .+/s;

/** Nest's per-module and per-route start-up lines: useful when debugging, noise otherwise. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * Nest's LoggerService on the process's pino logger: Nest's own lines
 * ("Nest application successfully started", exception handler, …) and every
 * `new Logger(Context)` in the code come out as the same JSON lines as the
 * request log, with `context`. An object message is merged into the line's
 * fields (`logger.log({ msg: 'Job started', slug })`). Inside a request the
 * request's logger is used, so the line carries `reqId`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    this.write(typeof context === 'string' && CHATTY_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger() ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    // Nest passes the context last: log(message, context), error(message, stack, context).
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(rest.length === 1 && level === 'error' && STACK.test(last))) {
      fields.context = rest.pop();
    }
    if (level === 'error' && typeof rest[0] === 'string') fields.stack = rest.shift();
    if (rest.length) fields.details = rest.filter((p) => p !== undefined);
    if ((fields.details as unknown[] | undefined)?.length === 0) delete fields.details;

    if (message instanceof Error) {
      logger[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const { msg, message: text, ...extra } = message as Record<string, unknown>;
      const line = typeof msg === 'string' ? msg : typeof text === 'string' ? text : '';
      logger[level]({ ...fields, ...extra }, line);
    } else {
      logger[level](fields, String(message));
    }
  }
}
