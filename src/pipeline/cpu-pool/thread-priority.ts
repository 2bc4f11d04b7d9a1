import { readdirSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { getPriority, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * Nice value of every thread of the process except the event loop's: the CPU
 * pool's threads, libuv's (file system, zlib, DNS) and V8's (garbage
 * collection). When the CPU is contended they yield it to the event loop that
 * answers HTTP requests (or renews a Bull worker's locks); when it is not, they
 * take all of it. On Linux a thread's priority is its own (setpriority by
 * thread id), so only the event loop keeps the process's priority.
 */
export const HELPER_THREAD_NICE = 10;

/** Lowers the calling thread (a pool thread) to HELPER_THREAD_NICE; where the platform refuses, nothing changes. */
export function lowerThisThread(): void {
  try {
    setPriority(HELPER_THREAD_NICE);
  } catch {
    // Not permitted on this platform: the thread keeps the process's priority.
  }
}

/**
 * Lowers the process's other threads to HELPER_THREAD_NICE (only from the main
 * thread, whose id is the process id; elsewhere nothing changes). libuv starts its threads with the first task queued to them, so
 * one is queued first. Threads are listed in /proc/self/task (Linux); elsewhere
 * nothing changes. Returns how many threads were lowered.
 */
export async function lowerHelperThreads(): Promise<number> {
  if (!isMainThread) return 0;
  await access('.').catch(() => undefined);
  let threadIds: number[];
  try {
    threadIds = readdirSync('/proc/self/task').map(Number);
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const id of threadIds) {
    if (id === process.pid) continue;
    try {
      if (getPriority(id) >= HELPER_THREAD_NICE) continue;
      setPriority(id, HELPER_THREAD_NICE);
      lowered++;
    } catch {
      // The thread ended meanwhile, or lowering is not permitted: leave it.
    }
  }
  return lowered;
}
