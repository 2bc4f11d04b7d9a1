import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec, GeneratedFile } from './app-spec';
import { architectureDocs, backendDocs, baDocs, briefDocs, designDocs } from './docs.generator';
import { generateFlutterProject } from './flutter-project.generator';
import { projectFeatures } from './project-features';
import { awkwardSpec, manyFeatures, simpleSpec } from './testing/fixtures';

const ALL_DOCS = [briefDocs, baDocs, backendDocs, architectureDocs, designDocs];

function doc(files: readonly GeneratedFile[], filePath: string): string {
  const found = files.find((file) => file.path === filePath);
  if (!found) throw new Error(`${filePath} was not generated`);
  return found.content;
}

/** Every `$ref` in an OpenAPI document, e.g. `#/components/schemas/X`. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refs(child),
  );
}

function resolvePointer(root: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );
}

interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
}

const SPECS: ReadonlyArray<readonly [string, AppSpec]> = [
  ['simple', simpleSpec({ backend: 'rest' })],
  ['awkward', awkwardSpec()],
  ['20 features', simpleSpec({ features: manyFeatures(20), backend: 'supabase' })],
];

describe('phase docs', () => {
  it('writes the documented paths under docs/', () => {
    const spec = simpleSpec();
    expect(briefDocs(spec).map((file) => file.path)).toEqual(['docs/input.json', 'docs/app_brief.md']);
    expect(baDocs(spec).map((file) => file.path)).toEqual([
      'docs/requirements.md',
      'docs/user_stories.md',
      'docs/product_spec.json',
    ]);
    expect(backendDocs(spec).map((file) => file.path)).toEqual([
      'docs/api_contract.md',
      'docs/openapi.yaml',
      'docs/data_model.json',
    ]);
    expect(architectureDocs(spec).map((file) => file.path)).toEqual(['docs/architecture.md']);
    expect(designDocs(spec).map((file) => file.path)).toEqual(['docs/design.md']);
  });

  it('is deterministic', () => {
    const spec = awkwardSpec();
    for (const generate of ALL_DOCS) expect(generate(structuredClone(spec))).toEqual(generate(spec));
  });

  describe.each(SPECS)('%s spec', (_name, spec) => {
    const features = projectFeatures(spec.features);

    it('stores the spec as pretty JSON', () => {
      const input = doc(briefDocs(spec), 'docs/input.json');
      expect(JSON.parse(input)).toEqual(spec);
      expect(input).toContain('\n  "slug"');
    });

    it('writes one user story with acceptance criteria per feature', () => {
      const stories = doc(baDocs(spec), 'docs/user_stories.md');
      expect(stories.match(/^## US-\d+ — /gm)).toHaveLength(features.length);
      expect(stories.match(/\*\*Acceptance criteria\*\*/g)).toHaveLength(features.length);
      const product = JSON.parse(doc(baDocs(spec), 'docs/product_spec.json')) as {
        features: { screen: string; test: string }[];
      };
      expect(product.features.map((feature) => feature.screen)).toEqual(
        features.map((feature) => feature.paths.screen),
      );
    });

    it('produces a valid OpenAPI 3.0 document with CRUD paths per feature', () => {
      const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi;
      expect(openapi.openapi).toBe('3.0.3');
      expect(openapi.info.version).toBe('1.0.0');
      expect(Object.keys(openapi.paths)).toHaveLength(features.length * 2);
      const operations = Object.values(openapi.paths).flatMap((item) =>
        Object.entries(item).filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method)),
      );
      expect(operations).toHaveLength(features.length * 5);
      for (const [, operation] of operations) expect(Object.keys(operation.responses ?? {})).not.toHaveLength(0);
      const operationIds = operations.map(([, operation]) => operation.operationId);
      expect(new Set(operationIds).size).toBe(operationIds.length);
      const tags = openapi.tags.map((tag) => tag.name);
      expect(new Set(tags).size).toBe(tags.length);
      for (const ref of refs(openapi)) expect(resolvePointer(openapi, ref), ref).toBeDefined();
    });

    it('describes one entity per feature in data_model.json', () => {
      const model = JSON.parse(doc(backendDocs(spec), 'docs/data_model.json')) as { entities: { featureId: string }[] };
      expect(model.entities.map((entity) => entity.featureId)).toEqual(features.map((feature) => feature.names.id));
    });

    it('lists the real generated paths in architecture.md', () => {
      const architecture = doc(architectureDocs(spec), 'docs/architecture.md');
      for (const file of generateFlutterProject(spec)) {
        const segments = file.path.split('/');
        const depth = segments.length;
        // Each file appears as its own line, indented by its depth under `source/`.
        expect(architecture).toContain(`\n${'  '.repeat(depth)}${segments[depth - 1]}\n`);
      }
      for (const feature of features) expect(architecture).toContain(`\`${feature.route}\``);
    });

    it('documents the theme tokens of app_theme.dart in design.md', () => {
      const theme = doc(generateFlutterProject(spec), 'lib/theme/app_theme.dart');
      const design = doc(designDocs(spec), 'docs/design.md');
      const seed = /Color\((0x[0-9A-F]{8})\)/.exec(theme)?.[1];
      const radius = /cornerRadius = ([\d.]+);/.exec(theme)?.[1];
      const mode = /defaultMode = (ThemeMode\.\w+);/.exec(theme)?.[1];
      expect(design).toContain(`Color(${seed})`);
      expect(design).toContain(`AppTheme.cornerRadius = ${radius}`);
      expect(design).toContain(`AppTheme.defaultMode = ${mode}`);
      for (const state of ['Loading', 'Empty', 'Error']) expect(design).toContain(`| ${state} |`);
    });
  });

  it('keeps user text on one line in headings and tables', () => {
    const spec = awkwardSpec({ name: 'Evil\n# injected heading', features: ['a\n| injected | row |', 'b'] });
    const markdown = ALL_DOCS.flatMap((generate) => generate(spec)).filter((file) => file.path.endsWith('.md'));
    for (const file of markdown) {
      const lines = file.content.split('\n');
      expect(
        lines.filter((line) => line.startsWith('# injected')),
        file.path,
      ).toEqual([]);
      expect(
        lines.filter((line) => line.startsWith('| injected')),
        file.path,
      ).toEqual([]);
    }
  });
});
