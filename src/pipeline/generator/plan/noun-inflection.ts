/**
 * Singular and plural of a noun in the app's language, so a mined noun gives a
 * singular class (`Prenotazione`, `Kunde`, `Reserva`), a plural table
 * (`prenotazioni`, `kunden`, `reservas`) and labels that read naturally
 * ("Prenotazione" / "Prenotazioni"). Rule-based and small: each language has
 * the suffix rules that cover its common nouns plus a short exception list;
 * German exceptions also match at the end of a compound ("Hundespaziergänge"
 * ends in "gänge" → "Hundespaziergang"). Words are lower case, as written
 * (diacritics kept) or folded (`foldText`): every rule accepts both forms.
 * Vietnamese, Indonesian, Chinese and Japanese nouns do not inflect.
 */
import type { AppLocale } from './app-language';
import { foldText, plural as englishPlural, singular as englishSingular } from './text-match';

/** A suffix rule: words ending in `from` end in `to` instead (and never shorter than `min` letters). */
type Rule = readonly [from: string, to: string];

/** German plural → singular: irregular endings, matched at the end of compounds too. */
const GERMAN_EXCEPTIONS: readonly Rule[] = [
  ['gänge', 'gang'],
  ['termine', 'termin'],
  ['kunden', 'kunde'],
  ['bücher', 'buch'],
  ['häuser', 'haus'],
  ['räume', 'raum'],
  ['plätze', 'platz'],
  ['hunde', 'hund'],
  ['tiere', 'tier'],
  ['spiele', 'spiel'],
  ['kurse', 'kurs'],
  ['geräte', 'gerät'],
  ['ärzte', 'arzt'],
  // The dative plural of people booked "bei Ärzten", "mit Therapeuten".
  ['ärzten', 'arzt'],
  ['therapeuten', 'therapeut'],
  ['gäste', 'gast'],
  ['verträge', 'vertrag'],
  ['besuche', 'besuch'],
  ['tische', 'tisch'],
  ['produkte', 'produkt'],
  ['rezepte', 'rezept'],
  ['mitglieder', 'mitglied'],
  ['kinder', 'kind'],
  // A plural without a singular of its own ("-ern" is no dative here).
  ['eltern', 'eltern'],
  ['bilder', 'bild'],
  ['lieder', 'lied'],
  ['fahrten', 'fahrt'],
  ['stunden', 'stunde'],
  ['runden', 'runde'],
  ['schichten', 'schicht'],
  ['ausflüge', 'ausflug'],
  ['proben', 'probe'],
  ['patienten', 'patient'],
  ['studenten', 'student'],
  ['notizen', 'notiz'],
  ['touren', 'tour'],
  ['kanäle', 'kanal'],
  ['nachrichten', 'nachricht'],
  ['gruppen', 'gruppe'],
  ['aufgaben', 'aufgabe'],
  ['ausgaben', 'ausgabe'],
  ['einnahmen', 'einnahme'],
  // Karten, Lernkarten, Karteikarten: "-en" is no regular ending here (Garten, Wagen keep it).
  ['karten', 'karte'],
];

/** German regular plurals; "-ern" is the dative plural after "mit" ("mit Gassigehern"). */
const GERMAN_RULES: readonly Rule[] = [
  ['ungen', 'ung'],
  ['heiten', 'heit'],
  ['keiten', 'keit'],
  ['schaften', 'schaft'],
  ['innen', 'in'],
  ['ionen', 'ion'],
  ['täten', 'tät'],
  ['nisse', 'nis'],
  ['ern', 'er'],
  // Borrowed nouns in -o/-y take "-s" (Fotos, Handys); "-as"/"-is"/"-us" are too often singular (Glas, Preis, Haus).
  ['os', 'o'],
  ['ys', 'y'],
];

/** German singular → plural for the endings above; other nouns take "-e" (Termin → Termine) or "-s" after a vowel. */
const GERMAN_PLURALS: readonly Rule[] = [
  // Women's forms of people (Lehrerin, Patientin, Kundin, Polizistin, Kollegin); "Termin" and "Magazin" are not.
  ['erin', 'erinnen'],
  ['ntin', 'ntinnen'],
  ['ndin', 'ndinnen'],
  ['stin', 'stinnen'],
  ['egin', 'eginnen'],
  ['ung', 'ungen'],
  ['heit', 'heiten'],
  ['keit', 'keiten'],
  ['schaft', 'schaften'],
  ['ion', 'ionen'],
  ['tät', 'täten'],
  ['nis', 'nisse'],
  ['e', 'en'],
  // -er, -el, -en nouns keep their form (der Mieter → die Mieter).
  ['er', 'er'],
  ['el', 'el'],
  ['en', 'en'],
];

