/**
 * The chat's widget test: sending shows the message at the bottom on the
 * right; a teammate's message arrives without any tap (the 5-second re-read);
 * with channels, opening one shows only its messages and its menu renames
 * and deletes it; with a profile, sent messages carry its display name; a
 * message is yours by its sender id, whatever its name.
 */
import { dartString } from '../dart-string';
import { FAKE_REPOSITORIES_PATH, packageUri, sampleEntity, sampleValue } from '../data/entity-dart';
import { uiText } from '../ui-text';
import { chatText } from '../ui-text-chat';
import type { FeatureContext } from './archetype';
import { roomScreenClass, roomScreenPath } from './chat-channels.lib-dart';
import type { ChatShape } from './chat-shape';
import { relativeTestImport } from './feature-dart.shared';
import { sampleKeyword } from './sample-keyword';
import { RECORDS_DIR } from './records-library';

const RECORD_DETAIL_PATH = `${RECORDS_DIR}/record_detail_screen.dart`;

export function chatTestDart(ctx: FeatureContext, shape: ChatShape): string {
  const pkg = ctx.plan.packageName;
  const { message: entity, fields: f, channel, channelField, profile } = shape;
  const S = ctx.feature.classes.screen;
  const E = entity.className;
  const t = uiText(ctx.plan);
  const c = chatText(ctx.plan);
  const testPath = ctx.feature.paths.test;
  // The conversation under test: the room screen for a seeded channel, else the feature screen.
  const room = channel ? roomScreenClass(ctx) : S;
  const channelSample = channel ? sampleEntity(channel, 1) : '';
  const roomArgs = (extra: string) => `${room}(${channel ? 'channel: channel, ' : ''}repository: repository${extra})`;
  const seeded = (n: number) => sampleEntity(entity, n);
  const text1 = sampleValue(f.text, 1);
  const teammate = f.sender
    ? sampleEntity(entity, 2).replace(`${f.sender.name}: ${sampleValue(f.sender, 2)}`, `${f.sender.name}: 'Grace'`)
    : seeded(2);
  // A teammate's message in the room under test (sample 2 is in another channel).
  const teammateHere =
    channel && channelField
      ? teammate.replace(`${channelField.name}: ${sampleValue(channelField, 2)}`, `${channelField.name}: channel.id`)
      : teammate;
  // Sample 1 is this user's, sent under an old name; sample 2 a teammate's who goes by this user's name now.
  const byId = (sample: string, n: number, id: string, name: string): string => {
    if (!f.senderId || !f.sender) return sample;
    return sample
      .replace(`${f.senderId.name}: ${sampleValue(f.senderId, n)}`, `${f.senderId.name}: ${dartString(id)}`)
      .replace(`${f.sender.name}: ${sampleValue(f.sender, n)}`, `${f.sender.name}: ${dartString(name)}`);
  };
  const mineRenamed = byId(seeded(1), 1, 'ada-id', 'Ada');
  const theirsSameName = byId(
    channel && channelField
      ? seeded(2).replace(`${channelField.name}: ${sampleValue(channelField, 2)}`, `${channelField.name}: channel.id`)
      : seeded(2),
    2,
    'grace-id',
    'Ada Lovelace',
  );
  const imports = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, ctx.feature.paths.screen),
    ...(f.senderId ? ['package:shared_preferences/shared_preferences.dart'] : []),
    ...(channel ? [packageUri(pkg, channel.paths.model), packageUri(pkg, roomScreenPath(ctx))] : []),
    ...(profile ? [packageUri(pkg, profile.storePath)] : []),
    ...(shape.aboutListings ? [packageUri(pkg, RECORD_DETAIL_PATH)] : []),
  ].sort();
  const support = [
    relativeTestImport(testPath, FAKE_REPOSITORIES_PATH),
    ...(profile ? [relativeTestImport(testPath, profile.fakesPath)] : []),
  ];
  // `const` when the channel's samples are all constants (prefer_const_declarations).
  const channelKeyword = channel ? sampleKeyword(channel) : 'final';
  const channelDecl = channel ? `\n  ${channelKeyword} channel = ${channelSample};\n` : '';
  const senderCheck = f.sender
    ? `
    final sent = saved.singleWhere((message) => message.${f.text.name} == 'Hello there');
    expect(sent.${f.sender.name}, ${dartString(shape.defaultSender)});${f.senderId ? `\n    expect(sent.${f.senderId.name}, isNotEmpty);` : ''}`
    : '';
  const listingTest =
    shape.aboutListings && channel && channelField && f.senderId
      ? `

  testWidgets('lists the conversations the user wrote in', (tester) async {
    ${channelKeyword} other = ${sampleEntity(channel, 2)};
    final messages = InMemory${E}Repository(
      seed: [${seeded(1)}, ${seeded(2)}],
    );
    await tester.pumpWidget(MaterialApp(
      home: ${S}(
        listings: InMemory${channel.className}Repository(seed: [channel, other]),
        messages: messages,
        currentUserId: ${sampleValue(f.senderId, 1)},
      ),
    ));
    await tester.pumpAndSettle();
    // Sample 2 is another user's message about the other ${channel.label.toLowerCase()}.
    expect(find.text(channel.${channel.titleField}), findsOneWidget);
    expect(find.text(other.${channel.titleField}), findsNothing);
    expect(find.text(${text1}), findsOneWidget);

    await tester.tap(find.text(channel.${channel.titleField}));
    await tester.pumpAndSettle();
    expect(find.text(${text1}), findsOneWidget);
    expect(find.text(${sampleValue(f.text, 2)}), findsNothing);
  });

  testWidgets('offers the chat with the seller', (tester) async {
    ${channel.className}? opened;
    await tester.pumpWidget(MaterialApp(
      home: RecordDetailScreen<${channel.className}>(
        item: channel,
        titleOf: (item) => item.displayTitle,
        detailsOf: (item) => const [],
        onEdit: (item) async => null,
        onDelete: (item) async => false,
        createdByMe: false,
        onMessage: (context, item) async {
          opened = item;
        },
      ),
    ));
    await tester.tap(find.text(${dartString(c.messageSeller)}));
    expect(opened, channel);
  });`
      : '';
  const channelTest = shape.aboutListings
    ? listingTest
    : channel && channelField
      ? `

  testWidgets('opening a ${channel.label.toLowerCase()} shows its messages only', (tester) async {
    ${channelKeyword} other = ${sampleEntity(channel, 2)};
    final messages = InMemory${E}Repository(
      seed: [${seeded(1)}, ${seeded(2)}],
    );
    await tester.pumpWidget(MaterialApp(
      home: ${S}(
        channels: InMemory${channel.className}Repository(seed: [channel, other]),
        messages: messages,
      ),
    ));
    await tester.pumpAndSettle();
    expect(find.text(other.${channel.titleField}), findsOneWidget);

    await tester.tap(find.text(channel.${channel.titleField}));
    await tester.pumpAndSettle();
    expect(find.text(${text1}), findsOneWidget);
    expect(find.text(${sampleValue(f.text, 2)}), findsNothing);
  });

  testWidgets('renames and deletes a ${channel.label.toLowerCase()} from its menu', (tester) async {
    final channels = InMemory${channel.className}Repository(seed: [channel]);
    final messages = InMemory${E}Repository(seed: [${seeded(1)}]);
    await tester.pumpWidget(MaterialApp(home: ${S}(channels: channels, messages: messages)));
    await tester.pumpAndSettle();

    await tester.tap(find.byIcon(Icons.more_vert));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(c.renameChannel)}));
    await tester.pumpAndSettle();
    await tester.enterText(find.byType(TextFormField).first, 'Renamed');
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();
    expect(find.text('Renamed'), findsOneWidget);
    expect((await channels.fetchAll()).single.${channel.titleField}, 'Renamed');

    await tester.tap(find.byIcon(Icons.more_vert));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(t.delete)}));
    await tester.pumpAndSettle();
    await tester.tap(find.widgetWithText(FilledButton, ${dartString(t.delete)}));
    await tester.pumpAndSettle();
    expect(find.text('Renamed'), findsNothing);
    expect(await channels.fetchAll(), isEmpty);${ctx.plan.backend === 'none' ? '\n    // On the device the messages go with their channel.\n    expect(await messages.fetchAll(), isEmpty);' : ''}
  });`
      : '';
  const profileTest =
    profile && f.sender
      ? `

  testWidgets('signs sent messages with the profile name', (tester) async {
    final repository = InMemory${E}Repository();
    final profile = ${profile.memoryStore}(const ${profile.data}(displayName: 'Ada Lovelace'));
    await tester.pumpWidget(MaterialApp(home: ${roomArgs(', profile: profile')}));
    await tester.pumpAndSettle();

    await tester.enterText(find.byType(TextField), 'Hi team');
    await tester.tap(find.widgetWithIcon(IconButton, Icons.send));
    await tester.pumpAndSettle();

    final sent = (await repository.fetchAll()).single;
    expect(sent.${f.sender.name}, 'Ada Lovelace');
  });

  `
      : '';
  const idTest =
    f.senderId && f.sender
      ? `

  testWidgets('tells your messages by your id, not your name', (tester) async {
    final repository = InMemory${E}Repository(
      seed: [${mineRenamed}, ${theirsSameName}],
    );${profile ? `\n    final profile = ${profile.memoryStore}(const ${profile.data}(displayName: 'Ada Lovelace'));` : ''}
    await tester.pumpWidget(MaterialApp(
      home: ${roomArgs(`, currentUser: 'Ada Lovelace', currentUserId: 'ada-id'${profile ? ', profile: profile' : ''}`)},
    ));
    await tester.pumpAndSettle();

    // Sent as "Ada" before a rename: still yours, on the right.
    expect(
      tester.getCenter(find.text(${text1})).dx,
      greaterThan(tester.getCenter(find.text(${sampleValue(f.text, 2)})).dx),
    );

    await tester.enterText(find.byType(TextField), 'Hi team');
    await tester.tap(find.widgetWithIcon(IconButton, Icons.send));
    await tester.pumpAndSettle();
    final sent = (await repository.fetchAll()).singleWhere((message) => message.${f.text.name} == 'Hi team');
    expect(sent.${f.senderId.name}, 'ada-id');
  });`
      : '';
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}

