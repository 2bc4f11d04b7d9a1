import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowQueryToken, MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { SlugParamDto } from './dto/slug-param.dto';
import { JobEventsService } from './job-events.service';
import { JobsService } from './jobs.service';

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
      'First a `snapshot` of every phase, then `phase`, `log` and `status` events (each with an id), heartbeats, and a final `end` event when the job is finished. Send `Last-Event-ID` to replay what was missed. Browsers using EventSource may pass the token as `?access_token=`.',
  })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Replay events after this id' })
  @ApiQuery({ name: 'access_token', required: false, description: 'Bearer token, for EventSource clients only' })
  @ApiProduces('text/event-stream')
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
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.jobs.find(slug, user);
    const after = lastEventId && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId) : undefined;
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
  }
}
