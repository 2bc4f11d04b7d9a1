/**
 * What the planner decided on the user's behalf, said plainly for the README
 * and the brief: which screen each requested word became (synonyms merged,
 * screens the app added and why), and which entities' fields were guessed.
 * A developer who unzips the app should not have to reverse-engineer either.
 */
import { dataScreenOf } from '../feature-links';
import { guessReason, isGuessed } from '../field-guesses';
import { entityOf, type AppPlan, type EntityField, type EntityPlan, type PlannedFeature } from '../plan/app-plan';
import { linkTarget } from './entity-links';
import { fieldTypeName } from './field-type-name';
import { linkNotesMd } from './link-notes';
import { table } from './markdown';
import { entryPhrase, screenEntry } from './screen-entry';

/** Where one requested label came from: the feature list when the user wrote it there, else the description. */
function labelSource(plan: AppPlan, label: string): string {
  return plan.spec.features.some((feature) => feature.trim() === label) ? 'feature list' : 'description';
}

function requestedCell(plan: AppPlan, feature: PlannedFeature): string {
  if (feature.requested.length === 0) return '—';
  const sources = new Set(feature.requested.map((label) => labelSource(plan, label)));
  // One source for all: say it once; mixed: say it per label.
  if (sources.size === 1) return `${feature.requested.map((label) => `"${label}"`).join(', ')} (${[...sources][0]})`;
  return feature.requested.map((label) => `"${label}" (${labelSource(plan, label)})`).join(', ');
}

/** The other features working on the records this entity screen adds and edits. */
function dependents(plan: AppPlan, feature: PlannedFeature): PlannedFeature[] {
  return plan.features.filter(
    (other) => other !== feature && other.archetype !== 'entity' && other.entity && other.entity === feature.entity,
  );
}

/** Why the screen exists and, when it is not a home card, how to reach it. */
function whyCell(plan: AppPlan, feature: PlannedFeature): string {
  const notes: string[] = [];
  if (feature.requested.length > 1)
    notes.push(`${feature.requested.length} requests for the same kind of screen, merged`);
  // A calendar of the app's own records ("Calendar" over dog walks) says which, as the title may not.
  const entity = entityOf(plan, feature);
  if (feature.archetype === 'calendar' && entity && entity.className !== 'CalendarEvent')
    notes.push(`a calendar of the ${entity.pluralLabel.toLowerCase()}`);
  // `payment-records.ts`: a payments word without anything sold keeps records, not a checkout.
  if (feature.options.paymentRecords) notes.push(paymentRecordsNote(plan, entity));
  if (feature.origin === 'app') notes.push(appAddedReason(plan, feature));
  const entry = screenEntry(plan, feature);
  if (entry.kind !== 'home' || entry.only) notes.push(entryPhrase(entry));
  const dataScreen = dataScreenOf(plan, feature);
  if (dataScreen && dataScreen.origin !== 'app') notes.push(`its data is entered on ${dataScreen.names.label}`);
  return notes.join('; ') || '—';
}

/** "a list of payment records of the pistas de pádel (amount, date, paid), not a checkout: …". */
function paymentRecordsNote(plan: AppPlan, entity: EntityPlan | undefined): string {
  const paid = entity?.fields.map((field) => linkTarget(plan, field)).find((target) => target !== undefined);
  const what = paid ? ` of the ${paid.pluralLabel.toLowerCase()}` : '';
  return `a list of payment records${what} (amount, date, paid), not a checkout: the spec sells no products from a catalogue`;
}

/**
 * The README Features list's note on a screen the user did not ask for or does not
 * open from a home card, in the words of the table below it; undefined for the rest.
 */
export function featureListNote(plan: AppPlan, feature: PlannedFeature): string | undefined {
  const notes: string[] = [];
  if (feature.origin === 'app') notes.push(appAddedFor(plan, feature));
  const entry = screenEntry(plan, feature);
  if (entry.kind !== 'home' || entry.only) notes.push(entryPhrase(entry));
  if (notes.length === 0) return undefined;
  const text = notes.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "added by the app for Map": the short form of {@link appAddedReason}. */
function appAddedFor(plan: AppPlan, feature: PlannedFeature): string {
  if (feature.archetype === 'settings') return 'added by the app (every app gets settings)';
  const users = dependents(plan, feature);
  if (users.length > 0) return `added by the app for ${users.map((user) => user.names.label).join(', ')}`;
  return 'added by the app (no feature in the spec was recognised)';
}

function appAddedReason(plan: AppPlan, feature: PlannedFeature): string {
  if (feature.archetype === 'settings') return 'added by the app: every app gets theme (dark mode) settings';
  const users = dependents(plan, feature);
  if (users.length > 0) {
    const entity = entityOf(plan, feature);
    const what = entity ? entity.pluralLabel.toLowerCase() : 'records';
    const names = users.map((user) => user.names.label).join(', ');
    return `added by the app: ${names} ${users.length > 1 ? 'need' : 'needs'} ${what} to work on, and this is where they are added`;
  }
  return 'added by the app: no feature in the spec was recognised, so the app starts with one record screen';
}

/** README / brief section: requested labels → screen → route and file. */
export function featureMapSection(plan: AppPlan): string {
  return [
    '## How your features map to screens',
    'Each row is one screen. Requests for the same kind of screen (e.g. "login" and "sign in") share one; screens marked "added by the app" were not asked for but another feature needs them.',
    table(
      ['You asked for', 'Screen', 'Route', 'File', 'Notes'],
      plan.features.map((feature) => [
        requestedCell(plan, feature),
        feature.names.label,
        `\`${feature.route}\``,
        `\`${feature.paths.screen}\``,
        whyCell(plan, feature),
      ]),
    ),
  ].join('\n\n');
}

/**
 * README / brief section listing guessed entities (their screens and fields) and the
 * links between records read from the description; empty when nothing was guessed.
 */
export function guessedSection(plan: AppPlan): string {
  const entities = guessedEntities(plan);
  const links = linkNotesMd(plan);
  if (!entities && !links) return '';
  return ['## What was guessed', entities, links].filter(Boolean).join('\n\n');
}

/** The field's type, or for a reference the record it links to ("→ Walker", listed below the table). */
function fieldKind(plan: AppPlan, field: EntityField): string {
  const target = linkTarget(plan, field);
  return target ? `→ ${target.label}` : fieldTypeName(field);
}

function guessedEntities(plan: AppPlan): string {
  const guessed = plan.entities.filter(isGuessed);
  if (guessed.length === 0) return '';
  const rows = guessed.map((entity) => {
    const screens = plan.features.filter((feature) => feature.entity === entity.className);
    return [
      screens.map((feature) => feature.names.label).join(', '),
      `\`${entity.className}\` (\`${entity.paths.model}\`)`,
      entity.fields
        .map((field) => `${field.label} (${fieldKind(plan, field)}${field.required ? ', required' : ''})`)
        .join(', '),
      guessReason(entity),
    ];
  });
  return [
    'These screens store records the generator did not recognise. Their fields are a reasonable start, not your data model: check them against your data before building on them (each model file carries a TODO).',
    table(['Screen', 'Model', 'Fields', 'Why'], rows),
  ].join('\n\n');
}

/** Both sections, for the README (nothing guessed: the mapping alone). */
export function planNotesMd(plan: AppPlan): string {
  return [featureMapSection(plan), guessedSection(plan)].filter(Boolean).join('\n\n');
}
