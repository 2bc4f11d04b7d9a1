import { LlmTruncatedError } from '../../llm/llm.errors';
import type { AgentWriter } from '../agent-writer.service';
import { buildContract, isContractFile } from '../context/app-contract';
import { OUTPUT_FILL } from '../context/cut-replies';
import { replyTokensFor } from '../context/prompt-budget';
import { repairContextBlocks } from '../context/repair-context';
import type { GeneratedFile } from '../generator/app-spec';
import { repairProject } from '../generator/repair';
import type { PhaseContext } from '../phase-handler';
import type { QaFinding } from '../qa/qa.types';
import { featurePolicy } from './dev.phase';

export interface FixResult {
  /** Paths relative to `source/`. */
  changed: string[];
  notes: string[];
}

/**
 * One round of fixing QA findings: the refactor agent through the LLM, or the
 * builtin repair that restores files from the templates. With the LLM, a
 * flagged contract file that differs from the contract is restored (the
 * contract is authoritative); every other finding goes to the model with the
 * flagged files, the pubspec, the contract of the features involved and the
 * files they import or are imported by.
 */
export async function fixFindings(
  context: PhaseContext,
  findings: readonly QaFinding[],
  writer: AgentWriter,
): Promise<FixResult> {
  if (!context.usesLlm) return repairProject(context.sourceDir, context.spec, findings);

  const contract = buildContract(context.spec);
  const restore: GeneratedFile[] = [];
  for (const path of new Set(findings.map((f) => f.file))) {
    if (!isContractFile(contract, path)) continue;
    const content = contract.builtin.get(path)!;
    if ((await context.readFile(`source/${path}`)) !== content) restore.push({ path, content });
  }
  if (restore.length) await context.writeFiles(restore, 'source');
  const notes = restore.map((file) => `Restored ${file.path} from the app contract`);
  const left = findings.filter((f) => !restore.some((file) => file.path === f.file));
  if (!left.length) return { changed: restore.map((f) => f.path).sort(), notes };

  // As many flagged files as the reply can hold (estimated from their current size); the rest wait for the next round.
  const limit = (await writer.maxTokens(context)) * OUTPUT_FILL;
  const batch: string[] = [];
  let tokens = 0;
  for (const path of new Set(left.map((f) => f.file))) {
    const size = replyTokensFor((await context.readFile(`source/${path}`)) ?? '', path);
    if (batch.length && tokens + size > limit) break;
    batch.push(path);
    tokens += size;
  }
  const now = left.filter((f) => batch.includes(f.file));
  const later = left.length - now.length;

  const { blocks } = await repairContextBlocks(context.sourceDir, contract, now);
  let written: GeneratedFile[];
  try {
    ({ files: written } = await writer.generate(context, {
      task: `Fix every QA finding below. Return the complete corrected content of each file you change (or create), and nothing else. Keep the app contract: class names, constructors, routes and file paths stay as it says; contract files are read-only.${later ? ` (${later} other finding(s) in other files come in a later round.)` : ''}`,
      policy: featurePolicy(contract),
      extra: blocks,
      contextDocs: ['docs/architecture.md'],
      under: 'source',
    }));
  } catch (error) {
    if (!(error instanceof LlmTruncatedError)) throw error;
    // Keep the files that were complete; the next QA round flags what is still wrong.
    written = error.partialFiles;
    if (written.length) await context.writeFiles(written, 'source');
    await context.log(
      'warn',
      `The repair reply was cut at max_tokens; kept ${written.length} complete file(s), QA checks again`,
    );
  }
  const changed = [...new Set([...restore.map((f) => f.path), ...written.map((f) => f.path)])].sort();
  return { changed, notes: [...notes, ...written.map((f) => `Rewrote ${f.path} (refactor_agent)`).sort()] };
}
