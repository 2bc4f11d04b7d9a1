/**
 * `pollMessages`, in the chat controller file: how new messages reach a
 * conversation on a backend that cannot push them (REST, GraphQL, on-device).
 * Every 5 s it asks only for the open channel's messages sent since the newest
 * one seen (`fetchNewer` of the REST / GraphQL repository: `?channelId=…&since=…`
 * or the list query's `channelId` / `since` arguments, see docs/api-docs.ts),
 * and merges them into what it has. A repository without `fetchNewer`
 * (on-device storage, the in-memory one in tests) lists everything and the
 * filter runs on the device.
 */
import { repositoryImplementation } from '../data/backends';
import { newerMessagesQuery } from '../data/backends/chat-messages';
import type { FeatureContext } from './archetype';
import type { ChatShape } from './chat-shape';
import { fromFeatureDir } from './feature-dart.shared';

/** Whether the backend's message repository can ask the server for new messages only (`fetchNewer`). */
export function fetchesNewerOnServer(ctx: FeatureContext, shape: ChatShape): boolean {
  const server = ctx.plan.backend === 'rest' || ctx.plan.backend === 'graphql';
  return server && newerMessagesQuery(ctx.plan, shape.message)?.sentAt === shape.fields.sentAt;
}

/** Whether the poll asks for new messages only: it needs a required time to count from. */
export function pollsSince(shape: ChatShape): boolean {
  return shape.fields.sentAt?.required === true;
}

/** Imports the poll adds to the controller file. */
export function pollImports(ctx: FeatureContext, shape: ChatShape): string[] {
  if (!fetchesNewerOnServer(ctx, shape) || !pollsSince(shape)) return [];
  return [fromFeatureDir(repositoryImplementation(ctx.plan.backend, shape.message).path)];
}

/**
 * The body shared by both polls: `read` (given: what one read does with the
 * messages) runs on listen and every [every], its errors reach the listener,
 * and the timer stops when the listener cancels.
 */
function pollBody(E: string, state: string, readMessages: string): string {
  return `  Timer? timer;${state}
  late final StreamController<List<${E}>> updates;
  Future<void> read() async {
    try {
${readMessages}
    } catch (error, stackTrace) {
      if (!updates.isClosed) updates.addError(error, stackTrace);
    }
  }

  updates = StreamController<List<${E}>>(
    onListen: () {
      read();
      timer = Timer.periodic(every, (_) => read());
    },
    onCancel: () {
      timer?.cancel();
      return updates.close();
    },
  );
  return updates.stream;
}`;
}

/** The full re-read, for messages without a required send time. */
function pollAllDart(shape: ChatShape): string {
  const E = shape.message.className;
  return `/// [repository]'s messages now and every [every] while listened to: how new
/// messages arrive from a backend that cannot push them. The timer stops when
/// the listener cancels (the screen is closed).
Stream<List<${E}>> pollMessages(
  ${E}Repository repository, {
  Duration every = const Duration(seconds: 5),
}) {
${pollBody(
  E,
  '',
  `      final messages = await repository.fetchAll();
      if (!updates.isClosed) updates.add(messages);`,
)}`;
}

export function pollDart(ctx: FeatureContext, shape: ChatShape): string {
  const sentAt = shape.fields.sentAt;
  if (!sentAt || !pollsSince(shape)) return pollAllDart(shape);
  const E = shape.message.className;
  const channel = shape.channelField;
  const channelParam = channel ? '\n  required String channelId,' : '';
  const channelArg = channel ? 'channelId, ' : '';
  const serverChannelArg = channel ? 'channelId: channelId, ' : '';
  const keep = channel
    ? `if (message.${channel.name} == channelId &&
          (since == null || !message.${sentAt.name}.isBefore(since)))
        message,`
    : `if (since == null || !message.${sentAt.name}.isBefore(since)) message,`;
  const serverClass = fetchesNewerOnServer(ctx, shape)
    ? repositoryImplementation(ctx.plan.backend, shape.message).className
    : undefined;
  const server = serverClass
    ? `
  // The server filters; other repositories (the in-memory one in tests) list
  // everything and the filter runs here.
  if (repository is ${serverClass}) {
    return repository.fetchNewer(${serverChannelArg}since: since);
  }`
    : '';
  const scope = channel ? "[channelId]'s messages" : 'The messages';
  return `/// ${scope} now and every [every] while listened to: how
/// new messages arrive from a backend that cannot push them. Each read asks only for the
/// messages sent since the newest one already seen (that one included, so
/// none sent in the same instant is missed) and adds those not seen yet. The
/// timer stops when the listener cancels (the screen is closed).
Stream<List<${E}>> pollMessages(
  ${E}Repository repository, {${channelParam}
  Duration every = const Duration(seconds: 5),
}) {
${pollBody(
  E,
  `\n  var known = <${E}>[];`,
  `      final newer = await _fetchNewer(repository, ${channelArg}_newest(known));
      final seen = {for (final message in known) message.id};
      known = [...known, ...newer.where((message) => seen.add(message.id))];
      if (!updates.isClosed) updates.add(known);`,
)}

/// ${channel ? "[channelId]'s messages" : 'The messages'} sent at or after [since] (all when null).
Future<List<${E}>> _fetchNewer(
  ${E}Repository repository,${channel ? '\n  String channelId,' : ''}
  DateTime? since,
) async {${server}
  final all = await repository.fetchAll();
  return [
    for (final message in all)
      ${keep}
  ];
}

/// When the newest of [messages] was sent, or null when there are none.
DateTime? _newest(List<${E}> messages) {
  DateTime? newest;
  for (final message in messages) {
    final sentAt = message.${sentAt.name};
    if (newest == null || sentAt.isAfter(newest)) newest = sentAt;
  }
  return newest;
}`;
}
