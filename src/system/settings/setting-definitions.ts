import { isPhaseName } from '../../pipeline/phase-names';

export interface SettingDefinition {
  key: string;
  /** The variable the value is mirrored into in `.env` (and seeded from). */
  envVar: string;
  defaultValue: string;
  description: string;
  example: string;
  /** Returns the normalised value, or throws an Error whose message explains the rule. */
  parse(value: string): string;
}

function integer(min: number, max: number) {
  return (value: string): string => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new Error(`must be a whole number from ${min} to ${max}`);
    }
    return String(Number(value));
  };
}

function decimal(min: number, max: number) {
  return (value: string): string => {
    if (!/^\d+(\.\d{1,4})?$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new Error(`must be a number from ${min} to ${max} with at most 4 decimals`);
    }
    return value;
  };
}

function modelId(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/.test(value)) {
    throw new Error('must be a model id (letters, digits and . _ : / @ + -; no spaces or quotes)');
  }
  return value;
}

function phaseList(value: string): string {
  const phases = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = phases.filter((p) => !isPhaseName(p));
  if (unknown.length) throw new Error(`has unknown phase names: ${unknown.join(', ')}`);
  return [...new Set(phases)].join(',');
}

function providerName(value: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(value)) {
    throw new Error('must be a provider name (lower-case letters, digits, "_" and "-", 1-40 characters)');
  }
  return value;
}

/** Every runtime-editable setting. GET returns them all; POST accepts only these keys. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: 'daily_cost_limit',
    envVar: 'DAILY_COST_LIMIT',
    defaultValue: '5.00',
    description: 'Maximum LLM spend per UTC day, in USD',
    example: '10.00',
    parse: decimal(0, 1_000_000),
  },
  {
    key: 'smart_model_fallback',
    envVar: 'FALLBACK_SMART_MODEL',
    defaultValue: 'anthropic/claude-3.5-sonnet',
    description: 'Model tried once when the primary model keeps failing',
    example: 'openai/gpt-4o',
    parse: modelId,
  },
  {
    key: 'max_repair_attempts',
    envVar: 'MAX_REPAIR_ATTEMPTS',
    defaultValue: '5',
    description: 'QA → refactor rounds before the repair phase gives up',
    example: '3',
    parse: integer(0, 20),
  },
  {
    key: 'max_parallel_jobs',
    envVar: 'MAX_PARALLEL_JOBS',
    defaultValue: '2',
    description: 'Jobs a worker runs at the same time',
    example: '2',
    parse: integer(1, 32),
  },
  {
    key: 'hitl_checkpoints',
    envVar: 'HITL_CHECKPOINTS',
    defaultValue: '',
    description: 'Comma list of phases that wait for human approval before they run',
    example: 'dev,export',
    parse: phaseList,
  },
  {
    key: 'hitl_timeout_minutes',
    envVar: 'HITL_TIMEOUT_MINUTES',
    defaultValue: '0',
    description: 'Minutes before an undecided checkpoint expires (0 = never)',
    example: '60',
    parse: integer(0, 43_200),
  },
  {
    key: 'job_timeout_minutes',
    envVar: 'JOB_TIMEOUT_MINUTES',
    defaultValue: '30',
    description: 'A job running longer than this is stopped and failed',
    example: '30',
    parse: integer(1, 1_440),
  },
  {
    key: 'llm_provider',
    envVar: 'LLM_PROVIDER',
    defaultValue: 'builtin',
    description: 'Provider jobs use (see /api/providers); builtin = the offline generator',
    example: 'openrouter',
    parse: providerName,
  },
];

export const SETTING_KEYS = SETTING_DEFINITIONS.map((d) => d.key);

export function settingDefinition(key: string): SettingDefinition | undefined {
  return SETTING_DEFINITIONS.find((d) => d.key === key);
}
