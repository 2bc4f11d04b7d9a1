/**
 * The app's own nouns, mined from a description the word tables do not cover:
 * "Book dog walks with local walkers and pay in the app" → a calendar of dog
 * walks (walker, date, price, paid) and a list of walkers. The phrases come
 * from `description-sentences.ts`; here the verb before a phrase says what the
 * app does with it (book → a calendar, log/track → a dated record, pay →
 * money fields), "with …" adds fields or a related entity, and the noun's
 * shape (a person, a payment, a lease, a vote, an event, a bookable resource,
 * a thing) picks the rest of its fields. Rule-based and deterministic.
 */
import { asciiLetters } from '../naming';
import { appLocale, type AppLocale } from './app-language';
import {
  DOMAIN_ENTITIES,
  PERSON_FIELDS,
  PERSON_SHAPE,
  WEAK_DESCRIPTION_WORDS,
  germanCompoundHead,
  parseFieldSpecs,
  type DomainEntity,
} from './domain-entities';
import { lex, readText, type Phrase, type Word } from './description-sentences';
import { isGermanAgentNoun } from './german-agent-nouns';
import {
  AGENT_STEMS,
  CONTRACT_WORDS,
  EVENT_WORDS,
  FIELD_WORDS,
  HEAD_FIRST_LOCALES,
  INTENT_HEADS,
  PAYMENT_NOUNS,
  PERSON_WORDS,
  RESOURCE_WORDS,
  SHOP_WORDS,
  SOURCE_PREPOSITIONS,
  VOTE_WORDS,
  wordRoles,
  type WordRole,
} from './description-words';
import { pluralNoun, singularNoun } from './noun-inflection';
import { foldText, phraseIndex, plural, singular, tokens } from './text-match';

/** One screen's worth of data found in the description. */
export interface MinedNoun {
  /** Index of the noun's first word in `tokens(name + "\n" + description)`. */
  at: number;
  /** The screen title, in the user's words ("Dog walks", "Học phí"). */
  title: string;
  archetype: 'entity' | 'calendar';
  /** A row of the domain table, or one built from the description. */
  row: DomainEntity;
  fieldsFrom: 'domain' | 'description';
  /** snake_case plural in the description's language (`prenotazioni`, `kunden`), for a row built from it. */
  tableName?: string;
  /** What the description does with it: books it ("book dog walks"), or logs it ("track expenses"). */
  intent?: 'book' | 'record';
  /**
   * The table's row a label of the same word names, which this noun stands in for: "book lessons with
   * tutors" books a lesson at a time with a tutor, not one of the table's courses ("Course").
   */
  replaces?: string;
}

export interface MinedNouns {
  nouns: MinedNoun[];
  /** Word indexes the nouns (and the verbs acting on them) used: feature words there are not mined again. */
  consumed: ReadonlySet<number>;
  /** Where the description asks to pay in an app that sells things: a checkout fits there. */
  checkoutAt?: number;
}

/** More screens than this from one description is noise, not an app. */
const MAX_NOUNS = 6;

/** More references to other entities than this and a form becomes a database schema. */
const MAX_REFS = 2;

type Kind = 'person' | 'payment' | 'contract' | 'vote' | 'event' | 'activity' | 'measure' | 'resource' | 'thing';

interface FieldSpec {
  name: string;
  type: string;
  required: boolean;
  /** The `className` of the noun a reference field points at. */
  refersTo?: string;
}

interface Noun {
  phrase: Phrase;
  kind: Kind;
  domain?: DomainEntity;
  className: string;
  /** The plural table/collection in the noun's language (`prenotazioni`); English rules when unset. */
  tableName?: string;
  title: string;
  label: string;
  pluralLabel: string;
  /** Field name other entities use to point at this one ("walker", "student"). */
  refName: string;
  /** Field of the head word: which court a booking is for, what a measurement measures. */
  headField: FieldSpec;
  /** "plant watering schedule" is shown as a calendar, "workout log" as records. */
  view?: 'book' | 'record';
  attrs: FieldSpec[];
  requiredRefs: Noun[];
  refs: Noun[];
  pay: boolean;
  /** Word indexes of the phrase, the verb before it and the "with" words it took. */
  used: number[];
  /** The table's row the words name, which the noun does not keep (`MinedNoun.replaces`). */
  replaces?: string;
}

