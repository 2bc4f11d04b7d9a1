/**
 * Backend phase docs: OpenAPI 3.0 contract, data model and a readable API
 * contract. Resource shapes mirror the generated Dart models and repositories.
 */
import { stringify } from 'yaml';
import type { AppSpec } from '../app-spec';
import { singleLine } from '../dart-string';
import type { ProjectFeature } from '../project-features';
import { appDescription, appDisplayName } from '../spec-text';
import { blockquote, bulletList, document, inline, table } from './markdown';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** `/todo-list`: REST-style kebab case of the feature id. */
export function resourcePath(feature: ProjectFeature): string {
  return `/${feature.names.id.replace(/_/g, '-')}`;
}

/**
 * Schema names come from the class stem, which is unique per project; the Dart
 * model class may carry a `Feature` infix, and two such names could coincide.
 */
export function schemaName(feature: ProjectFeature): string {
  return `${feature.names.className}Item`;
}

function inputSchemaName(feature: ProjectFeature): string {
  return `${schemaName(feature)}Input`;
}

function schemaRef(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}

function jsonContent(schema: Json): Json {
  return { 'application/json': { schema } };
}

/** OpenAPI tag names must be unique; labels that collapse to the same line get their id appended. */
function tagNames(features: readonly ProjectFeature[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const feature of features) {
    const base = singleLine(feature.names.label) || feature.names.id;
    let tag = base;
    for (let n = 1; used.has(tag); n++)
      tag = n === 1 ? `${base} (${feature.names.id})` : `${base} (${feature.names.id} ${n})`;
    used.add(tag);
    names.set(feature.names.id, tag);
  }
  return names;
}

function collectionOperations(feature: ProjectFeature, tag: string): Json {
  const item = schemaName(feature);
  const stem = feature.names.className;
  const label = singleLine(feature.names.label);
  return {
    get: {
      tags: [tag],
      summary: `List ${label} entries`,
      operationId: `list${stem}Items`,
      responses: {
        '200': { description: 'All entries', content: jsonContent({ type: 'array', items: schemaRef(item) }) },
      },
    },
    post: {
      tags: [tag],
      summary: `Create a ${label} entry`,
      operationId: `create${stem}Item`,
      requestBody: { required: true, content: jsonContent(schemaRef(inputSchemaName(feature))) },
      responses: {
        '201': { description: 'Created', content: jsonContent(schemaRef(item)) },
        '400': { $ref: '#/components/responses/BadRequest' },
      },
    },
  };
}

