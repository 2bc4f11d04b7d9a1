import { Injectable } from '@nestjs/common';
import { baDocs } from '../generator/docs.generator';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import { DocsPhase } from './docs-phase';

/** Requirements, user stories and the product spec. */
@Injectable()
export class BaPhase extends DocsPhase {
  readonly phase = 'ba' as const;

  protected documents(spec: AppSpec): GeneratedFile[] {
    return baDocs(spec);
  }
}
