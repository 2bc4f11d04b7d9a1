import { APIError } from 'openai';
import { originOf } from './url-guard';

/**
 * The `fetch` every model call uses (job calls, the provider test, model
 * lists): a redirect is never followed, so a provider cannot bounce a request
 * (and its key) to an address the URL guard would have refused. The 3xx
 * answer comes back as it is and `redirectProblem` turns it into an error.
 */
export function noRedirectFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return fetch(input, { ...init, redirect: 'manual' });
}

/** A sentence for a provider that answered with a redirect, or `undefined` when `error` is not one. */
export function redirectProblem(provider: string, error: unknown): string | undefined {
  if (!(error instanceof APIError) || error.status === undefined || error.status < 300 || error.status >= 400)
    return undefined;
  const location = (error.headers as Headers | undefined)?.get('location');
  // Only the origin: a path or query could carry a token.
  const target = location ? originOf(location) : undefined;
  return (
    `Provider "${provider}" answered HTTP ${error.status} (a redirect${target ? ` to ${target}` : ''}); ` +
    'redirects are not followed: set its base_url to the final address'
  );
}
