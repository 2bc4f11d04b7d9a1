import type { Checkpoint } from './checkpoint.entity';
import type { CheckpointDto, ExperienceDto } from './dto/hitl.dto';
import type { Experience } from './experience.entity';

export function toCheckpointDto(c: Checkpoint): CheckpointDto {
  return {
    id: c.id,
    job_slug: c.job_slug,
    team_id: c.team_id,
    phase: c.phase,
    kind: c.kind,
    action: c.action,
    reason: c.reason,
    summary: c.summary,
    task_id: c.job_slug,
    task_desc: c.summary,
    status: c.status,
    created_at: c.created_at,
    decided_at: c.decided_at,
    decided_by: c.decided_by,
    decision_reason: c.decision_reason,
  };
}

export function toExperienceDto(e: Experience): ExperienceDto {
  return {
    id: e.id,
    team_id: e.team_id,
    job_slug: e.job_slug,
    agent: e.agent,
    problem: e.problem,
    task_id: e.job_slug,
    task_desc: e.problem,
    solution: e.solution,
    lessons: e.lessons,
    status: e.status,
    created_at: e.created_at,
    updated_at: e.updated_at,
    decided_at: e.decided_at,
    decided_by: e.decided_by,
    decision_reason: e.decision_reason,
    times_used: e.times_used,
  };
}
