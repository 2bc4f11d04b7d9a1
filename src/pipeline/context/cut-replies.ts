import type { LlmTruncatedError } from '../../llm/llm.errors';
import type { GeneratedFile } from '../generator/app-spec';
import type { PhaseContext } from '../phase-handler';
import { replyTokensFor } from './prompt-budget';

/** Share of an agent's max_tokens a request may plan to use: a model's version of a file may be longer than ours. */
export const OUTPUT_FILL = 0.7;

/** A piece whose replies keep hitting max_tokens is split at most this many times before the phase gives up. */
export const MAX_PIECE_SPLITS = 3;

/** Files asked for in one request; `files` hold the builtin versions (their size is the estimate of the model's). */
export interface Piece {
  files: GeneratedFile[];
  /** How many times these files were split off a cut reply. */
  splits: number;
}

export function replyTokens(files: readonly GeneratedFile[]): number {
  return files.reduce((sum, file) => sum + replyTokensFor(file.content, file.path), 0);
}

/** Files in order, packed into requests whose estimated reply fits `maxTokens × OUTPUT_FILL` (a file too large alone gets its own). */
export function packFiles(files: readonly GeneratedFile[], maxTokens: number): Piece[] {
  const limit = Math.max(256, Math.floor(maxTokens * OUTPUT_FILL));
  const pieces: Piece[] = [];
  let tokens = 0;
  for (const file of files) {
    const cost = replyTokens([file]);
    if (!pieces.length || tokens + cost > limit) {
      pieces.push({ files: [], splits: 0 });
      tokens = 0;
    }
    pieces[pieces.length - 1].files.push(file);
    tokens += cost;
  }
  return pieces;
}

/**
 * After a reply cut at max_tokens: writes the complete files it held and
 * plans the rest — asked again as one request when the cut reply made
 * progress, else halved. Throws a job error when a single file does not fit
 * or the piece was split MAX_PIECE_SPLITS times.
 */
export async function afterCutReply<P extends Piece>(
  context: PhaseContext,
  piece: P,
  error: LlmTruncatedError,
  options: {
    agentId: string;
    maxTokens: number;
    under?: string;
    /** Two (or one) pieces of `remaining`, each with `splits` one higher. */
    split: (piece: P, remaining: GeneratedFile[]) => P[];
  },
): Promise<{ outputs: string[]; next: P[] }> {
  const wanted = new Set(piece.files.map((f) => f.path));
  const salvaged = error.partialFiles.filter((file) => wanted.has(file.path));
  const outputs = salvaged.length ? await context.writeFiles(salvaged, options.under) : [];
  const kept = new Set(salvaged.map((f) => f.path));
  const remaining = piece.files.filter((f) => !kept.has(f.path));
  await context.log(
    'warn',
    `The reply for ${piece.files.length} file(s) was cut at max_tokens (${options.maxTokens}); kept ${salvaged.length} complete file(s), ${remaining.length} to ask again`,
  );
  if (!remaining.length) return { outputs, next: [] };
  if (piece.splits >= MAX_PIECE_SPLITS || (remaining.length === 1 && !salvaged.length)) {
    throw new Error(
      `The ${options.agentId}'s replies for ${remaining.map((f) => f.path).join(', ')} kept exceeding max_tokens (${options.maxTokens}) after ${piece.splits} split(s); raise ${options.agentId}'s max tokens`,
    );
  }
  if (salvaged.length) return { outputs, next: [{ ...piece, files: remaining, splits: piece.splits + 1 }] };
  return { outputs, next: options.split(piece, remaining) };
}

/** Halves a list of files into pieces one split deeper. */
export function halves<P extends Piece>(piece: P, files: readonly GeneratedFile[]): P[] {
  const half = Math.ceil(files.length / 2);
  return [files.slice(0, half), files.slice(half)]
    .filter((part) => part.length)
    .map((part) => ({ ...piece, files: part, splits: piece.splits + 1 }));
}
