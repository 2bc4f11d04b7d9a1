import { Injectable } from '@nestjs/common';
import { designDocs } from '../generator/docs.generator';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import { DocsPhase } from './docs-phase';

/** Screens, theme tokens and states. */
@Injectable()
export class UiuxPhase extends DocsPhase {
  readonly phase = 'uiux' as const;

  protected documents(spec: AppSpec): GeneratedFile[] {
    return designDocs(spec);
  }
}
