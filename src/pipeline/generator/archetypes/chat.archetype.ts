/**
 * Chat / messages: a conversation over the `ChatMessage` repository (whatever
 * the backend), oldest at the top and newest at the bottom, with a composer
 * whose send button is disabled while it is empty. Messages from this device's
 * user sit on the right: the sender is `me`, or the signed-in email when the
 * app has an auth feature.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString, singleLine } from '../dart-string';
import { FAKE_REPOSITORIES_PATH, FORMATTERS_PATH, packageUri, sampleEntity, sampleValue } from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import { dartText, uiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { fromFeatureDir, SAFE_NOTIFY_DART } from './feature-dart.shared';
import { authServiceDecl } from './auth.archetype';

/** The sender name of this device's user when the app has no sign-in. */
export const CHAT_DEFAULT_SENDER = 'me';

/** The message fields the chat reads: the text, who sent it, and when. */
interface ChatFields {
  text: EntityField;
  sender?: EntityField;
  sentAt?: EntityField;
}

function chatFields(entity: EntityPlan): ChatFields {
  const textual = (field: EntityField) => field.type === 'text' || field.type === 'longText';
  const text =
    entity.fields.find((field) => field.name === 'text' && textual(field)) ??
    entity.fields.find((field) => field.name === entity.titleField);
  if (!text) throw new Error(`entity ${entity.className} has no message text`);
  const sender =
    entity.fields.find((field) => field.name === 'sender' && textual(field)) ??
    entity.fields.find((field) => field !== text && field.required && textual(field));
  const sentAt =
    entity.fields.find((field) => field.name === 'sentAt' && field.type === 'date') ??
    entity.fields.find((field) => field.type === 'date');
  return { text, sender, sentAt };
}

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
      return 'DateTime.now()';
    default:
      return "''";
  }
}

/** `<expr>` as a non-null Dart value of the field (nullable fields get a fallback). */
function nonNull(field: EntityField, expr: string, fallback: string): string {
  return field.required || field.type === 'bool' ? expr : `(${expr} ?? ${fallback})`;
}

function controllerPath(ctx: FeatureContext): string {
  return `${ctx.feature.paths.dir}/${ctx.feature.names.id}_controller.dart`;
}

function controllerDart(ctx: FeatureContext, entity: EntityPlan): string {
  const C = ctx.feature.classes.controller;
  const E = entity.className;
  const f = chatFields(entity);
  const t = uiText(ctx.plan);
  const args = ['id: newId()'];
  for (const field of entity.fields) {
    if (field === f.text) args.push(`${field.name}: body`);
    else if (field === f.sender) args.push(`${field.name}: currentUser`);
    else if (field === f.sentAt) args.push(`${field.name}: DateTime.now()`);
    else if (field.required) args.push(`${field.name}: ${defaultValue(field)}`);
  }
  const sort = f.sentAt
    ? `..sort(
          (a, b) => ${nonNull(f.sentAt, `a.${f.sentAt.name}`, 'DateTime(0)')}.compareTo(${nonNull(f.sentAt, `b.${f.sentAt.name}`, 'DateTime(0)')}),
        )`
    : '';
  const isMine = f.sender ? `message.${f.sender.name} == currentUser` : 'true';
  return `import 'package:flutter/foundation.dart';

import '${fromFeatureDir(IDS_PATH)}';
import '${fromFeatureDir(entity.paths.model)}';
import '${fromFeatureDir(entity.paths.repository)}';

/// The conversation: loads the messages oldest first and sends new ones
/// through the repository.
class ${C} extends ChangeNotifier {
  ${C}(this._repository, {required this.currentUser});

  final ${E}Repository _repository;

  /// The sender name of this device's user; their messages sit on the right.
  final String currentUser;

  List<${E}> _messages = const [];
  bool _loading = false;
  bool _sending = false;
  String? _error;
  bool _disposed = false;

  List<${E}> get messages => _messages;
  bool get isLoading => _loading;
  bool get isSending => _sending;
  String? get error => _error;

  bool isMine(${E} message) => ${isMine};

  Future<void> load() async {
    _loading = true;
    _error = null;
    _notify();
    try {
      final messages = await _repository.fetchAll();
      _messages = [...messages]${sort};
    } catch (error) {
      _error = ${dartText(t.couldNotLoadMessages, { error: 'error' })};
    } finally {
      _loading = false;
      _notify();
    }
  }

  /// Shows the message at once and saves it; on failure it is taken back and
  /// the error is returned, so the composer can keep the text.
  Future<String?> send(String text) async {
    final body = text.trim();
    if (body.isEmpty) return null;
    final message = ${E}(${args.join(', ')});
    _messages = [..._messages, message];
    _sending = true;
    _notify();
    try {
      await _repository.save(message);
      return null;
    } catch (error) {
      _messages = _messages.where((other) => other.id != message.id).toList();
      return ${dartText(t.couldNotSend, { error: 'error' })};
    } finally {
      _sending = false;
      _notify();
    }
  }

  // Saving may finish after the screen is gone; notifying then would throw.
${SAFE_NOTIFY_DART}
`;
}

