import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { EVENTS, type ProviderChangedEvent } from '../common/events';
import { nowIso } from '../common/time';
import type { AllConfig } from '../config/config.types';
import { env } from '../config/env';
import { SettingsService } from '../system/settings/settings.service';
import { BUILTIN_GENERATOR, BUILTIN_PROVIDERS, builtinProvider } from './builtin-providers';
import type { CreateProviderDto, UpdateProviderDto, UpsertProviderDto } from './dto/provider.dto';
import type {
  DeleteProviderResponseDto,
  ProviderDto,
  ProvidersListResponseDto,
  UseProviderResponseDto,
} from './dto/provider-response.dto';
import type { ProviderConfig, ProviderTarget } from './provider-config';
import { ProviderRecord } from './provider-record.entity';
import {
  apiKeyEnvProblem,
  DEFAULT_JSON_MODE,
  GENERIC_KEY_ENV,
  isReservedKeyEnv,
  providerKeyEnv,
} from './provider-rules';
import { toProviderDto } from './provider.mapper';
import type { ActiveProvider } from './resolved-provider';
import { originOf, sameOrigin } from './url-guard';
import { isUniqueViolation } from '../database/db-errors';

/** How long a process trusts its cached rows; other processes' writes show up within it. */
const CACHE_TTL_MS = 2_000;

function configOf(row: ProviderRecord | undefined, name: string): ProviderConfig | undefined {
  const builtin = builtinProvider(name);
  if (row) {
    return {
      name,
      base_url: row.base_url,
      // The key variable is fixed by the name; a stored row only says whether one is needed
      // (rows written before that rule may name another variable, which is never read).
      api_key_env: row.api_key_env === null ? null : providerKeyEnv(name),
      default_model: row.default_model,
      enabled: row.enabled,
      json_mode: row.json_mode,
      source: builtin ? 'override' : 'custom',
      known_models: builtin?.models ?? [row.default_model],
    };
  }
  if (!builtin) return undefined;
  return {
    ...builtin,
    enabled: true,
    json_mode: builtin.json_mode ?? DEFAULT_JSON_MODE,
    source: 'builtin',
    known_models: builtin.models,
  };
}

/** Why jobs cannot call this provider (then the builtin generator runs), or `undefined`. */
function unusableReason(target: ProviderTarget): string | undefined {
  const { config } = target;
  if (config.name === BUILTIN_GENERATOR) return 'builtin is the offline generator';
  if (!config.enabled) return `Provider "${config.name}" is disabled`;
  if (!target.baseUrl) return `Provider "${config.name}" has no base URL`;
  return target.keyProblem;
}

/** 400 unless `value` may be the `api_key_env` of provider `name` (null, or the variable named after it). */
function assertKeyEnv(name: string, value: string | null | undefined): void {
  if (value === undefined || value === null) return;
  const problem = apiKeyEnvProblem(name, value);
  if (problem === undefined) return;
  const message = `api_key_env ${problem}`;
  throw new BadRequestException({ detail: message, errors: [{ field: 'api_key_env', message }] });
}

/**
 * The provider registry: the built-in list merged with the `providers` table,
 * the active provider (the `llm_provider` setting) and key resolution. Key
 * values stay inside this process: responses only say whether one is set.
 *
 * The key rule (README "Provider keys"): a provider's key comes only from the
 * variable named after it (`providerKeyEnv`), or from LLM_API_KEY for the
 * provider LLM_PROVIDER named when this process started. A built-in's key (and
 * LLM_API_KEY) goes only to the URL the operator chose: the built-in's own
 * scheme+host+port, or LLM_BASE_URL. A custom provider's own key follows its
 * base_url: whoever sets `<NAME>_API_KEY` decides what that provider is.
 */
@Injectable()
export class ProvidersService {
  private cache?: { rows: Map<string, ProviderRecord>; at: number };
  /** Bumped by every write, so a read that raced a write does not cache what it read. */
  private generation = 0;
  /** LLM_PROVIDER as this process started: the one provider LLM_API_KEY may belong to. */
  private readonly bootProvider: string;

  constructor(
    @InjectRepository(ProviderRecord) private readonly repo: Repository<ProviderRecord>,
    private readonly settings: SettingsService,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly events: EventEmitter2,
  ) {
    this.bootProvider = this.config.get('llm', { infer: true }).provider;
    this.settings.registerCheck('llm_provider', async (name) =>
      (await this.findTarget(name))
        ? undefined
        : `llm_provider must name a registered provider (see /api/providers); "${name}" is not one`,
    );
  }

  /** The provider jobs should use now, or why none is usable. Cheap enough to call before every LLM call. */
  async active(): Promise<ActiveProvider> {
    return this.resolve(await this.activeName());
  }

