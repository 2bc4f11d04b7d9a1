import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { apiError, ErrorResponseDto } from '../common/errors/error-response.dto';
import { LIST_HEADERS, setListHeaders } from '../common/dto/list-cursor';
import { CancelJobResponseDto, CreateJobDto, DeleteJobResponseDto } from './dto/create-job.dto';
import { DeleteJobQueryDto, ListJobsQueryDto, LogsQueryDto, PhasesQueryDto } from './dto/job-queries.dto';
import { JobLogDto, JobPhasesDto, JobResponseDto, PhaseDetailDto } from './dto/job-response.dto';
import { SlugParamDto } from './dto/slug-param.dto';
import { Location, LOCATION_HEADER } from '../common/http/location';
import { AcceptsIdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-key.decorator';
import type { IdempotentResult } from '../idempotency/idempotency.service';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { RATE_LIMITS } from '../common/rate-limits';
import { JobsService } from './jobs.service';

const REPLAYED_HEADER = {
  'Idempotent-Replayed': {
    description: '"true" when the answer repeats an earlier request with the same Idempotency-Key',
    schema: { type: 'string' },
  },
};

/** The job, with `Idempotent-Replayed: true` when it answers a repeated request. */
function replied(reply: FastifyReply, result: IdempotentResult<JobResponseDto>): JobResponseDto {
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return result.value;
}

/** What a 503 from the intake gate says (IntakeClosedException). */
const INTAKE_CLOSED_DETAIL = 'A wipe is in progress: no new jobs are accepted until it ends; try again shortly';
const INTAKE_503 = 'A wipe is in progress, or the queue is unavailable: no job was queued; see Retry-After';

@ApiTags('Jobs')
@ApiExtraModels(PhaseDetailDto, JobPhasesDto)
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({
    summary: 'List jobs, newest first (total in X-Total-Count; next page cursor in X-Next-Cursor and Link)',
  })
  @ApiOkResponse({ type: [JobResponseDto], headers: LIST_HEADERS })
  @ApiBadRequestResponse({
    description: 'Invalid filter, malformed cursor, or after with offset',
    type: ErrorResponseDto,
  })
  async list(
    @Query() query: ListJobsQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponseDto[]> {
    const { items, total, next } = await this.jobs.list(user, query);
    setListHeaders(reply, total, next);
    return items;
  }

  @Post()
  @HttpCode(202)
  @MinRole('member')
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ [RATE_LIMITS.token]: true })
  @ApiTooManyRequestsResponse({
    description: 'Job creation rate limit (per team); see Retry-After',
    type: ErrorResponseDto,
  })
  @ApiOperation({ summary: 'Create a Flutter generation job and queue it' })
  @ApiAcceptedResponse({ type: JobResponseDto, headers: { ...LOCATION_HEADER, ...REPLAYED_HEADER } })
  @ApiConflictResponse({
    description: 'The explicit slug is taken (by any team), or a request with this Idempotency-Key is in progress',
    type: ErrorResponseDto,
    example: { detail: 'A job with slug my-app already exists' },
  })
  @ApiServiceUnavailableResponse(apiError(INTAKE_503, INTAKE_CLOSED_DETAIL))
  @AcceptsIdempotencyKey()
  @Location('/api/jobs/:slug')
  async create(
    @Body() body: CreateJobDto,
    @CurrentUser() user: AuthUser,
    @IdempotencyKeyHeader() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponseDto> {
    return replied(reply, await this.jobs.create(body, user, key));
  }

  @Get(':slug')
  @MinRole('viewer')
  @ApiOperation({ summary: 'One job' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: JobResponseDto })
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  get(@Param() { slug }: SlugParamDto, @CurrentUser() user: AuthUser): Promise<JobResponseDto> {
    return this.jobs.get(slug, user);
  }

  @Delete(':slug')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a job (stops running work first); purge=true also removes its files' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: DeleteJobResponseDto })
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  remove(
    @Param() { slug }: SlugParamDto,
    @Query() query: DeleteJobQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ deleted: boolean; purged: boolean }> {
    return this.jobs.remove(slug, user, query.purge ?? false);
  }

  @Get(':slug/phases')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Status of each of the 13 phases; detail=true gives the list form' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(JobPhasesDto) }, { type: 'array', items: { $ref: getSchemaPath(PhaseDetailDto) } }],
    },
  })
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  phases(
    @Param() { slug }: SlugParamDto,
    @Query() query: PhasesQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Record<string, string> | PhaseDetailDto[]> {
    return query.detail ? this.jobs.phaseDetails(slug, user) : this.jobs.phaseStatuses(slug, user);
  }

  @Post(':slug/cancel')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Cancel a queued, running or waiting job' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: CancelJobResponseDto })
  @ApiConflictResponse(
    apiError('The job is already finished', 'Job is succeeded; only queued, running or waiting jobs can be cancelled'),
  )
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  cancel(@Param() { slug }: SlugParamDto, @CurrentUser() user: AuthUser): Promise<CancelJobResponseDto> {
    return this.jobs.cancel(slug, user);
  }

  @Post(':slug/retry')
  @HttpCode(202)
  @MinRole('member')
  @ApiOperation({ summary: 'Resume a failed or cancelled job at its first phase that did not pass' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiAcceptedResponse({ type: JobResponseDto, headers: { ...LOCATION_HEADER, ...REPLAYED_HEADER } })
  @ApiConflictResponse({
    description: 'The job is not failed or cancelled, or a request with this Idempotency-Key is in progress',
    type: ErrorResponseDto,
    example: { detail: 'Job is running; only failed or cancelled jobs can be retried' },
  })
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  @ApiServiceUnavailableResponse(apiError('A wipe is in progress; see Retry-After', INTAKE_CLOSED_DETAIL))
  @AcceptsIdempotencyKey()
  @Location('/api/jobs/:slug')
  async retry(
    @Param() { slug }: SlugParamDto,
    @CurrentUser() user: AuthUser,
    @IdempotencyKeyHeader() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponseDto> {
    return replied(reply, await this.jobs.retry(slug, user, key));
  }

  @Get(':slug/logs')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Job log lines, oldest first; filter by phase, level, after_id' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: [JobLogDto] })
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  logs(
    @Param() { slug }: SlugParamDto,
    @Query() query: LogsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<JobLogDto[]> {
    return this.jobs.jobLogs(slug, user, query);
  }
}