function screenDart(ctx: FeatureContext, entity: EntityPlan): string {
  const S = ctx.feature.classes.screen;
  const C = ctx.feature.classes.controller;
  const E = entity.className;
  const f = chatFields(entity);
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
  const imports = [
    ...(f.sentAt ? [fromFeatureDir(FORMATTERS_PATH)] : []),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    controllerPath(ctx).slice(ctx.feature.paths.dir.length + 1),
  ];
  const text = nonNull(f.text, `message.${f.text.name}`, "''");
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}

class ${S} extends StatefulWidget {
  const ${S}({
    super.key,
    required this.repository,
    this.currentUser = ${dartString(CHAT_DEFAULT_SENDER)},
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${E}Repository repository;

  /// This device's sender name: messages from it are shown as yours.
  final String currentUser;

  @override
  State<${S}> createState() => _${S}State();
}

class _${S}State extends State<${S}> {
  late final ${C} _chat;
  final _composer = TextEditingController();

  @override
  void initState() {
    super.initState();
    _chat = ${C}(widget.repository, currentUser: widget.currentUser);
    _chat.load();
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
    if (error == null) return;
    if (!mounted) return;
    _composer.text = text;
    ScaffoldMessenger.of(context).showSnackBar(SnackBar(content: Text(error)));
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text(${S}.title),
        actions: [
          IconButton(
            tooltip: ${dartString(t.refresh)},
            icon: const Icon(Icons.refresh),
            onPressed: _chat.load,
          ),
        ],
      ),
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
    final error = _chat.error;
    if (messages.isEmpty) {
      if (_chat.isLoading) {
        return const Center(child: CircularProgressIndicator());
      }
      if (error != null) {
        return Center(
          child: Padding(
            padding: const EdgeInsets.all(24),
            child: Column(
              mainAxisSize: MainAxisSize.min,
              children: [
                Text(error, textAlign: TextAlign.center),
                const SizedBox(height: 12),
                OutlinedButton(onPressed: _chat.load, child: const Text(${dartString(t.tryAgain)})),
              ],
            ),
          ),
        );
      }
      return const Center(child: Text(${dartString(t.noMessages)}));
    }
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

function testDart(ctx: FeatureContext, entity: EntityPlan): string {
  const pkg = ctx.plan.packageName;
  const S = ctx.feature.classes.screen;
  const E = entity.className;
  const f = chatFields(entity);
  const t = uiText(ctx.plan);
  const seededText = sampleValue(f.text, 1);
  const senderCheck = f.sender
    ? `
    final sent = saved.singleWhere((message) => message.${f.text.name} == 'Hello there');
    expect(sent.${f.sender.name}, ${dartString(CHAT_DEFAULT_SENDER)});`
    : '';
  const imports = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, ctx.feature.paths.screen),
  ].sort();
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}

import '../support/${FAKE_REPOSITORIES_PATH.slice('test/support/'.length)}';

void main() {
  testWidgets('sends a message and shows it at the bottom, on the right', (tester) async {
    final repository = InMemory${E}Repository(
      seed: [${sampleEntity(entity, 1)}],
    );
    await tester.pumpWidget(MaterialApp(home: ${S}(repository: repository)));
    await tester.pumpAndSettle();
    expect(find.text(${seededText}), findsOneWidget);

    final sendButton = find.widgetWithIcon(IconButton, Icons.send);
    expect(tester.widget<IconButton>(sendButton).onPressed, isNull);

    await tester.enterText(find.byType(TextField), 'Hello there');
    await tester.pump();
    expect(tester.widget<IconButton>(sendButton).onPressed, isNotNull);

    await tester.tap(sendButton);
    await tester.pumpAndSettle();

    expect(find.text('Hello there'), findsOneWidget);
    expect(tester.widget<TextField>(find.byType(TextField)).controller!.text, isEmpty);
    expect(
      tester.getCenter(find.text('Hello there')).dx,
      greaterThan(tester.getCenter(find.text(${seededText})).dx),
    );
    expect(
      tester.getCenter(find.text('Hello there')).dy,
      greaterThan(tester.getCenter(find.text(${seededText})).dy),
    );

    final saved = await repository.fetchAll();
    expect(saved, hasLength(2));${senderCheck}
  });

  testWidgets('shows an empty conversation and keeps blank messages out', (tester) async {
    final repository = InMemory${E}Repository();
    await tester.pumpWidget(MaterialApp(home: ${S}(repository: repository)));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(t.noMessages)}), findsOneWidget);

