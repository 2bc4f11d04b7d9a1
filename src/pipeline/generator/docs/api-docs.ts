/**
 * Backend phase docs: the data model, the machine-readable contract (OpenAPI
 * 3.0 for REST and as a reference for the SDK backends, a GraphQL schema for
 * GraphQL) and a readable API contract. Every name comes from the plan and
 * from `data/backends/backend-names.ts`, the same source as the Dart
 * repositories, so the docs describe exactly what the app calls.
 */
import { stringify } from 'yaml';
import { singleLine } from '../dart-string';
import {
  API_BASE_URL_DEFAULT,
  GRAPHQL_ENDPOINT_DEFAULT,
  REST_AUTH_PATHS,
  graphqlDocuments,
  graphqlEntities,
  hasAuthFeature,
  hasRegistration,
  openApiSchemaNames,
  repositoryImplementation,
  restCollectionPath,
  restItemPath,
  type GraphqlEntity,
} from '../data/backends/backend-names';
import { graphqlNewerSignature, newerMessagesQuery, SINCE_PARAMETER } from '../data/backends/chat-messages';
import { AUTH_TOKEN_README, sendsAuthToken } from '../data/backends/authorized-client';
import {
  FIRESTORE_OWNER_FIELD,
  FIRESTORE_STAFF_CHECK,
  hasCreator,
  isPersonal,
  providerBullets,
  providerLink,
  serverOwnershipSentence,
  staffWritten,
  SUPABASE_STAFF_CHECK,
} from '../data/backends/record-owner';
import { supabaseColumn, supabaseOwnerColumn } from '../data/backends/supabase-sql';
import { fieldDartType, isDated } from '../data/entity-dart';
import {
  serverPlan,
  type AppPlan,
  type BackendKind,
  type EntityField,
  type EntityPlan,
  type FieldType,
} from '../plan/app-plan';
import { deleteRule, linkTarget, linksTo } from './entity-links';
import { fieldTypeName } from './field-type-name';
import { blockquote, bulletList, document, inline, table } from './markdown';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const BACKEND_TITLES: Readonly<Record<BackendKind, string>> = {
  none: 'On-device storage (shared_preferences)',
  firebase: 'Firebase (Cloud Firestore)',
  supabase: 'Supabase (Postgres)',
  rest: 'REST API (JSON over HTTP)',
  graphql: 'GraphQL API',
};

