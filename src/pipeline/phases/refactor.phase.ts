import { Injectable } from '@nestjs/common';
import { AgentWriter } from '../agent-writer.service';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import { fixFindings } from './fix-findings';
import { readQaSummary } from './qa-results';

export const REFACTOR_REPORT = 'docs/refactor_report.md';

/** Fixes the files QA flagged (one round; the repair phase loops). */
@Injectable()
export class RefactorPhase implements PhaseHandler {
  readonly phase = 'refactor' as const;

  constructor(private readonly writer: AgentWriter) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const qa = await readQaSummary(context);
    if (!qa)
      return { status: 'failed', outputs: [], reason: 'No QA result to act on (docs/qa_summary.json is missing)' };
    if (!qa.findings.length) return { status: 'skipped', outputs: [], reason: 'QA found no issues' };

    const { changed, notes } = await fixFindings(context, qa.findings, this.writer);
    const report = [
      '# Refactor report',
      '',
      `QA findings addressed: ${qa.findings.length}`,
      '',
      '## Changes',
      '',
      ...(notes.length ? notes.map((note) => `- ${note}`) : ['- No file could be changed automatically.']),
      '',
    ].join('\n');
    const outputs = await context.writeFiles([{ path: REFACTOR_REPORT, content: report }]);
    // Nothing fixable automatically: the repair loop re-checks and escalates to a person.
    if (!changed.length)
      return {
        status: 'skipped',
        outputs,
        reason: 'None of the QA findings could be fixed automatically; the repair loop decides',
      };
    await context.log('info', `Refactor changed ${changed.length} file(s): ${changed.join(', ')}`);
    return { status: 'passed', outputs: [...outputs, ...changed.map((file) => `source/${file}`)] };
  }
}