${support.map((uri) => `import '${uri}';`).join('\n')}

void main() {${channelDecl}${f.senderId ? '\n  // The install id (no one signed in here) is kept in SharedPreferences.\n  setUp(() => SharedPreferences.setMockInitialValues({}));\n' : ''}
  testWidgets('sends a message and shows it at the bottom, on the right', (tester) async {
    final repository = InMemory${E}Repository(
      seed: [${seeded(1)}],
    );
    await tester.pumpWidget(MaterialApp(home: ${roomArgs('')}));
    await tester.pumpAndSettle();
    expect(find.text(${text1}), findsOneWidget);

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
      greaterThan(tester.getCenter(find.text(${text1})).dx),
    );
    expect(
      tester.getCenter(find.text('Hello there')).dy,
      greaterThan(tester.getCenter(find.text(${text1})).dy),
    );

    final saved = await repository.fetchAll();
    expect(saved, hasLength(2));${senderCheck}
  });

  testWidgets("shows a teammate's message without a refresh", (tester) async {
    final repository = InMemory${E}Repository();
    await tester.pumpWidget(MaterialApp(home: ${roomArgs('')}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(t.noMessages)}), findsOneWidget);

    await repository.save(${teammateHere});
    await tester.pump(const Duration(seconds: 5));
    await tester.pumpAndSettle();
    expect(find.text(${sampleValue(f.text, 2)}), findsOneWidget);
  });

  testWidgets('keeps blank messages out', (tester) async {
    final repository = InMemory${E}Repository();
    await tester.pumpWidget(MaterialApp(home: ${roomArgs('')}));
    await tester.pumpAndSettle();

    await tester.enterText(find.byType(TextField), '   ');
    await tester.pump();
    expect(tester.widget<IconButton>(find.widgetWithIcon(IconButton, Icons.send)).onPressed, isNull);
    expect(await repository.fetchAll(), isEmpty);
  });${channelTest}${profileTest}${idTest}
}
`;
}
