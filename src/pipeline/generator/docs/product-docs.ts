/**
 * Brief and business-analysis docs: what was asked for, which features the
 * plan recognised (and from which words), requirements, the data model and
 * user stories whose acceptance criteria match the generated screens.
 */
import type { AppSpec } from '../app-spec';
import { ARCHETYPES } from '../archetypes/registry';
import { readOnlyEmpty } from '../archetypes/entity.archetype';
import { hasCreator, showsCreator, showsStaff, staffWritten } from '../data/backends/record-owner';
import { isHomeCard, openedFrom } from '../feature-links';
import { guessReason, isGuessed } from '../field-guesses';
import { entityOf, type AppPlan, type ArchetypeId, type EntityPlan, type PlannedFeature } from '../plan/app-plan';
import { targetPlatforms } from '../spec-text';
import { themeTokens } from '../theme-tokens';
import { uiText } from '../ui-text';
import { recordText } from '../ui-text-records';
import { fieldTypeName } from './field-type-name';
import { blockquote, bulletList, document, inline, table } from './markdown';
import { guessedSection } from './plan-notes';
import { screenEntry } from './screen-entry';

/** The spec with a fixed key order, so the JSON is stable whatever order the caller built it in. */
export function inputJson(spec: AppSpec): string {
  const ordered: AppSpec = {
    slug: spec.slug,
    name: spec.name,
    description: spec.description,
    platforms: spec.platforms,
    style: spec.style,
    backend: spec.backend,
    features: spec.features,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const ORIGINS: Readonly<Record<PlannedFeature['origin'], string>> = {
  features: 'requested',
  description: 'found in the description',
  app: 'added by the app',
};

function summary(plan: AppPlan, feature: PlannedFeature): string {
  return ARCHETYPES[feature.archetype].summary({ plan, feature });
}

function featureOverview(plan: AppPlan): string {
  return table(
    ['#', 'Feature', 'Kind', 'From', 'Asked as'],
    plan.features.map((feature, index) => [
      `${index + 1}`,
      feature.names.label,
      feature.archetype,
      ORIGINS[feature.origin],
      feature.requested.join(', ') || '—',
    ]),
  );
}

export function appBriefMd(plan: AppPlan): string {
  const { spec } = plan;
  const theme = themeTokens(spec.style);
  return document(
    `# App brief — ${inline(plan.displayName)}`,
    table(
      ['Field', 'Value'],
      [
        ['Name', plan.displayName],
        ['Dart package', `\`${plan.packageName}\``],
        ['Platforms', targetPlatforms(spec).join(', ')],
        ['Style', `${spec.style || '(none)'} → theme "${theme.key}"`],
        ['Backend', `${spec.backend || 'none'} → ${plan.backend}`],
      ],
    ),
    '## Idea',
    blockquote(plan.description),
    '## Features',
    'Each requested feature (and, when the list is short, what the description asks for) maps to one screen; synonyms of one feature share it.',
    featureOverview(plan),
    guessedSection(plan),
  );
}

function functionalRows(plan: AppPlan): string[][] {
  const rows = plan.features.map((feature, index) => [
    `FR-${index + 1}`,
    feature.names.label,
    summary(plan, feature),
    `\`${feature.paths.screen}\``,
  ]);
  rows.push([
    `FR-${rows.length + 1}`,
    'Navigation',
    'The home screen lists every requested feature and opens it; data screens the app added for a feature open from that feature; settings open from the app bar; Back returns.',
    '`lib/app.dart`',
  ]);
  return rows;
}

const DATA_REQUIREMENTS: Readonly<Record<AppPlan['backend'], string>> = {
  none: 'Data: stored on the device (shared_preferences); no account or network needed.',
  firebase: 'Data: Cloud Firestore, one collection per entity (see `docs/data_model.json`).',
  supabase: 'Data: Supabase tables, one per entity (see `docs/data_model.json`).',
  rest: 'Data: the REST API in `docs/openapi.yaml`, one resource per entity.',
  graphql: 'Data: the GraphQL API in `docs/schema.graphql`, one type per entity.',
};

/** Entities and fields with the names the Dart models use. */
export function dataModelSection(plan: AppPlan): string {
  if (plan.entities.length === 0) return '_The app stores no records._';
  return plan.entities
    .map((entity) =>
      [
        `### ${inline(entity.label)} (\`${entity.className}\`)`,
        ...(isGuessed(entity) ? [`_${guessReason(entity)}_`] : []),
        table(
          ['Field', 'Type', 'Required', 'Label'],
          [
            ['`id`', 'text', 'yes', 'Identifier'],
            ...entity.fields.map((field) => [
              `\`${field.name}\``,
              fieldTypeName(field),
              field.required ? 'yes' : 'no',
              field.label,
            ]),
          ],
        ),
      ].join('\n\n'),
    )
    .join('\n\n');
}

export function requirementsMd(plan: AppPlan): string {
  const theme = themeTokens(plan.spec.style);
  return document(
    `# Requirements — ${inline(plan.displayName)}`,
    '## Goal',
    blockquote(plan.description),
    '## Functional requirements',
    table(['ID', 'Feature', 'Requirement', 'Screen'], functionalRows(plan)),
    '## Data model',
    dataModelSection(plan),
    '## Non-functional requirements',
    bulletList([
      `NFR-1 Platforms: ${targetPlatforms(plan.spec).join(', ')} from one Flutter code base.`,
      `NFR-2 ${DATA_REQUIREMENTS[plan.backend]}`,
      'NFR-3 Accessibility: Material 3 widgets, tooltips on icon buttons, text follows the system text scale.',
      `NFR-4 Theming: "${theme.key}" theme (seed ${theme.seedColor}), light and dark variants, dark mode remembered.`,
      'NFR-5 Quality: `flutter analyze` clean with flutter_lints; every feature screen has a widget test of its main action.',
    ]),
  );
}

/** A posted list's (a listing's seller, `record-owner.ts`): everyone sees every entry, only its creator changes it. */
function creatorCriteria(plan: AppPlan, feature: PlannedFeature): string[] {
  const entity = feature.archetype === 'entity' ? entityOf(plan, feature) : undefined;
  if (!entity || !showsCreator(plan) || !hasCreator(plan, entity)) return [];
  return [
    `Given ${entity.pluralLabel.toLowerCase()} other users posted, then I see them but can neither edit nor delete them; the ones I posted say "${recordText(plan).postedByYou}".`,
  ];
}

/**
 * A list only staff write (a shop's products, `staffWritten`): customers read it, staff keep it. Replaces
 * the entity screen's "anyone adds, edits and deletes" criteria.
 */
function staffCriteria(plan: AppPlan, entity: EntityPlan): string[] {
  const items = entity.pluralLabel.toLowerCase();
  const [, form, invalid] = CRITERIA.entity(entity);
  // Supabase and Firebase tell the app who is staff; a REST/GraphQL server refuses the others' writes itself.
  const customer = showsStaff(plan)
    ? `then I see the ${items} but no add, edit or delete action, and an empty list says "${readOnlyEmpty(uiText(plan), entity)}"`
    : `when I save or delete one of the ${items}, then the server refuses it and the app says "${recordText(plan).errorNotAllowed.replace(/\.$/, '')}"`;
  return [
    `Given I am signed in without the admin role, ${customer}.`,
    `Given I am signed in as staff (the admin role; see the README), when I fill in the form${form.replace(/^When I fill in the form/, '')}`,
    invalid,
    'Given I am staff, when I open an entry, I see every field; I can edit or delete it (delete asks to confirm).',
  ];
}

/** What a user checks on each kind of screen. */
const CRITERIA: Readonly<Record<ArchetypeId, (entity?: EntityPlan, feature?: PlannedFeature) => string[]>> = {
  entity: (entity) => [
    `Given there are no ${entity?.pluralLabel.toLowerCase() ?? 'records'}, then an empty state invites me to add one.`,
    `When I fill in the form (${
      entity?.fields
        .filter((field) => !field.managed)
        .map((field) => field.label.toLowerCase())
        .join(', ') ?? ''
    }) and save, then the new entry appears in the list.`,
    'When I save with a required field empty or invalid, then the field shows why and nothing is saved.',
    'When I open an entry, I see every field; I can edit or delete it (delete asks to confirm).',
  ],
  auth: (_entity, feature) => [
    'When I enter an invalid email or a short password, then the form says what is wrong.',
    'When I sign in with valid credentials, then I see that I am signed in and can sign out.',
    ...(feature?.options.registration
      ? ['When I have no account, I can create one with my email and a password I type twice.']
      : []),
  ],
  chart: (entity) => [
    `Given saved ${entity?.pluralLabel.toLowerCase() ?? 'records'}, then a chart and totals summarise them.`,
    'Given no data, then the screen says so instead of an empty chart.',
  ],
  settings: () => ['When I switch dark mode on, the app turns dark at once and stays dark after a restart.'],
  scanner: () => ['When a code is scanned (or typed in), then it appears at the top of the scan history.'],
  notifications: () => [
    'When I add a reminder with a date and time, it is listed and scheduled; deleting it cancels it.',
  ],
  search: (entity) => [
    `When I type in the search field, only the ${entity?.pluralLabel.toLowerCase() ?? 'records'} matching it remain.`,
  ],
  map: () => ['Saved places show as markers on the map and in a list; tapping one shows its details.'],
  camera: () => ['When I take or pick a photo and give it a caption, it appears in the grid.'],
  timer: () => ['When I tap Start the time runs; Pause stops it; Reset restores the start value.'],
  chat: () => ['When I type a message and tap Send, it appears at the bottom and the field clears.'],
  calendar: () => ['When I pick a day, I see its entries; I can add one for that day through a validated form.'],
  profile: () => ['When I edit my name and save, the new name is shown and kept.'],
  onboarding: () => ['The first screens explain the app; Skip or Get started finishes and is remembered.'],
  checkout: () => ['When I add products to the cart I see the total; paying shows success or the reason it failed.'],
  study: () => [
    'Given cards are due, I see one front at a time; "Show answer" shows the back and the four grades.',
    'When I grade a card, its next review date is saved and the next due card appears; Again shows it once more.',
    'Given no card is due, the screen says when the next one is; a finished session shows a summary.',
  ],
};

/** How the user gets to the screen: its home card, the settings button, a gate, or the feature that needs it. */
function openingCriterion(plan: AppPlan, feature: PlannedFeature): string {
  const label = inline(feature.names.label);
  const opens = `then a screen titled "${label}" opens.`;
  const entry = screenEntry(plan, feature);
  switch (entry.kind) {
    case 'data':
      return `Given I am on ${inline(entry.host.names.label)}, when I tap "${entry.action}", ${opens}`;
    case 'settings':
      return `Given I am on the home screen, when I tap ${entry.button}, ${opens}`;
    case 'gate':
      return entry.gate.kind === 'signIn'
        ? `Given I am not signed in, when I open the app, ${opens}`
        : `Given I open the app for the first time, ${opens}`;
    case 'home':
      return entry.only
        ? `When I open the app, ${opens}`
        : `Given I am on the home screen, when I tap "${label}", ${opens}`;
  }
}

function screenCriteria(plan: AppPlan, feature: PlannedFeature): string[] {
  const entity = entityOf(plan, feature);
  if (feature.archetype === 'entity' && entity && staffWritten(plan, entity)) return staffCriteria(plan, entity);
  return CRITERIA[feature.archetype](entity, feature);
}

function storySection(plan: AppPlan, feature: PlannedFeature, index: number): string {
  const label = inline(feature.names.label);
  return [
    `## US-${index + 1} — ${label}`,
    `As a user, I want ${label} so that ${summary(plan, feature).replace(/\.$/, '').toLowerCase()}.`,
    '**Acceptance criteria**',
    bulletList([openingCriterion(plan, feature), ...screenCriteria(plan, feature), ...creatorCriteria(plan, feature)]),
    `Screen: \`${feature.paths.screen}\` · Test: \`${feature.paths.test}\``,
  ].join('\n\n');
}

export function userStoriesMd(plan: AppPlan): string {
  return document(
    `# User stories — ${inline(plan.displayName)}`,
    ...plan.features.map((feature, index) => storySection(plan, feature, index)),
  );
}

export function productSpecJson(plan: AppPlan): string {
  const { spec } = plan;
  const productSpec = {
    name: plan.displayName,
    slug: spec.slug,
    package: plan.packageName,
    description: plan.description,
    platforms: targetPlatforms(spec),
    style: spec.style,
    theme: themeTokens(spec.style),
    backend: plan.backend,
    features: plan.features.map((feature, index) => ({
      id: feature.names.id,
      label: feature.names.label,
      archetype: feature.archetype,
      origin: feature.origin,
      requested: feature.requested,
      entity: feature.entity ?? null,
      homeCard: isHomeCard(plan, feature),
      openedFrom: openedFrom(plan, feature)?.names.id ?? null,
      story: `US-${index + 1}`,
      route: feature.route,
      screen: feature.paths.screen,
      test: feature.paths.test,
      screenClass: feature.classes.screen,
    })),
    entities: plan.entities.map((entity) => ({
      name: entity.className,
      label: entity.label,
      fields: [
        { name: 'id', type: 'text', required: true },
        ...entity.fields.map(({ name, type, required }) => ({ name, type, required })),
      ],
    })),
    screens: ['home', ...plan.features.map((feature) => feature.names.id)],
  };
  return `${JSON.stringify(productSpec, null, 2)}\n`;
}
