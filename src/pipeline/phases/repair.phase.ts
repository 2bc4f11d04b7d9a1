import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../../config/config.types';
import { AgentWriter } from '../agent-writer.service';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import type { QaFinding } from '../qa/qa.types';
import { ExperiencesService } from '../../hitl/experiences.service';
import { SettingsService } from '../../system/settings/settings.service';
import { fixFindings } from './fix-findings';
import { describeFindings, findingsKey, readQaSummary, runQa } from './qa-results';

export const REPAIR_HISTORY = 'docs/repair_history.md';

interface Round {
  attempt: number;
  findings: number;
  detail: string;
  changed: string[];
}

/**
 * The QA → refactor loop: re-checks after the refactor and repairs again
 * until QA is clean, `max_repair_attempts` is used up, or the same findings
 * come back (no progress).
 */
@Injectable()
export class RepairPhase implements PhaseHandler {
  readonly phase = 'repair' as const;

  constructor(
    private readonly settings: SettingsService,
    private readonly writer: AgentWriter,
    private readonly experiences: ExperiencesService,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const initial = await readQaSummary(context);
    if (initial && initial.attempt === 0 && !initial.findings.length) {
      return { status: 'skipped', outputs: [], reason: 'QA found no issues' };
    }
    const maxAttempts = await this.settings.getNumber('max_repair_attempts');
    const rounds: Round[] = [];
    const outputs = new Set<string>();
    if (initial?.findings.length) {
      // Round 0: what QA found first and what the refactor phase changed for it.
      const refactor = context.phases.find((p) => p.phase === 'refactor');
      const changed = (refactor?.outputs ?? [])
        .filter((o) => o.startsWith('source/'))
        .map((o) => o.slice('source/'.length));
      rounds.push({
        attempt: 0,
        findings: initial.findings.length,
        detail: describeFindings(initial.findings, 20),
        changed,
      });
    }
    // Every finding set a fix already set out to remove: seeing one again means no progress (also A → B → A).
    const tried = new Set<string>(initial ? [findingsKey(initial.findings)] : []);

    for (let attempt = 1; ; attempt++) {
      context.signal.throwIfAborted();
      const flutter = this.config.get('workspace.flutterBin', { infer: true });
      const { summary, outputs: qaOutputs } = await runQa(context, attempt, { flutter });
      qaOutputs.forEach((o) => outputs.add(o));
      const round: Round = {
        attempt,
        findings: summary.findings.length,
        detail: describeFindings(summary.findings),
        changed: [],
      };
      rounds.push(round);
      if (!summary.findings.length) {
        await context.log('info', `QA is clean after ${attempt} check(s)`);
        if (initial?.findings.length) await this.fileLesson(context, initial.findings, rounds);
        return this.finish(context, rounds, outputs, { status: 'passed', outputs: [] });
      }
      const key = findingsKey(summary.findings);
      // Compared with the findings the last fix (refactor's, then our own) set out to remove.
      const stuck = tried.has(key);
      if (stuck || attempt > maxAttempts) {
        const reason = stuck
          ? `Repair made no progress: the same ${summary.findings.length} finding(s) came back (${round.detail})`
          : `${summary.findings.length} QA finding(s) remain after ${maxAttempts} repair attempt(s): ${round.detail}`;
        return this.finish(context, rounds, outputs, {
          status: 'failed',
          outputs: [],
          reason,
          escalation: { kind: 'qa_findings', action: 'continue with the remaining QA findings', reason },
        });
      }
      tried.add(key);
      const { changed } = await fixFindings(context, summary.findings, this.writer);
      round.changed = changed;
      changed.forEach((file) => outputs.add(`source/${file}`));
      await context.log(
        'info',
        `Repair round ${attempt}: ${summary.findings.length} finding(s), changed ${changed.length} file(s)`,
      );
    }
  }

  /** A repair that made QA clean becomes a pending lesson for the team. */
  private async fileLesson(context: PhaseContext, findings: QaFinding[], rounds: Round[]): Promise<void> {
    const changed = new Set(rounds.flatMap((r) => r.changed));
    const experience = await this.experiences.fileFromRepair({
      jobSlug: context.job.slug,
      teamId: context.job.team_id,
      agent: 'refactor_agent',
      findings,
      changed: [...changed].sort(),
    });
    await context.log('info', `Filed lesson ${experience.id} for approval`);
  }

  private async finish(
    context: PhaseContext,
    rounds: Round[],
    outputs: Set<string>,
    result: PhaseResult,
  ): Promise<PhaseResult> {
    const lines = [
      '# Repair history',
      '',
      'Check 0 is the QA phase and the refactor phase; each later check is a QA run of this loop.',
      '',
      '| Check | Findings | Files changed | Details |',
      '|---|---|---|---|',
      ...rounds.map(
        (r) =>
          `| ${r.attempt} | ${r.findings} | ${r.changed.length ? r.changed.join(', ') : '—'} | ${r.detail.replace(/\|/g, '\\|') || '—'} |`,
      ),
      '',
      `Outcome: ${result.status === 'passed' ? 'QA clean' : result.reason}`,
      '',
    ];
    const written = await context.writeFiles([{ path: REPAIR_HISTORY, content: lines.join('\n') }]);
    return { ...result, outputs: [...written, ...outputs] };
  }
}
