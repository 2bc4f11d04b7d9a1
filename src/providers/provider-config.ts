import type { ProviderSource } from './dto/provider-response.dto';
import type { JsonMode } from './provider-rules';

/** A provider's config after merging the built-in list with the stored rows (before the LLM_* overrides). */
export interface ProviderConfig {
  name: string;
  base_url: string | null;
  /** `providerKeyEnv(name)` when the provider needs a key (whatever a stored row says), `null` when it needs none. */
  api_key_env: string | null;
  default_model: string;
  enabled: boolean;
  /** How file-writing requests ask for JSON (`response_format`). */
  json_mode: JsonMode;
  source: ProviderSource;
  /** Models it is known to serve: what model listing falls back to. */
  known_models: readonly string[];
}

/**
 * A provider as it would be called now: LLM_BASE_URL / LLM_MODEL applied when
 * it is the active one, and its key resolved. Server-side only.
 */
export interface ProviderTarget {
  config: ProviderConfig;
  active: boolean;
  baseUrl: string | null;
  defaultModel: string;
  /** The key sent to `baseUrl`; `undefined` when the provider needs none, its variable is empty or the key is withheld. */
  apiKey: string | undefined;
  /** Why a provider that needs a key gets none (unset, or withheld from a changed host); `undefined` otherwise. */
  keyProblem?: string;
}
