import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_ORDERS = ['asc', 'desc'] as const;
export type LogOrder = (typeof LOG_ORDERS)[number];

const TEAM_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export class ActivityScopeQueryDto {
  @ApiPropertyOptional({ description: 'Admins only: restrict to one team', example: 'default' })
  @IsOptional()
  @IsString()
  @Matches(TEAM_ID_PATTERN, { message: 'team_id must be 1-64 letters, digits, ".", "_" or "-"' })
  team_id?: string;

  @ApiPropertyOptional({
    enum: LOG_ORDERS,
    default: 'asc',
    description: 'asc: the latest entries, oldest of them first (a log tail); desc: newest first',
  })
  @IsOptional()
  @IsIn(LOG_ORDERS, { message: 'order must be asc or desc' })
  order?: LogOrder;
}

export class AgentLogsQueryDto extends ActivityScopeQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500, description: 'Number of entries' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
