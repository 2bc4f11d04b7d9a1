import { Injectable } from '@nestjs/common';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import { describeFindings, runQa } from './qa-results';

/**
 * Static analysis of the generated project. Its gate is that the analysis
 * ran and was recorded; findings are handed to refactor/repair, whose gate
 * fails the job if they cannot be fixed.
 */
@Injectable()
export class QaPhase implements PhaseHandler {
  readonly phase = 'qa' as const;

  async run(context: PhaseContext): Promise<PhaseResult> {
    const { summary, outputs } = await runQa(context, 0);
    const { findings } = summary;
    if (findings.length) {
      await context.log(
        'warn',
        `QA found ${findings.length} issue(s), handed to refactor: ${describeFindings(findings)}`,
      );
    } else {
      await context.log(
        'info',
        `QA passed: ${summary.dart_files} Dart files parse, ${summary.imports_checked} imports resolve, ${summary.features_checked} features have a screen and a test`,
      );
    }
    return { status: 'passed', outputs };
  }
}
