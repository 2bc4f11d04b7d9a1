import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { JobWorker } from './job-worker';
import { PHASE_HANDLERS, type PhaseHandler } from './phase-handler';
import { PHASE_HANDLER_CLASSES } from './phases/phase-list';
import { PipelineRunner } from './pipeline.runner';

@Module({
  imports: [JobsModule],
  providers: [
    ...PHASE_HANDLER_CLASSES,
    {
      provide: PHASE_HANDLERS,
      useFactory: (...handlers: PhaseHandler[]) => handlers,
      inject: PHASE_HANDLER_CLASSES,
    },
    PipelineRunner,
    JobWorker,
  ],
  exports: [PipelineRunner],
})
export class PipelineModule {}
