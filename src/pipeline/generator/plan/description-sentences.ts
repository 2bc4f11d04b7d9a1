/**
 * Reads a description into noun phrases: runs of content words between the
 * function words of `description-words.ts`, each with the verb before it
 * (book / record / pay / a filler verb), the preposition that introduced it
 * ("with local walkers", "for my apartments") and whether it is part of an
 * enumeration ("tenants, leases and rent payments") or of a list after a
 * colon. What the phrases mean is `description-nouns.ts`'s business.
 */
import { ARCHETYPE_WORDS } from './archetype-words';
import { PAYMENT_NOUNS, VERB_OR_NOUN, INTENT_HEADS, type WordRole } from './description-words';
import { foldText, phraseLengthAt, singular } from './text-match';

export interface Word {
  /** Folded (`foldText`) form. */
  text: string;
  /** As the user wrote it, for labels. */
  orig: string;
  /** Index in `tokens()` of the whole text. */
  at: number;
}

type Unit =
  | { kind: 'sep'; sep: string }
  | { kind: 'role'; role: WordRole; words: Word[] }
  | { kind: 'archetype'; words: Word[] }
  | { kind: 'word'; word: Word };

/** `request`: asked of someone ("Riders request rides from drivers"), neither dated nor paid by the verb itself. */
export type Intent = 'book' | 'pay' | 'record' | 'request';

export interface Phrase {
  words: Word[];
  /** The verb the phrase is the object of. */
  intent?: Intent;
  /** `adjunct`: after a preposition ("from my garden"); `plain`: no verb before it (a subject). */
  role: 'object' | 'with' | 'for' | 'adjunct' | 'plain';
  /** The objects a `with`/`for`/`adjunct` phrase describes. */
  owners: Phrase[];
  /** The preposition before a `with`/`for`/`adjunct` phrase, folded ("from", "with", "bei"). */
  prep?: string;
  list: boolean;
  afterColon: boolean;
  beforeColon: boolean;
  sentence: number;
  /** Word indexes of the verb before the phrase. */
  verbAt?: number[];
}

export interface ReadText {
  phrases: Phrase[];
  /** Pay verbs ("… and pay in the app"), whether or not an object follows. */
  payVerbs: Word[][];
}

const WORD = /[\p{L}\p{M}\p{N}]/u;

/** Letters and digits are words; punctuation that structures a sentence is kept as a separator. */
export function lex(text: string): (Word | string)[] {
  const pieces = foldText(text.replace(/\n/g, ' . ')).match(/[\p{L}\p{M}\p{N}]+|[,;:.!?()]/gu) ?? [];
  const originals = text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const aligned = pieces.filter((piece) => WORD.test(piece)).length === originals.length;
  let at = 0;
  return pieces.map((piece) => {
    if (!WORD.test(piece)) return piece;
    const word = { text: piece, orig: aligned ? originals[at] : piece, at };
    at++;
    return word;
  });
}

/** How many words an archetype's phrase covers at `at` ("chart", "log in"); nouns of the app are not these. */
function archetypeLength(texts: readonly string[], at: number): number {
  if (PAYMENT_NOUNS.has(texts[at]) || PAYMENT_NOUNS.has(singular(texts[at])) || INTENT_HEADS.has(texts[at])) return 0;
  let best = 0;
  for (const row of ARCHETYPE_WORDS) {
    for (const phrase of row.words) best = Math.max(best, phraseLengthAt(texts, at, phrase));
  }
  return best;
}

function roleAt(
  roles: ReadonlyMap<string, WordRole>,
  texts: readonly string[],
  at: number,
): { role: WordRole; length: number } | undefined {
  for (let length = 3; length >= 1; length--) {
    const role = at + length <= texts.length ? roles.get(texts.slice(at, at + length).join(' ')) : undefined;
    if (role) return { role, length };
  }
  return undefined;
}

