import { Injectable } from '@nestjs/common';
import { AgentWriter } from '../agent-writer.service';
import { backendDocs } from '../generator/docs.generator';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import type { PhaseContext, PhaseResult } from '../phase-handler';
import { DocsPhase } from './docs-phase';

/** API contract, OpenAPI and data model — only for apps with a backend. */
@Injectable()
export class BackendPhase extends DocsPhase {
  protected readonly task =
    'Design the backend for this app: a readable API contract, a valid OpenAPI 3 YAML document with CRUD endpoints per feature, and the data model as JSON.';
  protected override readonly contextDocs = ['docs/app_brief.md', 'docs/requirements.md', 'docs/product_spec.json'];

  constructor(writer: AgentWriter) {
    super(writer);
  }

  readonly phase = 'backend' as const;

  protected documents(spec: AppSpec): GeneratedFile[] {
    return backendDocs(spec);
  }

  override async run(context: PhaseContext): Promise<PhaseResult> {
    if (context.spec.backend.toLowerCase() === 'none') {
      return { status: 'skipped', outputs: [], reason: 'The app has no backend (backend: none)' };
    }
    return super.run(context);
  }
}
