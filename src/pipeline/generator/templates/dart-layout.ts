/**
 * Line layout of generated Dart expressions, the way `dart format` lays out a
 * call or record that passes 80 columns: one argument per line, each with a
 * trailing comma, the closing parenthesis back at the opening line's indent.
 * The archetypes build their screen expressions on one line; the app shell
 * places them in the route table at its own indent.
 */

const WIDTH = 80;

const OPENERS = '([{';
const CLOSERS = ')]}';

/** The top-level comma-separated parts of `text` (nested brackets and strings stay whole). */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (OPENERS.includes(char)) depth++;
    else if (CLOSERS.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, at).trim());
      start = at + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** Index of the `(` whose matching `)` ends `expression`, or -1 when it does not end in a call's parentheses. */
function argumentListStart(expression: string): number {
  if (!expression.endsWith(')')) return -1;
  let depth = 0;
  let quote: string | undefined;
  let open = -1;
  for (let at = 0; at < expression.length; at++) {
    const char = expression[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') {
      if (depth === 0) open = at;
      depth++;
    } else if (char === ')') depth--;
    // A top-level `)` before the end: `a(b).c(d)` ends in the last call, found on a later `(`.
  }
  return depth === 0 ? open : -1;
}

/**
 * `expression` placed at column `indent` and followed by `suffix` on its last line (`,` in a list):
 * unchanged when it fits in 80 columns, else its trailing argument list (of a call or a record) split
 * one argument per line, recursively.
 */
export function dartLayout(expression: string, indent: number, suffix = ''): string {
  if (indent + expression.length + suffix.length <= WIDTH) return expression;
  const open = argumentListStart(expression);
  if (open < 0) return expression;
  const args = topLevelParts(expression.slice(open + 1, -1));
  if (args.length === 0) return expression;
  const pad = ' '.repeat(indent + 2);
  const lines = args.map((arg) => `${pad}${dartLayout(arg, indent + 2, ',')},`);
  return `${expression.slice(0, open + 1)}\n${lines.join('\n')}\n${' '.repeat(indent)})`;
}