/** Italian plural → singular; a bare "-i" is masculine "-o" (campi → campo), a bare "-e" feminine "-a". */
const ITALIAN_RULES: readonly Rule[] = [
  ['zioni', 'zione'],
  ['ioni', 'ione'],
  // "appuntamenti", "pagamenti", "allenamenti": nouns in "-mento", before the "-ente" of "pazienti".
  ['menti', 'mento'],
  ['enti', 'ente'],
  ['anti', 'ante'],
  ['tori', 'tore'],
  ['ali', 'ale'],
  ['chi', 'co'],
  ['ghi', 'go'],
  ['che', 'ca'],
  ['ghe', 'ga'],
  ['zi', 'zio'],
  ['ari', 'ario'],
  ['i', 'o'],
  ['e', 'a'],
];

/** Italian singulars ending in "-e" that the feminine plural rule must leave alone. */
const ITALIAN_SINGULAR_E = /(ione|ente|ante|ore|ale|ile|ice|ere|one|ese|ame|ume|ime)$/;

const ITALIAN_PLURALS: readonly Rule[] = [
  ['io', 'i'],
  ['co', 'chi'],
  ['go', 'ghi'],
  ['ca', 'che'],
  ['ga', 'ghe'],
  ['o', 'i'],
  ['a', 'e'],
  ['e', 'i'],
];

/** Spanish plural → singular (canciones → canción, ciudades → ciudad, clientes → cliente). */
const SPANISH_RULES: readonly Rule[] = [
  ['ciones', 'ción'],
  ['iones', 'ión'],
  ['ces', 'z'],
];

/** Portuguese plural → singular (reservações → reservação, animais → animal, itens → item). */
const PORTUGUESE_RULES: readonly Rule[] = [
  ['ções', 'ção'],
  ['ões', 'ão'],
  ['ãos', 'ão'],
  ['ães', 'ão'],
  ['ais', 'al'],
  ['éis', 'el'],
  ['óis', 'ol'],
  ['ns', 'm'],
  ['zes', 'z'],
];

const PORTUGUESE_PLURALS: readonly Rule[] = [
  ['ção', 'ções'],
  ['ão', 'ões'],
  ['al', 'ais'],
  ['el', 'éis'],
  ['ol', 'óis'],
  ['m', 'ns'],
];

/** French plural → singular (animaux → animal, bateaux → bateau). */
const FRENCH_RULES: readonly Rule[] = [
  ['travaux', 'travail'],
  // "revenus" is the plural of "revenu" (most nouns in -us are singular: bus, virus, campus).
  ['venus', 'venu'],
  ['eaux', 'eau'],
  ['aux', 'al'],
  ['eux', 'eu'],
  ['oux', 'ou'],
];

/** French singulars that already end in -s or -x. */
const FRENCH_INVARIANT = new Set(['cours', 'fois', 'prix', 'temps', 'pays', 'repas', 'corps', 'bras', 'choix', 'voix']);

/** Whether `word` (as written or folded) ends in `ending`, in either form. */
function endingOf(word: string, [from, to]: Rule): Rule | undefined {
  if (word.endsWith(from)) return [from, to];
  const folded = foldText(from);
  return folded !== from && word.endsWith(folded) ? [folded, foldText(to)] : undefined;
}

/** The first rule whose ending `word` has, applied; undefined when none fits or the stem would be too short. */
function applyFirst(word: string, rules: readonly Rule[], minStem = 2): string | undefined {
  for (const rule of rules) {
    const match = endingOf(word, rule);
    if (match && word.length - match[0].length >= minStem)
      return word.slice(0, word.length - match[0].length) + match[1];
  }
  return undefined;
}

const VOWEL = /[aeiouáéíóúàèìòùâêîôûãõ]$/;

function germanSingular(word: string): string {
  return applyFirst(word, GERMAN_EXCEPTIONS, 0) ?? applyFirst(word, GERMAN_RULES, 3) ?? word;
}

