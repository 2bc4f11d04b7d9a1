import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { EVENTS, type LlmCallEvent } from '../common/events';
import { nowIso } from '../common/time';
import type { AllConfig } from '../config/config.types';
import { BudgetService, utcDay } from '../costs/budget.service';
import { costOf, priceOf } from '../costs/model-prices';
import type { GeneratedFile } from '../pipeline/generator/app-spec';
import type { ResolvedProvider } from '../providers/resolved-provider';
import { ProvidersService } from '../providers/providers.service';
import { SettingsService } from '../system/settings/settings.service';
import { parseFilesReply, type PathPolicy } from './file-reply';
import { LlmCallError, LlmReplyError, LlmUnavailableError } from './llm.errors';

export interface LlmRequest {
  /** Who is asking: recorded on every cost row. */
  agent: string;
  teamId: string;
  jobSlug?: string;
  phase?: string;
  /** The agent's model; empty → the provider's default. */
  model?: string;
  system: string;
  user: string;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  /** Told about retries and the switch to the fallback model (job logs). */
  onNotice?: (message: string) => void | Promise<void>;
}

export interface LlmResponse {
  content: string;
  provider: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  /** Cost of every attempt this request made. */
  costUsd: number;
}

interface AttemptOutcome {
  response?: OpenAI.Chat.Completions.ChatCompletion;
  error?: unknown;
}

const DEFAULT_MAX_TOKENS = 4096;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A signal for one HTTP attempt that follows the job's signal. The SDK
 * listens on it; detaching it afterwards keeps listeners from piling up on the
 * long-lived job signal.
 */
function attemptSignal(parent?: AbortSignal): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  if (!parent) return { signal: controller.signal, release: () => undefined };
  const follow = () => controller.abort(parent.reason);
  if (parent.aborted) follow();
  else parent.addEventListener('abort', follow, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener('abort', follow) };
}

/** 429, 5xx, timeouts and dropped connections are worth another try. */
function isRetryable(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionTimeoutError) return true;
  if (error instanceof APIError) return error.status === undefined || error.status === 429 || error.status >= 500;
  return false;
}

function outcomeOf(error: unknown): string {
  if (error instanceof APIUserAbortError) return 'aborted';
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIError) return error.status ? `http_${error.status}` : 'connection_error';
  return 'error';
}

/** Seconds or an HTTP date, capped at 60 s. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = error instanceof APIError ? (error.headers as Headers | undefined) : undefined;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : undefined;
}

/** A provider error as a plain sentence (never the key or a stack). */
function describe(error: unknown): string {
  if (error instanceof APIConnectionTimeoutError) return 'the request timed out';
  if (error instanceof APIError)
    return error.status ? `HTTP ${error.status}: ${error.message.slice(0, 200)}` : 'connection failed';
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}

/**
 * Every LLM call in the service goes through here: provider and model
 * resolution, the daily budget, retries with backoff, the fallback model, and
 * one cost record per HTTP attempt.
 */
@Injectable()
export class LlmService {
  private readonly logger = new Logger('LLM');
  private readonly clients = new Map<string, OpenAI>();

  constructor(
    private readonly providers: ProvidersService,
    private readonly budget: BudgetService,
    private readonly settings: SettingsService,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly events: EventEmitter2,
  ) {}

  /** The provider to use now; throws LlmUnavailableError with the reason when there is none. */
  async provider(): Promise<ResolvedProvider> {
    const active = await this.providers.active();
    if (!active.usable) throw new LlmUnavailableError(active.reason);
    return active.provider;
  }

  async complete(request: LlmRequest, messages?: ChatCompletionMessageParam[]): Promise<LlmResponse> {
    const provider = await this.provider();
    const primary = request.model?.trim() || provider.defaultModel;
    const conversation = messages ?? [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    const total = { cost: 0 };
    let lastError: unknown;
    try {
      return await this.withRetries(provider, primary, conversation, request, total);
    } catch (error) {
      if (!isRetryable(error)) throw this.wrap(error, request);
      lastError = error;
    }
    const fallback = (await this.settings.get('smart_model_fallback')).trim();
    if (!fallback || fallback === primary)
      throw new LlmCallError(`${provider.name} failed after retries: ${describe(lastError)}`);
    await request.onNotice?.(
      `Model ${primary} kept failing (${describe(lastError)}); switching to fallback model ${fallback}`,
    );
    this.logger.warn(`${request.agent}: switching from ${primary} to fallback ${fallback}`);
    try {
      return await this.attemptOnce(provider, fallback, conversation, request, total);
    } catch (error) {
      throw this.wrap(error, request, `the fallback model ${fallback} also failed`);
    }
  }

  /**
   * Asks for `{ "files": [...] }`, validates it against the policy, and on a
   * bad reply retries once with the validation error.
   */
  async generateFiles(
    request: LlmRequest,
    policy: PathPolicy,
  ): Promise<{ files: GeneratedFile[]; response: LlmResponse }> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    let response = await this.complete(request, messages);
    let cost = response.costUsd;
    try {
      return { files: parseFilesReply(response.content, policy), response };
    } catch (firstError) {
      const problem = (firstError as Error).message;
      await request.onNotice?.(`Reply rejected (${problem}); asking once more`);
      messages.push(
        { role: 'assistant', content: response.content.slice(0, 20_000) },
        {
          role: 'user',
          content: `Your reply could not be used: ${problem}. Reply again with ONLY a JSON object {"files": [{"path": "...", "content": "..."}]} where every path is allowed (${policy.description}).`,
        },
      );
      response = await this.complete(request, messages);
      cost += response.costUsd;
      try {
        return { files: parseFilesReply(response.content, policy), response: { ...response, costUsd: cost } };
      } catch (secondError) {
        const error = new LlmReplyError(`The model's reply was invalid twice: ${(secondError as Error).message}`);
        (error as LlmReplyError & { costUsd?: number }).costUsd = cost;
        throw error;
      }
    }
  }

