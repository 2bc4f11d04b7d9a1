import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { canonicalAgentId } from '../agent-definitions';

/** Optional, but when present it must be valid: null is not a way to clear a required column. */
const IsOptionalNotNull = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

const MODEL_PATTERN = /^$|^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;
const MODEL_MESSAGE =
  'model must be a model id (letters, digits and . _ : / @ + -; no spaces or quotes), or empty for the provider default';

export class AgentConfigUpdateDto {
  @ApiProperty({ example: 'gpt-4o-mini', description: 'Model id used by this agent' })
  @IsString()
  @IsNotEmpty()
  @Matches(MODEL_PATTERN, { message: MODEL_MESSAGE })
  model: string;

  @ApiProperty({ example: 'You are a senior developer…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  system_prompt: string;
}

export class AgentPatchDto {
  @ApiPropertyOptional({ example: 'gpt-4o-mini', description: 'Empty string: the provider default' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(MODEL_PATTERN, { message: MODEL_MESSAGE })
  model?: string;

  @ApiPropertyOptional({ example: 'You are a senior developer…' })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  system_prompt?: string;

  @ApiPropertyOptional({ example: 'Dev Agent' })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'Writes the Flutter source code' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2_000)
  description?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @IsOptionalNotNull()
  @IsIn(['active', 'disabled'])
  status?: string;

  @ApiPropertyOptional({ example: 0.2, minimum: 0, maximum: 2 })
  @IsOptionalNotNull()
  @IsNumber()
  @Min(0)
  @Max(2)
  temperature?: number;

  @ApiPropertyOptional({ example: 4096, minimum: 16, maximum: 200000 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(16)
  @Max(200_000)
  max_tokens?: number;
}

export class AgentDto {
  @ApiProperty({ example: 'dev_agent' }) agent_id: string;
  @ApiProperty({ example: 'Dev Agent' }) name: string;
  @ApiProperty({ example: 'flutter_factory' }) type: string;
  @ApiProperty({ example: 'active', enum: ['active', 'disabled'] }) status: string;
  @ApiProperty({ example: 'gpt-4o', description: 'Empty: the active provider default' }) model: string;
  @ApiProperty({ example: 'You are a senior Flutter developer…' }) system_prompt: string;
  @ApiProperty({ example: 'Writes the Flutter source code, a chunk of files at a time.' }) description: string;
  @ApiProperty({ example: 0.1 }) temperature: number;
  @ApiProperty({ example: 8192 }) max_tokens: number;
  @ApiProperty({ example: '2026-11-29T10:30:00.000Z' }) updated_at: string;
}

export class AgentTestResponseDto {
  @ApiProperty({ example: 'dev_agent' }) agent_id: string;
  @ApiProperty({ example: 'gpt-4o' }) model: string;
  @ApiProperty({ example: 'ok', enum: ['ok', 'error'] }) status: string;
  @ApiPropertyOptional({ example: 'OK' }) response?: string;
  @ApiPropertyOptional({ example: 'No provider is active (builtin)' }) error?: string;
}

export class AgentIdParamDto {
  // The short form (`dev`) names the same agent as `dev_agent`; answers always carry the long one.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? canonicalAgentId(value) : value))
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'agent_id must be a lower-case identifier such as dev_agent' })
  @ApiProperty({
    type: String,
    pattern: '^[a-z][a-z0-9_]{0,39}$',
    example: 'dev_agent',
    description: 'An agent id (dev_agent) or its short form without "_agent" (dev)',
  })
  agent_id: string;
}
