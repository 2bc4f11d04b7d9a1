/**
 * Turns the references the description implied ("dog walks with local
 * walkers": a walk's walker) into real links between the plan's entities: the
 * field stores the other record's id (`walkerId` / `walker_id`) and remembers
 * its entity, so forms offer a picker and lists show the other record's title.
 * Records that belong to a subject the app lists (a pet's visits) link to it
 * too (`record-subjects.ts`).
 */
import type { AppLocale } from './app-language';
import type { EntityField, EntityPlan } from './app-plan';
import { localFieldLabel } from './field-labels';
import { withRecordSubjects } from './record-subjects';

/** A domain-table entity's name in `locale` ("Customer" → "Kunde"), when the field labels know it. */
function domainLabel(target: EntityPlan, locale: AppLocale): string | undefined {
  if (target.fieldsFrom !== 'domain') return undefined;
  return localFieldLabel(target.className.charAt(0).toLowerCase() + target.className.slice(1), locale);
}

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
  const customers = byRow.get('Customer');
  return entities.map((entity) =>
    withRecordSubjects(withCustomerList(linkRowReferences(entity, byRow, locale), customers, locale), entities, locale),
  );
}

/** `entity` with the references its row names pointing at the entities built for them. */
function linkRowReferences(entity: EntityPlan, byRow: ReadonlyMap<string, EntityPlan>, locale: AppLocale): EntityPlan {
  if (!entity.fields.some((field) => field.refersTo)) return entity;
  const names = new Set(entity.fields.map((field) => field.name));
  const fields = entity.fields.map((field): EntityField => {
    if (!field.refersTo) return field;
    const { refersTo, ...plain } = field;
    const target = byRow.get(refersTo);
    const name = `${field.name}Id`;
    if (!target || target === entity || names.has(name) || field.name === entity.titleField) return plain;
    // English labels keep the user's word ("Apartment" for a Listing); other languages the
    // entity's label, which is in the user's words too (the field name is folded to ASCII) — or, for
    // a row of the domain table (labelled in English), that row's name in the app's language.
    const label = locale === 'en' ? field.label : (domainLabel(target, locale) ?? target.label);
    return { ...plain, name, column: snake(name), label, refersTo: target.className };
  });
  return { ...entity, fields };
}

/** Free-text fields of the domain table that name a customer: a salon's booking, "Termine" of a dog school. */
const CUSTOMER_NAME_FIELDS: ReadonlySet<string> = new Set(['customerName']);

/**
 * A booking's typed-in customer name, when the app keeps a list of customers ("Kunden"): the customer
 * picked from that list instead (`customerId`). When the name titled the booking, the next required
 * text field (the service) titles it; a record with no other title keeps its text field.
 */
function withCustomerList(entity: EntityPlan, customers: EntityPlan | undefined, locale: AppLocale): EntityPlan {
  if (!customers || customers === entity || entity.fields.some((field) => field.name === 'customerId')) return entity;
  const typed = entity.fields.find(
    (field) => CUSTOMER_NAME_FIELDS.has(field.name) && field.type === 'text' && !field.refersTo,
  );
  if (!typed) return entity;
  let titleField = entity.titleField;
  if (typed.name === titleField) {
    const next = entity.fields.find(
      (field) =>
        field !== typed && field.required && !field.refersTo && (field.type === 'text' || field.type === 'longText'),
    );
    if (!next) return entity;
    titleField = next.name;
  }
  const label = locale === 'en' ? customers.label : (domainLabel(customers, locale) ?? customers.label);
  const linked: EntityField = {
    ...typed,
    name: 'customerId',
    column: 'customer_id',
    label,
    refersTo: customers.className,
  };
  return { ...entity, titleField, fields: entity.fields.map((field) => (field === typed ? linked : field)) };
}

/** The fields of `entity` that point at other entities. */
export function referenceFields(entity: EntityPlan): EntityField[] {
  return entity.fields.filter((field) => field.refersTo);
}
