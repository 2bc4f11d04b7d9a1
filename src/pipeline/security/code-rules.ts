import { matchingBracket, skipSpace } from './dart-code';
import type { Emit, ScanTarget } from './security-rules';

/*
 * Rules over Dart code (comments and string text blanked, see dart-code.ts).
 *
 * Severities on the existing scale (blocker / warning / info; blockers fail the
 * security phase and the review):
 * - TLS verification turned off is a blocker: every request of the app can be
 *   read and changed by anyone on the network path.
 * - Logging a password or token is a warning: the value leaks into device logs
 *   (logcat, the Xcode console, crash and log collectors), which takes access
 *   to the device or its logs to read, and the rule goes by names, so it can
 *   be wrong; it is reported without stopping the export.
 */

// ---------------------------------------------------------------- TLS verification

/** Callbacks that decide whether a certificate that failed verification is accepted anyway. */
const BAD_CERT_CALLBACK = /\b(badCertificateCallback|onBadCertificate)\s*(?:=(?![=>])|:)/g;
/** Dio's extra check after the TLS handshake; a real one means the app pins certificates itself. */
const VALIDATE_CERT = /\bvalidateCertificate\s*(?:=(?![=>])|:)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a function body (after its parameter list) returns `true` and nothing else. */
function bodyAlwaysTrue(code: string, at: number): boolean {
  if (code.startsWith('=>', at)) {
    const expr = skipSpace(code, at + 2);
    if (!/^true\b/.test(code.slice(expr, expr + 5))) return false;
    const next = code[skipSpace(code, expr + 4)];
    return next === undefined || ';),}'.includes(next);
  }
  if (code[at] !== '{') return false;
  const close = matchingBracket(code, at);
  if (close < 0) return false;
  const returns = [...code.slice(at + 1, close).matchAll(/\breturn\b([^;]*);/g)].map((m) => m[1].trim());
  return returns.length > 0 && returns.every((value) => value === 'true');
}

/** Where a function's body starts, given the index of its parameter list, or -1. */
function bodyAfterParams(code: string, open: number): number {
  const close = matchingBracket(code, open);
  if (close < 0) return -1;
  const at = skipSpace(code, close + 1);
  return code.startsWith('=>', at) || code[at] === '{' ? at : -1;
}

/**
 * Whether the value assigned at `at` always answers true: a function literal
 * (`(cert, host, port) => true`, `(X509Certificate c, String h, int p) { return true; }`,
 * possibly wrapped in parentheses) or the name of such a function declared in the file.
 */
function acceptsEverything(code: string, at: number): boolean {
  let k = skipSpace(code, at);
  for (let depth = 0; code[k] === '(' && depth < 4; depth++) {
    const body = bodyAfterParams(code, k);
    if (body >= 0) return bodyAlwaysTrue(code, body);
    k = skipSpace(code, k + 1); // a wrapping parenthesis
  }
  const name = /^[A-Za-z_$][\w$]*/.exec(code.slice(k))?.[0];
  if (!name || name === 'null' || name === 'true' || name === 'false') return false;
  const declaration = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*(?:=\s*)?\(`, 'g');
  for (const match of code.matchAll(declaration)) {
    const open = match.index + match[0].length - 1;
    const body = bodyAfterParams(code, open);
    if (body >= 0) return bodyAlwaysTrue(code, body);
  }
  return false;
}

/** `badCertificateCallback` / `onBadCertificate` that accepts every certificate. */
export function scanTlsVerification(target: ScanTarget, emit: Emit): void {
  if (!target.isDart) return;
  const { code } = target;
  // A Dio `validateCertificate` that really checks something is certificate pinning, not a disabled check.
  const pins = [...code.matchAll(VALIDATE_CERT)].some((m) => !acceptsEverything(code, m.index + m[0].length));
  for (const match of code.matchAll(BAD_CERT_CALLBACK)) {
    if (!acceptsEverything(code, match.index + match[0].length)) continue;
    const what = `TLS certificate verification disabled: ${match[1]} accepts every certificate`;
    if (pins)
      emit(
        'tls_verification_disabled',
        match.index,
        'warning',
        `${what}; validateCertificate must pin the server certificate`,
      );
    else emit('tls_verification_disabled', match.index, 'blocker', `${what} (anyone on the network can intercept)`);
  }
}

// ---------------------------------------------------------------- logging of credentials

/**
 * `print(`, `debugPrint(`, `log(`, `developer.log(`, and methods of a logger:
 * `logger.d(`, `_log.info(`, `Log.e(`, `appLogger.w(`, `Logger().w(`.
 */
const LOG_CALL =
  /(?<![\w$])(?:print|debugPrint|log|developer\s*\.\s*log|([A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_]\w*|Logger\s*\([^()]*\)\s*\.\s*[A-Za-z_]\w*)\s*\(/g;
/** A receiver named like a logger: `log`, `_logger`, `Log`, `appLog`, `http_logger` (not `catalog` or `dialog`). */
const LOGGER_NAME = /^_*(?:log(?:ger)?|[\w$]*(?:Log|Logger|_log|_logger))$/;
const SENSITIVE = /passw(?:or)?d|token|secret|api_?key|authorization/i;
/** Names that mention a credential without holding one: flags, hints, labels, counts, expiry, errors. */
const NOT_A_VALUE =
  /^(?:is|has|should|can|show|hide|obscure)[A-Z_]|visible|obscur|hint|label|length|count|valid|strength|focus|expir|hidden|enabled|required|type|error|reset|forgot|changed/i;
/** `token.length`, `password.isEmpty`, `token != null`: a property of the value, not the value. */
const HARMLESS_USE = /^\s*[?!]?\.\s*(?:length|isEmpty|isNotEmpty|runtimeType|hashCode)\b|^\s*[!=]=\s*null\b/;
/** `headers['Authorization']`, `{'password': …}` in the original text of the arguments. */
const SENSITIVE_KEY = /\[\s*(['"])([^'"\n]{1,40})\1\s*\]|(['"])([^'"\n]{1,40})\3\s*:/g;

function sensitiveName(args: string): string | undefined {
  for (const match of args.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const name = match[0];
    if (!SENSITIVE.test(name) || NOT_A_VALUE.test(name)) continue;
    if (HARMLESS_USE.test(args.slice(match.index + name.length))) continue;
    return name;
  }
  return undefined;
}

function sensitiveKey(argsText: string): string | undefined {
  for (const match of argsText.matchAll(SENSITIVE_KEY)) {
    const key = match[2] ?? match[4];
    if (SENSITIVE.test(key) && !NOT_A_VALUE.test(key)) return key;
  }
  return undefined;
}

/** Log and print calls whose arguments read a password, token, secret, API key or authorization header. */
export function scanSensitiveLogging(target: ScanTarget, emit: Emit): void {
  if (!target.isDart) return;
  const { code, text } = target;
  for (const match of code.matchAll(LOG_CALL)) {
    if (match[1] !== undefined && !LOGGER_NAME.test(match[1])) continue;
    const open = match.index + match[0].length - 1;
    const close = matchingBracket(code, open);
    if (close < 0) continue;
    const found = sensitiveName(code.slice(open + 1, close)) ?? sensitiveKey(text.slice(open + 1, close));
    if (!found) continue;
    const call = match[0].slice(0, -1).replace(/\s+/g, '');
    emit(
      'sensitive_logging',
      match.index,
      'warning',
      `${call}(…) logs "${found}": credentials written to logs can be read from the device or log collectors`,
    );
  }
}
