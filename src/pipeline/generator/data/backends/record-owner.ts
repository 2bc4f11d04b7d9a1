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
 * Without sign-in nothing has an owner. With sign-up, a shop's catalogue
 * (its products, menu, classes) is read by everyone and written by staff
 * only (`staffWritten`): an admin role the user cannot give themselves.
 *
 * In an app whose accounts are handed out (a staff app, invite only), the
 * business records (customers, work orders, stock) are the team's and stay
 * shared; only the records that are always someone's own stay private.
 */
import { bookingParties } from '../../plan/described-fields';
import { HEAD_FIRST_LOCALES } from '../../plan/description-words';
import { isHeadOf } from '../../plan/entity-ref';
import type { AppPlan, EntityField, EntityPlan } from '../../plan/app-plan';
import { hasAuthFeature, hasRegistration } from './backend-names';
import { newerMessagesQuery, senderIdField } from './chat-messages';

/** Supabase: the owner column, filled by `default auth.uid()`. */
export const SUPABASE_OWNER_COLUMN = 'user_id';

/** Firestore: the owner field the repository writes and the rules check. */
export const FIRESTORE_OWNER_FIELD = 'owner_id';

/**
 * Firestore: on a booking both parties see (`providerLink`), the uid of the
 * user who created the provider it is booked with, so the rules can let
 * that user read it and a query can ask for it.
 */
export const FIRESTORE_PROVIDER_OWNER_FIELD = 'provider_owner_id';

