import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const TEAM_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export class ActivityScopeQueryDto {
  @ApiPropertyOptional({ description: 'Admins only: restrict to one team', example: 'default' })
  @IsOptional()
  @IsString()
  @Matches(TEAM_ID_PATTERN, { message: 'team_id must be 1-64 letters, digits, ".", "_" or "-"' })
  team_id?: string;
}

export class AgentLogsQueryDto extends ActivityScopeQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, description: 'Number of entries' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
