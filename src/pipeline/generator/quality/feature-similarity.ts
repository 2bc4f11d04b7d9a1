/**
 * How alike two features of one app are once their names are taken away: the
 * "distinct features" measure of `npm run quality`. Each feature's own files
 * are reduced to a set of normalised lines (names → placeholders, string
 * literals → one placeholder, whitespace trimmed and collapsed, blank and
 * bracket-only lines dropped) and two features are compared by the Jaccard
 * index of their sets: 1 means the same code renamed.
 *
 * Field names stay: they are the entity's domain, not its name (see
 * {@link featureNameSet}).
 *
 * A pair is normalised with the names of *both* features, applied to both:
 * the renaming stays symmetric even when a name is also a word of the
 * template (a feature called "Text" renames Flutter's `Text` on both sides; an
 * entity field `title` renames the screens' `static const String title` on
 * both sides), so such collisions cannot make equal code look different.
 */
import type { GeneratedFile } from '../app-spec';
import { entityOf, type AppPlan, type PlannedFeature } from '../plan/app-plan';
import { DOMAIN_ENTITIES, GENERIC_FIELDS, parseFieldSpecs } from '../plan/domain-entities';

/** Placeholders; none can occur in a Dart identifier, so no replacement matches inside them. */
export const PLACEHOLDER = {
  string: '«S»',
  name: '«N»',
  field: '«F»',
} as const;

/** The names one feature's code is written with. */
export interface FeatureNameSet {
  /** Identifiers: feature classes and id, entity class, file, collection and table names. */
  identifiers: readonly string[];
  /** Field names and columns of the feature's entity. */
  fields: readonly string[];
  /** Human labels (feature, entity, fields): they occur in strings (replaced anyway) and in comments. */
  labels: readonly string[];
}

export function featureNameSet(plan: AppPlan, feature: PlannedFeature): FeatureNameSet {
  const identifiers = [
    feature.classes.screen,
    feature.classes.controller,
    feature.classes.prefix,
    feature.names.className,
    feature.names.id,
  ];
  const fields: string[] = [];
  const labels = [feature.names.label];
  const entity = entityOf(plan, feature);
  if (entity) {
    identifiers.push(entity.className, entity.fileName, entity.collection, entity.tableName);
    labels.push(entity.label, entity.pluralLabel);
    // Field names are not renamed: an entity's fields are its domain (an expense's amount
    // and category, a workout's minutes). A to-do list renamed keeps its fields and still
    // reads as identical; two entities with different fields do not.
    for (const field of entity.fields) labels.push(field.label);
  }
  return { identifiers, fields, labels };
}

/** The names of two features together: what a pair is normalised with. */
export function unionNameSet(a: FeatureNameSet, b: FeatureNameSet): FeatureNameSet {
  return {
    identifiers: [...a.identifiers, ...b.identifiers],
    fields: [...a.fields, ...b.fields],
    labels: [...a.labels, ...b.labels],
  };
}

export type SegmentKind = 'code' | 'string' | 'comment';

export interface DartSegment {
  kind: SegmentKind;
  text: string;
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}

function isQuote(c: string | undefined): boolean {
  return c === "'" || c === '"';
}

/**
 * Splits Dart source into code, string literals (single, double,
 * triple-quoted, raw; a `${…}` interpolation, which may nest strings, stays
 * part of its string) and comments. Quotes inside comments start no string.
 * Joining the segments' text gives the source back.
 */
export function dartSegments(source: string): DartSegment[] {
  const n = source.length;
  const segments: DartSegment[] = [];
  let code = '';
  const flushCode = () => {
    if (code) segments.push({ kind: 'code', text: code });
    code = '';
  };
  const startsString = (at: number) =>
    isQuote(source[at]) || (source[at] === 'r' && isQuote(source[at + 1]) && !isIdentChar(source[at - 1]));

  /** Index just past the `}` closing an interpolation whose code starts at `start`. */
  const skipInterpolation = (start: number): number => {
    let depth = 0;
    let at = start;
    while (at < n) {
      const c = source[at];
      if (startsString(at)) {
        at = skipString(at);
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) return at + 1;
        depth--;
      }
      at++;
    }
    return n;
  };

  /** Index just past the string literal starting at `start` (its quote, or its `r`). */
  const skipString = (start: number): number => {
    const raw = source[start] === 'r';
    let at = raw ? start + 1 : start;
    const quote = source[at];
    const triple = source.startsWith(quote.repeat(3), at);
    at += triple ? 3 : 1;
    while (at < n) {
      const c = source[at];
      if (!raw && c === '\\') at += 2;
      else if (triple ? source.startsWith(quote.repeat(3), at) : c === quote) return at + (triple ? 3 : 1);
      else if (!triple && c === '\n')
        return at; // unterminated: it ends with its line
      else if (!raw && c === '$' && source[at + 1] === '{') at = skipInterpolation(at + 2);
      else at++;
    }
    return n;
  };

  let i = 0;
  while (i < n) {
    let stop: number;
    let kind: SegmentKind;
    if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      stop = end < 0 ? n : end;
      kind = 'comment';
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      stop = end < 0 ? n : end + 2;
      kind = 'comment';
    } else if (startsString(i)) {
      stop = skipString(i);
      kind = 'string';
    } else {
      code += source[i];
      i++;
      continue;
    }
    flushCode();
    segments.push({ kind, text: source.slice(i, stop) });
    i = stop;
  }
  flushCode();
  return segments;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD = /[\p{L}\p{N}_$]+/gu;
