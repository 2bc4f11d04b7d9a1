import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { planApp } from '../plan/plan-app';
import { supabaseSql } from '../data/backends/supabase-sql';
import { graphqlSchema, openApiYaml } from '../docs/api-docs';
import { chatText } from '../ui-text-chat';
import { BACKENDS, appSpec, expectParses, expectSoundProject, fileContent } from './testing/archetype-spec-helpers';

/** A team chat with channels, a profile that signs messages and a camera: the app the chat rework is for. */
function teamChat(backend: string, features = ['login', 'chat', 'channels', 'profile', 'camera']): AppSpec {
  return {
    slug: 'team_chat',
    name: 'TeamChat',
    description: 'Chat rooms for a small team with file sharing',
    platforms: ['android', 'ios', 'web'],
    style: 'material',
    backend,
    features,
  };
}

describe('TeamChat, the whole project', () => {
  for (const backend of BACKENDS) {
    it(`builds a sound project with channels, profile and camera on ${backend}`, async () => {
      const files = generateFlutterProject(teamChat(backend));
      expectSoundProject(files);
      await expectParses(files);
      const app = fileContent(files, 'lib/app.dart');
      // One argument a line or not: app.dart's layout follows its length.
      expect(app).toMatch(/ChatScreen\(\s*channels: services\.channels,\s*messages: services\.chatMessages/);
      expect(app).toContain('profile: services.profileStore');
    });

    it(`builds a sound project for a chat alone on ${backend}`, async () => {
      const files = generateFlutterProject(teamChat(backend, ['chat']));
      expectSoundProject(files);
      await expectParses(files);
    });
  }
});

describe('chat channels in the plan', () => {
  const channelApps: [string[], string][] = [
    [['Chat', 'Channels'], 'Channel'],
    [['Chat', 'Rooms'], 'Room'],
    [['Chat', 'Study groups'], 'StudyGroup'],
    [['Chat', 'Conversations'], 'Conversation'],
    [['Mensajes', 'Canales'], ''],
    [['Tin nhắn', 'Kênh'], ''],
    [['Nachrichten', 'Kanäle'], ''],
    [['聊天', '频道'], ''],
  ];
  for (const [features, className] of channelApps) {
    it(`folds ${JSON.stringify(features)} into one chat whose messages belong to a channel`, () => {
      const plan = planApp(appSpec(features));
      const chats = plan.features.filter((feature) => feature.archetype === 'chat');
      expect(chats).toHaveLength(1);
      expect(chats[0].options.channels).toBe(true);
      expect(plan.features.filter((feature) => feature.archetype === 'entity')).toEqual([]);
      const message = plan.entities.find((entity) => entity.className === 'ChatMessage');
      const link = message?.fields.find((field) => field.name === 'channelId');
      expect(link?.required).toBe(true);
      const channel = plan.entities.find((entity) => entity.className === link?.refersTo);
      if (className) expect(channel?.className).toBe(className);
      expect(channel?.fields.map((field) => [field.name, field.required])).toEqual([
        ['name', true],
        ['topic', false],
      ]);
    });
  }

  it('keeps "rooms, bookings" without a chat a record list of rooms', () => {
    const plan = planApp(appSpec(['Rooms', 'Bookings']));
    expect(plan.features.map((feature) => feature.archetype)).not.toContain('chat');
    expect(plan.features.find((feature) => feature.entity === 'Room')?.archetype).toBe('entity');
  });

  it('keeps one room for a chat alone and for "group expenses" next to it', () => {
    for (const features of [['Chat'], ['Chat', 'Group expenses']]) {
      const plan = planApp(appSpec(features));
      const chat = plan.features.find((feature) => feature.archetype === 'chat');
      expect(chat?.options.channels).toBeFalsy();
      const message = plan.entities.find((entity) => entity.className === 'ChatMessage');
      expect(message?.fields.some((field) => field.refersTo)).toBe(false);
    }
  });
});

describe('chat live updates per backend', () => {
  const feed = 'lib/features/chat/chat_feed.dart';

  it('listens to a Firestore query of the open channel', () => {
    const files = generateFlutterProject(teamChat('firebase'));
    const dart = fileContent(files, feed);
    expect(dart).toContain('.collection(FirestoreChatMessageRepository.collectionName)');
    expect(dart).toContain(".where('channelId', isEqualTo: channelId)");
    expect(dart).toContain('.snapshots()');
    expect(fileContent(files, 'lib/features/chat/chat_screen.dart')).toContain(
      "export 'chat_feed.dart' show watchChatMessages, signedInUserId;",
    );
    expect(fileContent(files, 'lib/app.dart')).toContain('liveMessages: watchChatMessages');
  });

  it('listens to a Supabase Realtime stream of the open channel, mapping snake_case columns', () => {
    const files = generateFlutterProject(teamChat('supabase'));
    const dart = fileContent(files, feed);
    expect(dart).toContain('.from(SupabaseChatMessageRepository.tableName)');
    expect(dart).toContain(".stream(primaryKey: ['id'])\n      .eq('channel_id', channelId)");
    expect(dart).toContain("'sentAt': row['sent_at'],");
    expect(fileContent(files, 'README.md')).toContain('alter publication supabase_realtime add table');
  });

  it('listens to the whole collection when a chat has no channels', () => {
    const files = generateFlutterProject({ ...teamChat('firebase', ['chat']), description: 'A family chat' });
    const dart = fileContent(files, feed);
    expect(dart).toContain('Stream<List<ChatMessage>> watchChatMessages() {');
    expect(dart).not.toContain('.where(');
    expect(fileContent(files, 'lib/app.dart')).toContain('updates: watchChatMessages()');
  });

  for (const backend of ['rest', 'graphql', 'none'] as const) {
    it(`polls the open channel's messages every 5 s on ${backend} and stops when the room closes`, () => {
      const files = generateFlutterProject(teamChat(backend));
      expect(files.map((file) => file.path)).not.toContain(feed);
      expect(fileContent(files, 'lib/app.dart')).not.toContain('watchChatMessages');
      const controller = fileContent(files, 'lib/features/chat/chat_controller.dart');
      expect(controller).toContain('Duration every = const Duration(seconds: 5)');
      expect(controller).toContain('onCancel: () {\n      timer?.cancel();');
      expect(controller).toContain('_subscription?.cancel();');
      const room = fileContent(files, 'lib/features/chat/chat_room_screen.dart');
      expect(room).toContain(
        'updates: widget.updates ?? pollMessages(widget.repository, channelId: widget.channel.id)',
      );
      expect(room).toContain('_chat.dispose();');
    });
  }
});

describe('chat sender name', () => {
  it('signs messages with the profile name, and the profile says where the name shows', () => {
    const files = generateFlutterProject(teamChat('graphql'));
    const controller = fileContent(files, 'lib/features/chat/chat_controller.dart');
    expect(controller).toContain("final name = (await profile?.load())?.displayName.trim() ?? '';");
    expect(controller).toContain('if (name.isNotEmpty) _me = name;');
    const test = fileContent(files, 'test/features/chat_screen_test.dart');
    expect(test).toContain("testWidgets('signs sent messages with the profile name'");
    expect(test).toContain("expect(sent.sender, 'Ada Lovelace');");
    const plan = planApp(teamChat('graphql'));
    expect(fileContent(files, 'lib/features/profile/profile_screen.dart')).toContain(chatText(plan).nameShownInChat);
  });

  it('falls back to the signed-in email without a profile, and the profile says nothing of chat without one', () => {
    const files = generateFlutterProject(teamChat('firebase', ['login', 'chat']));
    expect(fileContent(files, 'lib/features/chat/chat_controller.dart')).not.toContain('profile');
    expect(fileContent(files, 'lib/app.dart')).toContain("currentUser: services.auth.currentEmail.value ?? 'me'");
    // Never reassigned without a profile, so final (prefer_final_fields).
    expect(fileContent(files, 'lib/features/chat/chat_controller.dart')).toContain('  final String _me;');
    const alone = { ...teamChat('none', ['profile']), description: 'A profile page' };
    expect(fileContent(generateFlutterProject(alone), 'lib/features/profile/profile_screen.dart')).not.toContain(
      chatText(planApp(alone)).nameShownInChat,
    );
  });

  it('tells mine by the sender id, so a rename keeps earlier messages mine', () => {
    const files = generateFlutterProject(teamChat('firebase'));
    const controller = fileContent(files, 'lib/features/chat/chat_controller.dart');
    expect(controller).toContain('bool isMine(ChatMessage message) => message.senderId == _myId;');
    expect(controller).not.toContain('message.sender ==');
    const test = fileContent(files, 'test/features/chat_screen_test.dart');
    expect(test).toContain("testWidgets('tells your messages by your id, not your name'");
    expect(test).toContain("senderId: 'ada-id', sentAt");
    expect(test).toContain("expect(sent.senderId, 'ada-id');");
    // The channel sample has only constant fields (prefer_const_declarations).
    expect(test).toContain("  const channel = Channel(id: 'channel-1'");
    expect(test).not.toMatch(/final (channel|other) = Channel\(/);
  });
});

describe('chat messages owned by an id', () => {
  const model = 'lib/data/models/chat_message.dart';

  it('stores the sender id next to the name and signs with the Firebase uid, which the rules check', () => {
    const files = generateFlutterProject(teamChat('firebase'));
    expect(fileContent(files, model)).toContain('final String senderId;');
    expect(fileContent(files, 'lib/app.dart')).toContain('currentUserId: signedInUserId()');
    expect(fileContent(files, 'lib/features/chat/chat_feed.dart')).toContain(
      'String? signedInUserId() => FirebaseAuth.instance.currentUser?.uid;',
    );
    const readme = fileContent(files, 'README.md');
    expect(readme).toContain(
      'allow create: if request.auth != null && request.resource.data.senderId == request.auth.uid && ',
    );
    expect(readme).toContain('allow delete: if request.auth != null && resource.data.senderId == request.auth.uid;');
    // Other collections keep the plain rule.
    expect(readme).toContain('match /channels/{itemId} {\n      allow read, delete: if request.auth != null;');
  });

  it('signs with the Supabase user id, and the policies let users write their own rows only', () => {
    const files = generateFlutterProject(teamChat('supabase'));
    expect(fileContent(files, 'lib/features/chat/chat_feed.dart')).toContain(
      'String? signedInUserId() => Supabase.instance.client.auth.currentUser?.id;',
    );
    const sql = supabaseSql(planApp(teamChat('supabase')));
    expect(sql).toContain(
      'create policy "chat_messages read" on public."chat_messages"\n  for select to authenticated using (true);',
    );
    expect(sql).toContain('using ("sender_id" = auth.uid()::text) with check ("sender_id" = auth.uid()::text);');
  });

  it("uses the signed-in email as the id on the app's own API, and an install id without sign-in", () => {
    const rest = generateFlutterProject(teamChat('rest'));
    expect(fileContent(rest, 'lib/app.dart')).toContain('currentUserId: services.auth.currentEmail.value');
    const helpDesk = generateFlutterProject({
      ...teamChat('none', ['chat']),
      name: 'Help Desk',
      description: 'Customers chat with support',
    });
    expect(fileContent(helpDesk, 'lib/app.dart')).not.toContain('currentUserId');
    const controller = fileContent(helpDesk, 'lib/features/chat/chat_controller.dart');
    expect(controller).toContain('_myId ??= await installSenderId();');
    expect(controller).toContain('final saved = prefs.getString(_installIdKey);');
    expect(controller).toContain('bool isMine(ChatMessage message) => message.senderId == _myId;');
    expect(fileContent(helpDesk, 'pubspec.yaml')).toContain('shared_preferences:');
    expect(fileContent(helpDesk, 'test/features/chat_screen_test.dart')).toContain(
      'setUp(() => SharedPreferences.setMockInitialValues({}));',
    );
  });
});

describe('channels can be renamed and deleted', () => {
  const list = 'lib/features/chat/chat_screen.dart';

  it("offers rename and delete (after a confirmation) in each channel's menu, in German for a German app", () => {
    const spec = {
      ...teamChat('rest', ['Anmeldung', 'Chat', 'Kanäle']),
      name: 'Teamraum',
      description: 'Chat mit Kanälen für das Team',
    };
    const files = generateFlutterProject(spec);
    const screen = fileContent(files, list);
    expect(screen).toContain('trailing: PopupMenuButton<_KanalAction>(');
    expect(screen).toContain("child: Text('Umbenennen'),");
    expect(screen).toContain("title: Text('„${channel.name}“ löschen?'),");
    expect(screen).toContain('await widget.channels.delete(channel.id);');
    expect(screen).toContain('late final _name = TextEditingController(text: widget.channel?.name);');
    // The server deletes the messages; the device does not loop over them.
    expect(screen).not.toContain('widget.messages.delete(');
    const test = fileContent(files, 'test/features/chat_screen_test.dart');
    expect(test).toContain("await tester.tap(find.text('Umbenennen'));");
    expect(test).toContain('expect(await channels.fetchAll(), isEmpty);');
    expect(fileContent(files, 'README.md')).toContain('the server should delete its messages with it');
  });

  it('deletes the messages with the channel: on the device, and by a cascade on Supabase', () => {
    const local = generateFlutterProject(teamChat('none'));
    expect(fileContent(local, list)).toContain('await widget.messages.delete(message.id);');
    expect(fileContent(local, 'test/features/chat_screen_test.dart')).toContain(
      'expect(await messages.fetchAll(), isEmpty);',
    );
    const sql = supabaseSql(planApp(teamChat('supabase')));
    expect(sql).toContain('"channel_id" text not null references public."channels" ("id") on delete cascade');
    expect(fileContent(generateFlutterProject(teamChat('firebase')), 'README.md')).toContain(
      "the channel's messages stay in the collection, unlisted",
    );
  });
});

describe('polling asks for new messages only', () => {
  it('sends channelId and since on REST, documented in openapi.yaml', () => {
    const files = generateFlutterProject(teamChat('rest'));
    const repository = fileContent(files, 'lib/data/rest/rest_chat_message_repository.dart');
    expect(repository).toContain("if (since != null) 'since': since.toUtc().toIso8601String(),");
    expect(repository).toContain("'channelId': channelId,");
    const controller = fileContent(files, 'lib/features/chat/chat_controller.dart');
    expect(controller).toContain('if (repository is RestChatMessageRepository) {');
    expect(controller).toContain('return repository.fetchNewer(channelId: channelId, since: since);');
    const openApi = openApiYaml(planApp(teamChat('rest')));
    expect(openApi).toMatch(/- name: channelId\s+in: query/);
    expect(openApi).toMatch(/- name: since\s+in: query/);
    // Other lists take no parameters.
    expect(openApi.match(/name: since/g)).toHaveLength(1);
  });

  it('passes channelId and since as GraphQL query arguments, declared in the schema', () => {
    const files = generateFlutterProject(teamChat('graphql'));
    expect(fileContent(files, 'lib/data/graphql/chat_message_documents.dart')).toContain(
      'chatMessages(channelId: $channelId, since: $since) {',
    );
    expect(fileContent(files, 'lib/features/chat/chat_controller.dart')).toContain(
      'if (repository is GraphqlChatMessageRepository) {',
    );
    expect(graphqlSchema(planApp(teamChat('graphql')))).toContain(
      'chatMessages(channelId: String, since: DateTime): [ChatMessage!]!',
    );
  });

  it('filters on the device where no server can (no backend)', () => {
    const controller = fileContent(generateFlutterProject(teamChat('none')), 'lib/features/chat/chat_controller.dart');
    expect(controller).not.toContain('repository.fetchNewer(');
    expect(controller).toContain('if (message.channelId == channelId &&');
  });
});
