/**
 * The one chat-specific query of the data layer: the REST repository of a
 * chat's messages can list only those sent since a moment (and only one
 * channel's), so the conversation's 5-second poll fetches what is new rather
 * than every message (`GET /<messages>?channelId=…&since=…`, see
 * docs/api-docs.ts). Also: the sender id the Firestore rules and Supabase
 * policies check, and the channel link whose deletion cascades.
 */
import type { AppPlan, EntityField, EntityPlan } from '../../plan/app-plan';
import type { GraphqlEntity } from './backend-names';

export interface NewerMessagesQuery {
  /** The required send time `since` compares with. */
  sentAt: EntityField;
  /** The channel the messages belong to, when the chat has channels. */
  channel?: EntityField;
}

/** The query parameter (REST) holding the earliest send time asked for. */
export const SINCE_PARAMETER = 'since';

/** For the entity of a chat feature whose messages carry a required `sentAt`: how to ask for new ones only. */
export function newerMessagesQuery(plan: AppPlan, entity: EntityPlan): NewerMessagesQuery | undefined {
  const chat = plan.features.find((feature) => feature.archetype === 'chat' && feature.entity === entity.className);
  const sentAt = entity.fields.find((field) => field.name === 'sentAt' && field.type === 'date' && field.required);
  if (!chat || !sentAt) return undefined;
  const channel = chat.options.channels ? entity.fields.find((field) => field.refersTo !== undefined) : undefined;
  return { sentAt, channel };
}

/** The `senderId` of a chat's messages: Firestore rules and Supabase policies let users write their own messages only. */
export function senderIdField(plan: AppPlan, entity: EntityPlan): EntityField | undefined {
  const chat = plan.features.some((feature) => feature.archetype === 'chat' && feature.entity === entity.className);
  return chat ? entity.fields.find((field) => field.name === 'senderId' && field.type === 'text') : undefined;
}

/** The chat's channel reference, whose deletion takes the channel's messages with it (Supabase `on delete cascade`). */
export function isChatChannelLink(plan: AppPlan, entity: EntityPlan, field: EntityField): boolean {
  return newerMessagesQuery(plan, entity)?.channel === field;
}

/** The optional arguments of the GraphQL list query that `fetchNewer` sends, e.g. `channelId: String`, `since: DateTime`. */
export function graphqlNewerArguments(names: GraphqlEntity, query: NewerMessagesQuery): { name: string; type: string }[] {
  const argument = (field: EntityField, name?: string) => {
    const graphql = names.fields.find((candidate) => candidate.field === field);
    if (!graphql) throw new Error(`${names.typeName} has no GraphQL field for ${field.name}`);
    return { name: name ?? graphql.name, type: graphql.type.replace(/!$/, '') };
  };
  return [...(query.channel ? [argument(query.channel)] : []), argument(query.sentAt, SINCE_PARAMETER)];
}

/** `chatMessages(channelId: String, since: DateTime)`: the list field with its arguments, for the schema. */
export function graphqlNewerSignature(names: GraphqlEntity, query: NewerMessagesQuery): string {
  const args = graphqlNewerArguments(names, query).map((arg) => `${arg.name}: ${arg.type}`);
  return `${names.listField}(${args.join(', ')})`;
}

/** The operation name of the `fetchNewer` document, e.g. `FetchNewerChatMessages`. */
export function graphqlNewerOperation(names: GraphqlEntity): string {
  return names.operations.list.replace(/^Fetch/, 'FetchNewer');
}

/** The query document `fetchNewer` sends: the list field with `since` (and the channel) as variables. */
export function graphqlNewerDocument(names: GraphqlEntity, query: NewerMessagesQuery): string {
  const args = graphqlNewerArguments(names, query);
  const variables = args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = names.fields.map((field) => `    ${field.name}`).join('\n');
  return `query ${graphqlNewerOperation(names)}(${variables}) {\n  ${names.listField}(${passed}) {\n${selection}\n  }\n}\n`;
}
