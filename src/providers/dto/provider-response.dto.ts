import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { JSON_MODES, type JsonMode } from '../provider-rules';

export const PROVIDER_SOURCES = ['builtin', 'custom', 'override'] as const;
export type ProviderSource = (typeof PROVIDER_SOURCES)[number];

/** A provider as clients see it: the key's variable name and whether it is set, never its value. */
export class ProviderDto {
  @ApiProperty({ example: 'openrouter' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://openrouter.ai/api/v1',
    description: 'null for builtin',
  })
  base_url: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'OPENROUTER_API_KEY',
    description:
      'The one variable the key is read from: <NAME>_API_KEY, named after the provider (upper-cased, every ' +
      'character other than a letter or digit as "_"); null: needs no key',
  })
  api_key_env: string | null;

  @ApiProperty({ example: 'openai/gpt-4o-mini' })
  default_model: string;

  @ApiProperty({ example: true })
  enabled: boolean;

  @ApiProperty({
    enum: JSON_MODES,
    example: 'json_object',
    description:
      'How requests that ask for files request JSON: json_schema (structured outputs with the files schema), ' +
      'json_object (`response_format: {"type": "json_object"}`) or off (no `response_format`)',
  })
  json_mode: JsonMode;

  @ApiProperty({
    enum: PROVIDER_SOURCES,
    example: 'builtin',
    description: 'builtin: shipped config; override: a built-in with stored changes; custom: added through the API',
  })
  source: ProviderSource;

  @ApiProperty({
    example: false,
    description:
      'Whether a key will be sent: api_key_env (or, for the provider LLM_PROVIDER named at start-up, LLM_API_KEY) ' +
      'has a value and base_url is a host the key may go to. false for a built-in whose base_url left its own host ' +
      '(the key is withheld until base_url is set back; /test and /api/models say so), and for a provider that needs no key',
  })
  api_key_set: boolean;

  @ApiProperty({ example: false, description: 'Whether this is the provider jobs use' })
  active: boolean;
}

@ApiExtraModels(ProviderDto)
export class ProvidersListResponseDto {
  @ApiProperty({ example: 'builtin', description: 'The llm_provider setting' })
  active: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ProviderDto) },
    description: 'Provider name → provider',
    example: {
      openrouter: {
        name: 'openrouter',
        base_url: 'https://openrouter.ai/api/v1',
        api_key_env: 'OPENROUTER_API_KEY',
        default_model: 'openai/gpt-4o-mini',
        enabled: true,
        json_mode: 'json_object',
        source: 'builtin',
        api_key_set: true,
        active: false,
      },
    },
  })
  providers: Record<string, ProviderDto>;
}

export class DeleteProviderResponseDto {
  @ApiProperty({ example: true })
  deleted: boolean;

  @ApiProperty({ example: 'my-provider' })
  name: string;
}

export class UseProviderResponseDto {
  @ApiProperty({ example: 'openrouter' })
  active: string;

  @ApiProperty({ example: false, description: 'Whether jobs will call it (else the builtin generator runs)' })
  usable: boolean;

  @ApiPropertyOptional({ example: 'OPENROUTER_API_KEY is not set', description: 'Why it is not usable' })
  reason?: string;
}

export class TestProviderResponseDto {
  @ApiProperty({ example: 'openrouter' })
  provider: string;

  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' })
  status: 'ok' | 'error';

  @ApiPropertyOptional({ example: 42, description: 'When status is ok' })
  models_count?: number;

  @ApiPropertyOptional({
    example: '401 Incorrect API key provided',
    description:
      "When status is error: the provider's answer, or why nothing was sent (no API, the key variable is not set, " +
      "or the key is withheld because a built-in's base_url points at another host)",
  })
  error?: string;
}
