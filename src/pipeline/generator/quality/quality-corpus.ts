/**
 * The quality corpus (`test/fixtures/quality-corpus.json`): varied specs the
 * builtin generator is measured on by `npm run quality` and the corpus test.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isValidSlug } from '../../../common/slug';
import type { AppSpec } from '../app-spec';
import type { ArchetypeId, BackendKind } from '../plan/app-plan';

/**
 * What a human expects of an entry, checked and reported (not a "Done when"
 * target): misreadings the structural metrics cannot see, such as a
 * "QR scanner" planned as a camera or "hasura graphql" wired as REST.
 */
export interface CorpusExpectation {
  /** The backend the spec's free text means; the dependency check uses it. */
  backend?: BackendKind;
  /**
   * Requested label → what it should become: an archetype id, `entity` (any
   * data model), or `entity:<Class>` (that row of the domain table, or the class of an entity mined
   * from the description, e.g. `entity:RentPayment`).
   */
  archetypes?: Readonly<Record<string, ArchetypeId | `entity:${string}`>>;
  /** What the description should yield when the list is thin: archetype ids or `entity:<Class>`. */
  mined?: readonly string[];
  /** At most this many features (settings included): duplicates and synonyms merge. */
  maxFeatures?: number;
}

export interface CorpusEntry {
  id: string;
  /** What the entry exercises. */
  note: string;
  spec: AppSpec;
  expect?: CorpusExpectation;
}

/** Root-relative path of the corpus. */
export const QUALITY_CORPUS_FILE = 'test/fixtures/quality-corpus.json';

const BACKENDS: readonly string[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Problems with the corpus's shape (empty when it is well-formed). */
export function corpusProblems(entries: unknown): string[] {
  if (!Array.isArray(entries)) return ['the corpus is not an array'];
  const problems: string[] = [];
  const ids = new Set<string>();
  entries.forEach((raw: unknown, index) => {
    const entry = raw as Partial<CorpusEntry> | null;
    const where = `entry ${index} (${typeof entry?.id === 'string' ? entry.id : '?'})`;
    if (!entry || typeof entry !== 'object') return void problems.push(`${where}: not an object`);
    if (typeof entry.id !== 'string' || !entry.id) problems.push(`${where}: no id`);
    else if (ids.has(entry.id)) problems.push(`${where}: duplicate id`);
    else ids.add(entry.id);
    if (typeof entry.note !== 'string') problems.push(`${where}: no note`);
    const spec = entry.spec;
    if (!spec || typeof spec !== 'object') return void problems.push(`${where}: no spec`);
    if (typeof spec.slug !== 'string' || !isValidSlug(spec.slug)) problems.push(`${where}: bad slug`);
    for (const key of ['name', 'description', 'style', 'backend'] as const) {
      if (typeof spec[key] !== 'string') problems.push(`${where}: spec.${key} is not a string`);
    }
    if (!isStringArray(spec.platforms)) problems.push(`${where}: spec.platforms is not a string array`);
    if (!isStringArray(spec.features)) problems.push(`${where}: spec.features is not a string array`);
    const backend = entry.expect?.backend;
    if (backend !== undefined && !BACKENDS.includes(backend)) problems.push(`${where}: unknown expected backend`);
  });
  return problems;
}

/** Reads and checks the corpus; `root` is the repository root (default: the working directory). */
export function loadQualityCorpus(root: string = process.cwd()): CorpusEntry[] {
  const entries = JSON.parse(readFileSync(path.join(root, QUALITY_CORPUS_FILE), 'utf8')) as unknown;
  const problems = corpusProblems(entries);
  if (problems.length) throw new Error(`${QUALITY_CORPUS_FILE}:\n${problems.join('\n')}`);
  return entries as CorpusEntry[];
}
