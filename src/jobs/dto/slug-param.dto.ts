import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug';

export class SlugParamDto {
  @ApiProperty({ type: String, pattern: SLUG_PATTERN.source, example: 'my-app', description: 'The job slug' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;
}
