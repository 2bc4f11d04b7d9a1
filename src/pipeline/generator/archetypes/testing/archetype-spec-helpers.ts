/**
 * Test helpers shared by the archetype specs: awkward app specs, the features
 * of one archetype in a plan, and the checks every generated feature must pass
 * (Dart parses, imports resolve, dependencies are used, class names carry the
 * prefix, services point at files that exist, user text is escaped).
 */
import * as path from 'node:path';
import { expect } from 'vitest';
import { extractDartDirectives, parseDart } from '../../../qa/dart-parser';
import type { AppSpec, GeneratedFile } from '../../app-spec';
import { dartString } from '../../dart-string';
import { repositoryImplementation } from '../../data/backends';
import { APP_SERVICES_PATH, FAKE_REPOSITORIES_PATH, FORMATTERS_PATH } from '../../data/entity-dart';
import { IDS_PATH } from '../../data/entity-files';
import { requireEntity, type AppPlan, type ArchetypeId, type EntityPlan } from '../../plan/app-plan';
import { generateFlutterProject } from '../../flutter-project.generator';
import { planApp } from '../../plan/plan-app';
import { RESERVED_CLASS_NAMES } from '../../plan/reserved-class-names';
import type { ArchetypeTemplate, FeatureContext } from '../archetype';
import { RECORD_REPOSITORY_PATH } from '../records-library';
import { needsUserMessage, USER_MESSAGE_PATH } from '../records-user-message';
import { bracketProblem } from '../../testing/dart-brackets';
import { unresolvedImports } from '../../testing/project-checks';

export const BACKENDS = ['none', 'firebase', 'supabase', 'rest', 'graphql'] as const;

/** Feature labels that are hard to embed in Dart: quotes, `$`, backslashes, a line break. */
export const HOSTILE = `Boss's "\${x}" $y \\ report\nnext`;

/** Specs that break naive templates: quotes, `$`, backslashes, other languages. */
export const HOSTILE_LABELS = {
  scanner: [`Bob's "QR" scanner $5 \\ ${'${x}'}`, 'Escáner de códigos', 'Quét mã QR', 'barcode'],
  camera: [`It's a "photo" $cam\\era`, 'Fotos subir', 'Chụp ảnh', 'camera'],
  map: [`Map of "Bob's" $places \\`, 'Mapa cercano', 'Bản đồ', 'nearby'],
} as const;

/** Labels that break naive templates: quotes, `$`, backslashes, newlines, other languages. */
export function hostile(word: string): string {
  return `Bob's "${word}" $x \${y} \\ end`;
}

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

/** The context with the feature's entity replaced (other field sets than the planned one). */
export function withEntity(ctx: FeatureContext, change: (entity: EntityPlan) => EntityPlan): FeatureContext {
  const entities = ctx.plan.entities.map((entity) =>
    entity.className === ctx.feature.entity ? change(entity) : entity,
  );
  return { ...ctx, plan: { ...ctx.plan, entities } };
}

/** Files of the app shell and data layer (written by the lead) that features may import. */
export function shellFiles(plan: AppPlan): string[] {
  return [
    FORMATTERS_PATH,
    IDS_PATH,
    FAKE_REPOSITORIES_PATH,
    APP_SERVICES_PATH,
    // The app's name and version; the shell writes it for every app.
    'lib/config/app_info.dart',
    // Sibling screens a feature opens by their routeName (e.g. the checkout's products).
    ...plan.features.map((feature) => feature.paths.screen),
    ...plan.entities.flatMap((entity) => [entity.paths.model, entity.paths.repository]),
    // readRecords (the chat's live query skips unreadable messages with it) and userMessage.
    ...(plan.entities.length > 0 ? [RECORD_REPOSITORY_PATH] : []),
    ...(needsUserMessage(plan) ? [USER_MESSAGE_PATH] : []),
    // The backend's repositories (their collection / table names: the chat's live query).
    ...plan.entities.map((entity) => repositoryImplementation(plan.backend, entity).path),
  ];
}

/** The whole generated project of `spec`, by path. */
export function generatedProject(spec: AppSpec): Map<string, string> {
  return new Map(generateFlutterProject(spec).map((file) => [file.path, file.content]));
}

/** One file of a generated project; fails the test when it was not generated. */
export function projectFile(files: Map<string, string>, path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`${path} was not generated`);
  return content;
}

export function dartFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((file) => file.path.endsWith('.dart'));
}

