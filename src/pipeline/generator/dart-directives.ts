/**
 * A light scanner for `import` / `export` directives, good enough for the
 * generated sources and for removing one broken import during repair
 * (QA uses a real tree-sitter parse; the generator must not depend on it).
 */
import * as path from 'node:path';

export interface DartDirectiveMatch {
  kind: 'import' | 'export';
  /** Every quoted URI of the directive (conditional imports have several). */
  uris: string[];
  /** Offsets of the directive text, including its trailing line break. */
  start: number;
  end: number;
  /** 1-based lines the directive spans. */
  startLine: number;
  endLine: number;
}

const DIRECTIVE = /^[ \t]*(import|export)\b[^;{}]*;[ \t]*(?:\/\/[^\n]*)?(?:\r?\n)?/gm;
const STRING_LITERAL = /r?'([^'\n]*)'|r?"([^"\n]*)"/g;

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

export function findDartDirectives(source: string): DartDirectiveMatch[] {
  const matches: DartDirectiveMatch[] = [];
  for (const match of source.matchAll(DIRECTIVE)) {
    const text = match[0];
    const uris = [...text.matchAll(STRING_LITERAL)].map((literal) => literal[1] ?? literal[2] ?? '');
    if (uris.length === 0) continue;
    const start = match.index;
    const end = start + text.length;
    matches.push({
      kind: match[1] === 'export' ? 'export' : 'import',
      uris,
      start,
      end,
      startLine: lineAt(source, start),
      endLine: lineAt(source, start + text.trimEnd().length),
    });
  }
  return matches;
}

/**
 * The project file a URI points to (root-relative posix path), or null for SDK,
 * other packages' and unresolvable URIs.
 */
export function localImportTarget(importer: string, uri: string, packageName: string): string | null {
  const ownPrefix = `package:${packageName}/`;
  let target: string;
  if (uri.startsWith(ownPrefix)) target = path.posix.normalize(`lib/${uri.slice(ownPrefix.length)}`);
  else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri) || uri.startsWith('/')) return null;
  else target = path.posix.normalize(path.posix.join(path.posix.dirname(importer), uri));
  return target.startsWith('../') || target === '..' ? null : target;
}
