import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AllConfig } from '../config/config.types';
import { JobQueue } from '../queue/job-queue';
import {
  READY_COMPONENTS,
  type ApiInfoResponseDto,
  type HealthResponseDto,
  type ReadyComponent,
  type SystemStatusResponseDto,
} from './dto/system.dto';

const CHECK_TIMEOUT_MS = 2_000;

/** What `/ready` says about a component that is down: never the driver's message. */
const COMPONENT_PROBLEM: Record<ReadyComponent, string> = {
  database: 'unreachable',
  workspace: 'not writable',
  queue: 'unreachable',
};

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
  private readonly logger = new Logger('Readiness');
  /** The last problem logged per component, so a failing probe is logged once, not every few seconds. */
  private readonly lastProblems = new Map<ReadyComponent, string>();

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

  /**
   * `undefined` when the database, the workspace and the queue all answer;
   * else which of them do not (checked together, so a probe waits for the
   * slowest check only). The answer names components only — the driver's
   * message (host, port, path) goes to the log, once per change.
   */
  async notReady(): Promise<{ down: ReadyComponent[]; error: string } | undefined> {
    const checks: [ReadyComponent, Promise<unknown>][] = [
      ['database', withTimeout(this.dataSource.query('SELECT 1'), 'database check')],
      ['workspace', withTimeout(this.probeWorkspace(), 'workspace check')],
      [
        'queue',
        this.queue.unreachableReason().then((reason) => {
          if (reason) throw new Error(reason);
        }),
      ],
    ];
    const results = await Promise.allSettled(checks.map(([, check]) => check));
    const problems = new Map<ReadyComponent, string>();
    results.forEach((result, i) => {
      if (result.status === 'rejected') problems.set(checks[i][0], this.logDetail(result.reason));
    });
    this.logChanges(problems);
    if (!problems.size) return undefined;
    const down = [...problems.keys()];
    return { down, error: down.map((component) => `${component}: ${COMPONENT_PROBLEM[component]}`).join('; ') };
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

  /** For the log only: the error's first line, with its errno code when it has one. */
  private logDetail(error: unknown): string {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code && !message.includes(code) ? `${code}: ${message}` : message;
  }

  /** Logs a component going down (with why) or coming back, not every probe. */
  private logChanges(problems: Map<ReadyComponent, string>): void {
    for (const component of READY_COMPONENTS) {
      const problem = problems.get(component);
      const before = this.lastProblems.get(component);
      if (problem === before) continue;
      if (problem) this.logger.warn(`readiness: ${component} is down: ${problem}`);
      else this.logger.log(`readiness: ${component} is back`);
      if (problem) this.lastProblems.set(component, problem);
      else this.lastProblems.delete(component);
    }
  }
}
