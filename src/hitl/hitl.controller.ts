import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { apiError } from '../common/errors/error-response.dto';
import { CheckpointsService } from './checkpoints.service';
import { groupByStatus } from './decision';
import {
  CheckpointDto,
  CheckpointListDto,
  CheckpointQueueItemDto,
  DecisionQueryDto,
  ExperienceDto,
  ExperienceListDto,
  ExperienceQueueItemDto,
  HitlListQueryDto,
  HitlQueueDto,
  ItemIdParamDto,
} from './dto/hitl.dto';
import { ExperiencesService } from './experiences.service';
import { HitlQueueService } from './hitl-queue.service';
import { toCheckpointDto, toExperienceDto } from './hitl.mapper';

@ApiTags('HITL')
@Controller('api')
export class HitlController {
  constructor(
    private readonly checkpoints: CheckpointsService,
    private readonly experiences: ExperiencesService,
    private readonly queueService: HitlQueueService,
  ) {}

  @Get('experiences')
  @MinRole('viewer')
  @ApiOperation({ summary: "The team's lessons by status" })
  @ApiOkResponse({ type: ExperienceListDto })
  async listExperiences(@CurrentUser() user: AuthUser, @Query() query: HitlListQueryDto): Promise<ExperienceListDto> {
    const grouped = groupByStatus((await this.experiences.list(user, query.team_id)).map(toExperienceDto));
    return { ...grouped, counts: { ...grouped.counts, pending_review: grouped.counts.pending } };
  }

  @Post('experiences/:id/approve')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Approve a lesson: it will feed later dev and refactor prompts of the team' })
  @ApiParam({ name: 'id', example: 'exp-0b2d8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e' })
  @ApiOkResponse({ type: ExperienceDto })
  @ApiNotFoundResponse(apiError("No such lesson (or not your team's)", 'Experience not found'))
  @ApiConflictResponse(apiError('Already decided', 'Experience is already approved'))
  async approveExperience(
    @Param() { id }: ItemIdParamDto,
    @Query() query: DecisionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExperienceDto> {
    return toExperienceDto(await this.experiences.decide(id, user, 'approved', query.reason));
  }

  @Post('experiences/:id/reject')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Reject a lesson: it never reaches a prompt' })
  @ApiParam({ name: 'id', example: 'exp-0b2d8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e' })
  @ApiOkResponse({ type: ExperienceDto })
  @ApiNotFoundResponse(apiError("No such lesson (or not your team's)", 'Experience not found'))
  @ApiConflictResponse(apiError('Already decided', 'Experience is already approved'))
  async rejectExperience(
    @Param() { id }: ItemIdParamDto,
    @Query() query: DecisionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExperienceDto> {
    return toExperienceDto(await this.experiences.decide(id, user, 'rejected', query.reason));
  }

  @Get('checkpoints')
  @MinRole('viewer')
  @ApiOperation({ summary: "The team's checkpoints by status" })
  @ApiOkResponse({ type: CheckpointListDto })
  async listCheckpoints(@CurrentUser() user: AuthUser, @Query() query: HitlListQueryDto): Promise<CheckpointListDto> {
    return groupByStatus((await this.checkpoints.list(user, query.team_id)).map(toCheckpointDto));
  }

  @Post('checkpoints/:id/approve')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Approve a checkpoint: the job continues at that phase' })
  @ApiParam({ name: 'id', example: 'cp-6f1c8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e' })
  @ApiOkResponse({ type: CheckpointDto })
  @ApiNotFoundResponse(apiError("No such checkpoint (or not your team's)", 'Checkpoint not found'))
  @ApiConflictResponse(apiError('Already decided, or the job no longer waits for it', 'Checkpoint is already rejected'))
  async approveCheckpoint(
    @Param() { id }: ItemIdParamDto,
    @Query() query: DecisionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckpointDto> {
    return toCheckpointDto(await this.checkpoints.approve(id, user, query.reason));
  }

  @Post('checkpoints/:id/reject')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Reject a checkpoint: the job fails with the reason' })
  @ApiParam({ name: 'id', example: 'cp-6f1c8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e' })
  @ApiOkResponse({ type: CheckpointDto })
  @ApiNotFoundResponse(apiError("No such checkpoint (or not your team's)", 'Checkpoint not found'))
  @ApiConflictResponse(apiError('Already decided, or the job no longer waits for it', 'Checkpoint is already rejected'))
  async rejectCheckpoint(
    @Param() { id }: ItemIdParamDto,
    @Query() query: DecisionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckpointDto> {
    return toCheckpointDto(await this.checkpoints.reject(id, user, query.reason));
  }

  @Get('hitl/queue')
  @MinRole('viewer')
  @ApiExtraModels(CheckpointQueueItemDto, ExperienceQueueItemDto)
  @ApiOperation({ summary: 'Everything waiting for a decision: pending lessons and checkpoints' })
  @ApiOkResponse({ type: HitlQueueDto })
  queue(@CurrentUser() user: AuthUser): Promise<HitlQueueDto> {
    return this.queueService.pending(user);
  }

  @Post('hitl/:id/approve')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Approve a lesson or a checkpoint by id' })
  @ApiParam({ name: 'id', example: 'cp-6f1c8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e' })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: '#/components/schemas/CheckpointDto' }, { $ref: '#/components/schemas/ExperienceDto' }] },
  })
  @ApiNotFoundResponse(
    apiError(
      "No checkpoint or lesson with that id (or not your team's)",
      'No checkpoint or experience cp-6f1c8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e',
    ),
  )
  approveAny(
    @Param() { id }: ItemIdParamDto,
    @Query() query: DecisionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckpointDto | ExperienceDto> {
    return this.queueService.decide(id, 'approve', user, query.reason);
  }

  @Post('hitl/:id/reject')
  @HttpCode(200)
  @MinRole('member')
  @ApiOperation({ summary: 'Reject a lesson or a checkpoint by id' })
  @ApiParam({ name: 'id', example: 'exp-0b2d8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e' })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: '#/components/schemas/CheckpointDto' }, { $ref: '#/components/schemas/ExperienceDto' }] },
  })
  @ApiNotFoundResponse(
    apiError(
      "No checkpoint or lesson with that id (or not your team's)",
      'No checkpoint or experience cp-6f1c8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e',
    ),
  )
  rejectAny(
    @Param() { id }: ItemIdParamDto,
    @Query() query: DecisionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckpointDto | ExperienceDto> {
    return this.queueService.decide(id, 'reject', user, query.reason);
  }
}
