import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CostSums } from './cost-sums';

/**
 * Cost records of jobs summed per team, job and UTC day, kept in step with
 * `cost_records` on every insert (CostRollupService); the per-job figures read
 * this. Calls outside a job (agent tests) have no row here.
 */
@Entity('cost_job_rollups')
@Index('idx_cost_job_rollup_job', ['job_slug', 'cost_usd', 'tokens_in', 'tokens_out', 'calls'])
export class CostJobRollup extends CostSums {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  team_id: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  job_slug: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;
}