/** The machine-readable contract of the backend phase. */
export function contractPath(plan: AppPlan): 'docs/schema.graphql' | 'docs/openapi.yaml' {
  return plan.backend === 'graphql' ? 'docs/schema.graphql' : 'docs/openapi.yaml';
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Features that show or edit each entity, by class name. */
function featuresByEntity(plan: AppPlan): Map<string, { id: string; label: string }[]> {
  const byEntity = new Map<string, { id: string; label: string }[]>();
  for (const feature of plan.features) {
    if (!feature.entity) continue;
    const list = byEntity.get(feature.entity) ?? [];
    list.push({ id: feature.names.id, label: feature.names.label });
    byEntity.set(feature.entity, list);
  }
  return byEntity;
}

// ---------------------------------------------------------------- JSON types

interface JsonType {
  type: 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
}

const JSON_TYPES: Readonly<Record<FieldType, JsonType>> = {
  text: { type: 'string' },
  longText: { type: 'string' },
  email: { type: 'string', format: 'email' },
  phone: { type: 'string' },
  url: { type: 'string', format: 'uri' },
  int: { type: 'integer', format: 'int64' },
  decimal: { type: 'number', format: 'double' },
  money: { type: 'number', format: 'double' },
  bool: { type: 'boolean' },
  date: { type: 'string', format: 'date-time' },
  dateTime: { type: 'string', format: 'date-time' },
};

/** Always present in `toJson()`: required fields, and `bool` (never null). */
function alwaysPresent(field: EntityField): boolean {
  return field.required || field.type === 'bool';
}

// ---------------------------------------------------------------- data_model.json

interface StorageHint {
  kind: 'shared_preferences_key' | 'firestore_collection' | 'supabase_table' | 'rest_resource' | 'graphql_type';
  name: string;
}

interface DataField {
  /** Dart field name and JSON key. */
  name: string;
  /** snake_case column (Supabase). */
  column: string;
  label: string;
  type: FieldType | 'id';
  dartType: string;
  jsonType: JsonType['type'];
  format?: string;
  required: boolean;
  default?: boolean;
  /** A reference: the entity (its `name` below) whose `id` this field holds. */
  refersTo?: string;
}

export interface DataModel {
  backend: BackendKind;
  /** The backend as the spec wrote it. */
  requestedBackend: string;
  /** The machine-readable contract beside this file. */
  contract: string;
  entities: {
    /** Schema name in openapi.yaml, or object type in schema.graphql. */
    name: string;
    dartClass: string;
    label: string;
    pluralLabel: string;
    dartModel: string;
    repository: { interface: string; path: string; implementation: string; implementationPath: string };
    storage: StorageHint;
    titleField: string;
    features: { id: string; label: string }[];
    fields: DataField[];
  }[];
}

function storageFor(plan: AppPlan, entity: EntityPlan, graphqlType: string): StorageHint {
  switch (plan.backend) {
    case 'none':
      return { kind: 'shared_preferences_key', name: entity.tableName };
    case 'firebase':
      return { kind: 'firestore_collection', name: entity.tableName };
    case 'supabase':
      return { kind: 'supabase_table', name: entity.tableName };
    case 'graphql':
      return { kind: 'graphql_type', name: graphqlType };
    case 'rest':
      return { kind: 'rest_resource', name: restCollectionPath(entity) };
  }
}

/** `names` gives each entity's name in the contract, by class name. */
function dataFields(plan: AppPlan, entity: EntityPlan, names: ReadonlyMap<string, string>): DataField[] {
  const id: DataField = {
    name: 'id',
    column: 'id',
    label: 'Id',
    type: 'id',
    dartType: 'String',
    jsonType: 'string',
    required: true,
  };
  return [
    id,
    ...entity.fields.map((field): DataField => {
      const json = JSON_TYPES[field.type];
      return {
        name: field.name,
        column: field.column,
        label: field.label,
        type: field.type,
        dartType: fieldDartType(field),
        jsonType: json.type,
        ...(json.format ? { format: json.format } : {}),
        required: alwaysPresent(field),
        ...(field.type === 'bool' ? { default: false } : {}),
        ...referredName(plan, field, names),
      };
    }),
  ];
}

function referredName(plan: AppPlan, field: EntityField, names: ReadonlyMap<string, string>): { refersTo?: string } {
  const target = linkTarget(plan, field);
  return target ? { refersTo: names.get(target.className) } : {};
}

export function dataModel(appPlan: AppPlan): DataModel {
  // Records kept only on the device (a camera's photos) are no part of the server's contract.
  const plan = serverPlan(appPlan);
  const schemas = openApiSchemaNames(plan);
  const graphqlTypes = new Map(graphqlEntities(plan).map((names) => [names.entity.className, names.typeName]));
  const contractNames = plan.backend === 'graphql' ? graphqlTypes : schemas;
  const features = featuresByEntity(plan);
  return {
    backend: plan.backend,
    requestedBackend: plan.spec.backend,
    contract: contractPath(plan),
    entities: plan.entities.map((entity) => {
      const graphqlType = graphqlTypes.get(entity.className) as string;
      const impl = repositoryImplementation(plan.backend, entity);
      return {
        name: plan.backend === 'graphql' ? graphqlType : (schemas.get(entity.className) as string),
        dartClass: entity.className,
        label: entity.label,
        pluralLabel: entity.pluralLabel,
        dartModel: entity.paths.model,
        repository: {
          interface: `${entity.className}Repository`,
          path: entity.paths.repository,
          implementation: impl.className,
          implementationPath: impl.path,
        },
        storage: storageFor(plan, entity, graphqlType),
        titleField: entity.titleField,
        features: features.get(entity.className) ?? [],
        fields: dataFields(plan, entity, contractNames),
      };
    }),
  };
}

export function dataModelJson(plan: AppPlan): string {
  return `${JSON.stringify(dataModel(plan), null, 2)}\n`;
}

// ---------------------------------------------------------------- openapi.yaml

function schemaRef(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}

function jsonContent(schema: Json): Json {
  return { 'application/json': { schema } };
}

/** OpenAPI tag names must be unique; plural labels that collapse to the same line get the schema name appended. */
function tagNames(plan: AppPlan, schemas: ReadonlyMap<string, string>): Map<string, string> {
  const used = new Set<string>(['Auth']);
  const names = new Map<string, string>();
  for (const entity of plan.entities) {
    const schema = schemas.get(entity.className) as string;
    const base = singleLine(entity.pluralLabel) || schema;
    let tag = base;
    for (let n = 2; used.has(tag); n++) tag = n === 2 ? `${base} (${schema})` : `${base} (${schema} ${n})`;
    used.add(tag);
    names.set(entity.className, tag);
  }
  return names;
}

/**
 * "Id of a Walker (GET /walkers)": `listedBy` says where the ids come from. The field's
 * label comes first when it says something else ("Apartment: id of a Listing …").
 */
function referenceDescription(field: EntityField, target: EntityPlan, listedBy: string): string {
  const name = singleLine(target.label);
  const about = `id of ${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name} (${listedBy})`;
  const label = singleLine(field.label);
  return label === name ? upperFirst(about) : `${label}: ${about}`;
}

function entitySchema(plan: AppPlan, entity: EntityPlan): Json {
  const properties: Record<string, Json> = {
    id: { type: 'string', description: 'Client-generated identifier (`newId()` in lib/data/ids.dart)' },
  };
  for (const field of entity.fields) {
    const json = JSON_TYPES[field.type];
    const property: Record<string, Json> = { type: json.type };
    if (json.format) property.format = json.format;
    const target = linkTarget(plan, field);
    property.description = target
      ? referenceDescription(field, target, `GET ${restCollectionPath(target)}`)
      : singleLine(field.label);
    if (field.type === 'dateTime') property.description += ' (an instant at a time of day, in UTC)';
    if (!alwaysPresent(field)) property.nullable = true;
    if (field.type === 'bool') property.default = false;
    if (field.required && field.name === entity.titleField) property.minLength = 1;
    properties[field.name] = property;
  }
  return {
    type: 'object',
    description: `${singleLine(entity.label)} — Dart model \`${entity.className}\` (${entity.paths.model}), as written by \`toJson()\`.`,
    required: ['id', ...entity.fields.filter(alwaysPresent).map((field) => field.name)],
    properties,
  };
}

interface OperationIds {
  list: string;
  save: string;
  delete: string;
}

function operationIds(plan: AppPlan, schemas: ReadonlyMap<string, string>): Map<string, OperationIds> {
  const used = new Set<string>(['login', 'register']);
  const ids = new Map<string, OperationIds>();
  const unique = (stem: string): string => {
    let id = stem;
    for (let n = 2; used.has(id); n++) id = `${stem}${n}`;
    used.add(id);
    return id;
  };
  for (const entity of plan.entities) {
    const schema = schemas.get(entity.className) as string;
    ids.set(entity.className, {
      list: unique(`list${upperFirst(entity.collection)}`),
      save: unique(`save${schema}`),
      delete: unique(`delete${schema}`),
    });
  }
  return ids;
}

/** A chat's messages list: the query parameters its 5-second poll sends (`fetchNewer()`), so it gets what is new only. */
function newerMessagesParameters(plan: AppPlan, entity: EntityPlan): Record<string, Json> {
  const query = newerMessagesQuery(plan, entity);
  if (!query) return {};
  const channel = query.channel;
  return {
    description: `Without parameters every item. The chat polls every 5 s with \`${SINCE_PARAMETER}\`${channel ? ` and \`${channel.name}\`` : ''} (\`fetchNewer()\`), so answer those filters on the server.`,
    parameters: [
      ...(channel
        ? [
            {
              name: channel.name,
              in: 'query',
              required: false,
              description: 'Only the messages of this channel.',
              schema: { type: 'string' },
            },
          ]
        : []),
      {
        name: SINCE_PARAMETER,
        in: 'query',
        required: false,
        description: `Only the messages whose \`${query.sentAt.name}\` is at or after this instant (UTC ISO-8601).`,
        schema: { type: 'string', format: 'date-time' },
      },
    ],
  };
}

/**
 * What deleting one `entity` does to the records pointing at it, as the server
 * should do it (`deleteRule`): "also deletes its Flashcards (deckId); refused
 * while Dog walks name it (walkerId)". Empty when nothing points at it.
 */
function deleteEffect(plan: AppPlan, entity: EntityPlan): { text: string; refused: boolean } {
  const parts = linksTo(plan, entity).map((link) => {
    const records = `${singleLine(link.entity.pluralLabel)} (\`${link.entity.className}.${link.field.name}\`)`;
    switch (deleteRule(plan, link)) {
      case 'cascade':
        return { refused: false, text: `also deletes its ${records}` };
      case 'restrict':
        return { refused: true, text: `refused while ${records} point at it` };
      case 'set null':
        return { refused: false, text: `clears the link of its ${records}` };
    }
  });
  return { text: parts.map((part) => part.text).join('; '), refused: parts.some((part) => part.refused) };
}

function entityPaths(
  plan: AppPlan,
  entity: EntityPlan,
  schema: string,
  tag: string,
  ids: OperationIds,
): Record<string, Json> {
  const plural = singleLine(entity.pluralLabel);
  const one = singleLine(entity.label);
  // Which Dart call sends each request: only the REST app really does.
  const call = (method: string): Record<string, Json> =>
    plan.backend === 'rest' ? { 'x-dart-call': `${repositoryImplementation('rest', entity).className}.${method}` } : {};
  const effect = deleteEffect(plan, entity);
  // A personal list on the app's own server: the bearer token's user's items only.
  const own = plan.backend === 'rest' && isPersonal(plan, entity);
  // A posted item (a listing): everyone lists it, only its creator changes it.
  const posted = plan.backend === 'rest' && hasCreator(plan, entity);
  // A booking both parties see: the provider's user reads it, and is refused a write.
  const booked = own ? providerLink(plan, entity) : undefined;
  // What only staff keep (a shop's products): everyone lists it, a non-staff write is refused.
  const staff = plan.backend === 'rest' && staffWritten(plan, entity);
  const forbidden: Record<string, Json> =
    posted || booked || staff ? { '403': { $ref: '#/components/responses/Forbidden' } } : {};
  return {
    [restCollectionPath(entity)]: {
      get: {
        tags: [tag],
        summary: own ? `List the signed-in user's ${plural}` : `List all ${plural}`,
        ...(own
          ? {
              description: booked
                ? `The items of the bearer token's user, and the ones booked with a ${singleLine(booked.provider.label)} that user created (\`${booked.field.name}\`), which that user may read but not save or delete (403); the server sets an item's owner when it is first saved (the app sends none).`
                : "Only the items of the bearer token's user; the server sets an item's owner when it is first saved (the app sends none).",
            }
          : {}),
        operationId: ids.list,
        ...call('fetchAll()'),
        ...newerMessagesParameters(plan, entity),
        responses: {
          '200': { description: 'All items', content: jsonContent({ type: 'array', items: schemaRef(schema) }) },
        },
      },
    },
    [restItemPath(entity)]: {
      parameters: [{ $ref: '#/components/parameters/ItemId' }],
      put: {
        tags: [tag],
        summary: `Insert or replace one ${one} (upsert by id)`,
        description: posted
          ? "The body is the whole item; its `id` equals the path id. The server sets the creator of a new item to the bearer token's user; only that user may replace it."
          : staff
            ? 'The body is the whole item; its `id` equals the path id. Only a staff user (an admin account; the server decides who is staff) may save it; anyone else gets 403.'
            : 'The body is the whole item; its `id` equals the path id.',
        operationId: ids.save,
        ...call('save(item)'),
        requestBody: { required: true, content: jsonContent(schemaRef(schema)) },
        responses: {
          '200': { description: 'Saved; the stored item', content: jsonContent(schemaRef(schema)) },
          '204': { description: 'Saved; no body' },
          '400': { $ref: '#/components/responses/BadRequest' },
          // Another user's item: as if it did not exist.
          ...(own ? { '404': { $ref: '#/components/responses/NotFound' } } : {}),
          ...forbidden,
        },
      },
      delete: {
        tags: [tag],
        summary: `Delete one ${one}`,
        ...(effect.text ? { description: `${upperFirst(effect.text)}.` } : {}),
        operationId: ids.delete,
        ...call('delete(id)'),
        responses: {
          '204': { description: 'Deleted' },
          ...forbidden,
          '404': { $ref: '#/components/responses/NotFound' },
          ...(effect.refused ? { '409': { $ref: '#/components/responses/Conflict' } } : {}),
        },
      },
    },
  };
}

/** `POST /auth/login` (and `/auth/register`), as `HttpAuthService` of the auth feature calls them. */
function authPaths(registration: boolean): Record<string, Json> {
  const operation = (
    summary: string,
    operationId: string,
    success: Record<string, Json>,
    extra: Record<string, Json>,
  ): Json => ({
    tags: ['Auth'],
    summary,
    operationId,
    // Signing in needs no token (the data operations do: `security` below).
    security: [],
    requestBody: { required: true, content: jsonContent(schemaRef('AuthCredentials')) },
    responses: { ...success, '400': { $ref: '#/components/responses/BadRequest' }, ...extra },
  });
  const paths: Record<string, Json> = {
    [REST_AUTH_PATHS.login]: {
      post: operation(
        'Sign in with email and password',
        'login',
        { '200': { description: 'Signed in', content: jsonContent(schemaRef('AuthToken')) } },
        { '401': { description: 'Wrong email or password', content: jsonContent(schemaRef('Error')) } },
      ),
    },
  };
  if (registration) {
    paths[REST_AUTH_PATHS.register] = {
      post: operation(
        'Create an account and sign in',
        'register',
        { '201': { description: 'Registered and signed in', content: jsonContent(schemaRef('AuthToken')) } },
        { '409': { description: 'Email already registered', content: jsonContent(schemaRef('Error')) } },
      ),
    };
  }
  return paths;
}

const AUTH_SCHEMAS: Record<string, Json> = {
  AuthCredentials: {
    type: 'object',
    required: ['email', 'password'],
    properties: {
      email: { type: 'string', format: 'email' },
      password: { type: 'string', format: 'password', minLength: 1 },
    },
  },
  AuthToken: {
    type: 'object',
    required: ['token'],
    properties: { token: { type: 'string', description: 'Session token, sent as `Authorization: Bearer <token>`' } },
  },
};

function openApiDescription(plan: AppPlan): string {
  const about = plan.description;
  switch (plan.backend) {
    case 'rest':
      return `${about}\n\nThe contract the app's REST repositories (lib/data/rest/) call: list with GET, upsert with PUT by id, delete with DELETE by id.`;
    case 'none':
      return `${about}\n\nReference only: the app stores its data on the device (shared_preferences). A server implementing this contract can replace that storage with REST repositories of the same interfaces.`;
    default:
      return `${about}\n\nReference only: the app talks to ${BACKEND_TITLES[plan.backend]} through its SDK (see docs/api_contract.md). This document gives the same entities as a REST contract, e.g. for a server of your own.`;
  }
}

export function openApiDocument(appPlan: AppPlan): Json {
  // Records kept only on the device (a camera's photos) are no part of the server's contract.
  const plan = serverPlan(appPlan);
  const schemas = openApiSchemaNames(plan);
  const tags = tagNames(plan, schemas);
  const ids = operationIds(plan, schemas);
  const withAuth = plan.backend === 'rest' && hasAuthFeature(plan);
  const paths: Record<string, Json> = {};
  const components: Record<string, Json> = {
    Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
    ...(withAuth ? AUTH_SCHEMAS : {}),
  };
  for (const entity of plan.entities) {
    const schema = schemas.get(entity.className) as string;
    Object.assign(
      paths,
      entityPaths(
        plan,
        entity,
        schema,
        tags.get(entity.className) as string,
        ids.get(entity.className) as OperationIds,
      ),
    );
    components[schema] = entitySchema(plan, entity);
  }
  if (withAuth) Object.assign(paths, authPaths(hasRegistration(plan)));
  // Declared only where some write is refused (`entityPaths`), so no response is declared unused.
  const refuses = (refused: (entity: EntityPlan) => boolean) => plan.backend === 'rest' && plan.entities.some(refused);
  const forbiddenReasons = [
    ...(refuses((entity) => hasCreator(plan, entity))
      ? ['Another user created this item; only they may change or delete it']
      : []),
    ...(refuses((entity) => staffWritten(plan, entity))
      ? ['Only staff (an admin account) may change or delete these items']
      : []),
  ];
  const servers: Json[] =
    plan.backend === 'rest'
      ? [
          {
            url: API_BASE_URL_DEFAULT,
            description: 'Default of ApiConfig.baseUrl (the development machine from the Android emulator)',
          },
          { url: 'https://api.example.com/v1', description: 'Placeholder; set with --dart-define=API_BASE_URL=…' },
        ]
      : [{ url: 'https://api.example.com/v1', description: 'Placeholder' }];
  return {
    openapi: '3.0.3',
    info: { title: plan.displayName, description: openApiDescription(plan), version: '1.0.0' },
    servers,
    tags: [...[...tags.values()].map((name) => ({ name })), ...(withAuth ? [{ name: 'Auth' }] : [])],
    // AuthorizedClient sends the token from sign-in on every data request.
    ...(withAuth ? { security: [{ bearerAuth: [] }] } : {}),
    paths,
    components: {
      ...(withAuth ? { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } } : {}),
      parameters: { ItemId: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
      responses: {
        BadRequest: { description: 'Invalid input', content: jsonContent(schemaRef('Error')) },
        NotFound: { description: 'No item with this id', content: jsonContent(schemaRef('Error')) },
        // Only where some items are changed by their creator alone.
        ...(forbiddenReasons.length > 0
          ? { Forbidden: { description: forbiddenReasons.join('; '), content: jsonContent(schemaRef('Error')) } }
          : {}),
        // Only where some delete can be refused (`restrict` links), so no response is declared unused.
        ...(plan.entities.some((entity) => deleteEffect(plan, entity).refused)
          ? {
              Conflict: {
                description: 'Not deleted: other records still point at this one',
                content: jsonContent(schemaRef('Error')),
              },
            }
          : {}),
      },
      schemas: components,
    },
  };
}

export function openApiYaml(plan: AppPlan): string {
  // aliasDuplicateObjects off: shared sub-objects must be written out, not as YAML anchors.
  return stringify(openApiDocument(plan), { lineWidth: 0, aliasDuplicateObjects: false });
}

// ---------------------------------------------------------------- schema.graphql

/** A GraphQL string literal (JSON escapes are GraphQL escapes) on one line, lone surrogates dropped. */
function graphqlString(text: string): string {
  return JSON.stringify(
    singleLine(text).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''),
  );
}

