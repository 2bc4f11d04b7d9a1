import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ApiAcceptedResponse,
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
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { CancelJobResponseDto, CreateJobDto, DeleteJobResponseDto } from './dto/create-job.dto';
import { DeleteJobQueryDto, ListJobsQueryDto, LogsQueryDto, PhasesQueryDto } from './dto/job-queries.dto';
import { JobLogDto, JobResponseDto, PhaseDetailDto } from './dto/job-response.dto';
import { SlugParamDto } from './dto/slug-param.dto';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { RATE_LIMITS } from '../common/rate-limits';
import { JobsService } from './jobs.service';

const INTAKE_503 = 'A wipe is in progress, or the queue is unavailable: no job was queued; see Retry-After';

@ApiTags('Jobs')
@ApiExtraModels(PhaseDetailDto)
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({ summary: 'List jobs, newest first (total in X-Total-Count)' })
  @ApiOkResponse({ type: [JobResponseDto] })
  async list(
    @Query() query: ListJobsQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobResponseDto[]> {
    const { items, total } = await this.jobs.list(user, query);
    void reply.header('X-Total-Count', String(total));
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
  @ApiAcceptedResponse({ type: JobResponseDto })
  @ApiConflictResponse({ description: 'The explicit slug is taken (by any team)', type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({ description: INTAKE_503, type: ErrorResponseDto })
  create(@Body() body: CreateJobDto, @CurrentUser() user: AuthUser): Promise<JobResponseDto> {
    return this.jobs.create(body, user);
  }

  @Get(':slug')
  @MinRole('viewer')
  @ApiOperation({ summary: 'One job' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: JobResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { slug }: SlugParamDto, @CurrentUser() user: AuthUser): Promise<JobResponseDto> {
    return this.jobs.get(slug, user);
  }

  @Delete(':slug')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a job (stops running work first); purge=true also removes its files' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: DeleteJobResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
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
      oneOf: [
        { type: 'object', additionalProperties: { type: 'string' }, example: { create: 'passed', ba: 'running' } },
        { type: 'array', items: { $ref: getSchemaPath(PhaseDetailDto) } },
      ],
    },
  })
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
  @ApiConflictResponse({ description: 'The job is already finished', type: ErrorResponseDto })
  cancel(@Param() { slug }: SlugParamDto, @CurrentUser() user: AuthUser): Promise<CancelJobResponseDto> {
    return this.jobs.cancel(slug, user);
  }

  @Post(':slug/retry')
  @HttpCode(202)
  @MinRole('member')
  @ApiOperation({ summary: 'Resume a failed or cancelled job at its first phase that did not pass' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiAcceptedResponse({ type: JobResponseDto })
  @ApiConflictResponse({ description: 'The job is not failed or cancelled', type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({ description: 'A wipe is in progress; see Retry-After', type: ErrorResponseDto })
  retry(@Param() { slug }: SlugParamDto, @CurrentUser() user: AuthUser): Promise<JobResponseDto> {
    return this.jobs.retry(slug, user);
  }

  @Get(':slug/logs')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Job log lines, oldest first; filter by phase, level, after_id' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: [JobLogDto] })
  logs(
    @Param() { slug }: SlugParamDto,
    @Query() query: LogsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<JobLogDto[]> {
    return this.jobs.jobLogs(slug, user, query);
  }
}
