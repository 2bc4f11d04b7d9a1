import type { JsonMode } from './provider-rules';

/** A provider that ships with the service. Custom ones live in the `providers` table. */
export interface BuiltinProvider {
  name: string;
  /** OpenAI-compatible base URL; `null` for the offline generator. */
  base_url: string | null;
  /** The variable holding the key; `null` when the provider needs none. */
  api_key_env: string | null;
  default_model: string;
  /** A few models it is known to serve: what `GET /api/models` falls back to when listing fails. */
  models: readonly string[];
  /** How file-writing requests ask for JSON; json_object when absent. */
  json_mode?: JsonMode;
}

/** The offline template generator: no network, no key, cost 0. */
export const BUILTIN_GENERATOR = 'builtin';

export const BUILTIN_PROVIDERS: readonly BuiltinProvider[] = [
  {
    name: BUILTIN_GENERATOR,
    base_url: null,
    api_key_env: null,
    default_model: 'builtin',
    models: ['builtin'],
  },
  {
    name: 'openrouter',
    base_url: 'https://openrouter.ai/api/v1',
    api_key_env: 'OPENROUTER_API_KEY',
    default_model: 'openai/gpt-4o-mini',
    models: [
      'openai/gpt-4o-mini',
      'openai/gpt-4o',
      'anthropic/claude-3.5-sonnet',
      'google/gemini-2.0-flash-001',
      'deepseek/deepseek-chat',
      'meta-llama/llama-3.3-70b-instruct',
    ],
  },
  {
    name: 'openai',
    base_url: 'https://api.openai.com/v1',
    api_key_env: 'OPENAI_API_KEY',
    default_model: 'gpt-4o-mini',
    models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'gpt-4.1-mini', 'o3-mini'],
    // Structured outputs: the reply is held to the files schema.
    json_mode: 'json_schema',
  },
  {
    name: 'deepseek',
    base_url: 'https://api.deepseek.com/v1',
    api_key_env: 'DEEPSEEK_API_KEY',
    default_model: 'deepseek-chat',
    models: ['deepseek-chat', 'deepseek-reasoner'],
  },
  {
    name: 'groq',
    base_url: 'https://api.groq.com/openai/v1',
    api_key_env: 'GROQ_API_KEY',
    default_model: 'llama-3.3-70b-versatile',
    models: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant', 'mixtral-8x7b-32768'],
  },
  {
    name: 'together',
    base_url: 'https://api.together.xyz/v1',
    api_key_env: 'TOGETHER_API_KEY',
    default_model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    models: ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'Qwen/Qwen2.5-Coder-32B-Instruct', 'deepseek-ai/DeepSeek-V3'],
  },
  {
    name: 'fireworks',
    base_url: 'https://api.fireworks.ai/inference/v1',
    api_key_env: 'FIREWORKS_API_KEY',
    default_model: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
    models: [
      'accounts/fireworks/models/llama-v3p3-70b-instruct',
      'accounts/fireworks/models/qwen2p5-coder-32b-instruct',
      'accounts/fireworks/models/deepseek-v3',
    ],
  },
  {
    name: 'xai',
    base_url: 'https://api.x.ai/v1',
    api_key_env: 'XAI_API_KEY',
    default_model: 'grok-2-latest',
    models: ['grok-2-latest', 'grok-beta'],
  },
  {
    name: 'gemini',
    // Gemini's OpenAI-compatible endpoint.
    base_url: 'https://generativelanguage.googleapis.com/v1beta/openai/',
    api_key_env: 'GEMINI_API_KEY',
    default_model: 'gemini-2.0-flash',
    models: ['gemini-2.0-flash', 'gemini-1.5-pro', 'gemini-1.5-flash'],
  },
  {
    name: 'ollama',
    base_url: 'http://127.0.0.1:11434/v1',
    api_key_env: null,
    default_model: 'llama3.1',
    models: ['llama3.1', 'qwen2.5-coder', 'mistral'],
  },
];

export function builtinProvider(name: string): BuiltinProvider | undefined {
  return BUILTIN_PROVIDERS.find((p) => p.name === name);
}
