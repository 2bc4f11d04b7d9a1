/**
 * The builtin "refactor agent": fixes QA findings by restoring files from the
 * deterministic generator, or — for files it does not own — by dropping the
 * import that QA could not resolve. Never writes outside `sourceDir`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AppSpec } from './app-spec';
import { findDartDirectives, localImportTarget, type DartDirectiveMatch } from './dart-directives';
import { APP_FILE_PATHS, generateFeatureFiles, generateFromPlan } from './flutter-project.generator';
import { singleLine } from './dart-string';
import type { AppPlan, PlannedFeature } from './plan/app-plan';
import { planApp } from './plan/plan-app';

/** Structural subset of QA's `QaFinding` (defined in the QA module). */
export interface RepairFinding {
  rule: string;
  /** Relative to `sourceDir`, posix separators; the expected path for missing files. */
  file: string;
  /** 1-based, when known. */
  line?: number;
  message: string;
}

export interface RepairResult {
  /** Relative paths that were written, sorted and unique. */
  changed: string[];
  /** One human-readable line per change (and per finding that could not be fixed). */
  notes: string[];
}

const PUBSPEC_RULES = new Set(['pubspec_missing', 'pubspec_invalid', 'pubspec_name']);
const FEATURE_RULES = new Set([
  'feature_missing_screen',
  'feature_missing_test',
  'feature_test_missing_screen',
  'feature_test_no_action',
]);
const IMPORT_RULES = new Set(['import_unresolved', 'package_undeclared', 'dart_library_unknown']);

class RepairSession {
  readonly changed = new Set<string>();
  readonly notes: string[] = [];
  private readonly generated: ReadonlyMap<string, string>;
  private readonly plan: AppPlan;
  private readonly packageName: string;

  constructor(
    private readonly root: string,
    spec: AppSpec,
  ) {
    this.plan = planApp(spec);
    this.generated = new Map(generateFromPlan(this.plan).map((file) => [file.path, file.content]));
    this.packageName = this.plan.packageName;
  }

  async apply(finding: RepairFinding): Promise<void> {
    const file = normalizeRelative(finding.file);
    if (file === null) {
      this.notes.push(`Skipped ${finding.rule}: "${finding.file}" is not a path inside the project`);
      return;
    }
    if (PUBSPEC_RULES.has(finding.rule)) {
      await this.restore(APP_FILE_PATHS.pubspec, finding.rule);
    } else if (finding.rule === 'feature_unreachable') {
      // Navigation lives in the app shell: restoring it routes to every planned screen again.
      await this.restore(APP_FILE_PATHS.app, finding.rule);
    } else if (FEATURE_RULES.has(finding.rule)) {
      await this.restoreFeature(file, finding.rule);
    } else if (this.generated.has(file)) {
      await this.restore(file, finding.rule);
    } else if (IMPORT_RULES.has(finding.rule)) {
      await this.removeImport(file, finding);
    } else {
      this.notes.push(`Skipped ${finding.rule} in ${file}: no automatic fix for a file the generator does not produce`);
    }
  }

  /** Writes the generated content of `file`, then any generated file it imports that is missing. */
  private async restore(file: string, rule: string, visited = new Set<string>()): Promise<void> {
    const content = this.generated.get(file);
    if (content === undefined || visited.has(file)) return;
    visited.add(file);
    if (await this.write(file, content)) this.notes.push(`Restored ${file} from the generator (${rule})`);
    for (const dependency of this.localImports(file, content)) {
      if (!(await this.exists(dependency))) await this.restore(dependency, `needed by ${file}`, visited);
    }
  }

  private localImports(file: string, content: string): string[] {
    return findDartDirectives(content)
      .flatMap((directive) => directive.uris)
      .map((uri) => localImportTarget(file, uri, this.packageName))
      .filter((target): target is string => target !== null && this.generated.has(target));
  }

  private async restoreFeature(file: string, rule: string): Promise<void> {
    const feature = this.plan.features.find((candidate) => ownsPath(candidate, file));
    if (!feature) {
      this.notes.push(`Skipped ${rule}: no requested feature matches ${file}`);
      return;
    }
    for (const generated of generateFeatureFiles(this.plan, feature)) {
      if (await this.write(generated.path, generated.content)) {
        this.notes.push(`Wrote ${generated.path} for feature "${feature.names.label}" (${rule})`);
      }
    }
  }

  private async removeImport(file: string, finding: RepairFinding): Promise<void> {
    const source = await this.read(file);
    if (source === null) {
      this.notes.push(`Skipped ${finding.rule}: ${file} does not exist`);
      return;
    }
    const targets = directivesToRemove(source, finding);
    if (targets.length === 0) {
      this.notes.push(`Skipped ${finding.rule} in ${file}: could not find the import named in the finding`);
      return;
    }
    let updated = source;
    // Back to front, so earlier offsets stay valid.
    for (const directive of [...targets].sort((a, b) => b.start - a.start)) {
      updated = updated.slice(0, directive.start) + updated.slice(directive.end);
    }
    if (await this.write(file, updated)) {
      const uris = targets.map((directive) => `"${directive.uris[0]}"`).join(', ');
      this.notes.push(`Removed ${targets[0].kind} ${uris} from ${file} (${finding.rule})`);
    }
  }

