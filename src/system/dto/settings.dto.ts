import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

/**
 * Partial update of settings. Values may be strings or numbers; each key is
 * checked against its rule in setting-definitions.ts, and unknown keys are
 * rejected by the global validation pipe.
 */
export class UpdateSettingsDto {
  @ApiPropertyOptional({
    type: String,
    example: '10.00',
    description: 'Maximum LLM spend per UTC day (USD, 0–1000000)',
  })
  @IsOptional()
  daily_cost_limit?: string | number;

  @ApiPropertyOptional({ example: 'openai/gpt-4o', description: 'Fallback model id (no spaces or quotes)' })
  @IsOptional()
  smart_model_fallback?: string;

  @ApiPropertyOptional({ type: String, example: '3', description: 'Repair rounds, 0–20' })
  @IsOptional()
  max_repair_attempts?: string | number;

  @ApiPropertyOptional({ type: String, example: '2', description: 'Parallel jobs per worker, 1–32' })
  @IsOptional()
  max_parallel_jobs?: string | number;

  @ApiPropertyOptional({ example: 'dev,export', description: 'Comma list of phases gated by a human approval' })
  @IsOptional()
  hitl_checkpoints?: string;

  @ApiPropertyOptional({ type: String, example: '60', description: 'Checkpoint expiry in minutes (0 = never)' })
  @IsOptional()
  hitl_timeout_minutes?: string | number;

  @ApiPropertyOptional({ type: String, example: '30', description: 'Job time limit in minutes, 1–1440' })
  @IsOptional()
  job_timeout_minutes?: string | number;

  @ApiPropertyOptional({ example: 'openrouter', description: 'Active LLM provider name (builtin = offline generator)' })
  @IsOptional()
  llm_provider?: string;
}

/** The response of every settings read and write: all settings as strings. */
export class SettingsResponseDto {
  @ApiPropertyOptional({ example: '5.00' })
  daily_cost_limit: string;

  @ApiPropertyOptional({ example: 'anthropic/claude-3.5-sonnet' })
  smart_model_fallback: string;

  @ApiPropertyOptional({ example: '5' })
  max_repair_attempts: string;

  @ApiPropertyOptional({ example: '2' })
  max_parallel_jobs: string;

  @ApiPropertyOptional({ example: '' })
  hitl_checkpoints: string;

  @ApiPropertyOptional({ example: '0' })
  hitl_timeout_minutes: string;

  @ApiPropertyOptional({ example: '30' })
  job_timeout_minutes: string;

  @ApiPropertyOptional({ example: 'builtin' })
  llm_provider: string;
}
