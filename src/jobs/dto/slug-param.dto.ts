import { IsString, Matches } from 'class-validator';
import { SLUG_PATTERN } from '../../common/slug';

export class SlugParamDto {
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and "-" (1-63 characters)' })
  slug: string;
}