/** Domain rows every signed-in user reads: what is sold, listed, shown or taught to everyone. */
const SHARED_CATALOG: ReadonlySet<string> = new Set([
  // A job board's postings: every candidate reads them.
  'Job',
  'Product',
  'MenuItem',
  'Review',
  'Listing',
  'ClassifiedAd',
  'Post',
  'Place',
  'Course',
  'ClassSession',
  'Employee',
  'Technician',
  // A hotel's rooms: every guest browses them to book a stay.
  'HotelRoom',
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
 * Shared rows a person posts for everyone to see (an ad, a listing, a post, a review):
 * every signed-in user reads them, only the account that created one may
 * change or delete it. A shop's products, kept by its staff, are not posted.
 */
const POSTED_BY_USER: ReadonlySet<string> = new Set(['Listing', 'ClassifiedAd', 'Post', 'Review', 'Job']);

/**
 * Each booking's link to the person booked with, by the booking's class name:
 * a walk's `walkerId`, the field the description's "… with dog walkers" named.
 */
function bookedLinks(plan: AppPlan): Map<string, EntityField> {
  const links = new Map<string, EntityField>();
  const { provider } = bookingParties(plan.description);
  if (provider === undefined) return links;
  const list = provider.charAt(0).toUpperCase() + provider.slice(1);
  const headFirst = HEAD_FIRST_LOCALES.has(plan.locale);
  for (const entity of plan.entities) {
    // The booking's `doctor` field, a link named `doctorId` once it points at the doctors; or the
    // `thoCatTocId` of "… với thợ" beside the "Thợ cắt tóc" list the description names by its head word.
    const link = entity.fields.find(
      (field) =>
        field.refersTo &&
        (field.name === provider || field.name === `${provider}Id` || isHeadOf(list, field.refersTo, headFirst)),
    );
    if (link) links.set(entity.className, link);
  }
  return links;
}

/** The class names of what the app's checkouts sell: a shop's products, a restaurant's menu items. */
function checkoutSold(plan: AppPlan): string[] {
  return plan.features.flatMap((feature) => (feature.archetype === 'checkout' && feature.entity ? [feature.entity] : []));
}

/** Entities other records are about and everyone shares: a booking's doctor, a ticket's event, a chat's channels, what is sold. */
function sharedTargets(plan: AppPlan, booked: ReadonlyMap<string, EntityField>): Set<string> {
  const shared = new Set<string>();
  for (const link of booked.values()) if (link.refersTo) shared.add(link.refersTo);
  // What the checkout sells (a shop's products, a restaurant's menu) is everyone's to browse.
  for (const sold of checkoutSold(plan)) shared.add(sold);
  for (const entity of plan.entities) {
    const channel = newerMessagesQuery(plan, entity)?.channel?.refersTo;
    if (channel) shared.add(channel);
    if (entity.className !== 'EventTicket') continue;
    for (const field of entity.fields) if (field.refersTo) shared.add(field.refersTo);
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
  return ownership(plan).personal;
}

/** Whose rows are whose in one app: its personal entities and its bookings both parties see. */
interface Ownership {
  personal: ReadonlySet<string>;
  /** A two-party booking's link to its provider, by the booking's class name (`providerLink`). */
  providerLinks: ReadonlyMap<string, ProviderLink>;
}

/** Per plan object: the files of one app ask for every entity, and `bookingParties` reads the description. */
const OWNERSHIP = new WeakMap<AppPlan, Ownership>();

function ownership(plan: AppPlan): Ownership {
  let found = OWNERSHIP.get(plan);
  if (!found) {
    const booked = bookedLinks(plan);
    const personal = findPersonal(plan, booked);
    found = { personal, providerLinks: twoPartyLinks(plan, booked, personal) };
    OWNERSHIP.set(plan, found);
  }
  return found;
}

/**
 * The bookings both parties see: with sign-up, a personal booking whose link
 * points at a shared provider row (a walker), which then keeps the account
 * that created it. A staff app hands out its accounts, and the team shares
 * its bookings anyway.
 */
function twoPartyLinks(
  plan: AppPlan,
  booked: ReadonlyMap<string, EntityField>,
  personal: ReadonlySet<string>,
): Map<string, ProviderLink> {
  const links = new Map<string, ProviderLink>();
  if (!hasRegistration(plan)) return links;
  for (const [className, field] of booked) {
    const provider = plan.entities.find((candidate) => candidate.className === field.refersTo);
    if (!provider || !personal.has(className) || personal.has(provider.className)) continue;
    links.set(className, { field, provider });
  }
  return links;
}

function findPersonal(plan: AppPlan, booked: ReadonlyMap<string, EntityField>): Set<string> {
  const personal = new Set<string>();
  if (!hasAuthFeature(plan)) return personal;
  const shared = sharedTargets(plan, booked);
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
 * A booking both of whose parties see it (`providerLink`): the link to the
 * person booked with and that person's entity.
 */
export interface ProviderLink {
  /** The booking's link field: a walk's `walkerId`. */
  field: EntityField;
  /** The entity the link points at (Walker), whose rows keep their creator (`hasCreator`). */
  provider: EntityPlan;
}

/**
 * A booking's link to the person it is booked with, when both parties see
 * it: the booking is its booker's (`isPersonal`), and the account that
 * created the provider row it points at (the walker who registered made
 * their own profile) reads it too, without changing or deleting it.
 * Undefined for every other entity: a note, a staff app's bookings.
 */
export function providerLink(plan: AppPlan, entity: EntityPlan): ProviderLink | undefined {
  return ownership(plan).providerLinks.get(entity.className);
}

/** Whether some two-party booking (`providerLink`) points at `entity`: a walker, a dentist. */
function isProvider(plan: AppPlan, entity: EntityPlan): boolean {
  return [...ownership(plan).providerLinks.values()].some((link) => link.provider.className === entity.className);
}

/**
 * Whether each row of `entity` is shared but keeps the signed-in user who
 * created it (a listing's seller, a walker's own profile): everyone reads
 * it, its creator alone changes or deletes it. Only with sign-in, for what
 * people post and for the people bookings are made with.
 */
export function hasCreator(plan: AppPlan, entity: EntityPlan): boolean {
  if (!hasAuthFeature(plan) || isPersonal(plan, entity)) return false;
  return POSTED_BY_USER.has(entity.className) || isProvider(plan, entity);
}

/**
 * Whether every signed-in user reads `entity` but only staff (an admin
 * account) add, change or delete it: a shop's products, what a checkout
 * sells (a restaurant's menu), a gym's classes, in an app where anyone may
 * sign up, so that no customer can change a price or delete the menu.
 * Without sign-up nothing changes: an app without sign-in has no accounts,
 * and a staff app hands its accounts out to the staff.
 */
export function staffWritten(plan: AppPlan, entity: EntityPlan): boolean {
  if (!hasRegistration(plan) || isPersonal(plan, entity) || hasCreator(plan, entity)) return false;
  if (POSTED_BY_USER.has(entity.className) || senderIdField(plan, entity)) return false;
  return STAFF_CATALOG.has(entity.className) || checkoutSold(plan).includes(entity.className);
}

/**
 * Shared rows only the business keeps: what it sells (its products, its menu), the courses and classes it runs,
 * its staff. Places stay open: a map's or a trip's places are the users' to add.
 */
const STAFF_CATALOG: ReadonlySet<string> = new Set([
  'Product',
  'MenuItem',
  'Course',
  'ClassSession',
  'Employee',
  'Technician',
  // A hotel's rooms and their prices: the hotel's, not a guest's to change.
  'HotelRoom',
]);

/** Supabase: the policy check that the signed-in user is staff; `app_metadata` is set by the project only. */
export const SUPABASE_STAFF_CHECK = "(auth.jwt() -> 'app_metadata' ->> 'role') = 'admin'";

/** Firestore: the rules' check that the signed-in user is staff, a custom claim only the Admin SDK sets. */
export const FIRESTORE_STAFF_CHECK = 'request.auth.token.admin == true';

/**
 * Whether some list is read and written by every signed-in user (none of
 * private, posted, staff's): the README says so only then.
 */
export function hasOpenSharedLists(plan: AppPlan): boolean {
  return plan.entities.some(
    (entity) => !isPersonal(plan, entity) && !hasCreator(plan, entity) && !staffWritten(plan, entity),
  );
}

/**
 * Whether the app itself knows if the signed-in user is staff, and so
 * offers add, edit and delete on the staff's lists (`staffWritten`) to staff
 * only: Supabase reads the role from the session, Firebase from the ID
 * token's claims. A REST/GraphQL server refuses the others' writes itself.
 */
export function showsStaff(plan: AppPlan): boolean {
  if (plan.backend !== 'supabase' && plan.backend !== 'firebase') return false;
  return plan.entities.some((entity) => staffWritten(plan, entity));
}

/** The labels of the plan's staff-written entities (`staffWritten`), formatted, in plan order. */
function staffLabels(plan: AppPlan, format: (label: string) => string): string[] {
  return plan.entities.filter((entity) => staffWritten(plan, entity)).map((entity) => format(entity.pluralLabel));
}

/**
 * Whether the app itself tells the bookings a user made from the ones made
 * with them (a walker's), and offers edit and delete on the former only:
 * Supabase and Firestore return the booker with the row.
 */
export function showsBookedWithMe(plan: AppPlan): boolean {
  if (plan.backend !== 'supabase' && plan.backend !== 'firebase') return false;
  return plan.entities.some((entity) => providerLink(plan, entity) !== undefined);
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

/** The two-party bookings (`providerLink`) with the entity each is booked with, in plan order. */
function twoPartyBookings(plan: AppPlan): { booking: EntityPlan; provider: EntityPlan }[] {
  return plan.entities.flatMap((booking) => {
    const link = providerLink(plan, booking);
    return link ? [{ booking, provider: link.provider }] : [];
  });
}

/** `ownershipSentence`'s words on each two-party booking: who sees it, who changes it. */
function twoPartySentences(plan: AppPlan, format: (label: string) => string): string[] {
  return twoPartyBookings(plan).map(
    ({ booking, provider }) =>
      `Seen by the signed-in user who booked them and by the user who created the ${format(provider.label)} they are booked with; only the user who booked one changes or deletes it: ${format(booking.pluralLabel)}.`,
  );
}

/**
 * docs/api_contract.md: the bullet saying who else sees a two-party booking
 * (`providerLink`) on the app's backend; empty for every other entity and
 * on the device (no backend to enforce it).
 */
export function providerBullets(plan: AppPlan, entity: EntityPlan): string[] {
  const link = providerLink(plan, entity);
  if (!link || plan.backend === 'none') return [];
  const provider = link.provider.label;
  const by: Record<string, string> = {
    supabase: `the policy \`${entity.tableName} booked with me\` selects a row whose \`${link.field.column}\` is a row of \`${link.provider.tableName}\` the signed-in user created`,
    firebase: `the repository copies that ${provider}'s \`${FIRESTORE_OWNER_FIELD}\` into \`${FIRESTORE_PROVIDER_OWNER_FIELD}\` on save, the rules check it with \`get()\`, and the list asks for \`Filter.or(${FIRESTORE_OWNER_FIELD} == uid, ${FIRESTORE_PROVIDER_OWNER_FIELD} == uid)\``,
    rest: `the server lists each item to its owner and to the bearer token's user who created the ${provider} its \`${link.field.name}\` names; that user saving or deleting it answers \`403 Forbidden\``,
    graphql: `the server lists each item to its owner and to the bearer token's user who created the ${provider} its \`${link.field.name}\` names; that user saving or deleting it fails with \`extensions.code\` \`FORBIDDEN\``,
  };
  return [`Also seen by: the user who created the ${provider} it is booked with (read only; only the owner changes or deletes it): ${by[plan.backend] ?? by.rest}`];
}

/** README/docs: which lists are private and which shared, by their labels; empty without sign-in. */
export function ownershipSentence(plan: AppPlan, format: (label: string) => string = (label) => label): string {
  if (!hasAuthFeature(plan) || plan.entities.length === 0) return '';
  const personal = personalEntities(plan);
  const labels = (kind: 'private' | 'posted' | 'shared') =>
    plan.entities
      .filter((entity) => {
        if (providerLink(plan, entity) || staffWritten(plan, entity)) return false;
        if (personal.has(entity.className)) return kind === 'private';
        return hasCreator(plan, entity) ? kind === 'posted' : kind === 'shared';
      })
      .map((entity) => format(entity.pluralLabel));
  const mine = labels('private');
  const posted = labels('posted');
  const everyone = labels('shared');
  const staff = staffLabels(plan, format);
  return [
    ...(mine.length > 0 ? [`Private to the signed-in user who created them: ${mine.join(', ')}.`] : []),
    ...twoPartySentences(plan, format),
    ...(posted.length > 0
      ? [`Read by every signed-in user, changed or deleted only by the user who created them: ${posted.join(', ')}.`]
      : []),
    ...(staff.length > 0
      ? [`Read by every signed-in user, added, changed or deleted only by staff (an admin account): ${staff.join(', ')}.`]
      : []),
    ...(everyone.length > 0 ? [`Shared by every signed-in user: ${everyone.join(', ')}.`] : []),
  ].join(' ');
}

/**
 * The REST/GraphQL server's part (README and docs/api_contract.md): it keeps
 * the owner of each private item from the bearer token, so the app sends no
 * owner and lists nobody else's, and refuses non-staff writes to what staff
 * keep (`staffWritten`); empty when nothing is private, posted or staff's.
 */
export function serverOwnershipSentence(plan: AppPlan, format: (label: string) => string = (label) => label): string {
  const personal = personalEntities(plan).size > 0;
  const posted = plan.entities.some((entity) => hasCreator(plan, entity));
  const staff = staffLabels(plan, format);
  if (!personal && !posted && staff.length === 0) return '';
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
    ...(staff.length > 0
      ? [
          `Saving or deleting ${staff.join(', ')} needs the bearer token of a staff user (an admin account; the server decides who is staff): for anyone else the server ${forbidden}. The app offers add, edit and delete to every user and tells such a refusal as not allowed.`,
        ]
      : []),
    ...twoPartyBookings(plan).map(
      ({ booking, provider }) =>
        `Listing ${format(booking.pluralLabel)} also returns the ones booked with a ${format(provider.label)} the user created, so both parties see a booking; saving or deleting one of those ${forbidden}, as only the user who booked it changes it. The app cannot tell those from the user’s own bookings (the server sends no owner), so it lists them together and tells a refused save or delete as not allowed.`,
    ),
  ].join(' ');
}