const WORD_ONLY = /^[\p{L}\p{N}_$]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;

function isUpper(c: string): boolean {
  return c !== c.toLowerCase();
}

/** Lower-case letter or digit: a name cannot end just before one (`Expense` is not in `Expenses`). */
function continuesWord(c: string | undefined): boolean {
  return c !== undefined && (c !== c.toUpperCase() || DIGIT.test(c));
}

/**
 * Where a name may start inside a word: a variant starting in upper case
 * anywhere not right after another upper-case letter (a camelCase part); any
 * other variant at the word's start or after `_` / `$`.
 */
function mayStart(word: string, at: number, upperVariant: boolean): boolean {
  if (at === 0) return true;
  const before = word[at - 1];
  return upperVariant ? !isUpper(before) : !LETTER_OR_DIGIT.test(before);
}

/**
 * One pass replacing every name of `lists` (and its upper/lower-first forms)
 * by its list's placeholder (the first list wins a tie), as a whole word or
 * as a camelCase / snake_case part of one: `expense` in `expense.amount`,
 * `expenseRepository`, `_expense_id`; `Expense` in `ExpenseRepository`,
 * `_ExpenseState`; but `date` not inside `update`, `Expense` not inside
 * `Expenses`. At one position the longest name wins. Names with spaces or
 * punctuation (labels) match as phrases on word boundaries.
 */
function renamer(lists: readonly { names: readonly string[]; placeholder: string }[]): (text: string) => string {
  const words = new Map<string, string>();
  const phrases = new Map<string, string>();
  for (const { names, placeholder } of lists) {
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      const upper = name[0].toUpperCase() + name.slice(1);
      const lower = name[0].toLowerCase() + name.slice(1);
      for (const variant of [name, upper, lower, name.toLowerCase()]) {
        const table = WORD_ONLY.test(variant) ? words : phrases;
        if (!words.has(variant) && !phrases.has(variant)) table.set(variant, placeholder);
      }
    }
  }
  const longest = Math.max(0, ...[...words.keys()].map((variant) => variant.length));
  const renameWord = (word: string): string => {
    const whole = words.get(word);
    if (whole !== undefined) return whole;
    // Names end at the word's end or before an upper-case letter, `_` or `$`.
    const ends: number[] = [];
    for (let end = word.length; end > 0; end--) if (!continuesWord(word[end])) ends.push(end);
    let out = '';
    let at = 0;
    while (at < word.length) {
      let matched = 0;
      const c = word[at];
      if (at === 0 || !LETTER_OR_DIGIT.test(word[at - 1]) || (isUpper(c) && !isUpper(word[at - 1]))) {
        for (const end of ends) {
          if (end <= at) break;
          if (end - at > longest) continue;
          const placeholder = words.get(word.slice(at, end));
          if (placeholder !== undefined && mayStart(word, at, isUpper(c))) {
            out += placeholder;
            matched = end - at;
            break;
          }
        }
      }
      if (matched) at += matched;
      else out += word[at++];
    }
    return out;
  };
  const phraseRe = phrases.size
    ? new RegExp(
        [...phrases.keys()]
          .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
          .map((phrase) => `(?<![\\p{L}\\p{N}_$])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}_$])`)
          .join('|'),
        'gu',
      )
    : undefined;
  if (!words.size && !phraseRe) return (text) => text;
  return (text) => {
    const withPhrases = phraseRe ? text.replace(phraseRe, (match) => phrases.get(match) ?? match) : text;
    return words.size ? withPhrases.replace(WORD, renameWord) : withPhrases;
  };
}

/** Lines made only of brackets and separators say nothing about what a feature does. */
const PUNCTUATION_ONLY = /^[{}()[\];,.\s]*$/;

