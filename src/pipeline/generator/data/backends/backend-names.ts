/**
 * Names the backend wiring and the backend docs share: repository classes and
 * files per backend, REST paths, GraphQL types and operations, SQL columns.
 * The Dart the app ships and the contract in docs/ are derived from these, so
 * they cannot drift apart.
 */
import * as path from 'node:path';
import type { AppPlan, BackendKind, EntityField, EntityPlan, FieldType } from '../../plan/app-plan';

export const API_CONFIG_PATH = 'lib/config/api_config.dart';
export const API_EXCEPTION_PATH = 'lib/data/api_exception.dart';
export const SUPABASE_CONFIG_PATH = 'lib/config/supabase_config.dart';
export const FIREBASE_OPTIONS_PATH = 'lib/firebase_options.dart';
export const GRAPHQL_CONNECTION_PATH = 'lib/data/graphql/graphql_connection.dart';

/** `ApiConfig.baseUrl` without `--dart-define=API_BASE_URL`: the host machine, seen from the Android emulator. */
export const API_BASE_URL_DEFAULT = 'http://10.0.2.2:8080/v1';
/** `ApiConfig.graphqlEndpoint` without `--dart-define=GRAPHQL_ENDPOINT`. */
export const GRAPHQL_ENDPOINT_DEFAULT = 'http://10.0.2.2:8080/graphql';

/** REST auth endpoints (relative to `ApiConfig.baseUrl`) an app with an `auth` feature signs in with. */
export const REST_AUTH_PATHS = { login: '/auth/login', register: '/auth/register' } as const;

/** The word each backend's repository classes start with, and the folder under `lib/data/`. */
const BACKEND_PREFIX: Readonly<Record<BackendKind, { prefix: string; file: string; dir: string }>> = {
  none: { prefix: 'SharedPreferences', file: 'shared_preferences', dir: 'local' },
  firebase: { prefix: 'Firestore', file: 'firestore', dir: 'firestore' },
  supabase: { prefix: 'Supabase', file: 'supabase', dir: 'supabase' },
  rest: { prefix: 'Rest', file: 'rest', dir: 'rest' },
  graphql: { prefix: 'Graphql', file: 'graphql', dir: 'graphql' },
};

export interface RepositoryImplementation {
  /** e.g. `RestExpenseRepository`. */
  className: string;
  /** Root-relative, e.g. `lib/data/rest/rest_expense_repository.dart`. */
  path: string;
}

/** The class implementing `<Entity>Repository` for `backend`, and its file. */
export function repositoryImplementation(backend: BackendKind, entity: EntityPlan): RepositoryImplementation {
  const { prefix, file, dir } = BACKEND_PREFIX[backend];
  return {
    className: `${prefix}${entity.className}Repository`,
    path: `lib/data/${dir}/${file}_${entity.fileName}_repository.dart`,
  };
}

/** Relative Dart import URI from one root-relative file to another. */
export function relativeImport(fromFile: string, toFile: string): string {
  return path.posix.relative(path.posix.dirname(fromFile), toFile);
}

/** `lib/foo/bar.dart` → `foo/bar.dart`. */
export function libRelative(rootPath: string): string {
  if (!rootPath.startsWith('lib/')) throw new Error(`${rootPath} is not under lib/`);
  return rootPath.slice('lib/'.length);
}

// ---------------------------------------------------------------- REST

/** `/expenses`: what `Rest<Entity>Repository.fetchAll()` GETs. */
export function restCollectionPath(entity: EntityPlan): string {
  return `/${entity.tableName}`;
}

/** `/expenses/{id}`: what `save` PUTs and `delete` DELETEs. */
export function restItemPath(entity: EntityPlan): string {
  return `/${entity.tableName}/{id}`;
}

/** Whether the plan signs users in (auth endpoints belong in the REST contract). */
export function hasAuthFeature(plan: AppPlan): boolean {
  return plan.features.some((feature) => feature.archetype === 'auth');
}

/** Whether the sign-in feature also registers new users (`POST /auth/register`). */
export function hasRegistration(plan: AppPlan): boolean {
  return plan.features.some((feature) => feature.archetype === 'auth' && feature.options.registration === true);
}

// ---------------------------------------------------------------- unique names

/**
 * One name per entity from `base`, never in `reserved` and never twice
 * (suffixes 2, 3, … on a clash), in plan order.
 */
function uniqueNames(
  entities: readonly EntityPlan[],
  base: (entity: EntityPlan) => string,
  reserved: ReadonlySet<string>,
): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const entity of entities) {
    const stem = base(entity);
    let name = stem;
    for (let n = 2; reserved.has(name) || used.has(name); n++) name = `${stem}${n}`;
    used.add(name);
    names.set(entity.className, name);
  }
  return names;
}

/** OpenAPI schemas the contract declares besides the entities. */
const OPENAPI_SHARED_SCHEMAS = new Set(['Error', 'AuthCredentials', 'AuthToken']);

/** Schema name of each entity in docs/openapi.yaml (its Dart class name, unless that is taken). */
export function openApiSchemaNames(plan: AppPlan): Map<string, string> {
  return uniqueNames(plan.entities, (entity) => entity.className, OPENAPI_SHARED_SCHEMAS);
}

// ---------------------------------------------------------------- GraphQL

