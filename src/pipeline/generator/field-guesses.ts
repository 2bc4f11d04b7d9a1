/**
 * Why an entity's fields are a guess (`EntityPlan.fieldsFrom`), in one sentence
 * shared by the README's "What was guessed" section and the TODO in the model file.
 */
import type { EntityPlan } from './plan/app-plan';

type Guess = Exclude<NonNullable<EntityPlan['fieldsFrom']>, 'domain'>;

const GUESS_REASONS: Readonly<Record<Guess, string>> = {
  description: 'taken from words of the app description',
  shape: 'guessed from the shape of the word (people get contact fields, measurements a value, events a date)',
  default: 'a generic record (a name or title, notes, a date), because nothing in the spec said more',
};

/** Whether the entity's fields are a guess rather than a known kind of record. */
export function isGuessed(entity: EntityPlan): boolean {
  return entity.fieldsFrom !== undefined && entity.fieldsFrom !== 'domain';
}

/** One sentence on why the fields are a guess; empty for known kinds of record. */
export function guessReason(entity: EntityPlan): string {
  if (entity.fieldsFrom === undefined || entity.fieldsFrom === 'domain') return '';
  // No name: the README row names the screen, and generated names ("Item123 gos") would only confuse.
  return `Not a kind of record the generator knows, so its fields are ${GUESS_REASONS[entity.fieldsFrom]}.`;
}
