import * as path from 'node:path';
import type { ClassDeclaration, ConstructorCall, ConstructorDeclaration, FileScan } from './dart-file-scan';
import {
  COMMON_FLUTTER_NAMES,
  COMMON_PACKAGE_NAMES,
  DART_CORE_NAMES,
  DART_LIBRARY_NAMES,
  DART_RESERVED_WORDS,
} from './dart-names';
import { checkFlutterApi } from './flutter-api-rules';
import { flutterApiTable, type ApiLibrary } from './flutter-api/flutter-api-table';
import type { Declaration, FileScope, ProjectIndex } from './project-symbols';
import type { QaFinding } from './qa.types';

/**
 * What `dart analyze` would say about the project's own symbols, without an
 * SDK: names used but not imported or not declared at all, calls of the
 * project's constructors with missing or unknown arguments, non-constant
 * values in const contexts and reserved words used as names.
 */

export interface SymbolCheck {
  findings: QaFinding[];
  /** Distinct capitalised names (per file) QA cannot verify: the file imports a package it has no table for. */
  unverified: number;
  /** Distinct names per file resolved plus project constructor calls checked. */
  checked: number;
  /** The findings that rest on the API table alone (a real analyzer may overrule them). */
  tableFindings: Set<QaFinding>;
}

/** Visibility facts of one file, computed once. */
interface FileContext {
  file: string;
  scan: FileScan;
  scope: FileScope;
  /** Every capitalised name the file can see is known: only own code and tabled SDK libraries are imported. */
  verifiable: boolean;
  /** Capitalised names of the tabled SDK libraries and API-table libraries the file imports. */
  sdkNames: Set<string>;
  /** Names of the API-table libraries the file imports (shared sets, not copied per file). */
  apiNames: ReadonlySet<string>[];
  /** API-table libraries visible in the file (export closures of its imports). */
  apiLibraries: ApiLibrary[];
  /** Table-covered imports, for messages. */
  apiUris: string[];
  importsFlutter: boolean;
  /** Imports a package other than Flutter's (whose exports QA does not know). */
  importsOtherPackage: boolean;
}

function fileContext(index: ProjectIndex, file: string, scan: FileScan): FileContext {
  const scope = index.scopeOf(file);
  const sdkNames = new Set<string>();
  const apiLibraries: ApiLibrary[] = [];
  const apiNames: ReadonlySet<string>[] = [];
  const apiUris: string[] = [];
  let verifiable = !scope.incomplete && index.packageName !== undefined;
  let importsFlutter = false;
  let importsOtherPackage = false;
  const table = flutterApiTable();
  for (const uri of scope.externals) {
    const library = uri.startsWith('dart:') ? DART_LIBRARY_NAMES[uri.slice('dart:'.length)] : undefined;
    const api = library ? undefined : table.scopeOf(uri);
    if (library) library.forEach((name) => sdkNames.add(name));
    else if (api) {
      apiNames.push(api.names);
      apiLibraries.push(...api.libraries);
      apiUris.push(uri);
      // A package the table lists only in part: names it does not list stay unverified.
      if (!api.complete) verifiable = false;
    } else verifiable = false;
    if (uri.startsWith('package:flutter/') || uri.startsWith('package:flutter_test/')) importsFlutter = true;
    else if (uri.startsWith('package:')) importsOtherPackage = true;
  }
  return {
    file,
    scan,
    scope,
    verifiable,
    sdkNames,
    apiNames,
    apiLibraries,
    apiUris,
    importsFlutter,
    importsOtherPackage,
  };
}

/** The import a file should add to see `decl` (relative inside lib/, `package:` from outside). */
function suggestedImport(file: string, decl: Declaration, packageName: string | undefined): string {
  const target = decl.library;
  if (target.startsWith('lib/') && !file.startsWith('lib/') && packageName) {
    return `package:${packageName}/${target.slice('lib/'.length)}`;
  }
  return path.posix.relative(path.posix.dirname(file), target);
}

function preferred(decls: readonly Declaration[]): Declaration {
  return decls.find((d) => d.library.startsWith('lib/')) ?? decls[0];
}

/** A private name can only come from the file's own library, so it is always verifiable. */
function checkPrivateName(ctx: FileContext, index: ProjectIndex, name: string, line: number, out: SymbolCheck): void {
  if (index.maybeDeclaredInBrokenFile(name)) return;
  // A part no library includes: its library's declarations are unknown.
  const orphanPart = index.libraryOf(ctx.file) === ctx.file && ctx.scan.directives.some((d) => d.kind === 'part_of');
  if (orphanPart) {
    out.unverified++;
    return;
  }
  out.checked++;
  out.findings.push({
    rule: 'undefined_name',
    file: ctx.file,
    line,
    message: `Undefined name ${name}: private names must be declared in the same library, and ${ctx.file} (with its parts) declares none`,
  });
}

