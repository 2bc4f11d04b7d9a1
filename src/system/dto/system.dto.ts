import { ApiProperty } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ example: 'ok' })
  status: string;

  @ApiProperty({ example: 'thread', enum: ['thread', 'bull'] })
  queue_backend: string;
}

export class ReadyResponseDto {
  @ApiProperty({ example: 'ready' })
  status: string;
}

export const READY_COMPONENTS = ['database', 'workspace', 'queue'] as const;
export type ReadyComponent = (typeof READY_COMPONENTS)[number];

export class NotReadyResponseDto {
  @ApiProperty({ example: 'not_ready' })
  status: string;

  @ApiProperty({
    example: 'database: unreachable',
    description:
      'Each component that is down, with a short reason ("database: unreachable", "workspace: not writable", "queue: unreachable"), joined by "; ". Never a host, port, path or driver message: those are in the server log.',
  })
  error: string;

  @ApiProperty({
    enum: READY_COMPONENTS,
    isArray: true,
    example: ['database'],
    description: 'The components that are down',
  })
  down: ReadyComponent[];
}

export class ApiInfoResponseDto {
  @ApiProperty({ example: 'online' })
  status: string;

  @ApiProperty({ example: 'Unified AI Software Factory API Backend' })
  service: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ example: '/docs' })
  docs_url: string;
}

export class SystemStatusResponseDto {
  @ApiProperty({ example: 'ok' })
  status: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ example: 'thread' })
  queue_backend: string;

  @ApiProperty({
    example: 'data/app.db',
    description: 'Relative to the service directory; "postgresql://host/db" on PostgreSQL',
  })
  db_path: string;

  @ApiProperty({ example: true })
  db_exists: boolean;

  @ApiProperty({ example: 'workspace/generated_apps', description: 'Relative to the service directory' })
  generated_apps_dir: string;
}
