/** The 13 pipeline phases, in the order they run. */
export const PHASE_NAMES = [
  'create',
  'ba',
  'backend',
  'architect',
  'uiux',
  'dev',
  'qa',
  'refactor',
  'repair',
  'runtime',
  'security',
  'reviewer',
  'export',
] as const;

export type PhaseName = (typeof PHASE_NAMES)[number];

export function isPhaseName(value: string): value is PhaseName {
  return (PHASE_NAMES as readonly string[]).includes(value);
}
