/**
 * Turns the references the description implied ("dog walks with local
 * walkers": a walk's walker) into real links between the plan's entities: the
 * field stores the other record's id (`walkerId` / `walker_id`) and remembers
 * its entity, so forms offer a picker and lists show the other record's title.
 */
import type { AppLocale } from './app-language';
import type { EntityField, EntityPlan } from './app-plan';

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * `entities` as built, whose `refersTo` still names a description row's class;
 * `byRow` maps each row's class to the entity built from it. A reference to a
 * row that got no entity (cut as noise, or the entity itself) stays a plain
 * text field under its own name.
 */
export function linkReferences(
  entities: readonly EntityPlan[],
  byRow: ReadonlyMap<string, EntityPlan>,
  locale: AppLocale,
): EntityPlan[] {
  return entities.map((entity) => {
    if (!entity.fields.some((field) => field.refersTo)) return entity;
    const names = new Set(entity.fields.map((field) => field.name));
    const fields = entity.fields.map((field): EntityField => {
      if (!field.refersTo) return field;
      const { refersTo, ...plain } = field;
      const target = byRow.get(refersTo);
      const name = `${field.name}Id`;
      if (!target || target === entity || names.has(name) || field.name === entity.titleField) return plain;
      // English labels keep the user's word ("Apartment" for a Listing); other languages the
      // entity's label, which is in the user's words too (the field name is folded to ASCII).
      const label = locale === 'en' ? field.label : target.label;
      return { ...plain, name, column: snake(name), label, refersTo: target.className };
    });
    return { ...entity, fields };
  });
}

/** The fields of `entity` that point at other entities. */
export function referenceFields(entity: EntityPlan): EntityField[] {
  return entity.fields.filter((field) => field.refersTo);
}
