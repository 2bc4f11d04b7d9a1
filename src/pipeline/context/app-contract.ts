/**
 * The app's contract for the LLM path: the builtin generator's plan and
 * skeleton, split into files the contract writes itself (pubspec, shell,
 * theme, navigation, AppServices, data layer, shared libraries) and, per
 * feature, the files the dev agent writes and the names they must keep.
 * The builtin generator fills the same skeleton, so both writers share one
 * structure.
 */
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import type { ServiceDecl } from '../generator/archetypes/archetype';
import { ARCHETYPES } from '../generator/archetypes/registry';
import { findDartDirectives, localImportTarget } from '../generator/dart-directives';
import { featureContext, generateFeatureFiles, generateFromPlan } from '../generator/flutter-project.generator';
import { entityOf, type AppPlan, type EntityPlan, type PlannedFeature } from '../generator/plan/app-plan';
import { planApp } from '../generator/plan/plan-app';

export interface FeatureContract {
  feature: PlannedFeature;
  entity?: EntityPlan;
  /** How app.dart builds the screen (the screen's constructor as the contract calls it). */
  screenBuilder: string;
  services: ServiceDecl[];
  /** The files the dev agent writes for this feature, in their builtin version (sizes, imports, fallback). */
  files: GeneratedFile[];
}

export interface AppContract {
  plan: AppPlan;
  /** Written by the contract before any model call; the model never rewrites them. */
  scaffold: GeneratedFile[];
  features: FeatureContract[];
  /** Every builtin file by path (scaffold and feature files). */
  builtin: ReadonlyMap<string, string>;
  /** Public classes of feature files that contract files use, by feature file path. */
  usedByContract: ReadonlyMap<string, { className: string; usedIn: string[] }[]>;
}

/** A feature owns what lives in its folders; shared libraries (records, support code used by several features) are contract. */
function featureOwned(path: string): boolean {
  return path.startsWith('lib/features/') || path.startsWith('test/features/') || path.startsWith('test/support/');
}

const CLASS_DECLARATION = /^(?:(?:abstract|base|final|sealed|interface|mixin)\s+)*class\s+([A-Z]\w*)/gm;

export function contractFromPlan(plan: AppPlan): AppContract {
  const all = generateFromPlan(plan);
  const builtin = new Map(all.map((file) => [file.path, file.content]));
  const owners = new Map<string, number>();
  const perFeature = plan.features.map((feature) => generateFeatureFiles(plan, feature));
  for (const files of perFeature) for (const file of files) owners.set(file.path, (owners.get(file.path) ?? 0) + 1);
  const claimed = new Set<string>();
  const features = plan.features.map((feature, index) => {
    const files = perFeature[index].filter(
      (file) => featureOwned(file.path) && owners.get(file.path) === 1 && !claimed.has(file.path),
    );
    files.forEach((file) => claimed.add(file.path));
    const ctx = featureContext(plan, feature);
    return {
      feature,
      entity: entityOf(plan, feature),
      screenBuilder: ARCHETYPES[feature.archetype].screenBuilder(ctx),
      services: ARCHETYPES[feature.archetype].services?.(ctx) ?? [],
      files,
    };
  });
  const scaffold = all.filter((file) => !claimed.has(file.path));
  const usedByContract = new Map<string, { className: string; usedIn: string[] }[]>();
  for (const path of claimed) {
    const classes = [...builtin.get(path)!.matchAll(CLASS_DECLARATION)].map((m) => m[1]);
    const uses = classes
      .map((className) => {
        const word = new RegExp(`\\b${className}\\b`);
        return { className, usedIn: scaffold.filter((file) => word.test(file.content)).map((file) => file.path) };
      })
      .filter((use) => use.usedIn.length);
    if (uses.length) usedByContract.set(path, uses);
  }
  return { plan, scaffold, features, builtin, usedByContract };
}

export function buildContract(spec: AppSpec): AppContract {
  return contractFromPlan(planApp(spec));
}

export function isContractFile(contract: AppContract, path: string): boolean {
  return contract.scaffold.some((file) => file.path === path);
}

/** The feature that owns a file, if any. */
export function featureOfFile(contract: AppContract, path: string): FeatureContract | undefined {
  return contract.features.find((f) => f.files.some((file) => file.path === path));
}

