import { randomInt } from 'node:crypto';

/** Lower-case letters, digits, "-" and "_" (clients such as the seed's dashboard make `todo_app`), 1-63 characters. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const SLUG_MESSAGE = 'slug must be 1-63 lower-case letters, digits, "-" or "_", starting with a letter or digit';

export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * How a requested slug is read before it is validated: `""` (an untouched form
 * field) counts as not given, so one is derived from the name, and ASCII upper
 * case is lower-cased. Nothing else changes (no trimming, no Unicode case
 * folding, which would turn a Kelvin sign into a "k"): the pattern accepts or
 * refuses the rest.
 */
export function normalizeSlugInput({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  return value === '' ? undefined : value.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** A slug from free text: ASCII lower-case words joined by hyphens (may be empty). */
export function slugify(text: string, maxLength = 50): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** A derived slug tries the stem, then `-2` … `-9` after it, then short random suffixes. */
const NUMBERED_CANDIDATES = 9;
/** Random suffixes: no vowels (no accidental words), no 0/1/l/o (nothing to misread). 27⁶ ≈ 3.9·10⁸. */
const RANDOM_ALPHABET = 'bcdfghjkmnpqrstvwxz23456789';
const RANDOM_LENGTH = 6;
/** Random suffixes tried before giving up: with 27⁶ of them, running out means something else is wrong. */
const RANDOM_ATTEMPTS = 32;
/** The longest stem that still fits SLUG_PATTERN with a `-xxxxxx` suffix. */
const STEM_MAX = 63 - 1 - RANDOM_LENGTH;

function randomSuffix(): string {
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) suffix += RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)];
  return suffix;
}

/** The numbered candidates for a stem: `stem`, `stem-2` … `stem-9`. */
export function numberedSlugs(stem: string): string[] {
  const base = stem.slice(0, STEM_MAX).replace(/-+$/, '') || 'app';
  return [base, ...Array.from({ length: NUMBERED_CANDIDATES - 1 }, (_, i) => `${base}-${i + 2}`)];
}

/** `stem-<6 random characters>`. */
export function randomSlug(stem: string): string {
  const base = stem.slice(0, STEM_MAX).replace(/-+$/, '') || 'app';
  return `${base}-${randomSuffix()}`;
}

/**
 * Claims a free slug derived from `stem` (slugs are global keys, shared by all
 * teams): the first numbered candidate that is not `taken`, then random
 * suffixes, so a popular name never runs out. `insert` stores the row and
 * returns it, or undefined when the slug was taken meanwhile (a unique
 * violation): then the next candidate is tried. Returns what was stored.
 */
export async function claimDerivedSlug<T>(
  stem: string,
  taken: (candidates: string[]) => Promise<Iterable<string>>,
  insert: (slug: string) => Promise<T | undefined>,
): Promise<T> {
  const numbered = numberedSlugs(stem);
  const used = new Set(await taken(numbered));
  for (const slug of numbered) {
    const stored = used.has(slug) ? undefined : await insert(slug);
    if (stored !== undefined) return stored;
  }
  for (let attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
    const stored = await insert(randomSlug(stem));
    if (stored !== undefined) return stored;
  }
  throw new Error(`No free slug for "${stem}" after ${NUMBERED_CANDIDATES + RANDOM_ATTEMPTS} attempts`);
}
