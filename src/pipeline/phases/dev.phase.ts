import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { generateFlutterProject } from '../generator/flutter-project.generator';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';

/** Writes the complete Flutter project into `source/`. */
@Injectable()
export class DevPhase implements PhaseHandler {
  readonly phase = 'dev' as const;

  async run(context: PhaseContext): Promise<PhaseResult> {
    await rm(context.sourceDir, { recursive: true, force: true });
    const outputs = await context.writeFiles(generateFlutterProject(context.spec), 'source');
    await context.log('info', `Generated a Flutter project of ${outputs.length} files`);
    return { status: 'passed', outputs };
  }
}
