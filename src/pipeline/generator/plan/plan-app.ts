/**
 * Spec → AppPlan: recognises each feature's archetype from its words, mines
 * features from the description when the list is thin, merges duplicates
 * (equal after folding, or synonyms of one archetype), and derives the
 * entities and fields the data features work on.
 */
import type { AppSpec } from '../app-spec';
import { featureClasses, featureFilePaths, featureRoute } from '../feature-classes';
import { featureIcons } from '../feature-icons';
import { DART_RESERVED, featureClassName, featureId, snakeCase, type FeatureNames } from '../naming';
import { appDescription, appDisplayName, packageName } from '../spec-text';
import { uiText } from '../ui-text';
import { appLocale, type AppLocale } from './app-language';
import type { AppPlan, ArchetypeId, BackendKind, EntityField, EntityPlan, PlannedFeature } from './app-plan';
import { offersRegistration } from './account-provisioning';
import { ARCHETYPE_WORDS, LABEL_ONLY_WORDS, VAGUE_LABEL_WORDS } from './archetype-words';
import {
  DOMAIN_ENTITIES,
  genericFields,
  germanCompoundHead,
  namesPeople,
  WEAK_DESCRIPTION_WORDS,
  parseFieldSpecs,
  pluralTitle,
  type DomainEntity,
} from './domain-entities';
import { CHANNEL_MESSAGE_ENTITY, CHAT_CHANNEL_FIELDS, HABIT_CHECK_ENTITY } from './domain-entities';
import { chartSource } from './chart-source';
import { CHANNELS_OPTION, chatListingClass, foldChatChannels, LISTING_CHAT_OPTION } from './chat-channels';
import { mineDescriptionNouns, type MinedNouns } from './description-nouns';
import { HEAD_FIRST_LOCALES, wordRoles } from './description-words';
import { withBookedLabels, withCalendarEntities, type CalendarSource } from './calendar-entity';
import { withPaymentRecords } from './payment-records';
import { SOLD_CATALOGUE_KEY, withCheckoutData } from './checkout-data';
import { withEventTickets } from './event-tickets';
import { withClinicPrescriptions } from './clinic-prescriptions';
import { withHouseholdBills } from './household-bills';
import { withContextRows } from './household-school-rows';
import { withRestaurantMenu } from './restaurant-menu';
import { BOOKING_ROWS, bookedTable, withTableBookings } from './table-bookings';
import { booksSession, withClassSessions } from './class-sessions';
import { withBusinessRecords } from './business-records';
import {
  bookingParties,
  describedRecords,
  withBookingParties,
  withDescribedFields,
  type BookingParties,
  type DescribedRecord,
} from './described-fields';
import { linkReferences } from './entity-references';
import { entityRef, minedRef, withBookingName, withMinedRow, type EntityRef } from './entity-ref';
import { localizeEntity } from './field-labels';
import { withTimeOfDay } from './timed-records';
import { withoutLooseDeck, withStudyCards } from './study-cards';
import { RESERVED_CLASS_NAMES } from './reserved-class-names';
import { entityNamesFromLabel } from './entity-names';
import { cjkGloss } from './cjk-glossary';
import { verbPhrase, type VerbKind, type VerbPhrase } from './label-verbs';
import { pluralNoun, singularNoun } from './noun-inflection';
import { writtenTitle } from './written-labels';
import {
  cjkPhraseEnd,
  cjkPhraseIn,
  foldText,
  phraseIndex,
  phraseLengthAt,
  plural,
  singular,
  tokens,
} from './text-match';

interface Candidate {
  label: string;
  origin: PlannedFeature['origin'];
  archetype: ArchetypeId;
  entity?: EntityRef;
  options: Record<string, boolean>;
  /** Set when a calendar's entity came from the description (`calendar-entity.ts`): the calendar keeps it. */
  calendarOf?: CalendarSource;
}

/** Archetypes an app has at most one of: synonyms fold into one screen. */
const SINGLETONS: ReadonlySet<ArchetypeId> = new Set([
  'auth',
  'settings',
  'scanner',
  'notifications',
  'timer',
  'profile',
  'onboarding',
  'checkout',
  'camera',
  'chat',
  'map',
  'calendar',
  'study',
]);

/** Archetypes that show data of an entity the user enters elsewhere: the plan gives that entity a screen. */
const NEEDS_ENTITY_SCREEN: ReadonlySet<ArchetypeId> = new Set(['chart', 'search', 'checkout', 'map', 'study']);

/** The entity each data archetype works on when its words name none. */
const ARCHETYPE_ENTITY: Partial<Record<ArchetypeId, string>> = {
  chat: 'ChatMessage',
  checkout: 'Product',
  map: 'Place',
  camera: 'Photo',
  calendar: 'CalendarEvent',
  study: 'Flashcard',
};

/** Fewer requested features than this and the description is mined for more. */
const THIN_FEATURE_LIST = 2;

/** More screens than this mined from one description would bury the ones that matter. */
const MAX_MINED = 6;

/** Ids the app shell uses itself. */
const RESERVED_IDS = ['settings', 'home', 'app', 'core', 'shared', 'data', 'config', 'theme', 'support'];

function rowByClass(className: string): DomainEntity {
  const row = DOMAIN_ENTITIES.find((candidate) => candidate.className === className);
  if (!row) throw new Error(`no domain entity ${className}`);
  return row;
}

