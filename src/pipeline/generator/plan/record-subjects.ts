/**
 * Records that belong to a subject the app keeps a list of: a vet's visits and
 * prescriptions are of a pet, a fleet's fill-ups and services of a vehicle, a
 * ticket is for an event, a task of a project, a flashcard in a deck. When the
 * app has that subject's list, each record gets a required reference to it
 * (`petId`): the form picks the pet, the list shows its name. Without the list
 * (a personal medication tracker, a travel app's trips) nothing changes.
 */
import type { AppLocale } from './app-language';
import type { EntityField, EntityPlan } from './app-plan';
import { localFieldLabel } from './field-labels';

interface SubjectRule {
  /**
   * Words of the record's class name (`FuelLog` → fuel, log), any of which makes it one of these records;
   * a phrase of two ("table booking") only where they follow each other.
   */
  records: readonly string[];
  /** Words of the subject's class name, best first: the first one the app has a list of is linked. */
  subjects: readonly string[];
  /** Whether the record may stand alone: a task in no project sits in the inbox. */
  subjectOptional?: boolean;
  /** Someone else the record may name, optionally: who filled the tank. */
  alsoOptional?: readonly string[];
  /** Typed-in fields that name that someone else (a loan's `member`, when the app's list is "Socios"). */
  alsoNamedBy?: readonly string[];
  /** Typed-in fields that name the subject (a booking's `customerName`): the link replaces them. */
  namedBy?: readonly string[];
  /**
   * Whether a record titled by nothing but the subject's typed-in name (a hotel stay by its room) gets a
   * title of its own in front, so that the subject can be picked; otherwise the name stays typed.
   */
  ownTitle?: boolean;
}

// Other languages' class names as written, singular: "Paciente", "Paziente", "Mascota".
const PATIENTS = ['pet', 'patient', 'animal', 'horse', 'dog', 'cat', 'paciente', 'paziente', 'pasien', 'mascota'];
const VEHICLES = ['vehicle', 'car', 'truck', 'van', 'motorcycle', 'bike', 'boat'];
/** What an app's reviews are of, best first (class-name words: `Product`, `Tutor`, `Listing`). */
const REVIEWED = [
  'product',
  'listing',
  'property',
  'hotel',
  'tour',
  'place',
  'tutor',
  'teacher',
  'trainer',
  'instructor',
  'coach',
  'doctor',
  'course',
  'book',
  'movie',
  'recipe',
  'game',
];
const MEMBERS = ['member', 'membre', 'miembro', 'membro', 'mitglied', 'socio', 'anggota'];
/** A hotel's rooms by the name a description books them under ("les clients réservent des chambres"). */
const LODGINGS = ['room', 'phong', 'habitacion', 'quarto', 'chambre', 'zimmer', 'camera', 'kamar'];
const ROOM_BOOKINGS = LODGINGS.map((word) => `${word} booking`);
const TENANTS = ['tenant', 'renter', 'inquilino', 'locataire', 'mieter', 'inquilini', 'penyewa'];

const RECORD_SUBJECTS: readonly SubjectRule[] = [
  {
    records: ['visit', 'prescription', 'vaccination', 'treatment', 'checkup', 'diagnosis', 'medication'],
    subjects: PATIENTS,
  },
  {
    // A restaurant's table booking names its table when the app lists tables (the restaurant may pick
    // it later); before the clinic's bookings, whose word it shares. The guest's name titles it.
    records: ['table booking'],
    subjects: ['table', 'mesa', 'tisch', 'tavolo', 'meja'],
    subjectOptional: true,
  },
  // A hotel stay is in a room the app lists (also before the clinic's bookings).
  { records: ROOM_BOOKINGS, subjects: ['room'], namedBy: LODGINGS, ownTitle: true },
  {
    // A clinic's appointments ("consultas", "citas") are of a patient the app lists, not a typed-in name.
    records: ['appointment', 'consultation', 'booking', 'consulta', 'cita', 'agendamento', 'appuntamento'],
    subjects: PATIENTS,
    namedBy: ['customerName'],
  },
  { records: ['fuel', 'refuel', 'trip'], subjects: VEHICLES, alsoOptional: ['driver'] },
  // A rental is of a car the app lists (its typed-in "Rented item" otherwise); its customer is linked
  // by `entity-references.ts` when the app keeps customers.
  { records: ['rental'], subjects: VEHICLES, namedBy: ['item'] },
  // A delivery brings an order the app lists, by one of its drivers or couriers.
  { records: ['delivery'], subjects: ['order'], alsoOptional: ['driver', 'courier'] },
  // Goods in or out are of an item the app stocks (a warehouse's items, a shop's products).
  { records: ['stock movement'], subjects: ['item', 'product'], namedBy: ['item'] },
  { records: ['maintenance', 'repair', 'inspection'], subjects: VEHICLES },
  { records: ['ticket', 'registration', 'attendee', 'rsvp'], subjects: ['event', 'concert', 'show', 'festival'] },
  { records: ['task', 'milestone'], subjects: ['project'], subjectOptional: true },
  // A sales deal is with a contact or customer the app keeps; an application is to a job it lists.
  { records: ['deal'], subjects: ['contact', 'customer', 'client', 'lead'], namedBy: ['contact'] },
  { records: ['job application'], subjects: ['job'] },
  // What a warehouse stocks may come from a supplier the app keeps.
  { records: ['inventory'], subjects: ['supplier', 'vendor'], subjectOptional: true },
  { records: ['card', 'flashcard'], subjects: ['deck'] },
  // Homework and exams are of a school subject the app lists, else of a course (which replaces the typed subject).
  { records: ['lesson', 'assignment', 'exam', 'homework'], subjects: ['subject', 'course'], namedBy: ['subject'] },
  // A library's loan is of a book the app lists, to a member it keeps (a typed name when the book took the title).
  { records: ['loan'], subjects: ['book'], alsoOptional: MEMBERS, alsoNamedBy: ['member'] },
  // A landlord's lease is with a tenant the app keeps, for a flat it lists (a lease titled by its flat then
  // gets a title of its own).
  {
    records: ['lease'],
    subjects: TENANTS,
    namedBy: ['tenant'],
    alsoOptional: ['listing', 'apartment', 'property', 'flat', 'unit'],
    alsoNamedBy: ['unit'],
    ownTitle: true,
  },
  { records: ['grade', 'attendance'], subjects: ['student'] },
  // A review is of the one thing the app lists for people to pick: a shop's products, a tutor, a book.
  // A restaurant's reviews are of the visit, not of one dish: its menu items are no subject.
  { records: ['review'], subjects: REVIEWED },
  // A membership is a member's, when the app keeps its members ("Members", "Socios", "Mitglieder").
  { records: ['membership'], subjects: MEMBERS, namedBy: ['member'] },
];

