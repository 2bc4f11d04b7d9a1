import { readFileSync } from 'node:fs';
import { letRequestsIn } from '../cpu-pool/let-requests-in';
import { dartCommentRanges, type SourceRange } from '../qa/dart-parser';
import { listProjectFiles, projectFilePath } from '../qa/project-files';
import { scanSensitiveLogging, scanTlsVerification } from './code-rules';
import { blankDartNonCode } from './dart-code';
import { scanCleartextHttp, scanFlags, scanSecrets, type Emit, type ScanTarget } from './security-rules';
import type { SecurityFinding, SecurityScanResult } from './security.types';

export { renderSecurityReport } from './security-report';
export { maskSecret } from './security-rules';

/** Larger files are assets or generated output, not hand-written configuration or code. */
const MAX_TEXT_BYTES = 1024 * 1024;
const BINARY_EXTENSIONS =
  /\.(?:png|jpe?g|gif|webp|ico|icns|ttf|otf|woff2?|jar|keystore|jks|zip|gz|so|a|dylib|mp3|mp4|wav|pdf)$/i;

async function readText(projectDir: string, file: string): Promise<string | null> {
  if (BINARY_EXTENSIONS.test(file)) return null;
  const buffer = readFileSync(projectFilePath(projectDir, file));
  if (buffer.length > MAX_TEXT_BYTES || buffer.subarray(0, 8000).includes(0)) return null;
  return buffer.toString('utf8');
}

function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Dart comments come from the real parser; XML-like files use `<!-- -->`. */
async function commentRanges(file: string, text: string): Promise<SourceRange[]> {
  if (file.endsWith('.dart')) return dartCommentRanges(text);
  if (/\.(?:xml|plist|storyboard|xib)$/.test(file)) {
    return [...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  }
  return [];
}

async function scanTarget(file: string, text: string): Promise<ScanTarget> {
  const comments = await commentRanges(file, text);
  const isDart = file.endsWith('.dart');
  return {
    file,
    text,
    isDart,
    code: isDart ? blankDartNonCode(text) : text,
    inComment: (index) => comments.some((range) => index >= range.start && index < range.end),
    lineOf: lineLocator(text),
  };
}

function scanFile(target: ScanTarget): SecurityFinding[] {
  const findings: SecurityFinding[] = [];
  const emit: Emit = (rule, index, severity, message) =>
    findings.push({ rule, file: target.file, line: target.lineOf(index), severity, message });
  scanSecrets(target, emit);
  scanCleartextHttp(target, emit);
  scanFlags(target, emit);
  scanTlsVerification(target, emit);
  scanSensitiveLogging(target, emit);
  return findings;
}

function compareFindings(a: SecurityFinding, b: SecurityFinding): number {
  const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return byText(a.file, b.file) || a.line - b.line || byText(a.rule, b.rule) || byText(a.message, b.message);
}

/**
 * Scans every text file of a generated project for hard-coded secrets,
 * cleartext URLs, debug flags, risky Android/iOS settings, disabled TLS
 * verification and credentials written to logs. Keys that are public by
 * design (Firebase options, Supabase anon key) are reported as info only.
 */
export async function scanProject(projectDir: string): Promise<SecurityScanResult> {
  const files = await listProjectFiles(projectDir);
  const findings: SecurityFinding[] = [];
  let scanned = 0;
  for (const file of files) {
    await letRequestsIn();
    const text = await readText(projectDir, file);
    if (text === null) continue;
    scanned++;
    findings.push(...scanFile(await scanTarget(file, text)));
  }
  findings.sort(compareFindings);
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  return { findings, files_scanned: scanned, blockers, passed: blockers === 0 };
}
