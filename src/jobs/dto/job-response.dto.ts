import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_STATUSES, PHASE_STATUSES } from '../job-status';
import { PHASE_NAMES } from '../../pipeline/phase-names';

const phaseStatus = (example: string) => ({ enum: PHASE_STATUSES, enumName: 'PhaseStatus', example });

/** The status of each of the 13 phases, keyed by phase name (PHASE_NAMES, in run order). */
export class JobPhasesDto {
  @ApiProperty(phaseStatus('passed')) create: string;
  @ApiProperty(phaseStatus('passed')) ba: string;
  @ApiProperty(phaseStatus('running')) backend: string;
  @ApiProperty(phaseStatus('pending')) architect: string;
  @ApiProperty(phaseStatus('pending')) uiux: string;
  @ApiProperty(phaseStatus('pending')) dev: string;
  @ApiProperty(phaseStatus('pending')) qa: string;
  @ApiProperty(phaseStatus('pending')) refactor: string;
  @ApiProperty(phaseStatus('pending')) repair: string;
  @ApiProperty(phaseStatus('pending')) runtime: string;
  @ApiProperty(phaseStatus('pending')) security: string;
  @ApiProperty(phaseStatus('pending')) reviewer: string;
  @ApiProperty(phaseStatus('pending')) export: string;
}

export class JobResponseDto {
  @ApiProperty({ example: 'my-app' }) slug: string;
  @ApiProperty({ example: 'My App' }) name: string;
  @ApiProperty({ example: 'A todo list app' }) description: string;
  @ApiProperty({ example: 'android,ios' }) platform: string;
  @ApiProperty({ example: 'modern' }) style: string;
  @ApiProperty({ example: 'none' }) backend: string;
  @ApiProperty({ type: [String], example: ['auth', 'notifications'] }) features: string[];
  @ApiProperty({ type: [String], example: [] }) checkpoints: string[];
  @ApiProperty({ enum: JOB_STATUSES, example: 'running' }) status: string;
  @ApiProperty({ nullable: true, example: 'backend', type: String }) current_phase: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, example: 15 }) progress: number;
  @ApiProperty({ type: JobPhasesDto, description: 'Phase name → status, all 13 phases' }) phases: Record<
    string,
    string
  >;
  @ApiProperty({ nullable: true, type: String, example: null }) error: string | null;
  @ApiProperty({ example: false }) cancel_requested: boolean;
  @ApiProperty({ example: 'builtin' }) generator: string;
  @ApiProperty({ example: 0 }) cost_usd: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: '/api/jobs/my-app/download' }) download_url:
    string | null;
  @ApiProperty({ example: 'default' }) team_id: string;
  @ApiProperty({ example: '2026-11-29T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-29T10:00:05.000Z' }) updated_at: string;
  @ApiProperty({ nullable: true, type: String }) started_at: string | null;
  @ApiProperty({ nullable: true, type: String }) finished_at: string | null;
}

export class PhaseDetailDto {
  @ApiProperty({ enum: PHASE_NAMES, example: 'dev' }) phase: string;
  @ApiProperty({ example: 'dev_agent' }) agent: string;
  @ApiProperty(phaseStatus('passed')) status: string;
  @ApiProperty({ nullable: true, type: String }) started_at: string | null;
  @ApiProperty({ nullable: true, type: String }) finished_at: string | null;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ type: [String], example: ['source/lib/main.dart'] }) outputs: string[];
  @ApiProperty({ example: 3 }) log_count: number;
}

export class JobLogDto {
  @ApiProperty({ example: 42 }) id: number;
  @ApiProperty({ nullable: true, type: String, example: 'qa' }) phase: string | null;
  @ApiProperty({ example: 'info' }) level: string;
  @ApiProperty({ example: 'QA found no issues in 37 files' }) message: string;
  @ApiProperty({ example: '2026-11-29T10:00:05.000Z' }) created_at: string;
}

export class CodeTreeEntryDto {
  @ApiProperty({ example: 'source/lib/main.dart' }) path: string;
  @ApiProperty({ example: 'main.dart' }) name: string;
  @ApiProperty({ example: false }) isDir: boolean;
  @ApiProperty({ example: 1234 }) size: number;
}

export class CodeFileDto {
  @ApiProperty({ example: 'source/lib/main.dart' }) path: string;
  @ApiProperty({ example: "import 'package:flutter/material.dart';" }) content: string;
}
