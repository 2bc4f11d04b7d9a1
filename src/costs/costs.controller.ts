import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { CostsService } from './costs.service';
import { CostScopeQueryDto, DEFAULT_DAILY_DAYS, DailyCostsQueryDto } from './dto/cost-queries.dto';
import { AgentCostDto, CostSummaryDto, CostsOverviewDto, DailyCostDto, JobCostDto } from './dto/cost-response.dto';
import { teamScopeOf } from '../common/auth/team-scope';

@ApiTags('Costs')
@Controller('api/costs')
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({ summary: 'LLM spend: totals, by job, by agent, and the 20 latest calls' })
  @ApiOkResponse({ type: CostsOverviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  // A CostsOverviewDto serialised by the service (Fastify sends JSON text as it is).
  @Header('Content-Type', 'application/json; charset=utf-8')
  overview(@Query() query: CostScopeQueryDto, @CurrentUser() user: AuthUser): Promise<string> {
    return this.costs.overviewJson(teamScopeOf(user, query.team_id));
  }

  @Get('summary')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Total spend, calls, average cost per call and the most expensive agent' })
  @ApiOkResponse({ type: CostSummaryDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  summary(@Query() query: CostScopeQueryDto, @CurrentUser() user: AuthUser): Promise<CostSummaryDto> {
    return this.costs.summary(teamScopeOf(user, query.team_id));
  }

  @Get('by-agent')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Spend per agent, most expensive first' })
  @ApiOkResponse({ type: [AgentCostDto] })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  byAgent(@Query() query: CostScopeQueryDto, @CurrentUser() user: AuthUser): Promise<AgentCostDto[]> {
    return this.costs.byAgent(teamScopeOf(user, query.team_id));
  }

  @Get('by-job')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Spend per job, most expensive first (calls outside a job are left out)' })
  @ApiOkResponse({ type: [JobCostDto] })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  byJob(@Query() query: CostScopeQueryDto, @CurrentUser() user: AuthUser): Promise<JobCostDto[]> {
    return this.costs.byJob(teamScopeOf(user, query.team_id));
  }

  @Get('daily')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Spend per UTC day, oldest first, ending today; days without calls are zero' })
  @ApiOkResponse({ type: [DailyCostDto] })
  @ApiBadRequestResponse({ description: 'days outside 1–30', type: ErrorResponseDto })
  daily(@Query() query: DailyCostsQueryDto, @CurrentUser() user: AuthUser): Promise<DailyCostDto[]> {
    return this.costs.daily(teamScopeOf(user, query.team_id), query.days ?? DEFAULT_DAILY_DAYS);
  }
}
