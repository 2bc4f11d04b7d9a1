/**
 * A restaurant's table bookings: the guest's name, how many people, the date and time, a phone
 * number and notes (the table row `TableBooking`), not a salon's customer and service. Feature
 * labels that book a table ("Reserve a table", "Réserver une table", "Tisch reservieren", "Reservar
 * mesa") and descriptions where guests reserve tables ("guests reserve a table for …") book these;
 * which table is picked only where the app keeps a list of its tables (`record-subjects.ts`).
 */
import type { AppLocale } from './app-language';
import { DOMAIN_ENTITIES, type DomainEntity } from './domain-entities';
import type { MinedNoun, MinedNouns } from './description-nouns';
import { HEAD_FIRST_LOCALES } from './description-words';
import { singularNoun } from './noun-inflection';
import { foldText, singular } from './text-match';

/** Table rows whose records are bookings: a calendar keeps them. */
export const BOOKING_ROWS: ReadonlySet<string> = new Set(['Booking', 'TableBooking']);

/** A restaurant's table (folded, singular), as a booking verb's object names it. */
const TABLE_WORDS: ReadonlySet<string> = new Set(['table', 'mesa', 'tisch', 'tavolo', 'meja', 'ban']);

function tableBookingRow(): DomainEntity {
  const row = DOMAIN_ENTITIES.find((candidate) => candidate.className === 'TableBooking');
  if (!row) throw new Error('no TableBooking row in the domain table');
  return row;
}

function isTable(word: string | undefined, locale: AppLocale): boolean {
  if (word === undefined) return false;
  return TABLE_WORDS.has(foldText(singularNoun(word, locale))) || TABLE_WORDS.has(singular(word));
}

/**
 * The table-booking row when a booking verb's object (folded words, "a table" → table) is a
 * restaurant's table: its head word, first in the Romance languages ("mesa para dos"), else last
 * ("a table tennis court" books a court).
 */
export function bookedTable(object: readonly string[], locale: AppLocale): DomainEntity | undefined {
  const head = HEAD_FIRST_LOCALES.has(locale) ? object[0] : object[object.length - 1];
  return isTable(head, locale) ? tableBookingRow() : undefined;
}

/** Whether a noun the description books is a table: a booking built around a `table` field. */
function booksTable(noun: MinedNoun): boolean {
  if (noun.fieldsFrom !== 'description' || noun.intent !== 'book' || !noun.row.className.endsWith('Booking')) {
    return false;
  }
  const head = noun.row.fields.split(':')[0].trim();
  return TABLE_WORDS.has(foldText(head));
}

/**
 * The description's nouns with a booked table ("guests reserve a table": `TableBooking { table, date }`
 * built from the words) as the table's table booking, so the calendar keeps the guests' name, party
 * size and phone number the words did not say.
 */
export function withTableBookings(mined: MinedNouns): MinedNouns {
  if (!mined.nouns.some(booksTable)) return mined;
  const row = tableBookingRow();
  // A booked resource has no table name of its own words (`description-nouns.ts`): the row's stays.
  const nouns = mined.nouns.map((noun): MinedNoun =>
    booksTable(noun) ? { ...noun, row, fieldsFrom: 'domain' } : noun,
  );
  return { ...mined, nouns };
}
