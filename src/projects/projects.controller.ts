import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { CreateProjectDto, DeleteProjectResponseDto, ProjectResponseDto, UpsertProjectDto } from './dto/project.dto';
import { ListProjectsQueryDto, ProjectSlugParamDto } from './dto/project-queries.dto';
import { ProjectsService } from './projects.service';

@ApiTags('Projects')
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({ summary: 'List project initiatives, newest first (total in X-Total-Count)' })
  @ApiOkResponse({ type: [ProjectResponseDto] })
  async list(
    @Query() query: ListProjectsQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProjectResponseDto[]> {
    const { items, total } = await this.projects.list(user, query);
    void reply.header('X-Total-Count', String(total));
    return items;
  }

  @Post()
  @HttpCode(201)
  @MinRole('member')
  @ApiOperation({ summary: 'Create a project; the slug is derived from the name when absent' })
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The explicit slug is taken (by any team)', type: ErrorResponseDto })
  create(@Body() body: CreateProjectDto, @CurrentUser() user: AuthUser): Promise<ProjectResponseDto> {
    return this.projects.create(body, user);
  }

  @Get(':slug')
  @MinRole('viewer')
  @ApiOperation({ summary: 'One project' })
  @ApiParam({ name: 'slug', example: 'flutter-todo' })
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { slug }: ProjectSlugParamDto, @CurrentUser() user: AuthUser): Promise<ProjectResponseDto> {
    return this.projects.get(slug, user);
  }

  @Put(':slug')
  @MinRole('member')
  @ApiOperation({ summary: 'Update a project, or create it with this slug (upsert; name required to create)' })
  @ApiParam({ name: 'slug', example: 'flutter-todo' })
  @ApiOkResponse({ description: 'Updated', type: ProjectResponseDto })
  @ApiCreatedResponse({ description: 'Created', type: ProjectResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The slug belongs to another team', type: ErrorResponseDto })
  async upsert(
    @Param() { slug }: ProjectSlugParamDto,
    @Body() body: UpsertProjectDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProjectResponseDto> {
    const { created, project } = await this.projects.upsert(slug, body, user);
    if (created) void reply.status(201);
    return project;
  }

  @Delete(':slug')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a project' })
  @ApiParam({ name: 'slug', example: 'flutter-todo' })
  @ApiOkResponse({ type: DeleteProjectResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  remove(@Param() { slug }: ProjectSlugParamDto, @CurrentUser() user: AuthUser): Promise<DeleteProjectResponseDto> {
    return this.projects.remove(slug, user);
  }
}
