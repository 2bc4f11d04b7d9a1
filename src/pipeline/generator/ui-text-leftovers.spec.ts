/**
 * A French or Vietnamese app with every feature must not show English: each
 * string literal under lib/ is checked against the English UI table and
 * against phrases that once slipped through (sign-in errors, the screens the
 * app adds for a map or a checkout, the order description, the stand-in
 * description). Developer-facing texts (debugPrint, configuration errors) are
 * not UI and are not in either list.
 */
import { describe, expect, it } from 'vitest';
import type { AppSpec } from './app-spec';
import { generateFlutterProject } from './flutter-project.generator';
import { planApp } from './plan/plan-app';
import { simpleSpec } from './testing/fixtures';
import { ENGLISH, uiText, type UiText } from './ui-text';

const APPS: Readonly<Record<'fr' | 'vi', Pick<AppSpec, 'name' | 'features'>>> = {
  fr: {
    name: 'Mon quartier',
    features: [
      'connexion',
      'carte',
      'paiement',
      'chat',
      'notifications',
      'paramètres',
      'bienvenue',
      'profil',
      'recherche',
      'minuteur',
      'caméra',
      'scanner',
      'statistiques',
      'calendrier',
    ],
  },
  vi: {
    name: 'Khu phố của tôi',
    features: [
      'đăng nhập',
      'bản đồ',
      'thanh toán',
      'trò chuyện',
      'thông báo',
      'cài đặt',
      'giới thiệu',
      'hồ sơ',
      'tìm kiếm',
      'hẹn giờ',
      'máy ảnh',
      'quét mã',
      'thống kê',
      'lịch',
    ],
  },
};

/** English that reached non-English apps before; each is part of a sentence the user would see. */
const KNOWN_LEFTOVERS = [
  'Manage places',
  'Manage products',
  'Add places',
  'Add products',
  'No places yet',
  'for sale yet',
  'Order from',
  'a Flutter application',
  'Could not load the',
  'Wrong email or password',
  'Sign-in failed',
  'Check your inbox',
  'The server',
  'Cannot reach the server',
  'already exists for that email',
  ' results',
];

/** Every string literal of the Dart files under lib/, without its quotes (escapes kept). */
function libLiterals(spec: AppSpec): string[] {
  return generateFlutterProject(spec)
    .filter((file) => file.path.startsWith('lib/') && file.path.endsWith('.dart'))
    .flatMap((file) => file.content.split('\n'))
    .filter((line) => !/^\s*(import|export|part|\/\/)/.test(line))
    .flatMap((line) => [...line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2]));
}

/** English UI strings without gaps that the app's language writes differently ("Chat" is French too). */
function englishOnly(t: UiText): string[] {
  const own = new Set(Object.values(t).filter((value): value is string => typeof value === 'string'));
  return Object.values(ENGLISH).filter(
    (value): value is string =>
      typeof value === 'string' && value.length >= 4 && !value.includes('{') && !own.has(value),
  );
}

describe('non-English apps keep no English UI text', () => {
  for (const [locale, app] of Object.entries(APPS)) {
    for (const backend of ['firebase', 'supabase', 'rest', 'none']) {
      it(`${locale} app on ${backend}`, () => {
        const spec = simpleSpec({ ...app, description: '', backend });
        expect(planApp(spec).locale).toBe(locale);
        const literals = libLiterals(spec);
        const t = uiText(planApp(spec));
        // The screens that used to speak English are there, in the app's language.
        expect(literals).toContain(t.manageItems);
        expect(literals).toContain(t.noneForSale);
        const english = new Set(englishOnly(t));
        expect(literals.filter((literal) => english.has(literal))).toEqual([]);
        expect(literals.filter((literal) => KNOWN_LEFTOVERS.some((phrase) => literal.includes(phrase)))).toEqual([]);
      });
    }
  }
});
