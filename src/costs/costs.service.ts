import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { utcDay } from './budget.service';
import { CostAgentRollup } from './cost-agent-rollup.entity';
import { CostDailyRollup } from './cost-daily-rollup.entity';
import { CostJobTotal } from './cost-job-total.entity';
import { CostRecord } from './cost-record.entity';
import { CostRollupService } from './cost-rollup.service';
import { CostReservation } from './cost-reservation.entity';
import { RollupCache } from './rollup-cache';
import { toCostRecordDto } from './cost.mapper';
import type {
  AgentCostDto,
  CostBucketDto,
  CostRecordDto,
  CostSummaryDto,
  CostsOverviewDto,
  DailyCostDto,
  JobCostDto,
} from './dto/cost-response.dto';
import { num, roundUsd } from './money';
import type { TeamScope } from '../common/auth/team-scope';

const RECENT_LIMIT = 20;
const DAY_MS = 86_400_000;
/** Calls recorded without an agent (none today) are grouped under this name. */
const UNKNOWN_AGENT = 'unknown';

type Aggregate = string | number | null;

interface RawTotals {
  cost: Aggregate;
  tokens_in: Aggregate;
  tokens_out: Aggregate;
  calls: Aggregate;
}

interface Totals {
  /** Unrounded USD: rounding happens once, in the response. */
  cost: number;
  tokensIn: number;
  tokensOut: number;
  calls: number;
}

interface Group extends Totals {
  key: string;
}

/** Every job's sums, most expensive first, and the overview's `by_task` serialised (at 2,000 jobs, most of its bytes). */
interface JobCosts {
  groups: Group[];
  byTaskJson: string;
}

function toTotals(raw: RawTotals | undefined): Totals {
  return {
    cost: num(raw?.cost),
    tokensIn: num(raw?.tokens_in),
    tokensOut: num(raw?.tokens_out),
    calls: num(raw?.calls),
  };
}

/** Most expensive first; ties by more calls, then by name, so the order is stable. */
function byCostDescending(a: Group, b: Group): number {
  return b.cost - a.cost || b.calls - a.calls || a.key.localeCompare(b.key);
}

/** Every call has an agent group (null agents included), so the agent groups add up to the totals: one scan fewer. */
function sumOf(groups: readonly Totals[]): Totals {
  return groups.reduce(
    (sum, g) => ({
      cost: sum.cost + g.cost,
      tokensIn: sum.tokensIn + g.tokensIn,
      tokensOut: sum.tokensOut + g.tokensOut,
      calls: sum.calls + g.calls,
    }),
    { cost: 0, tokensIn: 0, tokensOut: 0, calls: 0 },
  );
}

function toBucket(t: Totals): CostBucketDto {
  return { cost_usd: roundUsd(t.cost), tokens: t.tokensIn + t.tokensOut, calls: t.calls };
}

/**
 * Key → bucket, in the groups' order. A prototype-less object: a key such as
 * `__proto__` stays a plain key, and V8 builds a map of thousands of jobs
 * several times faster than with Object.fromEntries.
 */
function bucketsOf(groups: readonly Group[]): Record<string, CostBucketDto> {
  const buckets = Object.create(null) as Record<string, CostBucketDto>;
  for (const g of groups) buckets[g.key] = toBucket(g);
  return buckets;
}

/** The UTC days from `days - 1` days ago to today, oldest first. */
export function lastUtcDays(days: number, now = Date.now()): string[] {
  return Array.from({ length: days }, (_, i) => utcDay(new Date(now - (days - 1 - i) * DAY_MS)));
}

/**
 * Read side of the cost records. Every sum comes from the daily roll-ups
 * (CostRollupService keeps them equal to the raw rows on insert), so a figure
 * costs the same at a million calls as at a thousand; only the latest calls
 * and a job's models read `cost_records`. `team` null covers every team.
 */
@Injectable()
export class CostsService {
  /** The per-job figures list every job (thousands): computed once per roll-up state. */
  private readonly jobCosts: RollupCache<JobCosts>;

