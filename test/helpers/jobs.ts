import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import * as yauzl from 'yauzl';
import { JobPhase } from '../../src/jobs/job-phase.entity';
import { Job } from '../../src/jobs/job.entity';
import type { TestApp } from './app';
import type { AppSpec } from '../../src/pipeline/generator/app-spec';
import type { PlannedFeature } from '../../src/pipeline/generator/plan/app-plan';
import { planApp } from '../../src/pipeline/generator/plan/plan-app';

/** The 13 phases in pipeline order (kept here so a renamed phase shows up as a failing test). */
export const PHASES = [
  'create',
  'ba',
  'backend',
  'architect',
  'uiux',
  'dev',
  'qa',
  'refactor',
  'repair',
  'runtime',
  'security',
  'reviewer',
  'export',
] as const;

export const TERMINAL = ['succeeded', 'failed', 'cancelled'] as const;

export interface JobBody {
  slug: string;
  name: string;
  description: string;
  platform: string;
  style: string;
  backend: string;
  features: string[];
  checkpoints: string[];
  status: string;
  current_phase: string | null;
  progress: number;
  phases: Record<string, string>;
  error: string | null;
  cancel_requested: boolean;
  generator: string;
  cost_usd: number;
  download_url: string | null;
  team_id: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface PhaseDetail {
  phase: string;
  agent: string;
  status: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  error: string | null;
  outputs: string[];
  log_count: number;
}

export interface LogLine {
  id: number;
  phase: string | null;
  level: string;
  message: string;
  created_at: string;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `intervalMs` until it returns something other than undefined; throws with `what` on timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`, { cause: last });
    }
    await sleep(intervalMs);
  }
}

/** A small typed client for the Jobs API of one test app. */
export class JobsClient {
  constructor(
    readonly t: TestApp,
    readonly token: string,
  ) {}

  withToken(token: string): JobsClient {
    return new JobsClient(this.t, token);
  }

  post(payload: Record<string, unknown>) {
    return this.t.inject({ method: 'POST', url: '/api/jobs', token: this.token, payload });
  }

  /** Posts a job and returns its body; fails loudly unless 202. */
  async create(payload: Record<string, unknown>): Promise<JobBody> {
    const res = await this.post({ description: 'An app made by a test', ...payload });
    if (res.statusCode !== 202) throw new Error(`POST /api/jobs got ${res.statusCode}: ${res.body}`);
    return res.json<JobBody>();
  }

  getRaw(slug: string) {
    return this.t.inject({ method: 'GET', url: `/api/jobs/${slug}`, token: this.token });
  }

  async get(slug: string): Promise<JobBody> {
    const res = await this.getRaw(slug);
    if (res.statusCode !== 200) throw new Error(`GET /api/jobs/${slug} got ${res.statusCode}: ${res.body}`);
    return res.json<JobBody>();
  }

  list(query = '') {
    return this.t.inject({ method: 'GET', url: `/api/jobs${query}`, token: this.token });
  }

  cancel(slug: string) {
    return this.t.inject({ method: 'POST', url: `/api/jobs/${slug}/cancel`, token: this.token });
  }

  retry(slug: string) {
    return this.t.inject({ method: 'POST', url: `/api/jobs/${slug}/retry`, token: this.token });
  }

  remove(slug: string, query = '') {
    return this.t.inject({ method: 'DELETE', url: `/api/jobs/${slug}${query}`, token: this.token });
  }

  async phases(slug: string): Promise<Record<string, string>> {
    const res = await this.t.inject({ method: 'GET', url: `/api/jobs/${slug}/phases`, token: this.token });
    if (res.statusCode !== 200) throw new Error(`GET phases got ${res.statusCode}: ${res.body}`);
    return res.json();
  }

  async details(slug: string): Promise<Record<string, PhaseDetail>> {
    const res = await this.t.inject({ method: 'GET', url: `/api/jobs/${slug}/phases?detail=true`, token: this.token });
    if (res.statusCode !== 200) throw new Error(`GET phases?detail got ${res.statusCode}: ${res.body}`);
    return Object.fromEntries(res.json<PhaseDetail[]>().map((p) => [p.phase, p]));
  }

  async logs(slug: string, query = ''): Promise<LogLine[]> {
    const res = await this.t.inject({ method: 'GET', url: `/api/jobs/${slug}/logs${query}`, token: this.token });
    if (res.statusCode !== 200) throw new Error(`GET logs got ${res.statusCode}: ${res.body}`);
    return res.json<LogLine[]>();
  }

  file(slug: string, path: string) {
    return this.t.inject({ method: 'GET', url: `/api/jobs/${slug}/code/file`, query: { path }, token: this.token });
  }

  tree(slug: string) {
    return this.t.inject({ method: 'GET', url: `/api/jobs/${slug}/code/tree`, token: this.token });
  }

  download(slug: string) {
    return this.t.inject({ method: 'GET', url: `/api/jobs/${slug}/download`, token: this.token });
  }

  /** Polls GET /api/jobs/:slug every 50 ms until `done(job)` holds. */
  async until(slug: string, what: string, done: (job: JobBody) => boolean, timeoutMs = 20_000): Promise<JobBody> {
    let last: JobBody | undefined;
    try {
      return await waitFor(
        `${slug}: ${what}`,
        async () => {
          last = await this.get(slug);
          return done(last) ? last : undefined;
        },
        timeoutMs,
      );
    } catch (error) {
      // Say where the job got stuck.
      const state = last
        ? ` — last seen ${last.status} at ${last.current_phase ?? '-'}, phases ${JSON.stringify(last.phases)}, error ${last.error}`
        : '';
      throw new Error(`${(error as Error).message}${state}`, { cause: error });
    }
  }

  /** Waits until the job has one of `statuses` (default: any terminal status). */
  waitForStatus(slug: string, statuses: readonly string[] = TERMINAL, timeoutMs = 20_000): Promise<JobBody> {
    return this.until(slug, `status in ${statuses.join('|')}`, (job) => statuses.includes(job.status), timeoutMs);
  }

  /** Waits for a terminal status and asserts it is `succeeded` (with the job's error in the message otherwise). */
  async waitForSuccess(slug: string, timeoutMs = 20_000): Promise<JobBody> {
    const job = await this.waitForStatus(slug, TERMINAL, timeoutMs);
    if (job.status !== 'succeeded') throw new Error(`Job ${slug} ended ${job.status}: ${job.error ?? '(no error)'}`);
    return job;
  }

  /** Downloads and unzips the job's export. */
  async zip(slug: string): Promise<Map<string, Buffer>> {
    const res = await this.download(slug);
    if (res.statusCode !== 200) throw new Error(`download got ${res.statusCode}: ${res.body}`);
    return unzip(res.rawPayload);
  }
}

function fromBuffer(buffer: Buffer, options: yauzl.Options): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, options, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

/** Every file entry of a ZIP (directories left out), name → bytes. */
export async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const openStream = (entry: yauzl.Entry): Promise<Readable> =>
    new Promise((resolve, reject) =>
      zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
    );
  const files = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(files));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      openStream(entry)
        .then(async (stream) => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          if (files.has(entry.fileName)) throw new Error(`Duplicate ZIP entry ${entry.fileName}`);
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
}

/** Writes an executable `flutter` shell script into `dir` and returns its path. */
export async function writeFakeFlutter(dir: string, body: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'flutter');
  // Written aside and renamed: a shell still reading the old script never sees a half-written one.
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `#!/bin/sh\n${body}\n`);
  await chmod(temp, 0o755);
  await rename(temp, path);
  return path;
}

/** A fake flutter that succeeds at every step and says what it ran. */
export const FLUTTER_OK = 'echo "fake flutter $*"\nexit 0';

/** A fake flutter whose `test` step fails. */
export const FLUTTER_TEST_FAILS =
  'echo "fake flutter $*"\nif [ "$1" = "test" ]; then echo "Some tests failed." >&2; exit 1; fi\nexit 0';

/**
 * A fake flutter whose `test` step passes its first `passes` runs and fails every
 * later one, counting the runs in `counterFile` (use a fresh path per job). With
 * the default of 1, QA's `flutter test` (the first run) passes, so QA is clean and
 * refactor/repair have nothing to do, and the runtime phase's run (the second) fails.
 */
export function flutterTestFailsAfter(counterFile: string, passes = 1): string {
  return [
    'echo "fake flutter $*"',
    'if [ "$1" = "test" ]; then',
    `  n=$(( $(cat '${counterFile}' 2>/dev/null || echo 0) + 1 ))`,
    `  echo "$n" > '${counterFile}'`,
    `  if [ "$n" -gt ${passes} ]; then echo "Some tests failed." >&2; exit 1; fi`,
    'fi',
    'exit 0',
  ].join('\n');
}

/** A fake flutter whose `pub get` writes its PID to `pidFile`, then sleeps (exec: the sleeper keeps the PID). */
export function flutterHangs(pidFile: string): string {
  return `if [ "$1" = "pub" ]; then echo $$ > '${pidFile}'; exec sleep 300; fi\necho "fake flutter $*"\nexit 0`;
}

/** True while a process with this PID exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Makes a finished job resumable from `phase` by editing the database the way a
 * failure there would have left it: job `failed`, `phase` and every later phase `pending`.
 */
export async function failFrom(t: TestApp, slug: string, phase: (typeof PHASES)[number]): Promise<void> {
  const ds = t.app.get(DataSource);
  const later = PHASES.slice(PHASES.indexOf(phase));
  await ds
    .getRepository(Job)
    .update({ slug }, { status: 'failed', error: `Phase ${phase} failed: planted by the test` });
  await ds.getRepository(JobPhase).update({ job_slug: slug, phase: In([...later]) }, { status: 'pending' });
}

/**
 * The features the planner gives the spec recorded in a job's ZIP
 * (`docs/input.json`): what QA and the generator worked from.
 */
export function plannedFeatures(zip: Map<string, Buffer>): PlannedFeature[] {
  const input = zip.get('docs/input.json');
  if (!input) throw new Error('docs/input.json is missing from the ZIP');
  return planApp(JSON.parse(input.toString('utf8')) as AppSpec).features;
}
