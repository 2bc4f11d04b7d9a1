import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateBy, type ValidationArguments } from 'class-validator';
import { decodeListCursor } from './list-cursor';

/** The largest offset or id a query accepts: what a PostgreSQL `integer` holds (SQLite holds more). */
export const MAX_QUERY_INT = 2_147_483_647;
export const MAX_PAGE_LIMIT = 1000;

/**
 * A whole number from the query string within [min, max]. Only plain digits
 * (with an optional leading "-") are parsed; anything else — fractions,
 * exponents, "", "NaN", a repeated key, or a value beyond the range — fails
 * with one message naming the range, so it is a 400 and never reaches the
 * database (where `OFFSET 1e20` was a 500).
 */
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?\d{1,20}$/.test(value) ? Number(value) : value,
    ),
    ValidateBy({
      name: 'queryInt',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be a whole number from ${min} to ${max}`,
      },
    }),
  );
}

/** Paging and the admin team filter shared by the lists that grow (jobs, projects). */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: MAX_PAGE_LIMIT })
  @IsOptional()
  @QueryInt(1, MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_QUERY_INT })
  @IsOptional()
  @QueryInt(0, MAX_QUERY_INT)
  offset?: number;

  @ApiPropertyOptional({
    description:
      'Keyset paging: the X-Next-Cursor of the previous page (also in its Link rel="next"); the page starts after that row. Faster than offset for deep pages; not together with offset',
    example: 'WyIyMDI2LTEyLTAxVDEwOjAwOjAwLjAwMFoiLCJteS1hcHAiXQ',
  })
  @IsOptional()
  @ValidateBy({
    name: 'listCursor',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        decodeListCursor(value) !== undefined && (args?.object as PageQueryDto | undefined)?.offset === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        (args?.object as PageQueryDto | undefined)?.offset !== undefined
          ? 'after and offset cannot be used together'
          : 'after must be a cursor from X-Next-Cursor',
    },
  })
  after?: string;

  @ApiPropertyOptional({ description: 'Admins only: restrict to one team' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  team_id?: string;
}
