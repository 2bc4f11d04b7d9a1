/**
 * Names for an entity the domain table does not know, from the words of a
 * feature label in a language other than English: "Prenotazioni" → class
 * `Prenotazione`, table `prenotazioni`, labels "Prenotazione" / "Prenotazioni";
 * "Spaziergänge" → `Spaziergang`, `spaziergaenge`; "Học viên" → `HocVien`,
 * labels "Học viên" (Vietnamese nouns have no plural form). Identifiers are
 * ASCII (`asciiLetters`); labels keep the user's letters.
 */
import { asciiLetters } from '../naming';
import type { AppLocale } from './app-language';
import { wordRoles } from './description-words';
import { pluralNoun, singularNoun } from './noun-inflection';
import { foldText } from './text-match';

export interface EntityNames {
  className: string;
  label: string;
  pluralLabel: string;
  /** snake_case plural; undefined when the language has none and English rules should not invent one. */
  tableName?: string;
}

const INFLECTED: ReadonlySet<AppLocale> = new Set(['de', 'it', 'es', 'pt', 'fr']);

/** Languages whose noun phrases put the head first ("campi da tennis"); German puts it last. */
const HEAD_LAST: ReadonlySet<AppLocale> = new Set(['de']);

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The ASCII letters and digits of `words`, lower case, split at everything else. */
function asciiParts(words: readonly string[]): string[] {
  return words
    .flatMap((word) =>
      asciiLetters(word)
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    )
    .filter(Boolean);
}

function camel(words: readonly string[]): string {
  return asciiParts(words)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function snake(words: readonly string[]): string {
  return asciiParts(words).join('_');
}

/**
 * The names a non-English label gives its entity, or undefined for English
 * (whose rules live in `plan-app.ts`) and for labels with no Latin letters.
 */
export function entityNamesFromLabel(label: string, locale: AppLocale): EntityNames | undefined {
  if (locale === 'en') return undefined;
  const written = label
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (locale === 'de' ? word : word.toLocaleLowerCase()));
  const className = camel(written);
  if (!/^[A-Z]/.test(className)) return undefined;
  if (!INFLECTED.has(locale)) {
    const text = capitalize(written.join(' '));
    return { className: className.slice(0, 40), label: text, pluralLabel: text, tableName: snake(written) };
  }
  // The head is the word before "de"/"di"/"von" when there is one, else by the language's word order.
  const roles = wordRoles(locale);
  const isOf = (word: string) => roles.get(foldText(word)) === 'of';
  const joiner = written.findIndex((word, i) => i > 0 && isOf(word));
  const headAt = joiner > 0 ? joiner - 1 : HEAD_LAST.has(locale) ? written.length - 1 : 0;
  const head = written[headAt];
  const lower = head.toLocaleLowerCase();
  const keepCase = (form: string) => (head === lower ? form : capitalize(form));
  const singularHead = singularNoun(lower, locale);
  const one = written.map((word, i) => (i === headAt ? keepCase(singularHead) : word));
  const many = written.map((word, i) =>
    i !== headAt ? word : singularHead === lower ? keepCase(pluralNoun(lower, locale)) : head,
  );
  // "Pistas de pádel" → PistaPadel / pistas_padel, as the description miner names them.
  const content = (words: string[]) => words.filter((word) => !isOf(word));
  return {
    className: camel(content(one)).slice(0, 40),
    label: capitalize(one.join(' ')),
    pluralLabel: capitalize(many.join(' ')),
    tableName: snake(content(many)),
  };
}