function checkNames(ctx: FileContext, index: ProjectIndex, out: SymbolCheck): void {
  for (const { name, line } of ctx.scan.references) {
    if (ctx.scope.names.has(name)) {
      out.checked++;
      continue;
    }
    // Type parameters, locals, members: declared in the file itself.
    if (ctx.scan.declaredNames.has(name)) continue;
    if (name.startsWith('_')) {
      checkPrivateName(ctx, index, name, line, out);
      continue;
    }
    if (DART_CORE_NAMES.has(name) || ctx.sdkNames.has(name) || ctx.apiNames.some((names) => names.has(name))) {
      out.checked++;
      continue;
    }
    // A removed Flutter API: the API-table rules report it with its replacement.
    if (ctx.importsFlutter && flutterApiTable().deprecatedNames.has(name)) {
      out.checked++;
      continue;
    }
    const declared = index.declarationsNamed(name);
    // An import that does not resolve (already a finding) may be the one meant to bring the name in.
    if (declared.length > 0 && ctx.scope.incomplete) {
      out.unverified++;
      continue;
    }
    if (declared.length > 0) {
      // The file may mean Flutter's (or a package's) own class of the same name.
      if (
        (ctx.importsFlutter && COMMON_FLUTTER_NAMES.has(name)) ||
        (ctx.importsOtherPackage && COMMON_PACKAGE_NAMES.has(name))
      ) {
        out.unverified++;
        continue;
      }
      out.checked++;
      const decl = preferred(declared);
      const uri = suggestedImport(ctx.file, decl, index.packageName);
      out.findings.push({
        rule: 'name_not_imported',
        file: ctx.file,
        line,
        message: `${name} is declared in ${decl.file} (${decl.kind}), which ${ctx.file} does not import; add import '${uri}';`,
      });
      continue;
    }
    if (index.maybeDeclaredInBrokenFile(name)) continue;
    if (!ctx.verifiable) {
      out.unverified++;
      continue;
    }
    out.checked++;
    const fromTable = ctx.apiUris.length > 0;
    const tabled = fromTable
      ? `, and neither ${ctx.apiUris.join(' nor ')} exports it (API table of Flutter ${flutterApiTable().flutterVersion} and the pinned packages)`
      : `, and ${ctx.file} imports no package that could declare it`;
    out.findings.push({
      rule: 'undefined_name',
      file: ctx.file,
      line,
      message: `Undefined name ${name}: it is declared nowhere in the project, it is not a dart:core name${tabled}`,
    });
    if (fromTable) out.tableFindings.add(out.findings[out.findings.length - 1]);
  }
}

/** The project class a call in this file refers to, when exactly one is visible. */
function visibleClass(ctx: FileContext, index: ProjectIndex, name: string): ClassDeclaration | undefined {
  if (ctx.scan.declaredNames.has(name) && !ctx.scope.names.has(name)) return undefined;
  const decls = (ctx.scope.names.get(name) ?? []).filter((d) => d.kind === 'class');
  if (decls.length !== 1 || (ctx.scope.names.get(name) ?? []).length !== 1) return undefined;
  return index.classDeclaration(decls[0]);
}

function callee(call: ConstructorCall): string {
  return `${call.className}${call.constructorName ? `.${call.constructorName}` : ''}(…)`;
}

function externalSuperclass(index: ProjectIndex, ctx: FileContext, cls: ClassDeclaration): boolean {
  if (!cls.superclass) return false;
  return !(ctx.scope.names.get(cls.superclass) ?? index.declarationsNamed(cls.superclass)).some(
    (d) => d.kind === 'class',
  );
}

