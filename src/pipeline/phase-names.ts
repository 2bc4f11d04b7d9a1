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

/** The agent that runs each phase (repair reuses the refactor agent). */
export const PHASE_AGENTS: Record<PhaseName, string> = {
  create: 'brief_agent',
  ba: 'ba_agent',
  backend: 'backend_agent',
  architect: 'architect_agent',
  uiux: 'uiux_agent',
  dev: 'dev_agent',
  qa: 'qa_agent',
  refactor: 'refactor_agent',
  repair: 'refactor_agent',
  runtime: 'runtime_agent',
  security: 'security_agent',
  reviewer: 'reviewer_agent',
  export: 'export_agent',
};
