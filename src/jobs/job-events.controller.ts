import { Controller, Get, Headers, HttpException, HttpStatus, Param, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AllowQueryToken, MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { MAX_QUERY_INT } from '../common/dto/page-query.dto';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { SlugParamDto } from './dto/slug-param.dto';
import { JobEventsService } from './job-events.service';
import { JobsService } from './jobs.service';

/** Seconds a client over its stream cap is asked to wait (a slot frees when one of its streams closes). */
const STREAM_CAP_RETRY_AFTER_S = 10;

/**
 * Who holds a stream: a digest of the token the guard accepted (header or
 * `?access_token=`), so two tokens of one team count apart and the token
 * itself is never kept.
 */
function tokenKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  const query = (request.query as Record<string, unknown> | undefined)?.access_token;
  const token = bearer ?? (typeof query === 'string' ? query : '');
  return createHash('sha256').update(token).digest('base64url');
}

@ApiTags('Jobs')
@Controller('api/jobs/:slug')
export class JobEventsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly events: JobEventsService,
  ) {}

  @Get('events')
  @MinRole('viewer')
  @AllowQueryToken()
  @ApiOperation({
    summary: 'Live job events (Server-Sent Events)',
    description:
      'First a `snapshot` of every phase, then `phase`, `log` and `status` events (each with an id), heartbeats, and a final `end` event when the job is finished. Send `Last-Event-ID` to replay what was missed. Browsers using EventSource may pass the token as `?access_token=`. One token may hold SSE_MAX_PER_TOKEN open streams at once (default 20, per API process); beyond that the answer is 429 with Retry-After.',
  })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Replay events after this id' })
  @ApiQuery({
    name: 'access_token',
    type: String,
    required: false,
    description: 'Bearer token, for EventSource clients only',
  })
  @ApiProduces('text/event-stream')
  @ApiTooManyRequestsResponse({
    description:
      'The token already holds SSE_MAX_PER_TOKEN open streams (default 20, per API process); close one or retry after Retry-After',
    type: ErrorResponseDto,
    example: { detail: 'This token already has 20 open event streams; close one or retry later' },
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  @ApiNotFoundResponse({
    description: "No such job (or not your team's)",
    type: ErrorResponseDto,
    example: { detail: 'Job my-app not found' },
  })
  @ApiOkResponse({
    description: 'An event stream',
    schema: {
      type: 'string',
      example: 'id: 12\nevent: phase\ndata: {"phase":"dev","status":"passed","progress":46}\n\n',
    },
  })
  async stream(
    @Param() { slug }: SlugParamDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.jobs.find(slug, user);
    // An id beyond any stored one (PostgreSQL ids are 32-bit) is ignored like a malformed one: a fresh snapshot.
    const after =
      lastEventId && /^\d{1,10}$/.test(lastEventId.trim()) && Number(lastEventId) <= MAX_QUERY_INT
        ? Number(lastEventId)
        : undefined;
    const release = this.events.acquireSlot(tokenKey(request));
    if (!release) {
      void reply.header('Retry-After', String(STREAM_CAP_RETRY_AFTER_S));
      throw new HttpException(
        `This token already has ${this.events.maxStreamsPerToken} open event streams; close one or retry later`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    // The slot is freed when the client goes away, whatever the stream loop is doing then.
    reply.raw.once('close', release);
    try {
      // The stream outlives Nest's response handling: take the raw socket over.
      reply.hijack();
      // Keep the headers hooks already set (CORS, security headers, request id).
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string | string[]>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 2000\n\n');
      await this.events.stream(slug, after, reply.raw);
    } finally {
      release();
    }
  }
}
