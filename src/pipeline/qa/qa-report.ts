import { flutterApiTable } from './flutter-api/flutter-api-table';
import type { QaReport } from './qa.types';

/** Keeps user-influenced text from breaking the markdown table. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function flutterCell(report: QaReport): string {
  const flutter = report.flutter;
  if (!flutter) return 'not run';
  if (!flutter.ran) return `not run: ${markdownCell(flutter.reason ?? 'no Flutter SDK')}`;
  const parts = [];
  if (flutter.analyze_issues !== undefined) parts.push(`analyze: ${flutter.analyze_issues} error(s)/warning(s)`);
  if (flutter.tests_passed !== undefined) parts.push(`tests ${flutter.tests_passed ? 'passed' : 'failed'}`);
  if (flutter.reason) parts.push(markdownCell(flutter.reason));
  return parts.join('; ') || 'ran';
}

function summaryTable(report: QaReport): string[] {
  return [
    '| Check | Value |',
    '| --- | --- |',
    `| Files checked | ${report.files_checked} |`,
    `| Dart files parsed | ${report.dart_files} |`,
    `| Imports / exports / parts resolved | ${report.imports_checked} |`,
    `| Symbols checked (names, constructor calls) | ${report.symbols_checked} |`,
    `| Names not verified (from libraries the API table does not cover) | ${report.unverified_names} |`,
    `| Features checked | ${report.features_checked} |`,
    `| Features reachable from lib/main.dart | ${report.features_reachable} |`,
    `| Features tested (test uses the screen and interacts) | ${report.features_tested} |`,
    `| Flutter SDK (pub get, analyze, test) | ${flutterCell(report)} |`,
    `| Findings | ${report.findings.length} |`,
  ];
}

/** Which checks ran, and what was not done without a Flutter SDK. */
function scopeLines(report: QaReport): string[] {
  const lines = [
    "Static analysis: Dart syntax (tree-sitter), import resolution, pubspec, the project's own symbols " +
      '(imports, undefined names, constructor arguments, const contexts, reserved words) and the feature ' +
      'contract (screen, widget test, reachability from lib/main.dart, test interaction).',
    '',
    `Flutter API table (Flutter ${flutterApiTable().flutterVersion} and the package versions the generator pins): ` +
      'names the imported libraries export, constructor arguments (required, unknown, positional, const) and ' +
      'removed or deprecated APIs with their replacements.',
  ];
  if (report.flutter?.ran) {
    lines.push('', 'Flutter SDK: `flutter pub get`, `flutter analyze` and `flutter test` ran in the project.');
  } else {
    const why = report.flutter?.reason ? ` (${report.flutter.reason})` : '';
    lines.push(
      '',
      `Without a Flutter SDK${why} the code was not compiled: names from libraries the API table does not cover are not verified, types and null safety are not checked, and no test was run.`,
    );
  }
  return lines;
}

function findingsTable(report: QaReport): string[] {
  if (report.findings.length === 0) return ['No findings.'];
  return [
    '| Rule | File | Line | Message |',
    '| --- | --- | --- | --- |',
    ...report.findings.map(
      (f) => `| ${f.rule} | ${markdownCell(f.file)} | ${f.line ?? ''} | ${markdownCell(f.message)} |`,
    ),
  ];
}

/** Markdown for docs/test_report.md. */
export function renderTestReport(report: QaReport, attempt?: number): string {
  const lines = ['# Test report', ''];
  if (attempt !== undefined) lines.push(`Attempt: ${attempt}`, '');
  lines.push(`Result: **${report.passed ? 'PASSED' : 'FAILED'}**`, '');
  lines.push(...scopeLines(report), '');
  lines.push('## Summary', '', ...summaryTable(report), '');
  lines.push('## Findings', '', ...findingsTable(report), '');
  return lines.join('\n');
}
