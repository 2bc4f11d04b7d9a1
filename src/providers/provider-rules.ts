export const PROVIDER_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const PROVIDER_NAME_RULE =
  'lower-case letters, digits, "_" and "-", 1-40 characters, starting with a letter or digit';

/** Same rule as the model settings: no spaces or quotes. */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;

export const BASE_URL_MAX_LENGTH = 500;

const KEY_ENV_PATTERN = /^[A-Z][A-Z0-9_]*_API_KEY$/;
/** The generic key every provider falls back to. */
export const GENERIC_KEY_ENV = 'LLM_API_KEY';
/** Variables that look like provider keys but hold this service's own secrets. */
const RESERVED_KEY_ENVS = new Set(['ADMIN_API_KEY']);

/**
 * Why a variable name cannot hold a provider key, or `undefined`. Only
 * provider-key-shaped names are accepted, so no provider can be pointed at
 * (and send out) ADMIN_API_KEY, JWT_SECRET or any other server secret.
 */
export function apiKeyEnvProblem(name: string): string | undefined {
  if (name.length > 64) return 'must be at most 64 characters';
  if (RESERVED_KEY_ENVS.has(name)) return `must not be ${name}: that variable is a server secret`;
  if (name === GENERIC_KEY_ENV || KEY_ENV_PATTERN.test(name)) return undefined;
  return `must be ${GENERIC_KEY_ENV} or an upper-case variable name ending in _API_KEY (e.g. EXAMPLE_API_KEY)`;
}
