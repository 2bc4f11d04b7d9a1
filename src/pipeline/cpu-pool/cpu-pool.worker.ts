import { setPriority } from 'node:os';
import { runCpuTask, type CpuTaskRequest } from './cpu-tasks';

/**
 * Nice value of a pool thread. On Linux a thread's priority is its own
 * (setpriority on the calling thread): the pool's generation, parsing and
 * packing yield the CPU to the event loop that answers HTTP requests (or
 * renews a Bull worker's locks) whenever both want it, and take all of it
 * when the loop is idle. Where it cannot be set, the default stays.
 */
const POOL_THREAD_NICE = 10;

try {
  setPriority(POOL_THREAD_NICE);
} catch {
  // Not permitted on this platform: the thread keeps the process's priority.
}

/** Piscina's entry point in each pool thread. */
export default function run(request: CpuTaskRequest): Promise<unknown> {
  return runCpuTask(request);
}
