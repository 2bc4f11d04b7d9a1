import { afterEach, describe, expect, it } from 'vitest';
import { CpuPool } from '../src/pipeline/cpu-pool/cpu-pool.service';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient } from './helpers/jobs';

interface QaSummaryFile {
  dart_files: number;
  passed: boolean;
}

describe('CPU-heavy phase steps in a worker-thread pool', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('runs QA and the security scan of a job in pool threads, with the same results', async () => {
    t = await startApp({ CPU_POOL_THREADS: '2' });
    const pool = t.app.get(CpuPool, { strict: false });
    expect(pool.threads).toBe(2);
    const before = pool.completed;

    const jobs = new JobsClient(t, await t.tokenFor('admin'));
    const { slug } = await jobs.create({ name: 'Pooled Checks', features: ['notes', 'login'] });
    await jobs.waitForSuccess(slug, 60_000);

    // QA (once, plus the repair round's re-check when it runs) and the security scan ran in pool threads.
    expect(pool.completed - before).toBeGreaterThanOrEqual(2);
    const zip = await jobs.zip(slug);
    const qa = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as QaSummaryFile;
    expect(qa.passed).toBe(true);
    expect(qa.dart_files).toBeGreaterThan(10);
    const security = JSON.parse(zip.get('docs/security.json')!.toString('utf8')) as { files_scanned: number };
    expect(security.files_scanned).toBeGreaterThan(10);
  });

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
});
