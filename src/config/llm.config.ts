import { registerAs } from '@nestjs/config';
import { env } from './env';

export interface LlmConfig {
  provider: string;
  apiKey?: string;
  baseUrl?: string;
  model?: string;
}

export const llmConfig = registerAs(
  'llm',
  (): LlmConfig => ({
    provider: env('LLM_PROVIDER') ?? 'builtin',
    apiKey: env('LLM_API_KEY'),
    baseUrl: env('LLM_BASE_URL'),
    model: env('LLM_MODEL'),
  }),
);
