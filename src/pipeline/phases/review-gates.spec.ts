import { describe, expect, it } from 'vitest';
import { PHASE_NAMES } from '../phase-names';
import type { SecurityScanResult } from '../security/security.types';
import { computeReview, renderFinalReview, type PhaseFacts, type QaFacts, type ReviewInput } from './review-gates';

const NO_SDK = 'No Flutter SDK found (set FLUTTER_BIN or put flutter on PATH)';
const ACCEPTED = 'Accepted by default/member: export anyway';

function phases(overrides: Record<string, Partial<PhaseFacts>> = {}): PhaseFacts[] {
  return PHASE_NAMES.slice(0, PHASE_NAMES.indexOf('reviewer')).map((phase) => ({
    phase,
    status: 'passed',
    error: null,
    outputs: [],
    ...overrides[phase],
  }));
}

function qa(overrides: Partial<QaFacts> = {}): QaFacts {
  return {
    findings: [],
    dart_files: 20,
    imports_checked: 80,
    features_checked: 3,
    features_reachable: 3,
    features_tested: 3,
    attempt: 0,
    ...overrides,
  };
}

function security(overrides: Partial<SecurityScanResult> = {}): SecurityScanResult {
  return { findings: [], files_scanned: 30, blockers: 0, passed: true, ...overrides };
}

function input(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return { phases: phases(), backend: 'firebase', qa: qa(), security: security(), ...overrides };
}

const gate = (review: ReturnType<typeof computeReview>, name: string) =>
  review.gates.find((g) => g.name.startsWith(name))!;

