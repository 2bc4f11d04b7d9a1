/**
 * The Dart of one conversation: `<id>_controller.dart` (messages of one
 * channel, or of the app's one room, kept current from a stream of updates,
 * with sending shown at once) and the conversation screen (bubbles, composer).
 * Updates come from the backend's live query when it has one (Firestore
 * `snapshots()`, Supabase `stream()`: `chat-feeds.lib-dart.ts`), else from
 * re-reading the repository every few seconds while the screen is open.
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH } from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import type { EntityField } from '../plan/app-plan';
import { dartText, uiText } from '../ui-text';
import { assignmentDart } from './dart-wrap';
import type { FeatureContext } from './archetype';
import type { ChatShape } from './chat-shape';
import { pollDart, pollImports, pollsSince } from './chat-poll.lib-dart';
import { dartImports, fileNameOf, fromFeatureDir } from './feature-dart.shared';
import { USER_MESSAGE_PATH } from './records-user-message';

/** The doc of the screens' `currentUserId` parameter. */
export const ID_DOC = `

  /// The signed-in account's id; your messages carry it and show as yours.
  /// Null without sign-in: this install's id (\`installSenderId\`) is used.
  final String? currentUserId;`;

/** A Dart value for a required field the composer does not set (none for ChatMessage). */
function defaultValue(field: EntityField): string {
  switch (field.type) {
    case 'int':
      return '0';
    case 'decimal':
    case 'money':
      return '0.0';
    case 'bool':
      return 'false';
    case 'date':
    case 'dateTime':
      return 'DateTime.now()';
    default:
      return "''";
  }
}

/** `<expr>` as a non-null Dart value of the field (nullable fields get a fallback). */
function nonNull(field: EntityField, expr: string, fallback: string): string {
  return field.required || field.type === 'bool' ? expr : `(${expr} ?? ${fallback})`;
}