/** Words with English plurals folded to singular, for entity lookup. */
function singularWords(words: readonly string[]): string[] {
  return words.map(singular);
}

function matchesAny(words: readonly string[], phrases: readonly string[], skip?: ReadonlySet<string>): number {
  let best = -1;
  for (const phrase of phrases) {
    if (skip?.has(phrase)) continue;
    const at = phraseIndex(words, phrase);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

function archetypeOf(words: readonly string[]): ArchetypeId | undefined {
  return ARCHETYPE_WORDS.find((row) => matchesAny(words, row.words) >= 0)?.id;
}

/** The table entity a label names (the first one its words mention). */
function domainEntityOf(words: readonly string[], locale: AppLocale = 'en'): DomainEntity | undefined {
  // English singulars, a bare trailing "s" dropped for other languages' plurals ("tâches" → "tache"),
  // German "-en" ("Gewohnheiten") and Portuguese "-ais" ("animais") plurals, the language's own
  // plurals ("appuntamenti", "Termine") and the head of a German compound ("Arzttermine" → termin).
  const own = words.map((word) => foldText(singularNoun(word, locale)));
  const forms = [
    words,
    singularWords(words),
    words.map((word) => (word.length > 3 ? word.replace(/s$/, '') : word)),
    words.map((word) => (word.length > 5 ? word.replace(/en$/, '').replace(/ais$/, 'al') : word)),
    own,
    locale === 'de' ? own.map(germanCompoundHead) : own,
  ];
  // A Vietnamese label names its head first: "tài xế" (a driver) and "thợ sửa xe" (a mechanic) are
  // people, not the vehicle ("xe") their later words mention.
  const people = locale === 'vi' && namesPeople(words, locale);
  let best: { row: DomainEntity; at: number; end: number } | undefined;
  for (const row of DOMAIN_ENTITIES) {
    const at = Math.min(...forms.map((form) => matchesAny(form, row.words)).map((i) => (i < 0 ? Infinity : i)));
    if (at === Infinity || (people && at > 0)) continue;
    // In one CJK word the row whose word ends last wins: "学生成绩" are grades, not students.
    const end = Math.max(...row.words.map((phrase) => cjkPhraseEnd(words[at] ?? '', phrase)));
    if (!best || at < best.at || (at === best.at && end > best.end)) best = { row, at, end };
  }
  return best?.row;
}

/** UpperCamelCase from Latin words; empty when none are left. */
function camel(words: readonly string[]): string {
  return words
    .map((word) => snakeCase(word))
    .filter(Boolean)
    .join('_')
    .split('_')
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** An entity for domain words the table does not know: "game boards" → GameBoard { title, notes, date }. */
function genericEntity(label: string, fallback: string, locale: AppLocale = 'en'): EntityRef {
  // A Chinese or Japanese label has no Latin words to name a class after: "買い物リスト" reads as "shopping list".
  const gloss = cjkGloss(label);
  if (gloss) return genericEntity(gloss, fallback);
  const words = tokens(label).filter((word) => snakeCase(word) !== '');
  const last = words.length ? [...words.slice(0, -1), singular(words[words.length - 1])] : [];
  const stem = camel(last).slice(0, 40);
  // Other languages name it in their own singular and plural ("Prenotazioni" → Prenotazione / prenotazioni).
  const own = entityNamesFromLabel(label, locale);
  // Digits keep "Feature 1" and "Feature 2" apart; a class name still starts with a letter.
  const className = own?.className ?? (/^[A-Z]/.test(stem) ? stem : stem ? `Item${stem}` : fallback);
  const spaced = lowerCamelToSnake(className).replace(/_/g, ' ');
  const labelText = own?.label ?? spaced[0].toUpperCase() + spaced.slice(1);
  const fields = genericFields(words, locale);
  const named = fields.from === 'default' && className !== fallback && NAMEABLE_LABEL.test(labelText);
  return {
    key: `generic:${className}`,
    row: {
      words: [],
      className,
      label: labelText,
      pluralLabel: own?.pluralLabel ?? plural(labelText),
      fields: named ? fields.fields.replace(/^title:/, 'name:') : fields.fields,
    },
    fieldsFrom: fields.from,
    fieldLabels: named ? { name: `${labelText} name` } : undefined,
    tableName: own?.tableName,
  };
}

/**
 * Labels a default entity's title field reads well after: "Zorb" → "Zorb name",
 * "Quantum flux" → "Quantum flux name". Digits ("Feature1") and labels of three
 * words or more ("Back slash nitem name" reads worse than "Title") keep a plain
 * "Title"; so do the fallback names ("Entry").
 */
const NAMEABLE_LABEL = /^[A-Za-z]+( [a-z]+)?$/;

/** Whether a phrase of the description ("workouts") names the entity: its table row, or its label's last word. */
function describes(words: readonly string[], ref: EntityRef): boolean {
  if (ref.fieldsFrom === 'domain') return domainEntityOf(words)?.className === ref.row.className;
  const own = tokens(ref.row.label).map(singular);
  return words.length > 0 && singular(words[words.length - 1]) === own[own.length - 1];
}

/**
 * The entity with the fields the description names for it ("log workouts with sets, reps and weight"):
 * a table row keeps its other fields and stays a known record; a guessed one now has the user's words.
 * Nouns built from the description took their "with" words already. Bookings name their people
 * ("Patients book appointments with doctors": patient, doctor) instead of a salon's customer and service.
 */
function withDescription(ref: EntityRef, records: readonly DescribedRecord[], parties: BookingParties): EntityRef {
  if (ref.fieldsFrom === 'description') return ref;
  let row = ref.row;
  let fieldLabels = ref.fieldLabels;
  if (ref.fieldsFrom === 'domain' && row.className === 'Booking') {
    // A gym's booked class has its trainer on the timetable (`class-sessions.ts`): the booking names who booked.
    const booking = withBookingParties(row.fields, booksSession(row) ? { ...parties, provider: undefined } : parties);
    // "Book a class" keeps its course link next to the trainer the description books with.
    const refersTo = booking.refersTo ? { refersTo: { ...row.refersTo, ...booking.refersTo } } : {};
    row = { ...row, fields: booking.fields, ...refersTo };
    if (booking.labels) fieldLabels = { ...fieldLabels, ...booking.labels };
  }
  const named = records.filter((record) => describes(record.words, ref)).flatMap((record) => record.fields);
  const fields = named.length ? withDescribedFields(row.fields, named) : row.fields;
  if (fields === ref.row.fields) return ref;
  const fieldsFrom = ref.fieldsFrom === 'domain' ? 'domain' : 'description';
  return { ...ref, row: { ...row, fields }, fieldsFrom, ...(fieldLabels ? { fieldLabels } : {}) };
}

/** A ref's fields as `withDescription` will give them (for ranking before entities are built). */
function describedFieldsOf(description: string): (ref: EntityRef) => string {
  const records = describedRecords(description);
  const parties = bookingParties(description);
  return (ref) => withDescription(ref, records, parties).row.fields;
}

function classifyLabel(label: string, index: number, locale: AppLocale, description: string): Candidate {
  const words = tokens(label);
  // "Admin panel" names no records: an overview of the app's data, as a dashboard is.
  if (isAdminLabel(words)) return { label, origin: 'features', archetype: 'chart', options: {} };
  const named = labelEntity(label, words, locale);
  // Bookings are kept on a calendar, whatever word names them ("Arzttermine", "Tischreservierungen").
  const archetype = archetypeOf(words) ?? (named.books ? 'calendar' : 'entity');
  const options: Record<string, boolean> = {};
  if (archetype === 'auth') options.registration = offersRegistration(label, description);
  let entity = named.entity;
  if (archetype === 'entity' && !entity) entity = genericEntity(named.text, `Entry${index + 1}`, locale);
  return { label, origin: 'features', archetype, entity, options };
}

/** Words that make a label an admin area ("Admin panel", "Back office", "Trang quản trị"), folded. */
const ADMIN_WORDS: ReadonlySet<string> = new Set([
  'admin',
  'administration',
  'backoffice',
  'administracion',
  'administracao',
  'amministrazione',
  'administrasi',
  'tri',
  '管理后台',
  '管理画面',
]);

/** Words an admin area's label may add ("panel", "page"), folded. */
const ADMIN_AREA_WORDS: ReadonlySet<string> = new Set([
  'panel',
  'area',
  'console',
  'page',
  'section',
  'back',
  'painel',
  'pannello',
  'panneau',
  'bereich',
  'trang',
  'quan',
]);

/** Whether a label only names an admin area: "Admin panel", "Back office", "Trang quản trị". */
function isAdminLabel(words: readonly string[]): boolean {
  const backOffice = phraseIndex(words, 'back office') >= 0;
  return (
    (backOffice || words.some((word) => ADMIN_WORDS.has(word))) &&
    words.every((word) => ADMIN_WORDS.has(word) || ADMIN_AREA_WORDS.has(word) || (backOffice && word === 'office'))
  );
}

/** The records a feature label names, whether they are bookings, and the words a new entity is named after. */
interface LabelEntity {
  entity?: EntityRef;
  books: boolean;
  text: string;
}

/**
 * The records a label names: its first record word ("Order history" → orders), or for a verb
 * phrase what the verb does to its object (`label-verbs.ts`): "Book a court" → a booking of a
 * court, "Place an order" → orders, "Request a ride" → ride requests, "Track expenses" → expenses.
 */
function labelEntity(label: string, words: readonly string[], locale: AppLocale): LabelEntity {
  const phrase = verbPhrase(
    label,
    (kind, object) =>
      takesRecords(kind, domainEntityOf(object, locale)) || (kind === 'book' && !!bookedTable(object, locale)),
  );
  if (!phrase || (phrase.kind === 'act' && !phrase.folded.length)) {
    const domain = domainEntityOf(words, locale);
    return { entity: domain && entityRef(domain), books: BOOKING_ROWS.has(domain?.className ?? ''), text: label };
  }
  const row = phrase.folded.length ? domainEntityOf(phrase.folded, locale) : undefined;
  const text = phrase.object.join(' ');
  if (row && BOOKING_ROWS.has(row.className)) return { entity: entityRef(row), books: true, text };
  // "Reserve a table", "Tisch reservieren": a restaurant's table booking (guest, party size, time).
  const table = phrase.kind === 'book' ? bookedTable(phrase.folded, locale) : undefined;
  if (table) return { entity: entityRef(table), books: true, text };
  if (phrase.kind === 'book') return { entity: bookingOf(phrase, row, locale), books: true, text };
  if (phrase.kind === 'order') return { entity: entityRef(rowByClass('Order')), books: false, text };
  // "Request a ride" → ride requests; other languages name the requested thing ("Demander un devis" → Devis).
  if (phrase.kind === 'request') {
    // A request the table knows ("Request a ride" → a ride request: pickup, destination, fare), else "X request" records.
    const requested = phrase.verb === 'request' ? domainEntityOf([...phrase.folded, 'request'], locale) : undefined;
    if (requested) return { entity: entityRef(requested), books: false, text };
    return { books: false, text: phrase.verb === 'request' ? `${text} request` : text };
  }
  return { entity: row && entityRef(row), books: false, text };
}

/** Records of the table one books ("Book classes", "Book appointments"); "Book notes" stays the books. */
const BOOKABLE: ReadonlySet<string> = new Set(['Booking', 'Course', 'ClassSession', 'CalendarEvent', 'Trip']);

/** Whether a verb of `kind` with no article works on `row`'s records ("Track expenses", "Book classes"). */
function takesRecords(kind: VerbKind, row: DomainEntity | undefined): boolean {
  return row !== undefined && (kind !== 'book' || BOOKABLE.has(row.className));
}

/** Fields of the table's booking that a booked thing's name must not take. */
const BOOKING_FIELD_NAMES = new Set(parseFieldSpecs(rowByClass('Booking').fields).map((spec) => spec.name));

/**
 * The table's booking with what is booked in place of a salon's service: "Book a court" →
 * { customerName, court, date, phone, notes }; "Book a class" books a course, which the
 * booking picks when the app keeps courses. "Book now" keeps the service.
 */
function bookingOf(phrase: VerbPhrase, row: DomainEntity | undefined, locale: AppLocale): EntityRef {
  const booking = rowByClass('Booking');
  const ref = entityRef(booking);
  if (!phrase.object.length) return ref;
  const own = phrase.folded.map((word, index) =>
    index === phrase.folded.length - 1 ? singularNoun(word, locale) : word,
  );
  const camelName = row ? row.className : camel(own);
  const field = camelName.charAt(0).toLowerCase() + camelName.slice(1);
  if (!field || BOOKING_FIELD_NAMES.has(field) || DART_RESERVED.has(field)) return ref;
  const written = phrase.object.map((word, index) =>
    index === phrase.object.length - 1 ? singularNoun(word.toLowerCase(), locale) : word.toLowerCase(),
  );
  const fields = booking.fields.replace(/\bservice:/, `${field}:`);
  const refersTo = row ? { refersTo: { [field]: row.className } } : {};
  return { ...ref, row: { ...booking, fields, ...refersTo }, fieldLabels: { [field]: capitalized(written.join(' ')) } };
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Where one of `phrases` first occurs outside the `consumed` word indexes, or -1. */
function firstFreeIndex(words: readonly string[], phrases: readonly string[], consumed: ReadonlySet<number>): number {
  for (let at = 0; at < words.length; at++) {
    for (const phrase of phrases) {
      if (LABEL_ONLY_WORDS.has(phrase)) continue;
      const length = phraseLengthAt(words, at, phrase);
      if (length && !Array.from({ length }, (_, k) => at + k).some((index) => consumed.has(index))) return at;
    }
  }
  return -1;
}

/**
 * Archetypes and entities named in the description (and app name): the app's
 * own nouns with fields guessed from the sentence (`description-nouns.ts`),
 * then feature words and table entities the nouns did not use.
 */
function mineDescription(spec: AppSpec, mined: MinedNouns): Candidate[] {
  const text = `${spec.name}\n${spec.description}`;
  const words = tokens(text);
  const locale = appLocale(spec);
  const found: { at: number; candidate: Candidate }[] = [];
  for (const noun of mined.nouns) {
    const entity = minedRef(noun);
    const candidate: Candidate = {
      label: noun.title,
      origin: 'description',
      archetype: noun.archetype,
      entity,
      options: {},
    };
    found.push({ at: noun.at, candidate });
  }
  if (mined.checkoutAt !== undefined) {
    const checkout: Candidate = { label: 'Checkout', origin: 'description', archetype: 'checkout', options: {} };
    found.push({ at: mined.checkoutAt, candidate: checkout });
  }
  const calendarMined = mined.nouns.some((noun) => noun.archetype === 'calendar');
  const entityMined = new Set(mined.nouns.map((noun) => noun.row.className));
  // A booking verb ("Los pacientes reservan citas") is no calendar of its own: the bookings it names are.
  const roles = wordRoles(locale);
  const verbs = words.flatMap((word, at) => (roles.get(word) === 'book' ? [at] : []));
  const taken = new Set([...mined.consumed, ...verbs]);
  for (const row of ARCHETYPE_WORDS) {
    if (row.id === 'calendar' && calendarMined) continue;
    const at = firstFreeIndex(words, row.words, taken);
    if (at < 0) continue;
    const options: Record<string, boolean> = {};
    // A Chinese or Japanese description titles the screen with its own word ("预约"), not the English title.
    const cjk = cjkPhraseIn(
      words[at],
      row.words.filter((word) => !LABEL_ONLY_WORDS.has(word)),
    );
    const label = writtenTitle(text, at, row.words, locale) ?? cjk ?? row.title;
    if (row.id === 'auth') options.registration = offersRegistration(label, spec.description);
    found.push({ at, candidate: { label, origin: 'description', archetype: row.id, options } });
  }
  for (const row of DOMAIN_ENTITIES) {
    if (entityMined.has(row.className)) continue;
    const at = descriptionEntityIndex(words, row, locale);
    if (at < 0 || mined.consumed.has(at)) continue;
    const label = writtenTitle(text, at, row.words, locale) ?? cjkPhraseIn(words[at], row.words) ?? row.pluralLabel;
    // "reservas" is a calendar word and a table row: one screen titled "Reservas", showing the bookings.
    const same = found.find((hit) => hit.at === at && hit.candidate.label === label);
    if (same) {
      if (same.candidate.archetype === 'calendar') same.candidate.entity ??= entityRef(row);
      continue;
    }
    // Bookings ("citas", "Termine") are kept on a calendar, unless the app has one already.
    const calendar = BOOKING_ROWS.has(row.className) && !found.some((hit) => hit.candidate.archetype === 'calendar');
    const candidate: Candidate = {
      label,
      origin: 'description',
      archetype: calendar ? 'calendar' : 'entity',
      entity: entityRef(row),
      options: {},
    };
    found.push({ at, candidate });
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_MINED)
    .map((hit) => hit.candidate);
}

/** An entity word counts in prose when it is plural, or singular but not a common word. */
function descriptionEntityIndex(words: readonly string[], row: DomainEntity, locale: AppLocale): number {
  let best = -1;
  for (const phrase of row.words) {
    const plainAt = phraseIndex(words, phrase);
    // English plurals, and the description's own ("prenotazioni" for the row's "prenotazione").
    // A language plural equal to the word (Vietnamese, "Mieter") is no plural: a weak singular stays weak.
    const plurals = phrase.includes(' ')
      ? []
      : [plural(phrase), foldText(pluralNoun(phrase, locale))].filter((form) => form !== phrase);
    const pluralAts = plurals.map((form) => phraseIndex(words, form)).filter((at) => at >= 0);
    const pluralAt = pluralAts.length ? Math.min(...pluralAts) : -1;
    // A weak singular ("a book club") does not count, but a plural after it does ("…: books").
    const strongPlainAt = WEAK_DESCRIPTION_WORDS.has(phrase) ? -1 : plainAt;
    const at = pluralAt >= 0 && (strongPlainAt < 0 || pluralAt < strongPlainAt) ? pluralAt : strongPlainAt;
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * The entity a data archetype works on: its own words, the archetype's default, or `primary`, the app's
 * main entity (for a chart, the app's most measurable data: `chart-source.ts`).
 */
function resolveEntity(candidate: Candidate, primary: EntityRef | undefined, words: string[]): EntityRef | undefined {
  if (candidate.archetype === 'calendar') {
    // Bookings and events, or what the description says is booked ("dog walks", "lessons": dated).
    const named = candidate.entity?.row.className;
    const dated = candidate.origin === 'description' && /:date/.test(candidate.entity?.row.fields ?? '');
    if (BOOKING_ROWS.has(named ?? '') || named === 'CalendarEvent' || dated || candidate.calendarOf) {
      return candidate.entity;
    }
    const booking = rowByClass('Booking');
    return entityRef(matchesAny(words, booking.words) >= 0 ? booking : rowByClass('CalendarEvent'));
  }
  // A checkout selling the app's menu keeps it (`checkout-data.ts`) instead of adding products.
  if (candidate.entity?.key.startsWith(SOLD_CATALOGUE_KEY)) return candidate.entity;
  const fixed = ARCHETYPE_ENTITY[candidate.archetype];
  if (fixed) return entityRef(rowByClass(fixed));
  if (candidate.archetype === 'entity') return candidate.entity;
  if (candidate.archetype === 'chart' || candidate.archetype === 'search') {
    return candidate.entity ?? primary ?? genericEntity('entries', 'Entry');
  }
  return undefined;
}

function mergeKey(candidate: Candidate): string {
  if (SINGLETONS.has(candidate.archetype)) return candidate.archetype;
  return `${candidate.archetype}:${candidate.entity?.key ?? foldText(candidate.label).replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

interface Merged extends Candidate {
  requested: string[];
}

/** Candidates with their entities resolved and merged by key, in first-seen order; settings always last. */
function mergeCandidates(spec: AppSpec, candidates: readonly Candidate[]): Merged[] {
  const description = tokens(`${spec.name} ${spec.description}`);
  const wordsOf = (candidate: Candidate) =>
    tokens(candidate.label).concat(candidate.origin === 'description' ? description : []);
  // The app's data in screen order: its entity screens' and what other features keep (bookings, places…).
  const kept = candidates
    .filter((candidate) => candidate.archetype !== 'chart' && candidate.archetype !== 'search')
    .map((candidate) => ({ by: candidate.archetype, entity: resolveEntity(candidate, undefined, wordsOf(candidate)) }));
  const data = kept.map((source) => source.entity).filter((entity) => entity !== undefined);
  // A calendar adds its own records: a chart of them needs no second screen to enter them.
  const onCalendar = new Set(kept.filter((source) => source.by === 'calendar').map((source) => source.entity?.key));
  // The app's main data: its first entity screen, else the data another feature keeps.
  const primary = candidates.find((candidate) => candidate.archetype === 'entity')?.entity ?? data[0];
  // A chart naming no records plots the most measurable ones (`chart-source.ts`), else the main data.
  const charted = candidates.some((candidate) => candidate.archetype === 'chart' && !candidate.entity)
    ? (chartSource(data, describedFieldsOf(spec.description)) ?? primary)
    : primary;
  const merged = new Map<string, Merged>();
  const add = (candidate: Candidate, before?: string) => {
    const key = mergeKey(candidate);
    const existing = merged.get(key);
    if (existing) {
      if (candidate.origin !== 'app' && !existing.requested.includes(candidate.label)) {
        existing.requested.push(candidate.label);
      }
      for (const [option, on] of Object.entries(candidate.options)) if (on) existing.options[option] = true;
      if (existing.origin === 'app' && candidate.origin !== 'app') existing.origin = candidate.origin;
      return;
    }
    const entry: Merged = { ...candidate, requested: candidate.origin === 'app' ? [] : [candidate.label] };
    if (before === undefined) {
      merged.set(key, entry);
      return;
    }
    // Insert before `before`, so a derived entity screen sits next to the chart that needs it.
    const entries = [...merged.entries()];
    const at = entries.findIndex(([existingKey]) => existingKey === before);
    entries.splice(at < 0 ? entries.length : at, 0, [key, entry]);
    merged.clear();
    for (const [k, v] of entries) merged.set(k, v);
  };
  for (const candidate of candidates) {
    const fallback = candidate.archetype === 'chart' ? charted : primary;
    const resolved = { ...candidate, entity: resolveEntity(candidate, fallback, wordsOf(candidate)) };
    add(resolved);
    const entered = resolved.archetype === 'chart' && onCalendar.has(resolved.entity?.key);
    if (NEEDS_ENTITY_SCREEN.has(resolved.archetype) && resolved.entity && !entered) {
      const entityCandidate: Candidate = {
        label: resolved.entity.row.pluralLabel,
        origin: 'app',
        archetype: 'entity',
        entity: resolved.entity,
        options: {},
      };
      add(entityCandidate, mergeKey(resolved));
    }
  }
  add({ label: 'Settings', origin: 'app', archetype: 'settings', options: {} });
  const settings = merged.get('settings') as Merged;
  merged.delete('settings');
  return [...merged.values(), settings];
}

/**
 * The screen title: the first label the user wrote, trimmed and starting with
 * a capital ("statistics" → "Statistics"); Settings, which the app adds
 * itself, in the app's language.
 */
function titleFor(candidate: Merged, locale: AppLocale): string {
  if (candidate.archetype === 'settings') return uiText({ locale }).settings;
  // A data screen the app adds (Places for a map) has no word of the user's: its row's title, translated.
  if (candidate.origin === 'app' && candidate.requested.length === 0 && candidate.entity) {
    return pluralTitle(candidate.entity.row, locale);
  }
  const label = (candidate.requested[0] ?? candidate.label).replace(/\s+/g, ' ').trim();
  return label.charAt(0).toLocaleUpperCase('en') + label.slice(1);
}

function fallbackWords(candidate: Merged): string {
  if (candidate.archetype === 'entity' && candidate.entity) return candidate.entity.row.pluralLabel;
  return ARCHETYPE_WORDS.find((row) => row.id === candidate.archetype)?.title ?? candidate.archetype;
}

/** Unique ids and class stems; settings keeps `settings` / `SettingsScreen`. */
function nameFeatures(candidates: readonly Merged[], locale: AppLocale): FeatureNames[] {
  const usedIds = new Set<string>(RESERVED_IDS);
  const usedStems = new Set<string>(['Home', 'Settings', 'Main', 'App']);
  return candidates.map((candidate, index) => {
    const label = titleFor(candidate, locale);
    if (candidate.archetype === 'settings') {
      return {
        label,
        id: 'settings',
        className: 'Settings',
        screenPath: 'lib/features/settings/settings_screen.dart',
        testPath: 'test/features/settings_screen_test.dart',
      };
    }
    const base = snakeCase(label) ? featureId(label, index) : featureId(fallbackWords(candidate), index);
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}_${n}`;
    usedIds.add(id);
    let className = featureClassName(id);
    for (let n = 2; usedStems.has(className); n++) className = `${featureClassName(id)}V${n}`;
    usedStems.add(className);
    return {
      label,
      id,
      className,
      screenPath: `lib/features/${id}/${id}_screen.dart`,
      testPath: `test/features/${id}_screen_test.dart`,
    };
  });
}

/** `RequestARide` → `request_a_ride`: a class or field name's words in snake_case. */
function lowerCamelToSnake(name: string): string {
  return snakeCase(name);
}

function fieldLabel(name: string): string {
  const spaced = lowerCamelToSnake(name).replace(/_/g, ' ');
  return spaced[0].toUpperCase() + spaced.slice(1);
}

const RESERVED_FIELD_NAMES = new Set([
  'id',
  'hashCode',
  'runtimeType',
  'toString',
  'toJson',
  'copyWith',
  'displayTitle',
]);

function buildEntity(ref: EntityRef, taken: Set<string>): EntityPlan {
  let className = ref.row.className;
  if (RESERVED_CLASS_NAMES.has(className) || DART_RESERVED.has(className.toLowerCase()))
    className = `${className}Entry`;
  for (let n = 2; taken.has(className); n++) className = `${ref.row.className}${n}`;
  taken.add(className);
  const fileName = lowerCamelToSnake(className);
  const fields: EntityField[] = parseFieldSpecs(ref.row.fields).map((spec) => {
    const name = RESERVED_FIELD_NAMES.has(spec.name) || DART_RESERVED.has(spec.name) ? `${spec.name}Value` : spec.name;
    const label = ref.fieldLabels?.[name] ?? fieldLabel(name);
    const refersTo = ref.row.refersTo?.[spec.name];
    const field = { name, column: lowerCamelToSnake(name), label, type: spec.type, required: spec.required };
    const stamp = ref.row.stamps?.[spec.name];
    const managed = stamp ? { managed: true, stamp } : ref.row.managed?.includes(spec.name) ? { managed: true } : {};
    return refersTo ? { ...field, ...managed, refersTo } : { ...field, ...managed };
  });
  const title = fields.find(
    (field) => field.required && !field.refersTo && (field.type === 'text' || field.type === 'longText'),
  );
  if (!title) throw new Error(`entity ${className} has no required text field`);
  // A class named after the user's words keeps their language's plural (`prenotazioni`); English otherwise.
  const collectionWords = ref.tableName && className === ref.row.className ? ref.tableName : plural(fileName);
  const collection = collectionWords.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return {
    className,
    fileName,
    collection,
    tableName: collectionWords,
    label: ref.row.label,
    pluralLabel: ref.row.pluralLabel,
    fields,
    titleField: title.name,
    paths: {
      model: `lib/data/models/${fileName}.dart`,
      repository: `lib/data/repositories/${fileName}_repository.dart`,
    },
    fieldsFrom: ref.fieldsFrom,
  };
}

export function backendKind(backend: string): BackendKind {
  const key = foldText(backend);
  if (/fire(base|store)/.test(key)) return 'firebase';
  if (key.includes('supabase')) return 'supabase';
  if (key.includes('graphql') || key.includes('hasura') || key.includes('apollo')) return 'graphql';
  if (key.trim() === '' || key.trim() === 'none' || key.includes('local') || key.includes('offline')) return 'none';
  return 'rest';
}

/** The channel entity of a chat with channels, named after the user's word ("Rooms" → Room). */
function chatChannelRef(label: string | undefined, locale: AppLocale): EntityRef | undefined {
  if (label === undefined) return undefined;
  const named = genericEntity(label, 'Channel', locale);
  return {
    ...named,
    key: 'chat-channel',
    row: { ...named.row, fields: CHAT_CHANNEL_FIELDS },
    fieldsFrom: 'domain',
    fieldLabels: undefined,
  };
}

function isVague(candidate: Candidate): boolean {
  const words = tokens(candidate.label);
  return candidate.origin === 'features' && words.length > 0 && words.every((word) => VAGUE_LABEL_WORDS.has(word));
}

export function planApp(spec: AppSpec): AppPlan {
  const requested = spec.features.map((feature) => feature.trim()).filter(Boolean);
  // "guests reserve a table": the table's table bookings (guest, party size, time), not a bare table.
  const nouns = withTableBookings(mineDescriptionNouns(spec.name, spec.description));
  // "walkers" next to "… with local walkers": the walkers the description describes.
  let candidates = requested
    .map((label, index) => classifyLabel(label, index, appLocale(spec), spec.description))
    .map((candidate) =>
      candidate.entity
        ? {
            ...candidate,
            entity: withMinedRow(
              candidate.entity,
              nouns.nouns,
              HEAD_FIRST_LOCALES.has(appLocale(spec)),
              candidate.label,
            ),
          }
        : candidate,
    );
  let vague: Candidate[] = [];
  if (requested.length < THIN_FEATURE_LIST) {
    const mined = mineDescription(spec, nouns);
    if (mined.some((candidate) => candidate.archetype !== 'settings')) {
      vague = candidates.filter(isVague);
      candidates = candidates.filter((candidate) => !isVague(candidate));
    }
    candidates.push(...mined);
  }
  // "Tickets" next to events or concerts are admissions to them, not a helpdesk's work orders.
  candidates = withEventTickets(candidates, [spec.name, spec.description]);
  // "Recetas" in a vet's or a doctor's app are prescriptions, not recipes.
  candidates = withClinicPrescriptions(candidates, [spec.name, spec.description]);
  // "Bills" of a household are bills to pay; of a freelancer with clients, invoices to them.
  candidates = withHouseholdBills(candidates, [spec.name, spec.description]);
  // "Rooms" of a hotel, "Loans" of a library, "Subjects" and "Exams" of a school get their rows there only.
  candidates = withContextRows(candidates, [spec.name, spec.description]);
  // "Carte" and "Carta" in a restaurant's app are its menu, not a map.
  candidates = withRestaurantMenu(candidates, [spec.name, spec.description]);
  // "Class timetable" in a gym or a yoga studio lists classes at a time, with a trainer and spots: not courses.
  candidates = withClassSessions(candidates, [spec.name, spec.description], appLocale(spec));
  // "Leads", "Jobs", "Rentals" are a sales team's, a job board's, a car hire's only in such an app.
  candidates = withBusinessRecords(candidates, [spec.name, spec.description], (label) =>
    genericEntity(label, 'Entry', appLocale(spec)),
  );
  // "Gassigänge" beside "… buchen Gassigänge bei Gassigehern": the requested walks are booked on a calendar.
  candidates = withBookedLabels(candidates, nouns.nouns);
  // A requested calendar books, plans or shows what the description does (dog walks, meals, expenses).
  candidates = withCalendarEntities(candidates, spec.description, nouns.nouns);
  // "Pagos" in an app that sells nothing: payment records of the bookings, not a product checkout.
  candidates = withPaymentRecords(candidates, spec.description, (label) =>
    genericEntity(label, 'Payment', appLocale(spec)),
  );
  // A checkout sells a restaurant's menu when there is one, and saves each paid order to "Orders".
  candidates = withCheckoutData(candidates, appLocale(spec));
  // "Stapel, Karten, Lernen": in an app that studies, the cards are flashcards in decks.
  candidates = withStudyCards(candidates);
  if (!candidates.some((candidate) => candidate.archetype !== 'settings')) {
    const entity = genericEntity('entries', 'Entry');
    candidates.push({ label: entity.row.pluralLabel, origin: 'app', archetype: 'entity', entity, options: {} });
  }
  // "Chat, channels": the channels open the chat; their messages carry the channel's id.
  const channels = chatChannelRef(
    foldChatChannels(candidates, (candidate) => candidate.entity?.key.startsWith('generic:') === true),
    appLocale(spec),
  );
  const merged = mergeCandidates(spec, candidates);
  const chat = merged.find((candidate) => candidate.archetype === 'chat');
  if (chat && channels) {
    const row = { ...CHANNEL_MESSAGE_ENTITY, refersTo: { channel: channels.row.className } };
    chat.entity = { key: 'ChatMessage', row, fieldsFrom: 'domain' };
  }
  // "Chat with the seller" beside listings: each listing is the channel of its conversation.
  const listing = chat && !channels ? chatListingClass(merged, backendKind(spec.backend)) : undefined;
  if (chat && listing) {
    const row = { ...CHANNEL_MESSAGE_ENTITY, refersTo: { channel: listing } };
    chat.entity = { key: 'ChatMessage', row, fieldsFrom: 'domain' };
    chat.options = { ...chat.options, [CHANNELS_OPTION]: true, [LISTING_CHAT_OPTION]: true };
  }
  // "Home" with a description that names the app's screens: the first of them is that home.
  merged[0].requested.push(...vague.map((candidate) => candidate.label));
  const names = nameFeatures(merged, appLocale(spec));

  const entities = new Map<string, EntityPlan>();
  // Which entity each description row became, for the references between them.
  const byRow = new Map<string, EntityPlan>();
  const taken = new Set<string>();
  const described = describedRecords(spec.description);
  const parties = bookingParties(spec.description);
  // Chosen together, so no two home cards share an icon when another fits.
  const icons = featureIcons(
    merged.map((candidate, index) => ({
      id: names[index].id,
      archetype: candidate.archetype,
      entity: candidate.entity?.row.className,
    })),
  );
  const features: PlannedFeature[] = merged.map((candidate, index) => {
    const featureNames = names[index];
    let entity: string | undefined;
    if (candidate.entity) {
      let plan = entities.get(candidate.entity.key);
      if (!plan) {
        const ref = withDescription(candidate.entity, described, parties);
        plan = buildEntity(withBookingName(ref, candidate.requested), taken);
        entities.set(candidate.entity.key, plan);
        if (!byRow.has(candidate.entity.row.className)) byRow.set(candidate.entity.row.className, plan);
      }
      entity = plan.className;
    }
    return {
      names: featureNames,
      classes: featureClasses(featureNames),
      paths: featureFilePaths(featureNames),
      route: featureRoute(featureNames),
      icon: icons[index],
      archetype: candidate.archetype,
      requested: candidate.requested,
      origin: candidate.origin,
      options: candidate.options,
      entity,
    };
  });
  if (chat && channels) {
    // The chat's channel list shows them; no record screen of their own.
    const plan = buildEntity(channels, taken);
    entities.set(channels.key, plan);
    byRow.set(channels.row.className, plan);
  }
  if (byRow.has('Habit')) {
    // The habit list ticks days off in these (one record per habit and day); no screen of their own.
    const checks = entityRef(HABIT_CHECK_ENTITY);
    entities.set(checks.key, buildEntity(checks, taken));
  }
  const backend = backendKind(spec.backend);
  const linked = linkReferences([...entities.values()], byRow, appLocale(spec), screenTitles(features)).map(
    withoutLooseDeck,
  );
  return {
    spec,
    packageName: packageName(spec),
    displayName: appDisplayName(spec),
    description: appDescription(spec, appLocale(spec)),
    locale: appLocale(spec),
    backend,
    features,
    entities: linked.map((entity) =>
      localizeEntity(
        withTimeOfDay(onDevice(entity, features, linked, backend) ? { ...entity, storage: 'device' } : entity),
        appLocale(spec),
      ),
    ),
  };
}

/** Each entity's class → the title of the first screen that shows it ("Réservation de table"). */
function screenTitles(features: readonly PlannedFeature[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const feature of features) {
    if (feature.entity && !titles.has(feature.entity)) titles.set(feature.entity, feature.names.label);
  }
  return titles;
}

/**
 * Whether `entity` only ever lives on the device: with a server backend the camera keeps its photos in
 * its own on-device repository (a device path means nothing elsewhere), so when no other feature shows
 * them and no record points at them, the backend has nothing to store.
 */
function onDevice(
  entity: EntityPlan,
  features: readonly PlannedFeature[],
  entities: readonly EntityPlan[],
  backend: BackendKind,
): boolean {
  if (backend === 'none') return false;
  const users = features.filter((feature) => feature.entity === entity.className);
  const referenced = entities.some((other) => other.fields.some((field) => field.refersTo === entity.className));
  return users.length > 0 && users.every((feature) => feature.archetype === 'camera') && !referenced;
}
