import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runStep } from '../runtime/flutter-runner';
import type { QaFinding, QaFlutterResult } from './qa.types';

/**
 * QA with a Flutter SDK: `flutter pub get`, `flutter analyze` and `flutter test`
 * in the project, their diagnostics turned into findings.
 */

const PUB_GET_TIMEOUT_MS = 5 * 60_000;
const ANALYZE_TIMEOUT_MS = 5 * 60_000;
const TEST_TIMEOUT_MS = 10 * 60_000;
/** Failing tests reported one by one; the rest are summarised. */
const MAX_TEST_FINDINGS = 20;

export interface FlutterCheck {
  result: QaFlutterResult;
  findings: QaFinding[];
}

interface ToolRun {
  exitCode: number | null;
  timedOut: boolean;
  output: string;
}

/**
 * Runs `flutter <args>` through runStep (process group, timeout, abort) with
 * the whole output sent to a file: runStep keeps only the tail, and analyzer
 * errors come first.
 */
async function runFlutter(
  flutter: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ToolRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qa-flutter-'));
  const outFile = path.join(dir, 'output.txt');
  try {
    const script = 'out="$1"; shift; exec "$@" >"$out" 2>&1';
    const step = await runStep('/bin/sh', ['-c', script, 'sh', outFile, flutter, ...args], cwd, timeoutMs, signal);
    signal.throwIfAborted();
    const output = await fs.readFile(outFile, 'utf8').catch(() => step.output);
    return { exitCode: step.exitCode, timedOut: step.timedOut, output };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A path from tool output as a project-relative posix path, or null when it lies outside. */
export function projectRelative(projectDir: string, file: string): string | null {
  let candidate = file.replace(/^file:\/\//, '').replace(/\\/g, '/');
  if (path.posix.isAbsolute(candidate)) {
    const root = projectDir.replace(/\\/g, '/').replace(/\/+$/, '');
    if (!candidate.startsWith(`${root}/`)) return null;
    candidate = candidate.slice(root.length + 1);
  }
  const normalized = path.posix.normalize(candidate);
  return normalized.startsWith('..') ? null : normalized;
}

export interface AnalyzerIssue {
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  code: string;
}

/**
 * Parses `flutter analyze` lines (`  error • Message • lib/a.dart:3:5 • code`)
 * and `dart analyze` lines (`  error - lib/a.dart:3:5 - Message - code`).
 */
export function parseAnalyzerOutput(output: string, projectDir: string): AnalyzerIssue[] {
  const issues: AnalyzerIssue[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const text = raw.trim();
    const severity = /^(error|warning|info)\b/.exec(text)?.[1] as AnalyzerIssue['severity'] | undefined;
    if (!severity) continue;
    let parts = text.split(/\s+•\s+/);
    let location: string | undefined;
    let message: string;
    if (parts.length >= 4) {
      location = parts[parts.length - 2];
      message = parts.slice(1, -2).join(' • ');
    } else {
      parts = text.split(/\s+-\s+/);
      if (parts.length < 4) continue;
      location = parts[1];
      message = parts.slice(2, -1).join(' - ');
    }
    const code = parts[parts.length - 1].trim();
    const where = /^(.*):(\d+):(\d+)$/.exec(location.trim());
    if (!where || !/^[a-z0-9_]+$/.test(code)) continue;
    const file = projectRelative(projectDir, where[1]);
    if (file === null) continue;
    issues.push({ severity, message: message.trim(), file, line: Number(where[2]), code });
  }
  return issues;
}

export interface FailedTest {
  file: string;
  line?: number;
  name: string;
}

const FAILED_TEST = /^\d+:\d+ \+\d+(?: ~\d+)?(?: -\d+)?: (.*) \[E\]\s*$/;

function testFileIn(text: string, projectDir: string): string | undefined {
  for (const match of text.matchAll(/(?:file:\/\/)?(\S*?test\/[^\s:'"()]*\.dart)/g)) {
    const file = projectRelative(projectDir, match[1]);
    if (file?.startsWith('test/')) return file;
  }
  return undefined;
}

/** The first `<file>:<line>:<col>` or `<file> <line>:<col>` in the output (stack traces, compile errors). */
function lineIn(output: string, file: string): number | undefined {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}(?::| )(\\d+):\\d+`).exec(output);
  return match ? Number(match[1]) : undefined;
}

/** Failing tests from `flutter test` output (`00:04 +1 -1: /…/test/a_test.dart: name [E]`). */
export function parseTestFailures(output: string, projectDir: string): FailedTest[] {
  const failures: FailedTest[] = [];
  const seen = new Set<string>();
  for (const raw of output.split(/\r?\n/)) {
    const match = FAILED_TEST.exec(raw.trim());
    if (!match) continue;
    const description = match[1];
    const file = testFileIn(description, projectDir) ?? testFileIn(output, projectDir) ?? 'test';
    const name = description.includes('.dart: ')
      ? description.slice(description.indexOf('.dart: ') + '.dart: '.length)
      : description;
    const key = `${file}\n${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    failures.push({ file, line: file === 'test' ? undefined : lineIn(output, file), name });
  }
  return failures;
}

/** Tool output shown in reports: project paths relative, other absolute paths hidden. */
export function sanitizeToolText(text: string, projectDir: string): string {
  return text
    .split(`${projectDir}/`)
    .join('')
    .split(projectDir)
    .join('.')
    .replace(/(?<![\w.\-/])(?:\/[\w.@-]+){2,}/g, '<path>');
}

function lastLines(output: string, count = 3): string {
  return output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' / ')
    .slice(0, 300);
}

function analyzerFindings(issues: readonly AnalyzerIssue[], projectDir: string): QaFinding[] {
  return issues
    .filter((issue) => issue.severity !== 'info')
    .map((issue) => ({
      rule: `analyzer_${issue.code}`,
      file: issue.file,
      line: issue.line,
      message: `${issue.severity}: ${sanitizeToolText(issue.message, projectDir)} (flutter analyze)`,
    }));
}

function testFindings(run: ToolRun, projectDir: string): QaFinding[] {
  const failures = parseTestFailures(run.output, projectDir);
  if (failures.length === 0) {
    const file = testFileIn(run.output, projectDir) ?? 'test';
    return [
      {
        rule: 'flutter_test_failed',
        file,
        message: `flutter test failed (exit code ${run.exitCode ?? 'none'}): ${sanitizeToolText(lastLines(run.output), projectDir)}`,
      },
    ];
  }
  const findings: QaFinding[] = failures.slice(0, MAX_TEST_FINDINGS).map((failure) => ({
    rule: 'flutter_test_failed',
    file: failure.file,
    ...(failure.line !== undefined ? { line: failure.line } : {}),
    message: `Test failed: ${sanitizeToolText(failure.name, projectDir)}`,
  }));
  if (failures.length > MAX_TEST_FINDINGS) {
    findings.push({
      rule: 'flutter_test_failed',
      file: 'test',
      message: `${failures.length - MAX_TEST_FINDINGS} more failing test(s)`,
    });
  }
  return findings;
}

/** Runs pub get, analyze and test; stops after pub get when dependencies cannot be resolved. */
export async function runFlutterChecks(flutter: string, dir: string, signal: AbortSignal): Promise<FlutterCheck> {
  // Tools print real paths; compare against the same.
  const projectDir = await fs.realpath(dir);
  const pubGet = await runFlutter(flutter, ['pub', 'get'], projectDir, PUB_GET_TIMEOUT_MS, signal);
  if (pubGet.exitCode !== 0) {
    const why = pubGet.timedOut ? 'timed out' : `failed (exit code ${pubGet.exitCode ?? 'none'})`;
    return {
      result: { ran: true, reason: `flutter pub get ${why}` },
      findings: [
        {
          rule: 'flutter_pub_get_failed',
          file: 'pubspec.yaml',
          message: `flutter pub get ${why}: ${sanitizeToolText(lastLines(pubGet.output), projectDir)}`,
        },
      ],
    };
  }

  const findings: QaFinding[] = [];
  const reasons: string[] = [];
  const analyze = await runFlutter(
    flutter,
    ['analyze', '--no-pub', '--no-fatal-infos'],
    projectDir,
    ANALYZE_TIMEOUT_MS,
    signal,
  );
  const issues = analyzerFindings(parseAnalyzerOutput(analyze.output, projectDir), projectDir);
  findings.push(...issues);
  if (analyze.timedOut) reasons.push('flutter analyze timed out');
  else if (analyze.exitCode !== 0 && issues.length === 0) {
    findings.push({
      rule: 'analyzer_failed',
      file: 'pubspec.yaml',
      message: `flutter analyze failed (exit code ${analyze.exitCode ?? 'none'}) without reporting issues: ${sanitizeToolText(lastLines(analyze.output), projectDir)}`,
    });
  }

  const test = await runFlutter(flutter, ['test', '--no-pub'], projectDir, TEST_TIMEOUT_MS, signal);
  const testsPassed = test.exitCode === 0;
  if (test.timedOut) reasons.push('flutter test timed out');
  if (!testsPassed) findings.push(...testFindings(test, projectDir));

  return {
    result: {
      ran: true,
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      analyze_issues: issues.length,
      tests_passed: testsPassed,
    },
    findings,
  };
}
