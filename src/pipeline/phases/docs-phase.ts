import { exactFiles } from '../../llm/file-reply';
import type { AgentWriter } from '../agent-writer.service';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import type { PhaseName } from '../phase-names';

/**
 * A phase whose work is writing documents. The builtin generator defines
 * which files the phase owes; with an LLM the agent writes exactly those,
 * with the earlier docs as context.
 */
export abstract class DocsPhase implements PhaseHandler {
  abstract readonly phase: PhaseName;

  /** What the agent is asked to do when an LLM writes the docs. */
  protected abstract readonly task: string;

  /** Earlier documents the agent reads. */
  protected readonly contextDocs: readonly string[] = ['docs/app_brief.md'];

  constructor(private readonly writer?: AgentWriter) {}

  protected abstract documents(spec: AppSpec): GeneratedFile[];

  async run(context: PhaseContext): Promise<PhaseResult> {
    const builtin = this.documents(context.spec);
    let outputs: string[];
    if (context.usesLlm && this.writer) {
      const required = builtin.map((doc) => doc.path);
      ({ outputs } = await this.writer.generate(context, {
        task: this.task,
        policy: exactFiles(required),
        contextDocs: this.contextDocs,
      }));
    } else {
      outputs = await context.writeFiles(builtin);
    }
    await context.log('info', `Wrote ${outputs.join(', ')}`);
    return { status: 'passed', outputs };
  }
}
