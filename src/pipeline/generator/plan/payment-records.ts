/**
 * "pagos" in a padel club that sells nothing: the club records who paid what
 * for which court booking, it does not need a cart of products. A payments
 * word becomes a checkout only in an app that sells something (a cart, a shop,
 * products in the features or the description); otherwise it is a list of
 * payment records pointing at what the app books.
 */
import type { ArchetypeId } from './app-plan';
import type { DomainEntity } from './domain-entities';
import { SHOP_WORDS } from './description-words';
import type { EntityRef } from './entity-ref';
import { phraseIndex, tokens } from './text-match';

/** The parts of a planner candidate this file reads and sets. */
interface PaymentCandidate {
  label: string;
  archetype: ArchetypeId;
  origin: 'features' | 'description' | 'app';
  entity?: EntityRef;
  options: Record<string, boolean>;
}

/** Words that name payments themselves, not a cart or a checkout (folded, as `tokens` gives them). */
const PAYMENT_WORDS: readonly string[] = [
  'payment',
  'payments',
  'pago',
  'pagos',
  'pagamento',
  'pagamentos',
  'paiement',
  'paiements',
  'zahlung',
  'zahlungen',
  'pagamenti',
  'pembayaran',
  'thanh toan',
  '支付',
  '付款',
  '支払い',
];

/** Words of an app that sells: a cart, a shop, products (in any of its labels or its description). */
const SELLING_WORDS: readonly string[] = [
  ...SHOP_WORDS,
  'carrello',
  'keranjang',
  'kasse',
  '购物车',
  'カート',
  'produk',
  'prodotti',
  'produits',
  'produkte',
];

function mentionsAny(words: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => phraseIndex(words, phrase) >= 0);
}

/** Whether a label names payments only ("Pagos", "Payments"), not a cart or checkout. */
function namesPayments(label: string): boolean {
  const words = tokens(label);
  return words.length > 0 && PAYMENT_WORDS.some((phrase) => phraseIndex(words, phrase) === 0);
}

/**
 * The payment record: what it was for (a required description, e.g. "Saturday court"), the booking it
 * pays (picked from the calendar's bookings), the amount, the date, whether it is paid, and how.
 */
function paymentRef(named: EntityRef, booked: EntityRef): EntityRef {
  const row: DomainEntity = {
    ...named.row,
    fields: 'description:text!, booking:text, amount:money!, date:date!, paid:bool, method:text, notes:longText',
    refersTo: { booking: booked.row.className },
  };
  return { ...named, key: `payments:${named.row.className}`, row, fieldsFrom: 'domain', fieldLabels: undefined };
}

/**
 * The candidates with a requested payments checkout turned into payment records when the app sells
 * nothing. `entityOf` names the label's entity in the user's words ("Pagos" → Pago / pagos).
 */
export function withPaymentRecords<C extends PaymentCandidate>(
  candidates: readonly C[],
  description: string,
  entityOf: (label: string) => EntityRef,
): C[] {
  const words = [...candidates.flatMap((candidate) => tokens(candidate.label)), ...tokens(description)];
  const sells =
    mentionsAny(words, SELLING_WORDS) || candidates.some((candidate) => candidate.entity?.row.className === 'Product');
  // Payments pay for bookings, not for a calendar's generic events. An app that books nothing keeps
  // the checkout a lone "Payments" asks for (a payment sheet to wire to a provider).
  const calendar = candidates.find((candidate) => candidate.archetype === 'calendar')?.entity;
  if (sells || !calendar || calendar.row.className === 'CalendarEvent') return [...candidates];
  return candidates.map((candidate) => {
    if (candidate.archetype !== 'checkout' || candidate.origin !== 'features' || !namesPayments(candidate.label))
      return candidate;
    const entity = paymentRef(entityOf(candidate.label), calendar);
    return { ...candidate, archetype: 'entity', entity, options: { ...candidate.options, paymentRecords: true } };
  });
}
