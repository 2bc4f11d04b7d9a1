import { registerAs } from '@nestjs/config';
import { env, envInt } from './env';

export interface LlmConfig {
  provider: string;
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Retries on 429, 5xx, timeouts and connection errors before the fallback model is tried. */
  maxRetries: number;
  /** First backoff delay; doubles each retry (a Retry-After header wins). */
  retryBaseMs: number;
}

export const llmConfig = registerAs('llm', (): LlmConfig => ({
  provider: env('LLM_PROVIDER') ?? 'builtin',
  apiKey: env('LLM_API_KEY'),
  baseUrl: env('LLM_BASE_URL'),
  model: env('LLM_MODEL'),
  timeoutMs: envInt('LLM_TIMEOUT_MS', 120_000),
  maxRetries: envInt('LLM_MAX_RETRIES', 2),
  retryBaseMs: envInt('LLM_RETRY_BASE_MS', 500),
}));