/**
 * The distinct normalised lines of `files`: string literals become
 * {@link PLACEHOLDER.string}; `names.identifiers` (in code and comments) and
 * `names.labels` (in comments) become {@link PLACEHOLDER.name}, `names.fields`
 * {@link PLACEHOLDER.field}; whitespace is trimmed and collapsed, and a
 * statement that `dart format` broke after `=>` counts as one line (whether it
 * breaks depends on how long the names are); blank and bracket-only lines are
 * dropped. Takes files or their {@link dartSegments}.
 */
export function normalisedLines(
  files: readonly (Pick<GeneratedFile, 'content'> | readonly DartSegment[])[],
  names: FeatureNameSet,
): Set<string> {
  const renameCode = renamer([
    { names: names.identifiers, placeholder: PLACEHOLDER.name },
    { names: names.fields, placeholder: PLACEHOLDER.field },
  ]);
  const renameComment = renamer([
    { names: names.identifiers, placeholder: PLACEHOLDER.name },
    { names: names.fields, placeholder: PLACEHOLDER.field },
    { names: names.labels, placeholder: PLACEHOLDER.name },
  ]);
  const lines = new Set<string>();
  for (const file of files) {
    const segments: readonly DartSegment[] = 'content' in file ? dartSegments(file.content) : file;
    const text = segments
      .map((segment) => {
        if (segment.kind === 'string') return PLACEHOLDER.string;
        return segment.kind === 'code' ? renameCode(segment.text) : renameComment(segment.text);
      })
      .join('')
      .replace(/=>[ \t]*\n\s*/g, '=> ');
    for (const raw of text.split('\n')) {
      const line = raw.trim().replace(/\s+/g, ' ');
      if (line && !PUNCTUATION_ONLY.test(line)) lines.add(line);
    }
  }
  return lines;
}

/** |A ∩ B| / |A ∪ B|; two empty sets count as identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const line of small) if (large.has(line)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Similarity of two features' files, each side normalised with the names of both. */
export function pairSimilarity(
  a: { files: readonly (Pick<GeneratedFile, 'content'> | readonly DartSegment[])[]; names: FeatureNameSet },
  b: { files: readonly (Pick<GeneratedFile, 'content'> | readonly DartSegment[])[]; names: FeatureNameSet },
): number {
  const names = unionNameSet(a.names, b.names);
  return jaccard(normalisedLines(a.files, names), normalisedLines(b.files, names));
}

export interface FeatureFiles {
  feature: PlannedFeature;
  files: readonly GeneratedFile[];
}

export interface FeaturePair {
  /** Feature ids. */
  a: string;
  b: string;
  similarity: number;
  /** Equal normalised line sets: the same code renamed. */
  identical: boolean;
  /**
   * `wordless`: both are record screens of entities whose words told the planner nothing
   * (unknown words get the same default fields, so their screens cannot differ);
   * `records`: both are record screens of entities with fields of their own, on the shared
   * record library; `other`: anything else.
   */
  kind: 'wordless' | 'records' | 'other';
}

/** Field names of the default generic entity (`GENERIC_FIELDS`). */
const DEFAULT_FIELDS = parseFieldSpecs(GENERIC_FIELDS)
  .map((field) => field.name)
  .join(',');

function pairKind(plan: AppPlan, a: PlannedFeature, b: PlannedFeature): FeaturePair['kind'] {
  if (a.archetype !== 'entity' || b.archetype !== 'entity') return 'other';
  const wordless = (feature: PlannedFeature) => {
    const entity = entityOf(plan, feature);
    return (
      !!entity &&
      !DOMAIN_ENTITIES.some((row) => row.className === entity.className) &&
      entity.fields.map((field) => field.name).join(',') === DEFAULT_FIELDS
    );
  };
  return wordless(a) && wordless(b) ? 'wordless' : 'records';
}

/**
 * Every pair of the app's features with the similarity of their own files. A
 * file written by more than one feature (shared test support, a helper two
 * archetypes use) belongs to none of them and is left out.
 */
export function featurePairs(plan: AppPlan, features: readonly FeatureFiles[]): FeaturePair[] {
  const writers = new Map<string, number>();
  for (const { files } of features) {
    for (const path of new Set(files.map((file) => file.path))) writers.set(path, (writers.get(path) ?? 0) + 1);
  }
  const sides = features.map(({ feature, files }) => ({
    feature,
    id: feature.names.id,
    names: featureNameSet(plan, feature),
    files: files.filter((file) => writers.get(file.path) === 1).map((file) => dartSegments(file.content)),
  }));
  const pairs: FeaturePair[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const similarity = pairSimilarity(sides[i], sides[j]);
      const kind = pairKind(plan, sides[i].feature, sides[j].feature);
      pairs.push({ a: sides[i].id, b: sides[j].id, similarity, identical: similarity === 1, kind });
    }
  }
  return pairs;
}
