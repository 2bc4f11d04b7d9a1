/**
 * backend `rest`: one HTTP resource per entity (`GET /<table>`,
 * `PUT /<table>/{id}`, `DELETE /<table>/{id}`) with package:http, the
 * contract docs/openapi.yaml describes. `lib/config/api_config.dart` is shared
 * with the GraphQL backend and the auth feature.
 */
import type { GeneratedFile } from '../../app-spec';
import { RECORD_REPOSITORY_PATH, SERVER_READ_ERRORS_README } from '../../archetypes/records-library';
import { dartString } from '../../dart-string';
import { NO_DATA, table } from '../../docs/markdown';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { packages } from '../package-versions';
import {
  API_BASE_URL_DEFAULT,
  API_CONFIG_PATH,
  API_EXCEPTION_PATH,
  GRAPHQL_ENDPOINT_DEFAULT,
  REST_AUTH_PATHS,
  hasAuthFeature,
  hasRegistration,
  libRelative,
  repositoryImplementation,
  restCollectionPath,
  restItemPath,
} from './backend-names';
import { API_CLIENT_VARIABLE, AUTH_TOKEN_README, authTokenWiring, sendsAuthToken } from './authorized-client';
import { newerMessagesQuery, SINCE_PARAMETER, type NewerMessagesQuery } from './chat-messages';
import { serverOwnershipSentence } from './record-owner';
import { NETWORK_PERMISSIONS, codeBlock, dartImports, entityImports, type BackendWiring } from './wiring';

/**
 * `lib/config/api_config.dart`: `ApiConfig.baseUrl` for REST calls (the REST repositories, sign-in),
 * `graphqlEndpoint` for the GraphQL backend; a GraphQL app without sign-in makes no REST call.
 */
export function apiConfigFile(withGraphql: boolean, withBaseUrl = true): GeneratedFile {
  const baseUrl = withBaseUrl
    ? `
  /// Base URL of the REST API (no trailing slash); override with
  /// \`--dart-define=API_BASE_URL=https://api.example.com/v1\`.
  static const String baseUrl = String.fromEnvironment(
    'API_BASE_URL',
    defaultValue: ${dartString(API_BASE_URL_DEFAULT)},
  );`
    : '';
  const graphql = withGraphql
    ? `
  /// The GraphQL endpoint; override with
  /// \`--dart-define=GRAPHQL_ENDPOINT=https://api.example.com/graphql\`.
  static const String graphqlEndpoint = String.fromEnvironment(
    'GRAPHQL_ENDPOINT',
    defaultValue: ${dartString(GRAPHQL_ENDPOINT_DEFAULT)},
  );`
    : '';
  return {
    path: API_CONFIG_PATH,
    content: `/// Where the app's server lives, set at build time. The defaults reach a
/// server on the development machine from the Android emulator.
abstract final class ApiConfig {${[baseUrl, graphql].filter(Boolean).join('\n')}
}
`,
  };
}

function apiExceptionDart(): string {
  return `import 'dart:convert';

/// The server answered with a status outside 200–299.
class ApiException implements Exception {
  const ApiException(this.statusCode, this.message);

  /// Uses the \`message\` of a \`{"message": "..."}\` error body (the \`Error\`
  /// schema of docs/openapi.yaml), else the body text itself.
  factory ApiException.fromBody(int statusCode, String body) {
    var message = body.trim();
    try {
      final decoded = jsonDecode(body);
      if (decoded is Map && decoded['message'] is String) {
        message = decoded['message'] as String;
      }
    } on FormatException {
      // Not JSON: keep the text as it is.
    }
    return ApiException(
      statusCode,
      message.isEmpty ? 'HTTP $statusCode' : message,
    );
  }

  final int statusCode;
  final String message;

  @override
  String toString() => 'ApiException($statusCode): $message';
}
`;
}

/** `fetchNewer` of a chat's message repository: one channel's messages since a moment, for the poll. */
function fetchNewerDart(entity: EntityPlan, query: NewerMessagesQuery): string {
  const model = entity.className;
  const channel = query.channel;
  const collection = restCollectionPath(entity);
  const params = [...(channel ? [`${channel.name}=…`] : []), `${SINCE_PARAMETER}=…`].join('&');
  return `

  /// The messages${channel ? ` of [${channel.name}]` : ''} sent at or after [since] (all when null):
  /// \`GET ${collection}?${params}\`,
  /// so a poll fetches only what is new.
  Future<List<${model}>> fetchNewer({${channel ? `\n    required String ${channel.name},` : ''}
    DateTime? since,
  }) {
    return _fetchList({${channel ? `\n      ${dartString(channel.name)}: ${channel.name},` : ''}
      if (since != null) ${dartString(SINCE_PARAMETER)}: since.toUtc().toIso8601String(),
    });
  }`;
}

