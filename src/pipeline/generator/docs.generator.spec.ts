import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec, GeneratedFile } from './app-spec';
import { authBackend } from './archetypes/auth-backends';
import { backendWiring, repositoryImplementation } from './data/backends';
import { newerMessagesQuery } from './data/backends/chat-messages';
import { entityModelDart } from './data/entity-files';
import { architectureDocs, backendDocs, baDocs, briefDocs, designDocs } from './docs.generator';
import { generateFlutterProject } from './flutter-project.generator';
import type { AppPlan, BackendKind } from './plan/app-plan';
import { planApp } from './plan/plan-app';
import { awkwardSpec, manyFeatures, simpleSpec } from './testing/fixtures';
import { ENGLISH } from './ui-text';

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

interface DataModelDoc {
  backend: string;
  contract: string;
  entities: {
    name: string;
    dartClass: string;
    dartModel: string;
    storage: { kind: string; name: string };
    repository: { implementation: string; implementationPath: string };
    fields: { name: string; dartType: string; required: boolean }[];
  }[];
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
    expect(backendDocs({ ...spec, backend: 'GraphQL (Hasura)' }).map((file) => file.path)).toEqual([
      'docs/api_contract.md',
      'docs/schema.graphql',
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
    const features = planApp(spec).features;

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

    it('produces a valid OpenAPI 3.0 document with list, upsert and delete per entity', () => {
      const plan = planApp(spec);
      const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi;
      expect(openapi.openapi).toBe('3.0.3');
      expect(openapi.info.version).toBe('1.0.0');
      const entityPaths = Object.keys(openapi.paths).filter((path) => !path.startsWith('/auth/'));
      expect(entityPaths).toHaveLength(plan.entities.length * 2);
      const operations = Object.values(openapi.paths).flatMap((item) =>
        Object.entries(item).filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method)),
      );
      for (const [, operation] of operations) expect(Object.keys(operation.responses ?? {})).not.toHaveLength(0);
      const operationIds = operations.map(([, operation]) => operation.operationId);
      expect(new Set(operationIds).size).toBe(operationIds.length);
      const tags = openapi.tags.map((tag) => tag.name);
      expect(new Set(tags).size).toBe(tags.length);
      for (const ref of refs(openapi)) expect(resolvePointer(openapi, ref), ref).toBeDefined();
    });

