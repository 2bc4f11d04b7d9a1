/**
 * backend `graphql`: one GraphQL object type per entity with a list query and
 * save/delete mutations (docs/schema.graphql), sent with graphql_flutter's
 * `GraphQLClient`. The documents live as Dart constants next to the
 * repositories; both come from `graphqlEntities()`.
 */
import type { GeneratedFile } from '../../app-spec';
import { RECORD_REPOSITORY_PATH, SERVER_READ_ERRORS_README } from '../../archetypes/records-library';
import { dartString } from '../../dart-string';
import { NO_DATA, table } from '../../docs/markdown';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { packages } from '../package-versions';
import {
  API_CONFIG_PATH,
  GRAPHQL_CONNECTION_PATH,
  GRAPHQL_ENDPOINT_DEFAULT,
  REST_AUTH_PATHS,
  graphqlDocuments,
  graphqlEntities,
  hasAuthFeature,
  hasRegistration,
  libRelative,
  repositoryImplementation,
  type GraphqlEntity,
} from './backend-names';
import { API_CLIENT_VARIABLE, AUTH_TOKEN_README, authTokenWiring, sendsAuthToken } from './authorized-client';
import { serverOwnershipSentence } from './record-owner';
import { apiBaseUrlReadme, apiConfigFile } from './rest.backend';
import { NETWORK_PERMISSIONS, dartImports, entityImports, type BackendWiring } from './wiring';
import {
  graphqlNewerArguments,
  graphqlNewerDocument,
  graphqlNewerSignature,
  newerMessagesQuery,
  SINCE_PARAMETER,
  type NewerMessagesQuery,
} from './chat-messages';

const GRAPHQL_IMPORT = 'package:graphql_flutter/graphql_flutter.dart';

function connectionDart(withHttpClient: boolean): string {
  if (withHttpClient) return authorizedConnectionDart();
  return `${dartImports(GRAPHQL_CONNECTION_PATH, { packages: [GRAPHQL_IMPORT], local: [API_CONFIG_PATH] })}

/// The app's GraphQL client, shared by every repository: it posts to
/// [ApiConfig.graphqlEndpoint]. Wrap the link (e.g. \`AuthLink\`) here if the
/// server needs a token.
abstract final class GraphqlConnection {
  static final GraphQLClient client = GraphQLClient(
    link: HttpLink(ApiConfig.graphqlEndpoint),
    cache: GraphQLCache(),
  );
}
`;
}

/** The connection of an app with sign-in: `AppServices` builds the client over an http client that adds the token. */
function authorizedConnectionDart(): string {
  return `${dartImports(GRAPHQL_CONNECTION_PATH, {
    packages: [GRAPHQL_IMPORT, 'package:http/http.dart as http'],
    local: [API_CONFIG_PATH],
  })}

/// The app's GraphQL client: it posts to [ApiConfig.graphqlEndpoint].
abstract final class GraphqlConnection {
  /// A client sending its requests through [httpClient]; \`AppServices\`
  /// passes one that adds the signed-in user's token.
  static GraphQLClient create({http.Client? httpClient}) => GraphQLClient(
        link: HttpLink(ApiConfig.graphqlEndpoint, httpClient: httpClient),
        cache: GraphQLCache(),
      );

  /// The client of repositories created without one.
  static final GraphQLClient client = create();
}
`;
}

/** A raw triple-quoted Dart string; GraphQL documents never contain `'''`. */
function rawDart(text: string): string {
  if (text.includes("'''")) throw new Error('GraphQL document contains a triple quote');
  return `r'''\n${text}'''`;
}

function documentsDart(names: GraphqlEntity, newer?: NewerMessagesQuery): string {
  const docs = graphqlDocuments(names);
  const fetchNewer = newer
    ? `

  /// The messages sent since a moment, for the chat's poll:
  /// \`${graphqlNewerSignature(names, newer)}\`.
  static const String fetchNewer = ${rawDart(graphqlNewerDocument(names, newer))};`
    : '';
  const repo = repositoryImplementation('graphql', names.entity).className;
  return `/// GraphQL operations of [${repo}];
/// docs/schema.graphql declares them.
abstract final class ${names.documents.className} {
  /// Every item: \`${names.listField}\`.
  static const String fetchAll = ${rawDart(docs.list)};${fetchNewer}

  /// Insert or replace by id: \`${names.saveField}(input: ${names.inputName}!)\`.
  static const String save = ${rawDart(docs.save)};

  /// Delete by id: \`${names.deleteField}(id: ID!)\`.
  static const String delete = ${rawDart(docs.delete)};
}
`;
}

