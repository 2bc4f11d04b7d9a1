/**
 * Non-Dart project files: pubspec, lints, README and .gitignore.
 */
import { stringify } from 'yaml';
import { singleLine } from '../dart-string';
import { DART_SDK_CONSTRAINT, PACKAGE_VERSIONS } from '../data/package-versions';
import type { BackendKind } from '../plan/app-plan';

/** Fits the Dart SDK floor and is what `flutter create` used for that range. */
const FLUTTER_LINTS_VERSION = '^4.0.0';

export interface PubspecInput {
  packageName: string;
  description: string;
  /** True when the app's language is not English: its MaterialApp takes flutter_localizations' delegates. */
  localized: boolean;
  /** pub package → version constraint, besides the Flutter SDK. */
  dependencies: Readonly<Record<string, string>>;
}

/**
 * Built as data and serialised by the yaml library, so quotes, colons or
 * newlines in the description can never break the document.
 */
export function pubspecYaml({ packageName, description, localized, dependencies }: PubspecInput): string {
  const pubspec = {
    name: packageName,
    description,
    publish_to: 'none',
    version: '1.0.0+1',
    environment: { sdk: DART_SDK_CONSTRAINT },
    // Every app formats money and dates (intl); one in another language than
    // English speaks it in the built-in widgets, date pickers included
    // (flutter_localizations; English is Flutter's own).
    dependencies: {
      flutter: { sdk: 'flutter' },
      ...(localized ? { flutter_localizations: { sdk: 'flutter' } } : {}),
      intl: PACKAGE_VERSIONS.intl,
      ...dependencies,
    },
    dev_dependencies: {
      flutter_test: { sdk: 'flutter' },
      flutter_lints: FLUTTER_LINTS_VERSION,
    },
    flutter: { 'uses-material-design': true },
  };
  return stringify(pubspec, { lineWidth: 0 });
}

export function analysisOptionsYaml(): string {
  return `include: package:flutter_lints/flutter.yaml

linter:
  rules:
    prefer_single_quotes: true
`;
}

export interface ReadmeFeature {
  label: string;
  screenPath: string;
  summary: string;
  /** Markdown setup notes (permissions, keys), without a heading. */
  setup?: string;
}

export interface ReadmeInput {
  packageName: string;
  displayName: string;
  description: string;
  platforms: readonly string[];
  backend: BackendKind;
  backendSetup: string;
  features: readonly ReadmeFeature[];
  /** Markdown sections on how the spec was read (docs/plan-notes.ts): which screen each request became, what was guessed. */
  planNotes?: string;
}

const BACKEND_NAMES: Readonly<Record<BackendKind, string>> = {
  none: 'none: data stays on the device (shared_preferences)',
  firebase: 'Firebase (Cloud Firestore)',
  supabase: 'Supabase',
  rest: 'REST API (package:http)',
  graphql: 'GraphQL (graphql_flutter)',
};

function featureList(features: readonly ReadmeFeature[]): string {
  return features
    .map(
      (feature) => `- **${singleLine(feature.label)}** (\`${feature.screenPath}\`): ${singleLine(feature.summary)}\n`,
    )
    .join('');
}

function setupSections(features: readonly ReadmeFeature[]): string {
  const sections = features
    .filter((feature) => feature.setup?.trim())
    .map((feature) => `### ${singleLine(feature.label)}\n\n${feature.setup?.trim()}\n`);
  return sections.length ? `## Feature setup\n\n${sections.join('\n')}\n` : '';
}

export function readmeMd(input: ReadmeInput): string {
  const platforms = input.platforms.join(',');
  return `# ${singleLine(input.displayName)}

${singleLine(input.description)}

## Getting started

This folder holds the Dart sources, tests and \`pubspec.yaml\`. Create the platform
folders once with the Flutter SDK (3.22 or newer), then fetch packages and run:

\`\`\`sh
flutter create . --project-name ${input.packageName} --platforms=${platforms}
flutter pub get
flutter run
\`\`\`

\`flutter create .\` only adds missing files; it keeps the existing \`lib/\` and \`test/\`.

The design documents this README cites as \`docs/…\` (requirements, data model, API
contract) are in the \`docs/\` folder beside this one in the export ZIP.

## Backend: ${BACKEND_NAMES[input.backend]}

${input.backendSetup.trim()}

## Features

${featureList(input.features)}
${input.planNotes?.trim() ? `${input.planNotes.trim()}\n\n` : ''}${setupSections(input.features)}## Tests and analysis

\`\`\`sh
flutter analyze
flutter test
\`\`\`

Widget tests run every screen against in-memory repositories and fakes
(\`test/support/\`), so they need no backend, device or network.

## Project layout

- \`lib/main.dart\` — entry point: backend set-up, then \`AppServices.create()\`
- \`lib/app.dart\` — \`MaterialApp\`, named routes and the home list
- \`lib/app_services.dart\` — the repositories and services the screens use
- \`lib/data/models/\` — one immutable model per entity (\`toJson\` / \`fromJson\`)
- \`lib/data/repositories/\` — one repository interface per entity; the backend implements it
- \`lib/features/<feature>/\` — each feature's screen, controller and widgets
- \`lib/theme/app_theme.dart\` — light and dark themes from one seed colour
- \`test/\` — a widget test per feature, an app smoke test, fakes in \`test/support/\`
`;
}

export function gitignore(): string {
  return `# Miscellaneous
*.class
*.log
*.pyc
*.swp
.DS_Store
.atom/
.build/
.buildlog/
.history
.svn/
.swiftpm/
migrate_working_dir/

# IntelliJ related
*.iml
*.ipr
*.iws
.idea/

# Flutter/Dart/Pub related
**/doc/api/
**/ios/Flutter/.last_build_id
.dart_tool/
.flutter-plugins
.flutter-plugins-dependencies
.pub-cache/
.pub/
/build/

# Symbolication and obfuscation
app.*.symbols
app.*.map.json

# Android Studio build artifacts
/android/app/debug
/android/app/profile
/android/app/release
`;
}
