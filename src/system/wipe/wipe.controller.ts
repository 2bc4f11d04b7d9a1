import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiInternalServerErrorResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/access.decorators';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { WipeService, type WipeResult } from './wipe.service';

class WipeResponseDto {
  @ApiProperty({ example: true }) wiped: true;
  @ApiProperty({ example: 3 }) jobs_deleted: number;
  @ApiProperty({ example: '2026-11-29T10:00:00.000Z' }) at: string;
}

@ApiTags('Settings')
@Controller('api/settings')
export class WipeController {
  constructor(private readonly wipeService: WipeService) {}

  @Post('wipe')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({
    summary:
      'DESTRUCTIVE: delete every job, project, approval, cost and activity row and all generated apps; re-seed defaults',
    description:
      'While it runs, new jobs (create, retry) get 503 with Retry-After. Running jobs are cancelled and waited for, ' +
      'then jobs and workspace folders are removed until none remain, then every other store is reset. ' +
      'Each step is idempotent: when one fails the others still run, the answer names the failed ones, ' +
      'and running the wipe again finishes it.',
  })
  @ApiOkResponse({ type: WipeResponseDto })
  @ApiInternalServerErrorResponse({
    description:
      'Wipe incomplete: `errors[].field` names each step that failed (jobs, checkpoints, experiences, projects, ' +
      'costs, agents, providers, settings, activity); the other steps are done. Run the wipe again to finish.',
    type: ErrorResponseDto,
  })
  wipe(@CurrentUser() user: AuthUser): Promise<WipeResult> {
    return this.wipeService.wipe(user);
  }
}
