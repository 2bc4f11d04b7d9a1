import { PHASE_AGENTS, PHASE_NAMES } from '../phase-names';
import type { QaFinding } from '../qa/qa.types';
import type { SecurityScanResult } from '../security/security.types';
import { backendKind } from '../generator/plan/plan-app';

/**
 * The reviewer's gates, computed only from what earlier phases recorded.
 *
 * Scheme:
 * - every gate is `pass`, `fail` or `not_checked` (the check did not run, e.g. no Flutter SDK);
 * - score = floor(100 × passed gates ÷ all gates): a not-checked gate is worth 0, so 100 needs every gate checked;
 * - verdict: CHANGES REQUESTED when any gate failed, else APPROVED — qualified "(not compiled)" when the
 *   runtime gate was not checked and "(not fully verified)" when another gate was not checked.
 *   Only a failed gate fails the reviewer phase; a not-checked gate does not block approval.
 */
export type GateState = 'pass' | 'fail' | 'not_checked';

export interface Gate {
  name: string;
  state: GateState;
  note: string;
}

/** What the reviewer reads of one phase record. */
export interface PhaseFacts {
  phase: string;
  status: string;
  error?: string | null;
  outputs?: readonly string[];
}

/** What the reviewer reads of docs/qa_summary.json; coverage fields are optional (older QA does not write them). */
export interface QaFacts {
  findings: readonly QaFinding[];
  dart_files: number;
  imports_checked: number;
  features_checked: number;
  features_reachable?: unknown;
  features_tested?: unknown;
  attempt?: number;
}

export interface ReviewInput {
  phases: readonly PhaseFacts[];
  /** The app spec's backend (`none` when the app has none). */
  backend: string;
  qa?: QaFacts;
  security?: SecurityScanResult;
  /** docs/runtime_report.md, where a skipped runtime phase states its reason. */
  runtimeReport?: string;
}

export type Verdict = 'APPROVED' | 'APPROVED (not compiled)' | 'APPROVED (not fully verified)' | 'CHANGES REQUESTED';

export interface Review {
  gates: Gate[];
  score: number;
  verdict: Verdict;
  /** No gate failed (not-checked gates do not block approval). */
  approved: boolean;
  failed: Gate[];
  /** Why the code was not compiled and run; undefined when the runtime phase ran. */
  notCompiled?: string;
  /** "What was checked": one line per check, saying whether it ran. */
  checks: string[];
}

const RUNTIME_GATE = `runtime (${PHASE_AGENTS.runtime})`;
const NO_RUNTIME_REASON = 'no reason was recorded';

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A person accepted the phase's open findings at a checkpoint; the runner records "Accepted by …". */
function acceptance(record: PhaseFacts | undefined): string | undefined {
  return record?.status === 'skipped' && record.error?.startsWith('Accepted') ? record.error : undefined;
}

/** The runtime phase's skip reason: the recorded error, else the "Skipped: …" line of its report. */
function runtimeSkipReason(record: PhaseFacts | undefined, report: string | undefined): string {
  const recorded = record?.error?.trim();
  if (recorded) return recorded.replace(/\.$/, '');
  const line = report?.match(/^Skipped:\s*(.+?)\.?\s*$/m);
  return line?.[1] ?? NO_RUNTIME_REASON;
}

/** Why a phase was skipped when the skip is by design; undefined for a skip nothing explains. */
function legitimateSkip(record: PhaseFacts, input: ReviewInput): string | undefined {
  const accepted = acceptance(record);
  if (accepted) return `skipped — ${accepted} (accepted by a person at a checkpoint; the findings remain)`;
  switch (record.phase) {
    case 'backend':
      return backendKind(input.backend) === 'none'
        ? `skipped — not applicable: the app keeps its data on the device (backend: ${input.backend})`
        : record.error
          ? `skipped — ${record.error}`
          : undefined;
    case 'refactor':
      return record.outputs?.length
        ? 'skipped — no QA finding could be fixed automatically; the repair loop took over'
        : 'skipped — nothing to fix: QA found no issues';
    case 'repair':
      return 'skipped — nothing to repair: QA found no issues';
    default:
      return undefined;
  }
}