export function controllerDart(ctx: FeatureContext, shape: ChatShape): string {
  const { message: entity, fields: f, channelField, profile } = shape;
  const C = ctx.feature.classes.controller;
  const E = entity.className;
  const t = uiText(ctx.plan);
  const args = ['id: newId()'];
  for (const field of entity.fields) {
    if (field === f.text) args.push(`${field.name}: body`);
    else if (field === f.sender) args.push(`${field.name}: _me`);
    else if (field === f.senderId) args.push(`${field.name}: myId`);
    else if (field === f.sentAt) args.push(`${field.name}: DateTime.now()`);
    else if (field === channelField) args.push(`${field.name}: channelId`);
    else if (field.required) args.push(`${field.name}: ${defaultValue(field)}`);
  }
  const at = (m: string) => (f.sentAt ? nonNull(f.sentAt, `${m}.${f.sentAt.name}`, 'DateTime(0)') : '');
  const sort = f.sentAt ? `\n      ..sort((a, b) => ${at('a')}.compareTo(${at('b')}))` : '';
  // The id, not the name: a renamed user still owns their earlier messages.
  const isMine = f.senderId
    ? `message.${f.senderId.name} == _myId`
    : f.sender
      ? `message.${f.sender.name} == _me`
      : 'true';
  const inChannel = channelField ? `.where((message) => message.${channelField.name} == channelId)` : '';
  const channelParam = channelField ? ',\n    required this.channelId' : '';
  const channelDecl = channelField
    ? `

  /// The channel whose messages this is; sent messages are posted there.
  final String channelId;`
    : '';
  const profileImport = profile ? [profile.storePath.replace('lib/features/', '../')] : [];
  const profileParam = profile ? ',\n    this.profile' : '';
  const profileDecl = profile
    ? `

  /// Whose display name signs the messages sent from this device, when set.
  final ${profile.store}? profile;`
    : '';
  // Only the profile's display name replaces the account name; without a
  // profile the sender name never changes.
  const nameDecl = profile
    ? `

  /// The name that signs this user's messages: the profile's display name
  /// once loaded, else the account.
  String _me;`
    : `

  /// The name that signs this user's messages.
  final String _me;`;
  const idDecl = f.senderId
    ? `

  /// The id that marks this user's messages (they sit on the right): the
  /// signed-in account's, else this install's once [start] has read it.
  String? _myId;`
    : '';
  const whoAmI = [
    ...(f.senderId ? ['_myId ??= await installSenderId();'] : []),
    ...(profile
      ? ["final name = (await profile?.load())?.displayName.trim() ?? '';", 'if (name.isNotEmpty) _me = name;']
      : []),
    ...(f.senderId || profile ? ['if (_disposed) return;'] : []),
  ]
    .map((line) => `\n    ${line}`)
    .join('');
  const idParam = f.senderId ? ',\n    String? currentUserId' : '';
  const idInit = f.senderId ? ',\n        _myId = currentUserId' : '';
  const installId = f.senderId
    ? `

/// This install's sender id, for when nobody is signed in: made once and kept
/// in SharedPreferences, so your messages stay yours after a restart.
Future<String> installSenderId() async {
  final prefs = await SharedPreferences.getInstance();
  final saved = prefs.getString(_installIdKey);
  if (saved != null) return saved;
  final id = newId();
  await prefs.setString(_installIdKey, id);
  return id;
}

const String _installIdKey = 'chat_install_id';`
    : '';
  // [start] has set it by the time anyone can type; this covers a send before that.
  const myId = f.senderId ? `\n    final myId = _myId ??= await installSenderId();` : '';
  return `${dartImports([
    'dart:async',
    'package:flutter/foundation.dart',
    ...(f.senderId ? ['package:shared_preferences/shared_preferences.dart'] : []),
    fromFeatureDir(IDS_PATH),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
    ...pollImports(ctx, shape),
    ...profileImport,
  ])}

/// The conversation: shows the messages from [updates], oldest first, and
/// sends new ones through the repository. A sent message shows at once and
/// stays until the next update has it (or saving fails).
class ${C} extends ChangeNotifier {
  ${C}(
    this._repository, {
    required Stream<List<${E}>> updates,
    required String currentUser${idParam}${channelParam}${profileParam},
  })  : _updates = updates,
        _me = currentUser${idInit};

  final ${E}Repository _repository;
  final Stream<List<${E}>> _updates;${channelDecl}${profileDecl}${nameDecl}${idDecl}
  StreamSubscription<List<${E}>>? _subscription;
  List<${E}> _received = const [];
  List<${E}> _pending = const [];
  bool _loading = true;
  String? _error;
  bool _disposed = false;

  List<${E}> get messages => [
        ..._received,
        ..._pending.where((mine) => !_received.any((other) => other.id == mine.id)),
      ]${sort};
  bool get isLoading => _loading;
  String? get error => _error;
  String get currentUser => _me;

  bool isMine(${E} message) => ${isMine};

  /// Starts listening; call once. Errors keep the messages already shown.
  Future<void> start() async {${whoAmI}
    _subscription = _updates.listen(
      (messages) {
        _received = messages${inChannel}.toList();
        _loading = false;
        _error = null;
        _notify();
      },
      onError: (Object error) {
        _loading = false;
${assignmentDart('        ', '_error', dartText(t.couldNotLoadMessages, { error: 'userMessage(error)' }))}
        _notify();
      },
    );
  }

  /// Shows the message at once and saves it; on failure it is taken back and
  /// the error is returned, so the composer can keep the text.
  Future<String?> send(String text) async {
    final body = text.trim();
    if (body.isEmpty) return null;${myId}
    final message = ${E}(${args.join(', ')});
    _pending = [..._pending, message];
    _notify();
    try {
      await _repository.save(message);
      return null;
    } catch (error) {
      _pending = _pending.where((other) => other.id != message.id).toList();
      _notify();
      return ${dartText(t.couldNotSend, { error: 'userMessage(error)' })};
    }
  }

  void _notify() {
    if (!_disposed) notifyListeners();
  }

  @override
  void dispose() {
    _disposed = true;
    _subscription?.cancel();
    super.dispose();
  }
}

${pollDart(ctx, shape)}${installId}
`;
}

