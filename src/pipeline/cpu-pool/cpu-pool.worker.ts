import { runCpuTask, type CpuTaskRequest } from './cpu-tasks';
import { lowerThisThread } from './thread-priority';

lowerThisThread();

/** Piscina's entry point in each pool thread. */
export default function run(request: CpuTaskRequest): Promise<unknown> {
  return runCpuTask(request);
}
