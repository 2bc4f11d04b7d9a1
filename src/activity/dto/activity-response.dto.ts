import { ApiProperty } from '@nestjs/swagger';

export class ActivityEntryDto {
  @ApiProperty({ example: 42 })
  id: number;

  @ApiProperty({ example: '2026-11-29T10:00:05.000Z' })
  timestamp: string;

  @ApiProperty({ nullable: true, type: String, example: 'my-app', description: 'The job slug, when there is one' })
  task_id: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'qa_agent' })
  agent: string | null;

  @ApiProperty({
    example: 'phase_passed',
    description:
      'job_started, phase_started, phase_passed, phase_failed, phase_stopped, workflow_completed, workflow_paused, llm_cost, permission_denied, settings_changed, provider_<action>, hitl_<decision>, wipe',
  })
  action: string;

  @ApiProperty({ example: 'success', description: 'success, fail, denied, started, …' })
  status: string;

  @ApiProperty({
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
    example: { phase: 'qa', duration_ms: 812 },
    description: 'An object when the stored details are JSON, else the stored text',
  })
  details: Record<string, unknown> | string;

  @ApiProperty({ example: 'default' })
  team_id: string;
}

export class TasksSummaryDto {
  @ApiProperty({ example: 12, description: 'Completed workflows (workflow_completed entries)' })
  total: number;

  @ApiProperty({ example: 10 })
  success: number;

  @ApiProperty({ example: 2 })
  failed: number;

  @ApiProperty({
    type: [ActivityEntryDto],
    description: 'The 20 latest workflow_completed entries, oldest of them first (order=desc: newest first)',
  })
  logs: ActivityEntryDto[];
}
