import type { GeneratedFile } from '../pipeline/generator/app-spec';

/** No provider can be called (builtin active, key missing, …); the pipeline falls back to the builtin generator. */
export class LlmUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'LlmUnavailableError';
  }
}

/** The provider kept failing (after retries and the fallback model), redirected, or answered something that is not a chat completion. */
export class LlmCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmCallError';
  }
}

/** The model's reply could not be used (after the corrective retry). */
export class LlmReplyError extends Error {
  constructor(
    message: string,
    /** What the request cost, every attempt included. */
    readonly costUsd = 0,
  ) {
    super(message);
    this.name = 'LlmReplyError';
  }
}

/**
 * The reply was cut at `max_tokens` (`finish_reason: "length"`): it is never
 * taken as complete. The caller splits the piece or asks for the rest.
 */
export class LlmTruncatedError extends LlmReplyError {
  constructor(
    message: string,
    costUsd: number,
    /** The files that were complete before the cut (safe and allowed paths only); may be empty. */
    readonly partialFiles: GeneratedFile[],
    /** The files the request asked for (the policy's required files), when it named them. */
    readonly requestedPaths?: readonly string[],
  ) {
    super(message, costUsd);
    this.name = 'LlmTruncatedError';
  }
}
