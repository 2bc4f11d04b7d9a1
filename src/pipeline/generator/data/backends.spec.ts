import { describe, expect, it } from 'vitest';
import { parseDart } from '../../qa/dart-parser';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { findDartDirectives, localImportTarget } from '../dart-directives';
import type { AppPlan, BackendKind, EntityPlan } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { AWKWARD_FEATURES } from '../testing/fixtures';
import { backendWiring, repositoryImplementation, type BackendWiring } from './backends';
import { graphqlEntities, restCollectionPath } from './backends/backend-names';
import { PACKAGE_VERSIONS } from './package-versions';
import { RECORD_REPOSITORY_PATH } from '../archetypes/records-library';

const BACKENDS: readonly BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

function spec(backend: string, features: string[], overrides: Partial<AppSpec> = {}): AppSpec {
  return { slug: 'budget', name: 'Budget', description: '', platforms: [], style: '', backend, features, ...overrides };
}

/** Plans with several entities (money, dates, snake_case columns, bools), hostile labels and a generic entity. */
const PLANS: ReadonlyArray<readonly [string, (backend: string) => AppPlan]> = [
  ['expenses + chat + map', (backend) => planApp(spec(backend, ['Expenses', 'Login and register', 'Chat', 'Map']))],
  ['awkward labels', (backend) => planApp(spec(backend, [...AWKWARD_FEATURES, 'Tasks', 'Bookings', 'Game boards']))],
  ['one generic entity', (backend) => planApp(spec(backend, ['Quản lý "kho" $hàng']))],
];

function fileAt(wiring: BackendWiring, path: string): GeneratedFile {
  const file = wiring.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file;
}

/** Root-relative files the wiring may import besides its own: what the lead writes for every entity. */
function entityFiles(plan: AppPlan): Set<string> {
  return new Set([
    RECORD_REPOSITORY_PATH,
    ...plan.entities.flatMap((entity) => [entity.paths.model, entity.paths.repository]),
  ]);
}

function packageOf(uri: string): string {
  return uri.slice('package:'.length).split('/')[0];
}

