/** Compact views of a plan for spec expectations: `planApp` output as short strings. */
import type { AppPlan, EntityField, EntityPlan, PlannedFeature } from '../plan/app-plan';

/** "name:type!->Target": `!` a required field, `->` the entity it links. */
export function fieldShape(field: EntityField): string {
  return `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `->${field.refersTo}` : ''}`;
}

/** The feature the user's `label` folded into; throws, naming the plan's features, when none did. */
export function requestedFeature(plan: AppPlan, label: string): PlannedFeature {
  const feature = plan.features.find((candidate) => candidate.requested.includes(label));
  if (!feature)
    throw new Error(`no screen for ${label}: ${plan.features.map((f) => f.requested.join('+')).join(', ')}`);
  return feature;
}

/** "archetype:Entity" of the screen that shows `label` ("-" without an entity). */
export function screenOf(plan: AppPlan, label: string): string {
  const feature = requestedFeature(plan, label);
  return `${feature.archetype}:${feature.entity ?? '-'}`;
}

/** The entity the screen showing `label` keeps; throws when it keeps none. */
export function requestedEntity(plan: AppPlan, label: string): EntityPlan {
  const className = requestedFeature(plan, label).entity;
  const entity = plan.entities.find((candidate) => candidate.className === className);
  if (!entity) throw new Error(`the screen for ${label} keeps no entity`);
  return entity;
}

/** `fieldShape` of each field of the entity the screen showing `label` keeps. */
export function screenFields(plan: AppPlan, label: string): string[] {
  return requestedEntity(plan, label).fields.map(fieldShape);
}
