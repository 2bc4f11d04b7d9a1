import { Column } from 'typeorm';

/** The sums every cost roll-up table keeps per key (the entities extending it add the key columns). */
export abstract class CostSums {
  @Column({ type: 'double precision', default: 0 })
  cost_usd: number;

  @Column({ type: 'bigint', default: 0 })
  tokens_in: number;

  @Column({ type: 'bigint', default: 0 })
  tokens_out: number;

  @Column({ type: 'bigint', default: 0 })
  calls: number;
}
