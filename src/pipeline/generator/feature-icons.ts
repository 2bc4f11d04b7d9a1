import type { ArchetypeId } from './plan/app-plan';

/**
 * Icons of the home cards: a fitting Material icon for each feature, picked by
 * its archetype or by keywords in its id, and no two cards share one while a
 * fitting alternative or a spare generic icon is left (a shop's Catalog, Cart
 * and Orders read as storefront, cart and receipt, not three carts). Every
 * name exists in Flutter's `Icons` class.
 */

/** Matches `words` (an alternation) as whole words of a snake_case id. */
function idWords(words: string): RegExp {
  return new RegExp(`(^|_)(${words})(_|$)`);
}

/** Keywords → fitting icons, best first; the later ones are alternatives when the first is taken. */
const ICON_RULES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [idWords('auth|login|log_in|sign_in|signin|signup|sign_up|register|account'), ['Icons.login']],
  [idWords('profile|user|users|me|avatar'), ['Icons.person_outline']],
  [idWords('channel|channels|room|rooms|forum|forums|community|communities'), ['Icons.forum_outlined', 'Icons.tag']],
  [
    idWords('chat|chats|message|messages|messaging|inbox|conversation|conversations'),
    ['Icons.chat_bubble_outline', 'Icons.forum_outlined'],
  ],
  [idWords('shopping_list|shopping_lists|grocery|groceries|pantry'), ['Icons.shopping_basket_outlined']],
  [idWords('cart|carts|basket|baskets'), ['Icons.shopping_cart_outlined']],
  [idWords('checkout'), ['Icons.shopping_cart_checkout', 'Icons.shopping_cart_outlined']],
  [
    idWords('order|orders|purchase|purchases|receipt|receipts|delivery|deliveries'),
    ['Icons.receipt_long_outlined', 'Icons.local_shipping_outlined'],
  ],
  [
    idWords('catalog|catalogue|product|products|shop|shops|store|stores|goods|shopping'),
    ['Icons.storefront_outlined', 'Icons.inventory_2_outlined'],
  ],
  [idWords('inventory|stock|warehouse'), ['Icons.inventory_2_outlined']],
  [idWords('pay|payment|payments|wallet|billing|invoice|invoices|subscription'), ['Icons.payment']],
  [
    idWords('budget|budgets|saving|savings|expense|expenses|transaction|transactions'),
    ['Icons.savings_outlined', 'Icons.account_balance_wallet_outlined'],
  ],
  [idWords('map|maps|location|locations|place|places|nearby|gps'), ['Icons.map_outlined', 'Icons.place_outlined']],
  [
    idWords('notification|notifications|alert|alerts|reminder|reminders'),
    ['Icons.notifications_outlined', 'Icons.notifications_active_outlined'],
  ],
  [idWords('search|explore|discover|browse'), ['Icons.search', 'Icons.travel_explore']],
  [
    idWords('calendar|event|events|schedule|booking|bookings|appointment|appointments'),
    ['Icons.event_outlined', 'Icons.calendar_month_outlined', 'Icons.event_note_outlined'],
  ],
  [
    idWords('doctor|doctors|clinic|clinics|patient|patients|nurse|nurses|medical|hospital|hospitals'),
    ['Icons.medical_services_outlined'],
  ],
  [
    idWords('medication|medications|medicine|medicines|pill|pills|prescription|prescriptions'),
    ['Icons.medication_outlined'],
  ],
  [idWords('photo|photos|camera|gallery|image|images|media'), ['Icons.photo_outlined', 'Icons.photo_library_outlined']],
  [idWords('streak|streaks'), ['Icons.local_fire_department_outlined']],
  [
    idWords('goal|goals|achievement|achievements|badge|badges|reward|rewards'),
    ['Icons.emoji_events_outlined', 'Icons.flag_outlined'],
  ],
  [idWords('todo|todos|task|tasks|checklist|habit|habits'), ['Icons.checklist', 'Icons.task_alt']],
  [
    idWords('favorite|favorites|favourite|favourites|like|likes|wishlist|bookmark|bookmarks'),
    ['Icons.favorite_border', 'Icons.bookmark_border'],
  ],
  [
    idWords('stats|statistics|analytics|report|reports|chart|charts|dashboard|insights|progress'),
    ['Icons.insights', 'Icons.bar_chart'],
  ],
  [idWords('news|feed|article|articles|blog|posts|post'), ['Icons.article_outlined']],
  [idWords('note|notes|journal|diary'), ['Icons.note_outlined']],
  [idWords('music|audio|podcast|podcasts|playlist'), ['Icons.music_note_outlined']],
  [idWords('video|videos|movie|movies|stream|streaming'), ['Icons.movie_outlined']],
  [idWords('workout|workouts|fitness|exercise|exercises|health|steps'), ['Icons.fitness_center']],
  [idWords('recipe|recipes|food|meal|meals|restaurant|menu'), ['Icons.restaurant_menu']],
  [
    idWords('contact|contacts|people|member|members|team|teams|friend|friends|client|clients|customer|customers|staff'),
    ['Icons.people_outline', 'Icons.groups_outlined'],
  ],
  [idWords('book|books|library|reading'), ['Icons.menu_book_outlined']],
  [idWords('course|courses|lesson|lessons|class|classes|school'), ['Icons.school_outlined']],
  [idWords('pet|pets|dog|dogs|cat|cats|perro|perros|chien|chiens|cachorro|cachorros|cane|cani|anjing'), ['Icons.pets']],
  // German compounds start with the noun: "Hundespaziergänge" (dog walks), "Gassirunden".
  [/(^|_)(hunde?|gassi)/, ['Icons.pets']],
  [idWords('trip|trips|travel|flight|flights'), ['Icons.flight_outlined']],
  [idWords('car|cars|vehicle|vehicles'), ['Icons.directions_car_outlined']],
  [idWords('plant|plants|garden|gardens'), ['Icons.local_florist_outlined']],
  [idWords('sleep'), ['Icons.bedtime_outlined']],
  [idWords('ticket|tickets'), ['Icons.confirmation_number_outlined']],
  [idWords('help|support|faq|feedback'), ['Icons.help_outline']],
];

