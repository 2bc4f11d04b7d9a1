import * as path from 'node:path';

/** Libraries importable as `dart:<name>` (VM, web and Flutter engine). */
export const DART_SDK_LIBRARIES: ReadonlySet<string> = new Set([
  'async',
  'collection',
  'convert',
  'core',
  'developer',
  'ffi',
  'html',
  'indexed_db',
  'io',
  'isolate',
  'js',
  'js_interop',
  'js_interop_unsafe',
  'js_util',
  'math',
  'mirrors',
  'svg',
  'typed_data',
  'ui',
  'ui_web',
  'web_audio',
  'web_gl',
  'web_sql',
]);

export interface UriContext {
  /** Root-relative posix path of the file containing the directive. */
  importer: string;
  /** Every project file (root-relative posix). */
  files: ReadonlySet<string>;
  /** Own package name and declared dependencies; null when the pubspec is unusable. */
  pubspec: { name: string; declared: ReadonlySet<string> } | null;
}

export interface UriProblem {
  rule: 'import_unresolved' | 'package_undeclared' | 'dart_library_unknown';
  message: string;
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

function decode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** A normalised posix path that stays inside its base, or null when it climbs out. */
function containedPath(joined: string): string | null {
  const normalized = path.posix.normalize(joined);
  if (normalized === '..' || normalized.startsWith('../') || path.posix.isAbsolute(normalized)) return null;
  return normalized;
}

function unresolved(uri: string, why: string): UriProblem {
  return { rule: 'import_unresolved', message: `Cannot resolve "${uri}": ${why}` };
}

function checkDartLibrary(uri: string): UriProblem | null {
  const library = uri.slice('dart:'.length);
  if (DART_SDK_LIBRARIES.has(library)) return null;
  return { rule: 'dart_library_unknown', message: `Unknown Dart SDK library "${uri}"` };
}

function checkPackageUri(uri: string, ctx: UriContext): UriProblem | null {
  const rest = decode(uri.slice('package:'.length));
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return unresolved(uri, 'malformed package URI');
  // Without a usable pubspec the pubspec finding already fails QA; guessing here would only add noise.
  if (!ctx.pubspec) return null;
  const pkg = rest.slice(0, slash);
  if (pkg === ctx.pubspec.name) {
    const target = containedPath(`lib/${rest.slice(slash + 1)}`);
    if (target === null || !target.startsWith('lib/')) return unresolved(uri, 'path leaves lib/');
    return ctx.files.has(target) ? null : unresolved(uri, `${target} does not exist`);
  }
  if (ctx.pubspec.declared.has(pkg)) return null;
  return {
    rule: 'package_undeclared',
    message: `Package "${pkg}" (from "${uri}") is not declared in pubspec.yaml dependencies or dev_dependencies`,
  };
}

function checkRelativeUri(uri: string, ctx: UriContext): UriProblem | null {
  const decoded = decode(uri);
  if (decoded === '' || decoded.startsWith('/')) return unresolved(uri, 'not a relative path');
  const target = containedPath(path.posix.join(path.posix.dirname(ctx.importer), decoded));
  if (target === null) return unresolved(uri, 'path leaves the project');
  return ctx.files.has(target) ? null : unresolved(uri, `${target} does not exist`);
}

/** Checks one directive URI; null when it resolves. */
export function checkDartUri(uri: string, ctx: UriContext): UriProblem | null {
  if (uri.startsWith('dart:')) return checkDartLibrary(uri);
  if (uri.startsWith('package:')) return checkPackageUri(uri, ctx);
  if (SCHEME.test(uri)) return unresolved(uri, 'unsupported URI scheme');
  return checkRelativeUri(uri, ctx);
}

/** Where a directive URI points: a project file, an SDK library, another package, or nowhere. */
export type ResolvedDartUri =
  | { kind: 'project'; path: string }
  | { kind: 'dart'; library: string }
  | { kind: 'package'; name: string }
  | { kind: 'unresolved' };

/**
 * Resolves a URI the way {@link checkDartUri} checks it. Without a usable
 * pubspec every `package:` URI counts as another package.
 */
export function resolveDartUri(uri: string, ctx: UriContext): ResolvedDartUri {
  if (uri.startsWith('dart:')) return { kind: 'dart', library: uri.slice('dart:'.length) };
  if (uri.startsWith('package:')) {
    const rest = decode(uri.slice('package:'.length));
    const slash = rest.indexOf('/');
    if (slash <= 0) return { kind: 'unresolved' };
    const name = rest.slice(0, slash);
    if (!ctx.pubspec || name !== ctx.pubspec.name) return { kind: 'package', name };
    const target = containedPath(`lib/${rest.slice(slash + 1)}`);
    return target !== null && target.startsWith('lib/') && ctx.files.has(target)
      ? { kind: 'project', path: target }
      : { kind: 'unresolved' };
  }
  if (SCHEME.test(uri)) return { kind: 'unresolved' };
  const decoded = decode(uri);
  if (decoded === '' || decoded.startsWith('/')) return { kind: 'unresolved' };
  const target = containedPath(path.posix.join(path.posix.dirname(ctx.importer), decoded));
  return target !== null && ctx.files.has(target) ? { kind: 'project', path: target } : { kind: 'unresolved' };
}
