import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { chatArchetype as template } from './chat.archetype';
import {
  BACKENDS,
  contextFor,
  expectSoundFeature,
  fileContent,
  hostile,
  appSpec,
} from './testing/archetype-spec-helpers';

const LABELS = ['Chat', 'Messages', hostile('chat'), 'Mensajes', 'Tin nhắn', 'Nachrichten', '聊天'];

describe('chatArchetype', () => {
  for (const backend of BACKENDS) {
    for (const label of LABELS) {
      it(`writes a sound feature for ${JSON.stringify(label)} on ${backend}`, async () => {
        const ctx = contextFor(appSpec([label, 'Contacts'], { backend }), 'chat');
        expect(ctx.feature.entity).toBe('ChatMessage');
        await expectSoundFeature(template, ctx);
      });
    }
  }

  it('re-reads the repository every 5 s (no refresh button), newest at the bottom, and saves with newId()', () => {
    const ctx = contextFor(appSpec(['Chat']), 'chat');
    const files = template.files(ctx);
    const controller = fileContent(files, `${ctx.feature.paths.dir}/chat_controller.dart`);
    expect(controller).toContain('await repository.fetchAll()');
    // Only what is new since the newest message seen is added.
    expect(controller).toContain('final newer = await _fetchNewer(repository, _newest(known));');
    expect(controller).toContain('Timer.periodic(every, (_) => read())');
    expect(controller).toContain('timer?.cancel();');
    expect(controller).toContain('(a, b) => a.sentAt.compareTo(b.sentAt)');
    expect(controller).toContain(
      'ChatMessage(id: newId(), text: body, sender: _me, senderId: myId, sentAt: DateTime.now())',
    );
    expect(controller).not.toContain('isSending');
    expect(controller).toContain('await _repository.save(message);');
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('reverse: true');
    expect(screen).toContain('updates: widget.updates ?? pollMessages(widget.repository)');
    expect(screen).not.toContain('Icons.refresh');
    expect(screen).toContain('IconButton.filled(');
    expect(screen).toContain('onPressed: value.text.trim().isEmpty ? null : _send');
    expect(screen).toContain('mine ? Alignment.centerRight : Alignment.centerLeft');
    expect(template.screenBuilder(ctx)).toBe('ChatScreen(repository: services.chatMessages)');
    expect(template.services?.(ctx)).toEqual([]);
    // The install id (no sign-in) is kept in SharedPreferences.
    expect(Object.keys(template.dependencies(ctx))).toEqual(['shared_preferences']);
  });

  it('uses the signed-in email as the sender when the app has sign-in', async () => {
    const ctx = contextFor(appSpec(['Login', 'Chat'], { backend: 'firebase' }), 'chat');
    await expectSoundFeature(template, ctx);
    expect(template.screenBuilder(ctx)).toBe(
      "ChatScreen(repository: services.chatMessages, updates: watchChatMessages(), currentUser: services.auth.currentEmail.value ?? 'me', currentUserId: signedInUserId())",
    );
    expect(template.services?.(ctx).map((decl) => decl.field)).toEqual(['auth']);
    expect(template.readme?.(ctx)).toContain('signed-in email');
  });

  it('tests typing, sending, the list and the cleared field', () => {
    const ctx = contextFor(appSpec(['Chat']), 'chat');
    const test = fileContent(template.files(ctx), ctx.feature.paths.test);
    expect(test).toContain('InMemoryChatMessageRepository(');
    expect(test).toContain("await tester.enterText(find.byType(TextField), 'Hello there');");
    expect(test).toContain('await tester.tap(sendButton);');
    expect(test).toContain("expect(find.text('Hello there'), findsOneWidget);");
    expect(test).toContain('controller!.text, isEmpty');
    expect(test).toContain("expect(sent.sender, 'me');");
  });

  it('escapes the label', () => {
    const label = hostile('chat');
    const ctx = contextFor(appSpec([label]), 'chat');
    expect(fileContent(template.files(ctx), ctx.feature.paths.screen)).toContain(
      `static const String title = ${dartString(label)};`,
    );
    for (const file of template.files(ctx)) expect(file.content).not.toContain(label);
  });
});
