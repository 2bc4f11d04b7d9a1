/**
 * Chat / messages: a conversation over the `ChatMessage` repository (whatever
 * the backend), oldest at the top and newest at the bottom, with a composer
 * whose send button is disabled while it is empty. New messages arrive on
 * their own: pushed by Firestore / Supabase, re-read every 5 s elsewhere.
 * With channels (`plan/chat-channels.ts`) the first screen lists them and each
 * opens its own conversation. Messages from this device's user sit on the
 * right, signed with the profile's display name, else the signed-in email,
 * else `me`.
 */
import type { GeneratedFile } from '../app-spec';
import { packages } from '../data/package-versions';
import { dartString, singleLine } from '../dart-string';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { authServiceDecl } from './auth.archetype';
import { channelListDart, roomScreenClass, roomScreenPath } from './chat-channels.lib-dart';
import { controllerDart, conversationScreenDart } from './chat-conversation.lib-dart';
import { hasLiveMessages, LIVE_MESSAGES_FUNCTION, liveMessagesExport, liveMessagesFile } from './chat-feeds.lib-dart';
import { CHAT_DEFAULT_SENDER, chatShape } from './chat-shape';
import { chatTestDart } from './chat.test-dart';

function files(ctx: FeatureContext): GeneratedFile[] {
  const shape = chatShape(ctx);
  const controller = {
    path: `${ctx.feature.paths.dir}/${ctx.feature.names.id}_controller.dart`,
    content: controllerDart(ctx, shape),
  };
  const feed = liveMessagesFile(ctx, shape);
  const test = { path: ctx.feature.paths.test, content: chatTestDart(ctx, shape) };
  const screens = shape.channel
    ? [
        { path: ctx.feature.paths.screen, content: channelListDart(ctx, shape) },
        {
          path: roomScreenPath(ctx),
          content: conversationScreenDart(ctx, shape, roomScreenClass(ctx), roomScreenPath(ctx)),
        },
      ]
    : [
        {
          path: ctx.feature.paths.screen,
          content: conversationScreenDart(
            ctx,
            shape,
            ctx.feature.classes.screen,
            ctx.feature.paths.screen,
            liveMessagesExport(ctx),
          ),
        },
      ];
  return [controller, ...(feed ? [feed] : []), ...screens, test];
}

export const chatArchetype: ArchetypeTemplate = {
  id: 'chat',
  dependencies(ctx) {
    // The live-messages function queries the backend's own client.
    if (ctx.plan.backend === 'firebase') return packages('cloud_firestore');
    if (ctx.plan.backend === 'supabase') return packages('supabase_flutter');
    return {};
  },
  files,
  screenBuilder(ctx) {
    const shape = chatShape(ctx);
    const auth = authServiceDecl(ctx.plan);
    const args: string[] = shape.channel
      ? [`channels: services.${shape.channel.collection}`, `messages: services.${shape.message.collection}`]
      : [`repository: services.${shape.message.collection}`];
    if (hasLiveMessages(ctx.plan.backend)) {
      args.push(shape.channel ? `liveMessages: ${LIVE_MESSAGES_FUNCTION}` : `updates: ${LIVE_MESSAGES_FUNCTION}()`);
    }
    if (auth) args.push(`currentUser: services.${auth.field}.currentEmail.value ?? ${dartString(CHAT_DEFAULT_SENDER)}`);
    if (shape.profile) args.push(`profile: services.${shape.profile.decl.field}`);
    return `${ctx.feature.classes.screen}(${args.join(', ')})`;
  },
  services(ctx): ServiceDecl[] {
    const auth = authServiceDecl(ctx.plan);
    const profile = chatShape(ctx).profile;
    return [...(auth ? [auth] : []), ...(profile ? [profile.decl] : [])];
  },
  readme(ctx) {
    const shape = chatShape(ctx);
    const label = singleLine(ctx.feature.names.label);
    const auth = authServiceDecl(ctx.plan) !== undefined;
    const who = [
      ...(shape.profile ? ["the profile's display name"] : []),
      ...(auth ? ['the signed-in email'] : []),
      '`me`',
    ].join(', else ');
    const where = shape.channel
      ? `Messages belong to ${shape.channel.pluralLabel.toLowerCase()} (\`${shape.channel.className}\`, table \`${shape.channel.tableName}\`: a name and an optional topic); each message keeps its \`${shape.channelField?.name}\`. The first screen lists them, and tapping one opens its conversation.`
      : 'All messages form one conversation.';
    const updates =
      ctx.plan.backend === 'firebase'
        ? 'New messages arrive as Firestore pushes them (`snapshots()`).'
        : ctx.plan.backend === 'supabase'
          ? `New messages arrive through Supabase Realtime (\`stream()\`); add the table to the publication once: \`alter publication supabase_realtime add table public.${shape.message.tableName};\``
          : 'The open conversation re-reads the messages every 5 seconds (`pollMessages`), so new ones appear without a refresh; for instant delivery add a push channel (a GraphQL subscription or a WebSocket) and pass its stream as `updates`.';
    return [
      `**${label}** stores messages as \`${shape.message.className}\` records (\`${shape.message.tableName}\`) through the app's backend. ${where}`,
      '',
      `Messages sent from this device are signed with ${who} (the name at the time of sending) and shown on the right.`,
      '',
      updates,
    ].join('\n');
  },
  summary: (ctx) =>
    chatShape(ctx).channel
      ? `${singleLine(ctx.feature.names.label)}: a list of channels, each opening a conversation that updates on its own, with a composer that sends through the backend.`
      : `${singleLine(ctx.feature.names.label)}: a conversation that updates on its own, newest message at the bottom, with a composer that sends through the backend.`,
};
