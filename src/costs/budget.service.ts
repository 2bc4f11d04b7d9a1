import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/time';
import { SettingsService } from '../system/settings/settings.service';
import { CostRecord } from './cost-record.entity';
import { CostRollupService } from './cost-rollup.service';
import { CostReservation } from './cost-reservation.entity';

/** A reservation older than this belongs to a crashed process and no longer counts. */
const STALE_RESERVATION_MS = 15 * 60_000;
const ADVISORY_LOCK_KEY = 0x5f_c0_57;

export class BudgetExceededError extends Error {
  constructor(
    readonly spent: number,
    readonly limit: number,
    readonly estimate: number,
  ) {
    super(
      `Daily LLM budget reached: $${spent.toFixed(4)} spent or reserved today (UTC) + $${estimate.toFixed(4)} for this call would exceed the daily_cost_limit of $${limit.toFixed(2)}`,
    );
    this.name = 'BudgetExceededError';
  }
}

/** A cost record to insert; `over_reported` defaults to false. */
export type NewCostRecord = Omit<CostRecord, 'id' | 'over_reported'> & { over_reported?: boolean };

export function utcDay(date = new Date()): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The daily spending guard. A call first reserves its estimated cost — under
 * a lock, against today's recorded spend plus every open reservation — and
 * settles it with the real cost afterwards, so concurrent calls (in this
 * process or other workers) cannot overshoot the limit together.
 */
@Injectable()
export class BudgetService {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly rollups: CostRollupService,
  ) {}

  /** Reserves `estimate` dollars for today or throws BudgetExceededError; returns the reservation id. */
  async reserve(estimate: number): Promise<number> {
    const limit = await this.settings.getNumber('daily_cost_limit');
    return this.serialised(() =>
      this.dataSource.transaction(async (manager) => {
        await this.lock(manager);
        const day = utcDay();
        const committed = await this.committed(manager, day);
        if (committed + estimate > limit) throw new BudgetExceededError(committed, limit, estimate);
        const result = await manager.insert(CostReservation, { day, amount_usd: estimate, created_at: nowIso() });
        return Number((result.identifiers[0] as { id: number }).id);
      }),
    );
  }

  /** Replaces a reservation by the call's real cost record (atomically). */
  async settle(reservationId: number, input: NewCostRecord): Promise<CostRecord> {
    const record: Omit<CostRecord, 'id'> = { over_reported: false, ...input };
    return this.serialised(() =>
      this.rollups.writing(() =>
        this.dataSource.transaction(async (manager) => {
          await manager.delete(CostReservation, { id: reservationId });
          const result = await manager.insert(CostRecord, record);
          await this.rollups.add(manager, record);
          return { ...record, id: Number((result.identifiers[0] as { id: number }).id) };
        }),
      ),
    );
  }

  private async committed(manager: EntityManager, day: string): Promise<number> {
    const spent = await manager
      .createQueryBuilder(CostRecord, 'c')
      .select('COALESCE(SUM(c.cost_usd), 0)', 'total')
      .where('c.day = :day', { day })
      .getRawOne<{ total: string | number }>();
    const staleBefore = new Date(Date.now() - STALE_RESERVATION_MS).toISOString();
    const reserved = await manager
      .createQueryBuilder(CostReservation, 'r')
      .select('COALESCE(SUM(r.amount_usd), 0)', 'total')
      .where('r.day = :day AND r.created_at > :staleBefore', { day, staleBefore })
      .getRawOne<{ total: string | number }>();
    return Number(spent?.total ?? 0) + Number(reserved?.total ?? 0);
  }

  /** PostgreSQL: one budget check at a time across every worker. SQLite writes are already serialised. */
  private async lock(manager: EntityManager): Promise<void> {
    if (this.dataSource.options.type === 'postgres')
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
  }

  /** One budget transaction at a time in this process (SQLite has a single connection). */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
