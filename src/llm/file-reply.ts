import type { GeneratedFile } from '../pipeline/generator/app-spec';

const MAX_FILES = 200;
const MAX_FILE_CHARS = 400_000;

/** Which paths a phase may write, relative to where its files go. */
export interface PathPolicy {
  /** Human description for prompts and errors, e.g. "files under lib/ or test/, pubspec.yaml". */
  description: string;
  allows(path: string): boolean;
  /** Files the reply must contain. */
  required?: readonly string[];
}

export function pathPolicy(
  description: string,
  prefixes: readonly string[],
  exact: readonly string[] = [],
  required: readonly string[] = [],
): PathPolicy {
  return {
    description,
    allows: (path) => exact.includes(path) || prefixes.some((prefix) => path.startsWith(prefix)),
    required,
  };
}

/** Exactly these files, all required. */
export function exactFiles(paths: readonly string[]): PathPolicy {
  return pathPolicy(`exactly ${paths.join(', ')}`, [], paths, paths);
}

/** Relative, posix, inside its root: no `..`, no absolute or drive paths, no odd characters. */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.length > 300) return false;
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return false;
  if (/[\0-\x1f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Pulls the JSON object out of a reply: as is, or wrapped in a Markdown
 * fence, or surrounded by prose. (File contents may contain fences too, so
 * the plain parse comes first.)
 */
function extractJson(content: string): unknown {
  const trimmed = content.trim();
  const candidates = [trimmed];
  const fenced = /^```(?:json)?\s*\n([\s\S]*)\n```\s*$/i.exec(trimmed);
  if (fenced) candidates.push(fenced[1]);
  candidates.push(trimmed.slice(trimmed.indexOf('{'), trimmed.lastIndexOf('}') + 1));
  let firstError: Error | undefined;
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch (error) {
      firstError ??= error as Error;
    }
  }
  throw new Error(`the reply is not valid JSON (${firstError?.message ?? 'empty reply'})`);
}

/**
 * Validates a `{ "files": [{ "path", "content" }] }` reply against the schema
 * and the phase's path policy. Throws with a message fit to send back to the
 * model in a corrective retry.
 */
export function parseFilesReply(content: string, policy: PathPolicy): GeneratedFile[] {
  const parsed = extractJson(content) as { files?: unknown };
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.files)) {
    throw new Error('the reply must be a JSON object with a "files" array');
  }
  if (!parsed.files.length) throw new Error('"files" is empty');
  if (parsed.files.length > MAX_FILES) throw new Error(`"files" has more than ${MAX_FILES} entries`);
  const seen = new Set<string>();
  const files = parsed.files.map((entry: unknown, index: number) => {
    const file = entry as { path?: unknown; content?: unknown };
    if (!file || typeof file.path !== 'string' || typeof file.content !== 'string') {
      throw new Error(`files[${index}] must have string "path" and "content"`);
    }
    const path = file.path.trim();
    if (!isSafeRelativePath(path))
      throw new Error(`files[${index}].path "${path.slice(0, 80)}" is not a safe relative path`);
    if (!policy.allows(path))
      throw new Error(`files[${index}].path "${path}" is not allowed here (allowed: ${policy.description})`);
    if (seen.has(path)) throw new Error(`files[${index}].path "${path}" appears twice`);
    if (file.content.length > MAX_FILE_CHARS) throw new Error(`files[${index}] is too large`);
    seen.add(path);
    return { path, content: file.content };
  });
  const missing = (policy.required ?? []).filter((path) => !seen.has(path));
  if (missing.length) throw new Error(`required file(s) missing: ${missing.join(', ')}`);
  return files;
}
