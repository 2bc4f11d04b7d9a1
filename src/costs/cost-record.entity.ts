import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One LLM call (one HTTP attempt), with what it cost. */
@Entity('cost_records')
@Index('idx_cost_day_cover', ['day', 'model', 'cost_usd'])
@Index('idx_cost_team_recent', ['team_id', 'id'])
@Index('idx_cost_job', ['job_slug', 'id'])
export class CostRecord {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 32 })
  created_at: string;

  /** UTC day (YYYY-MM-DD) the call was made: the budget and daily buckets group on it. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  job_slug: string | null;

  @Column({ type: 'varchar', length: 64 })
  team_id: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phase: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  agent: string | null;

  @Column({ type: 'varchar', length: 40 })
  provider: string;

  @Column({ type: 'varchar', length: 200 })
  model: string;

  @Column({ type: 'integer', default: 0 })
  tokens_in: number;

  @Column({ type: 'integer', default: 0 })
  tokens_out: number;

  @Column({ type: 'double precision', default: 0 })
  cost_usd: number;

  /** provider (reported by the API), table (price table), default (unpriced model, conservative). */
  @Column({ type: 'varchar', length: 16 })
  cost_source: string;

  @Column({ type: 'integer', default: 0 })
  latency_ms: number;

  /** ok, or why the call failed (http_429, http_500, timeout, aborted, invalid_reply, …). */
  @Column({ type: 'varchar', length: 32 })
  outcome: string;

  /**
   * The provider reported more tokens than the call could have used (completion
   * tokens above max_tokens, or prompt tokens above the prompt's characters);
   * cost_usd then charges at most that worst case. Always read back; optional
   * so inserts that predate the flag (false) need not name it.
   */
  @Column({ type: 'boolean', default: false })
  over_reported?: boolean;
}
