import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CpuPool } from '../src/pipeline/cpu-pool/cpu-pool.service';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient } from './helpers/jobs';

interface QaSummaryFile {
  dart_files: number;
  passed: boolean;
}

const JOB = { name: 'Pooled Checks', slug: 'pooled-checks', features: ['notes', 'login', 'shop'] };

/** Runs one builtin job with `CPU_POOL_THREADS=threads`; its ZIP, the tasks handed to the pool and the pool's completed count. */
async function runJob(threads: string) {
  const t: TestApp = await startApp({ CPU_POOL_THREADS: threads });
  try {
    const pool = t.app.get(CpuPool, { strict: false });
    const before = pool.completed;
    const run = vi.spyOn(pool, 'run');
    const jobs = new JobsClient(t, await t.tokenFor('admin'));
    const { slug } = await jobs.create(JOB);
    await jobs.waitForSuccess(slug, 60_000);
    const tasks = run.mock.calls.map(([task]) => task);
    run.mockRestore();
    return { threads: pool.threads, tasks, completed: pool.completed - before, zip: await jobs.zip(slug) };
  } finally {
    await t.close();
  }
}

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<id>/stat). */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const id of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
      nice.set(Number(id), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nice;
}

/** Every ZIP entry as text, sorted by name. */
function entries(zip: Map<string, Buffer>): [string, string][] {
  return [...zip]
    .map(([name, content]): [string, string] => [name, content.toString('utf8')])
    .sort(([a], [b]) => a.localeCompare(b));
}

describe('CPU-heavy phase steps in a worker-thread pool', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('runs the builtin generation, QA and the security scan of a job in pool threads, with the same results', async () => {
    t = await startApp({ CPU_POOL_THREADS: '2' });
    const pool = t.app.get(CpuPool, { strict: false });
    expect(pool.threads).toBe(2);
    const before = pool.completed;
    const run = vi.spyOn(pool, 'run');

    const jobs = new JobsClient(t, await t.tokenFor('admin'));
    const { slug } = await jobs.create({ name: 'Pooled Generation', features: ['notes', 'login'] });
    await jobs.waitForSuccess(slug, 60_000);

    // The builtin docs of the docs phases (create, ba, architect, uiux; backend is skipped without a
    // backend), the project source, QA (plus the repair round's re-check when it runs) and the
    // security scan were each handed to the pool…
    const tasks = run.mock.calls.map(([task]) => task);
    run.mockRestore();
    expect(tasks.filter((task) => task === 'builtinDocs')).toHaveLength(4);
    expect(tasks.filter((task) => task === 'builtinSource')).toHaveLength(1);
    expect(tasks).toContain('analyzeProject');
    expect(tasks).toContain('scanProject');
    // …and every one of them finished in a pool thread.
    expect(pool.completed - before).toBe(tasks.length);

    const zip = await jobs.zip(slug);
    const qa = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as QaSummaryFile;
    expect(qa.passed).toBe(true);
    expect(qa.dart_files).toBeGreaterThan(10);
    const security = JSON.parse(zip.get('docs/security.json')!.toString('utf8')) as { files_scanned: number };
    expect(security.files_scanned).toBeGreaterThan(10);
  });

  it.runIf(process.platform === 'linux')(
    "leaves the event loop's thread alone the only one at the process's priority: pool, libuv and V8 threads at nice 10",
    async () => {
      t = await startApp({ CPU_POOL_THREADS: '1' });
      const threadsAtBoot = threadNiceValues().size;
      const jobs = new JobsClient(t, await t.tokenFor('admin'));
      const { slug } = await jobs.create({ name: 'Nice Threads', features: ['notes'] });
      await jobs.waitForSuccess(slug, 60_000);
      // The pool's thread started with the job and stays for 60 s idle.
      const nice = threadNiceValues();
      expect(nice.size).toBeGreaterThan(threadsAtBoot);
      expect(nice.get(process.pid)).toBe(0);
      const helpers = [...nice].filter(([id]) => id !== process.pid);
      for (const [id, value] of helpers) expect(value, `thread ${id}`).toBeGreaterThanOrEqual(10);
    },
  );

  it('runs the same steps on the main thread with CPU_POOL_THREADS=0', async () => {
    t = await startApp({ CPU_POOL_THREADS: '0' });
    const pool = t.app.get(CpuPool, { strict: false });
    expect(pool.threads).toBe(0);

    const jobs = new JobsClient(t, await t.tokenFor('admin'));
    const { slug } = await jobs.create({ name: 'Inline Checks', features: ['notes', 'login'] });
    await jobs.waitForSuccess(slug, 60_000);
    expect(pool.completed).toBe(0);
    const zip = await jobs.zip(slug);
    const qa = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as QaSummaryFile;
    expect(qa.passed).toBe(true);
  });

  it('writes the same ZIP (source, docs, reports) with CPU_POOL_THREADS=2 as on the main thread', async () => {
    const pooled = await runJob('2');
    const inline = await runJob('0');
    expect(pooled.threads).toBe(2);
    expect(pooled.tasks).toContain('builtinSource');
    expect(pooled.completed).toBe(pooled.tasks.length);
    expect(inline.completed).toBe(0);

    const a = entries(pooled.zip);
    const b = entries(inline.zip);
    expect(a.filter(([name]) => name.startsWith('source/')).length).toBeGreaterThan(20);
    expect(a.map(([name]) => name)).toEqual(b.map(([name]) => name));
    for (const [index, [name, content]] of a.entries()) expect(content, name).toBe(b[index][1]);
  });
});
