import { BadRequestException, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { updateEnvFile } from '../../common/env-file';
import { EVENTS, type SettingsChangedEvent } from '../../common/events';
import type { FieldError } from '../../common/errors/validation.pipe';
import { nowIso } from '../../common/time';
import type { AllConfig } from '../../config/config.types';
import { SETTING_DEFINITIONS, settingDefinition } from './setting-definitions';
import { Setting } from './setting.entity';

/** How long a process trusts its cached copy; other processes' writes show up within it. */
const CACHE_TTL_MS = 2_000;

/** The one reader and writer of runtime settings, for every module. */
@Injectable()
export class SettingsService implements OnModuleInit {
  private readonly logger = new Logger(SettingsService.name);
  private cache?: { values: Record<string, string>; at: number };
  /** Checks other modules add for values only they can judge (a provider name must be registered). */
  private readonly checks = new Map<string, (value: string) => Promise<string | undefined>>();

  constructor(
    @InjectRepository(Setting) private readonly repo: Repository<Setting>,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly events: EventEmitter2,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seed();
  }

  /** Inserts every missing setting: the value from the environment when valid, else the default. */
  async seed(fromEnvironment = true): Promise<void> {
    const now = nowIso();
    const rows = SETTING_DEFINITIONS.map((def) => ({
      key: def.key,
      value: fromEnvironment ? this.initialValue(def.key) : def.defaultValue,
      updated_at: now,
    }));
    await this.repo.createQueryBuilder().insert().into(Setting).values(rows).orIgnore().execute();
    this.cache = undefined;
  }

  /** Every setting as strings, in definition order. */
  async getAll(): Promise<Record<string, string>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_TTL_MS) return { ...this.cache.values };
    const rows = await this.repo.find();
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const values: Record<string, string> = {};
    for (const def of SETTING_DEFINITIONS) values[def.key] = stored.get(def.key) ?? def.defaultValue;
    this.cache = { values, at: Date.now() };
    return { ...values };
  }

  async get(key: string): Promise<string> {
    return (await this.getAll())[key] ?? '';
  }

  async getNumber(key: string): Promise<number> {
    return Number(await this.get(key));
  }

  async getList(key: string): Promise<string[]> {
    return (await this.get(key))
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  /**
   * Validates every given key first (nothing is written when one is bad),
   * then saves them in one transaction and mirrors them into `.env`.
   */
  /** Adds a check a value of `key` must pass; it returns the problem to report as a 400, if any. */
  registerCheck(key: string, check: (value: string) => Promise<string | undefined>): void {
    this.checks.set(key, check);
  }

  async update(input: Record<string, unknown>, by: AuthUser): Promise<Record<string, string>> {
    const changes = this.validate(input);
    const errors: FieldError[] = [];
    for (const [key, value] of Object.entries(changes)) {
      const problem = await this.checks.get(key)?.(value);
      if (problem) errors.push({ field: key, message: problem });
    }
    if (errors.length)
      throw new BadRequestException({
        detail: `Validation failed: ${errors.map((e) => e.message).join('; ')}`,
        errors,
      });
    const now = nowIso();
    await this.repo.manager.transaction(async (manager) => {
      for (const [key, value] of Object.entries(changes)) {
        await manager.upsert(Setting, { key, value, updated_at: now }, ['key']);
      }
    });
    this.cache = undefined;
    await this.mirrorToEnvFile(changes);
    const event: SettingsChangedEvent = { changes, by };
    this.events.emit(EVENTS.settingsChanged, event);
    return this.getAll();
  }

  /** Back to the defaults (used by wipe). */
  async reset(): Promise<void> {
    await this.repo.clear();
    // The built-in defaults, also in `.env`, so a restart does not bring the saved values back.
    await this.seed(false);
    await this.mirrorToEnvFile(Object.fromEntries(SETTING_DEFINITIONS.map((def) => [def.key, def.defaultValue])));
  }

  private validate(input: Record<string, unknown>): Record<string, string> {
    const errors: FieldError[] = [];
    const changes: Record<string, string> = {};
    const entries = Object.entries(input ?? {}).filter(([, value]) => value !== undefined);
    if (!entries.length) throw new BadRequestException({ detail: 'No settings given', errors: [] });
    for (const [key, raw] of entries) {
      const def = settingDefinition(key);
      if (!def) {
        errors.push({ field: key, message: `${key} is not a known setting` });
        continue;
      }
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        errors.push({ field: key, message: `${key} must be a string or a number` });
        continue;
      }
      try {
        changes[key] = def.parse(String(raw).trim());
      } catch (error) {
        errors.push({ field: key, message: `${key} ${(error as Error).message}` });
      }
    }
    if (errors.length) {
      throw new BadRequestException({ detail: `Invalid settings: ${errors.map((e) => e.message).join('; ')}`, errors });
    }
    return changes;
  }

  private initialValue(key: string): string {
    const def = settingDefinition(key)!;
    const fromEnv = process.env[def.envVar]?.trim();
    if (!fromEnv) return def.defaultValue;
    try {
      return def.parse(fromEnv);
    } catch (error) {
      this.logger.warn(`Ignoring ${def.envVar}: ${(error as Error).message}`);
      return def.defaultValue;
    }
  }

  private async mirrorToEnvFile(changes: Record<string, string>): Promise<void> {
    const updates: Record<string, string> = {};
    for (const [key, value] of Object.entries(changes)) updates[settingDefinition(key)!.envVar] = value;
    try {
      await updateEnvFile(this.config.get('app.envFile', { infer: true }), updates);
    } catch (error) {
      // The database is the source of truth; a read-only .env must not fail the request.
      this.logger.warn(`Could not mirror settings into .env: ${(error as Error).message}`);
    }
  }
}