  /** A named provider, resolved like the active one (the LLM_* overrides apply only if it is the active one). */
  async resolve(name: string): Promise<ActiveProvider> {
    const target = await this.findTarget(name);
    if (!target) return { usable: false, name, reason: `Provider "${name}" is not registered` };
    const reason = unusableReason(target);
    if (reason !== undefined || target.baseUrl === null)
      return { usable: false, name, reason: reason ?? 'no base URL' };
    return {
      usable: true,
      provider: {
        name,
        baseUrl: target.baseUrl,
        apiKey: target.apiKey,
        defaultModel: target.defaultModel,
        jsonMode: target.config.json_mode,
      },
    };
  }

  async list(): Promise<ProvidersListResponseDto> {
    const activeName = await this.activeName();
    const rows = await this.rows();
    const names = [
      ...BUILTIN_PROVIDERS.map((p) => p.name),
      ...[...rows.keys()].filter((name) => !builtinProvider(name)).sort(),
    ];
    const providers: Record<string, ProviderDto> = {};
    for (const name of names) {
      providers[name] = toProviderDto(this.targetOf(configOf(rows.get(name), name)!, activeName));
    }
    return { active: activeName, providers };
  }

  /** One provider (built-in or custom) as the list shows it. */
  async get(name: string): Promise<ProviderDto> {
    const target = await this.findTarget(name);
    if (!target) throw new NotFoundException(`Provider "${name}" not found`);
    return toProviderDto(target);
  }

  async create(dto: CreateProviderDto, by: AuthUser): Promise<ProviderDto> {
    assertKeyEnv(dto.name, dto.api_key_env);
    if (builtinProvider(dto.name)) {
      throw new ConflictException(`Provider "${dto.name}" already exists (built-in); change it with PATCH`);
    }
    // Checked first so the common case does not log a failed query; the catch covers a concurrent create.
    if (await this.repo.existsBy({ name: dto.name }))
      throw new ConflictException(`Provider "${dto.name}" already exists`);
    const now = nowIso();
    try {
      await this.repo.insert({ ...this.fields(dto), name: dto.name, created_at: now, updated_at: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`Provider "${dto.name}" already exists`);
      throw error;
    }
    return this.changed('created', dto.name, by);
  }

  /** Creates a custom provider or replaces its config; for a built-in, stores an override. */
  async upsert(name: string, dto: UpsertProviderDto, by: AuthUser): Promise<ProviderDto> {
    this.assertChangeable(name);
    assertKeyEnv(name, dto.api_key_env);
    const existing = await this.repo.findOneBy({ name });
    const builtin = builtinProvider(name);
    const now = nowIso();
    await this.repo.save({
      ...this.fields(dto),
      // An override that leaves out api_key_env keeps the built-in's variable rather than making it keyless.
      ...(dto.api_key_env === undefined && builtin ? { api_key_env: builtin.api_key_env } : {}),
      ...(dto.json_mode === undefined && builtin ? { json_mode: builtin.json_mode ?? DEFAULT_JSON_MODE } : {}),
      name,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    });
    const existed = Boolean(existing ?? builtin);
    return this.changed(existed ? 'updated' : 'created', name, by);
  }

  async update(name: string, dto: UpdateProviderDto, by: AuthUser): Promise<ProviderDto> {
    const current = await this.requireConfig(name);
    this.assertChangeable(name);
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadRequestException({ detail: 'Nothing to update', errors: [] });
    }
    assertKeyEnv(name, dto.api_key_env);
    const existing = await this.repo.findOneBy({ name });
    const now = nowIso();
    await this.repo.save({
      name,
      base_url: dto.base_url ?? current.base_url ?? '',
      // null is meaningful here: the provider needs no key.
      api_key_env: dto.api_key_env === undefined ? current.api_key_env : dto.api_key_env,
      default_model: dto.default_model ?? current.default_model,
      enabled: dto.enabled ?? current.enabled,
      json_mode: dto.json_mode ?? current.json_mode,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    });
    return this.changed('updated', name, by);
  }

  async remove(name: string, by: AuthUser): Promise<DeleteProviderResponseDto> {
    if (builtinProvider(name)) {
      throw new BadRequestException(
        `Provider "${name}" is built in and cannot be deleted; PATCH it to change or disable it`,
      );
    }
    await this.requireConfig(name);
    if ((await this.activeName()) === name) {
      throw new ConflictException(`Provider "${name}" is the active provider; use another one first`);
    }
    await this.repo.delete({ name });
    this.invalidate();
    this.emit('deleted', name, by);
    return { deleted: true, name };
  }

  /** Makes `name` the active provider: persisted in settings and mirrored into `.env` as LLM_PROVIDER. */
  async use(name: string, by: AuthUser): Promise<UseProviderResponseDto> {
    const config = await this.requireConfig(name);
    if (!config.enabled) throw new BadRequestException(`Provider "${name}" is disabled; enable it first`);
    await this.settings.update({ llm_provider: name }, by);
    this.invalidate();
    this.emit('activated', name, by);
    const state = await this.resolve(name);
    return state.usable ? { active: name, usable: true } : { active: name, usable: false, reason: state.reason };
  }

  /** Forgets custom providers and built-in overrides (used by wipe). */
  async reset(): Promise<void> {
    await this.repo.clear();
    this.invalidate();
  }

