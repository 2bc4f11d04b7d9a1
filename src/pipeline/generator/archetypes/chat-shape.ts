/**
 * What a chat feature is made of, read from the plan once: the message entity
 * and the fields the chat fills, the channel entity when the messages belong
 * to channels (`plan/chat-channels.ts`: a `refersTo` field of the message),
 * and the profile whose display name signs the messages. A message is this
 * user's when its `senderId` is theirs: names change, ids do not.
 */
import { requireEntity, type AppPlan, type EntityField, type EntityPlan } from '../plan/app-plan';
import { LISTING_CHAT_OPTION } from '../plan/chat-channels';
import type { FeatureContext } from './archetype';
import { profileStoreOf } from './profile.archetype';

/** The sender name of this device's user when nothing better is known. */
export const CHAT_DEFAULT_SENDER = 'me';

/** The message fields the chat reads: the text, who sent it (name and id), and when. */
export interface ChatFields {
  text: EntityField;
  /** The sender's display name at the time of sending. */
  sender?: EntityField;
  /** The sender's account id (or install id): what makes a message "mine", whatever the name. */
  senderId?: EntityField;
  sentAt?: EntityField;
}

export interface ChatShape {
  message: EntityPlan;
  fields: ChatFields;
  /** The channel entity, when messages belong to channels. */
  channel?: EntityPlan;
  /** The message field holding the channel's id. */
  channelField?: EntityField;
  profile?: ReturnType<typeof profileStoreOf>;
  defaultSender: string;
  /** The channels are the listings people post (`LISTING_CHAT_OPTION`): chats with their sellers. */
  aboutListings: boolean;
}

function chatFields(entity: EntityPlan, skip: EntityField | undefined): ChatFields {
  const textual = (field: EntityField) => field.type === 'text' || field.type === 'longText';
  const text =
    entity.fields.find((field) => field.name === 'text' && textual(field)) ??
    entity.fields.find((field) => field.name === entity.titleField);
  if (!text) throw new Error(`entity ${entity.className} has no message text`);
  const senderId = entity.fields.find((field) => field.name === 'senderId' && field.type === 'text');
  const sender =
    entity.fields.find((field) => field.name === 'sender' && textual(field)) ??
    entity.fields.find(
      (field) => field !== text && field !== skip && field !== senderId && field.required && textual(field),
    );
  const sentAt =
    entity.fields.find((field) => field.name === 'sentAt' && field.type === 'date') ??
    entity.fields.find((field) => field.type === 'date');
  return { text, sender, senderId, sentAt };
}

function channelOf(plan: AppPlan, message: EntityPlan): { channel: EntityPlan; field: EntityField } | undefined {
  for (const field of message.fields) {
    const channel = field.refersTo && plan.entities.find((entity) => entity.className === field.refersTo);
    if (channel) return { channel, field };
  }
  return undefined;
}

export function chatShape(ctx: FeatureContext): ChatShape {
  const message = requireEntity(ctx.plan, ctx.feature);
  const link = ctx.feature.options.channels ? channelOf(ctx.plan, message) : undefined;
  return {
    message,
    fields: chatFields(message, link?.field),
    channel: link?.channel,
    channelField: link?.field,
    profile: profileStoreOf(ctx.plan),
    defaultSender: CHAT_DEFAULT_SENDER,
    aboutListings: link !== undefined && ctx.feature.options[LISTING_CHAT_OPTION] === true,
  };
}

/** The chat about `entity`'s listings, when the app's chat is about them: their detail messages the seller. */
export function listingChatOf(plan: AppPlan, entity: EntityPlan): FeatureContext | undefined {
  const feature = plan.features.find(
    (candidate) => candidate.archetype === 'chat' && candidate.options[LISTING_CHAT_OPTION] === true,
  );
  if (!feature) return undefined;
  const ctx = { plan, feature };
  return chatShape(ctx).channel?.className === entity.className ? ctx : undefined;
}