export function fileContent(files: readonly GeneratedFile[], filePath: string): string {
  const file = files.find((candidate) => candidate.path === filePath);
  if (!file) throw new Error(`no file ${filePath} in ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

/** The content of the one file of the template whose path ends in `suffix`. */
export function fileEndingWith(template: ArchetypeTemplate, ctx: FeatureContext, suffix: string): string {
  const file = template.files(ctx).find((candidate) => candidate.path.endsWith(suffix));
  if (!file) throw new Error(`no file ending in ${suffix}`);
  return file.content;
}

export async function expectParses(files: readonly GeneratedFile[]): Promise<void> {
  for (const file of dartFiles(files)) {
    const result = await parseDart(file.content);
    expect(result.errors, `${file.path}\n${file.content}`).toEqual([]);
  }
}

/**
 * Every `package:` import is flutter, flutter_test (tests only), the app's own
 * package or a declared dependency; relative and own-package imports point at
 * a file this template writes or the shell owns (`shell`, by default every
 * file the app shell and data layer write).
 */
export async function expectImportsResolve(
  template: ArchetypeTemplate,
  ctx: FeatureContext,
  shell: readonly string[] = shellFiles(ctx.plan),
): Promise<void> {
  const files = template.files(ctx);
  const dependencies = Object.keys(template.dependencies(ctx));
  const known = new Set([...files.map((file) => file.path), ...shell]);
  const pkg = ctx.plan.packageName;
  for (const file of dartFiles(files)) {
    for (const { uri } of await extractDartDirectives(file.content)) {
      if (uri.startsWith('dart:')) continue;
      if (uri.startsWith('package:')) {
        const name = uri.slice('package:'.length, uri.indexOf('/'));
        if (name === pkg)
          expect(known, `${file.path} imports ${uri}`).toContain(`lib/${uri.slice(`package:${pkg}/`.length)}`);
        else if (name === 'flutter_test')
          expect(file.path.startsWith('test/'), `${file.path} imports ${uri}`).toBe(true);
        else if (name !== 'flutter') expect(dependencies, `${file.path} imports ${uri}`).toContain(name);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri));
      expect(known, `${file.path} imports ${uri}`).toContain(target);
    }
  }
}

/** Every dependency the template declares is imported by one of its files. */
export async function expectDependenciesUsed(template: ArchetypeTemplate, ctx: FeatureContext): Promise<void> {
  const imported = new Set<string>();
  for (const file of dartFiles(template.files(ctx))) {
    for (const { uri } of await extractDartDirectives(file.content)) {
      if (uri.startsWith('package:')) imported.add(uri.slice('package:'.length, uri.indexOf('/')));
    }
  }
  for (const name of Object.keys(template.dependencies(ctx))) expect(imported, `dependency ${name}`).toContain(name);
}

/** Public class, mixin, enum, extension and typedef names a Dart file declares. */
export function publicTypes(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(
    /^(?:abstract |final |base |sealed |interface )*(?:class|mixin|enum|typedef|extension)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    if (!match[1].startsWith('_')) names.push(match[1]);
  }
  return names;
}

/** Every public type in the feature's files starts with the feature's prefix and is no framework name. */
export function expectPrefixedTypes(template: ArchetypeTemplate, ctx: FeatureContext): void {
  const prefix = ctx.feature.classes.prefix;
  for (const file of dartFiles(template.files(ctx))) {
    for (const name of publicTypes(file.content)) {
      expect(name.startsWith(prefix), `${file.path} declares ${name}`).toBe(true);
      expect(RESERVED_CLASS_NAMES.has(name), `${file.path} declares ${name}`).toBe(false);
    }
  }
}

/** The screen file declares the screen class with its title and route, built on the entity's repository. */
export function expectScreenContract(template: ArchetypeTemplate, ctx: FeatureContext, title: string): void {
  const { feature } = ctx;
  const content = fileContent(template.files(ctx), feature.paths.screen);
  expect(content).toContain(`class ${feature.classes.screen} extends`);
  expect(content).toContain(`static const String title = ${title};`);
  expect(content).toContain(`static const String routeName = '${feature.route}';`);
  const entity = requireEntity(ctx.plan, feature);
  expect(template.screenBuilder(ctx)).toBe(`${feature.classes.screen}(repository: services.${entity.collection})`);
}

/** The screen declares its class, the escaped title and the route; the test pumps it. */
export function expectScreenAndTest(template: ArchetypeTemplate, ctx: FeatureContext): void {
  const files = template.files(ctx);
  const screen = fileContent(files, ctx.feature.paths.screen);
  const { classes, names, route } = ctx.feature;
  expect(screen).toContain(`class ${classes.screen} extends`);
  expect(screen).toContain(`static const String title = ${dartString(names.label)};`);
  expect(screen).toContain(`static const String routeName = '${route}';`);
  const test = fileContent(files, ctx.feature.paths.test);
  expect(test).toContain('testWidgets(');
  expect(test).toContain(`home: ${classes.screen}(`);
  expect(test).toMatch(/tester\.(tap|enterText)\(/);
  expect(template.screenBuilder(ctx)).toMatch(new RegExp(`^(const )?${classes.screen}\\(`));
}

/**
 * Each ServiceDecl the feature owns has its files: the type's file, what
 * `create` needs, and the fake's file declaring the fake. Shared services of
 * other features (the `auth` session) are only checked to be used.
 */
export function expectServicesWired(template: ArchetypeTemplate, ctx: FeatureContext): void {
  const files = template.files(ctx);
  const known = new Set([...files.map((file) => file.path), ...shellFiles(ctx.plan)]);
  const builder = template.screenBuilder(ctx);
  for (const decl of template.services?.(ctx) ?? []) {
    if (!`lib/${decl.typeImport}`.startsWith(`${ctx.feature.paths.dir}/`)) {
      expect(builder).toContain(`services.${decl.field}`);
      continue;
    }
    expect(known, decl.typeImport).toContain(`lib/${decl.typeImport}`);
    for (const lib of decl.createImports) expect(known, lib).toContain(`lib/${lib}`);
    expect(builder).toContain(`services.${decl.field}`);
    if (decl.fakeImport && files.some((file) => file.path === decl.fakeImport)) {
      const fakeClass = decl.fake.match(/^(?:const )?([A-Za-z_]\w*)/)?.[1] ?? '';
      expect(fileContent(files, decl.fakeImport)).toContain(`class ${fakeClass} implements ${decl.type}`);
    }
  }
}

/**
 * Every use of a type the feature declares (or an entity class) is in a file
 * that declares it or imports the file that does: the mistake `dart analyze`
 * would report as an undefined class.
 */
export async function expectOwnTypesImported(template: ArchetypeTemplate, ctx: FeatureContext): Promise<void> {
  const files = dartFiles(template.files(ctx));
  const declaredIn = new Map<string, string>();
  for (const file of files) for (const name of publicTypes(file.content)) declaredIn.set(name, file.path);
  for (const entity of ctx.plan.entities) {
    declaredIn.set(entity.className, entity.paths.model);
    declaredIn.set(`${entity.className}Repository`, entity.paths.repository);
    declaredIn.set(`InMemory${entity.className}Repository`, FAKE_REPOSITORIES_PATH);
  }
  const pkg = ctx.plan.packageName;
  for (const file of files) {
    const imported = new Set<string>([file.path]);
    for (const { uri } of await extractDartDirectives(file.content)) {
      if (uri.startsWith(`package:${pkg}/`)) imported.add(`lib/${uri.slice(`package:${pkg}/`.length)}`);
      else if (!uri.includes(':'))
        imported.add(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri)));
    }
    const code = file.content.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    for (const [name, home] of declaredIn) {
      if (!new RegExp(`\\b${name}\\b`).test(code)) continue;
      expect(imported, `${file.path} uses ${name} from ${home}`).toContain(home);
    }
  }
}

/** The checks every feature must pass, for one context. */
export async function expectSoundFeature(template: ArchetypeTemplate, ctx: FeatureContext): Promise<void> {
  const files = template.files(ctx);
  expect(files.map((file) => file.path)).toContain(ctx.feature.paths.screen);
  expect(files.map((file) => file.path)).toContain(ctx.feature.paths.test);
  expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
  for (const file of files)
    expect(file.path.startsWith(ctx.feature.paths.dir) || file.path.startsWith('test/')).toBe(true);
  await expectParses(files);
  await expectImportsResolve(template, ctx);
  await expectDependenciesUsed(template, ctx);
  await expectOwnTypesImported(template, ctx);
  expectPrefixedTypes(template, ctx);
  expectScreenAndTest(template, ctx);
  expectServicesWired(template, ctx);
  expect(template.summary(ctx).length).toBeGreaterThan(10);
  expect(template.summary(ctx)).not.toMatch(/[\n\r]/);
}

/** A whole generated project: every Dart file's brackets balance and every import resolves. */
export function expectSoundProject(files: readonly GeneratedFile[]): void {
  const brackets = dartFiles(files)
    .map((file) => [file.path, bracketProblem(file.content)] as const)
    .filter(([, problem]) => problem !== null);
  expect(brackets).toEqual([]);
  expect(unresolvedImports(files)).toEqual([]);
}
