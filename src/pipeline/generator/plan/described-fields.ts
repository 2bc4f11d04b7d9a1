/**
 * Fields the description names for a record ("Log workouts with sets, reps and
 * weight"), whichever way the record entered the plan: a feature label, a row
 * of the domain table or a noun mined from the description. Mined nouns the
 * table does not know already take their "with …" words (`description-nouns.ts`);
 * this covers the rest, so a workout logged "with sets, reps and weight" keeps
 * sets, reps and weight instead of the table's minutes and distance. It also
 * names the people of a booking ("Patients book appointments with doctors").
 */
import { appLocale, type AppLocale } from './app-language';
import type { FieldType } from './app-plan';
import { PERSON_SHAPE, parseFieldSpecs } from './domain-entities';
import { lex, readText, type Phrase } from './description-sentences';
import {
  BOOKED_WITH_WORDS,
  FIELD_WORDS,
  HEAD_FIRST_LOCALES,
  PERSON_WORDS,
  SOURCE_PREPOSITIONS,
  wordRoles,
} from './description-words';
import { isGermanAgentNoun } from './german-agent-nouns';
import { singularNoun } from './noun-inflection';

export interface DescribedField {
  name: string;
  type: FieldType;
}

/** The words of one phrase the description gave fields to ("workouts"), with those fields. */
export interface DescribedRecord {
  /** Folded words of the owner phrase, as `tokens` gives them. */
  words: string[];
  fields: DescribedField[];
}

function lowerCamel(words: readonly string[]): string {
  const parts = words.flatMap((word) => word.split(/[^a-z0-9]+/)).filter(Boolean);
  return parts.map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1))).join('');
}

/** An attribute word the generator knows the type of ("reps" → int), else nothing: "with doctors" is no field. */
function attributeOf(phrase: Phrase): DescribedField | undefined {
  const texts = phrase.words.map((word) => word.text);
  const type = FIELD_WORDS.get(texts.join(' ')) ?? FIELD_WORDS.get(texts[texts.length - 1]);
  const name = lowerCamel(texts);
  return type && /^[a-z][A-Za-z0-9]*$/.test(name) ? { name, type } : undefined;
}

/** Every phrase of the description that "with …" gives known attribute words, in order. */
export function describedRecords(description: string): DescribedRecord[] {
  const locale = appLocale({ name: '', description, features: [] });
  const { phrases } = readText(lex(description), wordRoles(locale), locale === 'en');
  const records = new Map<Phrase, DescribedRecord>();
  for (const phrase of phrases.filter((candidate) => candidate.role === 'with')) {
    const field = attributeOf(phrase);
    if (!field) continue;
    for (const owner of phrase.owners) {
      const record = records.get(owner) ?? { words: owner.words.map((word) => word.text), fields: [] };
      if (!record.fields.some((known) => known.name === field.name)) record.fields.push(field);
      records.set(owner, record);
    }
  }
  return [...records.values()];
}

/** Who a booking is between, as singular folded words: "Patients book … with doctors". */
export interface BookingParties {
  /** The subject of the sentence that books ("patient"). */
  booker?: string;
  /** The booker as the user wrote it, in the singular, for the field's label ("Bệnh nhân", "Médico"). */
  bookerLabel?: string;
  /** The people booked with ("doctor"), or asked ("Riders request rides from drivers": "driver"). */
  provider?: string;
}

/** Customers are people too, though the table keeps them as a row of their own. */
const BOOKER_WORDS: ReadonlySet<string> = new Set(['client', 'customer']);

