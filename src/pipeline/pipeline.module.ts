import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { CostsModule } from '../costs/costs.module';
import { HitlModule } from '../hitl/hitl.module';
import { JobsModule } from '../jobs/jobs.module';
import { LlmModule } from '../llm/llm.module';
import { AgentWriter } from './agent-writer.service';
import { CpuPool } from './cpu-pool/cpu-pool.service';
import { JobWorker } from './job-worker';
import { PHASE_HANDLERS, type PhaseHandler } from './phase-handler';
import { PHASE_HANDLER_CLASSES } from './phases/phase-list';
import { PipelineRunner } from './pipeline.runner';

@Module({
  imports: [JobsModule, LlmModule, AgentsModule, HitlModule, CostsModule],
  providers: [
    ...PHASE_HANDLER_CLASSES,
    {
      provide: PHASE_HANDLERS,
      useFactory: (...handlers: PhaseHandler[]) => handlers,
      inject: PHASE_HANDLER_CLASSES,
    },
    PipelineRunner,
    JobWorker,
    AgentWriter,
    CpuPool,
  ],
  exports: [PipelineRunner, CpuPool],
})
export class PipelineModule {}
