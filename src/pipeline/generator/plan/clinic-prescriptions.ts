/**
 * "Recetas", "Rezepte", "ricette", "resep" are recipes in a kitchen and
 * prescriptions in a clinic. The domain table reads them as recipes; this
 * swaps the entity for a prescription when the app's name, description or
 * screens are about patients, a vet or a practice and say nothing of cooking
 * (`record-subjects.ts` then links each prescription to its pet or patient).
 */
import { DOMAIN_ENTITIES, type DomainEntity } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { mentionsAny, singular, tokens } from './text-match';

/**
 * Words (folded, singular) of a clinic, a practice or their patients. Not pets alone: a pet owner's
 * app may keep recipes for the dog.
 */
const CLINIC_WORDS: readonly string[] = [
  'clinic',
  'patient',
  'vet',
  'veterinary',
  'doctor',
  'clinica',
  'paciente',
  'pacientes',
  'veterinario',
  'veterinaria',
  'medico',
  'consultorio',
  'tierarzt',
  'tierarztpraxis',
  'arztpraxis',
  'praxis',
  'patienten',
  'arzt',
  'clinique',
  'veterinaire',
  'medecin',
  'paziente',
  'pazienti',
  'klinik',
  'pasien',
  'dokter',
  'phong kham',
  'benh nhan',
  'bac si',
  'thu y',
];

/** Words that keep recipes recipes: the app cooks. */
const KITCHEN_WORDS: readonly string[] = [
  'cook',
  'cooking',
  'meal',
  'kitchen',
  'ingredient',
  'cocina',
  'cocinar',
  'comida',
  'ingrediente',
  'cozinha',
  'kochen',
  'kuche',
  'zutat',
  'zutaten',
  'cucina',
  'cucinare',
  'masak',
  'masakan',
  'nau an',
];

function prescriptionRow(): DomainEntity {
  const row = DOMAIN_ENTITIES.find((candidate) => candidate.className === 'Prescription');
  if (!row) throw new Error('no Prescription row in the domain table');
  return row;
}

/** The parts of a planner candidate this file reads and sets. */
interface RecipeCandidate {
  label: string;
  entity?: EntityRef;
}

/** `candidates` with the recipes prescriptions when the app is a clinic's and not a kitchen's. */
export function withClinicPrescriptions<T extends RecipeCandidate>(
  candidates: readonly T[],
  texts: readonly string[],
): T[] {
  const recipes = (candidate: T) => candidate.entity?.row.className === 'Recipe';
  if (!candidates.some(recipes)) return [...candidates];
  const words = [...texts, ...candidates.map((candidate) => candidate.label)]
    .flatMap((text) => tokens(text))
    .map(singular);
  if (!mentionsAny(words, CLINIC_WORDS) || mentionsAny(words, KITCHEN_WORDS)) return [...candidates];
  const prescriptions = entityRef(prescriptionRow());
  return candidates.map((candidate) => (recipes(candidate) ? { ...candidate, entity: prescriptions } : candidate));
}
