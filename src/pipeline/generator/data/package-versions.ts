/**
 * The pub packages a generated app may depend on, with the versions the
 * templates are written against (checked against each package's public API at
 * that version). Templates take constraints from here, never inline.
 */
export const PACKAGE_VERSIONS = {
  shared_preferences: '^2.3.2',
  fl_chart: '^0.69.0',
  mobile_scanner: '^5.2.3',
  flutter_local_notifications: '^17.2.3',
  timezone: '^0.9.4',
  firebase_core: '^3.6.0',
  cloud_firestore: '^5.4.4',
  firebase_auth: '^5.3.1',
  firebase_messaging: '^15.1.3',
  supabase_flutter: '^2.8.0',
  http: '^1.2.2',
  graphql_flutter: '^5.2.0',
  flutter_map: '^7.0.2',
  latlong2: '^0.9.1',
  image_picker: '^1.1.2',
  // flutter_test pins 1.1.1 (Flutter 3.24); its fake time drives `clock.now()` in widget tests.
  clock: '^1.1.1',
  // flutter_localizations pins intl exactly, and the pin moves with the SDK (0.19.0 in Flutter 3.24, 0.20.2
  // from 3.32): any fixed range fails `flutter pub get` on one of them. `any` takes the SDK's pin, as the Flutter
  // internationalisation guide says; the templates use only DateFormat and NumberFormat constructors that both versions have.
  intl: 'any',
} as const satisfies Record<string, string>;

export type PackageName = keyof typeof PACKAGE_VERSIONS;

/** `{ name: constraint }` for the given packages. */
export function packages(...names: PackageName[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, PACKAGE_VERSIONS[name]]));
}

/** Flutter SDK floor the templates need (Material 3 widgets, `SearchBar`, `Switch.adaptive`, …). */
export const DART_SDK_CONSTRAINT = '>=3.4.0 <4.0.0';
