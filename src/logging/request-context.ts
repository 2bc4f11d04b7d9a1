import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

const storage = new AsyncLocalStorage<Logger>();

/** The logger of the request being handled (it carries the request id), if any. */
export function requestLogger(): Logger | undefined {
  return storage.getStore();
}

/**
 * Runs work a request only started (a queued job) outside that request's
 * context, so its log lines do not carry the request's id.
 */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

/**
 * Runs each route handler — Nest's guards, pipes, controller and the services
 * it calls — with the request's logger in context, so a Nest `Logger` line
 * written while handling a request carries its `reqId`. A preHandler hook: the
 * body has been read by then, and the handler is called from within `done`.
 */
export function installRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    storage.run(request.log as Logger, done);
  });
}
