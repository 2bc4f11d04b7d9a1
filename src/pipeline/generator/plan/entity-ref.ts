/**
 * An entity as the planner carries it before it gets names and paths: a row
 * of the domain table, a noun built from the description, or a generic one
 * named after the user's words. Shared by `plan-app.ts` and the helpers that
 * pick a feature's entity (`calendar-entity.ts`).
 */
import type { EntityPlan } from './app-plan';
import type { DomainEntity } from './domain-entities';
import type { MinedNoun } from './description-nouns';
import { singular, tokens } from './text-match';

export interface EntityRef {
  /** Features with the same key share one entity: the row's class, `generic:<Class>` for built rows. */
  key: string;
  row: DomainEntity;
  fieldsFrom: NonNullable<EntityPlan['fieldsFrom']>;
  /** Labels for field names where the generic label would not say what the field holds ("Zorb name"). */
  fieldLabels?: Readonly<Record<string, string>>;
  /** snake_case plural in the app's language when the class is the user's word (`prenotazioni`). */
  tableName?: string;
}

export function entityRef(row: DomainEntity): EntityRef {
  return { key: row.className, row, fieldsFrom: 'domain' };
}

/** The entity of a noun mined from the description; built rows share the `generic:` key of a label's entity. */
export function minedRef(noun: MinedNoun): EntityRef {
  const key = noun.fieldsFrom === 'domain' ? noun.row.className : `generic:${noun.row.className}`;
  return { key, row: noun.row, fieldsFrom: noun.fieldsFrom, tableName: noun.tableName };
}

/** English words for the table's bookings that name the record better than "Booking" does. */
const BOOKING_NAMES: readonly string[] = ['appointment', 'reservation'];

/**
 * The table's bookings named after the user's English word: "appointments" keep
 * `Appointment` records, not `Booking`s (same fields, same key).
 */
export function withBookingName(ref: EntityRef, labels: readonly string[]): EntityRef {
  if (ref.fieldsFrom !== 'domain' || ref.row.className !== 'Booking') return ref;
  const words = labels.flatMap((label) => label.toLowerCase().split(/[^a-z]+/)).map((word) => word.replace(/s$/, ''));
  const name = BOOKING_NAMES.find((word) => words.includes(word));
  if (!name) return ref;
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  return { ...ref, row: { ...ref.row, className: label, label, pluralLabel: `${label}s` } };
}

/**
 * Whether class `head` is the head word(s) of class `phrase`: "Walk" of "DogWalk", "Paseo" of
 * "PaseoPerros" where the head comes first; never its modifier ("Dog" of "DogWalk").
 */
export function isHeadOf(head: string, phrase: string, headFirst: boolean): boolean {
  const words = (name: string) => name.split(/(?=[A-Z])/);
  const own = words(head);
  const theirs = words(phrase);
  if (own.length >= theirs.length) return false;
  return (headFirst ? theirs.slice(0, own.length) : theirs.slice(-own.length)).join('') === head;
}

/**
 * A feature label's guessed entity ("walkers") as the description's noun of the
 * same class has it ("… with local walkers": a person with contact details), so
 * the records the description links to it are the ones the label's screen keeps.
 * What the description books ("Gassigänge" beside "… buchen Gassigänge bei
 * Gassigehern") takes the booked noun's fields too: a dated walk with its walker.
 */
export function withMinedRow(ref: EntityRef, nouns: readonly MinedNoun[], headFirst = false, label = ''): EntityRef {
  if (ref.fieldsFrom === 'domain' && ref.key === ref.row.className) return withMinedDomainRow(ref, nouns, label);
  if (!ref.key.startsWith('generic:')) return ref;
  // Only records another noun links to ("dog walks with walkers"), or that the description books ("Paseos"
  // beside "Reserva paseos de perros": the label names the booked noun's head); the rest keep their fields.
  const linked = nouns.some((noun) => Object.values(noun.row.refersTo ?? {}).includes(ref.row.className));
  const described = nouns.filter((candidate) => candidate.fieldsFrom === 'description');
  const noun =
    described.find((candidate) => minedRef(candidate).key === ref.key) ??
    described.find(
      (candidate) =>
        candidate.intent === 'book' &&
        // "Paseos" beside "paseos de perros", or "Dog walks" beside "book walks".
        (isHeadOf(ref.row.className, candidate.row.className, headFirst) ||
          isHeadOf(candidate.row.className, ref.row.className, headFirst)),
    );
  if (!linked && noun?.intent !== 'book') return ref;
  // The same fields (a person both ways): the label's entity, which says where they came from.
  return noun && noun.row.fields !== ref.row.fields ? minedRef(noun) : ref;
}

/**
 * A label naming a table row ("Lessons", "Request a ride") as the description has it: the lessons it
 * books with tutors (dated, with the tutor) instead of the table's courses, or the table's rides with
 * the driver they are requested from.
 */
function withMinedDomainRow(ref: EntityRef, nouns: readonly MinedNoun[], label: string): EntityRef {
  const own = tokens(label).map(singular);
  const instead = nouns.find(
    (noun) =>
      noun.replaces === ref.row.className &&
      own.length > 0 &&
      tokens(noun.title).map(singular).pop() === own[own.length - 1],
  );
  if (instead) return minedRef(instead);
  const same = nouns.find((noun) => noun.fieldsFrom === 'domain' && noun.row.className === ref.row.className);
  return same?.row.refersTo && !ref.row.refersTo ? minedRef(same) : ref;
}
