import type { QaReport } from './qa.types';

/** Keeps user-influenced text from breaking the markdown table. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function summaryTable(report: QaReport): string[] {
  return [
    '| Check | Value |',
    '| --- | --- |',
    `| Files checked | ${report.files_checked} |`,
    `| Dart files parsed | ${report.dart_files} |`,
    `| Imports / exports / parts resolved | ${report.imports_checked} |`,
    `| Features checked | ${report.features_checked} |`,
    `| Findings | ${report.findings.length} |`,
  ];
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
  lines.push('Static analysis: Dart syntax (tree-sitter), import resolution, pubspec and feature coverage.', '');
  lines.push('## Summary', '', ...summaryTable(report), '');
  lines.push('## Findings', '', ...findingsTable(report), '');
  return lines.join('\n');
}
