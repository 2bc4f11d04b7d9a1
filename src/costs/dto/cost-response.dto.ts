import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** Money is in USD, rounded to 6 decimals; tokens are input + output. */
export class CostBucketDto {
  @ApiProperty({ example: 0.0045, description: 'USD, rounded to 6 decimals' })
  cost_usd: number;

  @ApiProperty({ example: 15000, description: 'Input + output tokens' })
  tokens: number;

  @ApiProperty({ example: 10 })
  calls: number;
}

/** One LLM call (one HTTP attempt) as recorded. */
export class CostRecordDto {
  @ApiProperty({ example: 42 })
  id: number;

  @ApiProperty({ example: '2025-01-15T09:30:00.000Z' })
  created_at: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'my-app',
    description: 'null for calls outside a job (agent test)',
  })
  job_slug: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'dev_agent' })
  agent: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'dev' })
  phase: string | null;

  @ApiProperty({ example: 'openrouter' })
  provider: string;

  @ApiProperty({ example: 'openai/gpt-4o-mini' })
  model: string;

  @ApiProperty({ example: 1000 })
  tokens_in: number;

  @ApiProperty({ example: 500 })
  tokens_out: number;

  @ApiProperty({ example: 0.00045 })
  cost_usd: number;

  @ApiProperty({
    enum: ['provider', 'table', 'default'],
    example: 'table',
    description: 'provider: reported by the API; table: price table; default: unpriced model, conservative rate',
  })
  cost_source: string;

  @ApiProperty({ example: 'ok', description: 'ok, or why the call failed (http_429, timeout, invalid_reply, …)' })
  outcome: string;

  @ApiProperty({
    example: false,
    description:
      'The provider reported more tokens than the call could have used (completion tokens above max_tokens, ' +
      'or prompt tokens above the characters sent); tokens_in/tokens_out are as reported, cost_usd charges ' +
      'at most the worst case the call reserved',
  })
  over_reported: boolean;
}

const BUCKETS_EXAMPLE = {
  'my-app': { cost_usd: 0.0045, tokens: 15000, calls: 10 },
};

@ApiExtraModels(CostBucketDto, CostRecordDto)
export class CostsOverviewDto {
  @ApiProperty({ example: 0.0054 })
  total_cost_usd: number;

  @ApiProperty({ example: 18000, description: 'Input + output tokens' })
  total_tokens: number;

  @ApiProperty({ example: 12 })
  calls: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CostBucketDto) },
    description: 'Job slug → totals (calls outside a job are left out)',
    example: BUCKETS_EXAMPLE,
  })
  by_task: Record<string, CostBucketDto>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CostBucketDto) },
    description: 'Agent id → totals',
    example: { dev_agent: { cost_usd: 0.0009, tokens: 3000, calls: 2 } },
  })
  by_agent: Record<string, CostBucketDto>;

  @ApiProperty({ type: [CostRecordDto], description: 'The 20 latest calls, newest first' })
  recent: CostRecordDto[];
}

export class CostSummaryDto {
  @ApiProperty({ example: 12.5 })
  total_cost_usd: number;

  @ApiProperty({ example: 42 })
  total_calls: number;

  @ApiProperty({ example: 0.297619, description: '0 when there are no calls' })
  avg_cost_per_call: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'dev_agent',
    description: 'The agent that cost most (then most calls); null when there are no calls',
  })
  top_agent: string | null;
}

export class AgentCostDto {
  @ApiProperty({ example: 'dev_agent' })
  agent: string;

  @ApiProperty({ example: 5.2 })
  cost_usd: number;

  @ApiProperty({ example: 15 })
  calls: number;

  @ApiProperty({ example: 50000 })
  tokens_in: number;

  @ApiProperty({ example: 20000 })
  tokens_out: number;
}

export class JobCostDto {
  @ApiProperty({ example: 'my-app' })
  job_slug: string;

  @ApiProperty({ example: 8.5 })
  cost_usd: number;

  @ApiProperty({ example: 25 })
  calls: number;
}

export class DailyCostDto {
  @ApiProperty({ example: '2025-01-15', description: 'UTC day' })
  date: string;

  @ApiProperty({ example: 1.23 })
  cost_usd: number;

  @ApiProperty({ example: 42 })
  calls: number;
}
