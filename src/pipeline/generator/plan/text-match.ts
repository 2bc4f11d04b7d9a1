/**
 * Word matching for feature labels and descriptions in any language:
 * lower-cased, diacritics folded (`đăng nhập` → `dang nhap`), split into
 * tokens; CJK scripts have no spaces, so their phrases match as substrings.
 */

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** Letters and digits of every script; everything else separates words. */
export function tokens(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * Where `phrase` (one or more words) first occurs in `words`, or -1. A phrase
 * word ending in `*` matches any word with that prefix (`notif*`); CJK phrases
 * match inside a token.
 */
export function phraseIndex(words: readonly string[], phrase: string): number {
  for (let i = 0; i < words.length; i++) if (phraseLengthAt(words, i, phrase)) return i;
  return -1;
}

/** Whether any of `phrases` occurs in `words` (see `phraseIndex`). */
export function mentionsAny(words: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => phraseIndex(words, phrase) >= 0);
}

/** How many words `phrase` covers when it occurs at `words[at]`, else 0. */
export function phraseLengthAt(words: readonly string[], at: number, phrase: string): number {
  const parts = phrase.split(' ');
  if (parts.length === 1 && CJK.test(phrase)) return words[at]?.includes(phrase) ? 1 : 0;
  if (at + parts.length > words.length) return 0;
  return parts.every((part, k) => wordMatches(words[at + k], part)) ? parts.length : 0;
}

/**
 * Where the CJK `phrase` last ends inside `word`, or 0 (not CJK, or not there). A CJK compound
 * names what its last word names: "学生成绩" are grades, "宠物医院预约" bookings.
 */
export function cjkPhraseEnd(word: string, phrase: string): number {
  if (phrase.includes(' ') || !CJK.test(phrase)) return 0;
  const at = word.lastIndexOf(phrase);
  return at < 0 ? 0 : at + phrase.length;
}

/** The CJK phrase of `phrases` that ends last inside `word` ("宠物医院预约" → 预约 for a booking's words), else undefined. */
export function cjkPhraseIn(word: string, phrases: readonly string[]): string | undefined {
  let best: { phrase: string; end: number } | undefined;
  for (const phrase of phrases) {
    const end = cjkPhraseEnd(word, phrase);
    if (end > 0 && (!best || end > best.end)) best = { phrase, end };
  }
  return best?.phrase;
}

function wordMatches(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** English plural → singular for the common cases (`categories` → `category`, `boxes` → `box`). */
/** Plurals in `-ies` whose singular ends in `-ie`, not `-y`. */
const IE_PLURALS = new Set([
  'movies',
  'cookies',
  'calories',
  'zombies',
  'pies',
  'ties',
  'lies',
  'selfies',
  'rookies',
  'hoodies',
  'smoothies',
  'brownies',
  'goalies',
  'freebies',
  'sorties',
]);

export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word === 'series' || word === 'species' || word === 'news') return word;
  if (IE_PLURALS.has(word)) return word.slice(0, -1);
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|zes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** English singular → plural (`category` → `categories`, `box` → `boxes`). */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(ch|sh|x|z|s)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
