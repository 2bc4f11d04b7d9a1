import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

const LOCATION_KEY = 'http:location';

/** The statuses that announce a resource: created (201) or accepted for processing (202). */
const LOCATED_STATUSES = new Set([201, 202]);

/** The OpenAPI description of the header, for `@ApiCreatedResponse({ headers: LOCATION_HEADER })` and alike. */
export const LOCATION_HEADER = {
  Location: {
    description: "The resource's URL (GET it to follow the job or see the record)",
    schema: { type: 'string' },
  },
};

/** `/api/jobs/:slug` with `{ slug: 'a b' }` → `/api/jobs/a%20b`; undefined when a field is missing. */
export function fillPath(template: string, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  let missing = false;
  const path = template.replace(/:([A-Za-z_]+)/g, (_match, field: string) => {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value !== 'string' || !value) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing ? undefined : path;
}

/** Sets `Location` on a 201/202 answer from the route's template and the fields of the body it returns. */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const template = this.reflector.get<string | undefined>(LOCATION_KEY, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        // The status is known here: @HttpCode() is applied before the handler runs, and a handler may set its own.
        const path = template && LOCATED_STATUSES.has(reply.statusCode) ? fillPath(template, body) : undefined;
        if (path) void reply.header('Location', path);
        return body;
      }),
    );
  }
}

/**
 * `Location: <template filled from the answer>` on 201 and 202 answers of this
 * route, e.g. `@Location('/api/jobs/:slug')`. Relative to the service, as
 * RFC 9110 allows.
 */
export function Location(template: string): MethodDecorator {
  return applyDecorators(SetMetadata(LOCATION_KEY, template), UseInterceptors(LocationInterceptor));
}
