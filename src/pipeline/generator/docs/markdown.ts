/**
 * Tiny Markdown helpers. User text is never escaped beyond what keeps the
 * structure intact: one line in headings and table cells, `|` escaped in
 * cells, and multi-line text quoted so a `#` line cannot become a heading.
 */
import { markdownCell, singleLine } from '../dart-string';

export { singleLine as inline };

/** For the backend sections of an app whose features store nothing (sign-in and settings only). */
export const NO_DATA = '_No feature of this app stores data of its own yet, so there is nothing to set up here._';

/** A Markdown table; with no rows, the `empty` sentence instead (a header over nothing reads as a bug). */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, empty = '_None._'): string {
  if (!rows.length) return empty;
  const line = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Multi-line user text as a blockquote (empty lines kept as `>`). */
export function blockquote(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() ? `> ${line.trimEnd()}` : '>'))
    .join('\n');
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Joins sections with blank lines and ends the document with one newline. */
export function document(...sections: readonly string[]): string {
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}