/** The conversation screen: `className` at `path`, for one channel (`channel` in scope) or the app's one room. */
export function conversationScreenDart(
  ctx: FeatureContext,
  shape: ChatShape,
  className: string,
  path: string,
  /** Directives after the imports: the re-export of the backend's live messages for the route table. */
  directives = '',
): string {
  const { message: entity, fields: f, channel, channelField, profile } = shape;
  const C = ctx.feature.classes.controller;
  const E = entity.className;
  const t = uiText(ctx.plan);
  const senderLabel = f.sender
    ? `
              if (!mine)
                Text(
                  message.${f.sender.name}${f.sender.required ? '' : " ?? ''"},
                  style: textTheme.labelMedium?.copyWith(color: colors.primary),
                ),`
    : '';
  const sentAt = f.sentAt
    ? `
              const SizedBox(height: 2),
              Text(
                ${f.sentAt.required ? `_sentText(message.${f.sentAt.name})` : `message.${f.sentAt.name} == null ? '' : _sentText(message.${f.sentAt.name}!)`},
                style: textTheme.labelSmall?.copyWith(color: colors.onSurfaceVariant),
              ),`
    : '';
  const sentTextFn = f.sentAt
    ? `

String _twoDigits(int value) => value.toString().padLeft(2, '0');

/// The time for today's messages, the date and time for older ones.
String _sentText(DateTime value) {
  final time = '\${_twoDigits(value.hour)}:\${_twoDigits(value.minute)}';
  return DateUtils.isSameDay(value, DateTime.now()) ? time : '\${formatDate(value)} $time';
}`
    : '';
  const controllerFile = fileNameOf(`${ctx.feature.paths.dir}/${ctx.feature.names.id}_controller.dart`);
  const imports = [
    'package:flutter/material.dart',
    ...(f.sentAt ? [fromFeatureDir(FORMATTERS_PATH)] : []),
    ...(channel ? [fromFeatureDir(channel.paths.model)] : []),
    ...(profile ? [profile.storePath.replace('lib/features/', '../')] : []),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    controllerFile,
  ];
  const text = nonNull(f.text, `message.${f.text.name}`, "''");
  const isRoom = path !== ctx.feature.paths.screen;
  const statics = isRoom
    ? ''
    : `
  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';
`;
  const channelParam = channel ? '\n    required this.channel,' : '';
  const channelDecl = channel
    ? `

  /// The channel shown; its name is the title.
  final ${channel.className} channel;`
    : '';
  const profileParam = profile ? '\n    this.profile,' : '';
  const profileDecl = profile
    ? `

  /// Signs sent messages with its display name (else [currentUser]).
  final ${profile.store}? profile;`
    : '';
  const title = channel ? `Text(widget.channel.${channel.titleField})` : `const Text(${className}.title)`;
  const controllerArgs = [
    'widget.repository',
    `updates: widget.updates ?? pollMessages(widget.repository${channelField && pollsSince(shape) ? ', channelId: widget.channel.id' : ''})`,
    'currentUser: widget.currentUser',
    ...(f.senderId ? ['currentUserId: widget.currentUserId'] : []),
    ...(channelField ? ['channelId: widget.channel.id'] : []),
    ...(profile ? ['profile: widget.profile'] : []),
  ];
  return `${dartImports(imports)}${directives}
${channel ? `\n/// One ${channel.label.toLowerCase()}'s conversation, opened from the list.` : ''}
class ${className} extends StatefulWidget {
  const ${className}({
    super.key,${channelParam}
    required this.repository,
    this.updates,
    this.currentUser = ${dartString(shape.defaultSender)},${f.senderId ? '\n    this.currentUserId,' : ''}${profileParam}
  });
${statics}
  final ${E}Repository repository;

  /// Where new messages come from; null polls [repository] for them every 5 s.
  final Stream<List<${E}>>? updates;

  /// The name your messages are signed with (when no profile name is set).
  final String currentUser;${f.senderId ? ID_DOC : ''}${channelDecl}${profileDecl}

  @override
  State<${className}> createState() => _${className}State();
}

class _${className}State extends State<${className}> {
  late final ${C} _chat;
  final _composer = TextEditingController();

  @override
  void initState() {
    super.initState();
    _chat = ${C}(
${controllerArgs.map((arg) => `      ${arg},`).join('\n')}
    );
    _chat.start();
  }

  @override
  void dispose() {
    _composer.dispose();
    _chat.dispose();
    super.dispose();
  }

  Future<void> _send() async {
    final text = _composer.text;
    if (text.trim().isEmpty) return;
    _composer.clear();
    final error = await _chat.send(text);
    if (error == null || !mounted) return;
    _composer.text = text;
    ScaffoldMessenger.of(context).showSnackBar(SnackBar(content: Text(error)));
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: ${title}),
      body: Column(
        children: [
          Expanded(
            child: ListenableBuilder(
              listenable: _chat,
              builder: (context, _) => _buildMessages(context),
            ),
          ),
          const Divider(height: 1),
          SafeArea(
            top: false,
            child: Padding(
              padding: const EdgeInsets.fromLTRB(12, 8, 8, 8),
              child: Row(
                children: [
                  Expanded(
                    child: TextField(
                      controller: _composer,
                      minLines: 1,
                      maxLines: 4,
                      textCapitalization: TextCapitalization.sentences,
                      textInputAction: TextInputAction.send,
                      onSubmitted: (_) => _send(),
                      decoration: const InputDecoration(
                        hintText: ${dartString(t.messageHint)},
                        border: OutlineInputBorder(
                          borderRadius: BorderRadius.all(Radius.circular(24)),
                        ),
                        isDense: true,
                      ),
                    ),
                  ),
                  const SizedBox(width: 8),
                  ValueListenableBuilder<TextEditingValue>(
                    valueListenable: _composer,
                    builder: (context, value, _) => IconButton.filled(
                      tooltip: ${dartString(t.send)},
                      icon: const Icon(Icons.send),
                      onPressed: value.text.trim().isEmpty ? null : _send,
                    ),
                  ),
                ],
              ),
            ),
          ),
        ],
      ),
    );
  }

  Widget _buildMessages(BuildContext context) {
    final messages = _chat.messages;
    if (messages.isNotEmpty) {
      // Reversed, so the newest message sits at the bottom next to the composer
      // and the list opens scrolled to it.
      return ListView.builder(
        reverse: true,
        padding: const EdgeInsets.symmetric(horizontal: 12, vertical: 16),
        itemCount: messages.length,
        itemBuilder: (context, index) {
          final message = messages[messages.length - 1 - index];
          return _MessageBubble(message: message, mine: _chat.isMine(message));
        },
      );
    }
    if (_chat.isLoading) return const Center(child: CircularProgressIndicator());
    // Updates keep coming (the next one may succeed), so the error needs no retry button.
    final error = _chat.error;
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(24),
        child: Text(error ?? ${dartString(t.noMessages)}, textAlign: TextAlign.center),
      ),
    );
  }
}

