/**
 * Naming rules shared by the builtin generator, QA and repair: a requested
 * feature always maps to the same folder, files and Dart class names.
 */
import { PACKAGE_VERSIONS } from './data/package-versions';

/** Dart keywords and built-in identifiers: not usable as identifiers or package names. */
export const DART_RESERVED: ReadonlySet<string> = new Set([
  'abstract',
  'as',
  'assert',
  'async',
  'await',
  'base',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'covariant',
  'default',
  'deferred',
  'do',
  'dynamic',
  'else',
  'enum',
  'export',
  'extends',
  'extension',
  'external',
  'factory',
  'false',
  'final',
  'finally',
  'for',
  'function',
  'get',
  'hide',
  'if',
  'implements',
  'import',
  'in',
  'interface',
  'is',
  'late',
  'library',
  'mixin',
  'new',
  'null',
  'of',
  'on',
  'operator',
  'part',
  'required',
  'rethrow',
  'return',
  'sealed',
  'set',
  'show',
  'static',
  'super',
  'switch',
  'sync',
  'this',
  'throw',
  'true',
  'try',
  'type',
  'typedef',
  'var',
  'void',
  'when',
  'while',
  'with',
  'yield',
]);

/**
 * Package names the Dart tooling refuses or that collide with the SDK, and the
 * packages a generated app can depend on (directly or through them): pub
 * refuses a root package that shares its name with one of its dependencies.
 */
const RESERVED_PACKAGE_NAMES = new Set([
  'test',
  'flutter',
  'flutter_test',
  'flutter_lints',
  'lints',
  'dart',
  'core',
  'app',
  ...Object.keys(PACKAGE_VERSIONS),
  // Dependencies of the pinned packages and of the Flutter SDK.
  ...['gql', 'gql_exec', 'gql_link', 'gql_http_link', 'graphql', 'normalize', 'hive', 'flutter_hooks'],
  ...['supabase', 'gotrue', 'postgrest', 'realtime_client', 'storage_client', 'functions_client'],
  ...['latlong2', 'proj4dart', 'logger', 'rxdart', 'uuid', 'crypto', 'http_parser', 'path_provider'],
  ...['url_launcher', 'app_links', 'web_socket_channel', 'plugin_platform_interface', 'cross_file', 'web'],
  ...['collection', 'characters', 'meta', 'path', 'async', 'clock', 'vector_math', 'material_color_utilities'],
  ...['matcher', 'stack_trace', 'source_span', 'string_scanner', 'typed_data', 'fake_async', 'test_api'],
]);

/** Latin letters that are not a base letter plus a mark, spelled the way their languages write them in ASCII. */
const LETTER_SPELLINGS: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'Ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
};

/**
 * Latin text in ASCII letters: German umlauts as their ASCII spelling
 * (`Spaziergänge` → `Spaziergaenge`, `Straße` → `Strasse`), ligatures spelled
 * out (`œuvre` → `oeuvre`), every other mark dropped (`prenotazioni` stays,
 * `réservation` → `reservation`, `đặt` → `dat`). The Spanish/French "ü" between
 * "g" and "e"/"i" (`pingüino`, `vergüenza`) only marks pronunciation and drops
 * like any other mark; German "gü" before a consonant stays `gue` (`Vergütung`).
 */
export function asciiLetters(text: string): string {
  return text
    .normalize('NFC')
    .replace(/([gG])([üÜ])(?=[eiéíEIÉÍ])/g, (_, g: string, u: string) => g + (u === 'ü' ? 'u' : 'U'))
    .replace(/[äöüÄÖÜßẞæÆœŒøØđĐłŁ]/g, (letter) => LETTER_SPELLINGS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * ASCII snake_case from any text; non-Latin letters are dropped, so the result may be empty.
 * A one-letter word inside a class name keeps its own part (`RequestARide` → `request_a_ride`,
 * `QRCode` → `qr_code`).
 */
export function snakeCase(text: string): string {
  return asciiLetters(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A valid Dart package name (`^[a-z][a-z0-9_]*$`, not a keyword or reserved name) from a job slug. */
export function dartPackageName(slug: string): string {
  let name = snakeCase(slug);
  if (!name) name = 'app';
  if (!/^[a-z]/.test(name)) name = `app_${name}`;
  if (DART_RESERVED.has(name) || RESERVED_PACKAGE_NAMES.has(name)) name = `${name}_app`;
  return name.slice(0, 64).replace(/_+$/, '');
}

/** A Dart identifier-safe snake_case id for a feature (`feature_<n>` when nothing Latin is left). */
export function featureId(feature: string, index: number): string {
  let id = snakeCase(feature);
  if (!id) id = `feature_${index + 1}`;
  if (!/^[a-z]/.test(id)) id = `f_${id}`;
  if (DART_RESERVED.has(id)) id = `${id}_feature`;
  return id.slice(0, 48).replace(/_+$/, '');
}

/** UpperCamelCase class-name stem for a feature id (`todo_list` → `TodoList`). */
export function featureClassName(id: string): string {
  return id
    .split('_')
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

export interface FeatureNames {
  /** The feature as the user asked for it. */
  label: string;
  /** snake_case folder / file stem, unique within the project. */
  id: string;
  /** UpperCamelCase class stem. */
  className: string;
  /** `lib/features/<id>/<id>_screen.dart` */
  screenPath: string;
  /** `test/features/<id>_screen_test.dart` */
  testPath: string;
}