/** Generic icons, in order, for features no keyword fits (or whose fitting icons are all taken). */
const SPARE_ICONS = [
  'Icons.widgets_outlined',
  'Icons.category_outlined',
  'Icons.list_alt_outlined',
  'Icons.folder_outlined',
  'Icons.label_outline',
  'Icons.star_outline',
];

/** The archetype's own icon: it wins over words, so a "settings" feature never shows a list icon. */
const ARCHETYPE_ICONS: Readonly<Record<ArchetypeId, string | undefined>> = {
  auth: 'Icons.login',
  chart: 'Icons.insights',
  settings: 'Icons.settings_outlined',
  scanner: 'Icons.qr_code_scanner',
  notifications: 'Icons.notifications_outlined',
  search: 'Icons.search',
  map: 'Icons.map_outlined',
  camera: 'Icons.photo_camera_outlined',
  timer: 'Icons.timer_outlined',
  chat: 'Icons.chat_bubble_outline',
  calendar: 'Icons.event_outlined',
  profile: 'Icons.person_outline',
  onboarding: 'Icons.waving_hand_outlined',
  checkout: 'Icons.shopping_cart_outlined',
  study: 'Icons.school_outlined',
  entity: undefined,
};

/** `DogWalk` → `dog_walk`: an entity's class name in the keywords' snake_case. */
function classWords(className: string): string {
  return className.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The icons that fit a feature, best first: its archetype's, then those of every keyword in its id,
 * then those of its entity's class name (English even when the feature's id is not: "Kunden" shows
 * `Customer` records, "Hundespaziergänge" `DogWalk`s).
 */
function fittingIcons(featureId: string, archetype: ArchetypeId, entity?: string): string[] {
  const own = ARCHETYPE_ICONS[archetype];
  const matching = (words: string) =>
    ICON_RULES.filter(([pattern]) => pattern.test(words)).flatMap(([, icons]) => icons);
  const byWords = [...matching(featureId), ...(entity ? matching(classWords(entity)) : [])];
  return [...new Set(own ? [own, ...byWords] : byWords)];
}

/** Dart expression of the best icon for one feature on its own, e.g. `Icons.search`. */
export function featureIcon(featureId: string, archetype: ArchetypeId = 'entity'): string {
  return fittingIcons(featureId, archetype)[0] ?? SPARE_ICONS[0];
}

export interface IconRequest {
  id: string;
  archetype: ArchetypeId;
  /** `className` of the entity the feature shows, when it has one. */
  entity?: string;
}

/**
 * The icons of the app's features, in order. Archetype screens (settings,
 * search, …) keep their own icon; every other feature takes its first fitting
 * icon no other card has, then a spare generic one, and shares an icon only
 * when all of those are taken.
 */
export function featureIcons(features: readonly IconRequest[]): string[] {
  const taken = new Set<string>();
  const icons = features.map(({ archetype }) => {
    const own = ARCHETYPE_ICONS[archetype];
    if (!own || taken.has(own)) return undefined;
    taken.add(own);
    return own;
  });
  return features.map(({ id, archetype, entity }, index) => {
    const assigned = icons[index];
    if (assigned) return assigned;
    const free = [...fittingIcons(id, archetype, entity), ...SPARE_ICONS].find((icon) => !taken.has(icon));
    const icon = free ?? featureIcon(id, archetype);
    taken.add(icon);
    return icon;
  });
}
