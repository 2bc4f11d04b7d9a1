import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../../config/config.types';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import { findFlutter, runStep, type StepResult } from '../runtime/flutter-runner';

export const RUNTIME_REPORT = 'docs/runtime_report.md';

const STEPS: { args: string[]; timeoutMs: number }[] = [
  { args: ['pub', 'get'], timeoutMs: 5 * 60_000 },
  { args: ['analyze', '--no-fatal-infos'], timeoutMs: 5 * 60_000 },
  { args: ['test'], timeoutMs: 10 * 60_000 },
];

/** `flutter pub get / analyze / test` when an SDK is available; skipped with the reason otherwise. */
@Injectable()
export class RuntimePhase implements PhaseHandler {
  readonly phase = 'runtime' as const;

  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const configured = this.config.get('workspace.flutterBin', { infer: true });
    const flutter = await findFlutter(configured);
    if (!flutter) {
      const reason = configured
        ? 'FLUTTER_BIN does not point to an executable Flutter SDK'
        : 'No Flutter SDK found (set FLUTTER_BIN or put flutter on PATH)';
      const outputs = await context.writeFiles([
        { path: RUNTIME_REPORT, content: `# Runtime report\n\nSkipped: ${reason}.\n` },
      ]);
      return { status: 'skipped', outputs, reason };
    }

    const results: StepResult[] = [];
    for (const step of STEPS) {
      await context.log('info', `Running flutter ${step.args.join(' ')}`);
      const result = await runStep(flutter, step.args, context.sourceDir, step.timeoutMs, context.signal);
      results.push(result);
      context.signal.throwIfAborted();
      if (result.exitCode !== 0) break;
    }
    // Tool output names absolute paths; the report is served to clients, so show them relative.
    const report = this.report(results)
      .split(context.sourceDir)
      .join('source')
      .replace(/(?<![\w.\-/])(?:\/[\w.@-]+){2,}/g, '<path>');
    const outputs = await context.writeFiles([{ path: RUNTIME_REPORT, content: report }]);
    const failed = results.find((r) => r.exitCode !== 0);
    if (!failed) return { status: 'passed', outputs };
    const why = failed.timedOut ? 'timed out' : `exited with code ${failed.exitCode ?? 'unknown'}`;
    return { status: 'failed', outputs, reason: `${failed.command} ${why}` };
  }

  private report(results: StepResult[]): string {
    const rows = results.map(
      (r) =>
        `| \`${r.command}\` | ${r.exitCode === 0 ? 'passed' : r.timedOut ? 'timed out' : `failed (${r.exitCode ?? 'no exit code'})`} | ${(r.durationMs / 1000).toFixed(1)} s |`,
    );
    const logs = results.map((r) => `## ${r.command}\n\n\`\`\`\n${r.output.trim()}\n\`\`\``);
    return ['# Runtime report', '', '| Step | Result | Duration |', '|---|---|---|', ...rows, '', ...logs, ''].join(
      '\n',
    );
  }
}
