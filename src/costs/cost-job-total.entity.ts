import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CostSums } from './cost-sums';

/**
 * Cost records of jobs summed per team and job (no day: nothing reads it, and
 * the overview lists every job), kept in step with `cost_records` on every
 * insert (CostRollupService). Calls outside a job (agent tests) have no row here.
 */
@Entity('cost_job_totals')
@Index('idx_cost_job_total_job', ['job_slug', 'cost_usd', 'tokens_in', 'tokens_out', 'calls'])
export class CostJobTotal extends CostSums {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  team_id: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  job_slug: string;
}