/** A person phrase as written, its head in the singular and the first letter upper-case: "pacientes" → "Paciente". */
function writtenSingular(phrase: Phrase, headFirst: boolean, locale: AppLocale): string {
  const words = phrase.words.map((word) => word.orig.toLowerCase());
  const at = headFirst ? 0 : words.length - 1;
  // Vietnamese nouns do not inflect, and their words are the whole name ("bệnh nhân").
  if (locale !== 'vi') words[at] = singularNoun(words[at], locale);
  const text = (locale === 'vi' ? words : [words[at]]).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** People something is asked of: "Riders request rides from drivers" (not "recipes from grandma"). */
function askedOf(phrase: Phrase): boolean {
  return (
    phrase.role === 'adjunct' &&
    SOURCE_PREPOSITIONS.has(phrase.prep ?? '') &&
    phrase.owners.some((owner) => owner.intent === 'book' || owner.intent === 'request')
  );
}

/**
 * The people the description's bookings are between: the subject who books
 * ("Patients book appointments …") and the people "with" whom ("… with doctors").
 */
export function bookingParties(description: string): BookingParties {
  const locale = appLocale({ name: '', description, features: [] });
  const { phrases } = readText(lex(description), wordRoles(locale), locale === 'en');
  const headFirst = HEAD_FIRST_LOCALES.has(locale);
  const parties: BookingParties = {};
  for (const phrase of phrases) {
    // Vietnamese people are several syllables ("bác sĩ"): the whole phrase names them, as one camel-case word.
    const whole = phrase.words.map((word) => word.text).join(' ');
    const head = PERSON_WORDS.has(whole)
      ? lowerCamel([whole])
      : singularNoun(phrase.words[headFirst ? 0 : phrase.words.length - 1].text, locale);
    if (!/^[a-z][A-Za-z]*$/.test(head)) continue;
    const person =
      PERSON_WORDS.has(whole) ||
      PERSON_WORDS.has(head) ||
      PERSON_SHAPE.test(head) ||
      (locale === 'de' && isGermanAgentNoun(head));
    if (phrase.role === 'plain' && (person || BOOKER_WORDS.has(head)) && !parties.booker) {
      parties.booker = head;
      parties.bookerLabel = writtenSingular(phrase, headFirst, locale);
    }
    // "đặt lịch với thợ": a tradesman only as the one booked with.
    const bookedWith = phrase.role === 'with' && BOOKED_WITH_WORDS.has(whole);
    if ((phrase.role === 'with' || askedOf(phrase)) && (person || bookedWith)) parties.provider ??= head;
  }
  return parties.booker === parties.provider ? { booker: parties.booker, bookerLabel: parties.bookerLabel } : parties;
}

/**
 * A booking row's fields with its parties in the user's words: the one who
 * books replaces the salon's `customerName` (and titles the booking), the one
 * booked with replaces `service` (or, where the booked thing took the service's
 * place: "Book a haircut", comes before the date) and points at their records
 * when the app keeps them (`refersTo`; `linkReferences` drops it when it does not).
 */
export function withBookingParties(
  fields: string,
  { booker, bookerLabel, provider }: BookingParties,
): { fields: string; refersTo?: Record<string, string>; labels?: Record<string, string> } {
  if (!booker && !provider) return { fields };
  // The user's spelling where folding the name lost letters ("Bệnh nhân", "Médico"); an ASCII word
  // ("Patient", "Paciente") reads the same from the field name, as English always has.
  const labels =
    booker && bookerLabel && !/^[\x00-\x7f]*$/.test(bookerLabel) ? { labels: { [booker]: bookerLabel } } : {};
  const renamed = parseFieldSpecs(fields).map((spec) => {
    if (spec.name === 'customerName' && booker) return { ...spec, name: booker };
    if (spec.name === 'service' && provider) return { ...spec, name: provider };
    return spec;
  });
  // "Book a haircut" put the haircut where the service was: the barber goes before the date.
  if (provider && !renamed.some((spec) => spec.name === provider)) {
    const dateAt = renamed.findIndex((spec) => spec.type === 'date');
    renamed.splice(dateAt < 0 ? renamed.length : dateAt, 0, { name: provider, type: 'text', required: true });
  }
  const text = renamed.map((spec) => `${spec.name}:${spec.type}${spec.required ? '!' : ''}`).join(', ');
  const className = provider ? provider[0].toUpperCase() + provider.slice(1) : '';
  return provider ? { fields: text, refersTo: { [provider]: className }, ...labels } : { fields: text, ...labels };
}

const isMeasure = (type: string) => type === 'int' || type === 'decimal';

/**
 * `fields` (a domain row's `name:type!` list) with the described fields in it.
 * A field the row already has keeps the row's type. Numbers the description
 * names replace the row's own counts and measures (a workout "with sets, reps
 * and weight" has no minutes or distance); money stays, it is what the record
 * is about. When a replaced number was required, the first described number
 * is, so the record still has a value to sum. The new fields sit where the
 * replaced ones were, else before the notes.
 */
export function withDescribedFields(fields: string, described: readonly DescribedField[]): string {
  const specs = parseFieldSpecs(fields);
  const fresh = described.filter((field) => !specs.some((spec) => spec.name === field.name));
  if (!fresh.length) return fields;
  const replacing = fresh.some((field) => isMeasure(field.type));
  const replaced = replacing ? specs.filter((spec) => isMeasure(spec.type)) : [];
  const kept = specs.filter((spec) => !replaced.includes(spec));
  const added = fresh.map((field) => ({ ...field, required: false }));
  const firstMeasure = added.find((field) => isMeasure(field.type));
  if (firstMeasure && replaced.some((spec) => spec.required)) firstMeasure.required = true;
  const firstReplaced = replaced.length ? specs.indexOf(replaced[0]) : -1;
  const notesAt = kept.findIndex((spec) => spec.type === 'longText' && !spec.required);
  const at =
    firstReplaced >= 0
      ? kept.filter((spec) => specs.indexOf(spec) < firstReplaced).length
      : notesAt >= 0
        ? notesAt
        : kept.length;
  const merged = [...kept.slice(0, at), ...added, ...kept.slice(at)];
  return merged.map((spec) => `${spec.name}:${spec.type}${spec.required ? '!' : ''}`).join(', ');
}
