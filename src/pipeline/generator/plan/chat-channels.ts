/**
 * Chat with channels: when an app asks for a chat and for channels (rooms,
 * groups, conversations: `CHAT_CHANNEL_WORDS`, `CONVERSATION_WORDS`), the
 * channels are not a separate record list but the chat's first screen.
 *
 * Plan shape: every such label folds into the one chat feature, which gets
 * `options.channels`; its entity is `ChatMessage` with a required `channelId`
 * that `refersTo` the channel entity (name, optional topic), so the data
 * layer, docs and fakes see an ordinary reference. The chat archetype finds
 * the channel entity through that field. A chat alone keeps one room.
 */
import type { ArchetypeId } from './app-plan';
import { CHAT_CHANNEL_WORDS, CONVERSATION_WORDS } from './archetype-words';
import { phraseIndex, tokens } from './text-match';

/** The option the chat feature carries when its messages belong to channels. */
export const CHANNELS_OPTION = 'channels';

/** What the planner knows of a feature before merging (a subset of its candidate). */
interface LabelCandidate {
  label: string;
  archetype: ArchetypeId;
  options: Record<string, boolean>;
}

function mentions(label: string, phrases: readonly string[]): boolean {
  const words = tokens(label);
  return phrases.some((phrase) => phraseIndex(words, phrase) >= 0);
}

/** "Study groups", "Channels": a record list the user named after channels (not "Group expenses"). */
function endsWithChannelWord(label: string): boolean {
  const words = tokens(label);
  const last = words.length - 1;
  return CHAT_CHANNEL_WORDS.some((phrase) => phraseIndex(words.slice(last), phrase) === 0);
}

/**
 * The labels that ask for channels, turned into chat candidates with
 * `options.channels`, and every other chat candidate marked the same way, so
 * they merge into one chat whose messages carry a channel. Returns the label
 * that named the channels (for the channel entity's names), or undefined when
 * the app has no chat or asks for no channels; `candidates` is changed in place.
 */
export function foldChatChannels<T extends LabelCandidate>(
  candidates: T[],
  /** Whether a record list's entity came from the user's own word rather than the domain table. */
  ownWord: (candidate: T) => boolean,
): string | undefined {
  const chats = candidates.filter((candidate) => candidate.archetype === 'chat');
  if (chats.length === 0) return undefined;
  const asksForChannels = (candidate: T): boolean => {
    if (candidate.archetype === 'entity') return ownWord(candidate) && endsWithChannelWord(candidate.label);
    // "Study groups" reads as the study screen by its first word; beside a chat, groups are channels.
    if (candidate.archetype === 'study') return endsWithChannelWord(candidate.label);
    if (candidate.archetype !== 'chat') return false;
    if (mentions(candidate.label, CHAT_CHANNEL_WORDS)) return true;
    return candidate !== chats[0] && mentions(candidate.label, CONVERSATION_WORDS);
  };
  const channelLabels = candidates.filter(asksForChannels);
  if (channelLabels.length === 0) return undefined;
  // The channel entity is named after the word for them: "Rooms" → Room, "Salas" → Sala.
  const named = channelLabels.find((candidate) => candidate.archetype !== 'chat') ?? channelLabels[0];
  for (const candidate of channelLabels) candidate.archetype = 'chat';
  for (const candidate of candidates) {
    if (candidate.archetype === 'chat') candidate.options[CHANNELS_OPTION] = true;
  }
  return named.label;
}

/**
 * The option the chat feature carries when its conversations are about what
 * people post for sale (`record-owner.ts`): each listing is a channel, its
 * detail screen messages the seller, and the chat lists the user's
 * conversations. Only where the app knows each listing's creator (sign-in,
 * Supabase or Firestore) and the user asked for no channels of their own.
 */
export const LISTING_CHAT_OPTION = 'aboutListings';

/** The posted entities a chat can be about: a listing, a classified ad (not a social post). */
export const CHAT_LISTING_CLASSES: ReadonlySet<string> = new Set(['Listing', 'ClassifiedAd']);

/** The listing class the chat becomes about, when the app has sign-in, a chat and a posted listing. */
export function chatListingClass(
  candidates: readonly { archetype: ArchetypeId; entity?: { row: { className: string } } }[],
  backend: string,
): string | undefined {
  if (backend !== 'firebase' && backend !== 'supabase') return undefined;
  if (!candidates.some((candidate) => candidate.archetype === 'auth')) return undefined;
  if (!candidates.some((candidate) => candidate.archetype === 'chat')) return undefined;
  const listing = candidates.find(
    (candidate) => candidate.archetype === 'entity' && CHAT_LISTING_CLASSES.has(candidate.entity?.row.className ?? ''),
  );
  return listing?.entity?.row.className;
}
