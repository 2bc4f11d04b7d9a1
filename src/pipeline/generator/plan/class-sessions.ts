/**
 * A gym's, yoga or dance studio's "classes" are sessions on a timetable, not
 * a school's courses: "Class timetable" in a gym app lists classes that start
 * at a time, run for some minutes, have a trainer, spots and a room; "Book a
 * class" books one of them. The domain table reads "class", "Kurs", "cours"
 * as a course (a school's, with a teacher and hours), and "clases", "Kursplan"
 * or "Horario de clases" as nothing it knows; this swaps them for the table's
 * `ClassSession` when the app's name, description or screens are about a gym,
 * fitness, yoga, dance or martial arts. A school's, a language school's or an
 * online academy's classes stay courses. The session's trainer is picked from
 * the app's trainers, instructors or coaches when it lists them.
 */
import type { AppLocale } from './app-language';
import type { CalendarSource } from './calendar-entity';
import { domainRow, parseFieldSpecs, type DomainEntity } from './domain-entities';
import type { EntityRef } from './entity-ref';
import { singularNoun } from './noun-inflection';
import { foldText, mentionsAny, singular, tokens } from './text-match';

/** Words (folded, singular) of a gym, a fitness, yoga, dance or martial arts studio, in the app's languages. */
const FITNESS_WORDS: readonly string[] = [
  'gym',
  'fitness*',
  'yoga*',
  'pilates*',
  'dance',
  'dancing',
  'dance studio',
  'zumba',
  'crossfit',
  'spinning',
  'spin class',
  'boxing',
  'kickboxing',
  'martial art',
  'martial arts',
  'karate',
  'judo',
  'taekwondo',
  'jiu jitsu',
  'barre',
  'hiit',
  'gimnasio',
  'baile',
  'danza',
  'boxeo',
  'artes marciales',
  'ginasio',
  'academia de ginastica',
  'danca',
  'salle de sport',
  'salle de gym',
  'danse',
  'boxe',
  'arts martiaux',
  'tanzen',
  'tanzschule',
  'tanzstudio',
  'kampfsport*',
  'palestra',
  'phong gym',
  'phong tap',
  'the hinh',
  'khieu vu',
  'vo thuat',
  'tap gym',
];

/** Words (folded, singular) in a label that name the studio's classes or their timetable. */
const CLASS_WORDS: readonly string[] = [
  'class',
  'clase',
  'kurs*',
  'cours',
  'aula',
  'lezione',
  'corso',
  'kelas',
  'lop',
  'timetable',
  'horario',
  'stundenplan',
  'planning',
  'emploi du temps',
  'orario',
  'jadwal',
  'thoi khoa bieu',
];

/** German compounds ending in a class or its plan: "Tanzkurse", "Yogakurs", "Wochenkursplan". */
const GERMAN_CLASSES = /kurse?$|kursplan$/;

/** Words that keep a label's courses courses even in a gym: a course to follow online, not a class to attend. */
const COURSE_WORDS: readonly string[] = ['online', 'en linea', 'en ligne', 'e learning', 'elearning', 'truc tuyen'];

/** Class-name words (folded) of the people who take the classes: the app's trainers, instructors or coaches. */
const TRAINER_WORDS: ReadonlySet<string> = new Set([
  'trainer',
  'trainerin',
  'coach',
  'instructor',
  'instructora',
  'entrenador',
  'entrenadora',
  'monitor',
  'monitora',
  'profesor',
  'profesora',
  'teacher',
  'kursleiter',
  'kursleiterin',
  'moniteur',
  'monitrice',
  'professeur',
  'entraineur',
  'istruttore',
  'istruttrice',
  'insegnante',
  'pelatih',
  'instrutor',
  'instrutora',
  'treinador',
  'professor',
  'huan luyen vien',
  'giao vien',
]);

/** English labels the field names do not say well ("Duration minutes"). */
const SESSION_LABELS: Readonly<Record<string, string>> = { durationMinutes: 'Duration (min)' };

