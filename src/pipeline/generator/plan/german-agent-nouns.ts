/**
 * German nouns of people made from a verb: "Gassigeher" (who goes walkies),
 * "Fahrer", "Betreuer", "Lehrerin", "Spielerinnen". English finds its agent
 * nouns through known verb stems (`AGENT_STEMS`); German ones are read by
 * shape, because the verb in front of "-er" takes too many forms (gehen →
 * Geher, laufen → Läufer, kaufen → Verkäufer) and compounds put any word
 * before it ("Gassi-geher", "Hunde-trainer").
 *
 * The rule, on a folded (`foldText`) word:
 * - "-erin" / "-erinnen" (the feminine form) is always a person;
 * - "-er" / "-ern" (the plural is the singular, "-ern" the dative plural) is a
 *   person when the word is long enough to have a stem before the ending and
 *   does not end in a word of {@link NOT_PEOPLE_ENDINGS} (or is one of {@link NOT_PEOPLE_WORDS}): things named like agents
 *   (Drucker, Ordner, Filter), plurals of things (Bücher, Bilder), months, and
 *   plain nouns in -er (Wasser, Zimmer, Kalender), matched at the end of a
 *   compound as well ("Wasserfilter", "Terminkalender").
 * The callers ask only where a list of people fits: a feature label (a screen
 * of records) or a noun the description lists or acts on ("Gassigeher und
 * Kunden verwalten"), never a word in passing.
 */

/**
 * German words in -er that name no person. Folded (ä → a, ß → ss), singular and plural alike
 * (German -er nouns keep their form), matched as the end of a word.
 */
const NOT_PEOPLE_ENDINGS: readonly string[] = [
  // Things named like agents: what does something is often a device or a container.
  'kalender',
  'ordner',
  'computer',
  'filter',
  'drucker',
  'rechner',
  'wecker',
  'schalter',
  'behalter',
  'container',
  'scanner',
  'router',
  'server',
  'speicher',
  'sender',
  'stecker',
  'regler',
  'timer',
  'tracker',
  'marker',
  'sticker',
  'aufkleber',
  'anhanger',
  'trailer',
  'thriller',
  'poster',
  'flyer',
  'banner',
  'cover',
  'newsletter',
  'reminder',
  'player',
  'becher',
  'kocher',
  'staubsauger',
  'rasenmaher',
  'lautsprecher',
  // Plain nouns that end in -er.
  'wasser',
  'zimmer',
  'fenster',
  'messer',
  'koffer',
  'keller',
  'lager',
  'theater',
  'liter',
  'meter',
  'nummer',
  'muster',
  'register',
  'orchester',
  'semester',
  'monster',
  'wetter',
  'fehler',
  'eimer',
  'finger',
  'hammer',
  'kammer',
  'klammer',
  'futter',
  'pulver',
  'zucker',
  'pfeffer',
  'butter',
  'korper',
  'pflaster',
  'polster',
  'ziffer',
  'feuer',
  'steuer',
  'abenteuer',
  'mauer',
  'dauer',
  'feier',
  'leder',
  'feder',
  'fieber',
  'zentner',
  'cluster',
  'center',
  'hamster',
  'tiger',
  'kater',
  'winter',
  'sommer',
  'september',
  'oktober',
  'november',
  'dezember',
  // Neuter plurals in -er: things, not people ("Kinder" are people and stay).
  'bucher',
  'lieder',
  'hauser',
  'felder',
  'facher',
  'glaser',
  'blatter',
  'dorfer',
  'krauter',
  'rader',
  'kleider',
  'worter',
  'gelder',
  'gehalter',
];

/**
 * The same for words that end other people's names when matched as an ending ("Ver-walter" ends in
 * "alter", "Ver-käufer" in "ufer", "Aus-bilder" in "bilder", "Betr-euer" in "euer"): whole words only.
 * Function words a sentence may end a phrase with are here too.
 */
const NOT_PEOPLE_WORDS: ReadonlySet<string> = new Set([
  'teller',
  'ufer',
  'alter',
  'zahler',
  'planer',
  'trager',
  'lander',
  'bilder',
  'amter',
  'eier',
  'roller',
  'stern',
  'ostern',
  'konzern',
  'modern',
  'intern',
  'immer',
  'wieder',
  'aber',
  'oder',
  'uber',
  'unser',
  'euer',
  'jeder',
  'dieser',
  'welcher',
  'weiter',
  'spater',
  'sicher',
  'besser',
  'lieber',
  'leider',
  'einer',
]);

/**
 * Verbs in -ern ("Termine erinnern", "Fotos speichern"), as written and as the "-ern → -er" plural rule
 * leaves them ("erinner"): the infinitive at the end of a German clause, not a dative plural.
 */
const VERBS_IN_ERN: ReadonlySet<string> = new Set([
  'erinnern',
  'sichern',
  'liefern',
  'andern',
  'fordern',
  'verbessern',
  'erweitern',
  'verhindern',
  'wandern',
  'klettern',
  'rudern',
  'feiern',
  'steuern',
  'plaudern',
  'schildern',
  'wundern',
  'zaubern',
]);

/** Shortest word read as an agent noun: "Maler" and "Fahrer" are, "Ader" and "Eier" are not. */
const MIN_LENGTH = 5;

/** Whether a folded German word names people by its shape (see the file comment for the rule). */
export function isGermanAgentNoun(word: string): boolean {
  if (!/^[a-z]+$/.test(word) || word.length < MIN_LENGTH) return false;
  if (/erin(nen)?$/.test(word)) return true;
  if (!/ern?$/.test(word)) return false;
  const singular = word.endsWith('ern') ? word.slice(0, -1) : word;
  if (NOT_PEOPLE_WORDS.has(word) || NOT_PEOPLE_WORDS.has(singular)) return false;
  if (VERBS_IN_ERN.has(word) || VERBS_IN_ERN.has(`${word}n`)) return false;
  return !NOT_PEOPLE_ENDINGS.some((thing) => singular.endsWith(thing));
}