interface Context {
  /** The description's language: it decides singulars, plurals and word order. */
  locale: AppLocale;
  roles: ReadonlyMap<string, WordRole>;
  /** Vietnamese words are several syllables ("hội viên"): a reference is named after all of them. */
  syllables: boolean;
  headFirst: boolean;
  textWords: ReadonlySet<string>;
  /** Phrases the description books with a person ("lessons" in "book lessons with tutors"). */
  bookedWithPeople: ReadonlySet<Phrase>;
  nameWords: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** UpperCamelCase from folded Latin words ("climbing route" → ClimbingRoute); empty when none. */
function camel(words: readonly string[]): string {
  return words
    .flatMap((word) => word.split(/[^a-z0-9]+/))
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Languages whose nouns `noun-inflection.ts` knows the plural of. */
const INFLECTED_LOCALES: ReadonlySet<AppLocale> = new Set(['de', 'it', 'es', 'pt', 'fr']);

/**
 * Singular of a folded head word: the rules of the description's language;
 * English rules in English (or a bare "-s" dropped when an English head comes
 * first: "bottles of wine"), and in languages without plurals a bare "-s"
 * dropped from a borrowed word.
 */
function singularOf(word: string, headFirst: boolean, locale: AppLocale): string {
  if (INFLECTED_LOCALES.has(locale)) return foldText(singularNoun(word, locale));
  if (!headFirst) return singular(word);
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(ones|ores|ales)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function isPlural(word: string, ctx: Context): boolean {
  if (word.length <= 3 || /(ss|us|is)$/.test(word) || ctx.roles.has(word)) return false;
  return singularOf(word, ctx.headFirst, ctx.locale) !== word;
}

function isPaymentWord(text: string): boolean {
  return PAYMENT_NOUNS.has(text) || PAYMENT_NOUNS.has(singular(text));
}

/** Whether a set's entry is the head, or (for multi-word entries: "hop dong") occurs in the phrase. */
function hasWord(set: ReadonlySet<string>, words: readonly string[], head: string): boolean {
  if (set.has(head)) return true;
  for (const entry of set) if (entry.includes(' ') && phraseIndex(words, entry) >= 0) return true;
  return false;
}

/**
 * Whether a German compound ends in one of the set's words: "Hundespaziergang" is a Spaziergang,
 * "Tennisplatz" a Platz. Only German glues its nouns, and only words of four letters or more count.
 */
function endsCompound(set: ReadonlySet<string>, head: string, ctx: Context): boolean {
  if (ctx.locale !== 'de') return false;
  for (const word of set) if (word.length >= 4 && head.length > word.length && head.endsWith(word)) return true;
  return false;
}

/** {@link hasWord}, or the end of a German compound. */
function namesKind(set: ReadonlySet<string>, words: readonly string[], head: string, ctx: Context): boolean {
  return hasWord(set, words, head) || endsCompound(set, head, ctx);
}

function isPerson(head: string, words: readonly string[], ctx: Context): boolean {
  if (hasWord(PERSON_WORDS, words, head)) return true;
  // "Gassigeher", "Betreuerinnen": German agent nouns, named as a list (only listed phrases get here).
  if (ctx.locale === 'de' && isGermanAgentNoun(head)) return true;
  if (PERSON_SHAPE.test(head) && !/(fee|tree|coffee|degree)$/.test(head)) return true;
  // "walkers" walk, "visitors" visit: an -er/-or noun of a known verb, or of a verb the text uses.
  const agent = /^([a-z]+?)(er|or)$/.exec(head);
  if (!agent) return false;
  const stem = agent[1];
  return [stem, stem.replace(/(.)\1$/, '$1'), `${stem}e`].some(
    (candidate) => AGENT_STEMS.has(candidate) || ctx.textWords.has(candidate),
  );
}

/** The domain row a phrase names; in head-last languages the row's word must end the phrase. */
function domainOf(
  words: readonly string[],
  headFirst: boolean,
  locale: AppLocale,
): { row: DomainEntity; start: number; end: number } | undefined {
  const singulars = words.map((word) => singularOf(word, headFirst, locale));
  // "Arzttermine", "Tischreservierungen": a German compound is the record its last part names.
  const heads = locale === 'de' ? [singulars.map(germanCompoundHead)] : [];
  const forms = [words, singulars, words.map(singular), ...heads];
  let best: { row: DomainEntity; start: number; end: number } | undefined;
  for (const row of DOMAIN_ENTITIES) {
    for (const phrase of row.words) {
      for (const form of forms) {
        const start = phraseIndex(form, phrase);
        if (start < 0) continue;
        const end = start + phrase.split(' ').length;
        if (!headFirst && end !== words.length) continue;
        if (!best || end - start > best.end - best.start) best = { row, start, end };
      }
    }
  }
  return best;
}

/** A phrase the app is about rather than a thing in it: the app's name, or "a book club: books, …". */
function isTopic(phrase: Phrase, phrases: readonly Phrase[], ctx: Context): boolean {
  // "Organise a book club" in an app named Book Club; "log every coffee" in Coffee and "rate cleaners"
  // in Cleaners are still things the app keeps.
  const texts = phrase.words.map((word) => word.text);
  const named = texts.join(' ') === ctx.nameWords && singular(texts[texts.length - 1]) === texts[texts.length - 1];
  if (named && !phrase.intent) return true;
  return phrase.beforeColon && phrases.some((other) => other.sentence === phrase.sentence && other.afterColon);
}

/** Index of the head word: before "of"/"de" when the phrase has one, else by the language's order. */
function headIndexOf(words: readonly Word[], ctx: Context): number {
  const joiner = words.findIndex((word, i) => i > 0 && ctx.roles.get(word.text) === 'of');
  if (joiner > 0) return joiner - 1;
  return ctx.headFirst ? 0 : words.length - 1;
}

function kindOf(texts: readonly string[], head: string, phrase: Phrase, view: Noun['view'], ctx: Context): Kind {
  if (isPerson(head, texts, ctx)) return 'person';
  if (namesKind(CONTRACT_WORDS, texts, head, ctx)) return 'contract';
  if (namesKind(VOTE_WORDS, texts, head, ctx)) return 'vote';
  if (namesKind(EVENT_WORDS, texts, head, ctx)) return 'event';
  if (/(ing|tion|sion|ment)$/.test(head)) return 'activity';
  const booked = phrase.intent === 'book' || view === 'book';
  if (booked && namesKind(RESOURCE_WORDS, texts, head, ctx)) return 'resource';
  if (phrase.intent === 'record' && FIELD_WORDS.has(head)) return 'measure';
  return 'thing';
}

/** Whether a phrase names something the app keeps, by how the sentence introduced it. */
function isAccepted(
  phrase: Phrase,
  facts: {
    plural: boolean;
    domain: boolean;
    strong: boolean;
    payment: boolean;
    person: boolean;
    attribute: boolean;
    view: boolean;
  },
): boolean {
  if (facts.payment) return true;
  if (phrase.role === 'for' || phrase.role === 'adjunct')
    return facts.strong || (facts.plural && (facts.domain || facts.person));
  if (facts.attribute) return !!phrase.intent || phrase.list || phrase.afterColon;
  // Objects of book/log/pay, enumerations and views count even in the singular ("log fertilizer").
  const listed = (phrase.role === 'object' && !!phrase.intent) || phrase.list || phrase.afterColon || facts.view;
  return listed || facts.plural || facts.strong;
}

/** Singular and plural labels in the user's words: "Pista de pádel" / "Pistas de pádel". */
function labelsOf(
  all: readonly Word[],
  headIndex: number,
  headSingular: string,
  isPluralHead: boolean,
  ctx: Context,
): { label: string; pluralLabel: string } {
  const head = all[headIndex].text;
  const origWords = all.map((word) => word.orig.toLocaleLowerCase());
  // The singular drops as many letters from the word as written as folding dropped ("pistas" → "pista").
  const origSingular = origWords.map((orig, i) =>
    i === headIndex && isPluralHead && foldText(orig).length === head.length
      ? orig.slice(0, orig.length - (head.length - headSingular.length))
      : orig,
  );
  const label = capitalize(origSingular.join(' '));
  if (isPluralHead) return { label, pluralLabel: capitalize(origWords.join(' ')) };
  return { label, pluralLabel: ctx.headFirst ? label : capitalize(plural(origSingular.join(' '))) };
}

/**
 * The phrase as written, once with a singular and once with a plural head, in
 * a language `noun-inflection.ts` knows: "Prenotazione" / "Prenotazioni",
 * "Hundespaziergang" / "Hundespaziergänge". German keeps its capitals
 * ("neue Kunden" → "Neue Kunden"); other languages write nouns in lower case.
 */
function inflectedForms(all: readonly Word[], headIndex: number, ctx: Context): { one: string[]; many: string[] } {
  const written = all.map((word) => (ctx.locale === 'de' ? word.orig : word.orig.toLocaleLowerCase()));
  const head = written[headIndex];
  const lower = head.toLocaleLowerCase();
  const keepCase = (form: string) => (head === lower ? form : capitalize(form));
  const singular_ = singularNoun(lower, ctx.locale);
  const one = keepCase(singular_);
  const many = isGermanDative(lower, singular_, ctx)
    ? keepCase(pluralNoun(singular_, ctx.locale))
    : isPlural(all[headIndex].text, ctx)
      ? head
      : keepCase(pluralNoun(singularNoun(lower, ctx.locale), ctx.locale));
  return {
    one: written.map((word, i) => (i === headIndex ? one : word)),
    many: written.map((word, i) => (i === headIndex ? many : word)),
  };
}

/**
 * Whether a German head is a dative plural ("mit Gassigehern", "bei Ärzten"): its plural with an "-n"
 * added. The list is titled in the nominative plural ("Gassigeher", "Ärzte"); "Kunden" is one already.
 */
function isGermanDative(head: string, singular_: string, ctx: Context): boolean {
  if (ctx.locale !== 'de') return false;
  const nominative = foldText(pluralNoun(singular_, 'de'));
  return nominative !== foldText(head) && `${nominative}n` === foldText(head);
}

/** Lower-case ASCII words for identifiers: umlauts spelled out ("gänge" → "gaenge"), other marks dropped. */
function identifierWords(words: readonly string[]): string[] {
  return words.map((word) => asciiLetters(word).toLowerCase());
}

/** A phrase as the noun it names, or undefined when it is not one the app keeps. */
function nounOf(phrase: Phrase, ctx: Context): Noun | undefined {
  let all = phrase.words;
  if (all.some((word) => !/[a-z]/.test(word.text))) return undefined;
  // "plant watering schedule": the outer noun says how to show the rest.
  let view: Noun['view'];
  const edge = ctx.headFirst ? 0 : all.length - 1;
  const intentHead = INTENT_HEADS.get(all[edge].text);
  if (intentHead && all.length === 1) return undefined;
  if (intentHead) {
    view = intentHead;
    all = ctx.headFirst ? all.slice(1) : all.slice(0, -1);
    if (ctx.roles.get(all[0].text) === 'of') all = all.slice(1);
  }
  const headIndex = headIndexOf(all, ctx);
  const texts = all.map((word) => word.text);
  const head = texts[headIndex];
  const headSingular = singularOf(head, ctx.headFirst || headIndex < texts.length - 1, ctx.locale);
  const plural_ = isPlural(head, ctx);
  // English "bottles of wine" is a wine bottle; Romance "pistas de pádel" keeps its order.
  const content = texts
    .map((text, i) => (i === headIndex ? headSingular : text))
    .filter((text) => ctx.roles.get(text) !== 'of');
  const keyWords = !ctx.headFirst && headIndex < texts.length - 1 ? [...content.slice(1), content[0]] : content;
  const ownWords = texts.filter((text) => ctx.roles.get(text) !== 'of');
  const headFirst = ctx.headFirst || headIndex < texts.length - 1;
  // "Riders request rides": ride requests when the table keeps them (pickup, destination, fare) and
  // has no row of the words alone ("Tenants request repairs" keeps the table's repairs).
  const found =
    domainOf(ownWords, headFirst, ctx.locale) ??
    (phrase.intent === 'request' ? domainOf([...ownWords, 'request'], headFirst, ctx.locale) : undefined);
  // "Students book lessons with tutors": a lesson at a time with one of them, not one of the table's
  // courses (a title, a teacher typed in, a start date); the table's bookings and dated rows stay.
  const replaced =
    found &&
    phrase.intent === 'book' &&
    ctx.bookedWithPeople.has(phrase) &&
    !/:date!/.test(found.row.fields) &&
    namesKind(EVENT_WORDS, texts, headSingular, ctx);
  const domain = replaced ? undefined : found;
  const payment = isPaymentWord(head) || PAYMENT_NOUNS.has(content.join(' '));
  const person = isPerson(headSingular, texts, ctx);
  const strong =
    !!domain && (plural_ || domain.end - domain.start > 1 || !WEAK_DESCRIPTION_WORDS.has(content[domain.start]));
  const attribute = FIELD_WORDS.has(head) || FIELD_WORDS.has(headSingular);
  // German -er nouns of people have no plural ending ("Fahrlehrer verwalten"): an object or a subject is
  // read as the list it names; after "mit"/"für" ("mit dem Trainer") only a plural ending counts.
  const germanPeople =
    ctx.locale === 'de' && (phrase.role === 'object' || phrase.role === 'plain') && isGermanAgentNoun(headSingular);
  const facts = {
    plural: plural_ || germanPeople,
    domain: !!domain,
    strong,
    payment,
    person,
    attribute,
    view: view !== undefined,
  };
  if (!isAccepted(phrase, facts)) return undefined;

  const kind: Kind = payment ? 'payment' : kindOf(texts, headSingular, phrase, view, ctx);
  let { label, pluralLabel } = labelsOf(all, headIndex, headSingular, plural_, ctx);
  // Identifiers spell the words out in ASCII; in a language with its own plurals the table is that plural.
  let idWords = keyWords;
  let headId = headSingular;
  let tableName: string | undefined;
  if (INFLECTED_LOCALES.has(ctx.locale)) {
    const forms = inflectedForms(all, headIndex, ctx);
    label = capitalize(forms.one.join(' '));
    pluralLabel = capitalize(forms.many.join(' '));
    // The same words and order as `keyWords`: "Termine von Kunden" → KundenTermin / kunden_termine.
    const ordered = (words: string[]) => {
      const kept = identifierWords(words.filter((_, i) => ctx.roles.get(texts[i]) !== 'of'));
      return keyWords === content ? kept : [...kept.slice(1), kept[0]];
    };
    idWords = ordered(forms.one);
    headId = identifierWords([forms.one[headIndex]])[0];
    tableName = ordered(forms.many).join('_');
  }
  // A booked resource's records are its bookings ("New court booking", not "New court"); as in
  // `bookingOfPerson`, named so in English only.
  if (kind === 'resource' && ctx.locale === 'en') {
    pluralLabel = `${label} bookings`;
    label = `${label} booking`;
  }
  const paymentStem = PAYMENT_NOUNS.get(keyWords.join(' '));
  const stem = paymentStem || camel(idWords);
  if (!/^[A-Z]/.test(stem)) return undefined;
  const headName = lowerFirst(camel([headId])) || lowerFirst(stem);
  const noun: Noun = {
    phrase,
    kind,
    className: kind === 'resource' ? `${stem}Booking` : stem,
    tableName: kind === 'resource' || paymentStem ? undefined : tableName,
    // The words as written, unless a German dative changed them ("mit Gassigehern" → "Gassigeher").
    title: isGermanDative(head, headSingular, ctx)
      ? pluralLabel
      : capitalize(phrase.words.map((word) => word.orig).join(' ')),
    label,
    pluralLabel,
    refName: ctx.syllables ? lowerFirst(stem) : headName,
    headField: { name: headName, type: FIELD_WORDS.get(headSingular) ?? 'text', required: true },
    view,
    attrs: [],
    requiredRefs: [],
    refs: [],
    pay: false,
    used: [...phrase.words.map((word) => word.at), ...(phrase.verbAt ?? [])],
    ...(replaced && found ? { replaces: found.row.className } : {}),
  };
  if (domain && !payment) {
    noun.domain = domain.row;
    noun.className = domain.row.className;
    noun.label = domain.row.label;
    noun.pluralLabel = domain.row.pluralLabel;
    // A singular mention in English ("my plant") titles the screen with the table's plural.
    if (!plural_ && ctx.locale === 'en') noun.title = domain.row.pluralLabel;
    // English keeps the user's word ("apartment" for a Listing); other languages the table's class.
    if (ctx.locale !== 'en' || domain.end - domain.start > 1) noun.refName = lowerFirst(domain.row.className);
  }
  return noun;
}

/** A typed field for an attribute word ("attempts" → attempts: int), else a text field named after it. */
function attributeOf(phrase: Phrase): FieldSpec | undefined {
  const texts = phrase.words.map((word) => word.text);
  const type = FIELD_WORDS.get(texts.join(' ')) ?? FIELD_WORDS.get(texts[texts.length - 1]) ?? 'text';
  const name = lowerFirst(camel(texts));
  return /^[a-z][A-Za-z0-9]*$/.test(name) ? { name, type, required: false } : undefined;
}

function isAttributeWord(phrase: Phrase): boolean {
  const texts = phrase.words.map((word) => word.text);
  return FIELD_WORDS.has(texts.join(' ')) || FIELD_WORDS.has(texts[texts.length - 1]);
}

/** A name listed twice is one field, required (or a reference) if either is. */
function mergeFields(fields: readonly FieldSpec[]): FieldSpec[] {
  const byName = new Map<string, FieldSpec>();
  for (const field of fields) {
    const seen = byName.get(field.name);
    if (seen) {
      seen.required ||= field.required;
      seen.refersTo ??= field.refersTo;
    } else byName.set(field.name, { ...field });
  }
  return [...byName.values()];
}

/** Field specs → the `name:type!` string of a domain row. */
function fieldString(fields: readonly FieldSpec[]): string {
  return fields.map((field) => `${field.name}:${field.type}${field.required ? '!' : ''}`).join(', ');
}

/** The references of the fields, by field name, for the row's `refersTo`. */
function referencesOf(fields: readonly FieldSpec[]): Record<string, string> | undefined {
  const refs = fields.filter((field) => field.refersTo);
  return refs.length ? Object.fromEntries(refs.map((field) => [field.name, field.refersTo as string])) : undefined;
}

const refField = (noun: Noun, required: boolean): FieldSpec => ({
  name: noun.refName,
  type: 'text',
  required,
  refersTo: noun.className,
});
const field = (name: string, type: string, required = false): FieldSpec => ({ name, type, required });

/**
 * A reference holds an id, so it cannot title the record ("a dog walk with Anna" is a walk, Anna is a
 * walker): where the first required text field is a reference, the record's own name (a vote's voter)
 * becomes required and goes first, or else a title goes before it.
 */
function withTitle(fields: readonly FieldSpec[]): FieldSpec[] {
  const title = fields.find((spec) => spec.required && (spec.type === 'text' || spec.type === 'longText'));
  if (!title?.refersTo || fields.some((spec) => spec.name === 'title')) return [...fields];
  const own = fields.find((spec) => OWN_NAME_FIELDS.has(spec.name) && spec.type === 'text' && !spec.refersTo);
  if (own) return [{ ...own, required: true }, ...fields.filter((spec) => spec !== own)];
  return [field('title', 'text', true), ...fields];
}

/** Text fields that name the record itself, so they can title it when its first required field is a reference. */
const OWN_NAME_FIELDS: ReadonlySet<string> = new Set(['voter', 'name', 'label']);

/** The fields of a noun the table does not know: its shape, its references, its attributes and intents. */
function fieldsOf(noun: Noun): FieldSpec[] {
  const titled = noun.kind !== 'person' && noun.kind !== 'resource' && noun.kind !== 'measure';
  const [titleRef, ...otherRequired] = titled ? noun.requiredRefs : [];
  const refs = [...(titled ? otherRequired : noun.requiredRefs), ...noun.refs].slice(0, MAX_REFS);
  const title = (fallback: string): FieldSpec => (titleRef ? refField(titleRef, true) : field(fallback, 'text', true));
  const fields: FieldSpec[] = [];
  const add = (...more: FieldSpec[]) => fields.push(...more);
  switch (noun.kind) {
    case 'person':
      // The same contact fields as a person named in a feature label; notes go last, below.
      add(...parseFieldSpecs(PERSON_FIELDS).filter((spec) => spec.type !== 'longText'));
      break;
    case 'payment':
      add(title('title'), field('amount', 'money', true), field('dueDate', 'date', true), field('paid', 'bool'));
      break;
    case 'contract':
      add(title('title'), field('startDate', 'date', true), field('endDate', 'date'), field('amount', 'money'));
      break;
    case 'vote':
      add(title('choice'), field('voter', 'text'), field('date', 'date', true));
      break;
    case 'event':
      // Meetings, visits, walks happen somewhere.
      add(title('title'), field('date', 'date', true), field('location', 'text'));
      break;
    case 'activity':
      add(title('title'), field('date', 'date', true), field('completed', 'bool'));
      break;
    case 'resource':
      add({ ...noun.headField, type: 'text' });
      // A stay in a room spans nights: it starts on the day of arrival (what a calendar shows) and ends on another.
      if (isLodging(noun)) add(field('checkIn', 'date', true), field('checkOut', 'date', true));
      break;
    case 'measure':
      // "track my weight": the measurement is the value, dated; a short label tells entries apart.
      add(field('label', 'text', true), {
        ...noun.headField,
        type: noun.headField.type === 'text' ? 'decimal' : noun.headField.type,
      });
      break;
    default:
      add(title(titleRef ? 'title' : 'name'));
  }
  add(...refs.map((other) => refField(other, false)), ...noun.attrs);
  const dated = noun.phrase.intent === 'book' || noun.phrase.intent === 'record' || noun.view !== undefined;
  if ((dated || noun.kind === 'resource') && !fields.some((f) => f.type === 'date' && f.required)) {
    add(field('date', 'date', true));
  }
  if (noun.kind === 'thing' && noun.phrase.intent === 'record' && !noun.attrs.length) add(field('amount', 'decimal'));
  // Paying for it makes the price part of every entry (the calendar's form asks for required numbers).
  if (noun.pay && !fields.some((f) => f.type === 'money')) add(field('price', 'money', true));
  if (noun.pay) add(field('paid', 'bool'));
  if (noun.view === 'book' && !noun.pay && !fields.some((f) => f.type === 'bool')) add(field('done', 'bool'));
  // A vote is a choice, not a text to write.
  if (noun.kind !== 'vote') add(field(noun.kind === 'payment' ? 'note' : 'notes', 'longText'));
  return withTitle(mergeFields(fields));
}

const PLACE_ROWS: ReadonlySet<string> = new Set(['Listing', 'Place']);

/** Booked things one sleeps in, by the head field's name ("guests book rooms"): booked from one day to another. */
const LODGINGS: ReadonlySet<string> = new Set([
  'room',
  'phong',
  'habitacion',
  'quarto',
  'chambre',
  'zimmer',
  'camera',
  'kamar',
  'suite',
  'cabin',
  'bungalow',
  // Plurals a bare "s" does not fold.
  'habitaciones',
  'quartos',
  'chambres',
  'camere',
]);

/** Words that may come with a lodging ("hotel rooms"); others book something else ("meeting rooms"). */
const LODGING_MODIFIERS: ReadonlySet<string> = new Set(['hotel', 'guest', 'khach', 'san', 'de', 'd', 'albergo']);

/** Whether `noun` books a stay: a room, alone or a hotel's, not a meeting room or a study room. */
function isLodging(noun: Noun): boolean {
  if (!LODGINGS.has(noun.headField.name)) return false;
  const words = noun.phrase.words.map((word) => singular(word.text));
  return words.every((word) => LODGINGS.has(word) || LODGING_MODIFIERS.has(word));
}

/** "plant watering": a known entity before the head is referenced, and gets its own screen. */
function addModifier(noun: Noun, ctx: Context, add: (noun: Noun) => Noun): void {
  if (ctx.headFirst || noun.domain || noun.phrase.words.length < 2) return;
  const modifiers = noun.phrase.words.slice(0, -1);
  const found = domainOf(
    modifiers.map((word) => word.text),
    true,
    ctx.locale,
  );
  // "house cleanings", "restaurant reviews": where something happens is no list of its own.
  if (!found || PLACE_ROWS.has(found.row.className)) return;
  const words = modifiers.slice(found.start, found.end);
  const modifier = nounOf(
    { ...noun.phrase, words, role: 'plain', intent: undefined, verbAt: undefined, list: true },
    ctx,
  );
  if (modifier) noun.requiredRefs.push(add(modifier));
}

/** "book babysitters": the people get their list, the booking names one of them. */
function bookingOfPerson(person: Noun, add: (noun: Noun) => Noun, ctx: Context): Noun {
  const people = add({ ...person, phrase: { ...person.phrase, intent: undefined }, used: [...person.used] });
  // The booking is named in English only in English; "Gassigeher" stays the screen's word in German.
  const english = ctx.locale === 'en';
  return {
    ...person,
    kind: 'resource',
    className: `${person.className}Booking`,
    tableName: undefined,
    title: english ? `${person.label} bookings` : person.title,
    label: english ? `${person.label} booking` : person.label,
    pluralLabel: english ? `${person.label} bookings` : person.pluralLabel,
    refName: `${person.refName}Booking`,
    headField: { name: person.refName, type: 'text', required: true },
    requiredRefs: [people],
    used: [],
  };
}

/** A person the app keeps a list of; a table row with contact details (students, customers, employees) too. */
function isPeople(noun: Noun): boolean {
  return noun.kind === 'person' || /:(email|phone)\b/.test(noun.domain?.fields ?? '');
}

/** Kinds of booked records that name the people taking part (a booked court names its booker elsewhere). */
const BOOKED_WITH_PEOPLE: ReadonlySet<Kind> = new Set(['event', 'activity', 'thing']);

/**
 * Payments name who pays, votes and logs what they are about, events the app's main thing, and what is
 * booked the people the app keeps ("Hundespaziergänge buchen, Gassigeher und Kunden verwalten": a walk
 * picks its walker and its customer from their lists instead of a name typed again on every walk).
 */
function linkNaturally(nouns: readonly Noun[]): void {
  const people = nouns.filter(isPeople);
  const person = people[0];
  const first = nouns[0];
  const thing =
    first && (first.domain ? !/:(email|phone)\b/.test(first.domain.fields) : first.kind === 'thing')
      ? first
      : undefined;
  for (const noun of nouns) {
    if (noun.domain) continue;
    const linked = new Set([noun, ...noun.requiredRefs, ...noun.refs]);
    const wants =
      noun.kind === 'payment' || noun.kind === 'contract'
        ? person
        : noun.kind === 'vote' || noun.kind === 'measure' || (noun.kind === 'thing' && noun.phrase.intent === 'record')
          ? thing
          : undefined;
    if (wants && !linked.has(wants)) (noun.requiredRefs.length ? noun.refs : noun.requiredRefs).push(wants);
    if ((noun.kind === 'event' || noun.kind === 'activity') && thing && !linked.has(thing)) noun.refs.push(thing);
    const booked = noun.phrase.intent === 'book' || noun.view === 'book';
    if (booked && BOOKED_WITH_PEOPLE.has(noun.kind)) {
      for (const other of people) if (!linked.has(other)) noun.refs.push(other);
    }
  }
}

/**
 * "… and pay in the app": a price and a paid flag on what is booked (or the
 * app's main record); in an app that sells things, a checkout instead.
 */
function attachPayments(
  payVerbs: readonly (readonly Word[])[],
  nouns: readonly Noun[],
  consumed: Set<number>,
  description: string,
): number | undefined {
  const loose = payVerbs.filter((words) => !words.some((word) => consumed.has(word.at)));
  if (!loose.length) return undefined;
  const texts = tokens(description);
  if (SHOP_WORDS.some((word) => phraseIndex(texts, word) >= 0)) return loose[0][0].at;
  const target =
    nouns.find((noun) => noun.phrase.intent === 'book' || noun.view === 'book') ??
    nouns.find((noun) => !noun.domain && (noun.kind === 'thing' || noun.kind === 'event' || noun.kind === 'resource'));
  if (!target) return undefined;
  target.pay = true;
  for (const words of loose) for (const word of words) consumed.add(word.at);
  return undefined;
}

/**
 * A table row booked with or requested from people the description names ("Riders request rides from
 * drivers"): the row's own fields and a link to the person after its required ones — required when
 * booked with them, optional when only requested (nobody has taken the ride yet).
 */
function withProviders(row: DomainEntity, noun: Noun): DomainEntity {
  const specs = parseFieldSpecs(row.fields);
  const links = [
    ...noun.requiredRefs.map((other) => refField(other, true)),
    ...noun.refs.map((other) => refField(other, false)),
  ]
    .filter((link) => !specs.some((spec) => spec.name === link.name))
    .slice(0, MAX_REFS);
  if (!links.length) return row;
  const at = specs.reduce((last, spec, index) => (spec.required ? index + 1 : last), 0);
  const fields = fieldString([...specs.slice(0, at), ...links, ...specs.slice(at)]);
  return { ...row, fields, refersTo: { ...row.refersTo, ...referencesOf(links) } };
}

function toMined(nouns: readonly Noun[]): MinedNoun[] {
  let calendar = false;
  return nouns.map((noun) => {
    const specs = noun.domain ? [] : fieldsOf(noun);
    const domainRow = noun.domain && withProviders(noun.domain, noun);
    const fields = domainRow ? domainRow.fields : fieldString(specs);
    const booked = noun.phrase.intent === 'book' || noun.view === 'book';
    const recorded = noun.phrase.intent === 'record' || noun.view === 'record';
    const archetype = booked && /:date/.test(fields) && !calendar ? 'calendar' : 'entity';
    if (archetype === 'calendar') calendar = true;
    const refersTo = referencesOf(specs);
    const row: DomainEntity = domainRow ?? {
      words: [],
      className: noun.className,
      label: noun.label,
      pluralLabel: noun.pluralLabel,
      fields,
      ...(refersTo ? { refersTo } : {}),
    };
    return {
      at: Math.min(...noun.phrase.words.map((word) => word.at)),
      title: noun.title,
      archetype,
      row,
      fieldsFrom: noun.domain ? 'domain' : 'description',
      ...(noun.domain || !noun.tableName ? {} : { tableName: noun.tableName }),
      ...(booked ? { intent: 'book' as const } : recorded ? { intent: 'record' as const } : {}),
      ...(noun.replaces ? { replaces: noun.replaces } : {}),
    };
  });
}

/**
 * The nouns of `description` (the app `name` only tells the app's own topic
 * apart): entities with guessed fields, and a calendar for what is booked.
 */
export function mineDescriptionNouns(name: string, description: string): MinedNouns {
  const locale = appLocale({ name: '', description, features: [] });
  const roles = wordRoles(locale);
  const nameCount = tokens(name).length;
  const pieces = lex(`${name}\n${description}`).filter((piece) => typeof piece === 'string' || piece.at >= nameCount);
  const words = pieces.filter((piece): piece is Word => typeof piece !== 'string');
  const ctx: Context = {
    locale,
    roles,
    syllables: locale === 'vi',
    headFirst: HEAD_FIRST_LOCALES.has(locale),
    textWords: new Set(words.map((word) => singular(word.text))),
    nameWords: tokens(name)
      .filter((word) => !roles.has(word))
      .join(' '),
    bookedWithPeople: new Set(),
  };
  const { phrases, payVerbs } = readText(pieces, roles, locale === 'en');
  ctx.bookedWithPeople = new Set(
    phrases.filter((phrase) => providerPhrase(phrase, ctx)).flatMap((phrase) => phrase.owners),
  );
  const nouns: Noun[] = [];
  const byPhrase = new Map<Phrase, Noun>();
  const add = (noun: Noun): Noun => {
    const same = nouns.find((other) => other.className === noun.className);
    if (same) same.used.push(...noun.used);
    else nouns.push(noun);
    byPhrase.set(noun.phrase, same ?? noun);
    return same ?? noun;
  };
  const topics: number[] = [];
  for (const phrase of phrases) {
    if (phrase.role === 'with') continue;
    if (isTopic(phrase, phrases, ctx)) {
      topics.push(...phrase.words.map((word) => word.at));
      continue;
    }
    const noun = nounOf(phrase, ctx);
    if (!noun) continue;
    addModifier(noun, ctx, add);
    add(noun.kind === 'person' && phrase.intent === 'book' ? bookingOfPerson(noun, add, ctx) : noun);
  }
  linkWith(phrases, byPhrase, ctx, add);
  for (const phrase of phrases.filter((candidate) => candidate.role === 'for')) {
    const related = byPhrase.get(phrase);
    for (const owner of phrase.owners.map((o) => byPhrase.get(o))) {
      if (related && owner && owner !== related && !owner.domain) owner.refs.push(related);
    }
  }
  const kept = nouns.slice(0, MAX_NOUNS);
  linkNaturally(kept);
  // The app's topic ("my cafe: …") is the app itself: no table entity is mined from it, nor from the
  // same word in the app's name.
  const topicWords = new Set(topics.map((at) => words.find((word) => word.at === at)?.text));
  const nameTopic = tokens(name).flatMap((text, at) => (topicWords.has(text) ? [at] : []));
  const consumed = new Set([...topics, ...nameTopic, ...kept.flatMap((noun) => noun.used)]);
  const checkoutAt = attachPayments(payVerbs, kept, consumed, description);
  return { nouns: toMined(kept), consumed, checkoutAt };
}

/**
 * "with local walkers" names a related entity; "with grade and attempts" names fields. People
 * something is booked with or requested from ("request rides from drivers") are named by the
 * table's dated rows too (`takesProvider`), which otherwise keep their own fields.
 */
function linkWith(
  phrases: readonly Phrase[],
  byPhrase: Map<Phrase, Noun>,
  ctx: Context,
  add: (noun: Noun) => Noun,
): void {
  for (const phrase of phrases.filter((candidate) => candidate.role === 'with' || providerPhrase(candidate, ctx))) {
    const all = phrase.owners.flatMap((owner) => byPhrase.get(owner) ?? []);
    const owners = all.filter((owner) => !owner.domain);
    const last = phrase.words[phrase.words.length - 1].text;
    if (phrase.role === 'with' && (isAttributeWord(phrase) || (owners.length && !isPlural(last, ctx)))) {
      const attribute = attributeOf(phrase);
      for (const owner of attribute ? owners : []) {
        owner.attrs.push(attribute as FieldSpec);
        owner.used.push(...phrase.words.map((word) => word.at));
      }
      continue;
    }
    // People after "from" took their list in the main loop already.
    const known = byPhrase.get(phrase);
    const noun = known ?? nounOf({ ...phrase, role: 'for', intent: undefined, verbAt: undefined }, ctx);
    if (!noun) continue;
    const related = known ?? add(noun);
    const dated = providerPhrase(phrase, ctx) ? all.filter(takesProvider) : [];
    for (const owner of [...owners, ...dated]) {
      if (owner !== related) (owner.phrase.intent === 'request' ? owner.refs : owner.requiredRefs).push(related);
    }
  }
}

/**
 * Whether a phrase names the people something is booked with ("… with tutors") or asked of
 * ("request rides from drivers"); "from" after any other verb is a source ("recipes from grandma").
 */
function providerPhrase(phrase: Phrase, ctx: Context): boolean {
  const asked =
    phrase.role === 'adjunct' &&
    SOURCE_PREPOSITIONS.has(phrase.prep ?? '') &&
    phrase.owners.some((owner) => owner.intent === 'book' || owner.intent === 'request');
  if (phrase.role !== 'with' && !asked) return false;
  const at = headIndexOf(phrase.words, ctx);
  const texts = phrase.words.map((word) => word.text);
  return isPerson(singularOf(texts[at], ctx.headFirst || at < texts.length - 1, ctx.locale), texts, ctx);
}

/**
 * A table row that names who it is booked with or asked of: one with a date of its own (a ride), but
 * not the table's bookings, whose people `withBookingParties` names from the same sentence.
 */
function takesProvider(noun: Noun): boolean {
  const asked = noun.phrase.intent === 'book' || noun.phrase.intent === 'request';
  return asked && !!noun.domain && noun.domain.className !== 'Booking' && /:date!/.test(noun.domain.fields);
}
