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
import { noRedirectFetch, redirectProblem } from '../providers/no-redirect-fetch';
import type { GeneratedFile } from '../pipeline/generator/app-spec';
import type { ResolvedProvider } from '../providers/resolved-provider';
import { ProvidersService } from '../providers/providers.service';
import { SettingsService } from '../system/settings/settings.service';
import { MissingFilesError, parseFilesReply, salvageFiles, type PathPolicy } from './file-reply';
import { LlmCallError, LlmReplyError, LlmTruncatedError, LlmUnavailableError } from './llm.errors';

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
  /** Told about retries, the switch to the fallback model, dropped files and over-reported usage (job logs). */
  onNotice?: (message: string) => void | Promise<void>;
  /**
   * `files`: ask for the `{ "files": [...] }` JSON through `response_format`
   * (as the provider's json_mode allows); `text`: no `response_format`.
   * Default: files for generateFiles, text for complete.
   */
  responseFormat?: 'files' | 'text';
}

export interface LlmResponse {
  content: string;
  provider: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  /** Cost of every attempt this request made. */
  costUsd: number;
  /** The provider's `finish_reason` (`stop`, `length` when cut at max_tokens, …); null when it sent none. */
  finishReason: string | null;
}

interface AttemptOutcome {
  response?: OpenAI.Chat.Completions.ChatCompletion;
  error?: unknown;
}

const DEFAULT_MAX_TOKENS = 4096;
/** Tokens a chat format adds per message (role markers) on top of the text. */
const TOKENS_PER_MESSAGE = 8;

/** The `{ "files": [{ "path", "content" }] }` schema, for providers with structured outputs (json_mode json_schema). */
const FILES_SCHEMA = {
  type: 'object',
  properties: {
    files: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, content: { type: 'string' } },
        required: ['path', 'content'],
        additionalProperties: false,
      },
    },
  },
  required: ['files'],
  additionalProperties: false,
};

/** The `response_format` of a request, or `undefined` for none. */
function responseFormatOf(
  request: LlmRequest,
  provider: ResolvedProvider,
): OpenAI.Chat.Completions.ChatCompletionCreateParams['response_format'] {
  if (request.responseFormat !== 'files' || provider.jsonMode === 'off') return undefined;
  if (provider.jsonMode === 'json_schema')
    return { type: 'json_schema', json_schema: { name: 'files', strict: true, schema: FILES_SCHEMA } };
  return { type: 'json_object' };
}

/** A 400 that names the JSON mode this request asked for: the provider does not support it. */
function refusedJsonMode(error: unknown, request: LlmRequest, provider: ResolvedProvider): boolean {
  return (
    error instanceof APIError &&
    error.status === 400 &&
    responseFormatOf(request, provider) !== undefined &&
    /response_format|json_object|json_schema|json mode/i.test(error.message)
  );
}

/** Why a 2xx body is not a chat completion, or `undefined` when it is one. */
function malformed(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() ? 'the body is not JSON' : 'the body is empty';
  if (!body || typeof body !== 'object') return 'the body is empty';
  const { choices, error } = body as { choices?: unknown; error?: { message?: unknown } };
  if (Array.isArray(choices) && choices.length && choices[0] && typeof choices[0] === 'object') return undefined;
  if (error && typeof error.message === 'string') return `an error: ${error.message.slice(0, 200)}`;
  return 'no "choices"';
}