function phaseGate(name: string, record: PhaseFacts | undefined, input: ReviewInput): Gate {
  const label = `${name} (${PHASE_AGENTS[name as keyof typeof PHASE_AGENTS] ?? 'agent'})`;
  const status = record?.status ?? 'pending';
  if (name === 'runtime') {
    if (status === 'passed') return { name: label, state: 'pass', note: 'passed: flutter pub get, analyze and test' };
    if (status === 'skipped') {
      const reason = runtimeSkipReason(record, input.runtimeReport);
      return { name: label, state: 'not_checked', note: `skipped — not compiled or run: ${reason}` };
    }
  }
  if (status === 'passed') return { name: label, state: 'pass', note: 'passed' };
  if (status === 'skipped') {
    const why = legitimateSkip(record!, input);
    if (why) return { name: label, state: 'pass', note: why };
    return { name: label, state: 'not_checked', note: 'skipped — no reason recorded, so not verified' };
  }
  return { name: label, state: 'fail', note: record?.error ? `${status}: ${record.error}` : status };
}

function qaGate(qa: QaFacts | undefined, accepted: string | undefined): Gate {
  const name = 'QA findings';
  if (!qa) return { name, state: 'fail', note: 'QA result missing' };
  const base = `${qa.findings.length} open finding(s) in ${qa.dart_files} Dart files`;
  if (qa.findings.length === 0) return { name, state: 'pass', note: base };
  if (accepted) return { name, state: 'pass', note: `${base} (${accepted})` };
  return { name, state: 'fail', note: base };
}

function securityGate(security: SecurityScanResult | undefined, accepted: string | undefined): Gate {
  const name = 'Security blockers';
  if (!security) return { name, state: 'fail', note: 'Security result missing' };
  const warnings = security.findings.filter((f) => f.severity === 'warning').length;
  const base = `${security.blockers} blocker(s), ${warnings} warning(s), ${security.findings.length} finding(s) in total`;
  if (security.blockers === 0) return { name, state: 'pass', note: base };
  if (accepted) return { name, state: 'pass', note: `${base} (${accepted})` };
  return { name, state: 'fail', note: base };
}

/** Coverage is reachable screens exercised by tests, not files that exist. */
function coverageGate(qa: QaFacts | undefined, accepted: string | undefined): Gate {
  const name = 'Feature coverage';
  if (!qa) return { name, state: 'not_checked', note: 'QA result missing' };
  const checked = qa.features_checked;
  const tested = count(qa.features_tested);
  const reachable = count(qa.features_reachable);
  if (tested === undefined)
    return {
      name,
      state: 'not_checked',
      note: `QA did not report which feature screens are reachable and exercised by a test; ${plural(checked, 'feature')} only checked for screen and test files`,
    };
  const reach = reachable === undefined ? '' : `, ${reachable} reachable from the app shell`;
  const base = `${tested} of ${plural(checked, 'feature')} have a screen exercised by a test${reach}`;
  if (tested === checked) return { name, state: 'pass', note: base };
  if (accepted && qa.findings.length) return { name, state: 'pass', note: `${base} (${accepted})` };
  return { name, state: 'fail', note: base };
}

function checksRun(input: ReviewInput, runtime: PhaseFacts | undefined, notCompiled: string | undefined): string[] {
  const { qa, security } = input;
  const staticLine = qa
    ? `Static analysis (QA): ran — ${qa.dart_files} Dart files parsed, ${qa.imports_checked} imports resolved, pubspec.yaml checked, ${plural(qa.features_checked, 'feature')} checked; ${qa.findings.length} open finding(s)`
    : 'Static analysis (QA): no result recorded';
  const coverage =
    qa && count(qa.features_tested) !== undefined
      ? 'Feature reachability and test coverage: reported by QA'
      : 'Feature reachability and test coverage: not reported by QA';
  let flutter: string;
  if (notCompiled !== undefined) flutter = `Flutter pub get / analyze / test: not run — ${notCompiled}`;
  else if (runtime?.status === 'passed') flutter = 'Flutter pub get / analyze / test: ran and passed';
  else
    flutter = `Flutter pub get / analyze / test: ${runtime?.status ?? 'pending'}${runtime?.error ? ` — ${runtime.error}` : ''}`;
  let securityLine = 'Security scan: no result recorded';
  if (security) {
    const by = (severity: string) => security.findings.filter((f) => f.severity === severity).length;
    securityLine = `Security scan: ran — ${security.files_scanned} files scanned; ${security.blockers} blocker(s), ${by('warning')} warning(s), ${by('info')} info`;
  }
  return [staticLine, coverage, flutter, securityLine];
}

