/**
 * The references between the plan's entities (a dog walk's walker, a lease's
 * tenant) as the docs describe them: each reference field with the entity it
 * points at. The README, the API docs and the Supabase SQL all read them from
 * here, so they name the same links the generated forms offer.
 */
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
