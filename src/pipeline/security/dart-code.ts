/**
 * Dart source with comments and the text of string literals blanked out,
 * index for index: a rule can match calls and expressions in real code
 * without tripping over `print(...)` in a comment or `=> true` in a string.
 * Interpolated expressions (`$token`, `${user.password}`) stay as code,
 * because that is where a string reads a value.
 */

/** `$name` interpolation: a Dart identifier without `$`. */
const INTERPOLATED_START = /[A-Za-z_]/;
const IDENT_PART = /[\w$]/;

class Blanker {
  private readonly out: string[];
  private i = 0;

  constructor(private readonly src: string) {
    this.out = [...src];
  }

  run(): string {
    this.code(false);
    return this.out.join('');
  }

  private blank(from: number, to: number): void {
    for (let k = from; k < to && k < this.src.length; k++) if (this.src[k] !== '\n') this.out[k] = ' ';
  }

  /** Code until the end, or (inside `${…}`) until its closing brace, which is left at `this.i`. */
  private code(inInterpolation: boolean): void {
    const src = this.src;
    let depth = 0;
    while (this.i < src.length) {
      const c = src[this.i];
      if (c === '/' && src[this.i + 1] === '/') {
        const end = src.indexOf('\n', this.i);
        const stop = end < 0 ? src.length : end;
        this.blank(this.i, stop);
        this.i = stop;
      } else if (c === '/' && src[this.i + 1] === '*') {
        this.blockComment();
      } else if (c === "'" || c === '"') {
        this.string();
      } else if (inInterpolation && c === '{') {
        depth++;
        this.i++;
      } else if (inInterpolation && c === '}') {
        if (depth === 0) return;
        depth--;
        this.i++;
      } else {
        this.i++;
      }
    }
  }

  /** Dart block comments nest. */
  private blockComment(): void {
    const src = this.src;
    const start = this.i;
    let depth = 0;
    while (this.i < src.length) {
      if (src.startsWith('/*', this.i)) {
        depth++;
        this.i += 2;
      } else if (src.startsWith('*/', this.i)) {
        depth--;
        this.i += 2;
        if (depth === 0) break;
      } else {
        this.i++;
      }
    }
    this.blank(start, this.i);
  }

  private string(): void {
    const src = this.src;
    const quote = src[this.i];
    const before = this.i - 1;
    const raw = src[before] === 'r' && !IDENT_PART.test(src[before - 1] ?? '');
    const triple = src.startsWith(quote.repeat(3), this.i);
    const close = triple ? quote.repeat(3) : quote;
    this.i += close.length;
    let runStart = this.i;
    const flush = () => this.blank(runStart, this.i);
    while (this.i < src.length) {
      const c = src[this.i];
      if (src.startsWith(close, this.i)) {
        flush();
        this.i += close.length;
        return;
      }
      if (!triple && c === '\n') break; // unterminated single-line string: stop at the line end
      if (!raw && c === '\\') {
        this.i += 2;
        continue;
      }
      if (!raw && c === '$' && src[this.i + 1] === '{') {
        flush();
        this.blank(this.i, this.i + 1); // the `$`; the braces stay, balanced
        this.i += 2;
        this.code(true);
        this.i++; // the closing brace
        runStart = this.i;
        continue;
      }
      if (!raw && c === '$' && INTERPOLATED_START.test(src[this.i + 1] ?? '')) {
        flush();
        this.blank(this.i, this.i + 1);
        this.i++;
        while (this.i < src.length && /\w/.test(src[this.i])) this.i++;
        runStart = this.i;
        continue;
      }
      this.i++;
    }
    flush();
  }
}

export function blankDartNonCode(src: string): string {
  return new Blanker(src).run();
}

const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** Index of the bracket closing the one at `open` in blanked code, or -1. */
export function matchingBracket(code: string, open: number): number {
  const stack: string[] = [];
  for (let k = open; k < code.length; k++) {
    const c = code[k];
    if (PAIRS[c]) stack.push(PAIRS[c]);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return k;
    }
  }
  return -1;
}

export function skipSpace(code: string, from: number): number {
  let k = from;
  while (k < code.length && /\s/.test(code[k])) k++;
  return k;
}
