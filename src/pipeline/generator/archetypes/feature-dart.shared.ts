/**
 * Small helpers shared by the archetype templates: import directives and paths
 * between generated files, and the feature's label in prose.
 */
import * as path from 'node:path';
import { dartString, markdownCell } from '../dart-string';
import type { FeatureContext } from './archetype';

/** A root-relative `lib/…` path without its `lib/` (as after `package:<app>/`). */
export function libRelative(rootPath: string): string {
  return rootPath.slice('lib/'.length);
}

/** Relative import from a file in `lib/features/<id>/` to a root-relative `lib/…` path. */
export function fromFeatureDir(rootPath: string): string {
  if (!rootPath.startsWith('lib/')) throw new Error(`${rootPath} is not under lib/`);
  return `../../${libRelative(rootPath)}`;
}

/**
 * Root-relative paths of a feature's controller, its other files (`suffixes`:
 * `<id>_<suffix>.dart` in the feature folder) and its test fakes.
 */
export function featurePaths<K extends string>(
  ctx: FeatureContext,
  suffixes: Record<K, string>,
): Record<K | 'controller' | 'fakes', string> {
  const { dir } = ctx.feature.paths;
  const { id } = ctx.feature.names;
  const files = Object.fromEntries(
    Object.entries<string>(suffixes).map(([key, suffix]) => [key, `${dir}/${id}_${suffix}.dart`]),
  ) as Record<K, string>;
  return { controller: `${dir}/${id}_controller.dart`, ...files, fakes: `test/support/${id}_fakes.dart` };
}

/** The last segment of a root-relative path (imports between files of one feature folder). */
export function fileNameOf(rootPath: string): string {
  return rootPath.slice(rootPath.lastIndexOf('/') + 1);
}

/** Relative import from one file under `test/` to another (test support files are not in the package). */
export function relativeTestImport(fromFile: string, toFile: string): string {
  return path.posix.relative(path.posix.dirname(fromFile), toFile);
}

/** The feature's label on one line, safe in Markdown and plain prose. */
export function featureLabel(ctx: FeatureContext): string {
  return markdownCell(ctx.feature.names.label);
}

/**
 * Import directives in the usual Dart order: `dart:` first, then `package:`,
 * then relative ones, each group sorted and separated by a blank line.
 */
export function dartImports(uris: readonly string[]): string {
  const unique = [...new Set(uris)];
  const groups = [
    unique.filter((uri) => uri.startsWith('dart:')),
    unique.filter((uri) => uri.startsWith('package:')),
    unique.filter((uri) => !uri.startsWith('dart:') && !uri.startsWith('package:')),
  ];
  return groups
    .filter((group) => group.length > 0)
    .map((group) =>
      [...group]
        .sort()
        .map((uri) => `import '${uri}';`)
        .join('\n'),
    )
    .join('\n\n');
}

/**
 * `_notify` and `dispose` ending a ChangeNotifier controller (with a `_disposed`
 * flag) whose async work may finish after its screen is gone.
 */
export const SAFE_NOTIFY_DART = `  void _notify() {
    if (!_disposed) notifyListeners();
  }

  @override
  void dispose() {
    _disposed = true;
    super.dispose();
  }
}`;

/**
 * A single-quoted Dart string: `text` (escaped) followed by Dart interpolation
 * source, e.g. `dartStringThen('Could not load: ', '$error')`.
 */
export function dartStringThen(text: string, interpolation: string): string {
  return `${dartString(text).slice(0, -1)}${interpolation}'`;
}