class _MessageBubble extends StatelessWidget {
  const _MessageBubble({required this.message, required this.mine});

  final ${E} message;
  final bool mine;

  @override
  Widget build(BuildContext context) {
    final colors = Theme.of(context).colorScheme;
    final textTheme = Theme.of(context).textTheme;
    const round = Radius.circular(16);
    const tail = Radius.circular(4);
    return Align(
      alignment: mine ? Alignment.centerRight : Alignment.centerLeft,
      child: ConstrainedBox(
        constraints: BoxConstraints(maxWidth: MediaQuery.sizeOf(context).width * 0.75),
        child: Container(
          margin: const EdgeInsets.symmetric(vertical: 4),
          padding: const EdgeInsets.symmetric(horizontal: 14, vertical: 10),
          decoration: BoxDecoration(
            color: mine ? colors.primaryContainer : colors.surfaceContainerHighest,
            borderRadius: BorderRadius.only(
              topLeft: round,
              topRight: round,
              bottomLeft: mine ? round : tail,
              bottomRight: mine ? tail : round,
            ),
          ),
          child: Column(
            crossAxisAlignment: mine ? CrossAxisAlignment.end : CrossAxisAlignment.start,
            mainAxisSize: MainAxisSize.min,
            children: [${senderLabel}
              Text(
                ${text},
                style: textTheme.bodyLarge?.copyWith(
                  color: mine ? colors.onPrimaryContainer : colors.onSurface,
                ),
              ),${sentAt}
            ],
          ),
        ),
      ),
    );
  }
}${sentTextFn}
`;
}
