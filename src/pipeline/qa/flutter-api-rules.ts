import type { ConstructorCall, FileScan } from './dart-file-scan';
import type { ApiConstructor, ApiDeprecation, ApiLibrary, FlutterApiTable } from './flutter-api/flutter-api-table';
import type { QaFinding } from './qa.types';

/**
 * Rules over the Flutter / pub API table (flutter-api/flutter-api.json):
 * removed or deprecated APIs with their replacement, and calls of the
 * libraries' constructors with a missing required argument, an unknown named
 * argument, too many or too few positional arguments, or `const` before a
 * constructor that is not const. Names the project declares are left to the
 * project-symbol rules (symbol-rules.ts), which these complement.
 */

/** What the rules need to know about one file. */
export interface ApiFileContext {
  file: string;
  scan: FileScan;
  /** Unprefixed names the project makes visible in the file (own library and imports). */
  projectNames: ReadonlySet<string>;
  /** Table libraries the file's imports make visible (export closures), nearest first. */
  apiLibraries: readonly ApiLibrary[];
  /** The file imports a Flutter library the table covers. */
  importsFlutter: boolean;
}

export interface ApiRuleResult {
  findings: QaFinding[];
  /** Constructor calls checked against the table. */
  checked: number;
}

function callee(call: ConstructorCall): string {
  return `${call.className}${call.constructorName ? `.${call.constructorName}` : ''}(…)`;
}

function ownName(ctx: ApiFileContext, name: string): boolean {
  return ctx.projectNames.has(name) || ctx.scan.declaredNames.has(name);
}

function deprecationRule(deprecation: ApiDeprecation): string {
  return deprecation.kind === 'removed' ? 'removed_api' : 'deprecated_api';
}

function deprecationMessage(what: string, deprecation: ApiDeprecation, table: FlutterApiTable): string {
  const state =
    deprecation.kind === 'removed'
      ? `does not exist in Flutter ${table.flutterVersion}`
      : `is deprecated in Flutter ${table.flutterVersion}`;
  return `${what} ${state} (${deprecation.note}); use ${deprecation.replacement} instead`;
}

/** Edit distance, for "did you mean" hints on unknown named arguments. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length];
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function lookupClass(
  libraries: readonly ApiLibrary[],
  name: string,
): { library: ApiLibrary; ctors: ReadonlyMap<string, ApiConstructor> } | undefined {
  for (const library of libraries) {
    const ctors = library.classes.get(name);
    if (ctors) return { library, ctors };
  }
  return undefined;
}

function checkDeprecatedNames(ctx: ApiFileContext, table: FlutterApiTable, out: ApiRuleResult): void {
  if (!ctx.importsFlutter) return;
  for (const { name, line } of ctx.scan.references) {
    const deprecation = table.deprecatedNames.get(name);
    if (!deprecation || ownName(ctx, name)) continue;
    out.findings.push({
      rule: deprecationRule(deprecation),
      file: ctx.file,
      line,
      message: deprecationMessage(name, deprecation, table),
    });
  }
}

function containsRun(path: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= path.length; i++) {
    for (let k = 0; k < run.length; k++) if (path[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

function checkDeprecatedMembers(ctx: ApiFileContext, table: FlutterApiTable, out: ApiRuleResult): void {
  if (!ctx.importsFlutter) return;
  const seen = new Set<string>();
  for (const { path, line } of ctx.scan.memberPaths) {
    for (const { path: run, deprecation } of table.deprecatedMembers) {
      // A capitalised head must be the library's class, not a project class of the same name.
      if (/^[A-Z]/.test(run[0]) && ownName(ctx, run[0])) continue;
      if (!containsRun(path, run)) continue;
      const key = `${line}:${deprecation.api}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.findings.push({
        rule: deprecationRule(deprecation),
        file: ctx.file,
        line,
        message: deprecationMessage(`${path.join('.')}`, deprecation, table),
      });
    }
  }
}

function checkCall(
  ctx: ApiFileContext,
  table: FlutterApiTable,
  call: ConstructorCall,
  library: ApiLibrary,
  ctor: ApiConstructor,
  out: ApiRuleResult,
): void {
  // `flutter 3.24.5 (packages/flutter/lib, …)` → `API table: flutter 3.24.5`.
  const where = `API table: ${library.source.split(' (')[0]}`;
  const push = (rule: string, message: string) =>
    out.findings.push({ rule, file: ctx.file, line: call.line, message: `${message} (${where})` });
  const deprecatedParams = new Map([
    ...(table.deprecatedParams.get(call.className) ?? []),
    ...(table.deprecatedParams.get(`${call.className}.${call.constructorName}`) ?? []),
  ]);
  const { params } = ctor;
  const missing = [...params.named].filter(([name, required]) => required && !call.named.includes(name));
  if (missing.length > 0) {
    push(
      'missing_required_argument',
      `${callee(call)} is missing the required named argument(s): ${missing.map(([name]) => name).join(', ')}`,
    );
  }
  if (call.positional < params.positional) {
    push(
      'missing_required_argument',
      `${callee(call)} needs ${params.positional} positional argument(s) but gets ${call.positional}`,
    );
  }
  const maxPositional = params.positional + params.optionalPositional;
  if (call.positional > maxPositional) {
    push(
      'extra_positional_arguments',
      `${callee(call)} takes at most ${maxPositional} positional argument(s) but gets ${call.positional}`,
    );
  }
  const known = [...params.named.keys()];
  for (const name of call.named) {
    const deprecation = deprecatedParams.get(name);
    if (deprecation) {
      out.findings.push({
        rule: deprecationRule(deprecation),
        file: ctx.file,
        line: call.line,
        message: deprecationMessage(`The argument ${name}: of ${callee(call)}`, deprecation, table),
      });
      continue;
    }
    if (params.named.has(name) || ctor.open) continue;
    const hint = closest(name, known);
    const accepted = known.length ? `it accepts: ${known.join(', ')}` : 'it has no named parameters';
    push(
      'unknown_named_argument',
      `${callee(call)} has no named parameter "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; ${accepted}`,
    );
  }
  if (call.isConst && !ctor.isConst) {
    push(
      'const_with_non_constant',
      `${callee(call)} is used in a const context but that constructor is not const; remove the const`,
    );
  }
}

function checkCalls(ctx: ApiFileContext, table: FlutterApiTable, out: ApiRuleResult): void {
  for (const call of ctx.scan.calls) {
    if (ownName(ctx, call.className)) continue;
    const found = lookupClass(ctx.apiLibraries, call.className);
    if (!found) continue;
    // `Foo.bar(…)` without a constructor `bar` is a static method (`Theme.of`); in a const context
    // the const-context rule of the project-symbol checks reports it.
    const ctor = found.ctors.get(call.constructorName);
    if (!ctor) continue;
    out.checked++;
    checkCall(ctx, table, call, found.library, ctor, out);
  }
}

/** Runs the API-table rules over one file. */
export function checkFlutterApi(ctx: ApiFileContext, table: FlutterApiTable): ApiRuleResult {
  const out: ApiRuleResult = { findings: [], checked: 0 };
  checkDeprecatedNames(ctx, table, out);
  checkDeprecatedMembers(ctx, table, out);
  checkCalls(ctx, table, out);
  return out;
}
