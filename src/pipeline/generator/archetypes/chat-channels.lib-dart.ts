/**
 * The chat's first screen when messages belong to channels: the channels by
 * name (with their topic), pull to refresh, a button to start one (name and
 * optional topic in a dialog), a tap opening that channel's conversation, and
 * a menu per channel to rename it (same dialog) or delete it after a confirm.
 */
import { dartString } from '../dart-string';
import { IDS_PATH } from '../data/entity-files';
import type { EntityField } from '../plan/app-plan';
import { dartText, fill, inSentence, uiText } from '../ui-text';
import { chatText } from '../ui-text-chat';
import { snackBarDart } from './dart-wrap';
import type { FeatureContext } from './archetype';
import { liveMessagesExport } from './chat-feeds.lib-dart';
import { ID_DOC } from './chat-conversation.lib-dart';
import type { ChatShape } from './chat-shape';
import { dartImports, fileNameOf, fromFeatureDir } from './feature-dart.shared';
import { USER_MESSAGE_PATH } from './records-user-message';

export function roomScreenPath(ctx: FeatureContext): string {
  return `${ctx.feature.paths.dir}/${ctx.feature.names.id}_room_screen.dart`;
}

export function roomScreenClass(ctx: FeatureContext): string {
  return `${ctx.feature.classes.prefix}RoomScreen`;
}

export function channelListDart(ctx: FeatureContext, shape: ChatShape): string {
  const channel = shape.channel;
  if (!channel) throw new Error('channel list without a channel entity');
  const S = ctx.feature.classes.screen;
  const R = roomScreenClass(ctx);
  const E = shape.message.className;
  const K = channel.className;
  const t = uiText(ctx.plan);
  const c = chatText(ctx.plan);
  const title = channel.fields.find((field) => field.name === channel.titleField) as EntityField;
  const topic = channel.fields.find((field) => field !== title && !field.required && field.type !== 'bool');
  const item = inSentence(t, channel.label);
  const addLabel = fill(t.addItem, { item });
  const profile = shape.profile;
  const topicArg = topic ? `, ${topic.name}: topic.isEmpty ? null : topic` : '';
  const subtitle = topic
    ? `\n                subtitle: channel.${topic.name} == null ? null : Text(channel.${topic.name}!),`
    : '';
  // On-device storage has no cascade: the messages go first, so a failure
  // leaves the channel there to delete again. Servers delete them themselves
  // (Supabase's foreign key cascades; REST / GraphQL: see docs/), and
  // Firestore leaves them unlisted (README.md).
  const channelField = shape.channelField;
  const deleteMessages =
    ctx.plan.backend === 'none' && channelField
      ? `
      final messages = await widget.messages.fetchAll();
      for (final message in messages.where((m) => m.${channelField.name} == channel.id)) {
        await widget.messages.delete(message.id);
      }`
      : '';
  const topicField = topic
    ? `
            const SizedBox(height: 12),
            TextFormField(
              controller: _topic,
              maxLines: 2,
              decoration: const InputDecoration(labelText: ${dartString(c.topic)}),
            ),`
    : '';
  return `${dartImports([
    'package:flutter/material.dart',
    fromFeatureDir(IDS_PATH),
    fromFeatureDir(channel.paths.model),
    fromFeatureDir(channel.paths.repository),
    fromFeatureDir(shape.message.paths.model),
    fromFeatureDir(shape.message.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
    ...(profile ? [profile.storePath.replace('lib/features/', '../')] : []),
    fileNameOf(roomScreenPath(ctx)),
  ])}${liveMessagesExport(ctx)}

/// The ${inSentence(t, channel.pluralLabel)} by name; tapping one opens its conversation.
class ${S} extends StatefulWidget {
  const ${S}({
    super.key,
    required this.channels,
    required this.messages,
    this.liveMessages,
    this.currentUser = ${dartString(shape.defaultSender)},${shape.fields.senderId ? '\n    this.currentUserId,' : ''}${profile ? '\n    this.profile,' : ''}
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${K}Repository channels;
  final ${E}Repository messages;

  /// A channel's messages as the backend pushes them; null polls [messages] for them every 5 s.
  final Stream<List<${E}>> Function(String channelId)? liveMessages;

  /// The name your messages are signed with (when no profile name is set).
  final String currentUser;${shape.fields.senderId ? ID_DOC : ''}${profile ? `\n\n  /// Signs sent messages with its display name.\n  final ${profile.store}? profile;` : ''}

  @override
  State<${S}> createState() => _${S}State();
}

