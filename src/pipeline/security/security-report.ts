import { markdownCell } from '../qa/qa-report';
import type { SecurityScanResult, SecuritySeverity } from './security.types';

function count(result: SecurityScanResult, severity: SecuritySeverity): number {
  return result.findings.filter((f) => f.severity === severity).length;
}

/** Markdown for docs/security_report.md (messages are already masked). */
export function renderSecurityReport(result: SecurityScanResult): string {
  const lines = ['# Security report', '', `Result: **${result.passed ? 'PASSED' : 'FAILED'}**`, ''];
  lines.push('## Summary', '', '| Check | Value |', '| --- | --- |');
  lines.push(`| Files scanned | ${result.files_scanned} |`);
  lines.push(`| Blockers | ${result.blockers} |`);
  lines.push(`| Warnings | ${count(result, 'warning')} |`);
  lines.push(`| Info | ${count(result, 'info')} |`, '');
  lines.push('## Findings', '');
  if (result.findings.length === 0) {
    lines.push('No findings.', '');
    return lines.join('\n');
  }
  lines.push('| Severity | Rule | File | Line | Message |', '| --- | --- | --- | --- | --- |');
  for (const f of result.findings) {
    lines.push(`| ${f.severity} | ${f.rule} | ${markdownCell(f.file)} | ${f.line} | ${markdownCell(f.message)} |`);
  }
  lines.push('');
  return lines.join('\n');
}
