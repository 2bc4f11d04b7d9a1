import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../database/db-errors';

/** Seconds a client is asked to wait after a 503 that did not say otherwise. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_S = 5;

export const DATABASE_UNAVAILABLE_DETAIL = 'The database is unavailable; try again shortly';

interface ErrorBody {
  detail: string;
  errors?: { field: string; message: string }[];
}

/** Friendlier text for errors raised by Fastify before a route handler runs. */
export const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is larger than the 1 MiB limit',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type; send application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty but the content type is application/json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Malformed JSON in request body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_BAD_URL: 'Malformed URL',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment is too long',
  FST_ERR_ASYNC_CONSTRAINT: 'Bad request',
};

/**
 * The one place errors become HTTP responses: every body is `{ detail }`
 * (validation adds `errors`), and nothing internal — stack, path, secret —
 * ever reaches the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { status, body } = this.toResponse(exception, request);
    if (reply.sent) return;
    // Every 503 says when to come back; a thrower that knows better sets the header itself.
    if (status === 503 && !reply.hasHeader('retry-after')) {
      void reply.header('Retry-After', String(SERVICE_UNAVAILABLE_RETRY_AFTER_S));
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toResponse(exception: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // The Fastify adapter wraps Fastify's own 4xx errors in an HttpException; keep the friendlier text.
      const causeCode = (exception.cause as { code?: unknown } | undefined)?.code;
      const friendly = typeof causeCode === 'string' ? FASTIFY_MESSAGES[causeCode] : undefined;
      return { status, body: friendly ? { detail: friendly } : this.httpExceptionBody(exception, status) };
    }
    const fastifyError = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      const code = typeof fastifyError.code === 'string' ? fastifyError.code : '';
      const detail =
        FASTIFY_MESSAGES[code] ?? (exception instanceof SyntaxError ? 'Malformed JSON in request body' : 'Bad request');
      return { status: fastifyError.statusCode, body: { detail } };
    }
    if (exception instanceof SyntaxError) {
      return { status: HttpStatus.BAD_REQUEST, body: { detail: 'Malformed JSON in request body' } };
    }
    const err = exception instanceof Error ? exception : new Error(String(exception));
    // Server log only: the error's name and message, with the request id to correlate.
    const where = `${request?.id ?? '-'} ${request?.method ?? ''} ${request?.url?.split('?')[0] ?? ''}`;
    if (isDatabaseUnavailable(exception)) {
      // An outage, not a bug: the driver's words (host, port) stay in the log.
      this.logger.warn(`${where}: database unavailable: ${err.name}: ${err.message}`);
      return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { detail: DATABASE_UNAVAILABLE_DETAIL } };
    }
    this.logger.error(`${where}: ${err.name}: ${err.message}`);
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { detail: 'Internal server error' } };
  }

  private httpExceptionBody(exception: HttpException, status: number): ErrorBody {
    const response = exception.getResponse();
    if (typeof response === 'string') return { detail: response };
    const obj = response as { detail?: unknown; message?: unknown; errors?: ErrorBody['errors'] };
    if (typeof obj.detail === 'string') {
      return obj.errors ? { detail: obj.detail, errors: obj.errors } : { detail: obj.detail };
    }
    if (Array.isArray(obj.message)) return { detail: obj.message.join('; ') };
    if (typeof obj.message === 'string') return { detail: obj.message };
    return { detail: HttpStatus[status] ?? 'Error' };
  }
}