describe('computeReview', () => {
  it('runtime passed and everything clean → 100, APPROVED, no "not compiled" line', () => {
    const review = computeReview(input());
    expect(review).toMatchObject({ score: 100, verdict: 'APPROVED', approved: true, failed: [] });
    expect(review.notCompiled).toBeUndefined();
    expect(review.gates.every((g) => g.state === 'pass')).toBe(true);
    const markdown = renderFinalReview(review);
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '# Final review',
      '',
      '**Verdict:** APPROVED',
      expect.stringMatching(/^\*\*Score:\*\* 100\/100/),
    ]);
    expect(markdown).not.toMatch(/not compiled/i);
    expect(markdown).toContain('Flutter pub get / analyze / test: ran and passed');
  });

  it('runtime skipped → score below 100, approved but "not compiled", and the review opens with why', () => {
    const review = computeReview(
      input({
        phases: phases({ runtime: { status: 'skipped' } }),
        runtimeReport: `# Runtime report\n\nSkipped: ${NO_SDK}.\n`,
      }),
    );
    expect(review.score).toBeLessThan(100);
    expect(review).toMatchObject({ verdict: 'APPROVED (not compiled)', approved: true, notCompiled: NO_SDK });
    expect(gate(review, 'runtime')).toMatchObject({ state: 'not_checked' });
    expect(gate(review, 'runtime').note).toContain(NO_SDK);
    const lines = renderFinalReview(review).split('\n');
    expect(lines[0]).toBe('# Final review');
    expect(lines[2]).toMatch(/not compiled or run/i);
    expect(lines[2]).toContain(NO_SDK);
    expect(lines.find((l) => l.startsWith('**Verdict:**'))).toBe('**Verdict:** APPROVED (not compiled)');
    expect(lines).toContain(`- Flutter pub get / analyze / test: not run — ${NO_SDK}`);
    expect(lines).toContain(
      '| runtime (runtime_agent) | ⚪ not checked | skipped — not compiled or run: ' + NO_SDK + ' |',
    );
  });

  it('prefers the recorded runtime error as the reason and never rounds up to 100', () => {
    const review = computeReview(
      input({
        phases: phases({
          runtime: { status: 'skipped', error: 'FLUTTER_BIN does not point to an executable Flutter SDK' },
        }),
      }),
    );
    expect(review.notCompiled).toBe('FLUTTER_BIN does not point to an executable Flutter SDK');
    expect(review.score).toBe(Math.floor((100 * (review.gates.length - 1)) / review.gates.length));
    expect(computeReview(input({ phases: phases({ runtime: { status: 'skipped' } }) })).notCompiled).toBe(
      'no reason was recorded',
    );
  });

  it('a failed gate → CHANGES REQUESTED, not approved', () => {
    const review = computeReview(
      input({
        security: security({
          blockers: 1,
          passed: false,
          findings: [
            { rule: 'tls_verification_disabled', file: 'lib/api.dart', line: 3, severity: 'blocker', message: 'x' },
          ],
        }),
      }),
    );
    expect(review).toMatchObject({ verdict: 'CHANGES REQUESTED', approved: false });
    expect(review.failed.map((g) => g.name)).toEqual(['Security blockers']);
    expect(review.score).toBeLessThan(100);
    expect(renderFinalReview(review)).toContain('**Verdict:** CHANGES REQUESTED');
  });

  it('a failed gate wins over a skipped runtime', () => {
    const review = computeReview(
      input({
        phases: phases({ runtime: { status: 'skipped' } }),
        qa: qa({ findings: [{ rule: 'dart_syntax', file: 'lib/a.dart', message: 'x' }] }),
      }),
    );
    expect(review.verdict).toBe('CHANGES REQUESTED');
    expect(review.notCompiled).toBeDefined();
  });

  it('legitimate skips pass with an honest note; an unexplained skip is not checked', () => {
    const review = computeReview(
      input({
        backend: 'none',
        phases: phases({
          backend: { status: 'skipped' },
          refactor: { status: 'skipped' },
          repair: { status: 'skipped' },
        }),
      }),
    );
    expect(gate(review, 'backend')).toMatchObject({
      state: 'pass',
      note: 'skipped — not applicable: the app keeps its data on the device (backend: none)',
    });
    expect(gate(review, 'refactor')).toMatchObject({ state: 'pass', note: expect.stringMatching(/nothing to fix/) });
    expect(gate(review, 'repair')).toMatchObject({ state: 'pass', note: expect.stringMatching(/nothing to repair/) });
    expect(review.verdict).toBe('APPROVED');

    // Any backend that planApp's backendKind reads as on-device counts, not only the literal 'none'.
    for (const backend of ['local', 'Local storage (Hive)', 'offline only']) {
      const onDevice = computeReview(input({ backend, phases: phases({ backend: { status: 'skipped' } }) }));
      expect(gate(onDevice, 'backend')).toMatchObject({
        state: 'pass',
        note: `skipped — not applicable: the app keeps its data on the device (backend: ${backend})`,
      });
    }

    const odd = computeReview(input({ phases: phases({ backend: { status: 'skipped' } }) }));
    expect(gate(odd, 'backend').state).toBe('not_checked');
    expect(odd.verdict).toBe('APPROVED (not fully verified)');
    expect(odd.score).toBeLessThan(100);
  });

  it('findings accepted at a checkpoint pass their gates and say who accepted them', () => {
    const review = computeReview(
      input({
        phases: phases({ security: { status: 'skipped', error: ACCEPTED } }),
        security: security({ blockers: 2, passed: false }),
      }),
    );
    expect(gate(review, 'security')).toMatchObject({ state: 'pass', note: expect.stringContaining(ACCEPTED) });
    expect(gate(review, 'Security blockers')).toMatchObject({ state: 'pass', note: expect.stringContaining(ACCEPTED) });
    expect(review.verdict).toBe('APPROVED');
  });

  it('feature coverage: tested === checked passes, fewer fails, absent fields are not checked', () => {
    expect(gate(computeReview(input()), 'Feature coverage').state).toBe('pass');
    const short = computeReview(input({ qa: qa({ features_tested: 2, features_reachable: 2 }) }));
    expect(gate(short, 'Feature coverage')).toMatchObject({
      state: 'fail',
      note: expect.stringMatching(/^2 of 3 features/),
    });
    expect(short.verdict).toBe('CHANGES REQUESTED');
    const old = computeReview(input({ qa: qa({ features_tested: undefined, features_reachable: undefined }) }));
    expect(gate(old, 'Feature coverage').state).toBe('not_checked');
    expect(old.verdict).toBe('APPROVED (not fully verified)');
    expect(old.score).toBeLessThan(100);
    expect(old.checks).toContain('Feature reachability and test coverage: not reported by QA');
    const garbage = computeReview(input({ qa: qa({ features_tested: '3' }) }));
    expect(gate(garbage, 'Feature coverage').state).toBe('not_checked');
  });

  it('missing QA or security results fail', () => {
    const review = computeReview(input({ qa: undefined, security: undefined }));
    expect(review.failed.map((g) => g.name)).toEqual(['QA findings', 'Security blockers']);
    expect(review.checks).toEqual(
      expect.arrayContaining(['Static analysis (QA): no result recorded', 'Security scan: no result recorded']),
    );
  });

  it('"What was checked" lists every check and whether it ran', () => {
    const markdown = renderFinalReview(computeReview(input()), 'Looks fine.');
    const section = markdown.slice(markdown.indexOf('## What was checked'), markdown.indexOf('## Gates'));
    expect(section).toMatch(/Static analysis \(QA\): ran — 20 Dart files parsed, 80 imports resolved/);
    expect(section).toMatch(/Flutter pub get \/ analyze \/ test: ran and passed/);
    expect(section).toMatch(/Security scan: ran — 30 files scanned; 0 blocker/);
    expect(markdown).toMatch(/## Reviewer notes\n\nLooks fine\./);
  });
});