  private async withRetries(
    provider: ResolvedProvider,
    model: string,
    messages: ChatCompletionMessageParam[],
    request: LlmRequest,
    total: { cost: number },
  ): Promise<LlmResponse> {
    const { maxRetries, retryBaseMs } = this.config.get('llm', { infer: true });
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attemptOnce(provider, model, messages, request, total);
      } catch (error) {
        if (!isRetryable(error) || attempt >= maxRetries) throw error;
        const delay = retryAfterMs(error) ?? retryBaseMs * 2 ** attempt;
        await request.onNotice?.(`${describe(error)}; retrying in ${(delay / 1000).toFixed(1)} s`);
        await sleep(delay, request.signal);
      }
    }
  }

  /** One HTTP request: budget reservation, the call, and its cost record. */
  private async attemptOnce(
    provider: ResolvedProvider,
    model: string,
    messages: ChatCompletionMessageParam[],
    request: LlmRequest,
    total: { cost: number },
  ): Promise<LlmResponse> {
    request.signal?.throwIfAborted();
    const price = priceOf(provider.name, model);
    const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
    const promptChars = messages.reduce((sum, m) => sum + (typeof m.content === 'string' ? m.content.length : 0), 0);
    const estimate = costOf(price, Math.ceil(promptChars / 3), maxTokens);
    const reservation = await this.budget.reserve(estimate);

    const started = Date.now();
    const outcome: AttemptOutcome = {};
    const attempt = attemptSignal(request.signal);
    try {
      outcome.response = await this.client(provider).chat.completions.create(
        { model, messages, temperature: request.temperature, max_tokens: maxTokens },
        { signal: attempt.signal, timeout: this.config.get('llm.timeoutMs', { infer: true }), maxRetries: 0 },
      );
    } catch (error) {
      outcome.error = error;
    } finally {
      attempt.release();
    }
    const latency = Date.now() - started;
    // OpenRouter adds the call's price to `usage.cost`.
    const usage: (OpenAI.CompletionUsage & { cost?: number }) | undefined = outcome.response?.usage;
    const tokensIn = usage?.prompt_tokens ?? 0;
    const tokensOut = usage?.completion_tokens ?? 0;
    const reported = typeof usage?.cost === 'number' && Number.isFinite(usage.cost) ? usage.cost : undefined;
    const cost = reported ?? costOf(price, tokensIn, tokensOut);
    const record = await this.budget.settle(reservation, {
      created_at: nowIso(),
      day: utcDay(),
      job_slug: request.jobSlug ?? null,
      team_id: request.teamId,
      phase: request.phase ?? null,
      agent: request.agent,
      provider: provider.name,
      model,
      tokens_in: tokensIn,
      tokens_out: tokensOut,
      cost_usd: cost,
      cost_source: reported !== undefined ? 'provider' : price.known ? 'table' : 'default',
      latency_ms: latency,
      outcome: outcome.error ? outcomeOf(outcome.error) : 'ok',
    });
    total.cost += cost;
    // Awaited so the job's running cost is up to date when the call returns.
    await this.events.emitAsync(EVENTS.llmCall, {
      job_slug: record.job_slug,
      team_id: record.team_id,
      phase: record.phase,
      agent: record.agent,
      provider: record.provider,
      model,
      tokens_in: tokensIn,
      tokens_out: tokensOut,
      cost_usd: cost,
      latency_ms: latency,
      outcome: record.outcome,
    } satisfies LlmCallEvent);
    if (!price.known && reported === undefined) {
      await request.onNotice?.(`Model ${model} has no known price; charged the conservative default rate`);
    }
    if (outcome.error)
      throw outcome.error instanceof Error ? outcome.error : new LlmCallError('the provider call failed');
    const content = outcome.response?.choices[0]?.message?.content ?? '';
    return { content, provider: provider.name, model, tokensIn, tokensOut, costUsd: total.cost };
  }

  private client(provider: ResolvedProvider): OpenAI {
    const key = `${provider.baseUrl}\u0000${provider.apiKey ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      // Keyless providers (ollama) still need a non-empty key for the SDK.
      // organization/project/adminAPIKey are nulled so OPENAI_* variables of the host never travel to another provider.
      client = new OpenAI({
        baseURL: provider.baseUrl,
        apiKey: provider.apiKey ?? 'not-needed',
        maxRetries: 0,
        organization: null,
        project: null,
        adminAPIKey: null,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  private wrap(error: unknown, request: LlmRequest, prefix?: string): Error {
    if (error instanceof APIUserAbortError || request.signal?.aborted)
      return request.signal?.reason instanceof Error ? request.signal.reason : new Error('aborted');
    if (
      error instanceof LlmCallError ||
      error instanceof LlmUnavailableError ||
      (error instanceof Error && error.name === 'BudgetExceededError')
    )
      return error;
    return new LlmCallError(`${prefix ? `${prefix}: ` : ''}${describe(error)}`);
  }
}
