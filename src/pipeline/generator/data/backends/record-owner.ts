/**
 * Whose records a table holds, in an app with sign-in: a person's own
 * (favorites, notes, habits and their check-ins, decks and cards, their
 * bookings and orders, their expenses) are private to the account that made
 * them, so the backend keeps an owner on each row (Supabase `user_id`,
 * Firestore `owner_id`, the REST/GraphQL server's bearer token) and lets
 * only that account read or change it; a shared catalog (what a shop sells,
 * a marketplace lists, a map shows, the doctors one books with, the events
 * tickets are for, a chat's channels) stays readable by every signed-in user.
 * What people post for everyone (a listing, an ad, a post) is read by every
 * signed-in user but keeps its creator (`hasCreator`), who alone changes or
 * deletes it; Supabase and Firestore apps offer edit and delete on the
 * user's own items only (`showsCreator`, `PostedRecords` in the Dart code).
 * Without sign-in nothing has an owner.
 *
 * In an app whose accounts are handed out (a staff app, invite only), the
 * business records (customers, work orders, stock) are the team's and stay
 * shared; only the records that are always someone's own stay private.
 */
import { bookingParties } from '../../plan/described-fields';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { hasAuthFeature, hasRegistration } from './backend-names';
import { newerMessagesQuery, senderIdField } from './chat-messages';

/** Supabase: the owner column, filled by `default auth.uid()`. */
export const SUPABASE_OWNER_COLUMN = 'user_id';

/** Firestore: the owner field the repository writes and the rules check. */
export const FIRESTORE_OWNER_FIELD = 'owner_id';

/** Domain rows every signed-in user reads: what is sold, listed, shown or taught to everyone. */
const SHARED_CATALOG: ReadonlySet<string> = new Set([
  'Product',
  'Listing',
  'ClassifiedAd',
  'Post',
  'Place',
  'Course',
  'Employee',
  'Technician',
]);

/**
 * Domain rows that are someone's own even among colleagues; a staff app's
 * bookings, orders and money are the business's, shared by the team.
 */
const ALWAYS_PERSONAL: ReadonlySet<string> = new Set([
  'Favorite',
  'Note',
  'JournalEntry',
  'Habit',
  'HabitCheck',
  'Deck',
  'Flashcard',
  'Goal',
  'PracticeSession',
  'Workout',
  'Meal',
  'PackingItem',
]);

/**
 * Shared rows a person posts for everyone to see (an ad, a listing, a post):
 * every signed-in user reads them, only the account that created one may
 * change or delete it. A shop's products, kept by its staff, are not posted.
 */
const POSTED_BY_USER: ReadonlySet<string> = new Set(['Listing', 'ClassifiedAd', 'Post']);

/** Entities other records are about and everyone shares: a booking's doctor, a ticket's event, a chat's channels. */
function sharedTargets(plan: AppPlan): Set<string> {
  const shared = new Set<string>();
  const { provider } = bookingParties(plan.description);
  for (const entity of plan.entities) {
    const channel = newerMessagesQuery(plan, entity)?.channel?.refersTo;
    if (channel) shared.add(channel);
    for (const field of entity.fields) {
      if (!field.refersTo) continue;
      // The booking's `doctor` field, a link named `doctorId` once it points at the doctors.
      const booked = provider !== undefined && (field.name === provider || field.name === `${provider}Id`);
      if (entity.className === 'EventTicket' || booked) {
        shared.add(field.refersTo);
      }
    }
  }
  return shared;
}

/** Whether `entity` is shared by every signed-in user before its links are considered. */
function sharedByKind(plan: AppPlan, entity: EntityPlan, shared: ReadonlySet<string>): boolean {
  // A chat's messages: everyone in the chat reads them, their sender alone changes them.
  if (senderIdField(plan, entity) || newerMessagesQuery(plan, entity)) return true;
  if (SHARED_CATALOG.has(entity.className) || shared.has(entity.className)) return true;
  return !hasRegistration(plan) && !ALWAYS_PERSONAL.has(entity.className);
}

/**
 * The class names of the plan's personal entities: none without sign-in.
 * A record that must point at a personal one (a card's deck, a check-in's
 * habit) is personal too, so nobody holds a row pointing at what they cannot see.
 */
export function personalEntities(plan: AppPlan): ReadonlySet<string> {
  let personal = PERSONAL.get(plan);
  if (!personal) {
    personal = findPersonal(plan);
    PERSONAL.set(plan, personal);
  }
  return personal;
}