/** A field's description; a reference names the type it points at and the query listing it. */
function graphqlFieldAbout(plan: AppPlan, field: EntityField, byClass: ReadonlyMap<string, GraphqlEntity>): string {
  const target = linkTarget(plan, field);
  const names = target && byClass.get(target.className);
  if (!target || !names) return field.label;
  return referenceDescription(field, target, `listed by the ${names.listField} query`);
}

function graphqlTypeBlock(
  plan: AppPlan,
  keyword: 'type' | 'input',
  name: string,
  description: string,
  names: GraphqlEntity,
  byClass: ReadonlyMap<string, GraphqlEntity>,
): string {
  const fields = names.fields.map((field) => {
    const about = field.field ? graphqlFieldAbout(plan, field.field, byClass) : 'Client-generated identifier';
    return `  ${graphqlString(about)}\n  ${field.name}: ${field.type}`;
  });
  return `${graphqlString(description)}\n${keyword} ${name} {\n${fields.join('\n')}\n}`;
}

/** "; also deletes its Flashcards …; refused (error code CONFLICT) while …": the delete mutation's effect on dependents. */
function graphqlDeleteEffect(plan: AppPlan, entity: EntityPlan): string {
  const effect = deleteEffect(plan, entity);
  if (!effect.text) return '';
  return `; ${effect.text}${effect.refused ? ' (an error with extensions.code CONFLICT, nothing deleted)' : ''}`;
}

