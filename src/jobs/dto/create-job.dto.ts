import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { normalizeSlugInput, SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug';
import { PHASE_NAMES } from '../../pipeline/phase-names';
import { PLATFORMS } from '../job-status';

/** Accepts `"a, b"` or `["a", "b"]`; anything else is left for the validators to reject. */
function toList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item));
  return value;
}

@ValidatorConstraint({ name: 'platformList' })
class PlatformListConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const items = value.split(',').map((p) => p.trim());
    return items.length > 0 && items.every((p) => (PLATFORMS as readonly string[]).includes(p));
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a comma list of ${PLATFORMS.join(', ')}`;
  }
}

export class CreateJobDto {
  @ApiProperty({ example: 'My App', minLength: 1, maxLength: 100 })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: 'A todo list app', minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  description: string;

  @ApiPropertyOptional({
    example: 'android,ios',
    default: 'android,ios',
    description: `Comma list of ${PLATFORMS.join(', ')}`,
  })
  @IsOptional()
  // Lower-cased, trimmed and de-duplicated, so the stored list stays short.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? [
          ...new Set(
            value
              .toLowerCase()
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean),
          ),
        ].join(',')
      : value,
  )
  @Validate(PlatformListConstraint)
  @MaxLength(100)
  platform?: string;

  @ApiPropertyOptional({ example: 'modern', default: 'modern' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9 _-]{1,40}$/, { message: 'style must be 1-40 letters, digits, spaces, "_" or "-"' })
  style?: string;

  @ApiPropertyOptional({ example: 'none', default: 'none', description: 'none, firebase, supabase, rest, graphql, …' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9 _-]{1,40}$/, { message: 'backend must be 1-40 letters, digits, spaces, "_" or "-"' })
  backend?: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', example: 'auth,notifications' },
      { type: 'array', items: { type: 'string' }, example: ['auth', 'notifications'] },
    ],
    description: 'Comma string or array; at most 20 features of 1–40 characters',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'features must be a comma separated string or an array of strings' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true, message: 'each feature must be 1-40 characters' })
  features?: string[];

  @ApiPropertyOptional({
    example: 'my-app',
    pattern: SLUG_PATTERN.source,
    description:
      'Derived from the name when absent or "": the name, then -2 … -9, then a short random suffix (a derived slug is never refused). Upper case is lower-cased. An explicit slug that is taken is a 409.',
  })
  @Transform(normalizeSlugInput)
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @ApiPropertyOptional({
    example: ['dev'],
    description: 'Phases that wait for human approval before they run',
    type: [String],
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(13)
  @IsIn(PHASE_NAMES, { each: true, message: `each checkpoint must be one of ${PHASE_NAMES.join(', ')}` })
  checkpoints?: string[];
}

export class CancelJobResponseDto {
  @ApiProperty({ example: 'my-app' })
  slug: string;

  @ApiProperty({ example: 'cancel_requested' })
  status: string;

  @ApiProperty({ example: true })
  cancel_requested: boolean;
}

export class DeleteJobResponseDto {
  @ApiProperty({ example: true })
  deleted: boolean;

  @ApiProperty({ example: false })
  purged: boolean;
}
