import { setImmediate as nextTurn } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';

/**
 * Called between the files of a long CPU step (QA's parse, the security
 * scan). In a pool thread it does nothing; on the main thread
 * (CPU_POOL_THREADS=0) it waits for the next turn of the event loop, so HTTP
 * requests are answered between files instead of after the whole project.
 */
export async function letRequestsIn(): Promise<void> {
  if (isMainThread) await nextTurn();
}
