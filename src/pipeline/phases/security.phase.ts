import { Injectable } from '@nestjs/common';
import { renderSecurityReport } from '../security/security-scanner';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';

export const SECURITY_JSON = 'docs/security.json';

/** Scans the generated project; any blocker fails the phase. */
@Injectable()
export class SecurityPhase implements PhaseHandler {
  readonly phase = 'security' as const;

  async run(context: PhaseContext): Promise<PhaseResult> {
    const result = await context.cpu.run('scanProject', { projectDir: context.sourceDir }, context.signal);
    const outputs = await context.writeFiles([
      { path: 'docs/security_report.md', content: renderSecurityReport(result) },
      { path: SECURITY_JSON, content: `${JSON.stringify(result, null, 2)}\n` },
    ]);
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    await context.log(
      result.passed ? 'info' : 'error',
      `Security scan of ${result.files_scanned} files: ${result.blockers} blocker(s), ${warnings} warning(s)`,
    );
    if (result.passed) return { status: 'passed', outputs };
    const first = result.findings.find((f) => f.severity === 'blocker')!;
    const reason = `${result.blockers} security blocker(s), e.g. ${first.rule} in ${first.file}:${first.line}`;
    return {
      status: 'failed',
      outputs,
      reason,
      escalation: { kind: 'security_blockers', action: 'export anyway', reason },
    };
  }
}
