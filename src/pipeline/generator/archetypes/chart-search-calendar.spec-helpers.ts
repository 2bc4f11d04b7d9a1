/**
 * Test helpers for the chart, search and calendar archetype specs: awkward app
 * specs, the features of one archetype in a plan, and the checks every
 * generated Dart file must pass (parses, imports only declared packages and
 * files that exist, public classes carry the feature's prefix).
 */
import * as path from 'node:path';
import { expect } from 'vitest';
import { extractDartDirectives, parseDart } from '../../qa/dart-parser';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { APP_SERVICES_PATH, FAKE_REPOSITORIES_PATH, FORMATTERS_PATH } from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import { requireEntity, type ArchetypeId } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { RESERVED_CLASS_NAMES } from '../plan/reserved-class-names';
import type { ArchetypeTemplate, FeatureContext } from './archetype';

export const BACKENDS = ['none', 'firebase', 'supabase', 'rest', 'graphql'] as const;

/** Feature labels that are hard to embed in Dart: quotes, `$`, backslashes, a line break. */
export const HOSTILE = `Boss's "\${x}" $y \\ report\nnext`;

export function appSpec(features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    slug: 'my-app',
    name: 'My App',
    description: '',
    platforms: [],
    style: '',
    backend: 'none',
    features,
    ...overrides,
  };
}

/** Every feature of `archetype` in the plan of `spec` (throws when there is none). */
export function contextsFor(spec: AppSpec, archetype: ArchetypeId): FeatureContext[] {
  const plan = planApp(spec);
  const contexts = plan.features
    .filter((feature) => feature.archetype === archetype)
    .map((feature) => ({ plan, feature }));
  if (contexts.length === 0) {
    throw new Error(
      `no ${archetype} feature in ${plan.features.map((f) => `${f.names.label}:${f.archetype}`).join(', ')}`,
    );
  }
  return contexts;
}

export function contextFor(spec: AppSpec, archetype: ArchetypeId): FeatureContext {
  return contextsFor(spec, archetype)[0];
}

export async function expectParses(files: readonly GeneratedFile[]): Promise<void> {
  for (const file of files.filter((candidate) => candidate.path.endsWith('.dart'))) {
    const result = await parseDart(file.content);
    expect(result.errors, `${file.path}\n${file.content}`).toEqual([]);
  }
}

/** Files the app shell writes that a feature may import. */
function shellFiles(ctx: FeatureContext): string[] {
  const entityFiles = ctx.plan.entities.flatMap((entity) => [entity.paths.model, entity.paths.repository]);
  return [...entityFiles, FORMATTERS_PATH, IDS_PATH, FAKE_REPOSITORIES_PATH, APP_SERVICES_PATH];
}

/**
 * Every `package:` import is flutter, flutter_test (tests only), the app's own
 * package or a declared dependency; every own or relative import points at a
 * file the template or the shell writes.
 */
export async function expectImportsResolve(template: ArchetypeTemplate, ctx: FeatureContext): Promise<void> {
  const files = template.files(ctx);
  const known = new Set([...files.map((file) => file.path), ...shellFiles(ctx)]);
  const dependencies = Object.keys(template.dependencies(ctx));
  const own = `package:${ctx.plan.packageName}/`;
  for (const file of files.filter((candidate) => candidate.path.endsWith('.dart'))) {
    const isTest = file.path.startsWith('test/');
    for (const directive of await extractDartDirectives(file.content)) {
      const uri = directive.uri;
      if (uri.startsWith('dart:')) continue;
      if (uri.startsWith(own)) {
        expect(known, `${file.path} imports ${uri}`).toContain(`lib/${uri.slice(own.length)}`);
        continue;
      }
      if (uri.startsWith('package:')) {
        const name = uri.slice('package:'.length).split('/')[0];
        const allowed = ['flutter', ...dependencies, ...(isTest ? ['flutter_test'] : [])];
        expect(allowed, `${file.path} imports ${uri}`).toContain(name);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri));
      expect(known, `${file.path} imports ${uri}`).toContain(target);
    }
  }
}

/** Public classes and typedefs declared in `source`. */
export function publicTypes(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(
    /^(?:(?:abstract|final|base|sealed|interface)\s+)*(?:class|typedef|enum|mixin)\s+(\w+)/gm,
  )) {
    if (!match[1].startsWith('_')) names.push(match[1]);
  }
  return names;
}

/** Every public type of the feature's lib files starts with its prefix and is no framework name. */
export function expectPrefixedTypes(template: ArchetypeTemplate, ctx: FeatureContext): void {
  const prefix = ctx.feature.classes.prefix;
  for (const file of template.files(ctx).filter((candidate) => candidate.path.startsWith('lib/'))) {
    for (const name of publicTypes(file.content)) {
      expect(name.startsWith(prefix), `${file.path} declares ${name}`).toBe(true);
      expect(RESERVED_CLASS_NAMES.has(name), `${file.path} declares ${name}`).toBe(false);
    }
  }
}

/** The screen file declares the screen class with its title and route. */
export function expectScreenContract(template: ArchetypeTemplate, ctx: FeatureContext, title: string): void {
  const { feature } = ctx;
  const screen = template.files(ctx).find((file) => file.path === feature.paths.screen);
  expect(screen, 'screen file').toBeDefined();
  const content = screen?.content ?? '';
  expect(content).toContain(`class ${feature.classes.screen} extends`);
  expect(content).toContain(`static const String title = ${title};`);
  expect(content).toContain(`static const String routeName = '${feature.route}';`);
  const entity = requireEntity(ctx.plan, feature);
  expect(template.screenBuilder(ctx)).toBe(`${feature.classes.screen}(repository: services.${entity.collection})`);
}

export function fileContent(files: readonly GeneratedFile[], filePath: string): string {
  const file = files.find((candidate) => candidate.path === filePath);
  if (!file) throw new Error(`no ${filePath} in ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}
