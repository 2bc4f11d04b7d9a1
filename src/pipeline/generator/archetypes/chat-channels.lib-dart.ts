/**
 * The chat's first screen when messages belong to channels: the channels by
 * name (with their topic), pull to refresh, a button to start one (name and
 * optional topic in a dialog), and a tap opening that channel's conversation.
 */
import { dartString } from '../dart-string';
import { IDS_PATH } from '../data/entity-files';
import type { EntityField } from '../plan/app-plan';
import { dartText, fill, inSentence, uiText } from '../ui-text';
import { chatText } from '../ui-text-chat';
import type { FeatureContext } from './archetype';
import { liveMessagesExport } from './chat-feeds.lib-dart';
import type { ChatShape } from './chat-shape';
import { dartImports, fileNameOf, fromFeatureDir } from './feature-dart.shared';

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
    this.currentUser = ${dartString(shape.defaultSender)},${profile ? '\n    this.profile,' : ''}
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${K}Repository channels;
  final ${E}Repository messages;

  /// A channel's messages as the backend pushes them; null re-reads [messages] every few seconds.
  final Stream<List<${E}>> Function(String channelId)? liveMessages;

  /// This device's sender name when nothing better is known.
  final String currentUser;${profile ? `\n\n  /// Signs sent messages with its display name.\n  final ${profile.store}? profile;` : ''}

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
          currentUser: widget.currentUser,${profile ? '\n          profile: widget.profile,' : ''}
        ),
      ),
    );
  }

  Future<void> _add() async {
    final channel = await showDialog<${K}>(context: context, builder: (context) => const _New${K}Dialog());
    if (channel == null || !mounted) return;
    try {
      await widget.channels.save(channel);
    } catch (error) {
      if (!mounted) return;
      ScaffoldMessenger.of(context).showSnackBar(
        SnackBar(content: Text(${dartText(t.couldNotSave, { error: 'error' })})),
      );
      return;
    }
    if (!mounted) return;
    _reload();
    _open(channel);
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
                  Text(${dartText(t.couldNotLoad, { error: 'snapshot.error' })}, textAlign: TextAlign.center),
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
                      );
                    },
                  ),
          );
        },
      ),
    );
  }
}

/// Asks for a new channel's name${topic ? ' and optional topic' : ''}; pops with it, or null.
class _New${K}Dialog extends StatefulWidget {
  const _New${K}Dialog();

  @override
  State<_New${K}Dialog> createState() => _New${K}DialogState();
}

class _New${K}DialogState extends State<_New${K}Dialog> {
  final _form = GlobalKey<FormState>();
  final _name = TextEditingController();${topic ? '\n  final _topic = TextEditingController();' : ''}

  @override
  void dispose() {
    _name.dispose();${topic ? '\n    _topic.dispose();' : ''}
    super.dispose();
  }

  void _create() {
    if (!_form.currentState!.validate()) return;
    final name = _name.text.trim();${topic ? '\n    final topic = _topic.text.trim();' : ''}
    Navigator.of(context).pop(${K}(id: newId(), ${title.name}: name${topicArg}));
  }

  @override
  Widget build(BuildContext context) {
    return AlertDialog(
      title: const Text(${dartString(fill(t.newItem, { item }))}),
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
        FilledButton(onPressed: _create, child: const Text(${dartString(t.save)})),
      ],
    );
  }
}
`;
}
