/**
 * The chat's first screen when its conversations are about listings
 * (`LISTING_CHAT_OPTION`): the conversations the user takes part in (about
 * a listing they posted, or one they wrote to its seller about), newest
 * first, each titled with the listing's title and showing its last message.
 * The screen's `open` is also what a listing's "Message the seller" calls.
 */
import { dartString } from '../dart-string';
import { dartText, uiText } from '../ui-text';
import { chatText } from '../ui-text-chat';
import type { FeatureContext } from './archetype';
import { liveMessagesExport } from './chat-feeds.lib-dart';
import { ID_DOC } from './chat-conversation.lib-dart';
import type { ChatShape } from './chat-shape';
import { roomScreenClass, roomScreenPath } from './chat-channels.lib-dart';
import { dartImports, fileNameOf, fromFeatureDir } from './feature-dart.shared';
import { RECORD_REPOSITORY_PATH } from './records-library';
import { USER_MESSAGE_PATH } from './records-user-message';

/** The name of the listings' repository parameter of the chat screen. */
export const LISTINGS_PARAM = 'listings';

/** `text` as adjacent Dart string literals, one per line at `indent`, each line within 80 columns. */
function literalLines(text: string, indent: string): string {
  const room = 80 - indent.length - 3;
  const parts: string[] = [];
  let part = '';
  for (const word of text.split(/(?<= )/)) {
    if (part && (part + word).length > room) {
      parts.push(part);
      part = '';
    }
    part += word;
  }
  if (part) parts.push(part);
  return parts.map((piece) => `${indent}${dartString(piece)}`).join('\n');
}

export function listingChatsDart(ctx: FeatureContext, shape: ChatShape): string {
  const { channel: listing, channelField, fields: f, profile } = shape;
  if (!listing || !channelField) throw new Error('listing chat without a listing entity');
  const S = ctx.feature.classes.screen;
  const R = roomScreenClass(ctx);
  const E = shape.message.className;
  const K = listing.className;
  const t = uiText(ctx.plan);
  const c = chatText(ctx.plan);
  const sentAt = f.sentAt?.required ? f.sentAt : undefined;
  const senderId = f.senderId;
  const text = f.text.required ? `last.${f.text.name}` : `last.${f.text.name} ?? ''`;
  const controllerFile = fileNameOf(`${ctx.feature.paths.dir}/${ctx.feature.names.id}_controller.dart`);
  const me = senderId
    ? `
    final me = widget.currentUserId ?? await installSenderId();`
    : '';
  const mineTest = senderId
    ? `
      final wrote = about.any((message) => message.${senderId.name} == me);
      if (!wrote && !_postedByMe(listing.id)) continue;`
    : `
      if (!_postedByMe(listing.id)) continue;`;
  const newest = sentAt
    ? `
      about.sort((a, b) => a.${sentAt.name}.compareTo(b.${sentAt.name}));`
    : '';
  const order = sentAt
    ? `
    conversations.sort((a, b) => b.last.${sentAt.name}.compareTo(a.last.${sentAt.name}));`
    : '';
  return `${dartImports([
    'package:flutter/material.dart',
    fromFeatureDir(listing.paths.model),
    fromFeatureDir(listing.paths.repository),
    fromFeatureDir(shape.message.paths.model),
    fromFeatureDir(shape.message.paths.repository),
    fromFeatureDir(RECORD_REPOSITORY_PATH),
    fromFeatureDir(USER_MESSAGE_PATH),
    ...(profile ? [profile.storePath.replace('lib/features/', '../')] : []),
    ...(senderId ? [controllerFile] : []),
    fileNameOf(roomScreenPath(ctx)),
  ])}${liveMessagesExport(ctx)}

/// A conversation the user takes part in: the ${listing.label.toLowerCase()} it is about
/// and its newest message.
typedef _Conversation = ({${K} listing, ${E} last});

/// The conversations about ${listing.pluralLabel.toLowerCase()} the user takes part in:
/// the ones about their own, and the ones they wrote to a seller about.
class ${S} extends StatefulWidget {
  const ${S}({
    super.key,
    required this.${LISTINGS_PARAM},
    required this.messages,
    this.liveMessages,
    this.currentUser = ${dartString(shape.defaultSender)},${senderId ? '\n    this.currentUserId,' : ''}${profile ? '\n    this.profile,' : ''}
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${K}Repository ${LISTINGS_PARAM};
  final ${E}Repository messages;

  /// A listing's messages as the backend pushes them; null polls [messages].
  final Stream<List<${E}>> Function(String ${channelField.name})? liveMessages;

  /// The name your messages are signed with (when no profile name is set).
  final String currentUser;${senderId ? ID_DOC : ''}${profile ? `\n\n  /// Signs sent messages with its display name.\n  final ${profile.store}? profile;` : ''}

  /// Opens the conversation about [listing]: from this list, and from the
  /// listing's detail ("${c.messageSeller.replace(/"/g, "'")}").
  Future<void> open(BuildContext context, ${K} listing) {
    return Navigator.of(context).push<void>(
      MaterialPageRoute(
        builder: (context) => ${R}(
          channel: listing,
          repository: messages,
          updates: liveMessages?.call(listing.id),
          currentUser: currentUser,${senderId ? '\n          currentUserId: currentUserId,' : ''}${profile ? '\n          profile: profile,' : ''}
        ),
      ),
    );
  }

  @override
  State<${S}> createState() => _${S}State();
}

