export const PROVIDER_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const PROVIDER_NAME_RULE =
  'lower-case letters, digits, "_" and "-", 1-40 characters, starting with a letter or digit';

/** Same rule as the model settings: no spaces or quotes. */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;

export const BASE_URL_MAX_LENGTH = 500;

/**
 * How file-writing requests ask for JSON: `json_schema` (the files schema, for
 * providers that support structured outputs), `json_object` (any JSON object),
 * or `off` (no `response_format`, for providers that refuse it).
 */
export const JSON_MODES = ['json_schema', 'json_object', 'off'] as const;
export type JsonMode = (typeof JSON_MODES)[number];
export const DEFAULT_JSON_MODE: JsonMode = 'json_object';
export const JSON_MODE_DESCRIPTION =
  'How requests that ask for files request JSON: json_schema sends `response_format` with the files schema ' +
  '(structured outputs), json_object sends `response_format: {"type": "json_object"}`, off sends none ' +
  '(for providers that refuse the parameter). Omitted: json_object on create, unchanged on PATCH, ' +
  "the built-in's own on the upsert of a built-in.";

/** The shape of a key variable name; the exact name is fixed by the provider's name (`providerKeyEnv`). */
export const KEY_ENV_PATTERN = /^[A-Z][A-Z0-9_]*_API_KEY$/;
export const KEY_ENV_MAX_LENGTH = 64;
/** The key of the provider named by LLM_PROVIDER at boot (see ProvidersService). */
export const GENERIC_KEY_ENV = 'LLM_API_KEY';
/**
 * Variables a provider named after them (`admin`, `llm`) must never read as its
 * own key: ADMIN_API_KEY is this service's secret, LLM_API_KEY follows its own rule.
 */
const RESERVED_KEY_ENVS = new Set(['ADMIN_API_KEY', GENERIC_KEY_ENV]);

/** The rule, as API docs and error messages state it. */
export const KEY_ENV_RULE =
  "a provider's key comes only from the variable named after it: <NAME>_API_KEY, the name upper-cased " +
  'with every character other than a letter or digit as "_" (my-llm → MY_LLM_API_KEY)';

/** The key rule, in the Swagger description of every route that sets or sends a provider's key. */
export const KEY_RULE_DESCRIPTION =
  "**Provider keys.** A provider's key comes only from the variable named after it, `<NAME>_API_KEY` " +
  '(the name upper-cased, every character other than a letter or digit as `_`: `my-llm` → `MY_LLM_API_KEY`), ' +
  'or from `LLM_API_KEY` for the provider `LLM_PROVIDER` named when the service started. ' +
  '`api_key_env` is therefore null (needs no key) or exactly that name; anything else is 400. ' +
  "A built-in provider's key (and `LLM_API_KEY`) is sent only to the built-in's own scheme+host+port or to " +
  "`LLM_BASE_URL`: once a built-in's `base_url` points at another host its key is withheld " +
  '(`api_key_set` false, `/test` and `/api/models` say why, nothing is sent) until `base_url` is set back. ' +
  "A custom provider's own `<NAME>_API_KEY` goes to whatever `base_url` it has, also after a change: " +
  'set that variable only for a provider you trust.';

/** The one variable provider `name` reads its key from (`my-llm` → `MY_LLM_API_KEY`). */
export function providerKeyEnv(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

/** Whether a provider must never read this variable as its own key. */
export function isReservedKeyEnv(variable: string): boolean {
  return RESERVED_KEY_ENVS.has(variable);
}

/** What is wrong with an `api_key_env` value judged alone (before the provider's name is known), or `undefined`. */
export function apiKeyEnvShapeProblem(value: string): string | undefined {
  if (value.length > KEY_ENV_MAX_LENGTH) return `must be at most ${KEY_ENV_MAX_LENGTH} characters`;
  if (KEY_ENV_PATTERN.test(value)) return undefined;
  return `must be null or <NAME>_API_KEY, the variable named after the provider (e.g. MY_LLM_API_KEY for my-llm)`;
}

/**
 * Why provider `name` cannot take `value` as its `api_key_env`, or `undefined`.
 * Only the derived name is accepted, so no provider can be pointed at (and send
 * out) LLM_API_KEY, ADMIN_API_KEY or any other provider's or service's key.
 */
export function apiKeyEnvProblem(name: string, value: string): string | undefined {
  const expected = providerKeyEnv(name);
  if (isReservedKeyEnv(expected)) {
    return `must be null: a provider named "${name}" cannot have a key, since ${expected} is never read as a provider key`;
  }
  if (value === expected) return undefined;
  return `must be ${expected} for provider "${name}", or null for a provider that needs no key: ${KEY_ENV_RULE}`;
}
