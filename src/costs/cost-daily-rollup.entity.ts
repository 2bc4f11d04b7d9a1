import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CostSums } from './cost-sums';

/**
 * Cost records summed per UTC day, team, agent, provider and model, kept in
 * step with `cost_records` on every insert (CostRollupService). The per-day
 * and active-model figures read this instead of the raw rows: at most a few
 * hundred rows per day whatever the call volume.
 */
@Entity('cost_daily_rollups')
@Index('idx_cost_daily_rollup_day', ['day', 'model', 'cost_usd', 'calls'])
export class CostDailyRollup extends CostSums {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  team_id: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  /** '' for calls recorded without an agent (a key column cannot be NULL on both databases). */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  agent: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  provider: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  model: string;
}