    it('describes every planned entity in data_model.json', () => {
      const plan = planApp(spec);
      const model = JSON.parse(doc(backendDocs(spec), 'docs/data_model.json')) as DataModelDoc;
      expect(model.backend).toBe(plan.backend);
      expect(model.entities.map((entity) => entity.dartClass)).toEqual(plan.entities.map((entity) => entity.className));
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

// ---------------------------------------------------------------- backend docs against the generated Dart

/** Specs for every backend: several entities, sign-in with registration, hostile text. */
function backendSpec(backend: string, overrides: Partial<AppSpec> = {}): AppSpec {
  return simpleSpec({
    backend,
    name: `It's "${'$'}pecial" \\ app\n# not a heading`,
    description: 'Track expenses, chat and places.\n---\nkey: "value"',
    features: ['Expenses', 'Login and register', 'Chat', 'Map', `Bob's "quoted" list`],
    ...overrides,
  });
}

const BACKEND_KINDS: readonly BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

/** `[METHOD, path]` pairs the REST repositories send, read from their Dart source. */
function restCalls(plan: AppPlan): string[] {
  const wiring = backendWiring(plan);
  return plan.entities.flatMap((entity) => {
    const dart =
      wiring.files.find((file) => file.path === repositoryImplementation('rest', entity).path)?.content ?? '';
    const resource = /static const String resource = '([^']+)';/.exec(dart)?.[1];
    expect(dart).toContain("Uri get _collectionUri => Uri.parse('$_baseUrl/$resource');");
    expect(dart).toContain("Uri.parse('$_baseUrl/$resource/${Uri.encodeComponent(id)}')");
    const calls: string[] = [];
    if (/_client\.get\(\s*_collectionUri/.test(dart)) calls.push(`GET /${resource}`);
    if (dart.includes('_client.put(\n      _itemUri(')) calls.push(`PUT /${resource}/{id}`);
    if (dart.includes('_client.delete(_itemUri(')) calls.push(`DELETE /${resource}/{id}`);
    return calls;
  });
}

function openApiCalls(openapi: OpenApi): string[] {
  return Object.entries(openapi.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

interface SdlField {
  args: Map<string, string>;
  type: string;
}

/** A small SDL reader for the generated schema: object/input types with their fields, and scalars. */
function readSchema(sdl: string): { types: Map<string, Map<string, SdlField>>; scalars: Set<string> } {
  const types = new Map<string, Map<string, SdlField>>();
  for (const match of sdl.matchAll(/^(?:type|input) (\w+) \{\n([\s\S]*?)\n\}/gm)) {
    const fields = new Map<string, SdlField>();
    for (const line of match[2].split('\n')) {
      const field = /^ {2}(\w+)(?:\(([^)]*)\))?: (.+)$/.exec(line);
      if (!field) {
        expect(line.trim(), `unexpected line in ${match[1]}`).toMatch(/^"(?:[^"\\]|\\.)*"$/);
        continue;
      }
      const args = new Map(
        (field[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((arg) => arg.split(':').map((part) => part.trim()) as [string, string]),
      );
      fields.set(field[1], { args, type: field[3] });
    }
    types.set(match[1], fields);
  }
  const scalars = new Set([...sdl.matchAll(/^scalar (\w+)$/gm)].map((match) => match[1]));
  return { types, scalars };
}

function namedType(type: string): string {
  return type.replace(/[[\]!]/g, '');
}

/** The raw GraphQL documents (`r'''…'''`) in the app's Dart files. */
function graphqlDocumentsOf(files: readonly GeneratedFile[]): string[] {
  return files.flatMap((file) => [...file.content.matchAll(/r'''\n([\s\S]*?)'''/g)].map((match) => match[1]));
}

describe('backend docs describe what the app calls', () => {
  it.each(['none', 'firebase', 'supabase', 'rest'] as const)(
    '%s: openapi.yaml paths equal the REST repository URLs (plus the auth endpoints for rest)',
    (backend) => {
      const spec = backendSpec(backend);
      const plan = planApp(spec);
      const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi;
      const expected = restCalls({ ...plan, backend: 'rest' });
      expect(expected).toHaveLength(plan.entities.length * 3);
      if (backend === 'rest') {
        // The sign-in feature's HttpAuthService posts to these paths.
        const auth = authBackend('rest').dart(true, ENGLISH);
        const authPaths = [...auth.matchAll(/_authenticate\('([^']+)'/g)].map((match) => `POST ${match[1]}`);
        expect(authPaths.sort()).toEqual(['POST /auth/login', 'POST /auth/register']);
        expected.push(...authPaths);
      }
      expect(openApiCalls(openapi).sort()).toEqual(expected.sort());
    },
  );

  it.each(['rest', 'graphql'] as const)('%s: photos kept on the device are no part of the API contract', (backend) => {
    const spec = simpleSpec({ backend, features: ['Chat', 'Camera'] });
    const files = backendDocs(spec);
    const contract = files.find((file) => file.path === 'docs/openapi.yaml' || file.path === 'docs/schema.graphql');
    expect(contract?.content).toMatch(/ChatMessage/);
    expect(contract?.content).not.toMatch(/Photo/);
    expect(doc(files, 'docs/api_contract.md')).not.toMatch(/Photo/);
    expect(doc(files, 'docs/data_model.json')).not.toMatch(/"dartClass": "Photo"/);
  });

  it('rest without registration documents only /auth/login', () => {
    const spec = backendSpec('rest', {
      features: ['Expenses', 'Sign in'],
      description: 'Track expenses. Invite-only: accounts are created by an admin.',
    });
    const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi;
    expect(Object.keys(openapi.paths)).toContain('/auth/login');
    expect(Object.keys(openapi.paths)).not.toContain('/auth/register');
  });

  it('rest with sign-in in a consumer app documents /auth/register too', () => {
    const spec = backendSpec('rest', { features: ['Expenses', 'Sign in'], description: 'Track your own expenses.' });
    const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi;
    expect(Object.keys(openapi.paths)).toContain('/auth/register');
    expect(doc(backendDocs(spec), 'docs/api_contract.md')).toContain('`/auth/register`');
  });

  it('rest without a sign-in feature documents no auth endpoint', () => {
    const spec = backendSpec('rest', { features: ['Expenses'] });
    const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi;
    expect(Object.keys(openapi.paths).filter((path) => path.startsWith('/auth'))).toEqual([]);
  });

  it('graphql: schema.graphql declares every operation, argument and selected field the documents use', () => {
    const spec = backendSpec('graphql');
    const plan = planApp(spec);
    const files = backendDocs(spec);
    expect(files.map((file) => file.path)).not.toContain('docs/openapi.yaml');
    const { types, scalars } = readSchema(doc(files, 'docs/schema.graphql'));
    const known = (name: string): boolean =>
      ['ID', 'String', 'Int', 'Float', 'Boolean'].includes(name) || scalars.has(name) || types.has(name);
    for (const [typeName, fields] of types) {
      for (const [fieldName, field] of fields) {
        expect(known(namedType(field.type)), `${typeName}.${fieldName}: ${field.type}`).toBe(true);
        for (const arg of field.args.values()) expect(known(namedType(arg)), arg).toBe(true);
      }
    }
    const documents = graphqlDocumentsOf(backendWiring(plan).files);
    // A chat's messages have a fourth: the poll's `fetchNewer`.
    const newer = plan.entities.filter((entity) => newerMessagesQuery(plan, entity)).length;
    expect(documents).toHaveLength(plan.entities.length * 3 + newer);
    for (const source of documents) {
      const operation =
        /^(query|mutation) (\w+)(?:\(([^)]*)\))? \{\n {2}(\w+)(?:\(([^)]*)\))?(?: \{\n([\s\S]*?)\n {2}\})?\n\}\n$/.exec(
          source,
        );
      expect(operation, source).not.toBeNull();
      const [, kind, , variables, rootField, args, selection] = operation as RegExpExecArray;
      const root = types.get(kind === 'query' ? 'Query' : 'Mutation');
      const field = root?.get(rootField);
      expect(field, `${kind} ${rootField}`).toBeDefined();
      const declared = new Map(
        (variables ?? '')
          .split(',')
          .filter(Boolean)
          .map((variable) => variable.split(':').map((part) => part.trim()) as [string, string]),
      );
      for (const arg of (args ?? '').split(',').filter(Boolean)) {
        const [name, value] = arg.split(':').map((part) => part.trim());
        expect(field?.args.get(name), `${rootField}(${name})`).toBe(declared.get(value));
      }
      // Arguments a document leaves out are optional (a chat's `since`).
      const passed = new Set(
        (args ?? '')
          .split(',')
          .filter(Boolean)
          .map((arg) => arg.split(':')[0].trim()),
      );
      for (const [name, type] of field?.args ?? []) if (!passed.has(name)) expect(type, name).not.toMatch(/!$/);
      const returned = types.get(namedType(field?.type ?? ''));
      const selected = (selection ?? '').split('\n').map((line) => line.trim());
      for (const name of selected.filter(Boolean)) {
        expect(returned?.has(name), `${rootField} { ${name} }`).toBe(true);
      }
    }
    // Every input field of a save mutation is a field of its object type, with the same type.
    for (const [name, fields] of types) {
      if (!name.endsWith('Input')) continue;
      const object = types.get(name.slice(0, -'Input'.length));
      for (const [fieldName, field] of fields) expect(object?.get(fieldName)?.type, fieldName).toBe(field.type);
    }
  });

  it.each(BACKEND_KINDS)('%s: data_model.json field names equal the Dart model fields', (backend) => {
    const spec = backendSpec(backend);
    const plan = planApp(spec);
    const model = JSON.parse(doc(backendDocs(spec), 'docs/data_model.json')) as DataModelDoc;
    expect(model.contract).toBe(backend === 'graphql' ? 'docs/schema.graphql' : 'docs/openapi.yaml');
    expect(model.entities).toHaveLength(plan.entities.length);
    for (const [index, entity] of plan.entities.entries()) {
      const described = model.entities[index];
      const dart = entityModelDart(entity);
      const dartFields = [...dart.matchAll(/^ {2}final ([\w?<>]+) (\w+);$/gm)].map((match) => ({
        name: match[2],
        dartType: match[1],
      }));
      expect(described.fields.map(({ name, dartType }) => ({ name, dartType }))).toEqual(dartFields);
      const jsonKeys = [...dart.matchAll(/^ {8}'(\w+)': /gm)].map((match) => match[1]);
      expect(described.fields.map((field) => field.name)).toEqual(jsonKeys);
      expect(described.dartModel).toBe(entity.paths.model);
      const impl = repositoryImplementation(backend, entity);
      expect(described.repository).toMatchObject({ implementation: impl.className, implementationPath: impl.path });
      expect(backendWiring(plan).files.map((file) => file.path)).toContain(impl.path);
    }
  });

  it.each(BACKEND_KINDS)('%s: api_contract.md names each entity, its storage and repository', (backend) => {
    const spec = backendSpec(backend);
    const plan = planApp(spec);
    const contract = doc(backendDocs(spec), 'docs/api_contract.md');
    for (const entity of plan.entities) {
      expect(contract).toContain(`\`${entity.className}\``);
      expect(contract).toContain(repositoryImplementation(backend, entity).className);
      expect(contract).toContain(backend === 'graphql' ? entity.collection : entity.tableName);
    }
    expect(contract.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  it('keeps hostile app text out of the YAML structure and the GraphQL syntax', () => {
    const spec = backendSpec('rest');
    const openapi = parse(doc(backendDocs(spec), 'docs/openapi.yaml')) as OpenApi & { info: { description: string } };
    expect(openapi.info.title).toBe(`It's "${'$'}pecial" \\ app # not a heading`);
    expect(openapi.info.description).toContain('key: "value"');
    const schema = doc(backendDocs({ ...spec, backend: 'graphql' }), 'docs/schema.graphql');
    // Comments are single lines; descriptions are quoted strings on their own lines.
    for (const line of schema.split('\n')) {
      expect(line, line).toMatch(/^(?:#.*|".*"|\s+".*"|(?:type|input|scalar) .*|\s+\w+.*|\}|)$/);
    }
  });
});

describe('user stories of what people post (a listing’s seller)', () => {
  const spec = (backend: string): AppSpec =>
    simpleSpec({
      description: 'Neighbourhood marketplace: sell used items with photos and a price; sign up with email',
      features: ['auth', 'listings'],
      backend,
    });

  it('says others’ listings are read-only and the user’s own are marked', () => {
    expect(doc(baDocs(spec('firebase')), 'docs/user_stories.md')).toContain(
      '- Given listings other users posted, then I see them but can neither edit nor delete them; the ones I posted say "Posted by you".',
    );
  });

  it('promises nothing the app cannot tell: a REST server keeps the creator to itself', () => {
    expect(doc(baDocs(spec('rest')), 'docs/user_stories.md')).not.toContain('other users posted');
  });
});
