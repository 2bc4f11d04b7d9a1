/**
 * Prompt context measured in tokens. Tokens are estimated as characters / 4
 * (close for English and code with the GPT/Llama tokenizers; the budget has
 * headroom for the error). Whatever does not fit is cut with a visible marker
 * or left out, and the prompt lists what was left out.
 */

/** Prompt budget of one agent request, in tokens: fits every 32k-context model with room for the reply. */
export const PROMPT_BUDGET_TOKENS = 24_000;

const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Output tokens a file of this content costs inside a JSON reply (escaped quotes and line breaks, path, braces). */
export function replyTokensFor(content: string, path = ''): number {
  const escapes = (content.match(/["\\\n\t]/g) ?? []).length;
  return Math.ceil((content.length + escapes + path.length + 32) / CHARS_PER_TOKEN);
}

export function omittedMarker(chars: number): string {
  return `[… ${chars} characters omitted …]`;
}

/** Keeps the head of `text` within `maxChars`, cut at a line break, with the omission marker. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = Math.max(0, maxChars - 40);
  const lineEnd = text.lastIndexOf('\n', room);
  const keep = lineEnd > room / 2 ? lineEnd : room;
  return `${text.slice(0, keep)}\n${omittedMarker(text.length - keep)}`;
}

export interface ContextBlock {
  /** Shown as `--- title ---`. */
  title: string;
  body: string;
  /** Required blocks are always sent whole (the contract, the task's own files). */
  required?: boolean;
}

/**
 * Fills the prompt in the given order: required blocks first, then optional
 * ones while they fit; the first that does not fit whole is cut (when at
 * least a useful part fits), the rest are listed as omitted.
 */
export function fitBlocks(
  blocks: readonly ContextBlock[],
  budgetTokens: number,
): { blocks: ContextBlock[]; omitted: string[] } {
  let left = budgetTokens;
  for (const block of blocks) if (block.required) left -= estimateTokens(block.title + block.body) + 4;
  const kept = new Set<ContextBlock>(blocks.filter((b) => b.required));
  const cut = new Map<ContextBlock, ContextBlock>();
  const omitted: string[] = [];
  for (const block of blocks) {
    if (block.required) continue;
    const cost = estimateTokens(block.title + block.body) + 4;
    if (cost <= left) {
      kept.add(block);
      left -= cost;
    } else if (left >= 300) {
      const trimmed = { ...block, body: cutText(block.body, (left - 20) * CHARS_PER_TOKEN) };
      kept.add(block);
      cut.set(block, trimmed);
      omitted.push(`${block.title} (cut)`);
      left = 0;
    } else {
      omitted.push(block.title);
    }
  }
  return {
    blocks: blocks.filter((b) => kept.has(b)).map((b) => cut.get(b) ?? b),
    omitted,
  };
}