function itemOperations(feature: ProjectFeature, tag: string): Json {
  const item = schemaName(feature);
  const stem = feature.names.className;
  const label = singleLine(feature.names.label);
  return {
    parameters: [{ $ref: '#/components/parameters/ItemId' }],
    get: {
      tags: [tag],
      summary: `Get one ${label} entry`,
      operationId: `get${stem}Item`,
      responses: {
        '200': { description: 'The entry', content: jsonContent(schemaRef(item)) },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
    put: {
      tags: [tag],
      summary: `Replace a ${label} entry`,
      operationId: `update${stem}Item`,
      requestBody: { required: true, content: jsonContent(schemaRef(inputSchemaName(feature))) },
      responses: {
        '200': { description: 'Updated', content: jsonContent(schemaRef(item)) },
        '400': { $ref: '#/components/responses/BadRequest' },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
    delete: {
      tags: [tag],
      summary: `Delete a ${label} entry`,
      operationId: `delete${stem}Item`,
      responses: {
        '204': { description: 'Deleted' },
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
  };
}

function featureSchemas(feature: ProjectFeature): Record<string, Json> {
  return {
    [schemaName(feature)]: {
      type: 'object',
      required: ['id', 'title', 'done'],
      properties: {
        id: { type: 'string', readOnly: true },
        title: { type: 'string', minLength: 1 },
        done: { type: 'boolean', default: false },
      },
    },
    [inputSchemaName(feature)]: {
      type: 'object',
      required: ['title'],
      properties: {
        title: { type: 'string', minLength: 1 },
        done: { type: 'boolean', default: false },
      },
    },
  };
}

const SHARED_COMPONENTS = {
  parameters: {
    ItemId: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
  },
  responses: {
    BadRequest: { description: 'Invalid input', content: jsonContent(schemaRef('Error')) },
    NotFound: { description: 'No entry with this id', content: jsonContent(schemaRef('Error')) },
  },
  securitySchemes: {
    bearerAuth: { type: 'http', scheme: 'bearer' },
  },
} satisfies Record<string, Json>;

export function openApiDocument(spec: AppSpec, features: readonly ProjectFeature[]): Json {
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = {
    Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
  };
  const tags = tagNames(features);
  for (const feature of features) {
    const tag = tags.get(feature.names.id) ?? feature.names.id;
    paths[resourcePath(feature)] = collectionOperations(feature, tag);
    paths[`${resourcePath(feature)}/{id}`] = itemOperations(feature, tag);
    Object.assign(schemas, featureSchemas(feature));
  }
  return {
    openapi: '3.0.3',
    info: { title: appDisplayName(spec), description: appDescription(spec), version: '1.0.0' },
    servers: [{ url: 'https://api.example.com/v1', description: 'Placeholder; replace per environment' }],
    security: [{ bearerAuth: [] }],
    tags: [...tags.values()].map((name) => ({ name })),
    paths,
    components: { ...SHARED_COMPONENTS, schemas },
  };
}

export function openApiYaml(spec: AppSpec, features: readonly ProjectFeature[]): string {
  // aliasDuplicateObjects off: shared sub-objects must be written out, not as YAML anchors.
  return stringify(openApiDocument(spec, features), { lineWidth: 0, aliasDuplicateObjects: false });
}

interface StorageHint {
  kind: 'firestore_collection' | 'table' | 'graphql_type' | 'rest_resource';
  name: string;
}

interface DataField {
  name: string;
  type: 'string' | 'boolean';
  required: boolean;
  description: string;
  default?: boolean;
}

export interface DataModel {
  backend: string;
  entities: {
    /** Schema name in openapi.yaml. */
    name: string;
    dartClass: string;
    feature: string;
    featureId: string;
    storage: StorageHint;
    dartModel: string;
    fields: DataField[];
  }[];
}

/** Mirrors the generated Dart model (`id`, `title`, `done`). */
const ENTITY_FIELDS: readonly DataField[] = [
  { name: 'id', type: 'string', required: true, description: 'Server-assigned identifier' },
  { name: 'title', type: 'string', required: true, description: 'Text entered by the user (non-empty)' },
  { name: 'done', type: 'boolean', required: true, description: 'Whether the entry is completed', default: false },
];

/** Where each entity lives for the requested backend. */
function storageFor(backend: string, feature: ProjectFeature): StorageHint {
  const key = backend.trim().toLowerCase();
  if (key.includes('firebase') || key.includes('firestore'))
    return { kind: 'firestore_collection', name: feature.names.id };
  if (key.includes('supabase') || key.includes('postgres') || key.includes('sql'))
    return { kind: 'table', name: feature.names.id };
  if (key.includes('graphql')) return { kind: 'graphql_type', name: schemaName(feature) };
  return { kind: 'rest_resource', name: resourcePath(feature) };
}

export function dataModel(spec: AppSpec, features: readonly ProjectFeature[]): DataModel {
  return {
    backend: spec.backend,
    entities: features.map((feature) => ({
      name: schemaName(feature),
      dartClass: feature.classes.item,
      feature: feature.names.label,
      featureId: feature.names.id,
      storage: storageFor(spec.backend, feature),
      dartModel: feature.paths.model,
      fields: ENTITY_FIELDS.map((field) => ({ ...field })),
    })),
  };
}

function endpointRows(feature: ProjectFeature): string[][] {
  const base = resourcePath(feature);
  const repo = feature.classes.repository;
  return [
    ['GET', base, `List entries`, `${repo}.fetchAll()`],
    ['POST', base, `Create an entry (\`${inputSchemaName(feature)}\`)`, `${repo}.add(title)`],
    ['GET', `${base}/{id}`, 'Get one entry', '—'],
    ['PUT', `${base}/{id}`, `Replace an entry (\`${inputSchemaName(feature)}\`)`, `${repo}.update(item)`],
    ['DELETE', `${base}/{id}`, 'Delete an entry', `${repo}.remove(id)`],
  ];
}

function featureSection(feature: ProjectFeature): string {
  return [
    `## ${inline(feature.names.label)}`,
    `Resource \`${resourcePath(feature)}\`, schema \`${schemaName(feature)}\` { id: string, title: string, done: boolean } (Dart model \`${feature.classes.item}\`).`,
    table(['Method', 'Path', 'Purpose', 'Dart repository call'], endpointRows(feature)),
  ].join('\n\n');
}

export function apiContractMd(spec: AppSpec, features: readonly ProjectFeature[]): string {
  return document(
    `# API contract — ${inline(appDisplayName(spec))}`,
    blockquote(appDescription(spec)),
    bulletList([
      `Backend: ${inline(spec.backend)}`,
      'Base URL: `https://api.example.com/v1` (placeholder)',
      'Auth: `Authorization: Bearer <token>` on every request',
      'Format: JSON (`application/json`); errors are `{ "message": string }` with status 400 or 404',
      'Machine-readable contract: `docs/openapi.yaml` (OpenAPI 3.0.3); entities: `docs/data_model.json`',
    ]),
    'The generated app ships in-memory repositories with the same methods; swapping one for an HTTP or SDK client keeps the controllers and screens unchanged.',
    ...features.map(featureSection),
  );
}
