import type { ArchetypeId } from './plan/app-plan';

/**
 * A fitting Material icon for a feature, picked by keywords in its id; keeps
 * the home list from being a wall of identical icons.
 */
const ICON_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|_)(auth|login|log_in|sign_in|signin|signup|sign_up|register|account)(_|$)/, 'Icons.login'],
  [/(^|_)(profile|user|users|me|avatar)(_|$)/, 'Icons.person_outline'],
  [/(^|_)(chat|chats|message|messages|messaging|inbox|conversation)(_|$)/, 'Icons.chat_bubble_outline'],
  [
    /(^|_)(cart|shop|shopping|store|checkout|order|orders|product|products|catalog)(_|$)/,
    'Icons.shopping_cart_outlined',
  ],
  [/(^|_)(pay|payment|payments|wallet|billing|invoice|invoices|subscription)(_|$)/, 'Icons.payment'],
  [/(^|_)(map|maps|location|locations|nearby|gps)(_|$)/, 'Icons.map_outlined'],
  [/(^|_)(notification|notifications|alert|alerts|reminder|reminders)(_|$)/, 'Icons.notifications_outlined'],
  [/(^|_)(search|explore|discover|browse)(_|$)/, 'Icons.search'],
  [/(^|_)(calendar|event|events|schedule|booking|bookings|appointment|appointments)(_|$)/, 'Icons.event_outlined'],
  [/(^|_)(photo|photos|camera|gallery|image|images|media)(_|$)/, 'Icons.photo_outlined'],
  [/(^|_)(todo|todos|task|tasks|checklist|habit|habits)(_|$)/, 'Icons.checklist'],
  [
    /(^|_)(favorite|favorites|favourite|favourites|like|likes|wishlist|bookmark|bookmarks)(_|$)/,
    'Icons.favorite_border',
  ],
  [/(^|_)(stats|statistics|analytics|report|reports|chart|charts|dashboard|insights)(_|$)/, 'Icons.insights'],
  [/(^|_)(news|feed|article|articles|blog|posts|post)(_|$)/, 'Icons.article_outlined'],
  [/(^|_)(note|notes|journal|diary)(_|$)/, 'Icons.note_outlined'],
  [/(^|_)(music|audio|podcast|podcasts|playlist)(_|$)/, 'Icons.music_note_outlined'],
  [/(^|_)(video|videos|movie|movies|stream|streaming)(_|$)/, 'Icons.movie_outlined'],
  [/(^|_)(workout|workouts|fitness|exercise|health|steps)(_|$)/, 'Icons.fitness_center'],
  [/(^|_)(recipe|recipes|food|meal|meals|restaurant|menu)(_|$)/, 'Icons.restaurant_menu'],
  [/(^|_)(help|support|faq|feedback|contact)(_|$)/, 'Icons.help_outline'],
];

const DEFAULT_ICON = 'Icons.widgets_outlined';

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
  entity: undefined,
};

/** Dart expression of the icon, e.g. `Icons.search`. */
export function featureIcon(featureId: string, archetype: ArchetypeId = 'entity'): string {
  return ARCHETYPE_ICONS[archetype] ?? ICON_RULES.find(([pattern]) => pattern.test(featureId))?.[1] ?? DEFAULT_ICON;
}
