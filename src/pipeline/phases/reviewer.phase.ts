import { Injectable } from '@nestjs/common';
import { exactFiles } from '../../llm/file-reply';
import { AgentWriter } from '../agent-writer.service';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import type { SecurityScanResult } from '../security/security.types';
import { readQaSummary } from './qa-results';
import { computeReview, gateTable, notCompiledStatement, renderFinalReview, type Review } from './review-gates';
import { RUNTIME_REPORT } from './runtime.phase';
import { SECURITY_JSON } from './security.phase';

export const FINAL_REVIEW = 'docs/final_review.md';

/**
 * Verdict, score and gate table over everything the earlier phases recorded
 * (scheme in review-gates.ts). The phase fails only when a gate failed; a
 * check that did not run (no Flutter SDK) lowers the score and is said first.
 */
@Injectable()
export class ReviewerPhase implements PhaseHandler {
  readonly phase = 'reviewer' as const;

  constructor(private readonly writer: AgentWriter) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const review = computeReview({
      phases: context.phases,
      backend: context.spec.backend,
      qa: await readQaSummary(context),
      security: await this.readSecurity(context),
      runtimeReport: await context.readFile(RUNTIME_REPORT),
    });
    const notes = context.usesLlm ? await this.notes(context, review) : undefined;
    const outputs = await context.writeFiles([{ path: FINAL_REVIEW, content: renderFinalReview(review, notes) }]);
    if (review.notCompiled !== undefined) await context.log('warn', `Review: not compiled (${review.notCompiled})`);
    await context.log('info', `Review: ${review.verdict}, score ${review.score}/100`);
    if (review.approved) return { status: 'passed', outputs };
    return { status: 'failed', outputs, reason: `Review failed: ${review.failed.map((g) => g.name).join(', ')}` };
  }

  private async readSecurity(context: PhaseContext): Promise<SecurityScanResult | undefined> {
    const raw = await context.readFile(SECURITY_JSON);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as SecurityScanResult;
    } catch {
      return undefined;
    }
  }

  /**
   * The reviewer agent's own judgement. Verdict and score stay computed; the
   * agent gets the facts and may disagree with a gate when it says why.
   */
  private async notes(context: PhaseContext, review: Review): Promise<string> {
    const facts = [
      ...(review.notCompiled !== undefined ? [notCompiledStatement(review.notCompiled)] : []),
      ...review.checks.map((check) => `- ${check}`),
    ].join('\n');
    const { files } = await this.writer.generate(context, {
      task:
        `Write the reviewer notes for ${FINAL_REVIEW}: strengths, risks and the first things a developer should do. ` +
        `The computed verdict is ${review.verdict} with score ${review.score}/100 from the gate table. ` +
        'Judge the code yourself: you may disagree with a gate, provided you name the gate and give the reason ' +
        '(a file, a finding or a fact from the documents). Only mention checks listed as run in the facts' +
        (review.notCompiled !== undefined
          ? '; nothing was compiled or run, so do not claim the app builds or its tests pass.'
          : '.'),
      policy: exactFiles([FINAL_REVIEW]),
      contextDocs: [
        'docs/app_brief.md',
        'docs/architecture.md',
        'docs/test_report.md',
        RUNTIME_REPORT,
        'docs/security_report.md',
      ],
      extra: [
        { title: 'What was checked', body: facts },
        { title: 'Gate table', body: gateTable(review.gates) },
      ],
      write: false,
    });
    return files[0].content.replace(/^#.*$/gm, '').trim();
  }
}
