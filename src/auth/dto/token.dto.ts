import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ROLES, TEAM_ID_MESSAGE, TEAM_ID_PATTERN, type Role } from '../../common/auth/auth-user';

export class CreateTokenDto {
  @ApiPropertyOptional({ example: 'default', default: 'default', pattern: TEAM_ID_PATTERN.source })
  @IsOptional()
  @IsString()
  @Matches(TEAM_ID_PATTERN, { message: TEAM_ID_MESSAGE })
  team_id?: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'admin', example: 'admin' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

export class TokenResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  token: string;

  @ApiProperty({ example: 'default' })
  team_id: string;

  @ApiProperty({ enum: ROLES, example: 'admin' })
  role: Role;

  @ApiProperty({ example: 86400, description: 'Seconds until the token expires' })
  expires_in: number;
}

export class MeResponseDto {
  @ApiProperty({ example: 'default' })
  team_id: string;

  @ApiProperty({ enum: ROLES, example: 'member' })
  role: Role;

  @ApiProperty({ example: '2026-11-30T09:00:00.000Z' })
  expires_at: string;
}
