/**
 * REST and GraphQL apps with a sign-in feature: the repositories send the
 * signed-in user's token (`Authorization: Bearer <token>`) through one
 * `AuthorizedClient` that reads `HttpAuthService.token` on every request, so
 * signing in or out takes effect without rebuilding anything. A test proves
 * the header is sent, and not sent while nobody is signed in.
 */
import type { GeneratedFile } from '../../app-spec';
import { dartString } from '../../dart-string';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { GRAPHQL_CONNECTION_PATH, hasAuthFeature, libRelative, repositoryImplementation } from './backend-names';
import { dartImports } from './wiring';

export const AUTHORIZED_CLIENT_PATH = 'lib/data/authorized_client.dart';
const AUTHORIZED_CLIENT_TEST_PATH = 'test/data/authorized_client_test.dart';

/** The `AppServices` field of the sign-in service (the auth archetype's `ServiceDecl.field`). */
const AUTH_FIELD = 'auth';

/** The Dart variable `AppServices.create()` keeps the shared client (REST) or GraphQL client in. */
export const API_CLIENT_VARIABLE = 'apiClient';

/** Whether the repositories of `plan` need the signed-in user's token: sign-in on the app's own API, and data to send. */
export function sendsAuthToken(plan: AppPlan): boolean {
  return (plan.backend === 'rest' || plan.backend === 'graphql') && hasAuthFeature(plan) && plan.entities.length > 0;
}

function authorizedClientDart(): string {
  return `import 'package:http/http.dart' as http;

/// An [http.Client] that adds \`Authorization: Bearer <token>\` to every
/// request while someone is signed in. [token] is read per request, so
/// signing in or out applies to the next call.
class AuthorizedClient extends http.BaseClient {
  AuthorizedClient(this.token, {http.Client? inner})
      : _inner = inner ?? http.Client();

  /// The current session token, or null while nobody is signed in.
  final String? Function() token;
  final http.Client _inner;

  @override
  Future<http.StreamedResponse> send(http.BaseRequest request) {
    final current = token();
    if (current != null && current.isNotEmpty) {
      request.headers['Authorization'] = 'Bearer $current';
    }
    return _inner.send(request);
  }

  @override
  void close() => _inner.close();
}
`;
}

/** What the test requests through: the repository (REST) or the app's GraphQL client, made over `client`. */
function testSubject(plan: AppPlan, entity: EntityPlan): { imports: string[]; body: string; create: string; call: string } {
  const pkg = plan.packageName;
  if (plan.backend === 'rest') {
    const impl = repositoryImplementation('rest', entity);
    return {
      imports: [`package:${pkg}/${libRelative(impl.path)}`],
      body: '[]',
      create: `${impl.className}(client: client)`,
      call: 'fetchAll()',
    };
  }
  return {
    imports: ['package:graphql_flutter/graphql_flutter.dart', `package:${pkg}/${libRelative(GRAPHQL_CONNECTION_PATH)}`],
    body: '{"data": {"__typename": "Query"}}',
    create: 'GraphqlConnection.create(httpClient: client)',
    // Network only: a cached answer would send no second request.
    call: `query(
          QueryOptions(
            document: gql('query { __typename }'),
            fetchPolicy: FetchPolicy.networkOnly,
          ),
        )`,
  };
}

function authorizedClientTestDart(plan: AppPlan): string {
  const subject = testSubject(plan, plan.entities[0]);
  const imports = dartImports(AUTHORIZED_CLIENT_TEST_PATH, {
    dart: ['dart:convert'],
    packages: [
      'package:flutter_test/flutter_test.dart',
      'package:http/http.dart as http',
      ...subject.imports,
      `package:${plan.packageName}/${libRelative(AUTHORIZED_CLIENT_PATH)}`,
    ],
  });
  return `${imports}

/// A server that answers every request with [body] and keeps the requests.
class _RecordingServer extends http.BaseClient {
  _RecordingServer(this.body);

  final String body;
  final List<http.BaseRequest> requests = [];

  @override
  Future<http.StreamedResponse> send(http.BaseRequest request) async {
    requests.add(request);
    return http.StreamedResponse(
      Stream.value(utf8.encode(body)),
      200,
      headers: {'content-type': 'application/json'},
    );
  }
}

void main() {
  test('sends the token of whoever is signed in, and none after signing out', () async {
    final server = _RecordingServer(${dartString(subject.body)});
    String? token = 'token-123';
    final client = AuthorizedClient(() => token, inner: server);
    final api = ${subject.create};
    Future<Object?> request() => api.${subject.call};

    await request();
    expect(server.requests.last.headers['Authorization'], 'Bearer token-123');

    token = null;
    await request();
    expect(server.requests.last.headers.containsKey('Authorization'), isFalse);
  });
}
`;
}

/** README sentence for apps that {@link sendsAuthToken}. */
export const AUTH_TOKEN_README =
  'While someone is signed in, every data request carries `Authorization: Bearer <token>` (the token `HttpAuthService` got at sign-in) through `AuthorizedClient` (`lib/data/authorized_client.dart`); `test/data/authorized_client_test.dart` checks it. Requests made while nobody is signed in carry no token.';

/** What a REST or GraphQL wiring adds when {@link sendsAuthToken}: the client, its test, and the `AppServices` lines. */
export interface AuthTokenWiring {
  files: GeneratedFile[];
  testFiles: GeneratedFile[];
  /** Statements of `AppServices.create()` making {@link API_CLIENT_VARIABLE}; they use the `auth` service. */
  createSetup: string[];
  createImports: string[];
}

/** `clientOf(authorized)`: the Dart expression the repositories share, given the authorized http client. */
export function authTokenWiring(plan: AppPlan, clientOf: (httpClient: string) => string): AuthTokenWiring {
  const httpClient = `AuthorizedClient(() => ${AUTH_FIELD}.token)`;
  return {
    files: [{ path: AUTHORIZED_CLIENT_PATH, content: authorizedClientDart() }],
    testFiles: [{ path: AUTHORIZED_CLIENT_TEST_PATH, content: authorizedClientTestDart(plan) }],
    createSetup: [
      '// The repositories send the signed-in user\'s token (HttpAuthService.token).',
      `final ${API_CLIENT_VARIABLE} = ${clientOf(httpClient)};`,
    ],
    createImports: [libRelative(AUTHORIZED_CLIENT_PATH)],
  };
}
