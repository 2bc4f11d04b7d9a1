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

/** The usable part of a reply: the files kept, and the paths dropped because the phase may not write them. */
export interface FilesReply {
  files: GeneratedFile[];
  /** Safe paths outside the phase's allowed set, left out (the caller logs them). */
  dropped: string[];
}

/** Required files are missing: the files that were fine travel along, so a retry asks only for the rest. */
export class MissingFilesError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly reply: FilesReply,
  ) {
    super(`required file(s) missing: ${missing.join(', ')}`);
    this.name = 'MissingFilesError';
  }
}

/** One `{ path, content }` entry checked: the file, `undefined` when its path is not allowed (dropped), or throws. */
function checkEntry(entry: unknown, index: number, policy: PathPolicy): GeneratedFile | undefined {
  const file = entry as { path?: unknown; content?: unknown };
  if (!file || typeof file.path !== 'string' || typeof file.content !== 'string') {
    throw new Error(`files[${index}] must have string "path" and "content"`);
  }
  const path = file.path.trim();
  if (!isSafeRelativePath(path))
    throw new Error(`files[${index}].path "${path.slice(0, 80)}" is not a safe relative path`);
  if (!policy.allows(path)) return undefined;
  if (file.content.length > MAX_FILE_CHARS) throw new Error(`files[${index}] is too large`);
  return { path, content: file.content };
}

/**
 * Validates a `{ "files": [{ "path", "content" }] }` reply against the schema
 * and the phase's path policy. Files outside the allowed set are dropped (and
 * named in `dropped`); an unsafe path rejects the whole reply. Throws with a
 * message fit to send back to the model in a corrective retry
 * (MissingFilesError when only required files are missing).
 */
export function parseFilesReply(content: string, policy: PathPolicy): FilesReply {
  const parsed = extractJson(content) as { files?: unknown };
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.files)) {
    throw new Error('the reply must be a JSON object with a "files" array');
  }
  if (!parsed.files.length) throw new Error('"files" is empty');
  if (parsed.files.length > MAX_FILES) throw new Error(`"files" has more than ${MAX_FILES} entries`);
  const seen = new Set<string>();
  const files: GeneratedFile[] = [];
  const dropped: string[] = [];
  parsed.files.forEach((entry: unknown, index: number) => {
    const file = checkEntry(entry, index, policy);
    if (!file) {
      dropped.push((entry as { path: string }).path.trim());
      return;
    }
    if (seen.has(file.path)) throw new Error(`files[${index}].path "${file.path}" appears twice`);
    seen.add(file.path);
    files.push(file);
  });
  const missing = (policy.required ?? []).filter((path) => !seen.has(path));
  if (missing.length) throw new MissingFilesError(missing, { files, dropped });
  if (!files.length)
    throw new Error(
      `no file in "files" may be written here (sent: ${dropped.slice(0, 10).join(', ')}; allowed: ${policy.description})`,
    );
  return { files, dropped };
}

/** Index just past the JSON value (object or string) starting at `start`, or -1 when the text ends first. */
function endOfValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The complete files at the start of a reply cut off mid-way (`finish_reason:
 * "length"`): every `{ "path", "content" }` entry of the `files` array that
 * closed before the cut, with a safe and allowed path. Never throws.
 */
export function salvageFiles(content: string, policy: PathPolicy): GeneratedFile[] {
  const key = /"files"\s*:\s*\[/.exec(content);
  if (!key) return [];
  const files: GeneratedFile[] = [];
  const seen = new Set<string>();
  let at = key.index + key[0].length;
  for (let index = 0; index < MAX_FILES; index++) {
    while (at < content.length && /[\s,]/.test(content[at])) at++;
    if (content[at] !== '{') break;
    const end = endOfValue(content, at);
    if (end < 0) break;
    try {
      const file = checkEntry(JSON.parse(content.slice(at, end)), index, policy);
      if (file && !seen.has(file.path)) {
        seen.add(file.path);
        files.push(file);
      }
    } catch {
      // An entry that does not parse or has an unsafe path is not salvaged.
    }
    at = end;
  }
  return files;
}
