/**
 * USD per 1M tokens (input, output), as data, keyed by model id. Prices go by
 * the model, never by the provider's name: a provider called "ollama" that
 * serves gpt-4o pays gpt-4o prices. Ids match without a vendor prefix
 * ("openai/gpt-4o-mini" → "gpt-4o-mini"), without a ":variant" suffix
 * ("openai/gpt-4o:nitro", "llama3.1:8b") and, when the exact id is not listed,
 * without a date ("gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022").
 * Prices change: update this table rather than code.
 */
export const MODEL_PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o': { input: 2.5, output: 10 },
  // The first gpt-4o snapshot kept its higher price.
  'gpt-4o-2024-05-13': { input: 5, output: 15 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  o1: { input: 15, output: 60 },
  'o1-mini': { input: 1.1, output: 4.4 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'claude-3.5-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-3.5-haiku': { input: 0.8, output: 4 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-3.7-sonnet': { input: 3, output: 15 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-opus-4': { input: 15, output: 75 },
  'deepseek-chat': { input: 0.27, output: 1.1 },
  'deepseek-coder': { input: 0.27, output: 1.1 },
  'deepseek-reasoner': { input: 0.55, output: 2.19 },
  'deepseek-v3': { input: 1.25, output: 1.25 },
  'llama-3.3-70b-versatile': { input: 0.59, output: 0.79 },
  'llama-3.3-70b-instruct': { input: 0.59, output: 0.79 },
  'llama-3.3-70b-instruct-turbo': { input: 0.88, output: 0.88 },
  'llama-v3p3-70b-instruct': { input: 0.9, output: 0.9 },
  'llama-3.1-8b-instant': { input: 0.05, output: 0.08 },
  'qwen2.5-coder-32b-instruct': { input: 0.8, output: 0.8 },
  'qwen2p5-coder-32b-instruct': { input: 0.9, output: 0.9 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash-001': { input: 0.1, output: 0.4 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-1.5-pro': { input: 1.25, output: 5 },
  'gemini-1.5-flash': { input: 0.075, output: 0.3 },
  'grok-2-latest': { input: 2, output: 10 },
  'grok-beta': { input: 5, output: 15 },
  'mixtral-8x7b-instruct': { input: 0.6, output: 0.6 },
  'mixtral-8x7b-32768': { input: 0.24, output: 0.24 },
};

/**
 * Models that run locally (Ollama library names) cost nothing. Only a bare id
 * matches ("llama3.1", "qwen2.5-coder:7b"): hosted services name the same
 * weights differently ("meta-llama/Llama-3.3-70B-Instruct-Turbo",
 * "llama-3.3-70b-versatile") and keep their price.
 */
export const LOCAL_MODELS: readonly string[] = [
  'llama2',
  'llama3',
  'llama3.1',
  'llama3.2',
  'llama3.3',
  'llama4',
  'codellama',
  'qwen2',
  'qwen2.5',
  'qwen2.5-coder',
  'qwen3',
  'qwen3-coder',
  'qwq',
  'mistral',
  'mistral-nemo',
  'mixtral',
  'codestral',
  'phi3',
  'phi3.5',
  'phi4',
  'gemma2',
  'gemma3',
  'codegemma',
  'deepseek-r1',
  'deepseek-coder-v2',
  'starcoder2',
  'gpt-oss',
];

const LOCAL = new Set(LOCAL_MODELS);

/** What an unknown model is charged: deliberately high, so the budget errs on the safe side. */
export const UNPRICED_MODEL = { input: 15, output: 60 };

export interface Price {
  input: number;
  output: number;
  /** False when the model is not in the table and the conservative default applies. */
  known: boolean;
}

/** A date at the end of a model id: -2024-08-06 or -20241022. */
const DATED = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/;

/** The price of a model by its id (whatever the provider is called). */
export function priceOf(model: string): Price {
  const id = model.trim().toLowerCase();
  const bare = id.slice(id.lastIndexOf('/') + 1);
  const base = bare.includes(':') ? bare.slice(0, bare.indexOf(':')) : bare;
  if (!id.includes('/') && LOCAL.has(base)) return { input: 0, output: 0, known: true };
  const found = [bare, base, base.replace(DATED, '')].find((key) => Object.hasOwn(MODEL_PRICES, key));
  if (found) return { ...MODEL_PRICES[found], known: true };
  return { ...UNPRICED_MODEL, known: false };
}

export function costOf(price: Price, tokensIn: number, tokensOut: number): number {
  return (tokensIn * price.input + tokensOut * price.output) / 1_000_000;
}