class _${S}State extends State<${S}> {
  late Future<List<_Conversation>> _conversations = _load();

  /// Whether the signed-in user posted the listing with [id].
  bool _postedByMe(String id) => switch (widget.${LISTINGS_PARAM}) {
        final PostedRecords posted => posted.isMine(id),
        _ => false,
      };

  Future<List<_Conversation>> _load() async {${me}
    final listings = await widget.${LISTINGS_PARAM}.fetchAll();
    final messages = await widget.messages.fetchAll();
    final conversations = <_Conversation>[];
    for (final listing in listings) {
      final about = [
        for (final message in messages)
          if (message.${channelField.name} == listing.id) message,
      ];
      if (about.isEmpty) continue;${mineTest}${newest}
      conversations.add((listing: listing, last: about.last));
    }${order}
    return conversations;
  }

  Future<void> _reload() {
    final next = _load();
    setState(() => _conversations = next);
    return next;
  }

  Future<void> _open(${K} listing) async {
    await widget.open(context, listing);
    // A first message makes a new conversation; a reply changes the last one.
    if (mounted) await _reload();
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${S}.title)),
      body: FutureBuilder<List<_Conversation>>(
        future: _conversations,
        builder: (context, snapshot) {
          if (snapshot.connectionState != ConnectionState.done) {
            return const Center(child: CircularProgressIndicator());
          }
          if (snapshot.hasError) {
            final error = userMessage(snapshot.error!);
            return Center(
              child: Column(
                mainAxisSize: MainAxisSize.min,
                children: [
                  Text(
                    ${dartText(t.couldNotLoad, { error: 'error' })},
                    textAlign: TextAlign.center,
                  ),
                  const SizedBox(height: 12),
                  OutlinedButton(
                    onPressed: _reload,
                    child: const Text(${dartString(t.tryAgain)}),
                  ),
                ],
              ),
            );
          }
          final conversations = snapshot.data ?? const [];
          return RefreshIndicator(
            onRefresh: _reload,
            child: conversations.isEmpty
                ? ListView(
                    padding: const EdgeInsets.all(24),
                    children: const [
                      Text(
${literalLines(c.noConversations, '                        ')},
                        textAlign: TextAlign.center,
                      ),
                    ],
                  )
                : ListView.builder(
                    itemCount: conversations.length,
                    itemBuilder: (context, index) {
                      final (:listing, :last) = conversations[index];
                      return ListTile(
                        leading: const CircleAvatar(
                          child: Icon(Icons.sell_outlined),
                        ),
                        title: Text(listing.displayTitle),
                        subtitle: Text(
                          ${text},
                          maxLines: 1,
                          overflow: TextOverflow.ellipsis,
                        ),
                        onTap: () => _open(listing),
                      );
                    },
                  ),
          );
        },
      ),
    );
  }
}
`;
}
