import { applyDecorators, BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../common/errors/error-response.dto';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** 1-255 printable ASCII characters (a UUID is typical). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or undefined; a malformed one is a 400. */
export function readIdempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new BadRequestException(`${IDEMPOTENCY_HEADER} must be one value of 1-255 printable ASCII characters`);
  }
  return value;
}

/** Parameter decorator: the validated Idempotency-Key header (undefined when absent). */
export const IdempotencyKeyHeader = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  readIdempotencyKey(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** Documents the optional header and its refusal on a route that honours it (409 in progress: see the route). */
export function AcceptsIdempotencyKey(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Optional, 1-255 printable characters (e.g. a UUID). The same key with the same request within 24 h (per team) answers with the job the first request made, as it is now (same status, header Idempotent-Replayed: true), instead of making another.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ApiUnprocessableEntityResponse({
      description: 'The Idempotency-Key was already used with a different request',
      type: ErrorResponseDto,
      example: {
        detail: 'This Idempotency-Key was already used with a different request; use a new key for a new request',
      },
    }),
  );
}
