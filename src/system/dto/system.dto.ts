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

export class NotReadyResponseDto {
  @ApiProperty({ example: 'not_ready' })
  status: string;

  @ApiProperty({ example: 'database: SQLITE_CANTOPEN' })
  error: string;
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
