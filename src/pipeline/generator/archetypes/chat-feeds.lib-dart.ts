/**
 * Live messages for the backends that push them: `<id>_feed.dart` in the chat
 * folder declares a function returning the messages as they change (Firestore
 * `snapshots()`, Supabase `stream()` over Realtime), and the chat screen file
 * re-exports it because the route table (app.dart) imports screens only. Other
 * backends have none: the conversation re-reads the repository every few
 * seconds (`pollMessages`).
 *
 * Checked against the pinned clients: cloud_firestore 5
 * (`Query.where(field, isEqualTo:)`, `snapshots()` → `QuerySnapshot`) and
 * supabase_flutter 2 (`from(t).stream(primaryKey: [...])` then one filter,
 * `.eq(column, value)`, a `Stream<List<Map<String, dynamic>>>`).
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import { repositoryImplementation } from '../data/backends';
import type { BackendKind } from '../plan/app-plan';
import type { FeatureContext } from './archetype';
import { authServiceDecl } from './auth.archetype';
import type { ChatShape } from './chat-shape';
import { dartImports, fileNameOf, fromFeatureDir } from './feature-dart.shared';
import { RECORD_REPOSITORY_PATH } from './records-library';

/** The name of the Dart function returning a conversation's live messages. */
export const LIVE_MESSAGES_FUNCTION = 'watchChatMessages';

export function hasLiveMessages(backend: BackendKind): boolean {
  return backend === 'firebase' || backend === 'supabase';
}

/** The name of the Dart function returning the signed-in account's id (Firebase uid, Supabase user id). */
export const SIGNED_IN_USER_ID_FUNCTION = 'signedInUserId';

/** Whether the backend's own auth client knows the signed-in account's id. */
export function hasSignedInUserId(backend: BackendKind): boolean {
  return hasLiveMessages(backend);
}

/** Whether the feed file declares the signed-in account's id too (an app that signs in). */
function withUserId(ctx: FeatureContext): boolean {
  return hasSignedInUserId(ctx.plan.backend) && authServiceDecl(ctx.plan) !== undefined;
}

function feedPath(ctx: FeatureContext): string {
  return `${ctx.feature.paths.dir}/${ctx.feature.names.id}_feed.dart`;
}

/** The `export` the chat screen file ends its directives with, or '' without live messages. */
export function liveMessagesExport(ctx: FeatureContext): string {
  if (!hasLiveMessages(ctx.plan.backend)) return '';
  return `

// app.dart imports screens only; it passes ${withUserId(ctx) ? 'these' : 'this live query'} to the screen.
export '${fileNameOf(feedPath(ctx))}' show ${[LIVE_MESSAGES_FUNCTION, ...(withUserId(ctx) ? [SIGNED_IN_USER_ID_FUNCTION] : [])].join(', ')};`;
}

// Realtime pushes whole lists: one row that fromJson rejects must not end the stream.
const SKIPPED_DOC = `/// A message the app cannot read is left out and logged (\`readRecords\`).`;

function firestoreFeed(shape: ChatShape, repository: string): string {
  const E = shape.message.className;
  const channel = shape.channelField;
  const where = channel ? `\n      .where(${dartString(channel.name)}, isEqualTo: channelId)` : '';
  return `/// ${channel ? "A channel's" : 'The'} messages as Firestore pushes them: a new list whenever
/// one is added, changed or deleted (the conversation sorts them).
${SKIPPED_DOC}
Stream<List<${E}>> ${LIVE_MESSAGES_FUNCTION}(${channel ? 'String channelId' : ''}) {
  return FirebaseFirestore.instance
      .collection(${repository}.collectionName)${where}
      .snapshots()
      .map((snapshot) => readRecords(
            snapshot.docs,
            (doc) => ${E}.fromJson({...doc.data(), 'id': doc.id}),
          ));
}
`;
}

function supabaseFeed(shape: ChatShape, repository: string): string {
  const E = shape.message.className;
  const channel = shape.channelField;
  // Realtime rows use the table's snake_case columns, the model's JSON its field names.
  const fields = shape.message.fields.map(
    (field) => `              ${dartString(field.name)}: row[${dartString(field.column)}],`,
  );
  const filter = channel ? `\n      .eq(${dartString(channel.column)}, channelId)` : '';
  return `/// ${channel ? "A channel's" : 'The'} messages as Supabase Realtime pushes them (the table must be
/// in the \`supabase_realtime\` publication, see README.md).
${SKIPPED_DOC}
Stream<List<${E}>> ${LIVE_MESSAGES_FUNCTION}(${channel ? 'String channelId' : ''}) {
  return Supabase.instance.client
      .from(${repository}.tableName)
      .stream(primaryKey: ['id'])${filter}
      .map((rows) => readRecords(
            rows,
            (row) => ${E}.fromJson(<String, Object?>{
              'id': row['id'],
${fields.join('\n')}
            }),
          ));
}
`;
}

/** The signed-in account's id as the backend's auth knows it: what marks a message as its sender's. */
function signedInUserIdDart(backend: BackendKind): string {
  const id =
    backend === 'firebase' ? 'FirebaseAuth.instance.currentUser?.uid' : 'Supabase.instance.client.auth.currentUser?.id';
  const rule = backend === 'firebase' ? 'the Firestore rules check it' : 'the row level security policy checks it';
  return `/// The signed-in account's id, or null when nobody is signed in. Messages carry
/// it as their sender's id (${rule}, see README.md).
String? ${SIGNED_IN_USER_ID_FUNCTION}() => ${id};
`;
}

/** `<id>_feed.dart`, or undefined for a backend without live queries. */
export function liveMessagesFile(ctx: FeatureContext, shape: ChatShape): GeneratedFile | undefined {
  const backend = ctx.plan.backend;
  if (!hasLiveMessages(backend)) return undefined;
  const repository = repositoryImplementation(backend, shape.message);
  const userId = withUserId(ctx);
  const clients =
    backend === 'firebase'
      ? [
          'package:cloud_firestore/cloud_firestore.dart',
          ...(userId ? ['package:firebase_auth/firebase_auth.dart'] : []),
        ]
      : ['package:supabase_flutter/supabase_flutter.dart'];
  const imports = dartImports([
    ...clients,
    fromFeatureDir(shape.message.paths.model),
    fromFeatureDir(RECORD_REPOSITORY_PATH),
    fromFeatureDir(repository.path),
  ]);
  const body =
    backend === 'firebase' ? firestoreFeed(shape, repository.className) : supabaseFeed(shape, repository.className);
  const idFunction = userId ? `\n${signedInUserIdDart(backend)}` : '';
  return { path: feedPath(ctx), content: `${imports}\n\n${body}${idFunction}` };
}
