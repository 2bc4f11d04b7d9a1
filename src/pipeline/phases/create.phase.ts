import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhaseContext, PhaseResult } from '../phase-handler';
import { DocsPhase } from './docs-phase';

/** Starts the workspace afresh and records the brief. */
@Injectable()
export class CreatePhase extends DocsPhase {
  readonly phase = 'create' as const;
  /** The brief restates the request; it is always written by the builtin generator. */
  protected readonly task = 'Write the app brief.';

  override async run(context: PhaseContext): Promise<PhaseResult> {
    // A slug can be reused after a delete without purge: never mix in old files.
    for (const dir of ['source', 'docs', 'exports'])
      await rm(join(context.root, dir), { recursive: true, force: true });
    return super.run(context);
  }
}
