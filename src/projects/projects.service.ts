import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { teamWhere } from '../common/auth/team-scope';
import { pageNewestFirst } from '../common/dto/list-cursor';
import { claimDerivedSlug, slugify } from '../common/slug';
import { nowIso } from '../common/time';
import {
  parseFeaturesJson,
  type CreateProjectDto,
  type ProjectResponseDto,
  type UpsertProjectDto,
} from './dto/project.dto';
import type { ListProjectsQueryDto } from './dto/project-queries.dto';
import { PROJECT_STATUSES, type ProjectHealth, type ProjectStatus } from './project-status';
import { Project } from './project.entity';
import { toProjectResponse } from './project.mapper';
import { isUniqueViolation } from '../database/db-errors';

type ProjectFields = Omit<Project, 'slug' | 'team_id' | 'created_at' | 'updated_at'>;

/** The fields a body sets; absent (or null) ones are left out. `features` wins over `features_json`. */
function givenFields(dto: UpsertProjectDto): Partial<ProjectFields> {
  const fields: Partial<ProjectFields> = {};
  if (dto.name != null) fields.name = dto.name;
  if (dto.description != null) fields.description = dto.description;
  if (dto.status != null) fields.status = dto.status as ProjectStatus;
  if (dto.health != null) fields.health = dto.health as ProjectHealth;
  if (dto.icon != null) fields.icon = dto.icon;
  if (dto.repository != null) fields.repository = dto.repository;
  if (dto.monthly_spend != null) fields.monthly_spend = dto.monthly_spend;
  if (dto.sla != null) fields.sla = dto.sla;
  if (dto.build_progress != null) fields.build_progress = dto.build_progress;
  if (dto.features != null) fields.features = dto.features;
  else if (dto.features_json != null) fields.features = parseFeaturesJson(dto.features_json);
  return fields;
}

function withDefaults(name: string, fields: Partial<ProjectFields>): ProjectFields {
  return {
    description: '',
    status: 'discovery',
    health: 'healthy',
    icon: '',
    repository: '',
    monthly_spend: 0,
    sla: '',
    build_progress: 0,
    features: [],
    ...fields,
    name,
  };
}

/** Project initiatives, each owned by a team; non-admins see only their team's. */
@Injectable()
export class ProjectsService {
  constructor(@InjectRepository(Project) private readonly projects: Repository<Project>) {}

  /** Newest first, paged by offset or by the keyset cursor `after` (see list-cursor.ts). */
  async list(
    user: AuthUser,
    query: ListProjectsQueryDto,
  ): Promise<{ items: ProjectResponseDto[]; total: number; next: string | undefined }> {
    const filtered = (): SelectQueryBuilder<Project> => {
      const qb = this.projects.createQueryBuilder('p');
      const { team_id } = teamWhere(user, query.team_id);
      if (team_id !== undefined) qb.andWhere('p.team_id = :team_id', { team_id });
      if (query.status) qb.andWhere('p.status = :status', { status: query.status });
      return qb;
    };
    const { rows, total, next } = await pageNewestFirst(filtered, 'p', query);
    return { items: rows.map(toProjectResponse), total, next };
  }

  async get(slug: string, user: AuthUser): Promise<ProjectResponseDto> {
    return toProjectResponse(await this.find(slug, user));
  }

  /** An explicit slug that exists is a 409; a derived one never runs out (see claimDerivedSlug). */
  async create(dto: CreateProjectDto, user: AuthUser): Promise<ProjectResponseDto> {
    const fields = withDefaults(dto.name, givenFields(dto));
    if (dto.slug) {
      const taken = () => new ConflictException(`A project with slug ${dto.slug} already exists`);
      if (await this.projects.existsBy({ slug: dto.slug })) throw taken();
      const project = await this.tryInsert(dto.slug, fields, user);
      if (!project) throw taken();
      return toProjectResponse(project);
    }
    const project = await claimDerivedSlug(
      slugify(dto.name) || 'project',
      async (candidates) =>
        (await this.projects.find({ select: { slug: true }, where: { slug: In(candidates) } })).map((p) => p.slug),
      (slug) => this.tryInsert(slug, fields, user),
    );
    return toProjectResponse(project);
  }

  /** Updates the caller's project, or creates it with this slug (then `name` is required). */
  async upsert(
    slug: string,
    dto: UpsertProjectDto,
    user: AuthUser,
  ): Promise<{ created: boolean; project: ProjectResponseDto }> {
    if (dto.slug !== undefined && dto.slug !== slug) {
      throw new BadRequestException({
        detail: 'Validation failed: slug in the body must match the URL',
        errors: [{ field: 'slug', message: 'slug in the body must match the URL' }],
      });
    }
    const fields = givenFields(dto);
    const existing = await this.projects.findOne({ where: { slug, ...teamWhere(user) } });
    if (existing) return { created: false, project: await this.update(existing, fields) };
    if (await this.projects.existsBy({ slug }))
      throw new ConflictException(`A project with slug ${slug} already exists`);
    if (!fields.name) {
      throw new BadRequestException({
        detail: 'Validation failed: name is required to create a project',
        errors: [{ field: 'name', message: 'name is required to create a project' }],
      });
    }
    try {
      return {
        created: true,
        project: toProjectResponse(await this.insert(slug, withDefaults(fields.name, fields), user)),
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Created concurrently by the caller's team: update it; owned by another team: the slug is taken.
      const raced = await this.projects.findOne({ where: { slug, ...teamWhere(user) } });
      if (raced) return { created: false, project: await this.update(raced, fields) };
      throw new ConflictException(`A project with slug ${slug} already exists`);
    }
  }

  async remove(slug: string, user: AuthUser): Promise<{ deleted: boolean }> {
    await this.find(slug, user);
    await this.projects.delete({ slug });
    return { deleted: true };
  }

  /** Projects per status, every status present (zero-filled); `teamId` undefined or null counts all teams. */
  async countByStatus(teamId?: string | null): Promise<Record<ProjectStatus, number>> {
    const qb = this.projects.createQueryBuilder('p').select('p.status', 'status').addSelect('COUNT(*)', 'count');
    if (teamId) qb.where('p.team_id = :teamId', { teamId });
    const rows = await qb.groupBy('p.status').getRawMany<{ status: string; count: string | number }>();
    const counts = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
    for (const row of rows) if (row.status in counts) counts[row.status as ProjectStatus] = Number(row.count);
    return counts;
  }

  /** Deletes every project (wipe). */
  async clearAll(): Promise<void> {
    await this.projects.createQueryBuilder().delete().from(Project).execute();
  }

  /** Loads a project the caller may see; other teams' projects are reported as missing. */
  private async find(slug: string, user: AuthUser): Promise<Project> {
    const project = await this.projects.findOne({ where: { slug, ...teamWhere(user) } });
    if (!project) throw new NotFoundException(`Project ${slug} not found`);
    return project;
  }

  /** Inserts the project; undefined when the slug is taken. */
  private async tryInsert(slug: string, fields: ProjectFields, user: AuthUser): Promise<Project | undefined> {
    try {
      return await this.insert(slug, fields, user);
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  private async insert(slug: string, fields: ProjectFields, user: AuthUser): Promise<Project> {
    const now = nowIso();
    const project: Project = { ...fields, slug, team_id: user.team_id, created_at: now, updated_at: now };
    await this.projects.insert(project);
    return project;
  }

  private async update(project: Project, fields: Partial<ProjectFields>): Promise<ProjectResponseDto> {
    const changes = { ...fields, updated_at: nowIso() };
    await this.projects.update({ slug: project.slug }, changes);
    return toProjectResponse({ ...project, ...changes });
  }
}
