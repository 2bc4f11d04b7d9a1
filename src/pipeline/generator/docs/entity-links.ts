/**
 * The references between the plan's entities (a dog walk's walker, a lease's
 * tenant) as the docs describe them: each reference field with the entity it
 * points at. The README, the API docs and the Supabase SQL all read them from
 * here, so they name the same links the generated forms offer.
 */
import { isChatChannelLink } from '../data/backends/chat-messages';
import type { AppPlan, EntityField, EntityPlan } from '../plan/app-plan';
import { referenceFields } from '../plan/entity-references';

export interface EntityLink {
  /** The entity holding the reference. */
  entity: EntityPlan;
  /** Its field storing the other record's id (`walkerId` / `walker_id`). */
  field: EntityField;
  /** The entity pointed at. */
  target: EntityPlan;
}

/** The links of `entity` whose target is in the plan, in field order. */
export function linksOf(plan: AppPlan, entity: EntityPlan): EntityLink[] {
  return referenceFields(entity).flatMap((field) => {
    const target = plan.entities.find((candidate) => candidate.className === field.refersTo);
    return target ? [{ entity, field, target }] : [];
  });
}

/** Every link of the plan, entity by entity. */
export function allLinks(plan: AppPlan): EntityLink[] {
  return plan.entities.flatMap((entity) => linksOf(plan, entity));
}

/** The entity `field` of `entity` points at, when it is a reference. */
export function linkTarget(plan: AppPlan, field: EntityField): EntityPlan | undefined {
  return field.refersTo ? plan.entities.find((candidate) => candidate.className === field.refersTo) : undefined;
}

/** The title of the screen listing `target`'s records (where the picker's choices are added). */
export function targetScreenLabel(plan: AppPlan, target: EntityPlan): string {
  const screen = plan.features.find(
    (feature) =>
      feature.entity === target.className && (feature.archetype === 'entity' || feature.archetype === 'calendar'),
  );
  return screen?.names.label ?? target.pluralLabel;
}

/**
 * What deleting a link's target does to the records pointing at it (the
 * server's rule: Supabase `on delete …`, the REST and GraphQL contract):
 * - `set null`: an optional link is cleared (a lease without its apartment);
 * - `cascade`: records *of* a subject go with it (a deck's cards, a pet's
 *   visits, a habit's check-offs, a chat channel's messages);
 * - `restrict`: a person the records name (a walk's walker, a booking's
 *   customer) cannot be deleted while records still name them; that history
 *   is worth more than the deletion, so the user deletes or reassigns first.
 * A required link is never cleared: the app refuses a record without it.
 */
export type DeleteRule = 'set null' | 'cascade' | 'restrict';

/** Class-name words of someone who serves or is served, not a thing records are about. */
const PERSON_WORDS: ReadonlySet<string> = new Set([
  'walker',
  'doctor',
  'vet',
  'veterinarian',
  'trainer',
  'teacher',
  'instructor',
  'tutor',
  'coach',
  'driver',
  'customer',
  'client',
  'tenant',
  'owner',
  'employee',
  'staff',
  'member',
  'person',
  'contact',
  'nurse',
  'therapist',
  'stylist',
  'student',
  'patient',
  'guest',
]);

/** Whether `entity` is a person: it keeps an email or phone number, or its class names a role. */
function isPerson(entity: EntityPlan): boolean {
  if (entity.fields.some((field) => field.type === 'email' || field.type === 'phone')) return true;
  const words = entity.className
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
  return words.some((word) => PERSON_WORDS.has(word));
}

/** The rule for `link` (see `DeleteRule`). */
export function deleteRule(plan: AppPlan, link: EntityLink): DeleteRule {
  if (isChatChannelLink(plan, link.entity, link.field)) return 'cascade';
  if (!link.field.required) return 'set null';
  return isPerson(link.target) ? 'restrict' : 'cascade';
}

/** The links pointing at `target` (its dependents), in plan order. */
export function linksTo(plan: AppPlan, target: EntityPlan): EntityLink[] {
  return allLinks(plan).filter((link) => link.target === target);
}