/** Whose items a GraphQL list query returns: the bearer token's user's, and a booking's provider's too. */
function whoseList(plan: AppPlan, entity: EntityPlan): string {
  if (!isPersonal(plan, entity)) return '';
  const link = providerLink(plan, entity);
  return link
    ? ` of the bearer token's user and those booked with a ${link.provider.label} that user created`
    : " of the bearer token's user";
}

export function graphqlSchema(appPlan: AppPlan): string {
  // Records kept only on the device (a camera's photos) are no part of the server's contract.
  const plan = serverPlan(appPlan);
  const entities = graphqlEntities(plan);
  const usesDates = plan.entities.some((entity) => entity.fields.some(isDated));
  const sections: string[] = [
    [
      `# GraphQL schema of ${singleLine(plan.displayName)}.`,
      '# The app sends the documents in lib/data/graphql/*_documents.dart (one list query, save and delete mutations per type).',
    ].join('\n'),
  ];
  if (usesDates)
    sections.push(
      `${graphqlString('ISO-8601 date-time string, in UTC, e.g. 2026-01-31T09:30:00.000Z (a day without a time: midnight UTC, 2026-01-31T00:00:00.000Z)')}\nscalar DateTime`,
    );
  const byClass = new Map(entities.map((names) => [names.entity.className, names]));
  for (const names of entities) {
    const entity = names.entity;
    sections.push(
      graphqlTypeBlock(
        plan,
        'type',
        names.typeName,
        `${entity.label} (Dart model ${entity.className}, ${entity.paths.model})`,
        names,
        byClass,
      ),
    );
    sections.push(
      graphqlTypeBlock(
        plan,
        'input',
        names.inputName,
        `A whole ${entity.label} to insert or replace by id`,
        names,
        byClass,
      ),
    );
  }
  const query = entities.map((names) => {
    const repo = repositoryImplementation('graphql', names.entity).className;
    // A chat's messages: the poll asks for those sent since the newest it has.
    const newer = newerMessagesQuery(plan, names.entity);
    return newer
      ? `  ${graphqlString(`All ${names.entity.pluralLabel} (${repo}.fetchAll); with arguments only those ${newer.channel ? 'of a channel ' : ''}sent at or after \`since\` (${repo}.fetchNewer, every 5 s)`)}\n  ${graphqlNewerSignature(names, newer)}: [${names.typeName}!]!`
      : `  ${graphqlString(`All ${names.entity.pluralLabel}${whoseList(plan, names.entity)} (${repo}.fetchAll)`)}\n  ${names.listField}: [${names.typeName}!]!`;
  });
  const mutation = entities.flatMap((names) => {
    const repo = repositoryImplementation('graphql', names.entity).className;
    // A posted item (a listing): the server keeps its creator, who alone changes it.
    const creator = hasCreator(plan, names.entity)
      ? "; for an item another user created, an error with extensions.code FORBIDDEN (its creator is the bearer token's user who first saved it)"
      : '';
    return [
      `  ${graphqlString(`Insert or replace by id; returns the stored item (${repo}.save)${creator}`)}\n  ${names.saveField}(input: ${names.inputName}!): ${names.typeName}!`,
      `  ${graphqlString(`Delete by id; true when an item was deleted (${repo}.delete)${creator}${graphqlDeleteEffect(plan, names.entity)}`)}\n  ${names.deleteField}(id: ID!): Boolean!`,
    ];
  });
  sections.push(`type Query {\n${query.join('\n')}\n}`);
  sections.push(`type Mutation {\n${mutation.join('\n')}\n}`);
  return `${sections.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- api_contract.md

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function fieldRows(plan: AppPlan, entity: EntityPlan): string[][] {
  const supabase = plan.backend === 'supabase';
  const idRow = ['`id`', 'Id', 'String', 'yes', supabase ? '`"id" text primary key`' : 'client-generated'];
  return [
    idRow,
    ...entity.fields.map((field) => [
      `\`${field.name}\``,
      field.label,
      fieldDartType(field),
      yesNo(alwaysPresent(field)),
      supabase ? `\`${supabaseColumn(plan, entity, field)}\`` : fieldKind(plan, entity, field),
    ]),
  ];
}

/** `text (title)`, or for a reference the entity whose id it holds. */
function fieldKind(plan: AppPlan, entity: EntityPlan, field: EntityField): string {
  const target = linkTarget(plan, field);
  if (target) return `\`${target.className}\` id`;
  return `${fieldTypeName(field)}${field.name === entity.titleField ? ' (title)' : ''}`;
}

function operationRows(plan: AppPlan, entity: EntityPlan, graphql: GraphqlEntity | undefined): string[][] {
  const repo = repositoryImplementation(plan.backend, entity).className;
  const name = entity.tableName;
  switch (plan.backend) {
    case 'none':
      return [
        ['read the JSON list', `shared_preferences key \`${name}\``, `\`${repo}.fetchAll()\``],
        ['replace or append by id, write the list', `\`${name}\``, `\`${repo}.save(item)\``],
        ['remove by id, write the list', `\`${name}\``, `\`${repo}.delete(id)\``],
      ];
    case 'firebase':
      return [
        ['`collection.get()`', `\`${name}\``, `\`${repo}.fetchAll()\``],
        ['`doc(id).set(item.toJson())`', `\`${name}/{id}\``, `\`${repo}.save(item)\``],
        ['`doc(id).delete()`', `\`${name}/{id}\``, `\`${repo}.delete(id)\``],
      ];
    case 'supabase':
      return [
        ['`select()`', `\`${name}\``, `\`${repo}.fetchAll()\``],
        ['`upsert(row)`', `\`${name}\``, `\`${repo}.save(item)\``],
        ["`delete().eq('id', id)`", `\`${name}\``, `\`${repo}.delete(id)\``],
      ];
    case 'rest':
      return [
        ['`GET`', `\`${restCollectionPath(entity)}\``, `\`${repo}.fetchAll()\``],
        ['`PUT`', `\`${restItemPath(entity)}\``, `\`${repo}.save(item)\``],
        ['`DELETE`', `\`${restItemPath(entity)}\``, `\`${repo}.delete(id)\``],
      ];
    case 'graphql': {
      const names = graphql as GraphqlEntity;
      return [
        ['query', `\`${names.listField}: [${names.typeName}!]!\``, `\`${repo}.fetchAll()\``],
        [
          'mutation',
          `\`${names.saveField}(input: ${names.inputName}!): ${names.typeName}!\``,
          `\`${repo}.save(item)\``,
        ],
        ['mutation', `\`${names.deleteField}(id: ID!): Boolean!\``, `\`${repo}.delete(id)\``],
      ];
    }
  }
}

const OPERATION_HEADERS: Readonly<Record<BackendKind, string[]>> = {
  none: ['Operation', 'Storage', 'Dart call'],
  firebase: ['Firestore call', 'Path', 'Dart call'],
  supabase: ['Supabase call', 'Table', 'Dart call'],
  rest: ['Method', 'Path', 'Dart call'],
  graphql: ['Kind', 'Field', 'Dart call'],
};

function storageSentence(plan: AppPlan, entity: EntityPlan, graphql: GraphqlEntity | undefined): string {
  switch (plan.backend) {
    case 'none':
      return `shared_preferences key \`${entity.tableName}\` (a JSON list)`;
    case 'firebase':
      return `Firestore collection \`${entity.tableName}\` (document id = item id)`;
    case 'supabase':
      return `Supabase table \`public.${entity.tableName}\` (snake_case columns)`;
    case 'rest':
      return `REST resource \`${restCollectionPath(entity)}\``;
    case 'graphql':
      return `GraphQL type \`${(graphql as GraphqlEntity).typeName}\``;
  }
}

/** How each server backend reports a refused delete. */
const REFUSED_DELETE: Partial<Record<BackendKind, string>> = {
  supabase: 'the foreign key fails with Postgres error `23503`',
  rest: '`DELETE` answers `409 Conflict`',
  graphql: 'the mutation fails with `extensions.code` `CONFLICT`',
};

/** "Deleting one: also deletes its Flashcards …", for backends whose server enforces the links; none without dependents. */
function deleteBullets(plan: AppPlan, entity: EntityPlan): string[] {
  const refused = REFUSED_DELETE[plan.backend];
  const effect = deleteEffect(plan, entity);
  if (!refused || !effect.text) return [];
  return [`Deleting one: ${effect.text}${effect.refused ? ` (${refused})` : ''}`];
}

/** Who created a posted item (a listing's seller), whom everyone reads and only they change (`record-owner.ts`). */
function creatorBullet(plan: AppPlan, entity: EntityPlan): string {
  const shared = 'every signed-in user reads every item; only its creator updates or deletes it';
  switch (plan.backend) {
    case 'supabase':
      return `Creator: the signed-in user who inserts a row; column \`${supabaseOwnerColumn(entity)}\` defaults to \`auth.uid()\` (the app sends none); ${shared} (row level security policies), and the app offers edit and delete on the user's own rows only`;
    case 'firebase':
      return `Creator: the signed-in user; the repository stores their uid in \`${FIRESTORE_OWNER_FIELD}\` on save; ${shared} (security rules), and the app offers edit and delete on the user's own documents only`;
    case 'graphql':
      return `Creator: the bearer token's user; the server sets it when the item is first saved (the app sends none); ${shared}: saving or deleting another user's item fails with \`extensions.code\` \`FORBIDDEN\``;
    default:
      return `Creator: the bearer token's user; the server sets it when the item is first saved (the app sends none); ${shared}: saving or deleting another user's item answers \`403 Forbidden\``;
  }
}

/** What only staff keep (a shop's products, `staffWritten`): every signed-in user reads it, staff write it. */
function staffBullet(plan: AppPlan): string {
  const shared =
    'Owner: none; every signed-in user reads every item; only staff (an admin account) add, update or delete';
  switch (plan.backend) {
    case 'supabase':
      return `${shared}: the row level security policies check \`${SUPABASE_STAFF_CHECK}\` (set by the project, never by the user), and the app offers add, edit and delete to staff only`;
    case 'firebase':
      return `${shared}: the security rules check \`${FIRESTORE_STAFF_CHECK}\` (a custom claim set with the Admin SDK), and the app offers add, edit and delete to staff only`;
    case 'graphql':
      return `${shared}: the server decides who is staff; anyone else saving or deleting fails with \`extensions.code\` \`FORBIDDEN\``;
    default:
      return `${shared}: the server decides who is staff; anyone else saving or deleting gets \`403 Forbidden\``;
  }
}

/** Whose items these are, in an app with sign-in that stores them on a server (`record-owner.ts`). */
function ownerBullets(plan: AppPlan, entity: EntityPlan): string[] {
  if (!hasAuthFeature(plan) || plan.backend === 'none' || newerMessagesQuery(plan, entity)) return [];
  if (hasCreator(plan, entity)) return [creatorBullet(plan, entity)];
  if (staffWritten(plan, entity)) return [staffBullet(plan)];
  if (!isPersonal(plan, entity)) return ['Owner: none; shared by every signed-in user'];
  switch (plan.backend) {
    case 'supabase':
      return [
        `Owner: the signed-in user; column \`${supabaseOwnerColumn(entity)}\` defaults to \`auth.uid()\` and the row level security policy returns, changes and deletes that user's rows only (the app sends no owner)`,
      ];
    case 'firebase':
      return [
        `Owner: the signed-in user; the repository stores their uid in \`${FIRESTORE_OWNER_FIELD}\` on save and lists only documents \`where('${FIRESTORE_OWNER_FIELD}', isEqualTo: uid)\`, and the rules refuse everyone else`,
      ];
    default:
      return [
        "Owner: the bearer token's user; the server sets it when the item is first saved (the app sends none) and lists, saves and deletes that user's items only",
      ];
  }
}

function entitySection(plan: AppPlan, entity: EntityPlan, graphql: GraphqlEntity | undefined): string {
  const impl = repositoryImplementation(plan.backend, entity);
  const sections = [
    `## ${inline(entity.pluralLabel)} — \`${entity.className}\``,
    bulletList([
      `Storage: ${storageSentence(plan, entity, graphql)}`,
      `Dart model: \`${entity.className}\` in \`${entity.paths.model}\` (\`toJson()\` / \`fromJson()\`, keys = field names)`,
      `Repository: \`${entity.className}Repository\` (\`${entity.paths.repository}\`), implemented by \`${impl.className}\` (\`${impl.path}\`)`,
      ...deleteBullets(plan, entity),
      ...ownerBullets(plan, entity),
      ...providerBullets(plan, entity),
    ]),
    table(
      ['Field', 'Label', 'Dart type', 'Always present', plan.backend === 'supabase' ? 'Column' : 'Kind'],
      fieldRows(plan, entity),
    ),
    table(OPERATION_HEADERS[plan.backend], operationRows(plan, entity, graphql)),
  ];
  if (graphql) {
    const docs = graphqlDocuments(graphql);
    sections.push(
      ['```graphql', docs.list.trimEnd(), '', docs.save.trimEnd(), '', docs.delete.trimEnd(), '```'].join('\n'),
    );
  }
  return sections.join('\n\n');
}

function connectionLines(plan: AppPlan): string[] {
  switch (plan.backend) {
    case 'none':
      return ['Connection: none; the data stays on the device (uninstalling the app deletes it)'];
    case 'firebase':
      return [
        'Connection: `Firebase.initializeApp(options: DefaultFirebaseOptions.currentPlatform)` in `main()`; run `flutterfire configure` to generate `lib/firebase_options.dart`',
        'Security: Firestore rules per collection (see README.md)',
      ];
    case 'supabase':
      return [
        'Connection: `Supabase.initialize(url, anonKey)` in `main()`, values from `--dart-define=SUPABASE_URL=…` and `--dart-define=SUPABASE_ANON_KEY=…` (`lib/config/supabase_config.dart`)',
        'Security: row level security on every table (SQL in README.md)',
      ];
    case 'rest':
      return [
        `Base URL: \`ApiConfig.baseUrl\` (\`lib/config/api_config.dart\`), \`--dart-define=API_BASE_URL=…\`, default \`${API_BASE_URL_DEFAULT}\``,
        'Format: JSON bodies (`toJson()`); errors are `{ "message": string }` and any non-2xx status throws `ApiException(statusCode, message)`',
      ];
    case 'graphql':
      return [
        `Endpoint: \`ApiConfig.graphqlEndpoint\` (\`lib/config/api_config.dart\`), \`--dart-define=GRAPHQL_ENDPOINT=…\`, default \`${GRAPHQL_ENDPOINT_DEFAULT}\``,
        'Errors: network and GraphQL errors are thrown as `OperationException`',
      ];
  }
}

function authSection(plan: AppPlan): string {
  if (!hasAuthFeature(plan) || (plan.backend !== 'rest' && plan.backend !== 'graphql')) return '';
  const credentials = '`{ "email": string, "password": string }`';
  const rows = [
    ['`POST`', `\`${REST_AUTH_PATHS.login}\``, credentials, '`200 { "token": string }`; `401` wrong credentials'],
  ];
  if (hasRegistration(plan)) {
    rows.push([
      '`POST`',
      `\`${REST_AUTH_PATHS.register}\``,
      credentials,
      '`201 { "token": string }`; `409` email taken',
    ]);
  }
  const where = plan.backend === 'rest' ? ' (in `docs/openapi.yaml`, tag `Auth`)' : '';
  return [
    '## Authentication',
    `The sign-in screen (\`HttpAuthService\`) calls REST endpoints under \`ApiConfig.baseUrl\`${where}; errors may carry \`{ "message": string }\`:`,
    table(['Method', 'Path', 'Body', 'Answer'], rows),
    ...(sendsAuthToken(plan) ? [AUTH_TOKEN_README] : []),
    ...(serverOwnershipSentence(plan, inline) ? [serverOwnershipSentence(plan, inline)] : []),
  ].join('\n\n');
}

export function apiContractMd(appPlan: AppPlan): string {
  // Records kept only on the device (a camera's photos) are no part of the server's contract.
  const plan = serverPlan(appPlan);
  const graphql = plan.backend === 'graphql' ? graphqlEntities(plan) : [];
  const byClass = new Map(graphql.map((names) => [names.entity.className, names]));
  const contract =
    plan.backend === 'graphql'
      ? 'Machine-readable contract: `docs/schema.graphql`; entities: `docs/data_model.json`'
      : plan.backend === 'rest'
        ? 'Machine-readable contract: `docs/openapi.yaml` (OpenAPI 3.0.3); entities: `docs/data_model.json`'
        : 'Entities: `docs/data_model.json`; `docs/openapi.yaml` gives the same entities as a REST contract, for reference';
  return document(
    `# API contract — ${inline(plan.displayName)}`,
    blockquote(plan.description),
    bulletList([
      `Backend: ${BACKEND_TITLES[plan.backend]} (requested: "${inline(plan.spec.backend) || 'none'}")`,
      ...connectionLines(plan),
      'Ids: strings made by the app (`newId()` in `lib/data/ids.dart`); saving an item inserts it or replaces the one with the same id',
      'Dates: ISO-8601 strings in UTC (a day is midnight UTC of that day; a date-time is the instant, shown in the device’s time zone)',
      contract,
    ]),
    'Screens get each repository as its interface from `AppServices` (`lib/app_services.dart`); widget tests use in-memory implementations, so swapping the backend leaves the UI code unchanged.',
    ...plan.entities.map((entity) => entitySection(plan, entity, byClass.get(entity.className))),
    authSection(plan),
  );
}