describe.each(BACKENDS)('backend %s', (backend) => {
  describe.each(PLANS)('%s', (_name, makePlan) => {
    const plan = makePlan(backend);
    const wiring = backendWiring(plan);
    const dartFiles = wiring.files.filter((file) => file.path.endsWith('.dart'));

    it('plans the backend and several entities', () => {
      expect(plan.backend).toBe(backend);
      expect(plan.entities.length).toBeGreaterThan(0);
    });

    it('writes Dart files that parse, under lib/, each path once', async () => {
      expect(dartFiles.length).toBe(wiring.files.length);
      expect(new Set(wiring.files.map((file) => file.path)).size).toBe(wiring.files.length);
      for (const file of dartFiles) {
        expect(file.path).toMatch(/^lib\//);
        const result = await parseDart(file.content);
        expect(result.errors, `${file.path}\n${file.content}`).toEqual([]);
      }
    });

    it('implements each entity repository exactly once, in the file repositoryImports names', () => {
      for (const entity of plan.entities) {
        const implementing = dartFiles.filter((file) =>
          // `implements` goes to the next line when a second interface (PostedRecords) makes it long.
          new RegExp(`^class \\w+\\s+implements ${entity.className}Repository(, \\w+)* \\{`, 'm').test(file.content),
        );
        expect(implementing, entity.className).toHaveLength(1);
        const [file] = implementing;
        const impl = repositoryImplementation(backend, entity);
        expect(file.path).toBe(impl.path);
        expect(file.content).toMatch(
          new RegExp(`class ${impl.className}\\s+implements ${entity.className}Repository(, (PostedRecords|StaffRecords))? \\{`),
        );
        expect(wiring.repositoryImports(entity)).toEqual([impl.path.slice('lib/'.length)]);
        expect(wiring.repositoryCreate(entity).startsWith(`${impl.className}(`)).toBe(true);
        for (const method of [
          `Future<List<${entity.className}>> fetchAll()`,
          `Future<void> save(${entity.className} item)`,
          'Future<void> delete(String id)',
        ]) {
          expect(file.content, method).toContain(`@override\n  ${method}`);
        }
      }
    });

    it('starts every public class with the backend word and never declares one twice', () => {
      const prefix = {
        none: 'SharedPreferences',
        firebase: 'Firestore',
        supabase: 'Supabase',
        rest: 'Rest',
        graphql: 'Graphql',
      }[backend];
      const classes = dartFiles.flatMap((file) =>
        [...file.content.matchAll(/^(?:abstract\s+|final\s+)*class\s+(\w+)/gm)].map((match) => match[1]),
      );
      expect(new Set(classes).size).toBe(classes.length);
      // AuthorizedClient (REST and GraphQL with sign-in) is imported only by app_services.dart and its test, next to no model.
      const shared = ['DefaultFirebaseOptions', 'SupabaseConfig', 'ApiConfig', 'ApiException', 'AuthorizedClient'];
      for (const name of classes) if (!shared.includes(name)) expect(name.startsWith(prefix), name).toBe(true);
    });

    it('declares every package it imports and resolves every relative import', () => {
      const own = new Set(wiring.files.map((file) => file.path));
      const entities = entityFiles(plan);
      for (const file of dartFiles) {
        for (const uri of findDartDirectives(file.content).flatMap((directive) => directive.uris)) {
          if (uri.startsWith('dart:')) continue;
          if (uri.startsWith('package:')) {
            expect(Object.keys(wiring.dependencies), `${file.path}: ${uri}`).toContain(packageOf(uri));
            continue;
          }
          const target = localImportTarget(file.path, uri, plan.packageName) as string;
          expect(own.has(target) || entities.has(target), `${file.path}: ${uri}`).toBe(true);
        }
      }
      for (const uri of wiring.mainImports) {
        if (uri.startsWith('package:')) expect(Object.keys(wiring.dependencies)).toContain(packageOf(uri));
        else expect(own.has(`lib/${uri}`), uri).toBe(true);
      }
      for (const entity of plan.entities) {
        for (const path of wiring.repositoryImports(entity)) expect(own.has(`lib/${path}`), path).toBe(true);
      }
    });

    it('takes every version constraint from package-versions.ts', () => {
      for (const [name, constraint] of Object.entries(wiring.dependencies)) {
        expect(PACKAGE_VERSIONS[name as keyof typeof PACKAGE_VERSIONS], name).toBe(constraint);
      }
    });

    it('is deterministic', () => {
      const again = backendWiring(makePlan(backend));
      expect(again.files).toEqual(wiring.files);
      expect(again.readme).toBe(wiring.readme);
      expect(plan.entities.map((entity) => again.repositoryCreate(entity))).toEqual(
        plan.entities.map((entity) => wiring.repositoryCreate(entity)),
      );
    });

    it('writes a README section without a top heading that names every storage place', () => {
      expect(wiring.readme).not.toMatch(/^# /m);
      expect(wiring.readme.trim()).not.toBe('');
      for (const entity of plan.entities) {
        const where = backend === 'graphql' ? entity.collection : entity.tableName;
        expect(wiring.readme, entity.className).toContain(where);
      }
    });
  });
});

describe.each(BACKENDS)('backend %s for an app that stores nothing (sign-in and settings only)', (backend) => {
  it('says so in the README instead of an empty table', () => {
    const plan = planApp(spec(backend, ['Login', 'Dark mode']));
    expect(plan.entities).toEqual([]);
    const { readme } = backendWiring(plan);
    const lines = readme.split('\n');
    const headerOnly = lines.filter((line, i) => /^\| --- /.test(line) && !lines[i + 1]?.startsWith('|'));
    expect(headerOnly).toEqual([]);
    if (backend === 'none') expect(readme).toContain('stores data of its own');
  });
});

describe('backend specifics', () => {
  const plan = (backend: string): AppPlan => planApp(spec(backend, ['Expenses', 'Login and register', 'Chat']));
  const entity = (p: AppPlan, className: string): EntityPlan =>
    p.entities.find((candidate) => candidate.className === className) as EntityPlan;

  it('none: keeps each entity as a JSON list in shared_preferences under its table name', () => {
    const p = plan('none');
    const wiring = backendWiring(p);
    expect(wiring.dependencies).toEqual({ shared_preferences: PACKAGE_VERSIONS.shared_preferences });
    expect(wiring.mainSetup).toEqual([]);
    const chat = entity(p, 'ChatMessage');
    expect(wiring.repositoryCreate(chat)).toBe('SharedPreferencesChatMessageRepository(prefs)');
    const dart = fileAt(wiring, repositoryImplementation('none', chat).path).content;
    expect(dart).toContain("static const String storageKey = 'chat_messages';");
    expect(dart).toContain('_prefs.getString(storageKey)');
    expect(dart).toContain('await _prefs.setString(storageKey, encoded);');
    expect(dart).toContain('jsonEncode([for (final item in items) item.toJson()])');
  });

  it('firebase: Firestore collections, a firebase_options placeholder and Firebase.initializeApp in main', () => {
    const p = plan('firebase');
    const wiring = backendWiring(p);
    // firebase_auth: the expenses are the signed-in user's (record-owner.ts).
    expect(Object.keys(wiring.dependencies).sort()).toEqual(['cloud_firestore', 'firebase_auth', 'firebase_core']);
    const options = fileAt(wiring, 'lib/firebase_options.dart').content;
    expect(options).toContain('class DefaultFirebaseOptions {');
    expect(options).toContain('static FirebaseOptions get currentPlatform {');
    expect(options).toContain('throw UnsupportedError(');
    expect(options).toContain('flutterfire configure');
    expect(wiring.mainImports).toEqual(['package:firebase_core/firebase_core.dart', 'firebase_options.dart']);
    expect(wiring.mainSetup).toEqual(['await Firebase.initializeApp(options: DefaultFirebaseOptions.currentPlatform);']);
    const expense = entity(p, 'Expense');
    const dart = fileAt(wiring, repositoryImplementation('firebase', expense).path).content;
    expect(dart).toContain("static const String collectionName = 'expenses';");
    expect(dart).toContain("Expense.fromJson({...doc.data(), 'id': doc.id})");
    expect(dart).toContain('final json = <String, Object?>{...item.toJson(), ownerField: _ownerId};');
    expect(dart).toContain('return _collection.doc(item.id).set(json);');
    expect(dart).toContain('_collection.doc(id).delete()');
    expect(wiring.readme).toContain('dart pub global activate flutterfire_cli');
    expect(wiring.readme).toContain('flutterfire configure');
    expect(wiring.readme).toContain('match /expenses/{itemId}');
    expect(wiring.readme).toContain('match /chat_messages/{itemId}');
    // The plan signs users in, so the rules require it; a write must carry the required fields;
    // an expense is its owner's alone.
    expect(wiring.readme).toContain(
      'allow read, delete: if request.auth != null && resource.data.owner_id == request.auth.uid;',
    );
    expect(wiring.readme).toContain(
      "allow create: if request.auth != null && request.resource.data.owner_id == request.auth.uid && request.resource.data.keys().hasAll(['title', 'amount', 'category', 'date']);",
    );
  });

  it('firebase without sign-in: the rules say they are open and why', () => {
    const wiring = backendWiring(planApp(spec('firebase', ['Expenses'])));
    expect(wiring.readme).toContain('allow read, delete: if true;');
    expect(wiring.readme).toContain("allow create, update: if request.resource.data.keys().hasAll(['title',");
    expect(wiring.readme).toContain('not for production');
  });

  it('supabase: maps field names to snake_case columns and documents the SQL of every table', () => {
    const p = plan('supabase');
    const wiring = backendWiring(p);
    // http: userMessage tells package:http's network errors apart.
    expect(wiring.dependencies).toEqual({
      supabase_flutter: PACKAGE_VERSIONS.supabase_flutter,
      http: PACKAGE_VERSIONS.http,
    });
    const config = fileAt(wiring, 'lib/config/supabase_config.dart').content;
    expect(config).toContain("static const String url = String.fromEnvironment('SUPABASE_URL');");
    expect(config).toContain("static const String anonKey = String.fromEnvironment('SUPABASE_ANON_KEY');");
    expect(wiring.mainSetup).toContain(
      'await Supabase.initialize(url: SupabaseConfig.url, anonKey: SupabaseConfig.anonKey);',
    );
    const chat = entity(p, 'ChatMessage');
    const dart = fileAt(wiring, repositoryImplementation('supabase', chat).path).content;
    expect(dart).toContain("static const String tableName = 'chat_messages';");
    expect(dart).toContain('await _client.from(tableName).select();');
    expect(dart).toContain('await _client.from(tableName).upsert(_toRow(item));');
    expect(dart).toContain("await _client.from(tableName).delete().eq('id', id);");
    expect(dart).toContain("'sent_at': json['sentAt'],");
    expect(dart).toContain("'sentAt': row['sent_at'],");
    expect(wiring.readme).toContain('--dart-define=SUPABASE_URL=');
    expect(wiring.readme).toContain('--dart-define=SUPABASE_ANON_KEY=');
    for (const e of p.entities) {
      expect(wiring.readme).toContain(`create table if not exists public."${e.tableName}" (`);
      expect(wiring.readme).toContain(`alter table public."${e.tableName}" enable row level security;`);
      for (const field of e.fields) expect(wiring.readme).toContain(`"${field.column}" `);
    }
    expect(wiring.readme).toContain('"id" text primary key');
    expect(wiring.readme).toContain('"amount" numeric(12, 2) not null');
    expect(wiring.readme).toContain('"sent_at" timestamptz not null');
  });

  it('rest: GET list, PUT and DELETE by id under ApiConfig.baseUrl, ApiException on non-2xx', () => {
    const p = plan('rest');
    const wiring = backendWiring(p);
    expect(wiring.dependencies).toEqual({ http: PACKAGE_VERSIONS.http });
    const config = fileAt(wiring, 'lib/config/api_config.dart').content;
    expect(config.replace(/\s+/g, ' ')).toContain(
      "abstract final class ApiConfig { /// Base URL of the REST API (no trailing slash); override with /// `--dart-define=API_BASE_URL=https://api.example.com/v1`. static const String baseUrl = String.fromEnvironment( 'API_BASE_URL', defaultValue: 'http://10.0.2.2:8080/v1', ); }",
    );
    const exception = fileAt(wiring, 'lib/data/api_exception.dart').content;
    expect(exception).toContain('class ApiException implements Exception {');
    expect(exception).toContain('const ApiException(this.statusCode, this.message);');
    for (const e of p.entities) {
      const dart = fileAt(wiring, repositoryImplementation('rest', e).path).content;
      expect(dart).toContain(`static const String resource = '${e.tableName}';`);
      expect(`/${e.tableName}`).toBe(restCollectionPath(e));
      expect(dart).toContain("Uri.parse('$_baseUrl/$resource')");
      expect(dart).toContain("Uri.parse('$_baseUrl/$resource/${Uri.encodeComponent(id)}')");
      // A chat's messages add the poll's query parameters to the same URL.
      expect(dart).toMatch(/_client\.get\(\s*_collectionUri/);
      expect(dart).toContain('_client.put(\n      _itemUri(item.id)');
      expect(dart).toContain('body: jsonEncode(item.toJson())');
      expect(dart).toContain('_client.delete(_itemUri(id)');
      expect(dart).toContain('throw ApiException.fromBody(');
      expect(dart).toContain('http.Client? client');
    }
  });

  it('graphql: documents and repositories agree on operations and fields; ApiConfig has both URLs', () => {
    const p = plan('graphql');
    const wiring = backendWiring(p);
    // The plan has sign-in: the connection posts through an http client that adds the token.
    expect(wiring.dependencies).toEqual({
      graphql_flutter: PACKAGE_VERSIONS.graphql_flutter,
      http: PACKAGE_VERSIONS.http,
    });
    const config = fileAt(wiring, 'lib/config/api_config.dart').content;
    expect(config).toContain('static const String baseUrl = String.fromEnvironment(');
    expect(config).toContain('static const String graphqlEndpoint = String.fromEnvironment(');
    expect(config).toContain("'GRAPHQL_ENDPOINT',\n    defaultValue: 'http://10.0.2.2:8080/graphql',");
    const connection = fileAt(wiring, 'lib/data/graphql/graphql_connection.dart').content;
    expect(connection).toContain('link: HttpLink(ApiConfig.graphqlEndpoint, httpClient: httpClient),');
    expect(connection).toContain('cache: GraphQLCache(),');
    for (const names of graphqlEntities(p)) {
      const documents = fileAt(wiring, `lib/data/graphql/${names.entity.fileName}_documents.dart`).content;
      expect(documents).toContain(`abstract final class ${names.documents.className} {`);
      expect(documents).toContain(`  ${names.listField} {\n    id\n`);
      expect(documents).toContain(`${names.saveField}(input: $input)`);
      expect(documents).toContain(`${names.deleteField}(id: $id)`);
      const dart = fileAt(wiring, repositoryImplementation('graphql', names.entity).path).content;
      expect(dart).toContain(`document: gql(${names.documents.className}.fetchAll),`);
      expect(dart).toContain(`document: gql(${names.documents.className}.save),`);
      expect(dart).toContain(`document: gql(${names.documents.className}.delete),`);
      expect(dart).toContain(`result.data?['${names.listField}']`);
      expect(dart).toContain("variables: {'input': _toInput(item)},");
      expect(dart).toContain("variables: {'id': id},");
      // Every field the query selects is read back, and every input field is written.
      for (const field of names.fields) {
        expect(documents).toContain(`\n    ${field.name}\n`);
        expect(dart).toContain(`'${field.name}': json['${field.jsonKey}'],`);
        expect(dart).toContain(`'${field.jsonKey}': node['${field.name}'],`);
      }
    }
  });
});
