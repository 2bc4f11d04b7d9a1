/**
 * Non-Dart project files: pubspec, lints, README and .gitignore.
 */
import { stringify } from 'yaml';
import { singleLine } from '../dart-string';
import type { FeatureNames } from '../naming';

export interface ProjectTemplateInput {
  packageName: string;
  displayName: string;
  description: string;
  platforms: readonly string[];
  features: readonly FeatureNames[];
}

/** Fits the `>=3.3.0` SDK floor and is what `flutter create` used for that range. */
const FLUTTER_LINTS_VERSION = '^4.0.0';

/**
 * Built as data and serialised by the yaml library, so quotes, colons or
 * newlines in the description can never break the document.
 */
export function pubspecYaml({ packageName, description }: ProjectTemplateInput): string {
  const pubspec = {
    name: packageName,
    description,
    publish_to: 'none',
    version: '1.0.0+1',
    environment: { sdk: '>=3.3.0 <4.0.0' },
    dependencies: { flutter: { sdk: 'flutter' } },
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

function featureList(features: readonly FeatureNames[]): string {
  if (features.length === 0) return '_No features were requested yet._\n';
  return features.map((feature) => `- ${singleLine(feature.label)} — \`${feature.screenPath}\`\n`).join('');
}

export function readmeMd(input: ProjectTemplateInput): string {
  const platforms = input.platforms.join(',');
  return `# ${singleLine(input.displayName)}

${singleLine(input.description)}

## Getting started

This folder holds the Dart sources, tests and \`pubspec.yaml\`. Create the platform
folders once with the Flutter SDK (3.19 or newer), then fetch packages and run:

\`\`\`sh
flutter create . --project-name ${input.packageName} --platforms=${platforms}
flutter pub get
flutter run
\`\`\`

\`flutter create .\` only adds missing files; it keeps the existing \`lib/\` and \`test/\`.

## Tests and analysis

\`\`\`sh
flutter test
flutter analyze
\`\`\`

## Features

${featureList(input.features)}
## Project layout

- \`lib/main.dart\` — entry point
- \`lib/app.dart\` — \`MaterialApp\`, named routes and the home list
- \`lib/config/app_info.dart\` — app name, description and version
- \`lib/theme/app_theme.dart\` — light and dark themes from one seed colour
- \`lib/features/<feature>/\` — \`*_model.dart\`, \`*_repository.dart\` (in memory), \`*_state.dart\` (\`ChangeNotifier\`), \`*_screen.dart\`
- \`lib/features/settings/\` — theme mode preference
- \`test/\` — widget tests, one per feature screen plus an app smoke test
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
