/**
 * The builtin, offline generator: fills the app plan (`plan/plan-app.ts`) with
 * a conventional Flutter project — shell, data layer, the chosen backend, one
 * archetype template per feature, tests, pubspec and README. Pure and
 * deterministic: the same spec always yields byte-identical files, sorted by path.
 */
import type { AppSpec, GeneratedFile } from './app-spec';
import type { FeatureContext, ServiceDecl } from './archetypes/archetype';
import { ARCHETYPES } from './archetypes/registry';
import { backendWiring, type BackendWiring } from './data/backends';
import { APP_SERVICES_PATH, FAKE_REPOSITORIES_PATH, TEST_SERVICES_PATH } from './data/entity-dart';
import { entityFiles } from './data/entity-files';
import { featureListNote, planNotesMd } from './docs/plan-notes';
import { packages } from './data/package-versions';
import { isHomeCard, manageDataLabel, openedFrom } from './feature-links';
import { entityOf, serverEntities, type AppPlan, type PlannedFeature } from './plan/app-plan';
import { planApp } from './plan/plan-app';
import { targetPlatforms } from './spec-text';
import { themeTokens } from './theme-tokens';
import { materialAppLocalization } from './ui-text';
import {
  analysisOptionsYaml,
  gitignore,
  pubspecYaml,
  readmeMd,
  type ReadmeFeature,
} from './templates/project.templates';
import {
  appDart,
  appInfoDart,
  appServicesDart,
  appThemeDart,
  appWidgetTestDart,
  mainDart,
  testServicesDart,
  type ShellFeature,
  type ShellInput,
} from './templates/shell.templates';

/** Paths of the fixed (feature-independent) files, for docs, repair and the LLM layout. */
export const APP_FILE_PATHS = {
  pubspec: 'pubspec.yaml',
  analysisOptions: 'analysis_options.yaml',
  readme: 'README.md',
  gitignore: '.gitignore',
  main: 'lib/main.dart',
  app: 'lib/app.dart',
  appServices: APP_SERVICES_PATH,
  appInfo: 'lib/config/app_info.dart',
  theme: 'lib/theme/app_theme.dart',
  widgetTest: 'test/widget_test.dart',
  testServices: TEST_SERVICES_PATH,
} as const;

export function featureContext(plan: AppPlan, feature: PlannedFeature): FeatureContext {
  return { plan, feature };
}

/** Every file one feature's archetype writes (screen, helpers, fakes, test). */
export function generateFeatureFiles(plan: AppPlan, feature: PlannedFeature): GeneratedFile[] {
  return ARCHETYPES[feature.archetype].files(featureContext(plan, feature));
}

/** Services the features ask for, one per field (features sharing a field share the service). */
function appServices(plan: AppPlan): ServiceDecl[] {
  const byField = new Map<string, ServiceDecl>();
  for (const feature of plan.features) {
    for (const service of ARCHETYPES[feature.archetype].services?.(featureContext(plan, feature)) ?? []) {
      if (!byField.has(service.field)) byField.set(service.field, service);
    }
  }
  return [...byField.values()];
}

