import { expect } from 'vitest';
import { callOf } from '../helpers/fake-agents';
import type { FakeLlmServer } from '../helpers/fake-llm';
import { PHASES } from '../helpers/jobs';
import type { Deployment } from '../helpers/processes';

/** Shared assertions of the fault tests: what "no half-written rows" means. */

export interface JobRow {
  slug: string;
  status: string;
  error: string | null;
  current_phase: string | null;
  worker_id: string | null;
  lease_until: string | null;
  started_at: string | null;
  finished_at: string | null;
}

export interface PhaseRow {
  job_slug: string;
  phase: string;
  status: string;
  attempts: number;
  finished_at: string | null;
}

export interface LogRow {
  id: number;
  job_slug: string;
  phase: string | null;
  level: string;
  message: string;
}

export const TERMINAL = ['succeeded', 'failed', 'cancelled'];

export async function jobRows(d: Deployment): Promise<JobRow[]> {
  return d.query<JobRow>('SELECT * FROM jobs ORDER BY created_at, slug');
}

export async function phaseRows(d: Deployment, slug?: string): Promise<PhaseRow[]> {
  return slug
    ? d.query<PhaseRow>('SELECT * FROM job_phases WHERE job_slug = $1 ORDER BY position', [slug])
    : d.query<PhaseRow>('SELECT * FROM job_phases ORDER BY job_slug, position');
}

export async function logRows(d: Deployment, slug: string): Promise<LogRow[]> {
  return d.query<LogRow>('SELECT id, job_slug, phase, level, message FROM job_logs WHERE job_slug = $1 ORDER BY id', [
    slug,
  ]);
}

/** "<agent> started <phase> (attempt n)" lines of a job, per phase. */
export function startedLines(logs: LogRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const log of logs) {
    const match = / started (\w+) \(attempt \d+\)$/.exec(log.message);
    if (match) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
  }
  return counts;
}

/**
 * The rows of a finished job agree with each other: 13 phases, none left
 * `running`; no lease or current phase left on the job; a succeeded job has
 * every phase done and no error; a failed job says why and has no phase after
 * the failed one marked done by a run that never happened.
 */
export async function expectConsistent(d: Deployment, slug: string): Promise<{ job: JobRow; phases: PhaseRow[] }> {
  const [job] = await d.query<JobRow>('SELECT * FROM jobs WHERE slug = $1', [slug]);
  expect(job, `job ${slug} exists`).toBeDefined();
  const phases = await phaseRows(d, slug);
  const where = `${slug} (${job.status}, phases ${JSON.stringify(phases.map((p) => `${p.phase}:${p.status}`))})`;
  expect(
    phases.map((p) => p.phase),
    where,
  ).toEqual([...PHASES]);
  expect(TERMINAL, where).toContain(job.status);
  expect(
    phases.filter((p) => p.status === 'running'),
    `no phase running on terminal job ${where}`,
  ).toEqual([]);
  expect({ worker_id: job.worker_id, lease_until: job.lease_until, current_phase: job.current_phase }, where).toEqual({
    worker_id: null,
    lease_until: null,
    current_phase: null,
  });
  expect(job.finished_at, where).not.toBeNull();
  if (job.status === 'succeeded') {
    expect(job.error, where).toBeNull();
    expect(
      phases.filter((p) => p.status !== 'passed' && p.status !== 'skipped'),
      where,
    ).toEqual([]);
  }
  if (job.status === 'failed') {
    expect(job.error, where).toBeTruthy();
    const failedAt = phases.findIndex((p) => p.status === 'failed');
    if (failedAt >= 0) {
      // Nothing after the failed phase ran.
      expect(
        phases.slice(failedAt + 1).filter((p) => p.attempts > 0),
        where,
      ).toEqual([]);
    }
  }
  return { job, phases };
}

/** Chat requests the fake model got for one job, counted per "Phase:" line of the prompt. */
export function callsPerPhase(fake: FakeLlmServer, slug: string, upTo = Infinity): Record<string, number> {
  const counts: Record<string, number> = {};
  fake.chatRequests.slice(0, upTo).forEach((request, index) => {
    const call = callOf(request, index);
    if (call.spec?.slug !== slug || !call.phase) return;
    counts[call.phase] = (counts[call.phase] ?? 0) + 1;
  });
  return counts;
}
