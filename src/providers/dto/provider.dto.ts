import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
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
  apiKeyEnvShapeProblem,
  BASE_URL_MAX_LENGTH,
  DEFAULT_JSON_MODE,
  JSON_MODE_DESCRIPTION,
  JSON_MODES,
  type JsonMode,
  KEY_ENV_MAX_LENGTH,
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

/**
 * With the name in the body (POST /api/providers) the exact rule; otherwise the
 * shape only, and ProvidersService checks the name from the URL.
 */
function keyEnvProblem(value: unknown, object: object): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const name = (object as { name?: unknown }).name;
  if (typeof name === 'string' && PROVIDER_NAME_PATTERN.test(name)) return apiKeyEnvProblem(name, value);
  return apiKeyEnvShapeProblem(value);
}

@ValidatorConstraint({ name: 'apiKeyEnv' })
class ApiKeyEnvConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return keyEnvProblem(value, args.object) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} ${keyEnvProblem(args.value, args.object) ?? 'is invalid'}`;
  }
}

const API_KEY_ENV_DESCRIPTION =
  'null for a provider that needs no key, else exactly the variable named after the provider: <NAME>_API_KEY, ' +
  'the name upper-cased with every character other than a letter or digit as "_" (my-llm → MY_LLM_API_KEY); ' +
  "any other variable is 400. Omitted: none on create, unchanged on PATCH, the built-in's own on the upsert of a built-in. " +
  'LLM_API_KEY is never accepted here: it belongs to the provider LLM_PROVIDER named when the service started, ' +
  "and is sent only to LLM_BASE_URL or to that built-in provider's own host. " +
  "A built-in provider's key is sent only to its own scheme+host+port: after its base_url moves to another host " +
  'the key is withheld (api_key_set false) until base_url is set back. ' +
  "A custom provider's own variable follows its base_url wherever it is changed to.";

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
    example: 'MY_PROVIDER_API_KEY',
    maxLength: KEY_ENV_MAX_LENGTH,
    description: API_KEY_ENV_DESCRIPTION,
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

  @ApiPropertyOptional({
    enum: JSON_MODES,
    example: 'json_object',
    default: DEFAULT_JSON_MODE,
    description: JSON_MODE_DESCRIPTION,
  })
  @IsOptional()
  @IsIn(JSON_MODES, { message: `json_mode must be one of ${JSON_MODES.join(', ')}` })
  json_mode?: JsonMode;
}

/** `POST /api/providers/{name}`: the whole config, the name in the URL. */
export class UpsertProviderDto extends OmitType(CreateProviderDto, ['name'] as const) {}

/** `PATCH /api/providers/{name}`: any subset of the config. */
export class UpdateProviderDto extends PartialType(UpsertProviderDto) {}

export class ProviderNameParamDto {
  @ApiProperty({
    type: String,
    pattern: PROVIDER_NAME_PATTERN.source,
    example: 'openrouter',
    description: 'The provider name',
  })
  @IsString()
  @Matches(PROVIDER_NAME_PATTERN, { message: `name must be ${PROVIDER_NAME_RULE}` })
  name: string;
}
