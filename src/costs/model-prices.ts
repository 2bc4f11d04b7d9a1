/**
 * USD per 1M tokens (input, output), as data. Model ids match with or
 * without a vendor prefix ("openai/gpt-4o-mini" and "gpt-4o-mini").
 * Prices change: update this table rather than code.
 */
export const MODEL_PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'claude-3.5-sonnet': { input: 3, output: 15 },
  'claude-3.5-haiku': { input: 0.8, output: 4 },
  'claude-3.7-sonnet': { input: 3, output: 15 },
  'deepseek-chat': { input: 0.27, output: 1.1 },
  'deepseek-coder': { input: 0.27, output: 1.1 },
  'llama-3.3-70b-versatile': { input: 0.59, output: 0.79 },
  'llama-3.1-8b-instant': { input: 0.05, output: 0.08 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4 },
  'gemini-1.5-pro': { input: 1.25, output: 5 },
  'grok-2-latest': { input: 2, output: 10 },
  'mixtral-8x7b-instruct': { input: 0.6, output: 0.6 },
};

/** What an unknown model is charged: deliberately high, so the budget errs on the safe side. */
export const UNPRICED_MODEL = { input: 15, output: 60 };

/** Local models cost nothing. */
const FREE_PROVIDERS = new Set(['ollama']);

export interface Price {
  input: number;
  output: number;
  /** False when the model is not in the table and the conservative default applies. */
  known: boolean;
}

export function priceOf(provider: string, model: string): Price {
  if (FREE_PROVIDERS.has(provider)) return { input: 0, output: 0, known: true };
  const bare = model.includes('/') ? model.slice(model.lastIndexOf('/') + 1) : model;
  const found = MODEL_PRICES[model] ?? MODEL_PRICES[bare];
  return found ? { ...found, known: true } : { ...UNPRICED_MODEL, known: false };
}

export function costOf(price: Price, tokensIn: number, tokensOut: number): number {
  return (tokensIn * price.input + tokensOut * price.output) / 1_000_000;
}
