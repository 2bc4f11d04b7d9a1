import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MinRole, Public } from '../common/auth/access.decorators';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_S } from '../common/errors/all-exceptions.filter';
import {
  ApiInfoResponseDto,
  HealthResponseDto,
  NotReadyResponseDto,
  ReadyResponseDto,
  SystemStatusResponseDto,
} from './dto/system.dto';
import { SystemService } from './system.service';

@ApiTags('System')
@Controller()
export class SystemController {
  constructor(private readonly system: SystemService) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness probe' })
  @ApiOkResponse({ type: HealthResponseDto })
  health(): HealthResponseDto {
    return this.system.health();
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness probe: database answers, workspace writable, queue reachable',
    description:
      'A 503 names the components that are down (`database`, `workspace`, `queue`) and nothing more: hosts, ports, paths and driver messages go to the server log.',
  })
  @ApiOkResponse({ type: ReadyResponseDto })
  @ApiServiceUnavailableResponse({
    type: NotReadyResponseDto,
    headers: { 'Retry-After': { description: 'Seconds to wait before probing again', schema: { type: 'integer' } } },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponseDto | NotReadyResponseDto> {
    const problem = await this.system.notReady();
    if (!problem) return { status: 'ready' };
    void reply.status(503).header('Retry-After', String(SERVICE_UNAVAILABLE_RETRY_AFTER_S));
    return { status: 'not_ready', error: problem.error, down: problem.down };
  }

  @Get('api')
  @Public()
  @ApiOperation({ summary: 'API root info' })
  @ApiOkResponse({ type: ApiInfoResponseDto })
  info(): ApiInfoResponseDto {
    return this.system.info();
  }

  @Get('api/system/status')
  @MinRole('admin')
  @ApiOperation({ summary: 'System status (admin)' })
  @ApiOkResponse({ type: SystemStatusResponseDto })
  status(): SystemStatusResponseDto {
    return this.system.status();
  }
}
