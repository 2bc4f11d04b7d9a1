import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  apiKeyEnvProblem,
  BASE_URL_MAX_LENGTH,
  MODEL_ID_PATTERN,
  PROVIDER_NAME_PATTERN,
  PROVIDER_NAME_RULE,
} from '../provider-rules';
import { baseUrlProblem } from '../url-guard';

@ValidatorConstraint({ name: 'providerBaseUrl' })
class BaseUrlConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && baseUrlProblem(value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    const problem = typeof args.value === 'string' ? baseUrlProblem(args.value) : 'must be a string';
    return `${args.property} ${problem ?? 'is invalid'}`;
  }
}

@ValidatorConstraint({ name: 'apiKeyEnv' })
class ApiKeyEnvConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && apiKeyEnvProblem(value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    const problem = typeof args.value === 'string' ? apiKeyEnvProblem(args.value) : 'must be a string';
    return `${args.property} ${problem ?? 'is invalid'}`;
  }
}

export class CreateProviderDto {
  @ApiProperty({ example: 'my-provider', pattern: PROVIDER_NAME_PATTERN.source, description: PROVIDER_NAME_RULE })
  @IsString()
  @Matches(PROVIDER_NAME_PATTERN, { message: `name must be ${PROVIDER_NAME_RULE}` })
  name: string;

  @ApiProperty({
    example: 'https://api.example.com/v1',
    maxLength: BASE_URL_MAX_LENGTH,
    description: 'OpenAI-compatible base URL (http or https; no credentials, link-local or metadata hosts)',
  })
  @IsString()
  @MaxLength(BASE_URL_MAX_LENGTH)
  @Validate(BaseUrlConstraint)
  base_url: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'EXAMPLE_API_KEY',
    description:
      'Name of the environment variable holding the key: LLM_API_KEY or an upper-case name ending in _API_KEY ' +
      '(ADMIN_API_KEY is refused). Omit or null for a provider that needs no key.',
  })
  @IsOptional()
  @IsString()
  @Validate(ApiKeyEnvConstraint)
  api_key_env?: string | null;

  @ApiProperty({ example: 'example-model-v1', description: 'Model used when an agent names none' })
  @IsString()
  @Matches(MODEL_ID_PATTERN, {
    message: 'default_model must be a model id (letters, digits and . _ : / @ + -; no spaces or quotes)',
  })
  default_model: string;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** `POST /api/providers/{name}`: the whole config, the name in the URL. */
export class UpsertProviderDto extends OmitType(CreateProviderDto, ['name'] as const) {}

/** `PATCH /api/providers/{name}`: any subset of the config. */
export class UpdateProviderDto extends PartialType(UpsertProviderDto) {}

export class ProviderNameParamDto {
  @IsString()
  @Matches(PROVIDER_NAME_PATTERN, { message: `name must be ${PROVIDER_NAME_RULE}` })
  name: string;
}
