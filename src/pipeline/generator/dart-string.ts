/**
 * Safe embedding of user text (app name, description, feature labels) in
 * generated Dart source and single-line docs.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  $: '\\$',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Characters that are either syntax inside a Dart string (`\`, `'`, `$`),
 * control characters, line/paragraph separators, BOM or lone surrogates.
 * Lone surrogates cannot be written as UTF-8, so they are escaped too.
 */
const NEEDS_ESCAPE =
  /[\\'$\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(char: string): string {
  const simple = SIMPLE_ESCAPES[char];
  if (simple !== undefined) return simple;
  const code = char.charCodeAt(0);
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

/** A single-quoted Dart string literal whose value is exactly `text`. */
export function dartString(text: string): string {
  return `'${text.replace(NEEDS_ESCAPE, escapeChar)}'`;
}

/** Collapses all line breaks and runs of whitespace so `text` fits in a heading, table cell or comment. */
export function singleLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The noun with its English indefinite article: "an expense", "a task". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Single-line text that is also safe inside a Markdown table cell. */
export function markdownCell(text: string): string {
  return singleLine(text).replace(/\|/g, '\\|');
}