function repositoryDart(entity: EntityPlan, newer?: NewerMessagesQuery): string {
  const impl = repositoryImplementation('rest', entity);
  const model = entity.className;
  const collection = restCollectionPath(entity);
  const item = restItemPath(entity);
  const notAList = dartString(`GET ${collection} did not return a JSON list`);
  return `${dartImports(impl.path, {
    dart: ['dart:convert'],
    packages: ['package:http/http.dart as http'],
    local: [API_CONFIG_PATH, API_EXCEPTION_PATH, ...entityImports(entity), RECORD_REPOSITORY_PATH],
  })}

/// [${model}Repository] over HTTP (docs/openapi.yaml):
/// \`GET ${collection}\` lists, \`PUT ${item}\` inserts or replaces,
/// \`DELETE ${item}\` deletes. Pass a [client] that adds headers (e.g. an
/// auth token) if the server needs them.
class ${impl.className} implements ${model}Repository {
  ${impl.className}({
    http.Client? client,
    String baseUrl = ApiConfig.baseUrl,
  })  : _client = client ?? http.Client(),
        _baseUrl = baseUrl.endsWith('/')
            ? baseUrl.substring(0, baseUrl.length - 1)
            : baseUrl;

  static const String resource = ${dartString(entity.tableName)};

  static const Map<String, String> _headers = {
    'Accept': 'application/json',
    'Content-Type': 'application/json; charset=utf-8',
  };

  final http.Client _client;
  final String _baseUrl;

  Uri get _collectionUri => Uri.parse('$_baseUrl/$resource');

  Uri _itemUri(String id) =>
      Uri.parse('$_baseUrl/$resource/\${Uri.encodeComponent(id)}');

  @override
  Future<List<${model}>> fetchAll() ${
    newer
      ? `=> _fetchList(const {});${fetchNewerDart(entity, newer)}

  /// The list at [resource], filtered by the [query] parameters (none: all).
  Future<List<${model}>> _fetchList(Map<String, String> query) `
      : ''
  }async {
    final response = await _client.get(${
      newer
        ? '\n      _collectionUri.replace(queryParameters: query.isEmpty ? null : query),\n      headers: _headers,\n    '
        : '_collectionUri, headers: _headers'
    });
    _ensureSuccess(response);
    final body = jsonDecode(utf8.decode(response.bodyBytes));
    if (body is! List) {
      throw ApiException(
        response.statusCode,
        ${notAList},
      );
    }
    return readRecords(
      body,
      (item) => ${model}.fromJson(item as Map<String, Object?>),
    );
  }

  @override
  Future<void> save(${model} item) async {
    final response = await _client.put(
      _itemUri(item.id),
      headers: _headers,
      body: jsonEncode(item.toJson()),
    );
    _ensureSuccess(response);
  }

  @override
  Future<void> delete(String id) async {
    final response = await _client.delete(_itemUri(id), headers: _headers);
    _ensureSuccess(response);
  }

  static void _ensureSuccess(http.Response response) {
    if (response.statusCode >= 200 && response.statusCode < 300) return;
    throw ApiException.fromBody(
      response.statusCode,
      utf8.decode(response.bodyBytes, allowMalformed: true),
    );
  }
}
`;
}

/** README lines on `--dart-define=API_BASE_URL` and cleartext HTTP during development. */
export function apiBaseUrlReadme(define: string, example: string, fallback: string): string {
  return [
    `Point the app at your server with \`--dart-define\` (the default, \`${fallback}\`, is your development machine seen from the Android emulator; use \`http://localhost:…\` for iOS simulators, desktop and web):`,
    codeBlock('sh', `flutter run --dart-define=${define}=${example}`),
    'Pass the same flag to `flutter build`. Android and iOS refuse plain `http://` by default: use `https://` outside local development, or for local testing allow cleartext traffic to your dev host (Android: `android:usesCleartextTraffic="true"` on `<application>` in `android/app/src/debug/AndroidManifest.xml`; iOS: an `NSAppTransportSecurity` exception in `ios/Runner/Info.plist`).',
  ].join('\n\n');
}

function readme(plan: AppPlan): string {
  const rows = plan.entities.flatMap((entity) => {
    const repo = repositoryImplementation('rest', entity).className;
    return [
      ['GET', restCollectionPath(entity), `\`${repo}.fetchAll()\``],
      ['PUT', restItemPath(entity), `\`${repo}.save(item)\``],
      ['DELETE', restItemPath(entity), `\`${repo}.delete(id)\``],
    ];
  });
  if (hasAuthFeature(plan)) {
    rows.push(['POST', REST_AUTH_PATHS.login, 'sign-in (`HttpAuthService`)']);
    if (hasRegistration(plan)) rows.push(['POST', REST_AUTH_PATHS.register, 'registration (`HttpAuthService`)']);
  }
  return [
    'The app talks to a JSON REST API whose contract is `docs/openapi.yaml` (OpenAPI 3.0). Bodies are the models’ `toJson()` (dates as ISO-8601 strings); `PUT` inserts or replaces the item with that id. A non-2xx answer throws `ApiException(statusCode, message)` (`lib/data/api_exception.dart`).',
    table(['Method', 'Path (after the base URL)', 'Called by'], rows, NO_DATA),
    ...(sendsAuthToken(plan) ? [AUTH_TOKEN_README] : []),
    serverOwnershipSentence(plan),
    apiBaseUrlReadme('API_BASE_URL', 'https://api.example.com/v1', API_BASE_URL_DEFAULT),
    SERVER_READ_ERRORS_README,
    NETWORK_PERMISSIONS,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function restWiring(plan: AppPlan): BackendWiring {
  const token = sendsAuthToken(plan) ? authTokenWiring(plan, (httpClient) => httpClient) : undefined;
  const files: GeneratedFile[] = [
    apiConfigFile(false),
    { path: API_EXCEPTION_PATH, content: apiExceptionDart() },
    ...plan.entities.map((entity) => ({
      path: repositoryImplementation('rest', entity).path,
      content: repositoryDart(entity, newerMessagesQuery(plan, entity)),
    })),
    ...(token?.files ?? []),
  ];
  const className = (entity: EntityPlan) => repositoryImplementation('rest', entity).className;
  return {
    dependencies: packages('http'),
    files,
    mainImports: [],
    mainSetup: [],
    testFiles: token?.testFiles,
    createSetup: token?.createSetup,
    createImports: token?.createImports,
    repositoryCreate: (entity) =>
      token ? `${className(entity)}(client: ${API_CLIENT_VARIABLE})` : `${className(entity)}()`,
    repositoryImports: (entity) => [libRelative(repositoryImplementation('rest', entity).path)],
    readme: readme(plan),
  };
}
