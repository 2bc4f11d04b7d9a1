import { Module } from '@nestjs/common';
import { JobLifecycleLogger } from './job-lifecycle.listener';

/** The job state lines (the logger itself is set up per process in app.setup.ts and worker.ts). */
@Module({ providers: [JobLifecycleLogger] })
export class LoggingModule {}