  constructor(
    @InjectRepository(CostRecord) private readonly records: Repository<CostRecord>,
    @InjectRepository(CostDailyRollup) private readonly dailyRollups: Repository<CostDailyRollup>,
    @InjectRepository(CostAgentRollup) private readonly agentRollups: Repository<CostAgentRollup>,
    @InjectRepository(CostJobTotal) private readonly jobTotals: Repository<CostJobTotal>,
    private readonly rollups: CostRollupService,
  ) {
    this.jobCosts = new RollupCache(rollups, records.manager);
  }

  /**
   * The overview (CostsOverviewDto) as JSON text: `by_task` lists every job and
   * comes serialised from the per-job cache, so a read does not serialise
   * thousands of entries again; the rest is serialised here, in the DTO's key order.
   */
  async overviewJson(team: TeamScope): Promise<string> {
    const [jobs, agents, recent] = await Promise.all([this.jobs(team), this.grouped('agent', team), this.recent(team)]);
    const totals = sumOf(agents);
    const head: Pick<CostsOverviewDto, 'total_cost_usd' | 'total_tokens' | 'calls'> = {
      total_cost_usd: roundUsd(totals.cost),
      total_tokens: totals.tokensIn + totals.tokensOut,
      calls: totals.calls,
    };
    const tail: Pick<CostsOverviewDto, 'by_agent' | 'recent'> = { by_agent: bucketsOf(agents), recent };
    return `${JSON.stringify(head).slice(0, -1)},"by_task":${jobs.byTaskJson},${JSON.stringify(tail).slice(1)}`;
  }

  async summary(team: TeamScope): Promise<CostSummaryDto> {
    const agents = await this.grouped('agent', team);
    const totals = sumOf(agents);
    return {
      total_cost_usd: roundUsd(totals.cost),
      total_calls: totals.calls,
      avg_cost_per_call: totals.calls ? roundUsd(totals.cost / totals.calls) : 0,
      top_agent: agents[0]?.key ?? null,
    };
  }

  async byAgent(team: TeamScope): Promise<AgentCostDto[]> {
    return (await this.grouped('agent', team)).map((g) => ({
      agent: g.key,
      cost_usd: roundUsd(g.cost),
      calls: g.calls,
      tokens_in: g.tokensIn,
      tokens_out: g.tokensOut,
    }));
  }

  /** Calls made outside a job (agent tests) are not listed. */
  async byJob(team: TeamScope): Promise<JobCostDto[]> {
    return (await this.jobs(team)).groups.map((g) => ({
      job_slug: g.key,
      cost_usd: roundUsd(g.cost),
      calls: g.calls,
    }));
  }

  /** One row per UTC day, oldest first, ending today; days without calls are zero. */
  async daily(team: TeamScope, days: number): Promise<DailyCostDto[]> {
    const dates = lastUtcDays(days);
    const rows = await this.scoped(team)
      .select('c.day', 'day')
      .addSelect('COALESCE(SUM(c.cost_usd), 0)', 'cost')
      .addSelect('COALESCE(SUM(c.calls), 0)', 'calls')
      .andWhere('c.day >= :from AND c.day <= :to', { from: dates[0], to: dates[dates.length - 1] })
      .groupBy('c.day')
      .getRawMany<{ day: string; cost: Aggregate; calls: Aggregate }>();
    const byDay = new Map(rows.map((row) => [row.day, row]));
    return dates.map((date) => {
      const row = byDay.get(date);
      return { date, cost_usd: roundUsd(num(row?.cost)), calls: num(row?.calls) };
    });
  }

  /** Everything ever spent by the scope, in USD (rounded). */
  async totalCost(team: TeamScope): Promise<number> {
    const qb = this.agentRollups.createQueryBuilder('c').select('COALESCE(SUM(c.cost_usd), 0)', 'cost');
    if (team !== null) qb.where('c.team_id = :team', { team });
    const row = await qb.getRawOne<{ cost: Aggregate }>();
    return roundUsd(num(row?.cost));
  }

