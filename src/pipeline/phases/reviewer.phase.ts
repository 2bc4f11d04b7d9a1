import { Injectable } from '@nestjs/common';
import { exactFiles } from '../../llm/file-reply';
import { AgentWriter } from '../agent-writer.service';
import { PHASE_AGENTS, PHASE_NAMES } from '../phase-names';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import type { SecurityScanResult } from '../security/security.types';
import { readQaSummary } from './qa-results';
import { SECURITY_JSON } from './security.phase';

export const FINAL_REVIEW = 'docs/final_review.md';

interface Gate {
  name: string;
  ok: boolean;
  note: string;
}

/** Verdict, score and gate table over everything the earlier phases recorded. */
@Injectable()
export class ReviewerPhase implements PhaseHandler {
  readonly phase = 'reviewer' as const;

  constructor(private readonly writer: AgentWriter) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const gates = await this.gates(context);
    const passed = gates.filter((g) => g.ok).length;
    const score = Math.round((passed / gates.length) * 100);
    const approved = gates.every((g) => g.ok);
    const table = [
      '| Gate | Result | Note |',
      '|---|---|---|',
      ...gates.map((g) => `| ${g.name} | ${g.ok ? '✅ pass' : '❌ fail'} | ${g.note.replace(/\|/g, '\\|')} |`),
    ].join('\n');
    const verdict = approved ? 'APPROVED' : 'CHANGES REQUESTED';
    const lines = ['# Final review', '', `**Verdict:** ${verdict}`, `**Score:** ${score}/100`, '', table, ''];
    if (context.usesLlm) lines.push('## Reviewer notes', '', await this.notes(context, table, verdict, score), '');
    const outputs = await context.writeFiles([{ path: FINAL_REVIEW, content: lines.join('\n') }]);
    if (approved) return { status: 'passed', outputs };
    return {
      status: 'failed',
      outputs,
      reason: `Review failed: ${gates
        .filter((g) => !g.ok)
        .map((g) => g.name)
        .join(', ')}`,
    };
  }

  /** The reviewer agent's narrative; verdict, score and gates stay computed, so they cannot be talked up. */
  private async notes(context: PhaseContext, table: string, verdict: string, score: number): Promise<string> {
    const { files } = await this.writer.generate(context, {
      task: `Write the reviewer notes for ${FINAL_REVIEW}: strengths, risks and the first things a developer should do. The verdict is ${verdict} with score ${score}/100; do not contradict the gate table.`,
      policy: exactFiles([FINAL_REVIEW]),
      contextDocs: ['docs/app_brief.md', 'docs/architecture.md', 'docs/test_report.md', 'docs/security_report.md'],
      extra: [{ title: 'Gate table', body: table }],
      write: false,
    });
    return files[0].content.replace(/^#.*$/gm, '').trim();
  }

  private async gates(context: PhaseContext): Promise<Gate[]> {
    const byName = new Map(context.phases.map((p) => [p.phase, p]));
    const reviewed = PHASE_NAMES.slice(0, PHASE_NAMES.indexOf('reviewer'));
    const gates: Gate[] = reviewed.map((name) => {
      const record = byName.get(name);
      const status = record?.status ?? 'pending';
      const ok = status === 'passed' || status === 'skipped';
      return { name: `${name} (${PHASE_AGENTS[name]})`, ok, note: status };
    });

    // A skipped repair or security phase with open findings was accepted by a person at a checkpoint.
    const acceptedBy = (phase: string) => {
      const record = byName.get(phase);
      return record?.status === 'skipped' && record.error?.startsWith('Accepted') ? record.error : undefined;
    };
    const qa = await readQaSummary(context);
    const qaAccepted = acceptedBy('repair');
    gates.push({
      name: 'QA findings',
      ok: !!qa && (qa.findings.length === 0 || !!qaAccepted),
      note: qa
        ? `${qa.findings.length} open finding(s) in ${qa.dart_files} Dart files${qa.findings.length && qaAccepted ? ` (${qaAccepted})` : ''}`
        : 'QA result missing',
    });

    const securityRaw = await context.readFile(SECURITY_JSON);
    const security = securityRaw ? (JSON.parse(securityRaw) as SecurityScanResult) : undefined;
    const securityAccepted = acceptedBy('security');
    gates.push({
      name: 'Security blockers',
      ok: !!security && (security.blockers === 0 || !!securityAccepted),
      note: security
        ? `${security.blockers} blocker(s), ${security.findings.length} finding(s) in total${security.blockers && securityAccepted ? ` (${securityAccepted})` : ''}`
        : 'Security result missing',
    });

    const hasFeatureTests = context.spec.features.length === 0 || (qa?.features_checked ?? 0) > 0;
    gates.push({
      name: 'Feature coverage',
      ok: hasFeatureTests,
      note: `${qa?.features_checked ?? 0} feature(s) with a screen and a widget test`,
    });
    return gates;
  }
}
