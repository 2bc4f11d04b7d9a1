import { analyzeProject } from '../qa/qa-analyzer';
import { qaExpectationsOf } from '../qa/qa-expectations';
import { renderTestReport } from '../qa/qa-report';
import type { QaFinding, QaReport } from '../qa/qa.types';
import type { PhaseContext } from '../phase-handler';
import { findFlutter } from '../runtime/flutter-runner';

export const QA_SUMMARY = 'docs/qa_summary.json';
export const QA_REPORT = 'docs/test_report.md';

export interface QaSummary extends QaReport {
  /** 0 for the QA phase's own run, n for the n-th repair round. */
  attempt: number;
}

export interface RunQaOptions {
  /** `workspace.flutterBin` (FLUTTER_BIN); without it the first `flutter` on PATH is used, if any. */
  flutter?: string;
}

/**
 * Runs the analysis (static, plus `flutter analyze` / `flutter test` when an
 * SDK is found) and records it in docs/test_report.md and docs/qa_summary.json.
 */
export async function runQa(
  context: PhaseContext,
  attempt: number,
  options: RunQaOptions = {},
): Promise<{ summary: QaSummary; outputs: string[] }> {
  const flutter = await findFlutter(options.flutter);
  const flutterSkipReason = flutter
    ? undefined
    : options.flutter
      ? 'FLUTTER_BIN does not point to an executable Flutter SDK'
      : 'No Flutter SDK found (set FLUTTER_BIN or put flutter on PATH)';
  // Without an SDK the analysis is pure CPU (the app's plan, a parse of every Dart file): off the event loop.
  const report = flutter
    ? await analyzeProject(context.sourceDir, qaExpectationsOf(context.spec), { flutter, signal: context.signal })
    : await context.cpu.run(
        'analyzeProject',
        { projectDir: context.sourceDir, spec: context.spec, flutterSkipReason },
        context.signal,
      );
  const summary: QaSummary = { ...report, attempt };
  const outputs = await context.writeFiles([
    { path: QA_REPORT, content: renderTestReport(report, attempt) },
    { path: QA_SUMMARY, content: `${JSON.stringify(summary, null, 2)}\n` },
  ]);
  return { summary, outputs };
}

/** The last recorded QA result, or `undefined` when QA has not run. */
export async function readQaSummary(context: PhaseContext): Promise<QaSummary | undefined> {
  const raw = await context.readFile(QA_SUMMARY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as QaSummary;
  } catch {
    return undefined;
  }
}

/** A stable fingerprint of a set of findings, to notice a repair loop going round in circles. */
export function findingsKey(findings: readonly QaFinding[]): string {
  return findings
    .map((f) => `${f.rule}|${f.file}|${f.line ?? ''}`)
    .sort()
    .join('\n');
}

export function describeFindings(findings: readonly QaFinding[], max = 5): string {
  const shown = findings.slice(0, max).map((f) => `${f.file}${f.line ? `:${f.line}` : ''} ${f.rule}`);
  return findings.length > max ? `${shown.join('; ')}; … ${findings.length - max} more` : shown.join('; ');
}