/** The parts of a planner candidate this file reads and sets. */
interface SessionCandidate {
  label: string;
  origin: 'features' | 'description' | 'app';
  archetype: string;
  entity?: EntityRef;
  calendarOf?: CalendarSource;
}

/** A text's words as written, in English singular and in the language's own singular. */
function wordForms(text: string, locale: AppLocale): string[][] {
  const words = tokens(text);
  return [words, words.map(singular), words.map((word) => foldText(singularNoun(word, locale)))];
}

/** Whether the app is a gym's or a fitness, yoga or dance studio's: its name, description or screens say so. */
export function isClassStudio(texts: readonly string[], locale: AppLocale): boolean {
  return texts.some((text) => wordForms(text, locale).some((words) => mentionsAny(words, FITNESS_WORDS)));
}

/** Whether a label names the studio's classes ("Class timetable", "Horario de clases", "Kursplan", "Kurse"). */
function namesClasses(label: string, locale: AppLocale): boolean {
  const forms = wordForms(label, locale);
  const classes = forms.some(
    (words) => mentionsAny(words, CLASS_WORDS) || words.some((word) => GERMAN_CLASSES.test(word)),
  );
  return classes && !forms.some((words) => mentionsAny(words, COURSE_WORDS));
}

/** Booking verbs `label-verbs.ts` does not read ("Đặt lớp" books a class): such a label is no timetable. */
const BOOK_VERBS: ReadonlySet<string> = new Set(['dat', 'book', 'buchen', 'reservar', 'reserver', 'reservieren']);

function booksClass(label: string): boolean {
  const words = tokens(label);
  return BOOK_VERBS.has(words[0] ?? '') || BOOK_VERBS.has(words[words.length - 1] ?? '');
}

/**
 * Whether a candidate's entity is the studio's classes: the table's session row, a course its label calls
 * a class, or an entity of its own its label calls the classes or their timetable ("Horario de clases").
 */
function isSessionList(candidate: SessionCandidate, locale: AppLocale): boolean {
  const entity = candidate.entity;
  if (!entity) return false;
  if (entity.fieldsFrom === 'domain' && entity.row.className === 'ClassSession') return true;
  if (!namesClasses(candidate.label, locale)) return false;
  const course = entity.fieldsFrom === 'domain' && entity.row.className === 'Course';
  // Not what the description books: "I clienti prenotano lezioni con gli allenatori" are lessons with a trainer.
  const ownWords =
    entity.key.startsWith('generic:') &&
    entity.fieldsFrom !== 'description' &&
    candidate.origin === 'features' &&
    !booksClass(candidate.label);
  return course || ownWords;
}

/** The lowerCamel name of a list's class ("Entrenador" → `entrenador`), when its records are trainers. */
function trainerListName(candidate: SessionCandidate): string | undefined {
  const className = candidate.entity?.row.className;
  if (candidate.archetype !== 'entity' || !className) return undefined;
  const words = className
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
  const named = TRAINER_WORDS.has(words.join(' ')) || TRAINER_WORDS.has(singular(words[words.length - 1]));
  return named ? className.charAt(0).toLowerCase() + className.slice(1) : undefined;
}

/** The table's session, its trainer named after and pointing at the app's list of trainers when it has one. */
function sessionRef(trainers: string | undefined): EntityRef {
  const row = domainRow('ClassSession');
  if (!trainers) return { key: row.className, row, fieldsFrom: 'domain', fieldLabels: SESSION_LABELS };
  const fields = row.fields.replace(/\btrainer:/, `${trainers}:`);
  const className = trainers.charAt(0).toUpperCase() + trainers.slice(1);
  return {
    key: row.className,
    row: { ...row, fields, refersTo: { [trainers]: className } },
    fieldsFrom: 'domain',
    fieldLabels: SESSION_LABELS,
  };
}

