import { Transform } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { normalizeSlugInput, SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug';

export class SlugParamDto {
  @ApiProperty({ type: String, pattern: SLUG_PATTERN.source, example: 'my-app', description: 'The job slug' })
  /** `/api/…/My-App` finds `my-app`, as a body slug `My-App` is stored as `my-app`. */
  @Transform(normalizeSlugInput)
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;
}
