import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { planApp } from '../plan/plan-app';
import { supabaseSql } from '../data/backends/supabase-sql';
import { expectParses, expectSoundProject, fileContent } from './testing/archetype-spec-helpers';

const MERCADILLO: AppSpec = {
  slug: 'mercadillo',
  name: 'Mercadillo',
  description:
    'Compra y venta de segunda mano entre vecinos: anuncios con fotos, precio y chat con el vendedor. Registro con email.',
  platforms: ['android', 'ios'],
  style: 'modern',
  backend: 'firebase',
  features: ['auth', 'anuncios', 'chat'],
};

const MARKET: AppSpec = {
  slug: 'market',
  name: 'Market',
  description: 'Neighbourhood marketplace: sell used items, chat with the seller; sign up with email',
  platforms: ['android', 'ios'],
  style: 'modern',
  backend: 'supabase',
  features: ['auth', 'listings', 'chat'],
};

describe('a chat about listings', () => {
  it('makes each ad the channel of its messages in the plan', () => {
    const plan = planApp(MERCADILLO);
    const chat = plan.features.find((feature) => feature.archetype === 'chat');
    expect(chat?.options.aboutListings).toBe(true);
    const message = plan.entities.find((entity) => entity.className === 'ChatMessage');
    expect(message?.fields.find((field) => field.name === 'channelId')?.refersTo).toBe('ClassifiedAd');
    // The ads keep their own list; no separate channel entity is made.
    expect(plan.entities.map((entity) => entity.className).sort()).toEqual(['ChatMessage', 'ClassifiedAd']);
  });

  it("offers the seller's chat on another user's ad and opens it with the ad", async () => {
    const files = generateFlutterProject(MERCADILLO);
    expectSoundProject(files);
    // The files this feature writes or changes parse as Dart.
    await expectParses(files.filter((file) => /(chat|anuncios|records)\/|app\.dart$/.test(file.path)));
    const detail = fileContent(files, 'lib/core/records/record_detail_screen.dart');
    expect(detail).toContain('if (widget.onMessage != null && widget.createdByMe == false)');
    expect(detail).toContain('onPressed: () => widget.onMessage!(context, _item),');
    expect(detail).toContain("label: const Text('Escribir al vendedor'),");
    const list = fileContent(files, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain('onMessage: widget.onMessage,');
    const ads = fileContent(files, 'lib/features/anuncios/anuncios_screen.dart');
    expect(ads).toContain("import '../chat/chat_screen.dart';");
    expect(ads).toContain('final ChatScreen? chat;');
    expect(ads).toContain('onMessage: chat?.open,');
    const app = fileContent(files, 'lib/app.dart');
    expect(app).toMatch(/AnunciosScreen\(\s*repository: services\.classifiedAds,\s*chat: ChatScreen\(\s*listings:/);
    const chat = fileContent(files, 'lib/features/chat/chat_screen.dart');
    // The conversation's channel is the ad: its messages carry the ad's id.
    expect(chat).toContain('Future<void> open(BuildContext context, ClassifiedAd listing) {');
    expect(chat).toContain('channel: listing,');
    expect(chat).toContain('updates: liveMessages?.call(listing.id),');
    const room = fileContent(files, 'lib/features/chat/chat_room_screen.dart');
    expect(room).toContain('channelId: widget.channel.id');
    expect(room).toContain('Text(widget.channel.title)');
  });

  it('lists the conversations the user takes part in, titled with the listing', () => {
    const files = generateFlutterProject(MARKET);
    const chat = fileContent(files, 'lib/features/chat/chat_screen.dart');
    expect(chat).toContain('final me = widget.currentUserId ?? await installSenderId();');
    expect(chat).toContain('if (message.channelId == listing.id) message,');
    expect(chat).toContain('final wrote = about.any((message) => message.senderId == me);');
    expect(chat).toContain('if (!wrote && !_postedByMe(listing.id)) continue;');
    expect(chat).toContain('final PostedRecords posted => posted.isMine(id),');
    expect(chat).toContain('title: Text(listing.displayTitle),');
    expect(chat).toContain('No conversations yet.');
    // No channel menu: listings are renamed and deleted from their own list.
    expect(chat).not.toContain('PopupMenuButton');
    const app = fileContent(files, 'lib/app.dart');
    expect(app).toMatch(/ChatScreen\(\s*listings: services\.listings,\s*messages: services\.chatMessages/);
    const detail = fileContent(files, 'lib/core/records/record_detail_screen.dart');
    expect(detail).toContain("label: const Text('Message the seller'),");
    const test = fileContent(files, 'test/features/chat_screen_test.dart');
    expect(test).toContain('listings: InMemoryListingRepository(seed: [channel, other]),');
    // The detail's action hands the listing to the chat.
    expect(test).toContain("await tester.tap(find.text('Message the seller'));");
    expect(test).toContain('expect(opened, channel);');
  });

  it('keeps the sender-only write rule and says in the README who reads the messages', () => {
    const sql = supabaseSql(planApp(MARKET));
    expect(sql).toContain('"channel_id" text not null references public."listings" ("id") on delete cascade');
    expect(sql).toMatch(/"chat_messages write own"[\s\S]*"sender_id" = auth\.uid\(\)::text/);
    const readme = fileContent(generateFlutterProject(MARKET), 'README.md');
    expect(readme).toContain('offers "Message the seller"');
    expect(readme).toContain('the row level security policies let every signed-in user read every message');
    const firebase = fileContent(generateFlutterProject(MERCADILLO), 'README.md');
    expect(firebase).toContain('request.resource.data.senderId == request.auth.uid');
    expect(firebase).toContain('the Firestore rules let every signed-in user read every message');
  });

  it('changes nothing without listings, without a chat, or without sign-in', () => {
    const noChat = generateFlutterProject({ ...MARKET, features: ['auth', 'listings'] });
    expect(fileContent(noChat, 'lib/core/records/record_detail_screen.dart')).not.toContain('onMessage');
    expect(fileContent(noChat, 'lib/features/listings/listings_screen.dart')).not.toContain('ChatScreen');
    const noListings = generateFlutterProject({
      ...MARKET,
      description: 'Chat for neighbours',
      features: ['auth', 'chat'],
    });
    expect(fileContent(noListings, 'lib/app.dart')).toMatch(/ChatScreen\(\s*repository: services\.chatMessages/);
    const noAuth = planApp({ ...MARKET, features: ['listings', 'chat'], description: 'Neighbourhood marketplace' });
    expect(noAuth.features.find((feature) => feature.archetype === 'chat')?.options.aboutListings).toBeUndefined();
    const rest = planApp({ ...MARKET, backend: 'rest' });
    expect(rest.features.find((feature) => feature.archetype === 'chat')?.options.aboutListings).toBeUndefined();
  });
});
