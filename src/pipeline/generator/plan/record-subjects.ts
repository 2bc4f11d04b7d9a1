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
  /** Words of the record's class name (`FuelLog` → fuel, log), any of which makes it one of these records. */
  records: readonly string[];
  /** Words of the subject's class name, best first: the first one the app has a list of is linked. */
  subjects: readonly string[];
  /** Whether the record may stand alone: a task in no project sits in the inbox. */
  subjectOptional?: boolean;
  /** Someone else the record may name, optionally: who filled the tank. */
  alsoOptional?: readonly string[];
  /** Typed-in fields that name the subject (a booking's `customerName`): the link replaces them. */
  namedBy?: readonly string[];
}

// Other languages' class names as written, singular: "Paciente", "Paziente", "Mascota".
const PATIENTS = ['pet', 'patient', 'animal', 'horse', 'dog', 'cat', 'paciente', 'paziente', 'pasien', 'mascota'];
const VEHICLES = ['vehicle', 'car', 'truck', 'van', 'motorcycle', 'bike', 'boat'];

const RECORD_SUBJECTS: readonly SubjectRule[] = [
  {
    records: ['visit', 'prescription', 'vaccination', 'treatment', 'checkup', 'diagnosis', 'medication'],
    subjects: PATIENTS,
  },
  {
    // A clinic's appointments ("consultas", "citas") are of a patient the app lists, not a typed-in name.
    records: ['appointment', 'consultation', 'booking', 'consulta', 'cita', 'agendamento', 'appuntamento'],
    subjects: PATIENTS,
    namedBy: ['customerName'],
  },
  { records: ['fuel', 'refuel', 'trip'], subjects: VEHICLES, alsoOptional: ['driver'] },
  { records: ['maintenance', 'repair', 'inspection'], subjects: VEHICLES },
  { records: ['ticket', 'registration', 'attendee', 'rsvp'], subjects: ['event', 'concert', 'show', 'festival'] },
  { records: ['task', 'milestone'], subjects: ['project'], subjectOptional: true },
  { records: ['card', 'flashcard'], subjects: ['deck'] },
  { records: ['lesson', 'assignment', 'exam'], subjects: ['course'] },
  { records: ['grade', 'attendance'], subjects: ['student'] },
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
    const entity = entities.find((other) => other !== record && classWords(other.className).includes(word));
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
    if (!next) return record;
    titleField = next.name;
  }
  // The subject's own contact fields (a patient's phone) say it better than a copy typed into each record.
  const fields = record.fields
    .filter((field) => !(typed !== field && namedBy.length > 0 && isSubjectContact(field, subject)))
    .map((field) => (field === typed ? link : field));
  return { ...record, titleField, fields };
}

/** Whether `field` is a phone or email the `subject` keeps too. */
function isSubjectContact(field: EntityField, subject: EntityPlan): boolean {
  if (field.type !== 'phone' && field.type !== 'email') return false;
  return subject.fields.some((other) => other.type === field.type);
}

/** `record` linked to the subjects its kind belongs to, where the app keeps a list of them. */
export function withRecordSubjects(record: EntityPlan, entities: readonly EntityPlan[], locale: AppLocale): EntityPlan {
  const words = classWords(record.className);
  const rule = RECORD_SUBJECTS.find((candidate) => candidate.records.some((word) => words.includes(word)));
  if (!rule) return record;
  let linked = record;
  const subject = subjectOf(record, entities, rule.subjects);
  if (subject) {
    linked = withSubject(linked, subject.entity, subject.word, !rule.subjectOptional, locale, rule.namedBy);
  }
  const other = rule.alsoOptional && subjectOf(record, entities, rule.alsoOptional);
  if (other) linked = withSubject(linked, other.entity, other.word, false, locale);
  return linked;
}
