import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DecisionQueryDto {
  @ApiPropertyOptional({ example: 'Looks good', description: 'Why (recorded with the decision)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class HitlListQueryDto {
  @ApiPropertyOptional({ description: 'Admins only: one team' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  team_id?: string;
}

export class ItemIdParamDto {
  @ApiProperty({
    type: String,
    pattern: '^(cp|exp)-[0-9a-f-]{36}$',
    example: 'cp-6f1c8a6e-4c1f-4a57-9d8e-1f2a3b4c5d6e',
    description: 'A checkpoint (cp-…) or experience (exp-…) id',
  })
  @IsString()
  @Matches(/^(cp|exp)-[0-9a-f-]{36}$/, { message: 'id must be a checkpoint (cp-…) or experience (exp-…) id' })
  id: string;
}

export class CheckpointDto {
  @ApiProperty({ example: 'cp-6f1c…' }) id: string;
  @ApiProperty({ example: 'my-app' }) job_slug: string;
  @ApiProperty({ example: 'default' }) team_id: string;
  @ApiProperty({ example: 'dev' }) phase: string;
  @ApiProperty({ example: 'before_phase', enum: ['before_phase', 'qa_findings', 'security_blockers'] }) kind: string;
  @ApiProperty({ example: 'run phase dev' }) action: string;
  @ApiProperty({ example: 'Phase dev requires approval before it runs' }) reason: string;
  @ApiProperty({ example: 'create: passed (2 file(s)); ba: passed (3 file(s))' }) summary: string;
  @ApiProperty({ example: 'my-app', description: 'The job slug (same as job_slug; the name older clients read)' })
  task_id: string;
  @ApiProperty({
    example: 'create: passed (2 file(s)); ba: passed (3 file(s))',
    description: 'What to decide on: the summary (same as summary; the name older clients read)',
  })
  task_desc: string;
  @ApiProperty({ example: 'pending', enum: ['pending', 'approved', 'rejected', 'expired'] }) status: string;
  @ApiProperty({ example: '2026-11-29T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ nullable: true, type: String }) decided_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'default/admin' }) decided_by: string | null;
  @ApiProperty({ nullable: true, type: String }) decision_reason: string | null;
}

export class ExperienceDto {
  @ApiProperty({ example: 'exp-0b2d…' }) id: string;
  @ApiProperty({ example: 'default' }) team_id: string;
  @ApiProperty({ nullable: true, type: String, example: 'my-app' }) job_slug: string | null;
  @ApiProperty({ example: 'refactor_agent' }) agent: string;
  @ApiProperty({ example: '[import_unresolved] lib/app.dart: …' }) problem: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'my-app',
    description: 'The job slug (same as job_slug; the name older clients read)',
  })
  task_id: string | null;
  @ApiProperty({
    example: '[import_unresolved] lib/app.dart: …',
    description: 'What the lesson is about: the problem (same as problem; the name older clients read)',
  })
  task_desc: string;
  @ApiProperty({ example: 'Rewrote 1 file(s): lib/app.dart' }) solution: string;
  @ApiProperty({ type: [String] }) lessons: string[];
  @ApiProperty({ example: 'pending', enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty() created_at: string;
  @ApiProperty() updated_at: string;
  @ApiProperty({ nullable: true, type: String }) decided_at: string | null;
  @ApiProperty({ nullable: true, type: String }) decided_by: string | null;
  @ApiProperty({ nullable: true, type: String }) decision_reason: string | null;
  @ApiProperty({ example: 0 }) times_used: number;
}

class HitlCountsDto {
  @ApiProperty({ example: 1 }) pending: number;
  @ApiProperty({ example: 3 }) approved: number;
  @ApiProperty({ example: 0 }) rejected: number;
}

export class CheckpointListDto {
  @ApiProperty({ type: [CheckpointDto] }) pending: CheckpointDto[];
  @ApiProperty({ type: [CheckpointDto] }) approved: CheckpointDto[];
  @ApiProperty({ type: [CheckpointDto], description: 'Rejected and expired' }) rejected: CheckpointDto[];
  @ApiProperty({ type: HitlCountsDto }) counts: HitlCountsDto;
}

class ExperienceCountsDto extends HitlCountsDto {
  @ApiProperty({ example: 1, description: 'Same as pending (the name older clients read)' }) pending_review: number;
}

export class ExperienceListDto {
  @ApiProperty({ type: [ExperienceDto] }) pending: ExperienceDto[];
  @ApiProperty({ type: [ExperienceDto] }) approved: ExperienceDto[];
  @ApiProperty({ type: [ExperienceDto] }) rejected: ExperienceDto[];
  @ApiProperty({ type: ExperienceCountsDto }) counts: ExperienceCountsDto;
}

class QueueCountsDto {
  @ApiProperty({ example: 3 }) experiences: number;
  @ApiProperty({ example: 1 }) checkpoints: number;
}

/** A pending checkpoint in the HITL queue: the checkpoint with `type: "checkpoint"`. */
export class CheckpointQueueItemDto extends CheckpointDto {
  @ApiProperty({ enum: ['checkpoint'], example: 'checkpoint' }) type: string;
}

/** A pending lesson in the HITL queue: the experience with `type: "experience"` and `content`. */
export class ExperienceQueueItemDto extends ExperienceDto {
  @ApiProperty({ enum: ['experience'], example: 'experience' }) type: string;
  @ApiProperty({
    example: '[import_unresolved] lib/app.dart: …',
    description: 'The problem (same as problem; the name older clients read)',
  })
  content: string;
}

export class HitlQueueDto {
  @ApiProperty({
    description: 'Pending items of both kinds, checkpoints first; `type` tells which',
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(CheckpointQueueItemDto) }, { $ref: getSchemaPath(ExperienceQueueItemDto) }],
      discriminator: {
        propertyName: 'type',
        mapping: {
          checkpoint: getSchemaPath(CheckpointQueueItemDto),
          experience: getSchemaPath(ExperienceQueueItemDto),
        },
      },
    },
  })
  pending: (CheckpointQueueItemDto | ExperienceQueueItemDto)[];

  @ApiProperty({ type: QueueCountsDto }) counts: QueueCountsDto;
}
