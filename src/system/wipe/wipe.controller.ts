import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../../common/auth/access.decorators';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
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
  })
  @ApiOkResponse({ type: WipeResponseDto })
  wipe(@CurrentUser() user: AuthUser): Promise<WipeResult> {
    return this.wipeService.wipe(user);
  }
}
