import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { afterEach, expect, it } from 'vitest';
import { JOBS_QUEUE } from '../src/queue/bull-job-queue';
import { JobsProcessor } from '../src/queue/jobs.processor';
import { requiresRedis, startApp, type TestApp } from './helpers/app';
import { JobsClient } from './helpers/jobs';

/** @nestjs/bull's metadata keys (its constants are not exported from the package root). */
const QUEUE_METADATA = 'bull:module_queue';
const PROCESS_METADATA = 'bull:module_queue_process';

requiresRedis('Bull consumer: a @Processor class of the queue module', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is a @Processor("jobs") provider whose @Process method runs the jobs Bull hands it', async () => {
    t = await startApp({ JOB_QUEUE_BACKEND: 'bull', REDIS_URL: process.env.REDIS_URL! });
    const processor = t.app.get(JobsProcessor, { strict: false });
    expect(processor).toBeInstanceOf(JobsProcessor);
    expect(Reflect.getMetadata(QUEUE_METADATA, JobsProcessor)).toEqual({ name: JOBS_QUEUE });
    // Concurrency 0: Bull takes no job by itself; the pick-up loop hands it each one.
    expect(Reflect.getMetadata(PROCESS_METADATA, JobsProcessor.prototype.run)).toEqual({ concurrency: 0 });

    const queue = t.app.get<Queue>(getQueueToken(JOBS_QUEUE), { strict: false });
    const completed: string[] = [];
    queue.on('completed', (job: Job<{ slug: string }>) => completed.push(job.data.slug));

    const jobs = new JobsClient(t, await t.tokenFor('admin'));
    const { slug } = await jobs.create({ name: 'Processed By Bull', features: ['notes'] });
    const job = await jobs.waitForSuccess(slug);
    expect(job.phases.export).toBe('passed');
    // Bull finished the entry in this process: the processor's handler returned for it.
    await expect.poll(() => completed).toContain(slug);
  });

  it('is not registered in an API process that only enqueues (RUN_WORKER=false)', async () => {
    t = await startApp({ JOB_QUEUE_BACKEND: 'bull', REDIS_URL: process.env.REDIS_URL!, RUN_WORKER: 'false' });
    expect(() => t!.app.get(JobsProcessor, { strict: false })).toThrow();

    const jobs = new JobsClient(t, await t.tokenFor('admin'));
    const { slug } = await jobs.create({ name: 'Waits For A Worker', features: ['notes'] });
    const queue = t.app.get<Queue>(getQueueToken(JOBS_QUEUE), { strict: false });
    // Nothing here consumes: the entry stays waiting and the job queued.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await (await queue.getJob(slug))?.getState()).toBe('waiting');
    expect((await jobs.get(slug)).status).toBe('queued');
  });
});
