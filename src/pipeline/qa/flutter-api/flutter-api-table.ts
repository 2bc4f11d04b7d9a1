import type { ParameterSpec } from '../dart-file-scan';
import rawTable from './flutter-api.json';

/**
 * The Flutter / pub API table (flutter-api.json, see README.md beside it):
 * per library URI the public names it exports, constructor signatures of its
 * classes and the removed or deprecated APIs with their replacements. Loaded
 * once per process.
 */

/** Constructor signature as stored: `"c 1+1 key child! *"` — see README.md. */
type RawConstructor = string;

interface RawLibrary {
  source: string;
  complete: boolean;
  exports?: string[];
  names: string;
  classes?: Record<string, Record<string, RawConstructor>>;
}

/** `[kind, replacement, note]`. */
type RawDeprecation = [string, string, string];

interface RawTable {
  version: number;
  flutter: string;
  dart: string;
  libraries: Record<string, RawLibrary>;
  deprecated: Record<string, RawDeprecation>;
}

export interface ApiConstructor {
  isConst: boolean;
  params: ParameterSpec;
  /** The named parameter list is not exhaustive (`*`): unknown names are not reported. */
  open: boolean;
}

export interface ApiLibrary {
  uri: string;
  /** Package (or SDK) version the entry was read from. */
  source: string;
  /** Every public name of the library is listed: an unlisted name is an error, not a gap. */
  complete: boolean;
  names: ReadonlySet<string>;
  /** Class → constructor name ('' for the unnamed one) → signature. */
  classes: ReadonlyMap<string, ReadonlyMap<string, ApiConstructor>>;
  exports: readonly string[];
}

export interface ApiDeprecation {
  kind: 'removed' | 'deprecated';
  /** What the table keys it by: `FlatButton`, `ThemeData(accentColor)`, `textTheme.headline6`. */
  api: string;
  replacement: string;
  note: string;
}

/** What one import makes visible: its own names and those it re-exports. */
export interface ApiScope {
  names: Set<string>;
  /** Libraries in the export closure (for constructor look-ups). */
  libraries: ApiLibrary[];
  /** Every library in the closure lists all its names. */
  complete: boolean;
}

function parseConstructor(spec: RawConstructor, where: string): ApiConstructor {
  const tokens = spec.split(/\s+/).filter(Boolean);
  const isConst = tokens[0] === 'c';
  if (isConst) tokens.shift();
  const counts = /^(\d+)(?:\+(\d+))?$/.exec(tokens.shift() ?? '');
  if (!counts) throw new Error(`flutter-api.json: ${where}: a constructor needs its positional count ("${spec}")`);
  const named = new Map<string, boolean>();
  let open = false;
  for (const token of tokens) {
    if (token === '*') open = true;
    else if (/^[a-zA-Z_$][\w$]*!?$/.test(token)) named.set(token.replace(/!$/, ''), token.endsWith('!'));
    else throw new Error(`flutter-api.json: ${where}: bad parameter "${token}"`);
  }
  return {
    isConst,
    open,
    params: { positional: Number(counts[1]), optionalPositional: Number(counts[2] ?? 0), named },
  };
}

function parseLibrary(uri: string, raw: RawLibrary): ApiLibrary {
  const classes = new Map<string, Map<string, ApiConstructor>>();
  for (const [name, ctors] of Object.entries(raw.classes ?? {})) {
    const parsed = new Map<string, ApiConstructor>();
    for (const [ctor, spec] of Object.entries(ctors))
      parsed.set(ctor, parseConstructor(spec, `${uri} ${name}.${ctor}`));
    classes.set(name, parsed);
  }
  return {
    uri,
    source: raw.source,
    complete: raw.complete,
    names: new Set(raw.names.split(' ').filter(Boolean)),
    classes,
    exports: raw.exports ?? [],
  };
}

export class FlutterApiTable {
  readonly flutterVersion: string;
  readonly dartVersion: string;
  readonly libraries: ReadonlyMap<string, ApiLibrary>;
  /** Removed or deprecated classes and top-level names. */
  readonly deprecatedNames = new Map<string, ApiDeprecation>();
  /** `Class` or `Class.ctor` → named parameter → deprecation. */
  readonly deprecatedParams = new Map<string, Map<string, ApiDeprecation>>();
  /** Member paths (`textTheme.headline6`, `Scaffold.of.showSnackBar`): consecutive names of a chain. */
  readonly deprecatedMembers: { path: string[]; deprecation: ApiDeprecation }[] = [];
  private readonly scopes = new Map<string, ApiScope>();

  constructor(raw: RawTable) {
    this.flutterVersion = raw.flutter;
    this.dartVersion = raw.dart;
    this.libraries = new Map(Object.entries(raw.libraries).map(([uri, lib]) => [uri, parseLibrary(uri, lib)]));
    for (const [api, [kind, replacement, note]] of Object.entries(raw.deprecated)) {
      if (kind !== 'removed' && kind !== 'deprecated')
        throw new Error(`flutter-api.json: ${api}: unknown kind ${kind}`);
      const deprecation: ApiDeprecation = { kind, api, replacement, note };
      const param = /^([\w.]+)\((\w+)\)$/.exec(api);
      if (param) {
        const byParam = this.deprecatedParams.get(param[1]) ?? new Map<string, ApiDeprecation>();
        byParam.set(param[2], deprecation);
        this.deprecatedParams.set(param[1], byParam);
      } else if (api.includes('.')) {
        this.deprecatedMembers.push({ path: api.split('.'), deprecation });
      } else {
        this.deprecatedNames.set(api, deprecation);
      }
    }
  }

  /** Whether the table has an entry for this import URI. */
  covers(uri: string): boolean {
    return this.libraries.has(uri);
  }

  /** Names visible through an import of `uri` (export closure), or undefined when the table does not cover it. */
  scopeOf(uri: string): ApiScope | undefined {
    const memo = this.scopes.get(uri);
    if (memo) return memo;
    if (!this.libraries.has(uri)) return undefined;
    const scope: ApiScope = { names: new Set(), libraries: [], complete: true };
    const seen = new Set<string>();
    const stack = [uri];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      const lib = this.libraries.get(current);
      if (!lib) {
        scope.complete = false;
        continue;
      }
      scope.libraries.push(lib);
      lib.names.forEach((name) => scope.names.add(name));
      // A re-exported library that lists only part of its names leaves the importer's scope incomplete
      // only for the importer itself; the Flutter umbrella libraries are complete on their own.
      if (!lib.complete && current === uri) scope.complete = false;
      stack.push(...lib.exports);
    }
    this.scopes.set(uri, scope);
    return scope;
  }
}

let loaded: FlutterApiTable | undefined;

/** The table, parsed on first use. */
export function flutterApiTable(): FlutterApiTable {
  loaded ??= new FlutterApiTable(rawTable as unknown as RawTable);
  return loaded;
}

/** Parses a table given as data (tests of malformed entries). */
export function parseFlutterApiTable(raw: unknown): FlutterApiTable {
  return new FlutterApiTable(raw as RawTable);
}
