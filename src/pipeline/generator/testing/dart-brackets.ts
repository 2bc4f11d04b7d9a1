/**
 * Test helper: checks that (), [] and {} balance in Dart source outside string
 * literals and comments, following `${…}` interpolation back into code. A cheap
 * sanity check; QA's tree-sitter parse is the real syntax check.
 */

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const IDENTIFIER = /[A-Za-z0-9_$]/;

class Scanner {
  pos = 0;
  constructor(private readonly src: string) {}

  fail(message: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new Error(`line ${line}: ${message}`);
  }

  /** Scans code until EOF, or until the `}` closing an interpolation when `inInterpolation`. */
  code(inInterpolation: boolean): void {
    const open: string[] = [];
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      const next = this.src[this.pos + 1];
      if (ch === '/' && next === '/') this.skipLineComment();
      else if (ch === '/' && next === '*') this.skipBlockComment();
      else if (ch === "'" || ch === '"') this.string(false);
      else if (ch === 'r' && (next === "'" || next === '"') && !IDENTIFIER.test(this.src[this.pos - 1] ?? '')) {
        this.pos++;
        this.string(true);
      } else if (ch in CLOSERS) {
        open.push(CLOSERS[ch]);
        this.pos++;
      } else if (ch === ')' || ch === ']' || ch === '}') {
        if (open.length === 0 && inInterpolation && ch === '}') {
          this.pos++;
          return;
        }
        const expected = open.pop();
        if (expected !== ch) this.fail(`unexpected "${ch}"${expected ? `, expected "${expected}"` : ''}`);
        this.pos++;
      } else this.pos++;
    }
    if (inInterpolation) this.fail('unterminated interpolation');
    if (open.length > 0) this.fail(`unclosed bracket(s), expected "${open.reverse().join('')}"`);
  }

  private skipLineComment(): void {
    const end = this.src.indexOf('\n', this.pos);
    this.pos = end === -1 ? this.src.length : end;
  }

  /** Dart block comments nest. */
  private skipBlockComment(): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      if (this.src.startsWith('/*', this.pos)) {
        depth++;
        this.pos += 2;
      } else if (this.src.startsWith('*/', this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else this.pos++;
    }
    this.fail('unterminated block comment');
  }

  private string(raw: boolean): void {
    const quote = this.src[this.pos];
    const triple = this.src.startsWith(quote.repeat(3), this.pos);
    const delimiter = triple ? quote.repeat(3) : quote;
    this.pos += delimiter.length;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (this.src.startsWith(delimiter, this.pos)) {
        this.pos += delimiter.length;
        return;
      }
      if (!triple && (ch === '\n' || ch === '\r')) this.fail('line break in a single-line string');
      if (!raw && ch === '\\') this.pos += 2;
      else if (!raw && ch === '$' && this.src[this.pos + 1] === '{') {
        this.pos += 2;
        this.code(true);
      } else this.pos++;
    }
    this.fail('unterminated string');
  }
}

/** Null when balanced, otherwise a message with the line of the first problem. */
export function bracketProblem(source: string): string | null {
  try {
    new Scanner(source).code(false);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
