import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { CostScopeQueryDto } from '../costs/dto/cost-queries.dto';
import { teamScopeOf } from '../common/auth/team-scope';
import { KpisDto } from './dto/kpis.dto';
import { KpisService } from './kpis.service';

@ApiTags('Costs')
@Controller('api/kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({
    summary: 'Dashboard KPIs: projects and jobs by status, success rate, spend, active models and providers',
  })
  @ApiOkResponse({ type: KpisDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  get(@Query() query: CostScopeQueryDto, @CurrentUser() user: AuthUser): Promise<KpisDto> {
    return this.kpis.kpis(teamScopeOf(user, query.team_id));
  }
}
