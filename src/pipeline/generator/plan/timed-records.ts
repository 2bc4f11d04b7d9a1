/**
 * Records that happen at a time of day: an appointment, a court booking, a
 * meeting, a class, a dog walk, an event. Their day alone is no use to a
 * clinic or a club, so their required date becomes a `dateTime` (picked with a
 * date picker and then a time picker, stored as a UTC instant). Logs of what
 * happened on a day (expenses, workouts, meals, habits, a meditation session's
 * minutes) keep a plain `date`.
 */
import type { EntityField, EntityPlan } from './app-plan';

/** Words of a class name (`PistaPadelBooking` → booking) that say the record is kept at a time of day. */
const TIMED_WORDS: ReadonlySet<string> = new Set([
  'appointment',
  'booking',
  'reservation',
  'meeting',
  'session',
  'class',
  'lesson',
  'walk',
  'ride',
  'visit',
  'event',
  'consultation',
  'interview',
  'rehearsal',
  // The same in the other languages' class names (singular, ASCII: "Prenotazione", "Cita", "RendezVous").
  'reserva',
  'cita',
  'consulta',
  'visita',
  'clase',
  'sesion',
  'reunion',
  'prenotazione',
  'appuntamento',
  'lezione',
  'riunione',
  'rendez',
  'seance',
  'agendamento',
  'sessao',
  'aula',
  'reuniao',
  'termin',
  // Walks: "PromenadeChiens", "PaseoPerros", "Passeio", "Passeggiata".
  'promenade',
  'paseo',
  'passeio',
  'passeggiata',
]);

/**
 * German compounds end in the word that says what they are: "Hundespaziergang", "Fahrstunde", "Platzbuchung".
 * A walk is a "Spaziergang", "Gassigang" or "Rundgang", never any "-gang" (Eingang, Umgang, Vorgang).
 */
const GERMAN_TIMED_ENDINGS =
  /(termin|spaziergang|gassigang|rundgang|stunde|buchung|reservierung|besuch|sitzung|treffen|besprechung)$/;

/** A duration logged with the record: a meditation session's minutes say it was a log, not a booking. */
const LOGGED_DURATION = /^(minutes|durationMinutes|hours)$/;

/** English label of a date-time that replaced a plain date ("Date" → "Date & time"). */
export const DATE_TIME_LABEL = 'Date & time';

/** Whether records of `entity` happen at a time of day (see above). */
export function isTimedRecord(entity: Pick<EntityPlan, 'className' | 'fields'>): boolean {
  const words = entity.className
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
  if (!words.some((word) => TIMED_WORDS.has(word) || GERMAN_TIMED_ENDINGS.test(word))) return false;
  return !entity.fields.some((field) => field.required && LOGGED_DURATION.test(field.name));
}

/** The entity with its required `date` a `dateTime` when its records happen at a time of day. */
export function withTimeOfDay(entity: EntityPlan): EntityPlan {
  if (!isTimedRecord(entity)) return entity;
  const when = entity.fields.find((field) => field.type === 'date' && field.required && field.name === 'date');
  if (!when) return entity;
  const timed: EntityField = { ...when, type: 'dateTime', label: when.label === 'Date' ? DATE_TIME_LABEL : when.label };
  return { ...entity, fields: entity.fields.map((field) => (field === when ? timed : field)) };
}
