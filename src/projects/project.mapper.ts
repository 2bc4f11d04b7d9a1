import type { ProjectResponseDto } from './dto/project.dto';
import type { Project } from './project.entity';

export function toProjectResponse(project: Project): ProjectResponseDto {
  return {
    slug: project.slug,
    name: project.name,
    description: project.description,
    status: project.status,
    health: project.health,
    icon: project.icon,
    repository: project.repository,
    monthly_spend: Number(project.monthly_spend),
    sla: project.sla,
    build_progress: Number(project.build_progress),
    features: project.features,
    team_id: project.team_id,
    created_at: project.created_at,
    updated_at: project.updated_at,
  };
}
