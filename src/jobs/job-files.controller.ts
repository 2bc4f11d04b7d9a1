import {
  Controller,
  Get,
  NotFoundException,
  Param,
  Query,
  Res,
  UnsupportedMediaTypeException,
  PayloadTooLargeException,
} from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { apiError } from '../common/errors/error-response.dto';
import { CodeFileQueryDto } from './dto/job-queries.dto';
import { CodeFileDto, CodeTreeEntryDto } from './dto/job-response.dto';
import { SlugParamDto } from './dto/slug-param.dto';
import { JobWorkspaceService } from './job-workspace.service';
import { JobsService } from './jobs.service';

const MAX_FILE_BYTES = 500 * 1024;

/** The generated files of a job: ZIP download and read-only browsing of source/ and docs/. */
@ApiTags('Jobs')
@Controller('api/jobs/:slug')
export class JobFilesController {
  constructor(
    private readonly jobs: JobsService,
    private readonly workspace: JobWorkspaceService,
  ) {}

  @Get('download')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Download the exported project as <slug>_source.zip (streamed)' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The ZIP file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse(apiError('No such job, or not exported yet', 'The job has not been exported yet'))
  async download(
    @Param() { slug }: SlugParamDto,
    @CurrentUser() user: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const job = await this.jobs.find(slug, user);
    const file = this.workspace.exportFile(slug);
    const info = job.artifact ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) throw new NotFoundException('The job has not been exported yet');
    await reply
      .header('content-type', 'application/zip')
      .header('content-length', String(info.size))
      .header('content-disposition', `attachment; filename="${slug}_source.zip"`)
      .send(createReadStream(file));
  }

  @Get('code/tree')
  @MinRole('viewer')
  @ApiOperation({ summary: 'File tree of source/ and docs/' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: [CodeTreeEntryDto] })
  @ApiNotFoundResponse(apiError("No such job (or not your team's)", 'Job my-app not found'))
  async tree(@Param() { slug }: SlugParamDto, @CurrentUser() user: AuthUser): Promise<CodeTreeEntryDto[]> {
    await this.jobs.find(slug, user);
    return this.workspace.tree(slug);
  }

  @Get('code/file')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Content of one text file under source/ or docs/ (max 500 KB)' })
  @ApiParam({ name: 'slug', example: 'my-app' })
  @ApiOkResponse({ type: CodeFileDto })
  @ApiNotFoundResponse(apiError('No such job, or no such file', 'File not found'))
  @ApiPayloadTooLargeResponse(apiError('The file is larger than 500 KB', 'File is larger than 500 KB'))
  async file(
    @Param() { slug }: SlugParamDto,
    @Query() query: CodeFileQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CodeFileDto> {
    await this.jobs.find(slug, user);
    const real = await this.workspace.resolveReadable(slug, query.path);
    const info = await stat(real);
    if (!info.isFile()) throw new NotFoundException('File not found');
    if (info.size > MAX_FILE_BYTES) throw new PayloadTooLargeException('File is larger than 500 KB');
    const handle = await open(real, 'r');
    try {
      const content = await handle.readFile();
      if (content.includes(0)) throw new UnsupportedMediaTypeException('Binary files cannot be shown');
      return { path: query.path.replace(/\\/g, '/'), content: content.toString('utf8') };
    } finally {
      await handle.close();
    }
  }
}
