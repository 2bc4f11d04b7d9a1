/**
 * Chat / messages: a conversation over the `ChatMessage` repository (whatever
 * the backend), oldest at the top and newest at the bottom, with a composer
 * whose send button is disabled while it is empty. New messages arrive on
 * their own: pushed by Firestore / Supabase, re-read every 5 s elsewhere.
 * With channels (`plan/chat-channels.ts`) the first screen lists them and each
 * opens its own conversation, and its menu renames or deletes it. Messages
 * are signed with the profile's display name, else the signed-in email, else
 * `me`, and carry the sender's id (the signed-in account's, else this
 * install's): the id, not the name, puts this user's messages on the right.
 */
import type { GeneratedFile } from '../app-spec';
import type { BackendKind } from '../plan/app-plan';
import { packages } from '../data/package-versions';
import { dartString, singleLine, withArticle } from '../dart-string';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { authServiceDecl } from './auth.archetype';
import { channelListDart, roomScreenClass, roomScreenPath } from './chat-channels.lib-dart';
import { controllerDart, conversationScreenDart } from './chat-conversation.lib-dart';
import { listingChatsDart, LISTINGS_PARAM } from './chat-listings.lib-dart';
import {
  hasLiveMessages,
  hasSignedInUserId,
  LIVE_MESSAGES_FUNCTION,
  liveMessagesExport,
  liveMessagesFile,
  SIGNED_IN_USER_ID_FUNCTION,
} from './chat-feeds.lib-dart';
import { CHAT_DEFAULT_SENDER, type ChatShape, chatShape } from './chat-shape';
import { chatText } from '../ui-text-chat';
import { chatTestDart } from './chat.test-dart';

/** README: what deleting a channel does to its messages, per backend. */
const CHANNEL_DELETION: Readonly<Record<BackendKind, string>> = {
  none: 'Deleting a channel deletes its messages from the device too.',
  firebase:
    "Deleting a channel deletes its document only: Firestore has no cascade, and the rules let users delete only their own messages, so the channel's messages stay in the collection, unlisted (clean them up with a Cloud Function on the channel's deletion if you need them gone).",
  supabase: "Deleting a channel deletes its messages too: the messages' foreign key says `on delete cascade`.",
  rest: 'Deleting a channel sends `DELETE` for the channel only: the server should delete its messages with it (the app no longer lists them either way).',
  graphql:
    "Deleting a channel sends the channel's delete mutation only: the server should delete its messages with it (the app no longer lists them either way).",
};

/** README: where the signed-in account's id comes from, per backend. */
const SIGNED_IN_ID: Readonly<Record<BackendKind, string>> = {
  none: 'the signed-in email (the local sign-in has no other id)',
  firebase: "the signed-in user's Firebase uid (`signedInUserId()` in the chat's feed file)",
  supabase: "the signed-in user's Supabase id (`signedInUserId()` in the chat's feed file)",
  rest: "the signed-in email, since the API's sign-in answers a token only and the email is the account's key (if your API has user ids, return one at sign-in and pass it as `currentUserId`)",
  graphql:
    "the signed-in email, since the sign-in answers a token only and the email is the account's key (if your API has user ids, return one at sign-in and pass it as `currentUserId`)",
};

/** README: who may write a message, per backend. */
const OWN_MESSAGES_RULE: Readonly<Record<BackendKind, string>> = {
  none: '',
  firebase:
    ' The Firestore rules above let users create, change and delete only messages whose `senderId` is their uid.',
  supabase:
    ' The row level security policies let users insert, change and delete only rows whose `sender_id` is `auth.uid()`.',
  rest: ' The server should check that `senderId` is the signed-in account before storing a message.',
  graphql: ' The server should check that `senderId` is the signed-in account before storing a message.',
};

/** README: a chat about listings (`LISTING_CHAT_OPTION`), and who reads its messages for now. */
function listingReadme(ctx: FeatureContext, shape: ChatShape): string {
  const listing = shape.channel;
  if (!listing) return '';
  const plural = listing.pluralLabel.toLowerCase();
  const one = listing.label.toLowerCase();
  const deletion =
    ctx.plan.backend === 'supabase'
      ? `Deleting a ${one} deletes its messages too (\`on delete cascade\`).`
      : `Deleting a ${one} leaves its messages in Firestore, unlisted (clean them up with a Cloud Function if you need them gone).`;
  const readers =
    ctx.plan.backend === 'firebase'
      ? 'the Firestore rules let every signed-in user read every message'
      : 'the row level security policies let every signed-in user read every message';
  return `Each message keeps the id of the ${one} it is about in \`${shape.channelField?.name}\` (${plural} are \`${listing.className}\`, table \`${listing.tableName}\`): the detail of ${withArticle(one)} someone else posted offers "${chatText(ctx.plan).messageSeller}", which opens its conversation, and the chat's first screen lists the conversations the user takes part in (about ${plural} they posted, or that they wrote about), titled with the ${one}'s title and newest first. Everyone who writes about ${withArticle(one)} shares its one conversation with the seller. ${deletion} Privacy: for now ${readers}, so conversations are not private; before launch, restrict reading to the seller and the buyer (e.g. one channel per ${one} and buyer, checked in the rules).`;
}

