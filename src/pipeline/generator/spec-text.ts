import type { AppSpec } from './app-spec';
import { singleLine } from './dart-string';
import { dartPackageName } from './naming';
import type { AppLocale } from './plan/app-language';
import { fill, uiText } from './ui-text';

/** Platform folders `flutter create` knows, in the order it lists them. */
export const FLUTTER_PLATFORMS = ['android', 'ios', 'web', 'macos', 'windows', 'linux'] as const;

/** Used when the spec asks for no (known) platform: the usual mobile pair. */
const DEFAULT_PLATFORMS = ['android', 'ios'];

/** The app's display name on one line; falls back to the slug so titles are never empty. */
export function appDisplayName(spec: AppSpec): string {
  return singleLine(spec.name) || singleLine(spec.slug) || 'Flutter App';
}

/** The description as given (may span lines), or a neutral sentence in the app's language when empty. */
export function appDescription(spec: AppSpec, locale: AppLocale): string {
  const text = spec.description.trim();
  return text || fill(uiText({ locale }).appStandIn, { app: appDisplayName(spec) });
}

/**
 * Known platforms only, deduplicated and in canonical order: the list ends up in a
 * shell command in the README, so free text must never pass through.
 */
export function targetPlatforms(spec: AppSpec): string[] {
  const requested = new Set(spec.platforms.map((platform) => platform.trim().toLowerCase()));
  const known = FLUTTER_PLATFORMS.filter((platform) => requested.has(platform));
  return known.length > 0 ? known : DEFAULT_PLATFORMS;
}

export function packageName(spec: AppSpec): string {
  return dartPackageName(spec.slug);
}
