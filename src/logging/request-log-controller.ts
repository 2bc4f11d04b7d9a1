import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';

/**
 * One line per request, when it completes (method, url with credentials
 * redacted, status, response time, reqId), instead of Fastify's two; none
 * when LOG_REQUESTS=false. Errors Nest has answered are logged by Nest's
 * exception filter, not here.
 */
export class RequestLogController extends LogController {
  constructor(private readonly disabled: boolean) {
    super({ disableRequestLogging: disabled });
  }

  override incomingRequest(): void {
    // the completion line carries the request too
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.disabled) return;
    const fields = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}
