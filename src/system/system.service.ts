import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AllConfig } from '../config/config.types';
import { JobQueue } from '../queue/job-queue';
import type { ApiInfoResponseDto, HealthResponseDto, SystemStatusResponseDto } from './dto/system.dto';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), CHECK_TIMEOUT_MS)),
  ]);
}

/** Shows a server path relative to the service directory, never as an absolute path. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? `<external>/${basename(path)}` : rel || '.';
}

@Injectable()
export class SystemService {
  constructor(
    private readonly config: ConfigService<AllConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  health(): HealthResponseDto {
    return { status: 'ok', queue_backend: this.queue.backend };
  }

  info(): ApiInfoResponseDto {
    return {
      status: 'online',
      service: 'Unified AI Software Factory API Backend',
      version: this.config.get('app.version', { infer: true }),
      docs_url: '/docs',
    };
  }

  /** `undefined` when the database, the workspace and the queue all answer; else the first problem. */
  async notReadyReason(): Promise<string | undefined> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 'database check');
    } catch (error) {
      return `database: ${this.safeMessage(error)}`;
    }
    try {
      await withTimeout(this.probeWorkspace(), 'workspace check');
    } catch (error) {
      return `workspace not writable: ${(error as NodeJS.ErrnoException).code ?? this.safeMessage(error)}`;
    }
    const queueProblem = await this.queue.unreachableReason();
    return queueProblem ? `queue: ${queueProblem}` : undefined;
  }

  status(): SystemStatusResponseDto {
    const db = this.config.get('database', { infer: true });
    const dbPath = db.url ? this.describeDatabaseUrl(db.url) : displayPath(db.path);
    return {
      status: 'ok',
      version: this.config.get('app.version', { infer: true }),
      queue_backend: this.queue.backend,
      db_path: dbPath,
      db_exists: db.url ? this.dataSource.isInitialized : existsSync(db.path),
      generated_apps_dir: displayPath(this.config.get('workspace.generatedAppsDir', { infer: true })),
    };
  }

  private async probeWorkspace(): Promise<void> {
    const dir = this.config.get('workspace.generatedAppsDir', { infer: true });
    await mkdir(dir, { recursive: true });
    const probe = join(dir, `.ready-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  }

  /** Host and database name only: credentials never leave the server. */
  private describeDatabaseUrl(url: string): string {
    try {
      const parsed = new URL(url);
      return `postgresql://${parsed.host}${parsed.pathname}`;
    } catch {
      return 'postgresql';
    }
  }

  /** Driver messages can embed file paths; keep only the first line, paths removed. */
  private safeMessage(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0].replace(/(?:[A-Za-z]:)?\/[^\s'"]+/g, '<path>');
  }
}
