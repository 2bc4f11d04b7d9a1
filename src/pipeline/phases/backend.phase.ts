import { Injectable } from '@nestjs/common';
import { AgentWriter } from '../agent-writer.service';
import { backendKind } from '../generator/plan/plan-app';
import type { PhaseContext, PhaseResult } from '../phase-handler';
import { DocsPhase } from './docs-phase';

/** API contract, OpenAPI and data model — only for apps with a backend. */
@Injectable()
export class BackendPhase extends DocsPhase {
  protected readonly task =
    'Design the backend for this app from its entities (the data the features store): a readable API contract, the machine-readable contract (for a GraphQL backend a GraphQL schema with one list query and save/delete mutations per entity, otherwise a valid OpenAPI 3 YAML document with GET list, PUT upsert-by-id and DELETE-by-id per entity) and the data model as JSON, using the entity, field and path names of the files you are asked to write.';
  protected override readonly contextDocs = ['docs/app_brief.md', 'docs/requirements.md', 'docs/product_spec.json'];

  constructor(writer: AgentWriter) {
    super(writer);
  }

  readonly phase = 'backend' as const;

  override async run(context: PhaseContext): Promise<PhaseResult> {
    if (backendKind(context.spec.backend) === 'none') {
      const reason = `The app keeps its data on the device (backend: ${context.spec.backend})`;
      return { status: 'skipped', outputs: [], reason };
    }
    return super.run(context);
  }
}
