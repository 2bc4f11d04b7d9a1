import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_DAILY_DAYS = 30;
export const DEFAULT_DAILY_DAYS = 7;

/** `?team_id=`: admins narrow the aggregates to one team; other roles always see their own team. */
export class CostScopeQueryDto {
  @ApiPropertyOptional({
    description: 'Admins only: restrict to one team (ignored for other roles)',
    example: 'default',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'team_id must be 1-64 letters, digits, ".", "_" or "-"' })
  team_id?: string;
}

export class DailyCostsQueryDto extends CostScopeQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    default: DEFAULT_DAILY_DAYS,
    minimum: 1,
    maximum: MAX_DAILY_DAYS,
    description: 'Number of UTC days, ending today',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DAILY_DAYS)
  days?: number;
}
