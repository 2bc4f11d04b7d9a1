import type { EntityManager } from 'typeorm';
import type { TeamScope } from '../common/auth/team-scope';
import type { CostRollupService } from './cost-rollup.service';

/** Scopes kept at once (every team, and the teams whose members look); the oldest goes first. */
const MAX_SCOPES = 32;

/**
 * Figures computed from the cost roll-ups, per team scope, kept while the
 * scope's roll-up revision (CostRollupService.revision) stays the same: a
 * dashboard polling between LLM calls reads a cheap revision instead of
 * every job's sums. The values are shared between requests: never mutate one.
 */
export class RollupCache<T> {
  private readonly entries = new Map<TeamScope, { revision: string; value: T }>();

  constructor(
    private readonly rollups: CostRollupService,
    private readonly manager: EntityManager,
  ) {}

  async get(team: TeamScope, compute: () => Promise<T>): Promise<T> {
    const revision = await this.rollups.revision(this.manager, team);
    const cached = this.entries.get(team);
    if (revision !== null && cached?.revision === revision) return cached.value;
    const value = await compute();
    // Kept only if the revision did not move while computing: the value is then exactly that state's.
    if (revision !== null && (await this.rollups.revision(this.manager, team)) === revision) {
      this.entries.delete(team);
      if (this.entries.size >= MAX_SCOPES) this.entries.delete(this.entries.keys().next().value as TeamScope);
      this.entries.set(team, { revision, value });
    }
    return value;
  }
}
