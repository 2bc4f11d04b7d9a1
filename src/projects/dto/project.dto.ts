import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { normalizeSlugInput, SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug';
import { MAX_FEATURE_LENGTH, MAX_FEATURES, PROJECT_HEALTHS, PROJECT_STATUSES } from '../project-status';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value;

/** Why a features_json value is not a JSON array of feature names, or null when it is one. */
export function featuresJsonProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'features_json must be a string holding a JSON array';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'features_json is not valid JSON';
  }
  if (!Array.isArray(parsed)) return 'features_json must hold a JSON array';
  if (parsed.length > MAX_FEATURES) return `features_json must hold at most ${MAX_FEATURES} features`;
  const ok = parsed.every(
    (f) => typeof f === 'string' && f.trim().length >= 1 && f.trim().length <= MAX_FEATURE_LENGTH,
  );
  return ok ? null : `each feature in features_json must be a string of 1-${MAX_FEATURE_LENGTH} characters`;
}

/** The feature names a features_json string holds (only after it passed validation). */
export function parseFeaturesJson(value: string): string[] {
  return (JSON.parse(value) as string[]).map((f) => f.trim());
}

@ValidatorConstraint({ name: 'featuresJson' })
class FeaturesJsonConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return featuresJsonProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return featuresJsonProblem(args.value) ?? 'features_json is invalid';
  }
}

/** Fields that create and update share; all optional. */
class ProjectFieldsDto {
  @ApiPropertyOptional({ example: 'A simple todo list application', maxLength: 5000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, example: 'discovery', default: 'discovery' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES, { message: `status must be one of ${PROJECT_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: PROJECT_HEALTHS, example: 'healthy', default: 'healthy' })
  @IsOptional()
  @IsIn(PROJECT_HEALTHS, { message: `health must be one of ${PROJECT_HEALTHS.join(', ')}` })
  health?: string;

  @ApiPropertyOptional({ example: '📱', maxLength: 16, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  icon?: string;

  @ApiPropertyOptional({
    example: 'https://github.com/acme/flutter-todo',
    description: 'Empty, or an http(s) URL',
    default: '',
  })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((o: ProjectFieldsDto) => o.repository !== '')
  @IsString()
  @MaxLength(500)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'repository must be empty or an http(s) URL' },
  )
  repository?: string;

  @ApiPropertyOptional({ example: 0, minimum: 0, default: 0, description: 'USD per month' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  monthly_spend?: number;

  @ApiPropertyOptional({ example: '100%', maxLength: 16, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  sla?: string;

  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 100, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  build_progress?: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['auth', 'notifications'],
    description: `At most ${MAX_FEATURES} names of 1–${MAX_FEATURE_LENGTH} characters; wins over features_json`,
  })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(MAX_FEATURES)
  @IsString({ each: true })
  @Length(1, MAX_FEATURE_LENGTH, { each: true, message: `each feature must be 1-${MAX_FEATURE_LENGTH} characters` })
  features?: string[];

  @ApiPropertyOptional({
    example: '["auth", "notifications"]',
    description: 'The features as a JSON array in a string (for clients that send it that way)',
  })
  @IsOptional()
  @Validate(FeaturesJsonConstraint)
  features_json?: string;
}

export class CreateProjectDto extends ProjectFieldsDto {
  @ApiProperty({ example: 'Flutter Todo App', minLength: 1, maxLength: 100 })
  @IsString()
  @Transform(trim)
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({
    example: 'flutter-todo',
    pattern: SLUG_PATTERN.source,
    description:
      'Derived from the name when absent or "": the name, then -2 … -9, then a short random suffix (a derived slug is never refused). Upper case is lower-cased. An explicit slug that is taken is a 409.',
  })
  @Transform(normalizeSlugInput)
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;
}

/** PUT body: every field optional; `name` is required when the PUT creates the project. */
export class UpsertProjectDto extends ProjectFieldsDto {
  @ApiPropertyOptional({
    example: 'Flutter Todo App',
    minLength: 1,
    maxLength: 100,
    description: 'Required when the project does not exist yet',
  })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({
    example: 'flutter-todo',
    description: 'Optional ("" counts as absent; upper case is lower-cased); must equal the slug in the URL',
  })
  @Transform(normalizeSlugInput)
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  // A read-modify-write client sends back what GET returned: the read-only fields are accepted and ignored.
  @ApiPropertyOptional({ type: String, readOnly: true, description: 'Ignored: the project stays in its team' })
  @Allow()
  team_id?: unknown;

  @ApiPropertyOptional({ type: String, readOnly: true, description: 'Ignored (set by the service)' })
  @Allow()
  created_at?: unknown;

  @ApiPropertyOptional({ type: String, readOnly: true, description: 'Ignored (set by the service)' })
  @Allow()
  updated_at?: unknown;
}

export class ProjectResponseDto {
  @ApiProperty({ example: 'flutter-todo' }) slug: string;
  @ApiProperty({ example: 'Flutter Todo App' }) name: string;
  @ApiProperty({ example: 'A simple todo list application' }) description: string;
  @ApiProperty({ enum: PROJECT_STATUSES, example: 'discovery' }) status: string;
  @ApiProperty({ enum: PROJECT_HEALTHS, example: 'healthy' }) health: string;
  @ApiProperty({ example: '📱' }) icon: string;
  @ApiProperty({ example: '' }) repository: string;
  @ApiProperty({ example: 0 }) monthly_spend: number;
  @ApiProperty({ example: '100%' }) sla: string;
  @ApiProperty({ example: 0, minimum: 0, maximum: 100 }) build_progress: number;
  @ApiProperty({ type: [String], example: ['auth', 'notifications'] }) features: string[];
  @ApiProperty({ example: 'default' }) team_id: string;
  @ApiProperty({ example: '2026-11-29T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-29T10:00:00.000Z' }) updated_at: string;
}

export class DeleteProjectResponseDto {
  @ApiProperty({ example: true })
  deleted: boolean;
}
