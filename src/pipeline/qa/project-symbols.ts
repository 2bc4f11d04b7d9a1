import type { ClassDeclaration, DeclarationKind, FileScan, LibraryDirective } from './dart-file-scan';
import { resolveDartUri, type ResolvedDartUri } from './dart-uri';
import type { PubspecInfo } from './pubspec-check';

/**
 * The project's own libraries and what each file can see: top-level
 * declarations per library (a library is a file plus its `part`s), the names
 * it exports (following `export` directives, with show/hide) and, per file,
 * the names its imports bring into scope.
 */

export interface Declaration {
  name: string;
  kind: DeclarationKind;
  /** The file that declares it (a part file for declarations in parts). */
  file: string;
  /** The library the declaration belongs to (what an import must name). */
  library: string;
  line: number;
}

/** Names visible in a file and what QA cannot see through. */
export interface FileScope {
  /** Unprefixed names visible in the file, own library included. */
  names: Map<string, Declaration[]>;
  /** URIs of other libraries (SDK, packages) whose names are visible unprefixed, `dart:core` excluded. */
  externals: Set<string>;
  /** An import or re-export that does not resolve: the scope is incomplete. */
  incomplete: boolean;
}

interface Exports {
  names: Map<string, Declaration[]>;
  externals: Set<string>;
  incomplete: boolean;
}

function addName(map: Map<string, Declaration[]>, decl: Declaration): void {
  const list = map.get(decl.name);
  if (!list) map.set(decl.name, [decl]);
  else if (!list.some((d) => d.file === decl.file && d.line === decl.line)) list.push(decl);
}

function filtered(names: Map<string, Declaration[]>, directive: LibraryDirective): Map<string, Declaration[]> {
  if (!directive.show && !directive.hide) return names;
  const show = directive.show ? new Set(directive.show) : undefined;
  const hide = new Set(directive.hide ?? []);
  const result = new Map<string, Declaration[]>();
  for (const [name, decls] of names) {
    if ((show && !show.has(name)) || hide.has(name)) continue;
    result.set(name, decls);
  }
  return result;
}

function isPrivate(name: string): boolean {
  return name.startsWith('_');
}

export class ProjectIndex {
  /** part file → the library file that includes it. */
  private readonly partOwner = new Map<string, string>();
  private readonly exportsMemo = new Map<string, Exports>();
  private readonly inProgress = new Set<string>();
  /** Times an export cycle was cut short; results computed across a cut are not memoised. */
  private cycleCuts = 0;
  private readonly declarationsByName = new Map<string, Declaration[]>();
  private readonly brokenTypeNames = new Set<string>();

  constructor(
    /** Every project file (root-relative posix). */
    private readonly files: ReadonlySet<string>,
    /** Scans of the project's Dart files. */
    private readonly scans: ReadonlyMap<string, FileScan>,
    private readonly pubspec: PubspecInfo | null,
  ) {
    const claims = new Map<string, string[]>();
    for (const [file, scan] of scans) {
      for (const directive of scan.directives) {
        if (directive.kind !== 'part') continue;
        const target = this.resolve(file, directive.uris[0]);
        if (target.kind === 'project') claims.set(target.path, [...(claims.get(target.path) ?? []), file]);
      }
    }
    for (const [part, owners] of claims) {
      // The library the part names in its `part of` wins when several include it.
      const partOf = scans.get(part)?.directives.find((d) => d.kind === 'part_of');
      const named = partOf ? this.resolve(part, partOf.uris[0]) : undefined;
      const owner = named?.kind === 'project' && owners.includes(named.path) ? named.path : owners[0];
      this.partOwner.set(part, owner);
    }
    for (const [file, scan] of scans) {
      scan.brokenTypeNames.forEach((name) => this.brokenTypeNames.add(name));
      if (this.isPart(file) && !this.partOwner.has(file)) continue; // orphan part: belongs to no library
      const library = this.libraryOf(file);
      for (const decl of scan.declarations) {
        if (!isPrivate(decl.name)) addName(this.declarationsByName, { ...decl, file, library });
      }
    }
  }

  get packageName(): string | undefined {
    return this.pubspec?.name;
  }

  scanOf(file: string): FileScan | undefined {
    return this.scans.get(file);
  }