/** Lower-case words of a class name: `MaintenanceRecord` → maintenance, record. */
function classWords(className: string): string[] {
  return className
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
}

/** The first entity (other than `record`) whose class names one of `words`, and the word it matched. */
function subjectOf(
  record: EntityPlan,
  entities: readonly EntityPlan[],
  words: readonly string[],
): { entity: EntityPlan; word: string } | undefined {
  for (const word of words) {
    // By class: `record` may be a linked copy of its own entry in `entities` (a room booking is no room).
    const entity = entities.find(
      (other) => other.className !== record.className && classWords(other.className).includes(word),
    );
    if (entity) return { entity, word };
  }
  return undefined;
}

/**
 * `record` with a reference to `subject` named `${word}Id`, unless it points there already. A typed-in
 * text field of the subject's name (a grade's `student`) becomes the reference; when that field titled
 * the record, the next required text field titles it, and with none left the record stays as it is.
 */
function withSubject(
  record: EntityPlan,
  subject: EntityPlan,
  word: string,
  required: boolean,
  locale: AppLocale,
  namedBy: readonly string[] = [],
  ownTitle = false,
): EntityPlan {
  const name = `${word}Id`;
  if (record.fields.some((field) => field.refersTo === subject.className || field.name === name)) return record;
  const label = locale === 'en' ? subject.label : (localFieldLabel(name, locale) ?? subject.label);
  const typed = record.fields.find(
    (field) => (field.name === word || namedBy.includes(field.name)) && field.type === 'text' && !field.refersTo,
  );
  const link: EntityField = {
    name,
    column: `${word}_id`,
    label,
    type: 'text',
    required: typed?.required ?? required,
    refersTo: subject.className,
  };
  if (!typed) {
    // After the references already in front: the subject first, then who else the record names.
    const first = record.fields.findIndex((field) => !field.refersTo);
    const at = first < 0 ? record.fields.length : first;
    return { ...record, fields: [...record.fields.slice(0, at), link, ...record.fields.slice(at)] };
  }
  let titleField = record.titleField;
  if (typed.name === titleField) {
    const next = record.fields.find(
      (field) =>
        field !== typed && field.required && !field.refersTo && (field.type === 'text' || field.type === 'longText'),
    );
    if (!next && !ownTitle) return record;
    titleField = next?.name ?? 'title';
  }
  // The subject's own contact fields (a patient's phone) say it better than a copy typed into each record.
  const fields = record.fields
    .filter((field) => !(typed !== field && namedBy.length > 0 && isSubjectContact(field, subject)))
    .map((field) => (field === typed ? link : field));
  if (titleField !== 'title' || record.fields.some((field) => field.name === 'title'))
    return { ...record, titleField, fields };
  const title: EntityField = {
    name: 'title',
    column: 'title',
    label: locale === 'en' ? 'Title' : (localFieldLabel('title', locale) ?? 'Title'),
    type: 'text',
    required: true,
  };
  return { ...record, titleField, fields: [title, ...fields] };
}

/** Whether `field` is a phone or email the `subject` keeps too. */
function isSubjectContact(field: EntityField, subject: EntityPlan): boolean {
  if (field.type !== 'phone' && field.type !== 'email') return false;
  return subject.fields.some((other) => other.type === field.type);
}

/** `record` linked to the subjects its kind belongs to, where the app keeps a list of them. */
export function withRecordSubjects(record: EntityPlan, entities: readonly EntityPlan[], locale: AppLocale): EntityPlan {
  const words = classWords(record.className);
  // A record word of two ("table booking") is those words in a row: `TableBooking`, not a `Table`.
  const named = ` ${words.join(' ')} `;
  const rule = RECORD_SUBJECTS.find((candidate) => candidate.records.some((word) => named.includes(` ${word} `)));
  if (!rule) return record;
  let linked = record;
  const subject = subjectOf(record, entities, rule.subjects);
  if (subject) {
    linked = withSubject(
      linked,
      subject.entity,
      subject.word,
      !rule.subjectOptional,
      locale,
      rule.namedBy,
      rule.ownTitle,
    );
  }
  const other = rule.alsoOptional && subjectOf(record, entities, rule.alsoOptional);
  if (other) {
    linked = withSubject(linked, other.entity, other.word, false, locale, rule.alsoNamedBy, rule.ownTitle);
  }
  return linked;
}
