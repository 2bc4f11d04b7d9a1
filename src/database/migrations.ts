import { InitSettings1764400000000 } from './migrations/1764400000000-init-settings';
import { Jobs1764500000000 } from './migrations/1764500000000-jobs';

/** Every migration, in order. Append new ones here. */
export const MIGRATIONS = [InitSettings1764400000000, Jobs1764500000000];
