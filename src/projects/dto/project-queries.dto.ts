import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { normalizeSlugInput, SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug';
import { PROJECT_STATUSES } from '../project-status';

export class ListProjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: string;
}

export class ProjectSlugParamDto {
  @ApiProperty({ type: String, pattern: SLUG_PATTERN.source, example: 'flutter-todo', description: 'The project slug' })
  /** `/api/…/My-App` finds `my-app`, as a body slug `My-App` is stored as `my-app`. */
  @Transform(normalizeSlugInput)
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;
}
