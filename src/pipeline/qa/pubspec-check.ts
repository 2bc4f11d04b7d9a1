import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { QaFinding } from './qa.types';
import { DART_RESERVED } from '../generator/naming';
import { projectFilePath } from './project-files';

const PUBSPEC = 'pubspec.yaml';
const PACKAGE_NAME = /^[a-z][a-z0-9_]*$/;

export interface PubspecInfo {
  name: string;
  /** Keys of `dependencies` and `dev_dependencies` (sdk entries included). */
  declared: ReadonlySet<string>;
}

export interface PubspecCheck {
  /** Null when the package name or dependencies cannot be trusted. */
  info: PubspecInfo | null;
  findings: QaFinding[];
}

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finding(rule: string, message: string, line?: number): QaFinding {
  return line === undefined ? { rule, file: PUBSPEC, message } : { rule, file: PUBSPEC, line, message };
}

/** Line of a top-level key, for pointing findings at it. */
function keyLine(text: string, key: string): number | undefined {
  const index = text.search(new RegExp(`^${key}\\s*:`, 'm'));
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

function parseYaml(text: string): { value: unknown } | { error: QaFinding } {
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    return { error: finding('pubspec_invalid', `Invalid YAML: ${first.message.split('\n')[0]}`, line) };
  }
  try {
    return { value: doc.toJS() };
  } catch (error) {
    // e.g. alias bombs rejected by the yaml library's alias limit.
    const message = error instanceof Error ? error.message : String(error);
    return { error: finding('pubspec_invalid', `Invalid YAML: ${message}`) };
  }
}

function checkName(doc: YamlMap, text: string): QaFinding | null {
  const name = doc.name;
  const line = keyLine(text, 'name');
  if (typeof name !== 'string' || name === '') return finding('pubspec_name', 'Missing package name', line);
  if (!PACKAGE_NAME.test(name)) {
    return finding('pubspec_name', `Package name "${name}" must match ^[a-z][a-z0-9_]*$`, line);
  }
  if (DART_RESERVED.has(name)) return finding('pubspec_name', `Package name "${name}" is a Dart reserved word`, line);
  return null;
}

function declaredPackages(doc: YamlMap, text: string, findings: QaFinding[]): Set<string> {
  const declared = new Set<string>();
  for (const section of ['dependencies', 'dev_dependencies']) {
    const deps = doc[section];
    if (deps === undefined || deps === null) continue;
    if (!isMap(deps)) {
      findings.push(finding('pubspec_invalid', `"${section}" must be a mapping`, keyLine(text, section)));
      continue;
    }
    for (const pkg of Object.keys(deps)) declared.add(pkg);
  }
  return declared;
}

/** Checks pubspec.yaml exists, is YAML, has a valid name; returns what import checks need. */
export async function checkPubspec(projectDir: string, files: ReadonlySet<string>): Promise<PubspecCheck> {
  if (!files.has(PUBSPEC)) return { info: null, findings: [finding('pubspec_missing', 'pubspec.yaml is missing')] };
  const text = readFileSync(projectFilePath(projectDir, PUBSPEC), 'utf8');
  const parsed = parseYaml(text);
  if ('error' in parsed) return { info: null, findings: [parsed.error] };
  if (!isMap(parsed.value)) {
    return { info: null, findings: [finding('pubspec_invalid', 'pubspec.yaml must be a YAML mapping')] };
  }
  const findings: QaFinding[] = [];
  const nameProblem = checkName(parsed.value, text);
  if (nameProblem) findings.push(nameProblem);
  const declared = declaredPackages(parsed.value, text, findings);
  const name = parsed.value.name;
  // An invalid-but-present name still identifies own `package:` imports.
  const info = typeof name === 'string' && name !== '' ? { name, declared } : null;
  return { info, findings };
}
