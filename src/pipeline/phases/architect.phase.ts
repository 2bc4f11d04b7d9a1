import { Injectable } from '@nestjs/common';
import { architectureDocs } from '../generator/docs.generator';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import { DocsPhase } from './docs-phase';

/** Folder layout, state management and navigation. */
@Injectable()
export class ArchitectPhase extends DocsPhase {
  readonly phase = 'architect' as const;

  protected documents(spec: AppSpec): GeneratedFile[] {
    return architectureDocs(spec);
  }
}
