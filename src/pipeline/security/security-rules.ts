import type { SecuritySeverity } from './security.types';

/** One text file as the rules see it. */
export interface ScanTarget {
  file: string;
  text: string;
  isDart: boolean;
  /** Dart files: the text with comments and string contents blanked (same indices, see dart-code.ts); else the text. */
  code: string;
  /** Whether the JS string index lies inside a comment (Dart, XML and plist files). */
  inComment(index: number): boolean;
  /** 1-based line of a JS string index. */
  lineOf(index: number): number;
}

export type Emit = (rule: string, index: number, severity: SecuritySeverity, message: string) => void;

/** Shows the first 4 characters only: enough to locate the value, useless to an attacker. */
export function maskSecret(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 4)}********`;
}

function basename(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function forEachMatch(text: string, regex: RegExp, visit: (match: RegExpExecArray) => void): void {
  for (const match of text.matchAll(regex)) visit(match);
}

// ---------------------------------------------------------------- secrets

interface SecretPattern {
  rule: string;
  label: string;
  regex: RegExp;
  /** Private keys have no short value worth echoing, even masked. */
  showValue: boolean;
}

const SECRET_PATTERNS: readonly SecretPattern[] = [
  { rule: 'secret_aws_key', label: 'AWS access key id', regex: /\bAKIA[0-9A-Z]{16}\b/g, showValue: true },
  {
    rule: 'secret_private_key',
    label: 'private key (PEM block)',
    regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g,
    showValue: false,
  },
  {
    rule: 'secret_api_key',
    label: 'API secret key',
    regex: /\bsk-[A-Za-z0-9_-]{20,}|\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}/g,
    showValue: true,
  },
];

/** `apiKey = '…'`, `"client_secret": "…"`, `password: '…'`, `anonKey: '…'` and similar. */
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`\b([A-Za-z0-9_]*(?:api[_-]?key|secret|passw(?:or)?d|token|anon[_-]?key)[A-Za-z0-9_]*)['"]?` +
    String.raw`\s*(?::=|[:=])\s*(['"])([^'"\s]{12,})\2`,
  'gi',
);
/** `.env` / `.properties` style `API_KEY=value` without quotes. */
const ENV_ASSIGNMENT = new RegExp(
  String.raw`^[ \t]*(?:export[ \t]+)?([A-Za-z0-9_.]*(?:api[_-]?key|secret|passw(?:or)?d|token|anon[_-]?key)[A-Za-z0-9_.]*)` +
    String.raw`[ \t]*=[ \t]*([^\s'"#]{12,})[ \t]*$`,
  'gim',
);
const PLACEHOLDER = /^(?:your|example|changeme|change_me|placeholder|dummy|replace|todo|xxx|<)|\$|^\*+$/i;

function isEnvLike(file: string): boolean {
  const name = basename(file);
  return name.startsWith('.env') || name.endsWith('.env') || name.endsWith('.properties');
}

/** Real credentials mix letters and digits or are long; identifiers like `X-Auth-Token-Header` are not flagged. */
function looksLikeSecret(value: string): boolean {
  if (PLACEHOLDER.test(value)) return false;
  const mixed = /[0-9]/.test(value) && /[A-Za-z]/.test(value);
  return mixed || value.length >= 24;
}

// ---- keys that are public by design