/** Project files the given sources import directly (own package and relative URIs), in first-seen order. */
export function importsOf(sources: readonly GeneratedFile[], packageName: string): string[] {
  const seen = new Set<string>();
  for (const source of sources) {
    if (!source.path.endsWith('.dart')) continue;
    for (const directive of findDartDirectives(source.content)) {
      for (const uri of directive.uris) {
        const target = localImportTarget(source.path, uri, packageName);
        if (target) seen.add(target);
      }
    }
  }
  const own = new Set(sources.map((s) => s.path));
  return [...seen].filter((path) => !own.has(path));
}

function entityLines(entity: EntityPlan): string[] {
  return [
    `- ${entity.className} (model ${entity.paths.model}, repository interface ${entity.className}Repository in ${entity.paths.repository}, AppServices.${entity.collection}):`,
    `  id (String, required), ${entity.fields.map((f) => `${f.name} (${f.type}${f.required ? ', required' : ', optional'})`).join(', ')}; title field ${entity.titleField}`,
  ];
}

/**
 * The contract as the dev agent reads it: the app-wide facts, the features of
 * this request in full (files, classes, routes, call sites the contract
 * makes) and the other features by name only.
 */
export function contractText(
  contract: AppContract,
  chunk: readonly FeatureContract[],
  paths?: readonly string[],
): string {
  const { plan } = contract;
  const pkg = plan.packageName;
  const inChunk = new Set(chunk.map((f) => f.feature.names.id));
  const entities = new Map<string, EntityPlan>();
  for (const f of chunk) if (f.entity) entities.set(f.entity.className, f.entity);
  const lines = [
    `Dart package: ${pkg} (import the project's files as package:${pkg}/...).`,
    `Backend: ${plan.backend}. Repositories are interfaces in lib/data/repositories/ with one implementation per entity for this backend; screens use the interface they get from AppServices, never the backend SDK.`,
    `Contract files (already written, authoritative, never returned by you): ${contract.scaffold.length} files including pubspec.yaml, lib/main.dart, lib/app.dart (routes and home screen), lib/app_services.dart, lib/theme/app_theme.dart, the data models and repositories, test/support/test_services.dart.`,
    'Only the packages in pubspec.yaml may be imported.',
  ];
  if (entities.size) lines.push('Data model of this request:', ...[...entities.values()].flatMap(entityLines));
  for (const f of chunk) {
    const { feature } = f;
    const files = f.files.filter((file) => !paths || paths.includes(file.path));
    lines.push(
      '',
      `Feature "${feature.names.label}" (${feature.archetype}${feature.requested.length ? `; asked for as: ${feature.requested.join(', ')}` : ''}):`,
      `- screen ${feature.paths.screen}: public widget class ${feature.classes.screen} with \`static const String title = '${feature.names.label}';\` and \`static const String routeName = '${feature.route}';\``,
      `- lib/app.dart opens it at route ${feature.route} as \`${f.screenBuilder}\`: keep that constructor`,
    );
    if (f.entity) lines.push(`- works on ${f.entity.className} through ${f.entity.className}Repository`);
    for (const service of f.services) {
      lines.push(
        `- AppServices.${service.field} is a ${service.type} (declared in lib/${service.typeImport}); the contract creates it as \`${service.create}\` and tests as \`${service.fake}\``,
      );
    }
    for (const file of f.files) {
      for (const use of contract.usedByContract.get(file.path) ?? []) {
        lines.push(`- ${file.path} declares ${use.className}, used by ${use.usedIn.join(', ')}`);
      }
    }
    lines.push(
      `- its public classes start with ${feature.classes.prefix}`,
      `- widget test ${feature.paths.test}: pumps ${feature.classes.screen} (with test/support/test_services.dart) and exercises its main action; a test that checks nothing real is a QA finding`,
      `- files to write now: ${files.map((file) => file.path).join(', ')}`,
    );
  }
  const others = contract.features.filter((f) => !inChunk.has(f.feature.names.id));
  if (others.length)
    lines.push(
      '',
      `Other features, written in other requests (never write their files): ${others.map((f) => `${f.feature.names.label} (${f.feature.classes.screen})`).join(', ')}.`,
    );
  return lines.join('\n');
}
