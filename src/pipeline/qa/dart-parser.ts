import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Dart parsing with tree-sitter (wasm). The runtime and the grammar are loaded
 * once per process and the single parser is reused: parsing is synchronous, so
 * concurrent callers can never interleave on it.
 */

const DART_GRAMMAR = '@repomix/tree-sitter-wasms/out/tree-sitter-dart.wasm';
const RUNTIME_WASM = 'web-tree-sitter/web-tree-sitter.wasm';
/** Enough to point a repair at the problem without flooding the report. */
const MAX_ERRORS_PER_FILE = 5;

export interface DartSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export interface DartParseResult {
  ok: boolean;
  errors: DartSyntaxError[];
}

export type DartDirectiveKind = 'import' | 'export' | 'part' | 'part_of';

export interface DartDirective {
  kind: DartDirectiveKind;
  /** The URI as written (quotes removed); conditional imports yield one entry per URI. */
  uri: string;
  /** 1-based line of the URI. */
  line: number;
}

export interface DartSourceAnalysis extends DartParseResult {
  directives: DartDirective[];
}

/** Half-open range of JS string indices (web-tree-sitter indexes UTF-16 code units). */
export interface SourceRange {
  start: number;
  end: number;
}

let parserPromise: Promise<Parser> | undefined;

/**
 * A `require` that works both in the compiled CommonJS build (real `__filename`)
 * and under Vitest's ESM runner (which injects `__filename`); the cwd anchor is
 * only a fallback for runtimes that provide neither.
 */
function moduleRequire(): NodeJS.Require {
  const anchor = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json');
  return createRequire(anchor);
}

async function createParser(): Promise<Parser> {
  const req = moduleRequire();
  // Explicit locateFile: do not depend on how the runtime guesses its own directory.
  const runtimeWasm = req.resolve(RUNTIME_WASM);
  await Parser.init({ locateFile: () => runtimeWasm });
  const language = await Language.load(req.resolve(DART_GRAMMAR));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Loads (once) and returns the shared Dart parser; a failed load is retried on the next call. */
export function loadDartParser(): Promise<Parser> {
  parserPromise ??= createParser().catch((error: unknown) => {
    parserPromise = undefined;
    throw error;
  });
  return parserPromise;
}

/** Parses `source` and runs `visit` on the root; the tree is freed afterwards (wasm memory). */
async function withSyntaxTree<T>(source: string, visit: (root: Node) => T): Promise<T> {
  const parser = await loadDartParser();
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter produced no tree for the Dart source');
  try {
    return visit(tree.rootNode);
  } finally {
    tree.delete();
  }
}

function errorMessage(node: Node): string {
  if (node.isMissing) return `Syntax error: missing "${node.type}"`;
  const snippet = node.text.trim().split('\n')[0].trim().slice(0, 40);
  return snippet ? `Syntax error: unexpected "${snippet}"` : 'Syntax error: unexpected input';
}

/** ERROR and MISSING nodes in document order; only subtrees flagged `hasError` are visited. */
function collectSyntaxErrors(root: Node): DartSyntaxError[] {
  const errors: DartSyntaxError[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0 && errors.length < MAX_ERRORS_PER_FILE) {
    const node = stack.pop() as Node;
    if (node.isMissing || node.isError) {
      // An ERROR node's inner problems are part of the same recovery: report it once.
      errors.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        message: errorMessage(node),
      });
    } else if (node.hasError) {
      stack.push(...node.children.slice().reverse());
    }
  }
  // Defensive: a flagged tree must never read as clean even if no node was singled out.
  if (errors.length === 0 && root.hasError) errors.push({ line: 1, column: 1, message: 'Syntax error' });
  return errors;
}

/** The value of a `uri` node: adjacent string literals concatenated, quotes (and `r`) removed. */
export function uriValue(uriNode: Node): string {
  const literal = /r?('''|"""|'|")([\s\S]*?)\1/g;
  let value = '';
  for (const match of uriNode.text.matchAll(literal)) value += match[2];
  return value;
}

const DIRECTIVE_KINDS: Readonly<Record<string, DartDirectiveKind>> = {
  library_import: 'import',
  library_export: 'export',
  part_directive: 'part',
  part_of_directive: 'part_of',
};

/** Searched over the whole tree so directives swallowed by an ERROR node are still checked. */
function collectDirectives(root: Node): DartDirective[] {
  const directives: DartDirective[] = [];
  for (const node of root.descendantsOfType(Object.keys(DIRECTIVE_KINDS))) {
    const kind = DIRECTIVE_KINDS[node.type];
    // `part of some.library;` has no uri node and is therefore skipped.
    for (const uriNode of node.descendantsOfType('uri')) {
      directives.push({ kind, uri: uriValue(uriNode), line: uriNode.startPosition.row + 1 });
    }
  }
  return directives;
}

export async function parseDart(source: string): Promise<DartParseResult> {
  return withSyntaxTree(source, (root) => {
    const errors = collectSyntaxErrors(root);
    return { ok: errors.length === 0, errors };
  });
}

/** import / export / part / part of directives with their URIs and lines. */
export async function extractDartDirectives(source: string): Promise<DartDirective[]> {
  return withSyntaxTree(source, collectDirectives);
}

/** Syntax errors and directives from a single parse. */
export async function analyzeDartSource(source: string): Promise<DartSourceAnalysis> {
  return withSyntaxTree(source, (root) => {
    const errors = collectSyntaxErrors(root);
    return { ok: errors.length === 0, errors, directives: collectDirectives(root) };
  });
}

/**
 * Syntax errors, directives and whatever `scan` extracts, all from a single
 * parse. `scan` must copy what it needs out of the tree: nodes are invalid
 * once it returns.
 */
export async function analyzeDartSourceWith<T>(
  source: string,
  scan: (root: Node) => T,
): Promise<DartSourceAnalysis & { scan: T }> {
  return withSyntaxTree(source, (root) => {
    const errors = collectSyntaxErrors(root);
    return { ok: errors.length === 0, errors, directives: collectDirectives(root), scan: scan(root) };
  });
}

/** Ranges of `//`, `/* *\/` and `///` comments (used to grade findings in comments lower). */
export async function dartCommentRanges(source: string): Promise<SourceRange[]> {
  return withSyntaxTree(source, (root) =>
    root
      .descendantsOfType(['comment', 'documentation_comment'])
      .map((node) => ({ start: node.startIndex, end: node.endIndex })),
  );
}
