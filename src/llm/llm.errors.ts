/** No provider can be called (builtin active, key missing, …); the pipeline falls back to the builtin generator. */
export class LlmUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'LlmUnavailableError';
  }
}

/** The provider kept failing (after retries and the fallback model). */
export class LlmCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmCallError';
  }
}

/** The model's reply could not be used (after the corrective retry). */
export class LlmReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmReplyError';
  }
}
