import type { CostRecord } from './cost-record.entity';
import type { CostRecordDto } from './dto/cost-response.dto';
import { roundUsd } from './money';

export function toCostRecordDto(row: CostRecord): CostRecordDto {
  return {
    id: row.id,
    created_at: row.created_at,
    job_slug: row.job_slug,
    agent: row.agent,
    phase: row.phase,
    provider: row.provider,
    model: row.model,
    tokens_in: row.tokens_in,
    tokens_out: row.tokens_out,
    cost_usd: roundUsd(row.cost_usd),
    cost_source: row.cost_source,
    outcome: row.outcome,
    over_reported: Boolean(row.over_reported),
  };
}
