import { InitSettings1764400000000 } from './migrations/1764400000000-init-settings';

/** Every migration, in order. Append new ones here. */
export const MIGRATIONS = [InitSettings1764400000000];
