/**
 * Brief and business-analysis docs: what was asked for, requirements, user
 * stories with acceptance criteria matching the generated screens.
 */
import type { AppSpec } from '../app-spec';
import type { ProjectFeature } from '../project-features';
import { appDescription, appDisplayName, hasBackend, packageName, targetPlatforms } from '../spec-text';
import { themeTokens } from '../theme-tokens';
import { blockquote, bulletList, document, inline, table } from './markdown';

const SETTINGS_SCREEN = 'lib/features/settings/settings_screen.dart';

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

function featureOverview(features: readonly ProjectFeature[]): string {
  if (features.length === 0) return '_No features were requested._';
  return features
    .map((feature, index) => `${index + 1}. ${inline(feature.names.label)} (\`${feature.names.id}\`)`)
    .join('\n');
}

export function appBriefMd(spec: AppSpec, features: readonly ProjectFeature[]): string {
  const theme = themeTokens(spec.style);
  return document(
    `# App brief — ${inline(appDisplayName(spec))}`,
    table(
      ['Field', 'Value'],
      [
        ['Name', appDisplayName(spec)],
        ['Dart package', `\`${packageName(spec)}\``],
        ['Platforms', targetPlatforms(spec).join(', ')],
        ['Style', `${spec.style || '(none)'} → theme "${theme.key}"`],
        ['Backend', spec.backend || 'none'],
      ],
    ),
    '## Idea',
    blockquote(appDescription(spec)),
    '## Requested features',
    featureOverview(features),
  );
}

function functionalRows(features: readonly ProjectFeature[]): string[][] {
  const rows = features.map((feature, index) => [
    `FR-${index + 1}`,
    feature.names.label,
    `Users can list, add, complete and delete ${inline(feature.names.label)} entries.`,
    `\`${feature.paths.screen}\``,
  ]);
  const next = features.length + 1;
  rows.push(
    [
      `FR-${next}`,
      'Navigation',
      'The home screen lists every feature and opens it; Back returns home.',
      '`lib/app.dart`',
    ],
    [`FR-${next + 1}`, 'Settings', 'Users can choose the system, light or dark theme.', `\`${SETTINGS_SCREEN}\``],
  );
  return rows;
}

function dataRequirement(spec: AppSpec): string {
  if (!hasBackend(spec)) return 'Data: kept in memory on the device for the session; no account or network needed.';
  return `Data: the "${inline(spec.backend)}" backend is specified in \`docs/api_contract.md\`; until it is wired in, in-memory repositories with the same interface keep the app usable offline.`;
}

export function requirementsMd(spec: AppSpec, features: readonly ProjectFeature[]): string {
  const theme = themeTokens(spec.style);
  return document(
    `# Requirements — ${inline(appDisplayName(spec))}`,
    '## Goal',
    blockquote(appDescription(spec)),
    '## Functional requirements',
    table(['ID', 'Feature', 'Requirement', 'Screen'], functionalRows(features)),
    '## Non-functional requirements',
    bulletList([
      `NFR-1 Platforms: ${targetPlatforms(spec).join(', ')} from one Flutter code base.`,
      `NFR-2 ${dataRequirement(spec)}`,
      'NFR-3 Accessibility: Material 3 widgets, tooltips on icon buttons, text follows the system text scale.',
      `NFR-4 Theming: "${theme.key}" theme (seed ${theme.seedColor}), light and dark variants.`,
      'NFR-5 Quality: `flutter analyze` clean with flutter_lints; every feature screen has a widget test.',
    ]),
  );
}

function acceptanceCriteria(label: string): string[] {
  return [
    `Given I am on the home screen, when I tap "${label}", then a screen titled "${label}" opens.`,
    'Given the entries are loading, then a progress indicator is shown.',
    'Given there are no entries, then an empty-state message invites me to add one.',
    'When I type a title and tap Add, then the entry appears in the list and the field is cleared.',
    'When I tap an entry or its checkbox, then it toggles between open and done (struck through).',
    'When I tap Delete on an entry, then it is removed from the list.',
    'Given loading fails, then an error message with a Retry button is shown.',
  ];
}

function storySection(feature: ProjectFeature, index: number): string {
  const label = inline(feature.names.label);
  return [
    `## US-${index + 1} — ${label}`,
    `As a user, I want to manage my ${label} entries so that I can keep track of them.`,
    '**Acceptance criteria**',
    bulletList(acceptanceCriteria(label)),
    `Screen: \`${feature.paths.screen}\` · Test: \`${feature.paths.test}\``,
  ].join('\n\n');
}

export function userStoriesMd(spec: AppSpec, features: readonly ProjectFeature[]): string {
  const stories = features.length > 0 ? features.map(storySection) : ['_No features were requested._'];
  return document(`# User stories — ${inline(appDisplayName(spec))}`, ...stories);
}

export function productSpecJson(spec: AppSpec, features: readonly ProjectFeature[]): string {
  const productSpec = {
    name: appDisplayName(spec),
    slug: spec.slug,
    package: packageName(spec),
    description: appDescription(spec),
    platforms: targetPlatforms(spec),
    style: spec.style,
    theme: themeTokens(spec.style),
    backend: spec.backend,
    features: features.map((feature, index) => ({
      id: feature.names.id,
      label: feature.names.label,
      story: `US-${index + 1}`,
      route: feature.route,
      screen: feature.paths.screen,
      test: feature.paths.test,
      screenClass: feature.classes.screen,
    })),
    screens: ['home', ...features.map((feature) => feature.names.id), 'settings'],
  };
  return `${JSON.stringify(productSpec, null, 2)}\n`;
}
