/**
 * What a checkout sells and where its paid orders go.
 *
 * - A restaurant's "Menu" beside "Paiement" is the catalogue: its dishes get a price and the
 *   checkout sells them, so the app invents no "Products" screen next to the menu.
 * - An "Orders" screen beside a checkout lists what the checkout saved after each payment: the
 *   lines, the total the payment server charged, when, and the payment's reference.
 */
import type { AppLocale } from './app-language';
import type { AppPlan, ArchetypeId, EntityPlan } from './app-plan';
import type { DomainEntity } from './domain-entities';
import type { EntityRef } from './entity-ref';
import { phraseIndex, tokens } from './text-match';

/** The parts of a planner candidate this file reads and sets. */
interface CheckoutCandidate {
  label: string;
  archetype: ArchetypeId;
  entity?: EntityRef;
}

/**
 * Key prefix of a catalogue the checkout sells in place of the products it would add: `plan-app.ts`
 * keeps a checkout's entity with this key instead of its default `Product`.
 */
export const SOLD_CATALOGUE_KEY = 'sold:';

/** Words of a restaurant's menu (folded, as `tokens` gives them). */
export const MENU_WORDS: readonly string[] = [
  'menu',
  'menus',
  'speisekarte',
  'cardapio',
  'thuc don',
  '菜单',
  'メニュー',
];

/** A dish on the menu: what the checkout needs (name, price) and what a menu shows. */
const MENU_ITEM_FIELDS = 'name:text!, price:money!, category:text, description:longText';

/** The names of a record of "Menu": one item of it. */
const MENU_ITEM = { className: 'MenuItem', label: 'Menu item', pluralLabel: 'Menu items' };

/** The fields of an order the checkout saves, by role (the checkout fills them). */
export const ORDER_FIELD_NAMES = {
  items: 'items',
  total: 'total',
  time: 'orderedAt',
  paid: 'paid',
  reference: 'paymentReference',
} as const;

/** An order: its lines as one line of text ("2 × Espresso, 1 × Croissant") is its title in lists. */
const ORDER_FIELDS =
  'items:text!, total:money!, orderedAt:dateTime!, paid:bool, paymentReference:text, delivered:bool, note:longText';

/** Labels of the order fields the shared label table lacks: en|vi|es|pt|fr|de|it|id|zh|ja. */
const ORDER_LABELS: Readonly<Record<string, string>> = {
  items: 'Items|Món đã đặt|Artículos|Itens|Articles|Artikel|Articoli|Barang|商品|商品',
  orderedAt:
    'Ordered at|Thời điểm đặt|Fecha del pedido|Data do pedido|Date de commande|Bestellt am|Data dell’ordine|Waktu pesanan|下单时间|注文日時',
  paymentReference:
    'Payment reference|Mã thanh toán|Referencia de pago|Referência do pagamento|Référence de paiement|Zahlungsreferenz|Riferimento del pagamento|Referensi pembayaran|支付单号|決済番号',
};

const LABEL_LOCALES: readonly AppLocale[] = ['en', 'vi', 'es', 'pt', 'fr', 'de', 'it', 'id', 'zh', 'ja'];

function orderLabels(locale: AppLocale): Record<string, string> {
  const at = LABEL_LOCALES.indexOf(locale);
  return Object.fromEntries(
    Object.entries(ORDER_LABELS).map(([name, labels]) => [name, labels.split('|')[at < 0 ? 0 : at]]),
  );
}

function namesMenu(label: string): boolean {
  const words = tokens(label);
  return MENU_WORDS.some((phrase) => phraseIndex(words, phrase) >= 0);
}

/**
 * The menu's dishes: a record is one item of the menu (`MenuItem` in `menu_items` when the user wrote
 * "Menu"); the screens keep the user's label. The table's menu item (`domain-entities.ts`) loses its
 * "available" switch here: the checkout sells every dish and would ignore it.
 */
function menuRef(menu: EntityRef): EntityRef {
  const named = menu.row.className === 'Menu' ? MENU_ITEM : {};
  const row: DomainEntity = { ...menu.row, ...named, fields: MENU_ITEM_FIELDS };
  const key = `${SOLD_CATALOGUE_KEY}${row.className}`;
  const tableName = row.className === menu.row.className ? menu.tableName : undefined;
  return { key, row, fieldsFrom: 'domain', ...(tableName ? { tableName } : {}) };
}

function orderRef(order: EntityRef, locale: AppLocale): EntityRef {
  const row: DomainEntity = { ...order.row, fields: ORDER_FIELDS, stamps: { orderedAt: 'created' } };
  return { ...order, row, fieldLabels: orderLabels(locale) };
}

/**
 * The candidates of an app with a checkout: a requested menu becomes what the checkout sells (priced
 * dishes), and the orders (the table's `Order`) become what it saves. Without a checkout, unchanged.
 */
export function withCheckoutData<C extends CheckoutCandidate>(candidates: readonly C[], locale: AppLocale): C[] {
  if (!candidates.some((candidate) => candidate.archetype === 'checkout')) return [...candidates];
  // Requested products stay what is sold; a menu beside them is no catalogue of the checkout.
  const products = candidates.some((candidate) => candidate.entity?.row.className === 'Product');
  const menu = products
    ? undefined
    : candidates.find(
        (candidate) =>
          candidate.archetype === 'entity' &&
          candidate.entity &&
          (candidate.entity.row.className === 'MenuItem' || namesMenu(candidate.label)),
      )?.entity;
  const sold = menu ? menuRef(menu) : undefined;
  return candidates.map((candidate) => {
    if (sold && candidate.archetype === 'checkout') return { ...candidate, entity: sold };
    if (sold && candidate.entity?.key === menu?.key) return { ...candidate, entity: sold };
    if (candidate.entity?.row.className === 'Order' && candidate.entity.fieldsFrom === 'domain')
      return { ...candidate, entity: orderRef(candidate.entity, locale) };
    return candidate;
  });
}

/** Whether `entity` holds the orders a checkout saves (its fields are the ones `withCheckoutData` gives). */
function isCheckoutOrder(entity: EntityPlan): boolean {
  const names = new Set(entity.fields.map((field) => field.name));
  return Object.values(ORDER_FIELD_NAMES).every((name) => names.has(name));
}

/** The entity the app's checkout saves each paid order to, when the app lists orders. */
export function checkoutOrderEntity(plan: AppPlan): EntityPlan | undefined {
  return plan.entities.find(isCheckoutOrder);
}
