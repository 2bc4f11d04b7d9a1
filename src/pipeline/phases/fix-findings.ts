import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentWriter } from '../agent-writer.service';
import { repairProject } from '../generator/repair';
import type { PhaseContext } from '../phase-handler';
import type { QaFinding } from '../qa/qa.types';
import { sourcePolicy } from './dev.phase';

const MAX_FILE_CHARS = 20_000;
const MAX_FILES = 12;

export interface FixResult {
  /** Paths relative to `source/`. */
  changed: string[];
  notes: string[];
}

/**
 * One round of fixing QA findings: the refactor agent through the LLM (the
 * findings and the offending files in the prompt, corrected files back), or
 * the builtin repair that restores files from the templates.
 */
export async function fixFindings(
  context: PhaseContext,
  findings: readonly QaFinding[],
  writer: AgentWriter,
): Promise<FixResult> {
  if (!context.usesLlm) return repairProject(context.sourceDir, context.spec, findings);

  const files = [...new Set(findings.map((f) => f.file))].slice(0, MAX_FILES);
  const contents: { title: string; body: string }[] = [];
  for (const file of files) {
    const content = await readFile(join(context.sourceDir, file), 'utf8').catch(() => undefined);
    contents.push({
      title: `source file ${file}`,
      body: content === undefined ? '(missing: create it)' : content.slice(0, MAX_FILE_CHARS),
    });
  }
  const findingList = findings
    .map((f) => `- [${f.rule}] ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`)
    .join('\n');
  const { files: written } = await writer.generate(context, {
    task: 'Fix every QA finding below. Return the complete corrected content of each file you change (or create), and nothing else.',
    policy: sourcePolicy(),
    extra: [{ title: 'QA findings', body: findingList }, ...contents],
    contextDocs: ['docs/architecture.md'],
    under: 'source',
  });
  const changed = written.map((f) => f.path).sort();
  return { changed, notes: changed.map((path) => `Rewrote ${path} (refactor_agent)`) };
}