/** Sentences of units; separators inside a sentence ("," and ":") stay as units. */
function sentences(pieces: readonly (Word | string)[], roles: ReadonlyMap<string, WordRole>): Unit[][] {
  const result: Unit[][] = [[]];
  let run: Word[] = [];
  const flushRun = () => {
    const texts = run.map((word) => word.text);
    for (let i = 0; i < run.length;) {
      const role = roleAt(roles, texts, i);
      const archetype = archetypeLength(texts, i);
      const length = Math.max(role?.length ?? 0, archetype, 1);
      const words = run.slice(i, i + length);
      const unit: Unit =
        role && role.length >= archetype
          ? { kind: 'role', role: role.role, words }
          : archetype
            ? { kind: 'archetype', words }
            : { kind: 'word', word: run[i] };
      result[result.length - 1].push(unit);
      i += length;
    }
    run = [];
  };
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      run.push(piece);
      continue;
    }
    flushRun();
    if (/[.!?;()]/.test(piece)) result.push([]);
    else result[result.length - 1].push({ kind: 'sep', sep: piece });
  }
  flushRun();
  return result.filter((units) => units.length);
}

/** An English past participle ("routes I tasted", "bugs reported by"): a verb, not a noun. */
function isParticiple(text: string, english: boolean): boolean {
  return english && text.length > 4 && /[^e]ed$/.test(text);
}

/** A plural English word right before "book"/"log" is its subject: "customers book haircuts". */
function isPluralWord(text: string): boolean {
  return text.length > 3 && singular(text) !== text;
}