/** A finite number of at least 0 (a usage figure a provider reported), else undefined. */
function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

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
  if (error instanceof LlmCallError) return 'invalid_reply';
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
   * Asks for `{ "files": [...] }` (with `response_format` as the provider's
   * json_mode allows) and validates it against the policy. Files outside the
   * policy are dropped and reported through onNotice; an unsafe path, bad JSON
   * or missing required files cost one corrective retry that says what was
   * wrong (for missing files it asks for those only and keeps the rest). A
   * reply cut at max_tokens is never parsed as complete: LlmTruncatedError,
   * with the files that were complete before the cut.
   */
  async generateFiles(
    request: LlmRequest,
    policy: PathPolicy,
  ): Promise<{ files: GeneratedFile[]; response: LlmResponse }> {
    const filesRequest: LlmRequest = { ...request, responseFormat: request.responseFormat ?? 'files' };
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    let response = await this.complete(filesRequest, messages);
    let cost = response.costUsd;
    this.assertComplete(response, request, policy, cost, []);
    let kept: GeneratedFile[] = [];
    let retryPolicy = policy;
    let problem: string;
    let ask: string;
    try {
      const reply = parseFilesReply(response.content, policy);
      await this.reportDropped(reply.dropped, policy, request);
      return { files: reply.files, response };
    } catch (error) {
      problem = (error as Error).message;
      if (error instanceof MissingFilesError) {
        kept = error.reply.files;
        await this.reportDropped(error.reply.dropped, policy, request);
        retryPolicy = { ...policy, required: error.missing };
        ask =
          `Reply again with ONLY a JSON object {"files": [{"path": "...", "content": "..."}]} holding the missing ` +
          `file(s): ${error.missing.join(', ')}. The ${kept.length} other file(s) you sent are kept.`;
      } else {
        const required = policy.required?.length ? ` It must contain: ${policy.required.join(', ')}.` : '';
        ask =
          `Reply again with ONLY a JSON object {"files": [{"path": "...", "content": "..."}]} where every path is ` +
          `allowed (${policy.description}).${required}`;
      }
    }
    await request.onNotice?.(`Reply rejected (${problem}); asking once more`);
    messages.push(
      { role: 'assistant', content: response.content.slice(0, 20_000) },
      { role: 'user', content: `Your reply could not be used: ${problem}. ${ask}` },
    );
    response = await this.complete(filesRequest, messages);
    cost += response.costUsd;
    this.assertComplete(response, request, retryPolicy, cost, kept);
    try {
      const reply = parseFilesReply(response.content, retryPolicy);
      await this.reportDropped(reply.dropped, retryPolicy, request);
      const files = new Map([...kept, ...reply.files].map((file) => [file.path, file]));
      return { files: [...files.values()], response: { ...response, costUsd: cost } };
    } catch (secondError) {
      throw new LlmReplyError(`The model's reply was invalid twice: ${(secondError as Error).message}`, cost);
    }
  }

  /** Throws LlmTruncatedError when the reply was cut at max_tokens. */
  private assertComplete(
    response: LlmResponse,
    request: LlmRequest,
    policy: PathPolicy,
    cost: number,
    kept: readonly GeneratedFile[],
  ): void {
    if (response.finishReason !== 'length') return;
    const salvaged = salvageFiles(response.content, policy);
    const files = [...new Map([...kept, ...salvaged].map((file) => [file.path, file])).values()];
    const requested = policy.required?.length ? ` of ${policy.required.length} requested` : '';
    throw new LlmTruncatedError(
      `The model's reply was cut off at max_tokens (${request.maxTokens ?? DEFAULT_MAX_TOKENS} tokens) after ` +
        `${files.length} complete file(s)${requested}`,
      cost,
      files,
      policy.required,
    );
  }

  private async reportDropped(dropped: readonly string[], policy: PathPolicy, request: LlmRequest): Promise<void> {
    if (!dropped.length) return;
    const shown = dropped.slice(0, 10).join(', ') + (dropped.length > 10 ? `, … (${dropped.length} in all)` : '');
    const message = `Dropped ${dropped.length} file(s) outside the allowed paths (${policy.description}): ${shown}`;
    this.logger.warn(`${request.agent}: ${message}`);
    await request.onNotice?.(message);
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
    const price = priceOf(model);
    const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
    const responseFormat = responseFormatOf(request, provider);
    // A JSON schema counts as prompt too.
    const promptChars = messages.reduce(
      (sum, m) => sum + (typeof m.content === 'string' ? m.content.length : 0),
      responseFormat ? JSON.stringify(responseFormat).length : 0,
    );
    // The worst case: the prompt (about 3 characters a token) plus every token max_tokens allows.
    const estimate = costOf(price, Math.ceil(promptChars / 3), maxTokens);
    const reservation = await this.budget.reserve(estimate);

    const started = Date.now();
    const outcome: AttemptOutcome = {};
    const attempt = attemptSignal(request.signal);
    try {
      const { data, response } = await this.client(provider)
        .chat.completions.create(
          {
            model,
            messages,
            temperature: request.temperature,
            max_tokens: maxTokens,
            response_format: responseFormat,
          },
          { signal: attempt.signal, timeout: this.config.get('llm.timeoutMs', { infer: true }), maxRetries: 0 },
        )
        .withResponse();
      const problem = malformed(data);
      if (problem) {
        const type = response.headers.get('content-type')?.split(';')[0] || 'no content type';
        outcome.error = new LlmCallError(
          `Provider "${provider.name}" sent an unexpected reply (HTTP ${response.status}, ${type}): ${problem}`,
        );
      } else outcome.response = data;
    } catch (error) {
      outcome.error = error;
    } finally {
      attempt.release();
    }
    const latency = Date.now() - started;
    // OpenRouter adds the call's price to `usage.cost`.
    const usage: (OpenAI.CompletionUsage & { cost?: number }) | undefined = outcome.response?.usage;
    // Negative or non-numeric figures count as none: a provider must never lower the day's recorded spend.
    const tokensIn = nonNegative(Number(usage?.prompt_tokens)) ?? 0;
    const tokensOut = nonNegative(Number(usage?.completion_tokens)) ?? 0;
    const reported = nonNegative(usage?.cost);
    // A token is at least one character: more prompt tokens than that, or more completion tokens than
    // max_tokens, cannot be true. Such a call is charged at most the worst case it reserved.
    const impossibleTokens =
      tokensOut > maxTokens || tokensIn > promptChars + TOKENS_PER_MESSAGE * (messages.length + 1);
    const reportedCost = reported ?? costOf(price, tokensIn, tokensOut);
    // A price the provider states is what it bills: recorded as stated (the next call then meets the limit),
    // but flagged when it is above the reserved worst case.
    const overReported = impossibleTokens || reportedCost > estimate;
    const cost = impossibleTokens ? Math.min(reportedCost, estimate) : reportedCost;
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
      over_reported: overReported,
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
    if (overReported) {
      const message =
        `Provider "${provider.name}" reported ${tokensIn} prompt and ${tokensOut} completion tokens ` +
        `(${reported !== undefined ? `a cost of $${reported.toFixed(6)}` : 'no cost'}) for a request of ` +
        `${promptChars} characters limited to ${maxTokens} tokens, above the reserved worst case of $${estimate.toFixed(6)}; ` +
        (impossibleTokens
          ? `those token counts cannot be true: charged $${cost.toFixed(6)} instead of $${reportedCost.toFixed(6)}`
          : `recorded as reported and flagged`);
      this.logger.warn(`${request.agent}: ${message}`);
      await request.onNotice?.(message);
    }
    if (outcome.error) {
      const redirect = redirectProblem(provider.name, outcome.error);
      if (redirect) throw new LlmCallError(redirect);
      if (refusedJsonMode(outcome.error, request, provider))
        throw new LlmCallError(
          `Provider "${provider.name}" refused response_format (${describe(outcome.error)}); set its json_mode ` +
            'to "off" if it does not support JSON mode',
        );
      throw outcome.error instanceof Error ? outcome.error : new LlmCallError('the provider call failed');
    }
    const choice = outcome.response?.choices[0];
    return {
      content: choice?.message?.content ?? '',
      provider: provider.name,
      model,
      tokensIn,
      tokensOut,
      costUsd: total.cost,
      finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : null,
    };
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
        // Redirects are never followed (the 3xx becomes a clear error).
        fetch: noRedirectFetch,
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