    await tester.enterText(find.byType(TextField), '   ');
    await tester.pump();
    expect(tester.widget<IconButton>(find.widgetWithIcon(IconButton, Icons.send)).onPressed, isNull);
    expect(await repository.fetchAll(), isEmpty);
  });
}
`;
}

function files(ctx: FeatureContext): GeneratedFile[] {
  const entity = requireEntity(ctx.plan, ctx.feature);
  return [
    { path: controllerPath(ctx), content: controllerDart(ctx, entity) },
    { path: ctx.feature.paths.screen, content: screenDart(ctx, entity) },
    { path: ctx.feature.paths.test, content: testDart(ctx, entity) },
  ];
}

export const chatArchetype: ArchetypeTemplate = {
  id: 'chat',
  dependencies: () => ({}),
  files,
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const auth = authServiceDecl(ctx.plan);
    const user = auth
      ? `, currentUser: services.${auth.field}.currentEmail.value ?? ${dartString(CHAT_DEFAULT_SENDER)}`
      : '';
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection}${user})`;
  },
  services(ctx): ServiceDecl[] {
    const auth = authServiceDecl(ctx.plan);
    return auth ? [auth] : [];
  },
  readme(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const label = singleLine(ctx.feature.names.label);
    const who = authServiceDecl(ctx.plan)
      ? 'the signed-in email (or `me` before signing in)'
      : '`me`; pass another `currentUser` to the screen once the app knows who is using it';
    return [
      `**${label}** stores messages as \`${entity.className}\` records (\`${entity.tableName}\`) through the app's backend. Messages sent from this device carry ${who} as the sender and are shown on the right.`,
      '',
      'The conversation loads when the screen opens and again with the refresh button; it does not listen for new messages. For live updates, add a `Stream` to the repository (Firestore `snapshots()`, Supabase `stream()`, a GraphQL subscription or polling) and rebuild the list from it.',
    ].join('\n');
  },
  summary: (ctx) =>
    `${singleLine(ctx.feature.names.label)}: a conversation with the newest message at the bottom and a composer that sends through the backend.`,
};
