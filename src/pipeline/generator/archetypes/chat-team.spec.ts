import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { planApp } from '../plan/plan-app';
import { bracketProblem } from '../testing/dart-brackets';
import { unresolvedImports } from '../testing/project-checks';
import { chatText } from '../ui-text-chat';
import { BACKENDS, appSpec, dartFiles, expectParses, fileContent } from './testing/archetype-spec-helpers';

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

function expectSoundProject(files: readonly GeneratedFile[]): void {
  const brackets = dartFiles(files)
    .map((file) => [file.path, bracketProblem(file.content)] as const)
    .filter(([, problem]) => problem !== null);
  expect(brackets).toEqual([]);
  expect(unresolvedImports(files)).toEqual([]);
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
      "export 'chat_feed.dart' show watchChatMessages;",
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
    it(`re-reads the messages every 5 s on ${backend} and stops when the room closes`, () => {
      const files = generateFlutterProject(teamChat(backend));
      expect(files.map((file) => file.path)).not.toContain(feed);
      expect(fileContent(files, 'lib/app.dart')).not.toContain('watchChatMessages');
      const controller = fileContent(files, 'lib/features/chat/chat_controller.dart');
      expect(controller).toContain('Duration every = const Duration(seconds: 5)');
      expect(controller).toContain('onCancel: () {\n      timer?.cancel();');
      expect(controller).toContain('_subscription?.cancel();');
      const room = fileContent(files, 'lib/features/chat/chat_room_screen.dart');
      expect(room).toContain('updates: widget.updates ?? pollMessages(widget.repository)');
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

  it('keeps messages signed with the account name as mine once the profile name is set', () => {
    const files = generateFlutterProject(teamChat('firebase'));
    const controller = fileContent(files, 'lib/features/chat/chat_controller.dart');
    expect(controller).toContain('_account = currentUser,');
    expect(controller).toContain(
      'bool isMine(ChatMessage message) => message.sender == _me || message.sender == _account;',
    );
    const test = fileContent(files, 'test/features/chat_screen_test.dart');
    expect(test).toContain("testWidgets('keeps messages sent before the profile name was set on the right'");
    expect(test).toContain("sender: 'me'");
    // The channel sample has only constant fields (prefer_const_declarations).
    expect(test).toContain("  const channel = Channel(id: 'channel-1'");
    expect(test).not.toMatch(/final (channel|other) = Channel\(/);
  });
});