/** The booking's own date once it books a session: when it was made, stamped on save; the class has the time. */
const BOOKED_AT = 'bookedAt';

/** Rows a booking of a class points at: a course, as "Book a class" reads, or the session itself ("Book yoga classes"). */
const CLASS_ROWS: ReadonlySet<string> = new Set(['Course', 'ClassSession']);

/**
 * A booking of a class ("Book a class": `course` → Course; "Reservar una clase": `clase`) booking one of
 * the studio's sessions instead: the field named after the session row, picking it from the timetable.
 * The session says when the class is; the booking keeps when it was made (`bookedAt`, stamped on save),
 * so its date can never contradict the class's time. Undefined when `ref` books no class.
 */
function bookingOfSession(ref: EntityRef, locale: AppLocale): EntityRef | undefined {
  if (ref.fieldsFrom !== 'domain' || ref.row.className !== 'Booking') return undefined;
  const refersTo = ref.row.refersTo ?? {};
  const specs = parseFieldSpecs(ref.row.fields);
  const booked = specs.find((spec) =>
    refersTo[spec.name] ? CLASS_ROWS.has(refersTo[spec.name]) : namesClasses(spec.name, locale),
  );
  const taken = (name: string) => specs.some((spec) => spec !== booked && spec.name === name);
  if (!booked || taken('classSession') || taken(BOOKED_AT)) return undefined;
  const fields = specs
    .map((spec) => {
      if (spec === booked) return `classSession:${spec.type}${spec.required ? '!' : ''}`;
      if (spec.name === 'date') return `${BOOKED_AT}:dateTime!`;
      return `${spec.name}:${spec.type}${spec.required ? '!' : ''}`;
    })
    .join(', ');
  const others = Object.fromEntries(Object.entries(refersTo).filter(([name]) => name !== booked.name));
  const { [booked.name]: label, ...otherLabels } = ref.fieldLabels ?? {};
  return {
    ...ref,
    row: {
      ...ref.row,
      fields,
      refersTo: { ...others, classSession: 'ClassSession' },
      stamps: { [BOOKED_AT]: 'created' },
    },
    fieldLabels: { ...otherLabels, classSession: label ?? 'Class' },
  };
}

/** Whether a booking row books one of the studio's sessions, which has the trainer the class is with. */
export function booksSession(row: DomainEntity): boolean {
  return row.refersTo?.classSession === 'ClassSession' && row.stamps?.[BOOKED_AT] === 'created';
}

/**
 * `candidates` with a gym's or studio's classes as sessions on the timetable, each taken by one of the
 * app's trainers, and bookings of a class booking one of those sessions. Apps that are no gym or studio
 * keep their courses; so does a studio without a timetable of classes.
 */
export function withClassSessions<T extends SessionCandidate>(
  candidates: readonly T[],
  texts: readonly string[],
  locale: AppLocale,
): T[] {
  const labels = candidates.map((candidate) => candidate.label);
  if (!isClassStudio([...texts, ...labels], locale)) return [...candidates];
  if (!candidates.some((candidate) => isSessionList(candidate, locale))) return [...candidates];
  const sessions = sessionRef(candidates.map(trainerListName).find((name) => name !== undefined));
  return candidates.map((candidate) => {
    // "Class schedule", "Lịch lớp tập", a gym's plain "Calendar": a calendar of the classes, each at its time.
    if (isSessionList(candidate, locale) || (candidate.archetype === 'calendar' && !candidate.entity)) {
      return candidate.archetype === 'calendar'
        ? { ...candidate, entity: sessions, calendarOf: 'booked' }
        : { ...candidate, entity: sessions };
    }
    const booking = candidate.entity && bookingOfSession(candidate.entity, locale);
    // The member's bookings are a list of what they booked, each with its class: the timetable is the
    // calendar of when; a calendar of bookings would file them under the day they were made.
    return booking ? { ...candidate, archetype: 'entity', entity: booking } : candidate;
  });
}
