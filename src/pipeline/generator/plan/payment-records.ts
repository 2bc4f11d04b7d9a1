/**
 * "pagos" in a padel club that sells nothing: the club records who paid what
 * for which court booking, it does not need a cart of products. A payments
 * word becomes a checkout only in an app that sells something (a cart, a shop,
 * products, a restaurant's menu or its orders, in the features or the
 * description); otherwise it is a list of payment records pointing at what the
 * app books, or at the rides of a ride-share (a rider pays a ride's fare, no
 * product is picked from a catalogue).
 */
import type { ArchetypeId } from './app-plan';
import { MENU_WORDS } from './checkout-data';
import type { DomainEntity } from './domain-entities';
import { SHOP_WORDS } from './description-words';
import type { EntityRef } from './entity-ref';
import { mentionsAny, phraseIndex, tokens } from './text-match';

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
  ...MENU_WORDS,
  // A restaurant's orders ("commandes à emporter"): what it sells is on its menu.
  'commande*',
  'pedido*',
  'encomenda*',
  'bestellung*',
  'ordine',
  'ordini',
  'pesanan',
  'don hang',
  'takeaway',
  'take away',
  'emporter',
  '订单',
  '注文',
];

/** Words of a ride-share: the payments are the fares of its rides. */
const RIDE_WORDS: readonly string[] = [
  'ride',
  'rides',
  'rideshare',
  'taxi',
  'cab',
  'fare',
  'fares',
  'trip',
  'trips',
  'trajet',
  'trajets',
  'viaje',
  'viajes',
  'corrida',
  'corridas',
  'fahrt',
  'fahrten',
  'corsa',
  'corse',
  'chuyen xe',
  'chuyen di',
  'perjalanan',
  '行程',
  '乗車',
];

/** Words of a landlord's or a tenant's app: its payments are rent paid by tenants. */
const RENT_WORDS: readonly string[] = [
  'rent',
  'landlord',
  'tenant',
  'tenants',
  'lease',
  'leases',
  'tien thue',
  'tien nha',
  'nguoi thue',
  'chu nha',
  'alquiler',
  'alquileres',
  'inquilino',
  'inquilinos',
  'arrendador',
  'aluguel',
  'alugueis',
  'locataire',
  'locataires',
  'loyer',
  'loyers',
  'bail',
  'baux',
  'miete',
  'mieten',
  'mieter',
  'vermieter',
  'mietvertrag',
  'affitto',
  'affitti',
  'inquilini',
  'sewa',
  'penyewa',
  'kos',
];

/** Label words (folded) of a tenant list: the rent payment names who paid. */
const TENANT_WORDS: readonly string[] = [
  'tenant',
  'tenants',
  'renter',
  'renters',
  'nguoi thue',
  'inquilino',
  'inquilinos',
  'locataire',
  'locataires',
  'mieter',
  'inquilini',
  'penyewa',
];

/** Label words (folded) that name rent, before a payments word ("Rent payments") or alone in one. */
const RENT_LABEL_WORDS: readonly string[] = ['rent', 'rental', 'tien thue', 'tien nha', 'miet', 'loyer', 'loyers'];

/** What an app's payments pay for: the record they point at (`field` names the link), if any. */
interface PaidFor {
  ref?: EntityRef;
  field: string;
}

/** Whether a label names payments only ("Pagos", "Payments"), not a cart or checkout. */
function namesPayments(label: string): boolean {
  const words = tokens(label);
  // "Rent payments", "Tiền thuê thanh toán": the rent comes first.
  const from = RENT_LABEL_WORDS.map((phrase) => (phraseIndex(words, phrase) === 0 ? phrase.split(' ').length : 0));
  const starts = [0, ...from.filter((at) => at > 0)];
  return words.length > 0 && PAYMENT_WORDS.some((phrase) => starts.includes(phraseIndex(words, phrase)));
}

/**
 * The payment record: what it was for (a required description, e.g. "Saturday court"), the booking or
 * ride it pays (picked from their records), the amount, the date, whether it is paid, and how.
 */
function paymentRef(named: EntityRef, paid: PaidFor): EntityRef {
  const link = paid.ref ? ` ${paid.field}:text,` : '';
  const row: DomainEntity = {
    ...named.row,
    fields: `description:text!,${link} amount:money!, date:date!, paid:bool, method:text, notes:longText`,
    ...(paid.ref ? { refersTo: { [paid.field]: paid.ref.row.className } } : {}),
  };
  return { ...named, key: `payments:${named.row.className}`, row, fieldsFrom: 'domain', fieldLabels: undefined };
}

/** The first requested record whose label names rides ("Request a ride", "Trips"). */
function rideRecords(candidates: readonly PaymentCandidate[]): EntityRef | undefined {
  return candidates.find(
    (candidate) => candidate.archetype === 'entity' && mentionsAny(tokens(candidate.label), RIDE_WORDS),
  )?.entity;
}

/**
 * What the payments of an app that sells nothing pay for: its bookings (not a calendar's generic
 * events), else the rides of a ride-share (linked when a screen keeps them). Undefined when the app
 * books nothing and carries nobody: a lone "Payments" keeps its checkout (a payment sheet to wire).
 */
function paidFor(candidates: readonly PaymentCandidate[], words: readonly string[]): PaidFor | undefined {
  const calendar = candidates.find((candidate) => candidate.archetype === 'calendar')?.entity;
  if (calendar && calendar.row.className !== 'CalendarEvent') return { ref: calendar, field: 'booking' };
  if (mentionsAny(words, RIDE_WORDS)) return { ref: rideRecords(candidates), field: 'ride' };
  // A landlord's payments are rent: paid by a tenant the app keeps, else under a lease it keeps.
  if (mentionsAny(words, RENT_WORDS)) {
    const tenants = candidates.find((candidate) => mentionsAny(tokens(candidate.label), TENANT_WORDS))?.entity;
    if (tenants) return { ref: tenants, field: 'tenant' };
    const leases = candidates.find((candidate) => candidate.entity?.row.className === 'Lease')?.entity;
    return { ref: leases, field: 'lease' };
  }
  return undefined;
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
  const paid = sells ? undefined : paidFor(candidates, words);
  if (!paid) return [...candidates];
  return candidates.map((candidate) => {
    if (candidate.archetype !== 'checkout' || candidate.origin !== 'features' || !namesPayments(candidate.label))
      return candidate;
    const entity = paymentRef(entityOf(candidate.label), paid);
    return { ...candidate, archetype: 'entity', entity, options: { ...candidate.options, paymentRecords: true } };
  });
}
