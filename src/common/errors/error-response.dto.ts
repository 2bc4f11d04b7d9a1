import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name' })
  field: string;

  @ApiProperty({ example: 'name must be shorter than or equal to 100 characters' })
  message: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 'What went wrong, in one sentence', description: 'Human-readable; never a stack or path' })
  detail: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on validation errors' })
  errors?: FieldErrorDto[];
}

/**
 * An error response with this route's own example, for the `@ApiXxxResponse()`
 * decorators: `@ApiNotFoundResponse(apiError('No such job', 'Job my-app not found'))`.
 */
export function apiError(
  description: string,
  detail: string,
): { description: string; type: typeof ErrorResponseDto; example: { detail: string } } {
  return { description, type: ErrorResponseDto, example: { detail } };
}
