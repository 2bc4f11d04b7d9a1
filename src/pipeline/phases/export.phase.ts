import { Injectable } from '@nestjs/common';
import { CostsService } from '../../costs/costs.service';
import { PHASE_AGENTS, PHASE_NAMES, type PhaseName } from '../phase-names';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';

/** Packs source/, docs/ and a manifest (per-file sha256 and the phase that wrote it) into exports/<slug>_source.zip. */
@Injectable()
export class ExportPhase implements PhaseHandler {
  readonly phase = 'export' as const;

  constructor(private readonly costs: CostsService) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const { job } = context;
    const writtenBy: Record<string, PhaseName> = {};
    for (const record of context.phases)
      for (const output of record.outputs) writtenBy[output] = record.phase as PhaseName;

    const models = job.generator === 'builtin' ? {} : await this.costs.modelsByPhase(job.slug);
    const modelOf = Object.fromEntries(
      PHASE_NAMES.map((phase) => [phase, job.generator === 'builtin' ? 'builtin' : (models[phase] ?? null)]),
    );
    const zipPath = `exports/${job.slug}_source.zip`;
    // Listing, hashing and compressing every file happen in a CPU pool thread.
    const { files } = await context.cpu.run(
      'packExport',
      {
        root: context.root,
        zipPath,
        header: {
          slug: job.slug,
          name: job.name,
          generator: job.generator,
          phase: 'export',
          agent: PHASE_AGENTS.export,
          cost_usd: job.cost_usd,
        },
        writtenBy,
        modelOf,
      },
      context.signal,
    );
    await context.log('info', `Exported ${files} files to ${zipPath}`);
    return { status: 'passed', outputs: [zipPath], artifact: zipPath };
  }
}
