/**
 * Words that name a table row only in one kind of app: a bare "Rooms", "Chambres", "Camere" are a
 * hotel's rooms (a chat's rooms are its channels, an Italian "camera" is a camera elsewhere); "Loans",
 * "Préstamos", "Prestiti" are a library's loans of books (a budget's loans are money); "Subjects",
 * "Exams", "Materie", "Prüfungen" are a school's (a clinic's exams are examinations, a study's subjects
 * are people); "Tareas", "Compiti", "Tugas" are homework in a school's app and tasks elsewhere. The
 * domain table holds the words that say so on their own ("hotel room", "Hausaufgaben"); this gives the
 * bare words their row where the app's name, description or other screens say what kind of app it is.
 */
import { domainRow } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { phraseIndex, singular, tokens } from './text-match';

/** The parts of a planner candidate this file reads and sets. */
interface RowCandidate {
  label: string;
  archetype: string;
  entity?: EntityRef;
}

interface ContextRule {
  /** The row a label of `labels` becomes. */
  className: string;
  /** Whole labels (folded, each word singular) that name the row in such an app. */
  labels: readonly string[];
  /** Words (folded, singular) of the app's name, description or labels that make it such an app. */
  context: readonly string[];
  /** Rows of the app's other screens that make it such an app. */
  contextRows: readonly string[];
  /** Table rows the bare word reads as elsewhere, which it leaves for this one ("tareas" → Task). */
  replaces?: readonly string[];
  /** Whether the label names the row in any app (a word the table cannot hold: it loses to another row). */
  anywhere?: boolean;
}

const SCHOOL_WORDS: readonly string[] = [
  'school',
  'student',
  'pupil',
  'homework',
  'teacher',
  'classroom',
  'semester',
  'timetable',
  'hoc sinh',
  'sinh vien',
  'truong',
  'giao vien',
  'bai tap ve nha',
  'escuela',
  'colegio',
  'estudiante',
  'alumno',
  'profesor',
  'deberes',
  'escola',
  'aluno',
  'estudante',
  'ecole',
  'eleve',
  'etudiant',
  'lycee',
  'devoir',
  'schule',
  'schuler',
  'lehrer',
  'hausaufgabe',
  'scuola',
  'studente',
  'studenti',
  'alunno',
  'insegnante',
  'sekolah',
  'siswa',
  'murid',
  'pelajar',
  'mahasiswa',
  'guru',
];
const SCHOOL_ROWS: readonly string[] = [
  'Student',
  'Course',
  'Grade',
  'AttendanceRecord',
  'Subject',
  'Homework',
  'Exam',
];

const RULES: readonly ContextRule[] = [
  // "Hausaufgaben" end in "Aufgaben" (tasks); "Sửa chữa" alone, not "Thợ sửa chữa" (repairmen).
  {
    className: 'Homework',
    labels: ['hausaufgabe', 'hausaufgaben'],
    context: [],
    contextRows: [],
    replaces: ['Task'],
    anywhere: true,
  },
  { className: 'Repair', labels: ['sua chua'], context: [], contextRows: [], anywhere: true },
  {
    className: 'HotelRoom',
    labels: ['room', 'phong', 'habitacion', 'habitaciones', 'quarto', 'chambre', 'zimmer', 'camera', 'camere', 'kamar'],
    context: [
      'hotel',
      'motel',
      'hostel',
      'inn',
      'resort',
      'guesthouse',
      'guest house',
      'homestay',
      'bnb',
      'lodge',
      'guest',
      'khach san',
      'nha nghi',
      'hostal',
      'posada',
      'pousada',
      'albergo',
      'gasthaus',
      'pension',
      'penginapan',
      'losmen',
    ],
    contextRows: [],
  },
  {
    className: 'Loan',
    labels: [
      'loan',
      'lending',
      'borrowing',
      'muon',
      'prestamo',
      'emprestimo',
      'pret',
      'prestito',
      'prestiti',
      'peminjaman',
    ],
    context: [
      'library',
      'librarian',
      'book',
      'thu vien',
      'sach',
      'biblioteca',
      'libro',
      'livro',
      'bibliotheque',
      'livre',
      'bibliothek',
      'buch',
      'bucher',
      'perpustakaan',
      'buku',
    ],
    contextRows: ['Book'],
  },
  {
    className: 'Subject',
    labels: ['subject', 'mon', 'materia', 'materie', 'disciplina', 'matiere', 'fach', 'facher'],
    context: SCHOOL_WORDS,
    contextRows: SCHOOL_ROWS,
  },
  {
    className: 'Exam',
    labels: [
      'exam',
      'examination',
      'examen',
      'examenes',
      'exame',
      'prova',
      'prufung',
      'prufungen',
      'esame',
      'esami',
      'ujian',
      'kiem tra',
    ],
    context: SCHOOL_WORDS,
    contextRows: SCHOOL_ROWS,
  },
  {
    className: 'Homework',
    labels: ['assignment', 'tarea', 'tarefa', 'compito', 'compiti', 'tugas', 'pr', 'bai tap'],
    context: SCHOOL_WORDS,
    contextRows: SCHOOL_ROWS,
    replaces: ['Task', 'Workout'],
  },
];

/** Whether the candidate's entity is one the rule may replace: a generic record, or a row it names. */
function replaceable(candidate: RowCandidate, rule: ContextRule): boolean {
  if (candidate.archetype !== 'entity') return false;
  const entity = candidate.entity;
  if (!entity || entity.key.startsWith('generic:')) return true;
  return entity.fieldsFrom === 'domain' && (rule.replaces ?? []).includes(entity.row.className);
}

/** `candidates` with the bare words of `RULES` given their rows in the apps they belong to. */
export function withContextRows<C extends RowCandidate>(candidates: readonly C[], texts: readonly string[]): C[] {
  const words = [...texts, ...candidates.map((candidate) => candidate.label)].flatMap(tokens).map(singular);
  // Rows of the table only: a generic "Subjects" is named `Subject` too.
  const rows = new Set(
    candidates
      .filter((candidate) => candidate.entity?.fieldsFrom === 'domain' && !candidate.entity.key.startsWith('generic:'))
      .map((candidate) => candidate.entity?.row.className),
  );
  return candidates.map((candidate) => {
    // As written and in the singular: "Habitaciones", "Exámenes" keep their "e".
    const labels = [tokens(candidate.label).join(' '), tokens(candidate.label).map(singular).join(' ')];
    const rule = RULES.find((one) => labels.some((label) => one.labels.includes(label)) && replaceable(candidate, one));
    if (!rule) return candidate;
    const inContext =
      rule.anywhere === true ||
      rule.contextRows.some((className) => rows.has(className)) ||
      rule.context.some((phrase) => phraseIndex(words, phrase) >= 0);
    return inContext ? { ...candidate, entity: entityRef(domainRow(rule.className)) } : candidate;
  });
}