function germanPlural(word: string): string {
  const irregular = GERMAN_EXCEPTIONS.find(
    ([, singular]) => word.endsWith(singular) || word.endsWith(foldText(singular)),
  );
  if (irregular) {
    const [pluralEnd, singularEnd] = word.endsWith(irregular[1]) ? irregular : irregular.map(foldText);
    return word.slice(0, word.length - singularEnd.length) + pluralEnd;
  }
  if (VOWEL.test(word) && !word.endsWith('e')) return `${word}s`;
  return applyFirst(word, GERMAN_PLURALS, 1) ?? `${word}e`;
}

function italianSingular(word: string): string {
  // Accented endings (attività, città) and foreign words (sport, film) do not change.
  if (!/[ie]$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('e') && ITALIAN_SINGULAR_E.test(word) && !/(che|ghe)$/.test(word)) return word;
  return applyFirst(word, ITALIAN_RULES, 2) ?? word;
}

function italianPlural(word: string): string {
  if (!/[oae]$/.test(word)) return word;
  return applyFirst(word, ITALIAN_PLURALS, 1) ?? word;
}

/**
 * Spanish and Portuguese add "-s", or "-es" after a consonant: `consonantEs` lists the consonants whose
 * "-es" is dropped whole (es: hoteles → hotel, ciudades → ciudad; pt: professores → professor, but
 * cidades → cidade). Singulars in -is/-us (tenis, ônibus) stay.
 */
function iberianSingular(word: string, rules: readonly Rule[], consonantEs: RegExp): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  const ruled = applyFirst(word, rules, 2);
  if (ruled) return ruled;
  if (/[iu]s$/.test(foldText(word))) return word;
  if (consonantEs.test(word) && word.length > 5) return word.slice(0, -2);
  return word.slice(0, -1);
}

function spanishPlural(word: string): string {
  if (word.endsWith('ión')) return `${word.slice(0, -3)}iones`;
  if (word.endsWith('z')) return `${word.slice(0, -1)}ces`;
  if (/[sx]$/.test(word)) return word;
  return VOWEL.test(word) ? `${word}s` : `${word}es`;
}

function portuguesePlural(word: string): string {
  if (/[sx]$/.test(word)) return word;
  const ruled = applyFirst(word, PORTUGUESE_PLURALS, 1);
  if (ruled) return ruled;
  return /[rz]$/.test(word) ? `${word}es` : `${word}s`;
}

function frenchSingular(word: string): string {
  if (word.length <= 3 || FRENCH_INVARIANT.has(foldText(word))) return word;
  const ruled = applyFirst(word, FRENCH_RULES, 2);
  if (ruled) return ruled;
  return /[^su]s$/.test(word) ? word.slice(0, -1) : word;
}

function frenchPlural(word: string): string {
  if (/[sxz]$/.test(word)) return word;
  if (/(eau|au|eu)$/.test(word)) return `${word}x`;
  if (word.endsWith('al')) return `${word.slice(0, -2)}aux`;
  return `${word}s`;
}

/** The singular of one lower-case noun in `locale` ("prenotazioni" → "prenotazione", "termine" → "termin"). */
export function singularNoun(word: string, locale: AppLocale): string {
  switch (locale) {
    case 'en':
      return englishSingular(word);
    case 'de':
      return germanSingular(word);
    case 'it':
      return italianSingular(word);
    case 'es':
      return iberianSingular(word, SPANISH_RULES, /[aeiou][rlnd]es$/);
    case 'pt':
      return iberianSingular(word, PORTUGUESE_RULES, /[aeiou][rz]es$/);
    case 'fr':
      return frenchSingular(word);
    default:
      return word;
  }
}

/** The plural of one lower-case singular noun in `locale` ("prenotazione" → "prenotazioni", "kunde" → "kunden"). */
export function pluralNoun(word: string, locale: AppLocale): string {
  switch (locale) {
    case 'en':
      return englishPlural(word);
    case 'de':
      return germanPlural(word);
    case 'it':
      return italianPlural(word);
    case 'es':
      return spanishPlural(word);
    case 'pt':
      return portuguesePlural(word);
    case 'fr':
      return frenchPlural(word);
    default:
      return word;
  }
}
