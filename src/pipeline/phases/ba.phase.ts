import { Injectable } from '@nestjs/common';
import { AgentWriter } from '../agent-writer.service';
import { DocsPhase } from './docs-phase';

/** Requirements, user stories and the product spec. */
@Injectable()
export class BaPhase extends DocsPhase {
  protected readonly task =
    'Write the requirements (functional and non-functional, numbered), one user story with acceptance criteria per requested feature, and the product spec as JSON (features, screens, entities, platforms).';
  protected override readonly contextDocs = ['docs/app_brief.md'];

  constructor(writer: AgentWriter) {
    super(writer);
  }

  readonly phase = 'ba' as const;
}
