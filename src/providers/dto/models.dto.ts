import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BASE_URL_MAX_LENGTH, PROVIDER_NAME_PATTERN, PROVIDER_NAME_RULE } from '../provider-rules';

export class ModelsQueryDto {
  @ApiPropertyOptional({ example: 'openrouter', description: 'Provider name; the active provider when absent' })
  @IsOptional()
  @IsString()
  @Matches(PROVIDER_NAME_PATTERN, { message: `provider must be ${PROVIDER_NAME_RULE}` })
  provider?: string;

  @ApiPropertyOptional({
    example: 'sk-or-v1-…',
    description: 'API key for this one request only; never stored or logged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  key?: string;

  @ApiPropertyOptional({
    example: 'https://openrouter.ai/api/v1',
    description:
      'Admins only (403 otherwise). List from this base URL instead; link-local and metadata addresses are refused. ' +
      "The provider's stored key is sent only to its own base URL; pass `key` for any other.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(BASE_URL_MAX_LENGTH)
  base_url?: string;
}

export class ModelPricingDto {
  @ApiPropertyOptional({ example: '0.00000015', description: 'USD per prompt token, as the provider reports it' })
  prompt?: string;

  @ApiPropertyOptional({ example: '0.0000006', description: 'USD per completion token, as the provider reports it' })
  completion?: string;
}

export class ModelInfoDto {
  @ApiProperty({ example: 'openai/gpt-4o-mini' })
  id: string;

  @ApiPropertyOptional({ example: 'OpenAI: GPT-4o-mini' })
  name?: string;

  @ApiPropertyOptional({ example: 128000 })
  context_length?: number;

  @ApiPropertyOptional({ type: ModelPricingDto })
  pricing?: ModelPricingDto;
}

export class ModelsResponseDto {
  @ApiProperty({ example: 'openrouter' })
  provider: string;

  @ApiProperty({ example: true, description: 'false: listing failed and `models` holds the known defaults' })
  success: boolean;

  @ApiProperty({ type: [ModelInfoDto] })
  models: ModelInfoDto[];

  @ApiPropertyOptional({ example: 'Connection error (ECONNREFUSED)', description: 'When success is false' })
  error?: string;
}
