/**
 * Style keyword → theme tokens. Shared by `lib/theme/app_theme.dart` and
 * `docs/design.md` so the design doc always describes the generated theme.
 */

export type ThemeModeToken = 'system' | 'light' | 'dark';

export interface ThemeTokens {
  /** The palette that matched (or `default`). */
  key: string;
  /** ARGB, e.g. `0xFF6750A4`. */
  seedColor: string;
  themeMode: ThemeModeToken;
  /** Corner radius of filled buttons and list tiles, in logical pixels. */
  cornerRadius: number;
  mood: string;
}

type Palette = Omit<ThemeTokens, 'key' | 'themeMode'> & { themeMode?: ThemeModeToken };

const PALETTES: ReadonlyMap<string, Palette> = new Map(
  Object.entries({
    modern: { seedColor: '0xFF6750A4', cornerRadius: 16, mood: 'Bold purple accents, generous rounding' },
    material: { seedColor: '0xFF2196F3', cornerRadius: 12, mood: 'Stock Material 3 look in blue' },
    minimal: { seedColor: '0xFF607D8B', cornerRadius: 4, mood: 'Muted blue-grey, sharp corners, lots of whitespace' },
    playful: { seedColor: '0xFFFF7043', cornerRadius: 24, mood: 'Warm orange, pill-shaped controls' },
    corporate: {
      seedColor: '0xFF1565C0',
      cornerRadius: 8,
      themeMode: 'light',
      mood: 'Trustworthy dark blue on light surfaces',
    },
    dark: { seedColor: '0xFF00BFA5', cornerRadius: 12, themeMode: 'dark', mood: 'Teal accents on dark surfaces' },
    elegant: { seedColor: '0xFF8D6E63', cornerRadius: 8, mood: 'Soft brown and cream tones' },
    vibrant: { seedColor: '0xFFE91E63', cornerRadius: 20, mood: 'Saturated pink accents' },
    nature: { seedColor: '0xFF2E7D32', cornerRadius: 16, mood: 'Calm greens' },
    retro: { seedColor: '0xFFFFB300', cornerRadius: 6, mood: 'Amber tones, small radii' },
    ios: { seedColor: '0xFF007AFF', cornerRadius: 10, mood: 'System blue, iOS-like rounding' },
  } satisfies Record<string, Palette>),
);

/** Common synonyms of the palettes above (Maps: style words like "constructor" must not hit Object.prototype). */
const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    clean: 'minimal',
    simple: 'minimal',
    flat: 'minimal',
    fun: 'playful',
    colorful: 'vibrant',
    colourful: 'vibrant',
    bright: 'vibrant',
    business: 'corporate',
    professional: 'corporate',
    enterprise: 'corporate',
    night: 'dark',
    black: 'dark',
    luxury: 'elegant',
    classic: 'elegant',
    eco: 'nature',
    green: 'nature',
    organic: 'nature',
    vintage: 'retro',
    cupertino: 'ios',
    apple: 'ios',
    google: 'material',
    sleek: 'modern',
  }),
);

const DEFAULT_PALETTE: Palette = {
  seedColor: '0xFF3F51B5',
  cornerRadius: 12,
  mood: 'Neutral indigo Material 3 theme',
};

const DARK_WORDS = new Set(['dark', 'night', 'black']);

function styleWords(style: string): string[] {
  return style
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/**
 * The first known word of `style` picks the palette; a dark word anywhere
 * (e.g. "minimal dark") switches the default theme mode to dark.
 */
export function themeTokens(style: string): ThemeTokens {
  const words = styleWords(style);
  const key = words.map((word) => ALIASES.get(word) ?? word).find((word) => PALETTES.has(word)) ?? 'default';
  const palette = PALETTES.get(key) ?? DEFAULT_PALETTE;
  const themeMode: ThemeModeToken = words.some((word) => DARK_WORDS.has(word))
    ? 'dark'
    : (palette.themeMode ?? 'system');
  return {
    key,
    seedColor: palette.seedColor,
    themeMode,
    cornerRadius: palette.cornerRadius,
    mood: palette.mood,
  };
}

/** `0xFF6750A4` → `#6750A4`, for the design docs. */
export function cssColor(argb: string): string {
  return `#${argb.slice(4)}`;
}