const GRAPHQL_RESERVED_TYPES = new Set([
  'Query',
  'Mutation',
  'Subscription',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
  'DateTime',
]);

/** A valid GraphQL name (`[_A-Za-z][_0-9A-Za-z]*`, no leading `__`) from `text`; `fallback` prefixes bad starts. */
export function graphqlName(text: string, fallback: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `${fallback}${cleaned}`;
}

const GRAPHQL_SCALARS: Readonly<Record<FieldType, string>> = {
  text: 'String',
  longText: 'String',
  email: 'String',
  phone: 'String',
  url: 'String',
  int: 'Int',
  decimal: 'Float',
  money: 'Float',
  bool: 'Boolean',
  date: 'DateTime',
  dateTime: 'DateTime',
};

export interface GraphqlField {
  /** Field name in the schema and the documents. */
  name: string;
  /** Key in the Dart model's `toJson()` / `fromJson()`. */
  jsonKey: string;
  /** e.g. `Float!`, `String`, `ID!`. */
  type: string;
  /** The entity field, absent for `id`. */
  field?: EntityField;
}

export interface GraphqlEntity {
  entity: EntityPlan;
  /** Object type, e.g. `Expense`. */
  typeName: string;
  /** Input type of the save mutation, e.g. `ExpenseInput`. */
  inputName: string;
  /** Query field listing every item, e.g. `expenses`. */
  listField: string;
  /** Mutation inserting or replacing an item by id, e.g. `saveExpense`. */
  saveField: string;
  /** Mutation deleting by id, e.g. `deleteExpense`. */
  deleteField: string;
  /** Operation names in the documents. */
  operations: { list: string; save: string; delete: string };
  /** `id` first, then the entity's fields. */
  fields: GraphqlField[];
  /** Where the Dart documents live and the class holding them. */
  documents: { path: string; className: string };
}

function fieldType(field: EntityField): string {
  const scalar = GRAPHQL_SCALARS[field.type];
  return field.required || field.type === 'bool' ? `${scalar}!` : scalar;
}

function graphqlFields(entity: EntityPlan): GraphqlField[] {
  const used = new Set(['id']);
  const fields: GraphqlField[] = [{ name: 'id', jsonKey: 'id', type: 'ID!' }];
  for (const field of entity.fields) {
    const stem = graphqlName(field.name, 'f');
    let name = stem;
    for (let n = 2; used.has(name); n++) name = `${stem}${n}`;
    used.add(name);
    fields.push({ name, jsonKey: field.name, type: fieldType(field), field });
  }
  return fields;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** GraphQL names of every entity of the plan: types, inputs, query and mutation fields, all unique. */
export function graphqlEntities(plan: AppPlan): GraphqlEntity[] {
  const types = uniqueNames(plan.entities, (entity) => graphqlName(entity.className, 'T'), GRAPHQL_RESERVED_TYPES);
  const typeNames = new Set(types.values());
  // Inputs must not clash with object types either (an entity could be called `FooInput`).
  const inputs = uniqueNames(plan.entities, (entity) => `${types.get(entity.className)}Input`, typeNames);
  const lists = uniqueNames(plan.entities, (entity) => graphqlName(entity.collection, 'all'), new Set());
  return plan.entities.map((entity) => {
    const typeName = types.get(entity.className) as string;
    const listField = lists.get(entity.className) as string;
    return {
      entity,
      typeName,
      inputName: inputs.get(entity.className) as string,
      listField,
      saveField: `save${typeName}`,
      deleteField: `delete${typeName}`,
      operations: { list: `Fetch${upperFirst(listField)}`, save: `Save${typeName}`, delete: `Delete${typeName}` },
      fields: graphqlFields(entity),
      documents: {
        path: `lib/data/graphql/${entity.fileName}_documents.dart`,
        className: `Graphql${entity.className}Documents`,
      },
    };
  });
}

/** The query and mutation documents the Dart repository sends (also quoted in docs/api_contract.md). */
export function graphqlDocuments(names: GraphqlEntity): { list: string; save: string; delete: string } {
  const selection = names.fields.map((field) => `    ${field.name}`).join('\n');
  return {
    list: `query ${names.operations.list} {\n  ${names.listField} {\n${selection}\n  }\n}\n`,
    save: `mutation ${names.operations.save}($input: ${names.inputName}!) {\n  ${names.saveField}(input: $input) {\n    id\n  }\n}\n`,
    delete: `mutation ${names.operations.delete}($id: ID!) {\n  ${names.deleteField}(id: $id)\n}\n`,
  };
}

// ---------------------------------------------------------------- SQL (Supabase)

const SQL_TYPES: Readonly<Record<FieldType, string>> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  int: 'integer',
  decimal: 'double precision',
  money: 'numeric(12, 2)',
  bool: 'boolean',
  date: 'timestamptz',
  dateTime: 'timestamptz',
};

/** A double-quoted SQL identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Column definition of `field` in the Supabase table, e.g. `"amount" numeric(12, 2) not null`. */
export function sqlColumn(field: EntityField): string {
  const type = SQL_TYPES[field.type];
  if (field.type === 'bool') return `${sqlIdentifier(field.column)} ${type} not null default false`;
  return `${sqlIdentifier(field.column)} ${type}${field.required ? ' not null' : ''}`;
}
