import type { JsonMode } from './provider-rules';

/** A provider ready to be called: everything LlmService needs, resolved from the registry, the database and the environment. */
export interface ResolvedProvider {
  name: string;
  /** OpenAI-compatible base URL, e.g. https://openrouter.ai/api/v1 */
  baseUrl: string;
  /** The key's value (never sent to clients); `undefined` for keyless providers such as ollama. */
  apiKey: string | undefined;
  defaultModel: string;
  /** How file-writing requests ask for JSON (`response_format`); `off` sends none. */
  jsonMode: JsonMode;
}

/** The provider jobs should use now, or why none is usable (then the builtin generator runs). */
export type ActiveProvider =
  { usable: true; provider: ResolvedProvider } | { usable: false; name: string; reason: string };
