import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { SLUG_PATTERN } from '../../common/slug';
import { PROJECT_STATUSES } from '../project-status';

export class ListProjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: string;
}

export class ProjectSlugParamDto {
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and "-" (1-63 characters)' })
  slug: string;
}