  /** Distinct models the scope called in the last `days` UTC days (today included). */
  async activeModelCount(team: TeamScope, days: number): Promise<number> {
    const row = await this.scoped(team)
      .select('COUNT(DISTINCT c.model)', 'models')
      .andWhere('c.day >= :from', { from: lastUtcDays(days)[0] })
      .getRawOne<{ models: Aggregate }>();
    return num(row?.models);
  }

  /** The model that answered each phase of a job (the last successful call), for the export manifest. */
  async modelsByPhase(jobSlug: string): Promise<Record<string, string>> {
    const rows = await this.records
      .createQueryBuilder('c')
      .select(['c.phase AS phase', 'c.model AS model'])
      .where("c.job_slug = :jobSlug AND c.outcome = 'ok' AND c.phase IS NOT NULL", { jobSlug })
      .orderBy('c.id', 'ASC')
      .getRawMany<{ phase: string; model: string }>();
    return Object.fromEntries(rows.map((row) => [row.phase, row.model]));
  }

  /** Deletes every cost record, its roll-ups and every open reservation (wipe), in one transaction. */
  async clearAll(): Promise<void> {
    await this.rollups.writing(() =>
      this.records.manager.transaction(async (manager) => {
        await manager.createQueryBuilder().delete().from(CostReservation).execute();
        await manager.createQueryBuilder().delete().from(CostRecord).execute();
        await this.rollups.clear(manager);
      }),
    );
  }

  private jobs(team: TeamScope): Promise<JobCosts> {
    return this.jobCosts.get(team, async () => {
      const groups = await this.grouped('job', team);
      return { groups, byTaskJson: JSON.stringify(bucketsOf(groups)) };
    });
  }

  /** The per-day roll-up (team, day, agent, provider, model) of the scope. */
  private scoped(team: TeamScope): SelectQueryBuilder<CostDailyRollup> {
    const qb = this.dailyRollups.createQueryBuilder('c');
    return team === null ? qb : qb.where('c.team_id = :team', { team });
  }

  /** Per agent from the all-time roll-up (a few hundred rows), per job from the job totals (a row per job). */
  private async grouped(by: 'job' | 'agent', team: TeamScope): Promise<Group[]> {
    const base = by === 'job' ? this.jobTotals.createQueryBuilder('c') : this.agentRollups.createQueryBuilder('c');
    if (team !== null) base.where('c.team_id = :team', { team });
    const column = by === 'job' ? 'c.job_slug' : 'c.agent';
    const qb = base
      .select(column, 'key')
      .addSelect('COALESCE(SUM(c.cost_usd), 0)', 'cost')
      .addSelect('COALESCE(SUM(c.tokens_in), 0)', 'tokens_in')
      .addSelect('COALESCE(SUM(c.tokens_out), 0)', 'tokens_out')
      .addSelect('COALESCE(SUM(c.calls), 0)', 'calls')
      .groupBy(column);
    const groups = new Map<string, Group>();
    for (const row of await qb.getRawMany<RawTotals & { key: string | null }>()) {
      // The roll-up stores a call without agent as '' (a key column); the API has always called it 'unknown'.
      const key = row.key || UNKNOWN_AGENT;
      const totals = toTotals(row);
      const seen = groups.get(key);
      groups.set(key, {
        key,
        cost: (seen?.cost ?? 0) + totals.cost,
        tokensIn: (seen?.tokensIn ?? 0) + totals.tokensIn,
        tokensOut: (seen?.tokensOut ?? 0) + totals.tokensOut,
        calls: (seen?.calls ?? 0) + totals.calls,
      });
    }
    return [...groups.values()].sort(byCostDescending);
  }

  private async recent(team: TeamScope): Promise<CostRecordDto[]> {
    const rows = await this.records.find({
      where: team === null ? {} : { team_id: team },
      order: { id: 'DESC' },
      take: RECENT_LIMIT,
    });
    return rows.map(toCostRecordDto);
  }
}
