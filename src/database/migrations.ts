import { InitSettings1764400000000 } from './migrations/1764400000000-init-settings';
import { Jobs1764500000000 } from './migrations/1764500000000-jobs';
import { Costs1764600000000 } from './migrations/1764600000000-costs';
import { ActivityLog1764600100000 } from './migrations/1764600100000-activity-log';
import { Projects1764600200000 } from './migrations/1764600200000-projects';
import { Providers1764650000000 } from './migrations/1764650000000-providers';
import { Agents1764700000000 } from './migrations/1764700000000-agents';
import { Hitl1764800000000 } from './migrations/1764800000000-hitl';
import { LlmJsonMode1764900100000 } from './migrations/1764900100000-llm-json-mode';
import { IdempotencyKeys1764900200000 } from './migrations/1764900200000-idempotency-keys';
import { ListIndexes1764900300000 } from './migrations/1764900300000-list-indexes';
import { CostRollups1764900300100 } from './migrations/1764900300100-cost-rollups';
import { CostJobTotals1764900300500 } from './migrations/1764900300500-cost-job-totals';

/** Every migration, in timestamp order. Append new ones here. */
export const MIGRATIONS = [
  InitSettings1764400000000,
  Jobs1764500000000,
  Costs1764600000000,
  ActivityLog1764600100000,
  Projects1764600200000,
  Providers1764650000000,
  Agents1764700000000,
  Hitl1764800000000,
  LlmJsonMode1764900100000,
  IdempotencyKeys1764900200000,
  ListIndexes1764900300000,
  CostRollups1764900300100,
  CostJobTotals1764900300500,
];
