/**
 * "Tickets" in an app about events, concerts or shows are admissions to an
 * event (who holds it, which seat or type, the price, a code to check in),
 * not a helpdesk's work orders. The domain table reads "ticket" as a work
 * order, which stays right for support and IT apps; this swaps the entity when
 * the app's name, description or screens name events (`record-subjects.ts`
 * then links each ticket to its event).
 */
import type { DomainEntity } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { mentionsAny, singular, tokens } from './text-match';

/** A ticket to an event; `code` is what a scanner reads at the door. */
export const EVENT_TICKET_ENTITY: DomainEntity = {
  words: [],
  className: 'EventTicket',
  label: 'Ticket',
  pluralLabel: 'Tickets',
  fields: 'holder:text!, ticketType:text, seat:text, price:money, code:text',
};

/**
 * Words (folded, singular) that make an app one about events. Not "show" or "performance": "show the
 * status of my tickets" is a helpdesk's.
 */
const EVENT_WORDS: readonly string[] = [
  'event',
  'concert',
  'festival',
  'gig',
  'conference',
  'theater',
  'theatre',
  'evento',
  'concierto',
  'espectaculo',
  'evenement',
  'spectacle',
  'veranstaltung',
  'veranstaltungen',
  'konzert',
  'konzerte',
  'concerto',
  'concerti',
  'eventi',
  'spettacolo',
  'spettacoli',
  'acara',
  'konser',
  'su kien',
  'buoi hoa nhac',
  '活动',
  '演唱会',
  'イベント',
  'コンサート',
];

/** Words that keep tickets a helpdesk's work orders even next to events ("IT support tickets"). */
const SUPPORT_WORDS: readonly string[] = [
  'support',
  'helpdesk',
  'help desk',
  'service desk',
  'issue',
  'bug',
  'incident',
  'soporte',
  'suporte',
  'assistance',
  'kundendienst',
  'assistenza',
];

/** A screen's words for tickets (folded, singular or as written): a work order's "ticket", or the user's own word. */
const TICKET_WORDS: readonly string[] = [
  'ticket',
  'entrada',
  'boleto',
  'billete',
  'bilhete',
  'ingresso',
  'billet',
  'eintrittskarte',
  'eintrittskarten',
  'biglietto',
  'biglietti',
  'tiket',
  '门票',
  'チケット',
];

/** The parts of a planner candidate this file reads and sets. */
interface TicketCandidate {
  label: string;
  entity?: EntityRef;
}

/** Whether the app (its name, description and screen labels) is about events and not about support. */
export function isEventApp(texts: readonly string[]): boolean {
  const words = texts.flatMap((text) => tokens(text)).map(singular);
  return mentionsAny(words, EVENT_WORDS) && !mentionsAny(words, SUPPORT_WORDS);
}

/** `candidates` with a work order named "ticket" an event ticket when the app is about events. */
export function withEventTickets<T extends TicketCandidate>(candidates: readonly T[], texts: readonly string[]): T[] {
  // The table's work order, or an entity built from the user's own word ("Entradas").
  const tickets = (candidate: T) =>
    (candidate.entity?.row.className === 'WorkOrder' || candidate.entity?.key.startsWith('generic:') === true) &&
    mentionsAny(tokens(candidate.label).map(singular), TICKET_WORDS);
  if (!candidates.some(tickets) || !isEventApp([...texts, ...candidates.map((candidate) => candidate.label)])) {
    return [...candidates];
  }
  return candidates.map((candidate) =>
    tickets(candidate) ? { ...candidate, entity: entityRef(EVENT_TICKET_ENTITY) } : candidate,
  );
}
