import { Injectable } from '@nestjs/common';
import { repairProject } from '../generator/repair';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import { readQaSummary } from './qa-results';

export const REFACTOR_REPORT = 'docs/refactor_report.md';

/** Fixes the files QA flagged (one round; the repair phase loops). */
@Injectable()
export class RefactorPhase implements PhaseHandler {
  readonly phase = 'refactor' as const;

  async run(context: PhaseContext): Promise<PhaseResult> {
    const qa = await readQaSummary(context);
    if (!qa) return { status: 'failed', outputs: [], reason: 'No QA result to act on (docs/qa_summary.json is missing)' };
    if (!qa.findings.length) return { status: 'skipped', outputs: [], reason: 'QA found no issues' };

    const { changed, notes } = await repairProject(context.sourceDir, context.spec, qa.findings);
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
    if (!changed.length) return { status: 'failed', outputs, reason: 'None of the QA findings could be fixed' };
    await context.log('info', `Refactor changed ${changed.length} file(s): ${changed.join(', ')}`);
    return { status: 'passed', outputs: [...outputs, ...changed.map((file) => `source/${file}`)] };
  }
}
