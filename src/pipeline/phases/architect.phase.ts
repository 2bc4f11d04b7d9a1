import { Injectable } from '@nestjs/common';
import { AgentWriter } from '../agent-writer.service';
import { DocsPhase } from './docs-phase';

/** Folder layout, state management and navigation. */
@Injectable()
export class ArchitectPhase extends DocsPhase {
  protected readonly task =
    'Write the architecture of the Flutter project: folder layout with the real paths (lib/features/<feature>/...), state management, navigation, data flow and testing strategy.';
  protected override readonly contextDocs = [
    'docs/app_brief.md',
    'docs/requirements.md',
    'docs/product_spec.json',
    'docs/api_contract.md',
  ];

  constructor(writer: AgentWriter) {
    super(writer);
  }

  readonly phase = 'architect' as const;
}