/** Every pub dependency: preferences (settings), the backend, and each feature's archetype. */
export function appDependencies(plan: AppPlan, wiring: BackendWiring = backendWiring(plan)): Record<string, string> {
  const deps: Record<string, string> = { ...packages('shared_preferences'), ...wiring.dependencies };
  for (const feature of plan.features) {
    Object.assign(deps, ARCHETYPES[feature.archetype].dependencies(featureContext(plan, feature)));
  }
  return Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The screen and action that open a data screen the app added for another feature. */
function openedFromShell(plan: AppPlan, feature: PlannedFeature): ShellFeature['openedFrom'] {
  const host = openedFrom(plan, feature);
  const entity = entityOf(plan, feature);
  return host && entity ? { screenClass: host.classes.screen, action: manageDataLabel(plan, entity) } : undefined;
}

function shellInput(plan: AppPlan, wiring: BackendWiring): ShellInput {
  return {
    packageName: plan.packageName,
    displayName: plan.displayName,
    description: plan.description,
    showDescription: plan.spec.description.trim() !== '',
    theme: themeTokens(plan.spec.style),
    features: plan.features.map((feature) => ({
      id: feature.names.id,
      title: feature.names.label,
      screenClass: feature.classes.screen,
      screenImport: feature.paths.screen.slice('lib/'.length),
      icon: feature.icon,
      builder: ARCHETYPES[feature.archetype].screenBuilder(featureContext(plan, feature)),
      isSettings: feature.archetype === 'settings',
      homeCard: isHomeCard(plan, feature),
      openedFrom: openedFromShell(plan, feature),
      gate: ARCHETYPES[feature.archetype].gate?.(featureContext(plan, feature)),
    })),
    // On-device entities (a camera's photos) are the feature's own service, not an AppServices repository.
    entities: serverEntities(plan),
    services: appServices(plan),
    repositoryCreate: (entity) => wiring.repositoryCreate(entity),
    repositoryImports: (entity) => wiring.repositoryImports(entity),
    mainImports: wiring.mainImports,
    mainSetup: wiring.mainSetup,
    createSetup: wiring.createSetup ?? [],
    createImports: wiring.createImports ?? [],
    localization: plan.locale === 'en' ? undefined : materialAppLocalization(plan),
  };
}

function readmeFeatures(plan: AppPlan): ReadmeFeature[] {
  return plan.features.map((feature) => {
    const template = ARCHETYPES[feature.archetype];
    const ctx = featureContext(plan, feature);
    const note = featureListNote(plan, feature);
    return {
      label: feature.names.label,
      screenPath: feature.paths.screen,
      summary: note ? `_${note}._ ${template.summary(ctx)}` : template.summary(ctx),
      setup: template.readme?.(ctx),
    };
  });
}

function shellFiles(plan: AppPlan, wiring: BackendWiring): GeneratedFile[] {
  const shell = shellInput(plan, wiring);
  const fakeRepositories = plan.entities.length ? FAKE_REPOSITORIES_PATH.slice('test/support/'.length) : undefined;
  return [
    {
      path: APP_FILE_PATHS.pubspec,
      content: pubspecYaml({
        packageName: plan.packageName,
        description: plan.description,
        localized: plan.locale !== 'en',
        dependencies: appDependencies(plan, wiring),
      }),
    },
    { path: APP_FILE_PATHS.analysisOptions, content: analysisOptionsYaml() },
    {
      path: APP_FILE_PATHS.readme,
      content: readmeMd({
        packageName: plan.packageName,
        displayName: plan.displayName,
        description: plan.description,
        platforms: targetPlatforms(plan.spec),
        backend: plan.backend,
        backendSetup: wiring.readme,
        features: readmeFeatures(plan),
        planNotes: planNotesMd(plan),
      }),
    },
    { path: APP_FILE_PATHS.gitignore, content: gitignore() },
    { path: APP_FILE_PATHS.main, content: mainDart(shell) },
    { path: APP_FILE_PATHS.app, content: appDart(shell) },
    { path: APP_FILE_PATHS.appServices, content: appServicesDart(shell) },
    { path: APP_FILE_PATHS.appInfo, content: appInfoDart(shell) },
    { path: APP_FILE_PATHS.theme, content: appThemeDart(shell) },
    { path: APP_FILE_PATHS.widgetTest, content: appWidgetTestDart(shell) },
    { path: APP_FILE_PATHS.testServices, content: testServicesDart(shell, fakeRepositories) },
  ];
}

/** Code-unit order: locale-independent, so output is identical on every machine. */
function byPath(a: GeneratedFile, b: GeneratedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The project for an already computed plan (callers that also need the plan avoid planning twice). */
export function generateFromPlan(plan: AppPlan): GeneratedFile[] {
  const wiring = backendWiring(plan);
  const files = new Map<string, GeneratedFile>();
  const add = (file: GeneratedFile) => {
    if (files.has(file.path) && files.get(file.path)?.content !== file.content) {
      throw new Error(`two templates write ${file.path} differently`);
    }
    files.set(file.path, file);
  };
  [...shellFiles(plan, wiring), ...entityFiles(plan), ...wiring.files, ...(wiring.testFiles ?? [])].forEach(add);
  for (const feature of plan.features) generateFeatureFiles(plan, feature).forEach(add);
  return [...files.values()].sort(byPath);
}

/** The whole Flutter project, paths relative to the project root, sorted by path. */
export function generateFlutterProject(spec: AppSpec): GeneratedFile[] {
  return generateFromPlan(planApp(spec));
}
