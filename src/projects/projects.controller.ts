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
import { apiError, ErrorResponseDto } from '../common/errors/error-response.dto';
import { Location, LOCATION_HEADER } from '../common/http/location';
import { LIST_HEADERS, setListHeaders } from '../common/dto/list-cursor';
import { CreateProjectDto, DeleteProjectResponseDto, ProjectResponseDto, UpsertProjectDto } from './dto/project.dto';
import { ListProjectsQueryDto, ProjectSlugParamDto } from './dto/project-queries.dto';
import { ProjectsService } from './projects.service';

@ApiTags('Projects')
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @MinRole('viewer')
  @ApiOperation({
    summary:
      'List project initiatives, newest first (total in X-Total-Count; next page cursor in X-Next-Cursor and Link)',
  })
  @ApiOkResponse({ type: [ProjectResponseDto], headers: LIST_HEADERS })
  async list(
    @Query() query: ListProjectsQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProjectResponseDto[]> {
    const { items, total, next } = await this.projects.list(user, query);
    setListHeaders(reply, total, next);
    return items;
  }

  @Post()
  @HttpCode(201)
  @MinRole('member')
  @ApiOperation({ summary: 'Create a project; the slug is derived from the name when absent' })
  @ApiCreatedResponse({ type: ProjectResponseDto, headers: LOCATION_HEADER })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse(
    apiError('The explicit slug is taken (by any team)', 'A project with slug flutter-todo already exists'),
  )
  @Location('/api/projects/:slug')
  create(@Body() body: CreateProjectDto, @CurrentUser() user: AuthUser): Promise<ProjectResponseDto> {
    return this.projects.create(body, user);
  }

  @Get(':slug')
  @MinRole('viewer')
  @ApiOperation({ summary: 'One project' })
  @ApiParam({ name: 'slug', example: 'flutter-todo' })
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiNotFoundResponse(apiError("No such project (or not your team's)", 'Project flutter-todo not found'))
  get(@Param() { slug }: ProjectSlugParamDto, @CurrentUser() user: AuthUser): Promise<ProjectResponseDto> {
    return this.projects.get(slug, user);
  }

  @Put(':slug')
  @MinRole('member')
  @ApiOperation({ summary: 'Update a project, or create it with this slug (upsert; name required to create)' })
  @ApiParam({ name: 'slug', example: 'flutter-todo' })
  @ApiOkResponse({ description: 'Updated', type: ProjectResponseDto })
  @ApiCreatedResponse({ description: 'Created', type: ProjectResponseDto, headers: LOCATION_HEADER })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse(apiError('The slug belongs to another team', 'A project with slug flutter-todo already exists'))
  @Location('/api/projects/:slug')
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
  @ApiNotFoundResponse(apiError("No such project (or not your team's)", 'Project flutter-todo not found'))
  remove(@Param() { slug }: ProjectSlugParamDto, @CurrentUser() user: AuthUser): Promise<DeleteProjectResponseDto> {
    return this.projects.remove(slug, user);
  }
}
