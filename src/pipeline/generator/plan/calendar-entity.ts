/**
 * What a requested calendar holds when the app already has something dated to
 * put on it. A "calendar" next to "Book dog walks with local walkers" books
 * the dog walks (walker, price, paid), not a generic event; "meal planner
 * calendar" in a recipe app plans meals that each cook one of the recipes;
 * "calendar" in an app that tracks expenses shows the expenses by day. Only
 * when nothing dated is booked, planned or logged does the calendar keep its
 * own generic events.
 */
import type { ArchetypeId } from './app-plan';
import { DOMAIN_ENTITIES, PERSON_FIELDS, parseFieldSpecs, type DomainEntity } from './domain-entities';
import type { MinedNoun } from './description-nouns';
import { bookingParties } from './described-fields';
import { minedRef, type EntityRef } from './entity-ref';
import { phraseIndex, singular, tokens } from './text-match';

/** Why the calendar works on its entity: the description books it (a booking calendar) or logs it. */
export type CalendarSource = 'booked' | 'logged';

/** The parts of a planner candidate this file reads and sets. */
interface CalendarCandidate {
  label: string;
  archetype: ArchetypeId;
  origin: 'features' | 'description' | 'app';
  entity?: EntityRef;
  calendarOf?: CalendarSource;
}

/** Words that make a calendar a planner: "meal planner", "plan meals for the week". */
const PLAN_WORDS: readonly string[] = [
  'plan',
  'plans',
  'planner',
  'planning',
  'ke hoach',
  'planificador',
  'planificar',
  'planejar',
  'planejador',
  'planifier',
  'planificateur',
  'planer',
  'planen',
  'pianificare',
  'pianificatore',
  'rencana',
  '计划',
  '献立',
];

/**
 * Things a planner schedules out of records the app keeps: a planned meal
 * cooks one of the recipes. The planned row gets a title ("Sunday lunch"), the
 * reference, its date and notes; the reference field is named after the source.
 */
const PLANNED_FROM: readonly { planned: string; from: string }[] = [{ planned: 'Meal', from: 'Recipe' }];

function rowOf(className: string): DomainEntity | undefined {
  return DOMAIN_ENTITIES.find((row) => row.className === className);
}

function mentions(words: readonly string[], phrases: readonly string[]): boolean {
  const singulars = words.map(singular);
  return phrases.some((phrase) => phraseIndex(words, phrase) >= 0 || phraseIndex(singulars, phrase) >= 0);
}

function hasRequiredDate(ref: EntityRef): boolean {
  return /:date!/.test(ref.row.fields);
}

/** "meal planner calendar" + recipes: Meal { title, recipe → Recipe, date, notes }, or undefined. */
function plannedEntity(words: readonly string[], entities: readonly EntityRef[]): EntityRef | undefined {
  if (!mentions(words, PLAN_WORDS)) return undefined;
  for (const { planned, from } of PLANNED_FROM) {
    const row = rowOf(planned);
    const source = entities.find((ref) => ref.row.className === from);
    if (!row || !source || !mentions(words, row.words)) continue;
    const refName = from.charAt(0).toLowerCase() + from.slice(1);
    const fields = `title:text!, ${refName}:text!, date:date!, notes:longText`;
    // Its own key: the table's Meal (calories) stays a different record should a label name it too.
    // Known fields, not a guess: the README lists the reference under the links, not as guessed.
    return {
      key: `planned:${planned}`,
      row: { ...row, fields, refersTo: { [refName]: source.row.className } },
      fieldsFrom: 'domain',
    };
  }
  return undefined;
}

/**
 * The entity a requested calendar (`label`) works on, given the app's other
 * entities and the description's nouns: what the description books, what a
 * planner plans out of another record, or a dated record of the app the
 * description logs. Undefined keeps the calendar's own choice (bookings or events).
 */
export function calendarEntity(
  label: string,
  description: string,
  entities: readonly EntityRef[],
  nouns: readonly MinedNoun[],
): { ref: EntityRef; source: CalendarSource } | undefined {
  const booked = nouns.find((noun) => noun.archetype === 'calendar');
  if (booked) return { ref: minedRef(booked), source: 'booked' };
  const planned = plannedEntity([...tokens(label), ...tokens(description)], entities);
  if (planned) return { ref: planned, source: 'booked' };
  for (const noun of nouns.filter((candidate) => candidate.intent !== undefined)) {
    const key = minedRef(noun).key;
    const kept = entities.find((ref) => ref.key === key && hasRequiredDate(ref));
    if (kept) return { ref: kept, source: noun.intent === 'book' ? 'booked' : 'logged' };
  }
  return undefined;
}

/**
 * The candidates with each requested calendar on the entity {@link calendarEntity}
 * finds; a record screen of what the calendar books folds into it ("dog walks" and
 * "calendar" are one screen), while logged records keep their list next to the calendar.
 */