/** README: how the conversation polls, for the backends without pushes. */
function pollNote(backend: BackendKind, channels: boolean): string {
  if (backend !== 'rest' && backend !== 'graphql') {
    return 'The open conversation re-reads the messages every 5 seconds (`pollMessages`), so new ones appear without a refresh. ';
  }
  const filters = channels ? '`channelId` and `since`' : '`since`';
  const how =
    backend === 'rest'
      ? `\`GET\` with ${filters}, see docs/openapi.yaml`
      : `the list query's ${filters} argument${channels ? 's' : ''}, see docs/schema.graphql`;
  return `The open conversation asks every 5 seconds for ${channels ? "its channel's" : 'the'} messages sent since the newest it has (${how}), so new ones appear without a refresh. \`since\` compares the senders' clocks: a message from a device whose clock lags may be missed, so stamp \`sentAt\` on the server if that matters. `;
}

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
        {
          path: ctx.feature.paths.screen,
          content: shape.aboutListings ? listingChatsDart(ctx, shape) : channelListDart(ctx, shape),
        },
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
    // The live-messages function queries the backend's own client (and its
    // auth for the account id); the install id is kept in SharedPreferences.
    const auth = authServiceDecl(ctx.plan) !== undefined;
    if (ctx.plan.backend === 'firebase')
      return packages('cloud_firestore', 'shared_preferences', ...(auth ? (['firebase_auth'] as const) : []));
    if (ctx.plan.backend === 'supabase') return packages('supabase_flutter', 'shared_preferences');
    return packages('shared_preferences');
  },
  files,
  screenBuilder(ctx) {
    const shape = chatShape(ctx);
    const auth = authServiceDecl(ctx.plan);
    const channels = shape.aboutListings ? LISTINGS_PARAM : 'channels';
    const args: string[] = shape.channel
      ? [`${channels}: services.${shape.channel.collection}`, `messages: services.${shape.message.collection}`]
      : [`repository: services.${shape.message.collection}`];
    if (hasLiveMessages(ctx.plan.backend)) {
      args.push(shape.channel ? `liveMessages: ${LIVE_MESSAGES_FUNCTION}` : `updates: ${LIVE_MESSAGES_FUNCTION}()`);
    }
    if (auth) args.push(`currentUser: services.${auth.field}.currentEmail.value ?? ${dartString(CHAT_DEFAULT_SENDER)}`);
    if (auth && shape.fields.senderId) {
      // Firebase and Supabase know the account's id; the app's own API signs in
      // with an email and a token only, so the email is the account's key there.
      const id = hasSignedInUserId(ctx.plan.backend)
        ? `${SIGNED_IN_USER_ID_FUNCTION}()`
        : `services.${auth.field}.currentEmail.value`;
      args.push(`currentUserId: ${id}`);
    }
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
    const where = shape.aboutListings
      ? listingReadme(ctx, shape)
      : shape.channel
        ? `Messages belong to ${shape.channel.pluralLabel.toLowerCase()} (\`${shape.channel.className}\`, table \`${shape.channel.tableName}\`: a name and an optional topic); each message keeps its \`${shape.channelField?.name}\`. The first screen lists them, and tapping one opens its conversation; each one's menu renames it or, after a confirmation, deletes it. ${CHANNEL_DELETION[ctx.plan.backend]}`
        : 'All messages form one conversation.';
    const idField = shape.fields.senderId?.name;
    const owner = idField
      ? auth
        ? ` Each message also carries \`${idField}\`: ${SIGNED_IN_ID[ctx.plan.backend]}. That id, not the name, puts a message on the right, so renaming yourself keeps your earlier messages yours.${OWN_MESSAGES_RULE[ctx.plan.backend]}`
        : ` Each message also carries \`${idField}\`: an id made once per install and kept in SharedPreferences (\`installSenderId\`). That id, not the name, puts a message on the right. Without sign-in anyone could claim any id; add sign-in before trusting it.`
      : '';
    const updates =
      ctx.plan.backend === 'firebase'
        ? 'New messages arrive as Firestore pushes them (`snapshots()`).'
        : ctx.plan.backend === 'supabase'
          ? `New messages arrive through Supabase Realtime (\`stream()\`); add the table to the publication once: \`alter publication supabase_realtime add table public.${shape.message.tableName};\``
          : `${pollNote(ctx.plan.backend, shape.channel !== undefined)}For instant delivery add a push channel (a GraphQL subscription or a WebSocket) and pass its stream as \`updates\`.`;
    return [
      `**${label}** stores messages as \`${shape.message.className}\` records (\`${shape.message.tableName}\`) through the app's backend. ${where}`,
      '',
      `Messages sent from this device are signed with ${who} (the name at the time of sending) and shown on the right.${owner}`,
      '',
      updates,
    ].join('\n');
  },
  summary: (ctx) =>
    chatShape(ctx).aboutListings
      ? `${singleLine(ctx.feature.names.label)}: the conversations with sellers and buyers about ${chatShape(ctx).channel?.pluralLabel.toLowerCase()}, each updating on its own; a listing someone else posted opens its conversation from its detail.`
      : chatShape(ctx).channel
        ? `${singleLine(ctx.feature.names.label)}: a list of channels, each opening a conversation that updates on its own, with a composer that sends through the backend.`
        : `${singleLine(ctx.feature.names.label)}: a conversation that updates on its own, newest message at the bottom, with a composer that sends through the backend.`,
};
