import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../../config/config.types';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import { describeFindings, runQa } from './qa-results';

/**
 * Static analysis of the generated project (plus `flutter analyze` and
 * `flutter test` when a Flutter SDK is available). Its gate is that the
 * analysis ran and was recorded; findings are handed to refactor/repair,
 * whose gate fails the job if they cannot be fixed.
 */
@Injectable()
export class QaPhase implements PhaseHandler {
  readonly phase = 'qa' as const;

  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const flutter = this.config.get('workspace.flutterBin', { infer: true });
    const { summary, outputs } = await runQa(context, 0, { flutter });
    const { findings } = summary;
    if (findings.length) {
      await context.log(
        'warn',
        `QA found ${findings.length} issue(s), handed to refactor: ${describeFindings(findings)}`,
      );
    } else {
      const sdk = summary.flutter?.ran
        ? 'flutter analyze and flutter test are clean'
        : 'no Flutter SDK, so the code was not compiled';
      await context.log(
        'info',
        `QA passed: ${summary.dart_files} Dart files parse, ${summary.imports_checked} imports resolve, ${summary.symbols_checked} symbols check out, ${summary.features_reachable}/${summary.features_checked} features reachable and ${summary.features_tested} tested; ${sdk}`,
      );
    }
    return { status: 'passed', outputs };
  }
}
