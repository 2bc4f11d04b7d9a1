/**
 * The README's (and brief's) note on the links the planner read from the
 * description (a dog walk's walker, a lease's tenant) or from the kind of
 * record (a visit's pet: `plan/record-subjects.ts`): which record points at
 * which, where the form picks it from, how it is stored, and what the backend
 * does with it. They are a guess like the guessed fields, so they sit in
 * "What was guessed".
 */
import type { AppPlan, BackendKind } from '../plan/app-plan';
import { referenceText } from '../ui-text-references';
import { allLinks, deleteRule, targetScreenLabel, type EntityLink } from './entity-links';
import { bulletList, inline } from './markdown';

function linkLine(plan: AppPlan, link: EntityLink): string {
  const { entity, field, target } = link;
  const stored = plan.backend === 'supabase' ? `\`${field.column}\`` : `\`${field.name}\``;
  const optional = field.required ? '' : '; optional';
  // The field's own word ("Apartment") with the model it points at (`Listing`), which may differ.
  return `**${inline(entity.label)} → ${inline(field.label)}**: a \`${target.className}\` picked from the ${inline(targetScreenLabel(plan, target))} list, stored as its id in ${stored} (\`${entity.className}.${field.name}\`${optional})`;
}

/** What the backend does with a link, and what the app shows once the record it points at is deleted. */
function backendNote(plan: AppPlan, links: readonly EntityLink[]): string {
  const removed = `"${referenceText(plan).removed}"`;
  const example = links[0].target.tableName;
  const stale = `A link to a deleted record shows ${removed} until the record holding it is edited.`;
  const notes: Readonly<Record<BackendKind, string>> = {
    none: `Both lists are stored on the device; the screens match the ids. ${stale}`,
    firebase: `In Firestore a link is the document id of a record in the other collection (e.g. \`${example}\`). Firestore has no joins: the screens load both collections and match the ids. ${stale}`,
    supabase:
      "In Supabase each link is a foreign key in the setup SQL; a required link's column is `not null`, since the app cannot read a record that lost a required value. What deleting the record pointed at does:",
    rest: `The API stores each link as the plain id the app sends (no nested objects); the app loads both lists and matches the ids. Deleting a record the server should handle as below (docs/api_contract.md):`,
    graphql: `The API stores each link as the plain id the app sends (a \`String\`, no nested object); the app queries both lists and matches the ids. Deleting a record the server should handle as below (docs/api_contract.md):`,
  };
  return notes[plan.backend];
}

/** How each server says it refused a delete. */
const REFUSAL: Partial<Readonly<Record<BackendKind, string>>> = {
  supabase: 'Postgres refuses with error 23503',
  rest: '`DELETE` answers `409 Conflict`',
  graphql: 'the delete mutation fails with `extensions.code` `CONFLICT`',
};

/** "a Deck", "an Owner". */
function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} **${inline(label)}**`;
}

/** What deleting `link`'s target does to the records holding it, on a server that enforces it. */
function deleteLine(plan: AppPlan, link: EntityLink): string {
  const { entity, field, target } = link;
  const subject = withArticle(target.label);
  const records = inline(entity.pluralLabel);
  const rule = deleteRule(plan, link);
  const sql = plan.backend === 'supabase' ? ` (\`on delete ${rule}\`)` : '';
  if (rule === 'cascade') return `Deleting ${subject} deletes its ${records} too${sql}: they are records of it.`;
  if (rule === 'restrict')
    return `Deleting ${subject} is refused while ${records} name it${sql}: ${REFUSAL[plan.backend]}, and the user deletes or reassigns those first, so their history is never lost silently.`;
  return `Deleting ${subject} clears ${inline(field.label)} of its ${records}${sql}; that link is optional.`;
}

/** The delete rules, for the backends that enforce them (a server); local and Firestore data keep stale links. */
function deleteLines(plan: AppPlan, links: readonly EntityLink[]): string[] {
  if (plan.backend === 'none' || plan.backend === 'firebase') return [];
  return [bulletList(links.map((link) => deleteLine(plan, link)))];
}

/** "### Links between records" with one line per link and the backend's note; empty without links. */
export function linkNotesMd(plan: AppPlan): string {
  const links = allLinks(plan);
  if (links.length === 0) return '';
  return [
    '### Links between records',
    'The description and the kinds of records suggest these links: a record stores the id of the one it points at, and its form picks that record from a dropdown.',
    bulletList(links.map((link) => linkLine(plan, link))),
    backendNote(plan, links),
    ...deleteLines(plan, links),
  ].join('\n\n');
}
