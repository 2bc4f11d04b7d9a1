import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { AllConfig } from '../../config/config.types';
import { runCpuTask, type CpuTaskMap, type CpuTaskName, type CpuTaskRequest } from './cpu-tasks';
import { lowerHelperThreads } from './thread-priority';

/**
 * An idle thread ends after this and the next task starts one again
 * (reloading the Dart grammar). Measured (README, Benchmarks): threads kept
 * for the process's lifetime pin ~140 MB of RSS (2 threads), while ending
 * them returns it; what each end/restart leaves behind levels off (+46 MB
 * after the first of 10 churn cycles, +52 MB after the tenth).
 */
const IDLE_MS = 60_000;

/**
 * The worker file beside this one: JavaScript in the build; under the test
 * runner (TypeScript sources) the TypeScript file, loaded through tsx.
 */
function workerFile(): { filename: string; execArgv: string[] } | undefined {
  const js = join(__dirname, 'cpu-pool.worker.js');
  if (existsSync(js)) return { filename: js, execArgv: [] };
  const ts = join(__dirname, 'cpu-pool.worker.ts');
  if (existsSync(ts)) return { filename: ts, execArgv: ['--import', 'tsx'] };
  return undefined;
}

/**
 * Runs the pipeline's CPU-heavy steps (the builtin generator without an LLM,
 * QA's parse of every Dart file, the security scan) on a pool of worker
 * threads, so the event loop that serves HTTP (thread backend) or renews Bull
 * locks (workers) stays responsive, and
 * several jobs use several cores. Sized by CPU_POOL_THREADS (default
 * os.availableParallelism() - 1, at least 1); 0 runs them on the main thread.
 * The pool's threads, and the process's other helper threads (libuv, V8),
 * run at a lower priority than the event loop (thread-priority.ts).
 */
@Injectable()
export class CpuPool implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CpuPool');
  private readonly pool?: Piscina<CpuTaskRequest, unknown>;

  constructor(config: ConfigService<AllConfig, true>) {
    const threads = config.get('queue.cpuPoolThreads', { infer: true });
    const file = threads > 0 ? workerFile() : undefined;
    if (threads > 0 && !file) this.logger.warn('The CPU pool worker file is missing: CPU steps run on the main thread');
    if (!file) return;
    this.pool = new Piscina({
      filename: file.filename,
      execArgv: file.execArgv,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
    });
  }

  /** Threads the pool may use (0: none, the steps run on the main thread). */
  get threads(): number {
    return this.pool?.options.maxThreads ?? 0;
  }

  /** Tasks the pool's threads have finished. */
  get completed(): number {
    return this.pool?.completed ?? 0;
  }

  /** Runs `task` in a pool thread (on the main thread without a pool); `signal` aborts it (ending its thread). */
  async run<K extends CpuTaskName>(
    task: K,
    input: CpuTaskMap[K]['input'],
    signal?: AbortSignal,
  ): Promise<CpuTaskMap[K]['output']> {
    const request: CpuTaskRequest<K> = { task, input };
    if (!this.pool) return runCpuTask(request);
    return (await this.pool.run(request, { signal })) as CpuTaskMap[K]['output'];
  }

  async onApplicationBootstrap(): Promise<void> {
    await lowerHelperThreads();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
  }
}
