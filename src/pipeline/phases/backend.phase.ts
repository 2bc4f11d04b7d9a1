import { Injectable } from '@nestjs/common';
import { backendDocs } from '../generator/docs.generator';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import type { PhaseContext, PhaseResult } from '../phase-handler';
import { DocsPhase } from './docs-phase';

/** API contract, OpenAPI and data model — only for apps with a backend. */
@Injectable()
export class BackendPhase extends DocsPhase {
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
