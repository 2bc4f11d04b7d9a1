import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { PipelineRunner } from '../pipeline/pipeline.runner';
import { JOBS_QUEUE, type JobData } from './bull-job-queue';

/**
 * The Bull consumer, registered only in processes that run jobs (RUN_WORKER).
 * Concurrency 0: Bull starts no pick-up loop of its own, so a worker never
 * holds more jobs than max_parallel_jobs; BullJobQueue's pick-up loop takes
 * each job and Bull runs it here (lock renewal, completion, events).
 */
@Processor(JOBS_QUEUE)
export class JobsProcessor {
  constructor(private readonly runner: PipelineRunner) {}

  @Process({ concurrency: 0 })
  async run(job: Job<JobData>): Promise<void> {
    await this.runner.run(job.data.slug);
  }
}
