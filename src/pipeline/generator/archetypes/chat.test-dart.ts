/**
 * The chat's widget test: sending shows the message at the bottom on the
 * right; a teammate's message arrives without any tap (the 5-second re-read);
 * with channels, opening one shows only its messages; with a profile, sent
 * messages carry its display name.
 */
import { dartString } from '../dart-string';
import { FAKE_REPOSITORIES_PATH, packageUri, sampleEntity, sampleValue } from '../data/entity-dart';
import { uiText } from '../ui-text';
import type { FeatureContext } from './archetype';
import { roomScreenClass, roomScreenPath } from './chat-channels.lib-dart';
import type { ChatShape } from './chat-shape';
import { relativeTestImport } from './feature-dart.shared';
import { sampleKeyword } from './sample-keyword';

export function chatTestDart(ctx: FeatureContext, shape: ChatShape): string {
  const pkg = ctx.plan.packageName;
  const { message: entity, fields: f, channel, channelField, profile } = shape;
  const S = ctx.feature.classes.screen;
  const E = entity.className;
  const t = uiText(ctx.plan);
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
  // This user's earlier message, signed with the account name before a profile name existed.
  const signedByAccount = f.sender
    ? seeded(1).replace(
        `${f.sender.name}: ${sampleValue(f.sender, 1)}`,
        `${f.sender.name}: ${dartString(shape.defaultSender)}`,
      )
    : seeded(1);
  const imports = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, ctx.feature.paths.screen),
    ...(channel ? [packageUri(pkg, channel.paths.model), packageUri(pkg, roomScreenPath(ctx))] : []),
    ...(profile ? [packageUri(pkg, profile.storePath)] : []),
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
    expect(sent.${f.sender.name}, ${dartString(shape.defaultSender)});`
    : '';
  const channelTest =
    channel && channelField
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

  testWidgets('keeps messages sent before the profile name was set on the right', (tester) async {
    final repository = InMemory${E}Repository(
      seed: [${signedByAccount}, ${teammateHere}],
    );
    final profile = ${profile.memoryStore}(const ${profile.data}(displayName: 'Ada Lovelace'));
    await tester.pumpWidget(MaterialApp(home: ${roomArgs(', profile: profile')}));
    await tester.pumpAndSettle();

    expect(
      tester.getCenter(find.text(${text1})).dx,
      greaterThan(tester.getCenter(find.text(${sampleValue(f.text, 2)})).dx),
    );
  });`
      : '';
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}

${support.map((uri) => `import '${uri}';`).join('\n')}

void main() {${channelDecl}
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
  });${channelTest}${profileTest}
}
`;
}
