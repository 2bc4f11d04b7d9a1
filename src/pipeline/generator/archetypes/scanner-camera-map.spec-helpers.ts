/**
 * Test helpers for the scanner, camera and map archetype specs: awkward specs,
 * the feature of one archetype in a plan, and checks every generated Dart file
 * must pass (parses, imports only declared packages and existing files).
 */
import * as path from 'node:path';
import { expect } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { extractDartDirectives, parseDart } from '../../qa/dart-parser';
import type { AppPlan, ArchetypeId, PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import type { ArchetypeTemplate, FeatureContext } from './archetype';

export const BACKENDS = ['none', 'firebase', 'supabase', 'rest', 'graphql'] as const;

export function appSpec(features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    slug: 'field-kit',
    name: 'Field Kit',
    description: '',
    platforms: [],
    style: '',
    backend: 'none',
    features,
    ...overrides,
  };
}

export function featureOf(plan: AppPlan, archetype: ArchetypeId): PlannedFeature {
  const feature = plan.features.find((candidate) => candidate.archetype === archetype);
  if (!feature) throw new Error(`no ${archetype} feature in ${plan.features.map((f) => f.names.label).join(', ')}`);
  return feature;
}

export function contextFor(spec: AppSpec, archetype: ArchetypeId): FeatureContext {
  const plan = planApp(spec);
  return { plan, feature: featureOf(plan, archetype) };
}

export function dartFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((file) => file.path.endsWith('.dart'));
}

export async function expectParses(files: readonly GeneratedFile[]): Promise<void> {
  for (const file of dartFiles(files)) {
    const result = await parseDart(file.content);
    expect(result.errors, `${file.path}\n${file.content}`).toEqual([]);
  }
}

/**
 * Every `package:` import is flutter, flutter_test (tests only), the app's own
 * package, or a dependency the template declares; every relative import and
 * own-package import points at a file the template writes or the app shell
 * owns (`shellFiles`).
 */
export async function expectImportsResolve(
  template: ArchetypeTemplate,
  ctx: FeatureContext,
  shellFiles: readonly string[],
): Promise<void> {
  const files = template.files(ctx);
  const dependencies = Object.keys(template.dependencies(ctx));
  const written = new Set([...files.map((file) => file.path), ...shellFiles]);
  const pkg = ctx.plan.packageName;
  for (const file of dartFiles(files)) {
    for (const directive of await extractDartDirectives(file.content)) {
      const uri = directive.uri;
      if (uri.startsWith('dart:')) continue;
      if (uri.startsWith('package:')) {
        const name = uri.slice('package:'.length, uri.indexOf('/'));
        if (name === pkg) {
          expect(written, `${file.path} imports ${uri}`).toContain(`lib/${uri.slice(`package:${pkg}/`.length)}`);
        } else if (name === 'flutter_test') {
          expect(file.path.startsWith('test/'), `${file.path} imports flutter_test`).toBe(true);
        } else if (name !== 'flutter') {
          expect(dependencies, `${file.path} imports ${uri}`).toContain(name);
        }
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri));
      expect(written, `${file.path} imports ${uri}`).toContain(target);
    }
  }
}

/** Public class, mixin, enum, extension and typedef names a Dart file declares. */
export function publicDeclarations(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(
    /^(?:abstract |final |base |sealed |interface )*(?:class|mixin|enum|typedef|extension)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    if (!match[1].startsWith('_')) names.push(match[1]);
  }
  return names;
}

/** Specs that break naive templates: quotes, `$`, backslashes, other languages. */
export const HOSTILE_LABELS = {
  scanner: [`Bob's "QR" scanner $5 \\ ${'${x}'}`, 'Escáner de códigos', 'Quét mã QR', 'barcode'],
  camera: [`It's a "photo" $cam\\era`, 'Fotos subir', 'Chụp ảnh', 'camera'],
  map: [`Map of "Bob's" $places \\`, 'Mapa cercano', 'Bản đồ', 'nearby'],
} as const;
