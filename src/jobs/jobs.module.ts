import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ProvidersModule } from '../providers/providers.module';
import { JobEventsController } from './job-events.controller';
import { JobEventsService } from './job-events.service';
import { JobFilesController } from './job-files.controller';
import { IntakeGate } from './intake-gate.service';
import { JobLog } from './job-log.entity';
import { JobPhase } from './job-phase.entity';
import { JobRunStore } from './job-run.store';
import { JobWorkspaceService } from './job-workspace.service';
import { Job } from './job.entity';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [TypeOrmModule.forFeature([Job, JobPhase, JobLog]), ProvidersModule, IdempotencyModule],
  controllers: [JobsController, JobFilesController, JobEventsController],
  providers: [JobsService, JobRunStore, JobWorkspaceService, JobEventsService, IntakeGate],
  exports: [JobsService, JobRunStore, JobWorkspaceService, IntakeGate],
})
export class JobsModule {}
