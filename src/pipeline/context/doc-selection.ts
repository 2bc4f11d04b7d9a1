import { omittedMarker } from './prompt-budget';

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Matches a term as a word or at the start of a path or snake_case name (`chart`, `chart_screen.dart`, `chart/`). */
function wordPattern(terms: readonly string[]): RegExp | undefined {
  const words = terms.filter(Boolean).map(escape);
  return words.length ? new RegExp(`(?<![A-Za-z0-9])(?:${words.join('|')})(?![A-Za-z0-9])`, 'i') : undefined;
}

/**
 * Matches a Dart identifier part: `Expense` in `InMemoryExpenseRepository`,
 * `expenses` in `services.expenses`, `expense` in `expense_repository.dart`.
 */
function identifierPattern(terms: readonly string[]): RegExp | undefined {
  const parts = terms
    .filter(Boolean)
    .map((term) =>
      /^[A-Z]/.test(term) ? `${escape(term)}(?![a-z0-9])` : `(?<![A-Za-z0-9])${escape(term)}(?![a-z0-9])`,
    );
  return parts.length ? new RegExp(parts.join('|')) : undefined;
}

const mentions = (text: string, pattern: RegExp | undefined) => !!pattern?.test(text);

/** Collapses runs of dropped lines into one omission marker each. */
function assemble(lines: readonly { text: string; keep: boolean }[]): string {
  const out: string[] = [];
  let omitted = 0;
  for (const line of lines) {
    if (!line.keep) {
      omitted += line.text.length + 1;
      continue;
    }
    if (omitted) out.push(omittedMarker(omitted));
    omitted = 0;
    out.push(line.text);
  }
  if (omitted) out.push(omittedMarker(omitted));
  return out.join('\n');
}

/**
 * The parts of a Markdown document that matter to some features: sections,
 * table rows, list items and lines that mention only other features are left
 * out, marked where they were. General parts (goal, non-functional
 * requirements, shared rules) mention no feature and are kept.
 */
export function selectSections(markdown: string, keep: readonly string[], others: readonly string[]): string {
  const keepPattern = wordPattern(keep);
  const otherPattern = wordPattern(others);
  const onlyOthers = (text: string) => mentions(text, otherPattern) && !mentions(text, keepPattern);
  const lines: { text: string; keep: boolean }[] = [];
  let dropSection = false;
  for (const text of markdown.split('\n')) {
    if (/^#{2,6}\s/.test(text)) {
      dropSection = onlyOthers(text);
      lines.push({ text, keep: !dropSection });
      continue;
    }
    lines.push({ text, keep: !dropSection && !onlyOthers(text) });
  }
  return assemble(lines);
}

/**
 * An excerpt of a shared Dart file (AppServices, the fake repositories) for
 * some features: top-level declarations and single lines that mention only
 * other features' names are left out, marked where they were.
 */
export function selectDart(source: string, keep: readonly string[], others: readonly string[]): string {
  const keepPattern = identifierPattern(keep);
  const otherPattern = identifierPattern(others);
  const onlyOthers = (text: string) => mentions(text, otherPattern) && !mentions(text, keepPattern);
  const declarations: string[][] = [];
  for (const line of source.split('\n')) {
    const topLevel = line && !/^\s/.test(line) && !line.startsWith('}');
    if (topLevel || !declarations.length) declarations.push([line]);
    else declarations[declarations.length - 1].push(line);
  }
  const lines: { text: string; keep: boolean }[] = [];
  for (const declaration of declarations) {
    const dropAll = onlyOthers(declaration.join('\n'));
    for (const text of declaration) {
      // A member or statement on one line; multi-line constructs are kept whole.
      const single = /[;,]\s*$/.test(text) && !/[({[]\s*$/.test(text);
      lines.push({ text, keep: !dropAll && !(single && onlyOthers(text)) });
    }
  }
  return assemble(lines);
}
