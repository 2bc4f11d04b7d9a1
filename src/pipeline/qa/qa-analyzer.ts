import { promises as fs } from 'node:fs';
import { featureNames } from '../generator/naming';
import { analyzeDartSource } from './dart-parser';
import { checkDartUri, type UriContext } from './dart-uri';
import { listProjectFiles, projectFilePath } from './project-files';
import { checkPubspec, type PubspecInfo } from './pubspec-check';
import type { QaFinding, QaReport } from './qa.types';

interface DartCheck {
  findings: QaFinding[];
  dartFiles: number;
  importsChecked: number;
}

/** Syntax and directive findings for one Dart file; returns the number of URIs checked. */
async function checkDartFile(
  projectDir: string,
  file: string,
  ctx: UriContext,
  findings: QaFinding[],
): Promise<number> {
  const source = await fs.readFile(projectFilePath(projectDir, file), 'utf8');
  const analysis = await analyzeDartSource(source);
  for (const { line, column, message } of analysis.errors) {
    findings.push({ rule: 'dart_syntax', file, line, message: `${message} (column ${column})` });
  }
  for (const { kind, uri, line } of analysis.directives) {
    const problem = checkDartUri(uri, ctx);
    if (problem) findings.push({ rule: problem.rule, file, line, message: `${kind}: ${problem.message}` });
  }
  return analysis.directives.length;
}

async function checkDartFiles(
  projectDir: string,
  files: readonly string[],
  fileSet: ReadonlySet<string>,
  pubspec: PubspecInfo | null,
): Promise<DartCheck> {
  const dartFiles = files.filter((file) => file.endsWith('.dart'));
  const findings: QaFinding[] = [];
  let importsChecked = 0;
  // Sequential on purpose: the shared parser is synchronous, so parallel reads
  // would only hold more sources in memory at once.
  for (const file of dartFiles) {
    const ctx: UriContext = { importer: file, files: fileSet, pubspec };
    importsChecked += await checkDartFile(projectDir, file, ctx, findings);
  }
  return { findings, dartFiles: dartFiles.length, importsChecked };
}

interface FeatureCheck {
  findings: QaFinding[];
  count: number;
}

/** Uses the generator's naming rules, so QA expects exactly the paths the generator writes. */
function checkFeatures(features: readonly string[], fileSet: ReadonlySet<string>): FeatureCheck {
  const findings: QaFinding[] = [];
  const names = featureNames(features);
  for (const { label, screenPath, testPath } of names) {
    if (!fileSet.has(screenPath)) {
      const message = `Feature "${label}" has no screen file`;
      findings.push({ rule: 'feature_missing_screen', file: screenPath, message });
    }
    if (!fileSet.has(testPath)) {
      const message = `Feature "${label}" has no widget test`;
      findings.push({ rule: 'feature_missing_test', file: testPath, message });
    }
  }
  return { findings, count: names.length };
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

/**
 * Static analysis of a generated Flutter project: pubspec sanity, Dart syntax
 * (tree-sitter), resolution of every import/export/part URI, and presence of
 * each requested feature's screen and test.
 */
export async function analyzeProject(projectDir: string, features: readonly string[]): Promise<QaReport> {
  const files = await listProjectFiles(projectDir);
  const fileSet = new Set(files);
  const pubspec = await checkPubspec(projectDir, fileSet);
  const dart = await checkDartFiles(projectDir, files, fileSet, pubspec.info);
  const featureCheck = checkFeatures(features, fileSet);
  const findings = [...pubspec.findings, ...dart.findings, ...featureCheck.findings].sort(compareFindings);
  return {
    findings,
    files_checked: files.length,
    dart_files: dart.dartFiles,
    imports_checked: dart.importsChecked,
    features_checked: featureCheck.count,
    passed: findings.length === 0,
  };
}
