import { PHASE_NAMES } from '../pipeline/phase-names';
import type { JobLogDto, JobResponseDto, PhaseDetailDto } from './dto/job-response.dto';
import type { JobLog } from './job-log.entity';
import type { JobPhase } from './job-phase.entity';
import { isPhaseDone } from './job-status';
import type { Job } from './job.entity';

/** What the job views need of a phase record. */
export type PhaseState = Pick<JobPhase, 'phase' | 'status'>;

export function phaseStatusMap(phases: readonly PhaseState[]): Record<string, string> {
  const byName = new Map(phases.map((p) => [p.phase, p.status]));
  return Object.fromEntries(PHASE_NAMES.map((name) => [name, byName.get(name) ?? 'pending']));
}

/** Finished (passed or skipped) phases out of 13, as a whole percentage. */
export function progressOf(phases: readonly PhaseState[]): number {
  const done = phases.filter((p) => isPhaseDone(p.status)).length;
  return Math.round((done / PHASE_NAMES.length) * 100);
}

export function toJobResponse(job: Job, phases: readonly PhaseState[]): JobResponseDto {
  return {
    slug: job.slug,
    name: job.name,
    description: job.description,
    platform: job.platform,
    style: job.style,
    backend: job.backend,
    features: job.features,
    checkpoints: job.checkpoints,
    status: job.status,
    current_phase: job.current_phase,
    progress: progressOf(phases),
    phases: phaseStatusMap(phases),
    error: job.error,
    cancel_requested: job.cancel_requested,
    generator: job.generator,
    cost_usd: Math.round(job.cost_usd * 1e6) / 1e6,
    download_url: job.artifact ? `/api/jobs/${job.slug}/download` : null,
    team_id: job.team_id,
    created_at: job.created_at,
    updated_at: job.updated_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
  };
}

export function toPhaseDetail(phase: JobPhase, logCount: number): PhaseDetailDto {
  return {
    phase: phase.phase,
    agent: phase.agent,
    status: phase.status,
    started_at: phase.started_at,
    finished_at: phase.finished_at,
    attempts: phase.attempts,
    error: phase.error,
    outputs: phase.outputs,
    log_count: logCount,
  };
}

export function toJobLog(log: JobLog): JobLogDto {
  return { id: log.id, phase: log.phase, level: log.level, message: log.message, created_at: log.created_at };
}