export function withCalendarEntities<C extends CalendarCandidate>(
  candidates: readonly C[],
  description: string,
  nouns: readonly MinedNoun[],
): C[] {
  const calendars = candidates.filter((candidate) => candidate.archetype === 'calendar');
  const calendar = calendars.find((candidate) => candidate.origin === 'features');
  const described = booksDescribedThing(description, nouns);
  if (!calendar || calendars.some((candidate) => namesOwnRecords(candidate, described))) return [...candidates];
  const entities = candidates.flatMap((candidate) =>
    candidate.archetype === 'calendar' ? [] : (candidate.entity ?? []),
  );
  const found = calendarEntity(calendar.label, description, entities, nouns);
  if (!found) return [...candidates];
  const ref = found.source === 'booked' ? withBookedPerson(found.ref, entities) : found.ref;
  return candidates.map((candidate) => {
    const calendarScreen = candidate.archetype === 'calendar';
    const sameRecords = candidate.archetype === 'entity' && candidate.entity?.key === found.ref.key;
    if (!calendarScreen && !(sameRecords && found.source === 'booked')) return candidate;
    return { ...candidate, archetype: 'calendar', entity: ref, calendarOf: found.source };
  });
}

/**
 * A requested screen of what the description books ("Gassigänge" beside "Hundebesitzer buchen Gassigänge
 * bei Gassigehern") is that booking calendar, as "Book dog walks with walkers" alone gets one. When the
 * app has another calendar, the label stays a list and {@link withCalendarEntities} folds it into that one.
 */
export function withBookedLabels<C extends CalendarCandidate>(
  candidates: readonly C[],
  nouns: readonly MinedNoun[],
): C[] {
  // A table row the label names (a course) keeps the label's own screen.
  const booked = nouns.find((noun) => noun.archetype === 'calendar' && noun.fieldsFrom === 'description');
  if (!booked) return [...candidates];
  const key = minedRef(booked).key;
  if (candidates.some((candidate) => candidate.archetype === 'calendar' && candidate.entity?.key !== key)) {
    return [...candidates];
  }
  return candidates.map((candidate) =>
    candidate.archetype === 'entity' && candidate.origin === 'features' && candidate.entity?.key === key
      ? { ...candidate, archetype: 'calendar', calendarOf: 'booked' }
      : candidate,
  );
}

/**
 * "Reservas" next to "Reservar pistas de pádel": the bookings are the described court bookings (court,
 * date, price, paid) rather than a salon's customer and service. Only a dated booking the description
 * built itself, and only when it names no parties: "Clients book haircuts with stylists" already gives
 * the table's booking its client and stylist, and "Book lessons" (a course) has no date of its own.
 */
function booksDescribedThing(description: string, nouns: readonly MinedNoun[]): boolean {
  const booked = nouns.some(
    (noun) => noun.archetype === 'calendar' && noun.fieldsFrom === 'description' && hasRequiredDate(minedRef(noun)),
  );
  if (!booked) return false;
  const parties = bookingParties(description);
  return !parties.booker && !parties.provider;
}

/**
 * "appointments", "event calendar": the label names the table's bookings or events, which the calendar
 * keeps — unless the label only says "bookings" and the description says what is booked.
 */
function namesOwnRecords(candidate: CalendarCandidate, described: boolean): boolean {
  const className = candidate.entity?.row.className;
  // A gym's "Class schedule" keeps its classes (`class-sessions.ts`), whatever the description books.
  if (className === 'ClassSession') return true;
  return className === 'CalendarEvent' || (className === 'Booking' && !described);
}

/** The most lists of people a described booking picks from: who books it, and who does it. */
const MAX_BOOKED_PEOPLE = 2;

/** A list of people: contact fields of their own ("Gassigeher"), or a table row with contact details (Kunden). */
function isPeopleList(ref: EntityRef): boolean {
  return ref.row.fields === PERSON_FIELDS || (ref.fieldsFrom === 'domain' && /:(email|phone)\b/.test(ref.row.fields));
}

/**
 * A described booking in an app that keeps lists of people ("jugadores", "Gassigeher", "Kunden"): who
 * booked is one of them, picked from the list, rather than a name typed again on every booking. The
 * app's own people lists come first, and the first one is required; a second list is optional.
 */
function withBookedPerson(ref: EntityRef, entities: readonly EntityRef[]): EntityRef {
  if (ref.fieldsFrom !== 'description' || ref.row.refersTo) return ref;
  const taken = new Set(parseFieldSpecs(ref.row.fields).map((field) => field.name));
  const lists = [...entities.filter((other) => other.row.fields === PERSON_FIELDS), ...entities.filter(isPeopleList)];
  const people = lists.filter((other, index) => lists.indexOf(other) === index && other.key !== ref.key);
  const names = people
    .map((person) => ({ person, name: person.row.className.charAt(0).toLowerCase() + person.row.className.slice(1) }))
    .filter(({ name }) => !taken.has(name))
    .slice(0, MAX_BOOKED_PEOPLE);
  if (!names.length) return ref;
  const [first, ...rest] = ref.row.fields.split(', ');
  const added = names.map(({ name }, index) => `${name}:text${index === 0 ? '!' : ''}`);
  const fields = [first, ...added, ...rest].join(', ');
  const refersTo = Object.fromEntries(names.map(({ person, name }) => [name, person.row.className]));
  return { ...ref, row: { ...ref.row, fields, refersTo } };
}