class _${S}State extends State<${S}> {
  late Future<List<${K}>> _channels = _load();

  Future<List<${K}>> _load() async {
    final channels = await widget.channels.fetchAll();
    return [...channels]..sort((a, b) => a.${title.name}.toLowerCase().compareTo(b.${title.name}.toLowerCase()));
  }

  Future<void> _reload() {
    final next = _load();
    setState(() => _channels = next);
    return next;
  }

  void _open(${K} channel) {
    Navigator.of(context).push(
      MaterialPageRoute<void>(
        builder: (context) => ${R}(
          channel: channel,
          repository: widget.messages,
          updates: widget.liveMessages?.call(channel.id),
          currentUser: widget.currentUser,${shape.fields.senderId ? '\n          currentUserId: widget.currentUserId,' : ''}${profile ? '\n          profile: widget.profile,' : ''}
        ),
      ),
    );
  }

  /// Saves [channel] and reloads the list; false (with a message) when saving fails.
  Future<bool> _save(${K} channel) async {
    try {
      await widget.channels.save(channel);
    } catch (error) {
      if (mounted) {
        ScaffoldMessenger.of(context).showSnackBar(
${snackBarDart('          ', dartText(t.couldNotSave, { error: 'userMessage(error)' }), ',')}
        );
      }
      return false;
    }
    if (!mounted) return false;
    _reload();
    return true;
  }

  Future<void> _add() async {
    final channel = await showDialog<${K}>(context: context, builder: (context) => const _${K}Dialog());
    if (channel == null || !mounted) return;
    if (await _save(channel)) _open(channel);
  }

  Future<void> _rename(${K} channel) async {
    final renamed = await showDialog<${K}>(
      context: context,
      builder: (context) => _${K}Dialog(channel: channel),
    );
    if (renamed != null && mounted) await _save(renamed);
  }

