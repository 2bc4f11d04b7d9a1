import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_QUERY_INT, PageQueryDto, QueryInt } from '../../common/dto/page-query.dto';
import { PHASE_NAMES } from '../../pipeline/phase-names';
import { JOB_STATUSES, LOG_LEVELS } from '../job-status';

/** Query booleans are parsed explicitly: only "true"/"1" and "false"/"0" are accepted. */
export function parseQueryBool({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
}

export class ListJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: string;
}

export class DeleteJobQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Also remove the generated app from disk' })
  @IsOptional()
  @Transform(parseQueryBool)
  @IsBoolean()
  purge?: boolean;
}

export class PhasesQueryDto {
  @ApiPropertyOptional({ default: false, description: 'List form with timings, attempts, errors and outputs' })
  @IsOptional()
  @Transform(parseQueryBool)
  @IsBoolean()
  detail?: boolean;
}

export class LogsQueryDto {
  @ApiPropertyOptional({ enum: PHASE_NAMES })
  @IsOptional()
  @IsIn(PHASE_NAMES)
  phase?: string;

  @ApiPropertyOptional({ enum: LOG_LEVELS })
  @IsOptional()
  @IsIn(LOG_LEVELS)
  level?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Only entries with a larger id (for polling)',
    minimum: 0,
    maximum: MAX_QUERY_INT,
  })
  @IsOptional()
  @QueryInt(0, MAX_QUERY_INT)
  after_id?: number;

  @ApiPropertyOptional({ type: 'integer', default: 500, minimum: 1, maximum: 5000 })
  @IsOptional()
  @QueryInt(1, 5000)
  limit?: number;
}

export class CodeFileQueryDto {
  @ApiPropertyOptional({ example: 'source/lib/main.dart', description: 'Relative path under source/ or docs/' })
  @IsString()
  @MaxLength(1024)
  path: string;
}