  resolve(importer: string, uri: string | undefined): ResolvedDartUri {
    if (uri === undefined) return { kind: 'unresolved' };
    // Without a usable pubspec an own `package:` import cannot be told from another package's.
    if (!this.pubspec && uri.startsWith('package:')) return { kind: 'unresolved' };
    return resolveDartUri(uri, { importer, files: this.files, pubspec: this.pubspec });
  }

  private isPart(file: string): boolean {
    return this.scans.get(file)?.directives.some((d) => d.kind === 'part_of') ?? false;
  }

  /** The library file a file belongs to (itself unless it is a part). */
  libraryOf(file: string): string {
    return this.partOwner.get(file) ?? file;
  }

  /** The library file and its parts. */
  private unitsOf(library: string): string[] {
    const parts = [...this.partOwner].filter(([, owner]) => owner === library).map(([part]) => part);
    return [library, ...parts];
  }

  /** Top-level declarations of a library, private ones included. */
  private ownDeclarations(library: string): Map<string, Declaration[]> {
    const names = new Map<string, Declaration[]>();
    for (const unit of this.unitsOf(library)) {
      for (const decl of this.scans.get(unit)?.declarations ?? []) addName(names, { ...decl, file: unit, library });
    }
    return names;
  }

  /** Public names a library exports: its own and those of its `export` directives. */
  private exportsOf(library: string): Exports {
    const memo = this.exportsMemo.get(library);
    if (memo) return memo;
    const result: Exports = { names: new Map(), externals: new Set(), incomplete: false };
    // An export cycle contributes nothing new on the way round.
    if (this.inProgress.has(library)) {
      this.cycleCuts++;
      return result;
    }
    const cutsBefore = this.cycleCuts;
    this.inProgress.add(library);
    for (const decls of this.ownDeclarations(library).values()) {
      for (const decl of decls) if (!isPrivate(decl.name)) addName(result.names, decl);
    }
    for (const directive of this.scans.get(library)?.directives ?? []) {
      if (directive.kind !== 'export') continue;
      this.merge(result, library, directive);
    }
    this.inProgress.delete(library);
    if (this.cycleCuts === cutsBefore) this.exportsMemo.set(library, result);
    return result;
  }

  /** Adds what one import/export directive makes visible. */
  private merge(into: Exports, file: string, directive: LibraryDirective): void {
    const uri = directive.uris[0];
    const target = this.resolve(file, uri);
    if (target.kind === 'unresolved') {
      into.incomplete = true;
    } else if (target.kind === 'project') {
      const exported = this.exportsOf(this.libraryOf(target.path));
      for (const decls of filtered(exported.names, directive).values()) decls.forEach((d) => addName(into.names, d));
      exported.externals.forEach((u) => into.externals.add(u));
      into.incomplete ||= exported.incomplete;
    } else if (uri !== 'dart:core') {
      into.externals.add(uri);
    }
  }

  /** What a file sees unprefixed: its library's declarations and its (unprefixed) imports. */
  scopeOf(file: string): FileScope {
    const library = this.libraryOf(file);
    const scope: Exports = { names: this.ownDeclarations(library), externals: new Set(), incomplete: false };
    for (const directive of this.scans.get(library)?.directives ?? []) {
      if (directive.kind !== 'import' || directive.prefix) continue;
      this.merge(scope, library, directive);
    }
    // A part whose library is unknown cannot be resolved.
    if (this.isPart(file) && !this.partOwner.has(file)) scope.incomplete = true;
    return scope;
  }

  /** Public top-level declarations of `name` anywhere in the project. */
  declarationsNamed(name: string): Declaration[] {
    return this.declarationsByName.get(name) ?? [];
  }

  /** True when a file with syntax errors seems to declare a type of this name. */
  maybeDeclaredInBrokenFile(name: string): boolean {
    return this.brokenTypeNames.has(name);
  }

  classDeclaration(decl: Declaration): ClassDeclaration | undefined {
    return this.scans.get(decl.file)?.classes.find((c) => c.name === decl.name && c.line === decl.line);
  }

  /** Project files reachable from `file` through import, export and part directives (every conditional URI). */
  closure(file: string): Set<string> {
    const seen = new Set<string>();
    const stack = [file];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (seen.has(current) || !this.scans.has(current)) continue;
      seen.add(current);
      for (const directive of this.scans.get(current)?.directives ?? []) {
        if (directive.kind === 'part_of') continue;
        for (const uri of directive.uris) {
          const target = this.resolve(current, uri);
          if (target.kind === 'project' && !seen.has(target.path)) stack.push(target.path);
        }
      }
    }
    return seen;
  }
}