const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.(eyJ[A-Za-z0-9_-]{8,})\.[A-Za-z0-9_-]{8,}/g;
const FIREBASE_WEB_KEY = /^AIza[0-9A-Za-z_-]{35}$/;
/** A Firebase options call or web config object: its `apiKey` identifies the project, it grants nothing. */
const FIREBASE_CONFIG_OPENER = /\bFirebaseOptions\s*\(|\bfirebaseConfig\s*=\s*\{/g;
const ANON_KEY_NAME = /anon[_-]?key/i;

const SUPABASE_ANON_MESSAGE =
  'is public by design: it ships in every client and only grants what Row Level Security allows; keep RLS on for every table';
const FIREBASE_KEY_MESSAGE =
  'is public by design: it identifies the Firebase project and grants nothing by itself; protect data with Security Rules and App Check, and restrict the key to your apps';

/** The `role` claim of a JWT, if its payload decodes. */
function jwtRole(payload: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const role = claims && typeof claims === 'object' ? (claims as Record<string, unknown>).role : undefined;
    return typeof role === 'string' ? role : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `index` lies inside the parentheses/braces opened by a Firebase config (same file). */
function insideFirebaseConfig(text: string, index: number): boolean {
  let opener: RegExpExecArray | undefined;
  for (const match of text.matchAll(FIREBASE_CONFIG_OPENER)) {
    if (match.index >= index) break;
    opener = match;
  }
  if (!opener) return false;
  let depth = 0;
  for (let k = opener.index + opener[0].length - 1; k < index; k++) {
    const c = text[k];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    if (depth === 0) return false;
  }
  return depth > 0;
}

interface PublicKey {
  rule: string;
  message: string;
}

/**
 * A value a secret rule matched that is meant to ship in the app: the Firebase
 * `apiKey` of the project's options and the Supabase anon key.
 */
function publicByDesign(target: ScanTarget, index: number, name: string, value: string): PublicKey | undefined {
  const shown = maskSecret(value);
  const jwt = /^eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]+$/.exec(value);
  const role = jwt ? jwtRole(jwt[1]) : undefined;
  // A JWT named "anon key" that is not one (service_role above all) is not let through.
  if (ANON_KEY_NAME.test(name) && (!jwt || role === 'anon'))
    return {
      rule: 'public_supabase_anon_key',
      message: `Supabase anon key "${name}" (${shown}) ${SUPABASE_ANON_MESSAGE}`,
    };
  if (
    /api[_-]?key/i.test(name) &&
    FIREBASE_WEB_KEY.test(value) &&
    (basename(target.file) === 'firebase_options.dart' || insideFirebaseConfig(target.text, index))
  )
    return {
      rule: 'public_firebase_api_key',
      message: `Firebase API key "${name}" (${shown}) ${FIREBASE_KEY_MESSAGE}`,
    };
  return undefined;
}

/**
 * JWT literals by role: a Supabase service_role key is a blocker (it bypasses
 * Row Level Security), an anon key is public by design (info). Returns the
 * lines reported, so the generic assignment rule does not report them again.
 */
function scanJwts(target: ScanTarget, emit: Emit): Set<number> {
  const lines = new Set<number>();
  forEachMatch(target.text, JWT, (match) => {
    const role = jwtRole(match[1]);
    const shown = maskSecret(match[0]);
    if (role === 'service_role')
      emit(
        'secret_supabase_service_role',
        match.index,
        'blocker',
        `Hard-coded Supabase service_role key (${shown}): it bypasses Row Level Security and must never ship in an app`,
      );
    else if (role === 'anon')
      emit('public_supabase_anon_key', match.index, 'info', `Supabase anon key (${shown}) ${SUPABASE_ANON_MESSAGE}`);
    else return;
    lines.add(target.lineOf(match.index));
  });
  return lines;
}

function scanSecretPatterns(target: ScanTarget, emit: Emit): Set<number> {
  const lines = new Set<number>();
  for (const pattern of SECRET_PATTERNS) {
    forEachMatch(target.text, pattern.regex, (match) => {
      const shown = pattern.showValue ? ` (${maskSecret(match[0])})` : '';
      emit(pattern.rule, match.index, 'blocker', `Hard-coded ${pattern.label}${shown}`);
      lines.add(target.lineOf(match.index));
    });
  }
  return lines;
}

function scanSecretAssignments(target: ScanTarget, emit: Emit, skipLines: ReadonlySet<number>): void {
  const report = (match: RegExpExecArray, name: string, value: string): void => {
    if (!looksLikeSecret(value) || skipLines.has(target.lineOf(match.index))) return;
    const open = publicByDesign(target, match.index, name, value);
    if (open) emit(open.rule, match.index, 'info', open.message);
    else emit('secret_assignment', match.index, 'blocker', `Hard-coded credential in "${name}" (${maskSecret(value)})`);
  };
  forEachMatch(target.text, SECRET_ASSIGNMENT, (match) => report(match, match[1], match[3]));
  if (isEnvLike(target.file)) forEachMatch(target.text, ENV_ASSIGNMENT, (match) => report(match, match[1], match[2]));
}

/**
 * Secret rules; a line already flagged by a specific pattern (or a JWT by its
 * role) is not flagged again as a generic assignment. Keys that are public by
 * design (Firebase options `apiKey`, Supabase anon key) are info, not blockers.
 */
export function scanSecrets(target: ScanTarget, emit: Emit): void {
  const specific = scanSecretPatterns(target, emit);
  for (const line of scanJwts(target, emit)) specific.add(line);
  scanSecretAssignments(target, emit, specific);
}

// ---------------------------------------------------------------- cleartext HTTP

const HTTP_URL = /\bhttp:\/\/([^\s'"`<>()[\]{}\\,;]+)/gi;
const LOCAL_HOSTS = new Set(['localhost', '10.0.2.2', '0.0.0.0', '[::1]']);
/** XML namespaces / DTD identifiers: never fetched, always `http://`. */
const IDENTIFIER_PREFIXES = [
  'schemas.android.com/',
  'schemas.microsoft.com/',
  'www.w3.org/',
  'www.apple.com/dtds/',
  'purl.org/',
  'ns.adobe.com/',
  'xmlns.com/',
];

function hostOf(authorityAndPath: string): string {
  const authority = authorityAndPath.split(/[/?#]/)[0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

function isHarmlessHttp(rest: string): boolean {
  const lower = rest.toLowerCase();
  const host = hostOf(lower);
  return LOCAL_HOSTS.has(host) || host.startsWith('127.') || IDENTIFIER_PREFIXES.some((p) => lower.startsWith(p));
}

/** Cleartext URLs: a blocker in Dart code (it will be fetched), a warning in comments, docs and config. */
export function scanCleartextHttp(target: ScanTarget, emit: Emit): void {
  forEachMatch(target.text, HTTP_URL, (match) => {
    if (isHarmlessHttp(match[1])) return;
    const inCode = target.isDart && !target.inComment(match.index);
    const where = inCode ? 'in Dart code' : target.isDart ? 'in a Dart comment' : 'outside Dart code';
    // Only scheme and host: the path or userinfo could carry tokens.
    const message = `Cleartext URL http://${hostOf(match[1])} ${where}; use https`;
    emit('cleartext_http', match.index, inCode ? 'blocker' : 'warning', message);
  });
}

// ---------------------------------------------------------------- debug flags and platform settings

interface FlagRule {
  rule: string;
  regex: RegExp;
  severity: SecuritySeverity;
  message: string;
  appliesTo(file: string): boolean;
}

const isDartFile = (file: string): boolean => file.endsWith('.dart');
const isManifest = (file: string): boolean => basename(file) === 'AndroidManifest.xml';
const isInfoPlist = (file: string): boolean => basename(file) === 'Info.plist';

const FLAG_RULES: readonly FlagRule[] = [
  {
    rule: 'debug_banner',
    regex: /\bdebugShowCheckedModeBanner\s*:\s*true\b/g,
    severity: 'info',
    message: 'debugShowCheckedModeBanner is true (debug banner visible in debug builds)',
    appliesTo: isDartFile,
  },
  {
    rule: 'debug_paint_size',
    regex: /\bdebugPaintSizeEnabled\s*=\s*true\b/g,
    severity: 'warning',
    message: 'debugPaintSizeEnabled is set to true',
    appliesTo: isDartFile,
  },
  {
    rule: 'android_cleartext_traffic',
    regex: /\bandroid:usesCleartextTraffic\s*=\s*["']true["']/g,
    severity: 'blocker',
    message: 'AndroidManifest allows cleartext traffic (android:usesCleartextTraffic="true")',
    appliesTo: isManifest,
  },
  {
    rule: 'android_debuggable',
    regex: /\bandroid:debuggable\s*=\s*["']true["']/g,
    severity: 'blocker',
    message: 'AndroidManifest marks the app debuggable (android:debuggable="true")',
    appliesTo: isManifest,
  },
  {
    rule: 'ios_arbitrary_loads',
    regex: /<key>\s*NSAllowsArbitraryLoads\s*<\/key>\s*<true\s*\/>/g,
    severity: 'blocker',
    message: 'Info.plist disables App Transport Security (NSAllowsArbitraryLoads = true)',
    appliesTo: isInfoPlist,
  },
];

/** Debug and platform flags; commented-out settings are inert and ignored. */
export function scanFlags(target: ScanTarget, emit: Emit): void {
  for (const flag of FLAG_RULES) {
    if (!flag.appliesTo(target.file)) continue;
    forEachMatch(target.text, flag.regex, (match) => {
      if (!target.inComment(match.index)) emit(flag.rule, match.index, flag.severity, flag.message);
    });
  }
}
