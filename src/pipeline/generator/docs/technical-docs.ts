/**
 * Architecture and UI/UX docs. Both are derived from the same data the
 * generator uses (file list, classes, routes, theme tokens), so they can't drift.
 */
import type { AppSpec, GeneratedFile } from '../app-spec';
import type { ProjectFeature } from '../project-features';
import { appDisplayName, hasBackend } from '../spec-text';
import { cssColor, themeTokens } from '../theme-tokens';
import { bulletList, document, inline, table } from './markdown';

interface TreeNode {
  children: Map<string, TreeNode>;
}

function buildTree(paths: readonly string[]): TreeNode {
  const root: TreeNode = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const part of path.split('/')) {
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
  }
  return root;
}

/** Directories first, then files, each in code-unit order; directories end with `/`. */
function renderTree(node: TreeNode, indent: string): string[] {
  const entries = [...node.children.entries()];
  const isDir = ([, child]: [string, TreeNode]): boolean => child.children.size > 0;
  const byName = (a: [string, TreeNode], b: [string, TreeNode]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const ordered = [...entries.filter(isDir).sort(byName), ...entries.filter((entry) => !isDir(entry)).sort(byName)];
  return ordered.flatMap(([name, child]) =>
    isDir([name, child]) ? [`${indent}${name}/`, ...renderTree(child, `${indent}  `)] : [`${indent}${name}`],
  );
}

export function folderLayout(files: readonly GeneratedFile[]): string {
  return ['```text', 'source/', ...renderTree(buildTree(files.map((file) => file.path)), '  '), '```'].join('\n');
}

function routeRows(features: readonly ProjectFeature[]): string[][] {
  return [
    ['`/`', '`HomeScreen`', '`lib/app.dart`'],
    ...features.map((feature) => [
      `\`${feature.route}\``,
      `\`${feature.classes.screen}\``,
      `\`${feature.paths.screen}\``,
    ]),
    ['`/settings`', '`SettingsScreen`', '`lib/features/settings/settings_screen.dart`'],
  ];
}

function classRows(features: readonly ProjectFeature[]): string[][] {
  return features.map((feature) => [
    feature.names.label,
    `\`${feature.classes.item}\``,
    `\`${feature.classes.repository}\``,
    `\`${feature.classes.controller}\``,
    `\`${feature.classes.screen}\``,
  ]);
}

function dataSection(spec: AppSpec): string {
  const swap = hasBackend(spec)
    ? `To connect the "${inline(spec.backend)}" backend, implement the same four repository methods against \`docs/api_contract.md\` and pass the new repository to the controller.`
    : 'No backend was requested: data lives in memory for the session.';
  return [
    '## Data flow',
    'Screen → controller (`ChangeNotifier`) → repository (`Future`-based, in memory). The controller exposes `items`, `isLoading` and `error`; the screen rebuilds through `ListenableBuilder`.',
    swap,
  ].join('\n\n');
}

export function architectureMd(
  spec: AppSpec,
  features: readonly ProjectFeature[],
  files: readonly GeneratedFile[],
): string {
  return document(
    `# Architecture — ${inline(appDisplayName(spec))}`,
    'Feature-first layout: every feature owns a folder with its model, repository, state and screen. Only the Flutter SDK is used (no third-party packages).',
    '## Folder layout',
    folderLayout(files),
    '## State management',
    bulletList([
      'Each feature has a `ChangeNotifier` controller in `<feature>_state.dart` (Flutter foundation only).',
      'Screens create their controller in `initState` (or take one injected by tests) and dispose what they created.',
      '`SettingsController` (theme mode) lives in `MainApp` and is handed to `SettingsScreen`; `MainApp` rebuilds `MaterialApp` when it changes.',
    ]),
    features.length > 0 ? table(['Feature', 'Model', 'Repository', 'Controller', 'Screen'], classRows(features)) : '',
    '## Navigation',
    'Named routes in `MaterialApp.routes`; the home screen lists the features and pushes their route, settings open from the app bar.',
    table(['Route', 'Widget', 'File'], routeRows(features)),
    dataSection(spec),
    '## Testing',
    bulletList([
      '`test/widget_test.dart`: app smoke test (home screen, navigation to settings).',
      '`test/features/<feature>_screen_test.dart`: each screen shows its title and can add an entry.',
    ]),
  );
}

function screenSection(feature: ProjectFeature): string {
  return [
    `### ${inline(feature.names.label)}`,
    bulletList([
      `Route \`${feature.route}\`, widget \`${feature.classes.screen}\`, home icon \`${feature.icon}\`.`,
      'Layout: app bar with the feature title; a text field with an Add button; a list of entries (checkbox, title, delete button).',
      'Loading: centred `CircularProgressIndicator` while the first load runs.',
      'Empty: inbox icon and "Nothing here yet. Add the first entry above."',
      'Error: error icon, the message and a Retry button.',
      'Done entries are struck through; tapping a row toggles it.',
    ]),
  ].join('\n\n');
}

export function designMd(spec: AppSpec, features: readonly ProjectFeature[]): string {
  const theme = themeTokens(spec.style);
  return document(
    `# Design — ${inline(appDisplayName(spec))}`,
    '## Theme tokens',
    `Requested style: "${inline(spec.style) || '(none)'}" → theme "${theme.key}": ${theme.mood}. Defined in \`lib/theme/app_theme.dart\`.`,
    table(
      ['Token', 'Value', 'Dart'],
      [
        ['Seed colour', cssColor(theme.seedColor), `AppTheme.seedColor = Color(${theme.seedColor})`],
        ['Default theme mode', theme.themeMode, `AppTheme.defaultMode = ThemeMode.${theme.themeMode}`],
        ['Corner radius', `${theme.cornerRadius} dp`, `AppTheme.cornerRadius = ${theme.cornerRadius.toFixed(1)}`],
        ['Colour scheme', 'Material 3, generated from the seed (light and dark)', 'ColorScheme.fromSeed'],
      ],
    ),
    '## Screens',
    '### Home',
    bulletList([
      'App bar with the app name and a settings button (tooltip "Settings").',
      features.length > 0
        ? 'The app description, then one card per feature (icon, title, chevron) that opens the feature.'
        : 'The app description, centred (no features yet).',
    ]),
    ...features.map(screenSection),
    '### Settings',
    bulletList(['Theme: segmented button System / Light / Dark, applied immediately.', 'About: app name and version.']),
    '## States',
    table(
      ['State', 'Presentation'],
      [
        ['Loading', 'Centred circular progress indicator'],
        ['Empty', 'Inbox icon with a short hint to add the first entry'],
        ['Error', 'Error icon in the scheme error colour, message, Retry button'],
        ['Content', 'List tiles with checkbox, title and delete action'],
      ],
    ),
  );
}
