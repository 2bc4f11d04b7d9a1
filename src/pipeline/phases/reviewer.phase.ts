import { Injectable } from '@nestjs/common';
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

  async run(context: PhaseContext): Promise<PhaseResult> {
    const gates = await this.gates(context);
    const passed = gates.filter((g) => g.ok).length;
    const score = Math.round((passed / gates.length) * 100);
    const approved = gates.every((g) => g.ok);
    const content = [
      '# Final review',
      '',
      `**Verdict:** ${approved ? 'APPROVED' : 'CHANGES REQUESTED'}`,
      `**Score:** ${score}/100`,
      '',
      '| Gate | Result | Note |',
      '|---|---|---|',
      ...gates.map((g) => `| ${g.name} | ${g.ok ? '✅ pass' : '❌ fail'} | ${g.note.replace(/\|/g, '\\|')} |`),
      '',
    ].join('\n');
    const outputs = await context.writeFiles([{ path: FINAL_REVIEW, content }]);
    if (approved) return { status: 'passed', outputs };
    return { status: 'failed', outputs, reason: `Review failed: ${gates.filter((g) => !g.ok).map((g) => g.name).join(', ')}` };
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

    const qa = await readQaSummary(context);
    gates.push({
      name: 'QA findings',
      ok: !!qa && qa.findings.length === 0,
      note: qa ? `${qa.findings.length} open finding(s) in ${qa.dart_files} Dart files` : 'QA result missing',
    });

    const securityRaw = await context.readFile(SECURITY_JSON);
    const security = securityRaw ? (JSON.parse(securityRaw) as SecurityScanResult) : undefined;
    gates.push({
      name: 'Security blockers',
      ok: !!security && security.blockers === 0,
      note: security ? `${security.blockers} blocker(s), ${security.findings.length} finding(s) in total` : 'Security result missing',
    });

    const hasFeatureTests = context.spec.features.length === 0 || (qa?.features_checked ?? 0) > 0;
    gates.push({ name: 'Feature coverage', ok: hasFeatureTests, note: `${qa?.features_checked ?? 0} feature(s) with a screen and a widget test` });
    return gates;
  }
}