/** Reads one sentence into noun phrases, each with the verb and preposition before it. */
function readSentence(units: readonly Unit[], sentence: number, english: boolean, payVerbs: Word[][]): Phrase[] {
  const phrases: Phrase[] = [];
  let run: Word[] = [];
  let intent: Intent | undefined;
  let verbAt: number[] | undefined;
  let role: Phrase['role'] = 'plain';
  let prep: string | undefined;
  let objects: Phrase[] = [];
  let verbSlot = true;
  let skipVerb = false;
  let afterColon = false;
  // The noun right before a "," or "and": a list when another noun follows directly ("tenants, leases").
  let listFrom: Phrase | undefined;
  // Each listed phrase → the one listed before it ("Hunde, Katzen und Pferde"), for a verb that ends the list.
  const listedAfter = new Map<Phrase, Phrase>();
  const flush = (): Phrase | undefined => {
    if (!run.length) return undefined;
    const phrase: Phrase = {
      words: run,
      // "log bugs reported by testers": the verb acts on the bugs, not on the testers.
      intent: role === 'object' || role === 'plain' ? intent : undefined,
      role,
      owners: role === 'with' || role === 'for' || role === 'adjunct' ? objects.slice() : [],
      ...(role === 'with' || role === 'for' || role === 'adjunct' ? { prep } : {}),
      list: false,
      afterColon,
      beforeColon: false,
      sentence,
      verbAt,
    };
    if (listFrom) {
      phrase.list = listFrom.list = true;
      listedAfter.set(phrase, listFrom);
    }
    listFrom = undefined;
    phrases.push(phrase);
    if (role === 'object' || role === 'plain') objects.push(phrase);
    run = [];
    return phrase;
  };
  const breakList = () => {
    flush();
    listFrom = undefined;
  };
  const verb = (next: Intent | undefined, words: readonly Word[], following: Unit | undefined) => {
    const before = flush();
    listFrom = undefined;
    // Verb last ("Fahrstunden buchen und bezahlen", "Gassigeher und Kunden verwalten"): the nouns listed
    // right before it are its objects; "Termine mit Kunden buchen" books the Termine, not the Kunden.
    // German may put "mit …" after its final verb ("Spaziergänge buchen mit Gassigehern"); English
    // "customers book with walkers" has its subject there, not an object.
    const closing =
      following?.kind === 'role' && (following.role === 'conj' || (!english && following.role === 'with'));
    const last = !following || following.kind === 'sep' || closing;
    const described = before?.role === 'with' || before?.role === 'for';
    const nearest = described ? before.owners[before.owners.length - 1] : before;
    const objectsBefore: Phrase[] = [];
    for (let phrase = nearest; last && phrase; phrase = listedAfter.get(phrase)) {
      if (phrase.role !== 'object' && phrase.role !== 'plain') break;
      if (phrase.intent && phrase.intent !== intent) break;
      objectsBefore.push(phrase);
    }
    for (const phrase of objectsBefore) {
      phrase.role = 'object';
      phrase.intent = next;
      phrase.verbAt = next ? words.map((word) => word.at) : undefined;
    }
    // A verb that took the nouns before it is done: the next clause ("…, Kunden verwalten") is not booked too.
    const done = objectsBefore.length > 0;
    intent = done ? undefined : next;
    verbAt = next && !done ? words.map((word) => word.at) : undefined;
    role = done ? 'plain' : 'object';
    // "… buchen mit Gassigehern": a "with" after the verb still describes the nouns it took.
    objects = done ? objectsBefore.slice() : [];
    verbSlot = false;
    skipVerb = false;
  };
  units.forEach((unit, index) => {
    const next = units[index + 1];
    if (unit.kind === 'word') {
      const text = unit.word.text;
      const ambiguous = VERB_OR_NOUN.get(text);
      const subjectBefore =
        english && run.length > 0 && isPluralWord(run[run.length - 1].text) && next?.kind !== 'sep' && next;
      if (ambiguous && (verbSlot || subjectBefore)) {
        return verb(ambiguous === 'act' ? undefined : ambiguous, [unit.word], next);
      }
      if (skipVerb || isParticiple(text, english)) {
        // "routes I sent with …": the relative clause's verb; the objects before it keep their "with".
        flush();
        skipVerb = false;
        verbSlot = false;
        return;
      }
      run.push(unit.word);
      verbSlot = false;
      return;
    }
    if (unit.kind === 'archetype') {
      if (unit.words.length === 1 && isParticiple(unit.words[0].text, english)) {
        // "bugs reported by testers" is no report screen: a participle like any other.
        flush();
        return;
      }
      // A feature word ("search", "chart"): a verb or a noun the archetype miner owns.
      breakList();
      intent = undefined;
      role = 'plain';
      objects = [];
      return;
    }
    if (unit.kind === 'sep') {
      const before = flush();
      listFrom = unit.sep === ',' ? before : undefined;
      if (unit.sep === ':') {
        if (phrases.length) phrases[phrases.length - 1].beforeColon = true;
        afterColon = true;
        intent = undefined;
        role = 'object';
        objects = [];
      }
      verbSlot = true;
      return;
    }
    switch (unit.role) {
      case 'of':
        // "pistas de pádel", "bottles of wine": the preposition joins two nouns into one phrase.
        if (run.length && next?.kind === 'word') run.push(...unit.words);
        else breakList();
        return;
      case 'adjective':
        // "local walkers": skipped before a noun; after one ("dog-friendly cafes") it ends the noun.
        if (run.length) breakList();
        return;
      case 'conj':
        listFrom = flush() ?? listFrom;
        verbSlot = true;
        return;
      case 'article':
        if (run.length) breakList();
        verbSlot = false;
        skipVerb = false;
        return;
      case 'with':
      case 'for':
      case 'prep':
        breakList();
        role = unit.role === 'prep' ? 'adjunct' : unit.role;
        prep = unit.words.map((word) => word.text).join(' ');
        verbSlot = false;
        return;
      case 'book':
      case 'pay':
      case 'record':
        if (unit.role === 'pay') payVerbs.push(unit.words);
        return verb(unit.role, unit.words, next);
      case 'filler':
        // "every coffee I drink with …": the relative clause's verb keeps the objects before it.
        if (skipVerb) {
          skipVerb = false;
          verbSlot = false;
          return;
        }
        return verb(undefined, [], next);
      case 'pronoun':
      case 'modal':
        breakList();
        verbSlot = true;
        skipVerb = true;
        return;
      default:
        breakList();
    }
  });
  flush();
  return phrases;
}

/** The phrases of `pieces` (`lex` output) read with one language's `roles`. */
export function readText(
  pieces: readonly (Word | string)[],
  roles: ReadonlyMap<string, WordRole>,
  english: boolean,
): ReadText {
  const payVerbs: Word[][] = [];
  const phrases = sentences(pieces, roles).flatMap((units, index) => readSentence(units, index, english, payVerbs));
  return { phrases, payVerbs };
}
