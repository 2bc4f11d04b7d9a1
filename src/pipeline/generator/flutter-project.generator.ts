/**
 * The builtin, offline generator: turns an AppSpec into a conventional Flutter
 * project (Dart sources, tests, pubspec, README). Pure and deterministic — the
 * same spec always yields byte-identical files, sorted by path.
 */
import type { AppSpec, GeneratedFile } from './app-spec';
import { projectFeatures, type ProjectFeature } from './project-features';
import { appDescription, appDisplayName, packageName, targetPlatforms } from './spec-text';
import { themeTokens } from './theme-tokens';
import {
  appDart,
  appInfoDart,
  appThemeDart,
  appWidgetTestDart,
  mainDart,
  type AppTemplateInput,
} from './templates/app.templates';
import { featureScreenDart } from './templates/feature-screen.template';
import {
  featureModelDart,
  featureRepositoryDart,
  featureStateDart,
  featureTestDart,
  type FeatureTemplateInput,
} from './templates/feature.templates';
import {
  analysisOptionsYaml,
  gitignore,
  pubspecYaml,
  readmeMd,
  type ProjectTemplateInput,
} from './templates/project.templates';
import { settingsControllerDart, settingsScreenDart } from './templates/settings.templates';

/** Paths of the fixed (feature-independent) files, for docs and repair. */
export const APP_FILE_PATHS = {
  pubspec: 'pubspec.yaml',
  analysisOptions: 'analysis_options.yaml',
  readme: 'README.md',
  gitignore: '.gitignore',
  main: 'lib/main.dart',
  app: 'lib/app.dart',
  appInfo: 'lib/config/app_info.dart',
  theme: 'lib/theme/app_theme.dart',
  settingsController: 'lib/features/settings/settings_controller.dart',
  settingsScreen: 'lib/features/settings/settings_screen.dart',
  widgetTest: 'test/widget_test.dart',
} as const;

function featureTemplateInput(spec: AppSpec, feature: ProjectFeature): FeatureTemplateInput {
  return { names: feature.names, classes: feature.classes, route: feature.route, packageName: packageName(spec) };
}

/** The five files of one feature (model, repository, state, screen, test). */
export function generateFeatureFiles(spec: AppSpec, feature: ProjectFeature): GeneratedFile[] {
  const input = featureTemplateInput(spec, feature);
  const paths = feature.paths;
  return [
    { path: paths.model, content: featureModelDart(input) },
    { path: paths.repository, content: featureRepositoryDart(input) },
    { path: paths.state, content: featureStateDart(input) },
    { path: paths.screen, content: featureScreenDart(input) },
    { path: paths.test, content: featureTestDart(input) },
  ];
}

function appTemplateInput(spec: AppSpec, features: readonly ProjectFeature[]): AppTemplateInput {
  return {
    packageName: packageName(spec),
    displayName: appDisplayName(spec),
    description: appDescription(spec),
    theme: themeTokens(spec.style),
    features: features.map((feature) => ({
      id: feature.names.id,
      screenClass: feature.classes.screen,
      icon: feature.icon,
    })),
  };
}

function projectTemplateInput(spec: AppSpec, features: readonly ProjectFeature[]): ProjectTemplateInput {
  return {
    packageName: packageName(spec),
    displayName: appDisplayName(spec),
    description: appDescription(spec),
    platforms: targetPlatforms(spec),
    features: features.map((feature) => feature.names),
  };
}

function appFiles(spec: AppSpec, features: readonly ProjectFeature[]): GeneratedFile[] {
  const app = appTemplateInput(spec, features);
  const project = projectTemplateInput(spec, features);
  return [
    { path: APP_FILE_PATHS.pubspec, content: pubspecYaml(project) },
    { path: APP_FILE_PATHS.analysisOptions, content: analysisOptionsYaml() },
    { path: APP_FILE_PATHS.readme, content: readmeMd(project) },
    { path: APP_FILE_PATHS.gitignore, content: gitignore() },
    { path: APP_FILE_PATHS.main, content: mainDart() },
    { path: APP_FILE_PATHS.app, content: appDart(app) },
    { path: APP_FILE_PATHS.appInfo, content: appInfoDart(app) },
    { path: APP_FILE_PATHS.theme, content: appThemeDart(app) },
    { path: APP_FILE_PATHS.settingsController, content: settingsControllerDart() },
    { path: APP_FILE_PATHS.settingsScreen, content: settingsScreenDart() },
    { path: APP_FILE_PATHS.widgetTest, content: appWidgetTestDart(app) },
  ];
}

/** Code-unit order: locale-independent, so output is identical on every machine. */
function byPath(a: GeneratedFile, b: GeneratedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The whole Flutter project, paths relative to the project root, sorted by path. */
export function generateFlutterProject(spec: AppSpec): GeneratedFile[] {
  const features = projectFeatures(spec.features);
  const files = [...appFiles(spec, features), ...features.flatMap((feature) => generateFeatureFiles(spec, feature))];
  return files.sort(byPath);
}