  Future<void> _delete(${K} channel) async {
    final confirmed = await showDialog<bool>(
      context: context,
      builder: (context) => AlertDialog(
        title: Text(${dartText(c.deleteChannelQuestion, { name: `channel.${title.name}` })}),
        content: const Text(${dartString(c.deleteChannelWarning)}),
        actions: [
          TextButton(
            onPressed: () => Navigator.of(context).pop(false),
            child: const Text(${dartString(t.cancel)}),
          ),
          FilledButton(
            onPressed: () => Navigator.of(context).pop(true),
            child: const Text(${dartString(t.delete)}),
          ),
        ],
      ),
    );
    if (confirmed != true || !mounted) return;
    try {${deleteMessages}
      await widget.channels.delete(channel.id);
    } catch (error) {
      if (mounted) {
        ScaffoldMessenger.of(context).showSnackBar(
${snackBarDart('          ', dartText(t.couldNotDelete, { error: 'userMessage(error)' }), ',')}
        );
      }
      return;
    }
    if (mounted) _reload();
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${S}.title)),
      floatingActionButton: FloatingActionButton.extended(
        onPressed: _add,
        icon: const Icon(Icons.add),
        label: const Text(${dartString(addLabel)}),
      ),
      body: FutureBuilder<List<${K}>>(
        future: _channels,
        builder: (context, snapshot) {
          if (snapshot.connectionState != ConnectionState.done) {
            return const Center(child: CircularProgressIndicator());
          }
          if (snapshot.hasError) {
            return Center(
              child: Column(
                mainAxisSize: MainAxisSize.min,
                children: [
                  Text(
                    ${dartText(t.couldNotLoad, { error: 'userMessage(snapshot.error!)' })},
                    textAlign: TextAlign.center,
                  ),
                  const SizedBox(height: 12),
                  OutlinedButton(onPressed: _reload, child: const Text(${dartString(t.tryAgain)})),
                ],
              ),
            );
          }
          final channels = snapshot.data ?? const [];
          return RefreshIndicator(
            onRefresh: _reload,
            child: channels.isEmpty
                ? ListView(
                    padding: const EdgeInsets.all(24),
                    children: const [
                      Text(${dartString(fill(t.emptyList, { items: inSentence(t, channel.pluralLabel), add: addLabel }))}, textAlign: TextAlign.center),
                    ],
                  )
                : ListView.builder(
                    padding: const EdgeInsets.only(bottom: 88),
                    itemCount: channels.length,
                    itemBuilder: (context, index) {
                      final channel = channels[index];
                      return ListTile(
                        leading: const CircleAvatar(child: Icon(Icons.tag)),
                        title: Text(channel.${title.name}),${subtitle.replace(/\n {16}/g, '\n                        ')}
                        onTap: () => _open(channel),
                        trailing: PopupMenuButton<_${K}Action>(
                          onSelected: (action) => switch (action) {
                            _${K}Action.rename => _rename(channel),
                            _${K}Action.delete => _delete(channel),
                          },
                          itemBuilder: (context) => const [
                            PopupMenuItem(
                              value: _${K}Action.rename,
                              child: Text(${dartString(c.renameChannel)}),
                            ),
                            PopupMenuItem(
                              value: _${K}Action.delete,
                              child: Text(${dartString(t.delete)}),
                            ),
                          ],
                        ),
                      );
                    },
                  ),
          );
        },
      ),
    );
  }
}

enum _${K}Action { rename, delete }

/// Asks for a channel's name${topic ? ' and optional topic' : ''}: a new one, or [channel]
/// renamed; pops with it, or null.
class _${K}Dialog extends StatefulWidget {
  const _${K}Dialog({this.channel});

  final ${K}? channel;

  @override
  State<_${K}Dialog> createState() => _${K}DialogState();
}

class _${K}DialogState extends State<_${K}Dialog> {
  final _form = GlobalKey<FormState>();
  late final _name = TextEditingController(text: widget.channel?.${title.name});${topic ? `\n  late final _topic = TextEditingController(text: widget.channel?.${topic.name});` : ''}

  @override
  void dispose() {
    _name.dispose();${topic ? '\n    _topic.dispose();' : ''}
    super.dispose();
  }

  void _submit() {
    if (!_form.currentState!.validate()) return;
    final name = _name.text.trim();${topic ? '\n    final topic = _topic.text.trim();' : ''}
    final id = widget.channel?.id ?? newId();
    Navigator.of(context).pop(${K}(id: id, ${title.name}: name${topicArg}));
  }

  @override
  Widget build(BuildContext context) {
    return AlertDialog(
      title: Text(widget.channel == null ? ${dartString(fill(t.newItem, { item }))} : ${dartString(c.renameChannel)}),
      content: Form(
        key: _form,
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            TextFormField(
              controller: _name,
              autofocus: true,
              textCapitalization: TextCapitalization.sentences,
              decoration: const InputDecoration(labelText: ${dartString(title.label)}),
              validator: (value) =>
                  (value ?? '').trim().isEmpty ? ${dartString(fill(t.required, { label: title.label }))} : null,
            ),${topicField}
          ],
        ),
      ),
      actions: [
        TextButton(
          onPressed: () => Navigator.of(context).pop(),
          child: const Text(${dartString(t.cancel)}),
        ),
        FilledButton(onPressed: _submit, child: const Text(${dartString(t.save)})),
      ],
    );
  }
}
`;
}
