import type { ProviderDto } from './dto/provider-response.dto';
import type { ProviderTarget } from './provider-config';

/** What clients may see of a provider: whether its key is set, never the key. */
export function toProviderDto(target: ProviderTarget): ProviderDto {
  const { config } = target;
  return {
    name: config.name,
    base_url: target.baseUrl,
    api_key_env: config.api_key_env,
    default_model: target.defaultModel,
    enabled: config.enabled,
    json_mode: config.json_mode,
    source: config.source,
    api_key_set: Boolean(target.apiKey),
    active: target.active,
  };
}
