import { exactFiles } from '../../llm/file-reply';
import { LlmTruncatedError } from '../../llm/llm.errors';
import type { AgentWriter } from '../agent-writer.service';
import { BUILTIN_DOCS, type BuiltinDocsPhase } from '../cpu-pool/cpu-tasks';
import { afterCutReply, halves, packFiles, type Piece } from '../context/cut-replies';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import { PHASE_AGENTS } from '../phase-names';

/**
 * A phase whose work is writing documents. The builtin generator defines
 * which files the phase owes; with an LLM the agent writes exactly those,
 * with the earlier docs as context.
 */
export abstract class DocsPhase implements PhaseHandler {
  abstract readonly phase: BuiltinDocsPhase;

  /** What the agent is asked to do when an LLM writes the docs. */
  protected abstract readonly task: string;

  /** Earlier documents the agent reads. */
  protected readonly contextDocs: readonly string[] = ['docs/app_brief.md'];

  constructor(private readonly writer?: AgentWriter) {}

  /** The builtin generator's documents for this phase: what the LLM path writes against, too. */
  protected documents(spec: AppSpec): GeneratedFile[] {
    return BUILTIN_DOCS[this.phase](spec);
  }

  async run(context: PhaseContext): Promise<PhaseResult> {
    let outputs: string[];
    if (context.usesLlm && this.writer) {
      outputs = await this.withAgent(context, this.writer, this.documents(context.spec));
    } else {
      // Generated and written in a CPU pool thread (the same generator as `documents`).
      outputs = await context.cpu.run(
        'builtinDocs',
        { phase: this.phase, spec: context.spec, root: context.root },
        context.signal,
      );
    }
    await context.log('info', `Wrote ${outputs.join(', ')}`);
    return { status: 'passed', outputs };
  }

  /**
   * The agent writes exactly the builtin docs' paths, in as many requests as
   * the output budget needs (a large app's docs do not fit one reply); a
   * reply cut at max_tokens keeps its complete docs and the rest are asked
   * again.
   */
  private async withAgent(context: PhaseContext, writer: AgentWriter, builtin: GeneratedFile[]): Promise<string[]> {
    const maxTokens = await writer.maxTokens(context);
    const queue: Piece[] = packFiles(builtin, maxTokens);
    const outputs: string[] = [];
    while (queue.length) {
      const piece = queue.shift()!;
      const paths = piece.files.map((doc) => doc.path);
      const others = builtin.filter((doc) => !paths.includes(doc.path)).map((doc) => doc.path);
      try {
        const result = await writer.generate(context, {
          task: others.length
            ? `${this.task} In this request write only ${paths.join(', ')}; ${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} written in another request.`
            : this.task,
          policy: exactFiles(paths),
          contextDocs: this.contextDocs,
        });
        outputs.push(...result.outputs);
      } catch (error) {
        if (!(error instanceof LlmTruncatedError)) throw error;
        const cut = await afterCutReply(context, piece, error, {
          agentId: PHASE_AGENTS[this.phase],
          maxTokens,
          split: halves,
        });
        outputs.push(...cut.outputs);
        queue.unshift(...cut.next);
      }
    }
    return outputs;
  }
}
