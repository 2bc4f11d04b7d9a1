import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side request must never reach: link-local ranges (which
 * hold the cloud metadata services) and the metadata endpoints by name.
 * Loopback and private ranges stay allowed — a local Ollama or vLLM is a
 * normal provider.
 */
const BLOCKED_ADDRESSES = new BlockList();
BLOCKED_ADDRESSES.addSubnet('169.254.0.0', 16, 'ipv4');
BLOCKED_ADDRESSES.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
BLOCKED_ADDRESSES.addSubnet('fe80::', 10, 'ipv6');
BLOCKED_ADDRESSES.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6

const BLOCKED_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

const BLOCKED_MESSAGE = 'must not point at a link-local or cloud metadata address';

function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // BlockList also matches IPv4-mapped IPv6 addresses (::ffff:169.254.169.254) against the IPv4 rules.
  return BLOCKED_ADDRESSES.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The URL's host without brackets or a trailing dot, lower-cased. */
function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * What is wrong with a provider base URL judged by its text alone (scheme,
 * credentials, a literal blocked host), or `undefined`. The WHATWG parser
 * normalises numeric forms such as `http://2852039166/` to dotted IPv4 first.
 */
export function baseUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password)
    return 'must not contain credentials; put the key in the variable named after the provider (<NAME>_API_KEY)';
  const host = hostOf(url);
  if (BLOCKED_HOSTNAMES.has(host) || isBlockedAddress(host)) return BLOCKED_MESSAGE;
  return undefined;
}

/**
 * `baseUrlProblem`, plus the addresses the host name resolves to. A name that
 * does not resolve passes: the request itself then fails with a plain error.
 */
export async function unsafeBaseUrlProblem(raw: string): Promise<string | undefined> {
  const problem = baseUrlProblem(raw);
  if (problem) return problem;
  const host = hostOf(new URL(raw));
  if (isIP(host)) return undefined;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return undefined;
  }
  return addresses.some((a) => isBlockedAddress(a.address)) ? BLOCKED_MESSAGE : undefined;
}

/** Scheme, host and port of a URL (`https://openrouter.ai`), or `undefined` when it is not an absolute http(s) URL. */
export function originOf(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether two URLs share scheme, host and port (paths may differ). */
export function sameOrigin(a: string, b: string): boolean {
  const origin = originOf(a);
  return origin !== undefined && origin === originOf(b);
}