/** `fetchNewer` of a chat's message repository: one channel's messages since a moment, for the poll. */
function fetchNewerDart(names: GraphqlEntity, query: NewerMessagesQuery): string {
  const model = names.entity.className;
  const channel = query.channel;
  const args = graphqlNewerArguments(names, query);
  const channelArg = channel ? args[0].name : undefined;
  return `

  /// The messages${channel ? ` of [${channel.name}]` : ''} sent at or after [since] (all when null):
  /// \`${graphqlNewerSignature(names, query)}\`,
  /// so a poll fetches only what is new.
  Future<List<${model}>> fetchNewer({${channel ? `\n    required String ${channel.name},` : ''}
    DateTime? since,
  }) =>
      _fetchList(
        QueryOptions(
          document: gql(${names.documents.className}.fetchNewer),
          variables: {${channelArg ? `\n            ${dartString(channelArg)}: ${channel?.name},` : ''}
            ${dartString(SINCE_PARAMETER)}: since?.toUtc().toIso8601String(),
          },
          fetchPolicy: FetchPolicy.noCache,
        ),
      );`;
}

function repositoryDart(names: GraphqlEntity, newer?: NewerMessagesQuery): string {
  const entity = names.entity;
  const impl = repositoryImplementation('graphql', entity);
  const model = entity.className;
  const docs = names.documents.className;
  const toInput = names.fields.map((field) => `      ${dartString(field.name)}: json[${dartString(field.jsonKey)}],`);
  const fromNode = names.fields.map((field) => `      ${dartString(field.jsonKey)}: node[${dartString(field.name)}],`);
  const notAList = dartString(`The ${names.listField} query returned no list`);
  return `${dartImports(impl.path, {
    packages: [GRAPHQL_IMPORT],
    local: [GRAPHQL_CONNECTION_PATH, names.documents.path, ...entityImports(entity), RECORD_REPOSITORY_PATH],
  })}

/// [${model}Repository] over GraphQL (docs/schema.graphql): the
/// \`${names.listField}\` query, \`${names.saveField}\` and \`${names.deleteField}\` mutations.
/// Errors (network or GraphQL) are thrown as [OperationException].
class ${impl.className} implements ${model}Repository {
  ${impl.className}({GraphQLClient? client})
      : _client = client ?? GraphqlConnection.client;

  final GraphQLClient _client;

  @override
  Future<List<${model}>> fetchAll() ${
    newer
      ? `=> _fetchList(
        QueryOptions(
          document: gql(${docs}.fetchAll),
          fetchPolicy: FetchPolicy.noCache,
        ),
      );${fetchNewerDart(names, newer)}

  Future<List<${model}>> _fetchList(QueryOptions options) async {
    final result = await _client.query(options);`
      : `async {
    final result = await _client.query(
      QueryOptions(
        document: gql(${docs}.fetchAll),
        fetchPolicy: FetchPolicy.noCache,
      ),
    );`
  }
    _throwIfFailed(result);
    final nodes = result.data?[${dartString(names.listField)}];
    if (nodes is! List) {
      throw const FormatException(${notAList});
    }
    return readRecords(
      nodes,
      (node) => _fromNode(node as Map<String, Object?>),
    );
  }

  @override
  Future<void> save(${model} item) async {
    final result = await _client.mutate(
      MutationOptions(
        document: gql(${docs}.save),
        variables: {'input': _toInput(item)},
        fetchPolicy: FetchPolicy.noCache,
      ),
    );
    _throwIfFailed(result);
  }

  @override
  Future<void> delete(String id) async {
    final result = await _client.mutate(
      MutationOptions(
        document: gql(${docs}.delete),
        variables: {'id': id},
        fetchPolicy: FetchPolicy.noCache,
      ),
    );
    _throwIfFailed(result);
  }

  static void _throwIfFailed(QueryResult result) {
    final exception = result.exception;
    if (exception != null) throw exception;
  }

  /// The model's JSON (field names) → the GraphQL input object.
  static Map<String, Object?> _toInput(${model} item) {
    final json = item.toJson();
    return <String, Object?>{
${toInput.join('\n')}
    };
  }

  /// A GraphQL object (it may also carry \`__typename\`) → the model.
  static ${model} _fromNode(Map<String, Object?> node) {
    return ${model}.fromJson(<String, Object?>{
${fromNode.join('\n')}
    });
  }
}
`;
}

function readme(plan: AppPlan, entities: readonly GraphqlEntity[]): string {
  const rows = entities.flatMap((names) => {
    const repo = repositoryImplementation('graphql', names.entity).className;
    return [
      ['query', `${names.listField}: [${names.typeName}!]!`, `\`${repo}.fetchAll()\``],
      ['mutation', `${names.saveField}(input: ${names.inputName}!): ${names.typeName}!`, `\`${repo}.save(item)\``],
      ['mutation', `${names.deleteField}(id: ID!): Boolean!`, `\`${repo}.delete(id)\``],
    ];
  });
  const sections = [
    'The app talks to a GraphQL API whose schema is `docs/schema.graphql`; the documents it sends are in `lib/data/graphql/*_documents.dart`. Dates travel as ISO-8601 strings (scalar `DateTime`); a network or GraphQL error is thrown as `OperationException`.',
    table(['Kind', 'Field', 'Called by'], rows, NO_DATA),
    apiBaseUrlReadme('GRAPHQL_ENDPOINT', 'https://api.example.com/graphql', GRAPHQL_ENDPOINT_DEFAULT),
  ];
  if (hasAuthFeature(plan)) {
    const authEndpoints = [REST_AUTH_PATHS.login, ...(hasRegistration(plan) ? [REST_AUTH_PATHS.register] : [])]
      .map((path) => `\`POST ${path}\``)
      .join(' and ');
    sections.push(
      `Sign-in is not GraphQL: \`HttpAuthService\` calls ${authEndpoints} under \`ApiConfig.baseUrl\` (\`--dart-define=API_BASE_URL=…\`); see \`docs/api_contract.md\`.`,
    );
    if (sendsAuthToken(plan)) sections.push(AUTH_TOKEN_README);
    const owners = serverOwnershipSentence(plan);
    if (owners) sections.push(owners);
  }
  sections.push(SERVER_READ_ERRORS_README, NETWORK_PERMISSIONS);
  return sections.join('\n\n');
}

export function graphqlWiring(plan: AppPlan): BackendWiring {
  const entities = graphqlEntities(plan);
  const token = sendsAuthToken(plan)
    ? authTokenWiring(plan, (httpClient) => `GraphqlConnection.create(httpClient: ${httpClient})`)
    : undefined;
  const files: GeneratedFile[] = [
    // `ApiConfig.baseUrl` only for sign-in's REST endpoints.
    apiConfigFile(true, hasAuthFeature(plan)),
    { path: GRAPHQL_CONNECTION_PATH, content: connectionDart(!!token) },
    ...entities.flatMap((names) => [
      { path: names.documents.path, content: documentsDart(names, newerMessagesQuery(plan, names.entity)) },
      {
        path: repositoryImplementation('graphql', names.entity).path,
        content: repositoryDart(names, newerMessagesQuery(plan, names.entity)),
      },
    ]),
    ...(token?.files ?? []),
  ];
  const className = (entity: EntityPlan) => repositoryImplementation('graphql', entity).className;
  return {
    dependencies: token ? packages('graphql_flutter', 'http') : packages('graphql_flutter'),
    files,
    mainImports: [],
    mainSetup: [],
    testFiles: token?.testFiles,
    createSetup: token?.createSetup,
    createImports: token && [...token.createImports, libRelative(GRAPHQL_CONNECTION_PATH)],
    repositoryCreate: (entity) =>
      token ? `${className(entity)}(client: ${API_CLIENT_VARIABLE})` : `${className(entity)}()`,
    repositoryImports: (entity) => [libRelative(repositoryImplementation('graphql', entity).path)],
    readme: readme(plan, entities),
  };
}