/** Gates, score and verdict over the phases before the reviewer and the recorded QA/security results. */
export function computeReview(input: ReviewInput): Review {
  const byName = new Map(input.phases.map((p) => [p.phase, p]));
  const reviewed = PHASE_NAMES.slice(0, PHASE_NAMES.indexOf('reviewer'));
  const gates: Gate[] = reviewed.map((name) => phaseGate(name, byName.get(name), input));
  const repairAccepted = acceptance(byName.get('repair'));
  gates.push(qaGate(input.qa, repairAccepted));
  gates.push(securityGate(input.security, acceptance(byName.get('security'))));
  gates.push(coverageGate(input.qa, repairAccepted));

  const passed = gates.filter((g) => g.state === 'pass').length;
  const failed = gates.filter((g) => g.state === 'fail');
  const runtimeGate = gates.find((g) => g.name === RUNTIME_GATE);
  const runtime = byName.get('runtime');
  const notCompiled =
    runtimeGate?.state === 'not_checked' ? runtimeSkipReason(runtime, input.runtimeReport) : undefined;
  let verdict: Verdict = 'APPROVED';
  if (failed.length) verdict = 'CHANGES REQUESTED';
  else if (notCompiled !== undefined) verdict = 'APPROVED (not compiled)';
  else if (passed < gates.length) verdict = 'APPROVED (not fully verified)';
  return {
    gates,
    // Rounded down: one unchecked gate can never round up to a perfect score.
    score: Math.floor((passed * 100) / gates.length),
    verdict,
    approved: failed.length === 0,
    failed,
    notCompiled,
    checks: checksRun(input, runtime, notCompiled),
  };
}

const STATE_LABEL: Record<GateState, string> = { pass: '✅ pass', fail: '❌ fail', not_checked: '⚪ not checked' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function gateTable(gates: readonly Gate[]): string {
  return [
    '| Gate | Result | Note |',
    '|---|---|---|',
    ...gates.map((g) => `| ${g.name} | ${STATE_LABEL[g.state]} | ${cell(g.note)} |`),
  ].join('\n');
}

/** The "not compiled" statement that opens the review (and is given to the reviewer agent). */
export function notCompiledStatement(reason: string): string {
  return `**Not compiled or run.** Flutter did not build, analyze or test this code: ${reason}. Every check below is static, so the score stays below 100 until \`flutter analyze\` and \`flutter test\` pass.`;
}

/** docs/final_review.md; `notes` is the reviewer agent's narrative (LLM runs only). */
export function renderFinalReview(review: Review, notes?: string): string {
  const lines = ['# Final review', ''];
  if (review.notCompiled !== undefined) lines.push(`> ${notCompiledStatement(review.notCompiled)}`, '');
  const passed = review.gates.filter((g) => g.state === 'pass').length;
  const unchecked = review.gates.filter((g) => g.state === 'not_checked').length;
  lines.push(
    `**Verdict:** ${review.verdict}`,
    `**Score:** ${review.score}/100 (${passed} of ${review.gates.length} gates passed, ${unchecked} not checked, ${review.failed.length} failed)`,
    '',
    '## What was checked',
    '',
    ...review.checks.map((check) => `- ${check}`),
    '',
    '## Gates',
    '',
    gateTable(review.gates),
    '',
    '_Score = gates passed ÷ all gates, rounded down; a gate not checked counts 0, so 100 needs every gate checked and passed. ' +
      'The verdict is CHANGES REQUESTED when a gate failed, otherwise APPROVED, qualified when a gate was not checked._',
    '',
  );
  if (notes) lines.push('## Reviewer notes', '', notes, '');
  return lines.join('\n');
}