/** Per plan object: the files of one app ask for every entity, and `bookingParties` reads the description. */
const PERSONAL = new WeakMap<AppPlan, ReadonlySet<string>>();

function findPersonal(plan: AppPlan): Set<string> {
  const personal = new Set<string>();
  if (!hasAuthFeature(plan)) return personal;
  const shared = sharedTargets(plan);
  for (const entity of plan.entities) {
    if (!sharedByKind(plan, entity, shared)) personal.add(entity.className);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const entity of plan.entities) {
      if (personal.has(entity.className) || senderIdField(plan, entity)) continue;
      if (SHARED_CATALOG.has(entity.className) || shared.has(entity.className)) continue;
      if (entity.fields.some((field) => field.required && field.refersTo && personal.has(field.refersTo))) {
        personal.add(entity.className);
        grew = true;
      }
    }
  }
  return personal;
}

/** Whether each row of `entity` belongs to the signed-in user who made it. */
export function isPersonal(plan: AppPlan, entity: EntityPlan): boolean {
  return personalEntities(plan).has(entity.className);
}

/**
 * Whether each row of `entity` is shared but keeps the signed-in user who
 * created it (a listing's seller): everyone reads it, its creator alone
 * changes or deletes it. Only with sign-in, for what people post.
 */
export function hasCreator(plan: AppPlan, entity: EntityPlan): boolean {
  return hasAuthFeature(plan) && POSTED_BY_USER.has(entity.className) && !isPersonal(plan, entity);
}

/**
 * Whether the app itself knows who created each shared item, and so offers
 * edit and delete on the signed-in user's own items only: Supabase and
 * Firestore return the creator with the row. A REST/GraphQL server keeps it
 * to itself and refuses other users' changes (`serverOwnershipSentence`).
 */
export function showsCreator(plan: AppPlan): boolean {
  if (plan.backend !== 'supabase' && plan.backend !== 'firebase') return false;
  return plan.entities.some((entity) => hasCreator(plan, entity));
}

/** README/docs: which lists are private and which shared, by their labels; empty without sign-in. */
export function ownershipSentence(plan: AppPlan, format: (label: string) => string = (label) => label): string {
  if (!hasAuthFeature(plan) || plan.entities.length === 0) return '';
  const personal = personalEntities(plan);
  const labels = (kind: 'private' | 'posted' | 'shared') =>
    plan.entities
      .filter((entity) => {
        if (personal.has(entity.className)) return kind === 'private';
        return hasCreator(plan, entity) ? kind === 'posted' : kind === 'shared';
      })
      .map((entity) => format(entity.pluralLabel));
  const mine = labels('private');
  const posted = labels('posted');
  const everyone = labels('shared');
  return [
    ...(mine.length > 0 ? [`Private to the signed-in user who created them: ${mine.join(', ')}.`] : []),
    ...(posted.length > 0
      ? [`Read by every signed-in user, changed or deleted only by the user who created them: ${posted.join(', ')}.`]
      : []),
    ...(everyone.length > 0 ? [`Shared by every signed-in user: ${everyone.join(', ')}.`] : []),
  ].join(' ');
}

/**
 * The REST/GraphQL server's part (README and docs/api_contract.md): it keeps
 * the owner of each private item from the bearer token, so the app sends no
 * owner and lists nobody else's; empty when nothing is private.
 */
export function serverOwnershipSentence(plan: AppPlan, format: (label: string) => string = (label) => label): string {
  const personal = personalEntities(plan).size > 0;
  const posted = plan.entities.some((entity) => hasCreator(plan, entity));
  if (!personal && !posted) return '';
  const refused = plan.backend === 'graphql' ? 'fails as for an unknown id' : 'answers `404 Not Found`';
  const forbidden =
    plan.backend === 'graphql' ? 'fails with an error whose `extensions.code` is `FORBIDDEN`' : 'answers `403 Forbidden`';
  return [
    ownershipSentence(plan, format),
    ...(personal
      ? [
          'The server keeps the owner of each private item: the user of the request’s bearer token when the item is first saved (the app sends no owner field).',
          `Listing private items returns that user’s items only, and saving or deleting another user’s item ${refused}, as if it did not exist.`,
        ]
      : []),
    ...(posted
      ? [
          'The server also keeps who created each item that is read by everyone but changed only by its creator: the bearer token’s user when it is first saved (the app sends no creator field).',
          `Everyone signed in lists all of them; saving or deleting an item another user created ${forbidden}.`,
        ]
      : []),
  ].join(' ');
}
