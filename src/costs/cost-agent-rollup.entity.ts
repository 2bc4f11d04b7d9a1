import { Entity, PrimaryColumn } from 'typeorm';
import { CostSums } from './cost-sums';

/**
 * Every cost record ever, summed per team, agent, provider and model (no
 * day): the totals and per-agent figures read a few hundred rows at most,
 * however many days of history there are. Kept in step by CostRollupService.
 */
@Entity('cost_agent_rollups')
export class CostAgentRollup extends CostSums {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  team_id: string;

  /** '' for calls recorded without an agent. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  agent: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  provider: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  model: string;
}
