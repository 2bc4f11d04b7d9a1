import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';
import type { PhaseName } from '../phase-names';

/** A phase whose work is writing documents derived from the job spec. */
export abstract class DocsPhase implements PhaseHandler {
  abstract readonly phase: PhaseName;

  protected abstract documents(spec: AppSpec): GeneratedFile[];

  async run(context: PhaseContext): Promise<PhaseResult> {
    const outputs = await context.writeFiles(this.documents(context.spec));
    await context.log('info', `Wrote ${outputs.join(', ')}`);
    return { status: 'passed', outputs };
  }
}
