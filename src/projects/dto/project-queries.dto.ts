import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug';
import { PROJECT_STATUSES } from '../project-status';

export class ListProjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: string;
}

export class ProjectSlugParamDto {
  @ApiProperty({ type: String, pattern: SLUG_PATTERN.source, example: 'flutter-todo', description: 'The project slug' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;
}
