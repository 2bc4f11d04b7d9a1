import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { ActivityService } from './activity.service';
import { ActivityScopeQueryDto, AgentLogsQueryDto } from './dto/activity-queries.dto';
import { ActivityEntryDto, TasksSummaryDto } from './dto/activity-response.dto';

@ApiTags('Observability')
@Controller('api')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get('tasks')
  @MinRole('viewer')
  @ApiOperation({
    summary: 'Workflow totals (total, success, failed) and the 20 latest completed workflows, oldest of them first',
  })
  @ApiOkResponse({ type: TasksSummaryDto })
  @ApiBadRequestResponse({ description: 'order other than asc or desc', type: ErrorResponseDto })
  tasks(@Query() query: ActivityScopeQueryDto, @CurrentUser() user: AuthUser): Promise<TasksSummaryDto> {
    return this.activity.tasks(user, query);
  }

  @Get('agents')
  @MinRole('viewer')
  @ApiOperation({ summary: 'The latest activity log entries, oldest of them first (order=desc: newest first)' })
  @ApiOkResponse({ type: [ActivityEntryDto] })
  @ApiBadRequestResponse({
    description: 'limit outside 1–500, or order other than asc or desc',
    type: ErrorResponseDto,
  })
  agents(@Query() query: AgentLogsQueryDto, @CurrentUser() user: AuthUser): Promise<ActivityEntryDto[]> {
    return this.activity.agents(user, query);
  }

  @Get('permissions')
  @MinRole('admin')
  @ApiOperation({
    summary: 'The 100 latest permission_denied entries, oldest of them first (order=desc: newest first)',
  })
  @ApiOkResponse({ type: [ActivityEntryDto] })
  @ApiBadRequestResponse({ description: 'order other than asc or desc', type: ErrorResponseDto })
  permissions(@Query() query: ActivityScopeQueryDto, @CurrentUser() user: AuthUser): Promise<ActivityEntryDto[]> {
    return this.activity.permissions(user, query);
  }
}
