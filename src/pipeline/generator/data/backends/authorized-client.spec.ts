import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec, GeneratedFile } from '../../app-spec';
import { backendDocs } from '../../docs.generator';
import { generateFlutterProject } from '../../flutter-project.generator';
import { simpleSpec } from '../../testing/fixtures';
import { unresolvedImports } from '../../testing/project-checks';

const SPEC = (backend: string, features: string[]): AppSpec =>
  simpleSpec({ backend, features, name: 'Acme', description: '' });

function generate(backend: string, features: string[]): Map<string, string> {
  const files: GeneratedFile[] = generateFlutterProject(SPEC(backend, features));
  expect(unresolvedImports(files)).toEqual([]);
  return new Map(files.map((file) => [file.path, file.content]));
}

function read(files: Map<string, string>, path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`${path} was not generated`);
  return content;
}

const CLIENT = 'lib/data/authorized_client.dart';
const TEST = 'test/data/authorized_client_test.dart';

describe('the signed-in user’s token on API requests', () => {
  it('REST: every repository shares a client that reads HttpAuthService.token per request', () => {
    const files = generate('rest', ['Login', 'Tasks', 'Expenses']);
    const services = read(files, 'lib/app_services.dart');
    // The concrete service is a local first: AuthService (the field's type) has no token.
    expect(services).toContain(
      [
        '    final auth = HttpAuthService(prefs);',
        "    // The repositories send the signed-in user's token (HttpAuthService.token).",
        '    final apiClient = AuthorizedClient(() => auth.token);',
        '    return AppServices(',
      ].join('\n'),
    );
    expect(services).toContain('      tasks: RestTaskRepository(client: apiClient),');
    expect(services).toContain('      expenses: RestExpenseRepository(client: apiClient),');
    expect(services).toContain('      auth: auth,');
    expect(read(files, CLIENT)).toContain("request.headers['Authorization'] = 'Bearer $current';");
    // The contract says so too: data operations need the bearer token, signing in does not.
    const docs = backendDocs(SPEC('rest', ['Login', 'Tasks', 'Expenses']));
    const openApi = parse(read(new Map(docs.map((file) => [file.path, file.content])), 'docs/openapi.yaml'));
    expect(openApi.security).toEqual([{ bearerAuth: [] }]);
    expect(openApi.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    expect(openApi.paths['/auth/login'].post.security).toEqual([]);
  });

  it('REST: a Dart test fetches through the repository, signed in and then signed out', () => {
    const test = read(generate('rest', ['Login', 'Tasks']), TEST);
    expect(test).toContain('final api = RestTaskRepository(client: client);');
    expect(test).toContain('Future<Object?> request() => api.fetchAll();');
    expect(test).toContain("expect(server.requests.last.headers['Authorization'], 'Bearer token-123');");
    expect(test.indexOf('token = null;')).toBeGreaterThan(test.indexOf("'Bearer token-123'"));
    expect(test).toContain("expect(server.requests.last.headers.containsKey('Authorization'), isFalse);");
  });

  it('GraphQL: the link posts through the authorized client; the test asks the network twice', () => {
    const files = generate('graphql', ['Sign in', 'Tasks']);
    expect(read(files, 'lib/data/graphql/graphql_connection.dart')).toContain(
      'link: HttpLink(ApiConfig.graphqlEndpoint, httpClient: httpClient),',
    );
    expect(read(files, 'lib/app_services.dart')).toContain(
      'final apiClient = GraphqlConnection.create(httpClient: AuthorizedClient(() => auth.token));',
    );
    expect(read(files, 'lib/app_services.dart')).toContain('tasks: GraphqlTaskRepository(client: apiClient),');
    // The connection imports package:http itself, so the pubspec declares it.
    expect(parse(read(files, 'pubspec.yaml')).dependencies).toHaveProperty('http');
    const test = read(files, TEST);
    expect(test).toContain('final api = GraphqlConnection.create(httpClient: client);');
    // A cached answer would send no second request, and the signed-out check would see the first.
    expect(test).toContain('fetchPolicy: FetchPolicy.networkOnly,');
    expect(read(files, 'README.md')).toContain('every data request carries `Authorization: Bearer <token>`');
  });

  it.each([
    ['rest', ['Tasks']],
    ['graphql', ['Tasks']],
    ['firebase', ['Login', 'Tasks']],
    ['rest', ['Login']],
  ])('changes nothing for %s with %j (no sign-in on the API, or no data)', (backend, features) => {
    const files = generate(backend, features);
    expect(files.has(CLIENT)).toBe(false);
    expect(files.has(TEST)).toBe(false);
    expect(read(files, 'lib/app_services.dart')).not.toContain('apiClient');
    expect(read(files, 'README.md')).not.toContain('Authorization: Bearer');
    if (backend === 'graphql') {
      expect(read(files, 'lib/data/graphql/graphql_connection.dart')).toContain('link: HttpLink(ApiConfig.graphqlEndpoint),');
    }
  });
});