  /** The provider as it would be called now; the active one when no name is given. 404 when unknown. */
  async target(name?: string): Promise<ProviderTarget> {
    const resolved = name ?? (await this.activeName());
    const target = await this.findTarget(resolved);
    if (!target) throw new NotFoundException(`Provider "${resolved}" not found`);
    return target;
  }

  async findTarget(name: string): Promise<ProviderTarget | undefined> {
    const config = configOf((await this.rows()).get(name), name);
    return config && this.targetOf(config, await this.activeName());
  }

  private targetOf(config: ProviderConfig, activeName: string): ProviderTarget {
    const llm = this.config.get('llm', { infer: true });
    const active = config.name === activeName;
    if (config.name === BUILTIN_GENERATOR) {
      return { config, active, baseUrl: null, defaultModel: config.default_model, apiKey: undefined };
    }
    const envBaseUrl = active ? llm.baseUrl : undefined;
    const baseUrl = envBaseUrl ?? config.base_url;
    return {
      config,
      active,
      baseUrl,
      defaultModel: (active ? llm.model : undefined) ?? config.default_model,
      ...this.keyOf(config, baseUrl, envBaseUrl !== undefined),
    };
  }

  /**
   * The key sent to `baseUrl`, or why there is none. `fromEnv`: the URL is
   * LLM_BASE_URL, which only the operator sets.
   */
  private keyOf(
    config: ProviderConfig,
    baseUrl: string | null,
    fromEnv: boolean,
  ): Pick<ProviderTarget, 'apiKey' | 'keyProblem'> {
    const variable = config.api_key_env;
    if (!variable) return { apiKey: undefined };
    const builtinUrl = builtinProvider(config.name)?.base_url ?? null;
    // A URL the operator chose, not one set through the API.
    const operatorUrl = fromEnv || (builtinUrl !== null && baseUrl !== null && sameOrigin(baseUrl, builtinUrl));
    if (builtinUrl !== null && !operatorUrl) {
      return {
        apiKey: undefined,
        keyProblem:
          `${variable} is sent only to ${originOf(builtinUrl)}, ${config.name}'s own host, and base_url now points at ` +
          `${(baseUrl && originOf(baseUrl)) || 'another host'}; set base_url back to that host, or add a custom provider for the other one`,
      };
    }
    // ADMIN_API_KEY / LLM_API_KEY are never a provider's own key (rows named "admin" or "llm" from before the rule).
    const own = isReservedKeyEnv(variable) ? undefined : env(variable);
    if (own) return { apiKey: own };
    const generic = config.name === this.bootProvider ? this.config.get('llm', { infer: true }).apiKey : undefined;
    if (generic && operatorUrl) return { apiKey: generic };
    if (generic) {
      return {
        apiKey: undefined,
        keyProblem: `${variable} is not set (${GENERIC_KEY_ENV} is sent only to LLM_BASE_URL or to a built-in provider's own host)`,
      };
    }
    if (isReservedKeyEnv(variable)) {
      return {
        apiKey: undefined,
        keyProblem: `${variable} is never read as a provider's own key; rename the provider`,
      };
    }
    return { apiKey: undefined, keyProblem: `${variable} is not set` };
  }

  /** The `llm_provider` setting. */
  activeName(): Promise<string> {
    return this.settings.get('llm_provider');
  }

  private async requireConfig(name: string): Promise<ProviderConfig> {
    const config = configOf((await this.rows()).get(name), name);
    if (!config) throw new NotFoundException(`Provider "${name}" not found`);
    return config;
  }

  private assertChangeable(name: string): void {
    if (name === BUILTIN_GENERATOR) {
      throw new BadRequestException('builtin is the offline generator and cannot be changed');
    }
  }

  private fields(
    dto: UpsertProviderDto,
  ): Pick<ProviderRecord, 'base_url' | 'api_key_env' | 'default_model' | 'enabled' | 'json_mode'> {
    return {
      base_url: dto.base_url,
      api_key_env: dto.api_key_env ?? null,
      default_model: dto.default_model,
      enabled: dto.enabled ?? true,
      json_mode: dto.json_mode ?? DEFAULT_JSON_MODE,
    };
  }

  private async changed(action: 'created' | 'updated', name: string, by: AuthUser): Promise<ProviderDto> {
    this.invalidate();
    this.emit(action, name, by);
    return toProviderDto((await this.findTarget(name))!);
  }

  private emit(action: ProviderChangedEvent['action'], name: string, by: AuthUser): void {
    const event: ProviderChangedEvent = { action, name, by };
    this.events.emit(EVENTS.providerChanged, event);
  }

  private invalidate(): void {
    this.generation++;
    this.cache = undefined;
  }

  private async rows(): Promise<Map<string, ProviderRecord>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_TTL_MS) return this.cache.rows;
    const generation = this.generation;
    const rows = new Map((await this.repo.find()).map((row) => [row.name, row]));
    if (generation === this.generation) this.cache = { rows, at: Date.now() };
    return rows;
  }
}
