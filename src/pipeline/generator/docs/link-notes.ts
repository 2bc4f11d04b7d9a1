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
import { allLinks, targetScreenLabel, type EntityLink } from './entity-links';
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
      'In Supabase each link is a foreign key (`references … on delete set null` in the setup SQL): deleting a record clears the links to it, and the app asks for a new choice when a record that lost its link is edited. The columns stay nullable even where the form requires a choice, so that clearing can happen.',
    rest: `The API stores each link as the plain id the app sends (no nested objects); the app loads both lists and matches the ids. ${stale}`,
    graphql: `The API stores each link as the plain id the app sends (a \`String\`, no nested object); the app queries both lists and matches the ids. ${stale}`,
  };
  return notes[plan.backend];
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
  ].join('\n\n');
}
