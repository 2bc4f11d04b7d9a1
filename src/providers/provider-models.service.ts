import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError } from 'openai';
import { isAdmin, type AuthUser } from '../common/auth/auth-user';
import type { ModelInfoDto, ModelPricingDto, ModelsQueryDto, ModelsResponseDto } from './dto/models.dto';
import type { TestProviderResponseDto } from './dto/provider-response.dto';
import type { ProviderTarget } from './provider-config';
import { ProvidersService } from './providers.service';
import { noRedirectFetch, redirectProblem } from './no-redirect-fetch';
import { unsafeBaseUrlProblem } from './url-guard';

const LIST_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 300;

/** The text of a provider price field, as given (OpenRouter sends USD per token as strings). */
function priceText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function pricingOf(raw: unknown): ModelPricingDto | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { prompt, completion } = raw as Record<string, unknown>;
  const pricing: ModelPricingDto = {};
  if (priceText(prompt) !== undefined) pricing.prompt = priceText(prompt);
  if (priceText(completion) !== undefined) pricing.completion = priceText(completion);
  return Object.keys(pricing).length ? pricing : undefined;
}

/** A provider's model object, keeping name, context length and price when it carries them. */
function toModelInfo(raw: Record<string, unknown>): ModelInfoDto | undefined {
  if (typeof raw.id !== 'string' || !raw.id) return undefined;
  const info: ModelInfoDto = { id: raw.id };
  if (typeof raw.name === 'string' && raw.name) info.name = raw.name;
  // OpenRouter says context_length, Groq context_window.
  const context = raw.context_length ?? raw.context_window;
  if (typeof context === 'number' && Number.isFinite(context) && context > 0) info.context_length = context;
  const pricing = pricingOf(raw.pricing);
  if (pricing) info.pricing = pricing;
  return info;
}

/** The innermost `code` of an error's cause chain (fetch hides ECONNREFUSED two levels down). */
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A one-line message for clients: no stack, no key (even if the provider echoed it). */
function plainError(error: unknown, secret: string | undefined, provider: string): string {
  let message: string;
  const redirect = redirectProblem(provider, error);
  if (redirect) message = redirect;
  else if (error instanceof APIConnectionTimeoutError) message = `Request timed out after ${LIST_TIMEOUT_MS / 1000} s`;
  else if (error instanceof APIConnectionError) {
    const code = causeCode(error);
    message = code ? `Connection error (${code})` : 'Connection error';
  } else message = error instanceof Error ? error.message : String(error);
  if (secret) message = message.split(secret).join('[redacted]');
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_LENGTH) || 'Unknown error';
}

/**
 * Lists a provider's models through the official SDK. A keyless provider gets
 * no Authorization header at all; environment defaults of the SDK (OpenAI
 * organisation, project, admin key) are switched off so nothing meant for
 * OpenAI goes to another host; redirects are refused so a provider cannot
 * bounce the request to an address the guard would have refused.
 */
async function fetchModels(baseUrl: string, apiKey: string | undefined): Promise<ModelInfoDto[]> {
  const problem = await unsafeBaseUrlProblem(baseUrl);
  if (problem) throw new Error(`The base URL ${problem}`);
  const client = new OpenAI({
    baseURL: baseUrl,
    apiKey: apiKey ?? 'unused',
    adminAPIKey: null,
    organization: null,
    project: null,
    defaultHeaders: apiKey ? undefined : { Authorization: null },
    timeout: LIST_TIMEOUT_MS,
    maxRetries: 0,
    logLevel: 'off',
    fetch: noRedirectFetch,
  });
  const models: ModelInfoDto[] = [];
  for await (const model of client.models.list()) {
    const info = toModelInfo(model as unknown as Record<string, unknown>);
    if (info) models.push(info);
  }
  return models;
}

/** `/api/providers/{name}/test` and `/api/models`: calls out to a provider's models endpoint. */
@Injectable()
export class ProviderModelsService {
  constructor(private readonly providers: ProvidersService) {}

  async test(name: string): Promise<TestProviderResponseDto> {
    const target = await this.providers.target(name);
    const problem = this.missing(target);
    if (problem) return { provider: name, status: 'error', error: problem };
    try {
      const models = await fetchModels(target.baseUrl!, target.apiKey);
      return { provider: name, status: 'ok', models_count: models.length };
    } catch (error) {
      return { provider: name, status: 'error', error: plainError(error, target.apiKey, name) };
    }
  }

  async list(query: ModelsQueryDto, user: AuthUser): Promise<ModelsResponseDto> {
    if (query.base_url !== undefined && !isAdmin(user)) {
      throw new ForbiddenException('base_url is accepted from admins only');
    }
    const name = query.provider ?? (await this.providers.activeName());
    const target = await this.providers.findTarget(name);
    // An admin may list from a base URL before creating the provider.
    if (!target && query.base_url === undefined) throw new NotFoundException(`Provider "${name}" not found`);
    const key = query.key?.trim() || undefined;
    let baseUrl = target?.baseUrl ?? null;
    let apiKey = key ?? target?.apiKey;
    if (query.base_url !== undefined) {
      const problem = await unsafeBaseUrlProblem(query.base_url);
      if (problem) {
        const message = `base_url ${problem}`;
        throw new BadRequestException({ detail: message, errors: [{ field: 'base_url', message }] });
      }
      // The stored key only ever goes to the provider's own base URL.
      if (query.base_url !== baseUrl) apiKey = key;
      baseUrl = query.base_url;
    }

    const defaults = (target?.config.known_models ?? []).map((id) => ({ id }));
    const failure = (error: string): ModelsResponseDto => ({ provider: name, success: false, error, models: defaults });
    if (query.base_url === undefined && target) {
      const problem = key ? undefined : this.missing(target);
      if (problem) return failure(problem);
    }
    if (!baseUrl) return failure(`${name} has no API`);
    try {
      return { provider: name, success: true, models: await fetchModels(baseUrl, apiKey) };
    } catch (error) {
      return failure(plainError(error, apiKey, name));
    }
  }

  /**
   * Why the provider cannot be called as configured (no API; a key it needs is unset, or withheld because a
   * built-in's base_url left its own host), or `undefined`. Nothing is sent then: no keyless request either.
   */
  private missing(target: ProviderTarget): string | undefined {
    if (!target.baseUrl) return `${target.config.name} has no API`;
    return target.keyProblem;
  }
}
