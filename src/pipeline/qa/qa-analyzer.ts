import { readFileSync } from 'node:fs';
import { letRequestsIn } from '../cpu-pool/let-requests-in';
import { scanDartFile, type FileScan } from './dart-file-scan';
import { analyzeDartSourceWith } from './dart-parser';
import { checkDartUri, type UriContext } from './dart-uri';
import { checkFeatures } from './feature-rules';
import { runFlutterChecks, type FlutterCheck } from './flutter-check';
import { listProjectFiles, projectFilePath } from './project-files';
import { ProjectIndex } from './project-symbols';
import { checkPubspec, type PubspecInfo } from './pubspec-check';
import type { QaFeatureExpectation, QaFinding, QaFlutterResult, QaReport } from './qa.types';
import { checkSymbols } from './symbol-rules';

interface DartCheck {
  findings: QaFinding[];
  dartFiles: string[];
  importsChecked: number;
  scans: Map<string, FileScan>;
}

/** Syntax and directive findings for one Dart file, plus its symbol scan (one parse). */
async function checkDartFile(projectDir: string, file: string, ctx: UriContext, out: DartCheck): Promise<void> {
  const source = readFileSync(projectFilePath(projectDir, file), 'utf8');
  const analysis = await analyzeDartSourceWith(source, scanDartFile);
  for (const { line, column, message } of analysis.errors) {
    out.findings.push({ rule: 'dart_syntax', file, line, message: `${message} (column ${column})` });
  }
  for (const { kind, uri, line } of analysis.directives) {
    const problem = checkDartUri(uri, ctx);
    if (problem) out.findings.push({ rule: problem.rule, file, line, message: `${kind}: ${problem.message}` });
  }
  out.importsChecked += analysis.directives.length;
  out.scans.set(file, analysis.scan);
}

async function checkDartFiles(
  projectDir: string,
  files: readonly string[],
  fileSet: ReadonlySet<string>,
  pubspec: PubspecInfo | null,
): Promise<DartCheck> {
  const dartFiles = files.filter((file) => file.endsWith('.dart'));
  const out: DartCheck = { findings: [], dartFiles, importsChecked: 0, scans: new Map() };
  // Sequential on purpose: the shared parser is synchronous, so parallel reads
  // would only hold more sources in memory at once.
  for (const file of dartFiles) {
    await letRequestsIn();
    await checkDartFile(projectDir, file, { importer: file, files: fileSet, pubspec }, out);
  }
  return out;
}

/** Code-unit comparison: locale-independent, so reports are byte-for-byte reproducible. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: QaFinding, b: QaFinding): number {
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

/** Analyzer findings on a line the static rules already flagged are the same problem told twice. */
function withoutDuplicates(flutter: FlutterCheck, staticFindings: readonly QaFinding[]): QaFinding[] {
  const flagged = new Set(staticFindings.filter((f) => f.line !== undefined).map((f) => `${f.file}:${f.line}`));
  return flutter.findings.filter((f) => !(f.rule.startsWith('analyzer_') && flagged.has(`${f.file}:${f.line}`)));
}

/**
 * With `flutter analyze` run, the analyzer is the authority: an API-table
 * finding on a line where it reported nothing is the table's mistake (a gap or
 * an outdated entry) and is dropped. Deprecations stay: the analyzer reports
 * them as infos, which QA does not count.
 */
function confirmedByAnalyzer(
  staticFindings: readonly QaFinding[],
  tableFindings: ReadonlySet<QaFinding>,
  flutter: FlutterCheck,
): QaFinding[] {
  const analyzed =
    flutter.result.analyze_issues !== undefined &&
    !flutter.result.reason?.includes('flutter analyze timed out') &&
    !flutter.findings.some((f) => f.rule === 'analyzer_failed');
  if (!analyzed) return [...staticFindings];
  const reported = new Set(flutter.findings.map((f) => `${f.file}:${f.line}`));
  return staticFindings.filter(
    (f) => !tableFindings.has(f) || f.rule === 'deprecated_api' || reported.has(`${f.file}:${f.line}`),
  );
}

export interface AnalyzeOptions {
  /** The Flutter executable: when set, QA also runs `flutter pub get`, `analyze` and `test`. */
  flutter?: string;
  /** Why no Flutter SDK is used; recorded as `flutter.reason` when `flutter` is unset. */
  flutterSkipReason?: string;
  /** Aborts the Flutter steps (cancel, timeout). */
  signal?: AbortSignal;
}

/**
 * Static analysis of a generated Flutter project: pubspec sanity, Dart syntax
 * (tree-sitter), resolution of every import/export/part URI, the project's own
 * symbols (imports, undefined names, constructor arguments, const contexts,
 * reserved words) and the feature contract (screen, test, reachability). With
 * a Flutter SDK, `flutter analyze` and `flutter test` findings are added.
 */
export async function analyzeProject(
  projectDir: string,
  expected: readonly QaFeatureExpectation[],
  options: AnalyzeOptions = {},
): Promise<QaReport> {
  const files = await listProjectFiles(projectDir);
  const fileSet = new Set(files);
  const pubspec = await checkPubspec(projectDir, fileSet);
  const dart = await checkDartFiles(projectDir, files, fileSet, pubspec.info);
  const index = new ProjectIndex(fileSet, dart.scans, pubspec.info);
  const symbols = checkSymbols(index, dart.dartFiles);
  const features = checkFeatures(expected, fileSet, index);
  let staticFindings = [...pubspec.findings, ...dart.findings, ...symbols.findings, ...features.findings];

  let flutter: QaFlutterResult | undefined;
  let flutterFindings: QaFinding[] = [];
  if (options.flutter) {
    const check = await runFlutterChecks(options.flutter, projectDir, options.signal ?? new AbortController().signal);
    flutter = check.result;
    flutterFindings = withoutDuplicates(check, staticFindings);
    staticFindings = confirmedByAnalyzer(staticFindings, symbols.tableFindings, check);
  } else if (options.flutterSkipReason) {
    flutter = { ran: false, reason: options.flutterSkipReason };
  }

  const findings = [...staticFindings, ...flutterFindings].sort(compareFindings);
  return {
    findings,
    files_checked: files.length,
    dart_files: dart.dartFiles.length,
    imports_checked: dart.importsChecked,
    features_checked: features.count,
    features_reachable: features.reachable,
    features_tested: features.tested,
    unverified_names: symbols.unverified,
    symbols_checked: symbols.checked,
    ...(flutter ? { flutter } : {}),
    passed: findings.length === 0,
  };
}