  /** Writes only when the content differs; returns whether the file changed. */
  private async write(file: string, content: string): Promise<boolean> {
    const target = await this.resolveInside(file);
    if ((await this.read(file)) === content) return false;
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content, 'utf8');
    this.changed.add(file);
    return true;
  }

  private async read(file: string): Promise<string | null> {
    try {
      return await fs.readFile(await this.resolveInside(file), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private async exists(file: string): Promise<boolean> {
    return (await this.read(file)) !== null;
  }

  /**
   * Absolute path of `file`, refusing anything that leaves the project — also
   * through a symlinked directory, by checking the nearest existing ancestor's real path.
   */
  private async resolveInside(file: string): Promise<string> {
    const target = path.resolve(this.root, file);
    if (!isInside(this.root, target)) throw new Error(`Refusing to touch ${file}: outside the project`);
    const realRoot = await fs.realpath(this.root);
    const realAncestor = await fs.realpath(await nearestExisting(path.dirname(target)));
    if (!isInside(realRoot, realAncestor))
      throw new Error(`Refusing to touch ${file}: a parent links outside the project`);
    return target;
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  for (;;) {
    try {
      await fs.stat(current);
      return current;
    } catch (error) {
      const parent = path.dirname(current);
      if (!isNotFound(error) || parent === current) throw error;
      current = parent;
    }
  }
}

/** Posix, root-relative, no `.`/`..` escapes; null when the path cannot name a project file. */
function normalizeRelative(file: string): string | null {
  const posix = path.posix.normalize(file.replace(/\\/g, '/').trim());
  if (posix === '.' || posix === '' || path.posix.isAbsolute(posix) || /^[a-zA-Z]:/.test(posix)) return null;
  if (posix === '..' || posix.startsWith('../')) return null;
  return posix.replace(/\/+$/, '');
}

/** A feature owns its screen/test paths and everything under `lib/features/<id>/`. */
function ownsPath(feature: PlannedFeature, file: string): boolean {
  const paths = feature.paths;
  return file === paths.screen || file === paths.test || file.startsWith(`${paths.dir}/`);
}

/** Quoted strings and bare `package:`/`dart:` URIs mentioned in a QA message. */
function mentionedUris(message: string): string[] {
  const quoted = [...message.matchAll(/"([^"]+)"|'([^']+)'/g)].map((match) => match[1] ?? match[2] ?? '');
  const bare = [...message.matchAll(/\b(?:package|dart):[\w./-]+/g)].map((match) => match[0]);
  return [...new Set([...quoted, ...bare])].filter(Boolean);
}

function uriMatches(directive: DartDirectiveMatch, mentions: readonly string[], rule: string): boolean {
  return directive.uris.some((uri) =>
    mentions.some(
      (mention) =>
        uri === mention ||
        // package_undeclared names the package: every import of it is broken.
        (rule === 'package_undeclared' && /^[a-z_][a-z0-9_]*$/.test(mention) && uri.startsWith(`package:${mention}/`)),
    ),
  );
}

/**
 * The directive(s) a finding points at: those naming the URI from the message,
 * narrowed to the finding's line when given; the line alone as a fallback.
 */
function directivesToRemove(source: string, finding: RepairFinding): DartDirectiveMatch[] {
  const directives = findDartDirectives(source);
  const byUri = directives.filter((directive) => uriMatches(directive, mentionedUris(finding.message), finding.rule));
  const line = finding.line;
  if (line === undefined) return byUri;
  const spansLine = (directive: DartDirectiveMatch): boolean =>
    directive.startLine <= line && line <= directive.endLine;
  const onLine = byUri.filter(spansLine);
  if (onLine.length > 0) return onLine;
  return byUri.length > 0 ? byUri : directives.filter(spansLine);
}

/**
 * Applies each finding in order and reports what changed. Findings about the
 * same file are idempotent: a restored file is not rewritten twice.
 */
export async function repairProject(
  sourceDir: string,
  spec: AppSpec,
  findings: readonly RepairFinding[],
): Promise<RepairResult> {
  const session = new RepairSession(path.resolve(sourceDir), spec);
  for (const finding of findings) {
    try {
      await session.apply(finding);
    } catch (error) {
      // One unfixable finding (e.g. a path escaping the project) must not stop the others.
      const reason = error instanceof Error ? error.message : String(error);
      session.notes.push(`Skipped ${finding.rule} in ${finding.file}: ${reason}`);
    }
  }
  const changed = [...session.changed].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Notes end up as Markdown bullets in the phase reports: one line each, whatever the labels or paths hold.
  return { changed, notes: session.notes.map(singleLine) };
}
