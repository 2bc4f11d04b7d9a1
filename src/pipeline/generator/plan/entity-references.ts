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
import { HEAD_FIRST_LOCALES } from './description-words';
import { DOMAIN_ENTITIES, type DomainEntity } from './domain-entities';
import { isHeadOf } from './entity-ref';
import { snakeCase } from '../naming';
import { localFieldLabel } from './field-labels';
import { singularNoun } from './noun-inflection';
import { withRecordSubjects } from './record-subjects';

/**
 * A domain-table entity's name in `locale` ("Customer" → "Kunde", "Booking" → "Réservation"), when
 * the field labels know it under its name or its link's (`courseId`).
 */
function domainLabel(target: EntityPlan, locale: AppLocale): string | undefined {
  if (target.fieldsFrom !== 'domain') return undefined;
  const name = target.className.charAt(0).toLowerCase() + target.className.slice(1);
  return localFieldLabel(name, locale) ?? localFieldLabel(`${name}Id`, locale);
}

/**
 * What a link to `target` is called in a non-English app: the domain row's name in the app's language;
 * else the title of the screen that lists it (the user's words: "Rezepte" → "Rezept"); else the
 * entity's label, which for a built entity is in the user's words too.
 */
function targetLabel(target: EntityPlan, locale: AppLocale, titles: ReadonlyMap<string, string>): string {
  const title = target.fieldsFrom === 'domain' ? titles.get(target.className) : undefined;
  return domainLabel(target, locale) ?? (title && singularTitle(title, locale)) ?? target.label;
}

/** A one-word screen title in the singular ("Rezepte" → "Rezept"); longer titles as written. */
function singularTitle(title: string, locale: AppLocale): string {
  const trimmed = title.trim();
  if (/\s/.test(trimmed)) return trimmed;
  const one = singularNoun(trimmed.toLowerCase(), locale);
  return one.charAt(0).toLocaleUpperCase() + one.slice(1);
}

/**
 * `entities` as built, whose `refersTo` still names a description row's class;
 * `byRow` maps each row's class to the entity built from it. A reference to a
 * row that got no entity (cut as noise, or the entity itself) stays a plain
 * text field under its own name. `titles` maps a class to the title of the
 * screen listing it, which names links to it where the label table cannot.
 */
export function linkReferences(
  entities: readonly EntityPlan[],
  byRow: ReadonlyMap<string, EntityPlan>,
  locale: AppLocale,
  titles: ReadonlyMap<string, string> = new Map(),
): EntityPlan[] {
  const customers = byRow.get('Customer');
  return entities.map((entity) =>
    withRecordSubjects(
      withCustomerList(linkRowReferences(entity, byRow, locale, titles), customers, locale),
      entities,
      locale,
    ),
  );
}

/**
 * The app's list of the people or things `className` names by its head word, when the app keeps
 * no list of that exact class: "… with dog walkers" beside a requested "Walkers" screen; or the
 * one list whose head word `className` is ("with walkers" beside "Dog walkers").
 */
function headEntity(
  className: string,
  byRow: ReadonlyMap<string, EntityPlan>,
  locale: AppLocale,
): EntityPlan | undefined {
  const headFirst = HEAD_FIRST_LOCALES.has(locale);
  const heads = [...byRow.entries()].filter(([rowClass]) => isHeadOf(rowClass, className, headFirst));
  if (heads.length) return heads.length === 1 ? heads[0][1] : undefined;
  // "… đặt lịch với thợ" beside a "Thợ cắt tóc" list: the description names the list by its head word.
  const lists = [...byRow.entries()].filter(([rowClass]) => isHeadOf(className, rowClass, headFirst));
  return lists.length === 1 ? lists[0][1] : undefined;
}

/** `entity` with the references its row names pointing at the entities built for them. */
function linkRowReferences(
  entity: EntityPlan,
  byRow: ReadonlyMap<string, EntityPlan>,
  locale: AppLocale,
  titles: ReadonlyMap<string, string>,
): EntityPlan {
  if (!entity.fields.some((field) => field.refersTo)) return entity;
  const names = new Set(entity.fields.map((field) => field.name));
  const fields = entity.fields.map((field): EntityField => {
    if (!field.refersTo) return field;
    const { refersTo, ...plain } = field;
    const target = byRow.get(refersTo) ?? headEntity(refersTo, byRow, locale);
    // A list the description named by its head word ("thợ" for "Thợ cắt tóc") names the link itself.
    const longer = !!target && isHeadOf(refersTo, target.className, HEAD_FIRST_LOCALES.has(locale));
    const name = longer
      ? `${target.className.charAt(0).toLowerCase()}${target.className.slice(1)}Id`
      : `${field.name}Id`;
    if (!target || target === entity || names.has(name) || field.name === entity.titleField) return plain;
    // English labels keep the user's word ("Apartment" for a Listing); other languages the
    // entity's label, which is in the user's words too (the field name is folded to ASCII) — or, for
    // a row of the domain table (labelled in English), its name in the app's language.
    const label = locale === 'en' && !longer ? field.label : targetLabel(target, locale, titles);
    return { ...plain, name, column: snakeCase(name), label, refersTo: target.className };
  });
  return { ...entity, fields };
}

/**
 * Free-text fields of the domain table that name a customer: a salon's booking, "Termine" of a dog school;
 * also that name as the description's booker gave it ("I clienti prenotano tavoli": `cliente`).
 */
const CUSTOMER_NAME_FIELDS: ReadonlySet<string> = new Set([
  'customerName',
  ...customerRow().words.map((word) => word.replace(/ ([a-z])/g, (_, letter: string) => letter.toUpperCase())),
]);

function customerRow(): DomainEntity {
  const row = DOMAIN_ENTITIES.find((candidate) => candidate.className === 'Customer');
  if (!row) throw new Error('no Customer row');
  return row;
}

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
