/**
 * Screen titles in the user's own words for features mined from a
 * description in German, Italian, Spanish, Portuguese or French: "Gestione
 * prenotazioni …" gives a screen "Prenotazioni", not the table's English
 * "Calendar"; a singular mention ("la reserva") is titled with its plural
 * ("Reservas"). A verb ("reservar") says what the app does, not what a screen
 * is called, so it gives no title. Other languages keep the table's title.
 */
import type { AppLocale } from './app-language';
import { wordRoles } from './description-words';
import { pluralNoun, singularNoun } from './noun-inflection';
import { foldText, phraseLengthAt, plural, tokens } from './text-match';

const WRITTEN_TITLE_LOCALES: ReadonlySet<AppLocale> = new Set(['de', 'it', 'es', 'pt', 'fr']);

/** Roles of words that are verbs or filler, not names of things. */
const NOT_A_NAME: ReadonlySet<string> = new Set(['book', 'pay', 'record', 'filler', 'stop', 'modal']);

/** `text` split like `tokens()`, but as written (case and diacritics kept). */
function writtenTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The title the user's words give the feature whose word (one of `phrases`,
 * or its English plural) occurs at token `at` of `text`; undefined when the
 * language keeps table titles or the words there are not a noun.
 */
export function writtenTitle(
  text: string,
  at: number,
  phrases: readonly string[],
  locale: AppLocale,
): string | undefined {
  if (!WRITTEN_TITLE_LOCALES.has(locale)) return undefined;
  const words = tokens(text);
  const written = writtenTokens(text);
  // Folding never splits or joins words, but a mismatch would title the screen with the wrong word.
  if (written.length !== words.length || foldText(written[at] ?? '') !== words[at]) return undefined;
  const length = Math.max(
    0,
    ...phrases.flatMap((phrase) =>
      [phrase, plural(phrase), foldText(pluralNoun(phrase, locale))].map((form) => phraseLengthAt(words, at, form)),
    ),
  );
  if (length === 0) return undefined;
  const roles = wordRoles(locale);
  const role = roles.get(words[at]);
  if (role && NOT_A_NAME.has(role)) return undefined;
  const parts = written
    .slice(at, at + length)
    .map((word, i) => (locale === 'de' || i > 0 ? word : word.toLocaleLowerCase()));
  // A list is titled with the plural; its last (German) or first (Romance) word is the head.
  const headAt = locale === 'de' ? parts.length - 1 : 0;
  const head = parts[headAt];
  const lower = head.toLocaleLowerCase();
  if (singularNoun(lower, locale) === lower) {
    const many = pluralNoun(lower, locale);
    parts[headAt] = head === lower ? many : many.charAt(0).toLocaleUpperCase() + many.slice(1);
  }
  const title = parts.join(' ');
  return title.charAt(0).toLocaleUpperCase() + title.slice(1);
}