function checkArguments(
  ctx: FileContext,
  call: ConstructorCall,
  cls: ClassDeclaration,
  ctor: ConstructorDeclaration,
  acceptsKey: boolean,
  out: QaFinding[],
): void {
  const where = `declared at ${cls.name}${ctor.name ? `.${ctor.name}` : ''} line ${ctor.line}`;
  const { params } = ctor;
  const missing = [...params.named].filter(([name, required]) => required && !call.named.includes(name));
  if (missing.length > 0) {
    const names = missing.map(([name]) => name).join(', ');
    out.push({
      rule: 'missing_required_argument',
      file: ctx.file,
      line: call.line,
      message: `${callee(call)} is missing the required named argument(s): ${names} (${where})`,
    });
  }
  if (call.positional < params.positional) {
    out.push({
      rule: 'missing_required_argument',
      file: ctx.file,
      line: call.line,
      message: `${callee(call)} needs ${params.positional} positional argument(s) but gets ${call.positional} (${where})`,
    });
  }
  const maxPositional = params.positional + params.optionalPositional;
  if (call.positional > maxPositional) {
    out.push({
      rule: 'extra_positional_arguments',
      file: ctx.file,
      line: call.line,
      message: `${callee(call)} takes at most ${maxPositional} positional argument(s) but gets ${call.positional} (${where})`,
    });
  }
  const known = [...params.named.keys()];
  for (const name of call.named) {
    if (params.named.has(name) || (name === 'key' && acceptsKey)) continue;
    const accepted = known.length ? `it accepts: ${known.join(', ')}` : 'it has no named parameters';
    out.push({
      rule: 'unknown_named_argument',
      file: ctx.file,
      line: call.line,
      message: `${callee(call)} has no named parameter "${name}"; ${accepted} (${where})`,
    });
  }
}

function constructorFor(cls: ClassDeclaration, name: string): ConstructorDeclaration | undefined {
  if (cls.constructors.length === 0 && name === '') {
    return {
      name: '',
      line: cls.line,
      isConst: false,
      params: { positional: 0, optionalPositional: 0, named: new Map() },
    };
  }
  return cls.constructors.find((c) => c.name === name);
}

function checkCalls(ctx: FileContext, index: ProjectIndex, out: SymbolCheck): void {
  for (const call of ctx.scan.calls) {
    const cls = visibleClass(ctx, index, call.className);
    if (!cls || !cls.constructorsKnown) continue;
    const ctor = constructorFor(cls, call.constructorName);
    if (!ctor) {
      // `Foo.bar(…)` without a constructor `bar` is a static method call: fine, unless it must be constant.
      if (call.isConst && call.constructorName) {
        out.findings.push({
          rule: 'const_with_non_constant',
          file: ctx.file,
          line: call.line,
          message: `${callee(call)} is used in a const context but ${cls.name} has no constructor "${call.constructorName}" (a method call is never constant)`,
        });
      }
      continue;
    }
    out.checked++;
    checkArguments(ctx, call, cls, ctor, externalSuperclass(index, ctx, cls), out.findings);
    if (call.isConst && !ctor.isConst) {
      const which =
        cls.constructors.length === 0 ? `${cls.name} declares no const constructor` : 'that constructor is not const';
      out.findings.push({
        rule: 'const_with_non_constant',
        file: ctx.file,
        line: call.line,
        message: `${callee(call)} is used in a const context but ${which}; remove the const or make the constructor const`,
      });
    }
  }
}

function checkConstProblems(ctx: FileContext, out: SymbolCheck): void {
  for (const { line, message } of ctx.scan.constProblems) {
    out.findings.push({ rule: 'const_with_non_constant', file: ctx.file, line, message });
  }
}

function checkReserved(ctx: FileContext, out: SymbolCheck): void {
  const seen = new Set<string>();
  for (const { name, kind, line } of ctx.scan.reserved) {
    const key = `${line}:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what = DART_RESERVED_WORDS.has(name) ? 'a reserved word' : 'a built-in identifier';
    out.findings.push({
      rule: 'reserved_identifier',
      file: ctx.file,
      line,
      message: `"${name}" is ${what} in Dart and cannot be used as a ${kind} name; rename it (for example "${name}Value" or a descriptive name)`,
    });
  }
}

/** Runs the symbol rules over every scanned Dart file. */
export function checkSymbols(index: ProjectIndex, files: readonly string[]): SymbolCheck {
  const out: SymbolCheck = { findings: [], unverified: 0, checked: 0, tableFindings: new Set() };
  for (const file of files) {
    const scan = index.scanOf(file);
    if (!scan) continue;
    const ctx = fileContext(index, file, scan);
    checkReserved(ctx, out);
    checkNames(ctx, index, out);
    checkCalls(ctx, index, out);
    checkConstProblems(ctx, out);
    const api = checkFlutterApi(
      {
        file,
        scan,
        projectNames: new Set(ctx.scope.names.keys()),
        apiLibraries: ctx.apiLibraries,
        importsFlutter: ctx.importsFlutter && ctx.apiUris.some((uri) => uri.startsWith('package:flutter/')),
      },
      flutterApiTable(),
    );
    out.findings.push(...api.findings);
    api.findings.forEach((finding) => out.tableFindings.add(finding));
    out.checked += api.checked;
  }
  return out;
}
