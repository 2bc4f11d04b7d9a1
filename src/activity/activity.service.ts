import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { nowIso } from '../common/time';
import { entryHash, GENESIS_HASH, verifyChainIn, type ChainedFields, type ChainReport } from './activity-chain';
import { ActivityLog } from './activity-log.entity';
import { toActivityEntry } from './activity.mapper';
import type { ActivityScopeQueryDto, AgentLogsQueryDto } from './dto/activity-queries.dto';
import type { ActivityEntryDto, TasksSummaryDto } from './dto/activity-response.dto';
import { teamScopeOf } from '../common/auth/team-scope';

export interface RecordActivityInput {
  /** The job slug, when the entry is about a job. */
  task_id?: string | null;
  agent?: string | null;
  action: string;
  status: string;
  /** Stored as JSON (objects) or as text; secret-looking keys are redacted. */
  details?: Record<string, unknown> | string | null;
  team_id: string;
}

/** Any constant works; every process appending to the same PostgreSQL database takes this lock. */
const CHAIN_LOCK_KEY = 741_852_963_021;
const MAX_DETAILS_CHARS = 20_000;
const SECRET_KEY =
  /^(?:.*[_-])?(?:secret|password|passwd|api[_-]?key|token|access[_-]?token|authorization|credentials?)$/i;

const INSERT_COLUMNS = '"timestamp", task_id, agent, action, status, details, team_id, prev_hash, hash';

/** The parts of better-sqlite3 the SQLite append uses (TypeORM's driver exposes the connection). */
interface SqliteDatabase {
  prepare(sql: string): {
    get(...params: unknown[]): unknown;
    run(...params: unknown[]): { lastInsertRowid: number | bigint };
  };
  transaction<A extends unknown[], R>(fn: (...args: A) => R): { immediate(...args: A): R };
}

type Unchained = Omit<ChainedFields, 'timestamp'>;

function clip(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  return value.length > max ? value.slice(0, max) : value;
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) ? '[redacted]' : redact(inner),
    ]),
  );
}

function serialiseDetails(details: RecordActivityInput['details']): string {
  if (details === null || details === undefined) return '{}';
  const text = typeof details === 'string' ? details : JSON.stringify(redact(details));
  return text.length > MAX_DETAILS_CHARS ? text.slice(0, MAX_DETAILS_CHARS) : text;
}

/**
 * The append-only, hash-chained activity log. Appends are serialised: in
 * process by a promise queue, across processes by the database — a
 * `BEGIN IMMEDIATE` write transaction on SQLite, an advisory transaction lock
 * on PostgreSQL — so the last hash is read and the next entry inserted with
 * no other append in between and the chain cannot fork.
 */
@Injectable()
export class ActivityService implements BeforeApplicationShutdown {
  private tail: Promise<unknown> = Promise.resolve();
  private sqliteAppend?: (fields: Unchained) => ActivityLog;

  constructor(
    @InjectRepository(ActivityLog) private readonly repo: Repository<ActivityLog>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Entries still being appended are written before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.tail;
  }

  /** Appends one entry; resolves with it as the API shows it. */
  async record(input: RecordActivityInput): Promise<ActivityEntryDto> {
    const fields: Unchained = {
      task_id: clip(input.task_id, 64),
      agent: clip(input.agent, 64),
      action: clip(input.action, 64)!,
      status: clip(input.status, 32)!,
      details: serialiseDetails(input.details),
      team_id: clip(input.team_id, 64)!,
    };
    const row = await this.serialised(() =>
      this.isPostgres ? this.appendPostgres(fields) : Promise.resolve(this.appendSqlite(fields)),
    );
    return toActivityEntry(row);
  }

  /** `{ total, success, failed }` of completed workflows and the 20 latest of them. */
  async tasks(user: AuthUser, query: ActivityScopeQueryDto): Promise<TasksSummaryDto> {
    const team = teamScopeOf(user, query.team_id);
    const qb = this.repo
      .createQueryBuilder('a')
      .select('a.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('a.action = :action', { action: 'workflow_completed' });
    if (team) qb.andWhere('a.team_id = :team', { team });
    const counts = await qb.groupBy('a.status').getRawMany<{ status: string; count: string | number }>();
    const countOf = (status: string) => Number(counts.find((c) => c.status === status)?.count ?? 0);
    const logs = await this.latest({ action: 'workflow_completed', ...(team ? { team_id: team } : {}) }, 20);
    return {
      total: counts.reduce((sum, c) => sum + Number(c.count), 0),
      success: countOf('success'),
      failed: countOf('fail'),
      logs,
    };
  }

  /** The latest entries of every kind, newest first. */
  agents(user: AuthUser, query: AgentLogsQueryDto): Promise<ActivityEntryDto[]> {
    const team = teamScopeOf(user, query.team_id);
    return this.latest(team ? { team_id: team } : {}, query.limit ?? 50);
  }

  /** The 100 latest permission_denied entries, newest first. */
  permissions(user: AuthUser, query: ActivityScopeQueryDto): Promise<ActivityEntryDto[]> {
    const team = teamScopeOf(user, query.team_id);
    return this.latest({ action: 'permission_denied', ...(team ? { team_id: team } : {}) }, 100);
  }

  /** Walks the whole chain in id order; reports the first entry that does not verify. */
  verifyChain(): Promise<ChainReport> {
    return verifyChainIn(this.dataSource);
  }

  /** Deletes every entry (wipe); the next entry starts a new chain from the genesis hash. */
  async clearAll(): Promise<void> {
    await this.serialised(async () => {
      if (!this.isPostgres) {
        this.sqlite().prepare('DELETE FROM activity_log').run();
        return;
      }
      await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
        await manager.query('DELETE FROM activity_log');
      });
    });
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async latest(where: FindOptionsWhere<ActivityLog>, take: number): Promise<ActivityEntryDto[]> {
    const rows = await this.repo.find({ where, order: { id: 'DESC' }, take });
    return rows.map(toActivityEntry);
  }

  private sqlite(): SqliteDatabase {
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
  }

  /**
   * TypeORM starts SQLite transactions with a deferred `BEGIN`, whose read
   * lock cannot always be upgraded when another process writes in between.
   * better-sqlite3's `immediate` transaction takes the write lock first (other
   * writers wait out the busy timeout), and being synchronous, nothing else in
   * this process runs between the read of the last hash and the insert.
   */
  private appendSqlite(fields: Unchained): ActivityLog {
    if (!this.sqliteAppend) {
      const db = this.sqlite();
      const last = db.prepare('SELECT hash FROM activity_log ORDER BY id DESC LIMIT 1');
      const insert = db.prepare(`INSERT INTO activity_log (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const append = db.transaction((input: Unchained): ActivityLog => {
        const prev = (last.get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
        const row = this.chained(prev, input);
        const { lastInsertRowid } = insert.run(...this.values(row));
        return { ...row, id: Number(lastInsertRowid) };
      });
      this.sqliteAppend = (input) => append.immediate(input);
    }
    return this.sqliteAppend(fields);
  }

  /** The advisory lock is held until commit, so the next appender reads this entry's hash. */
  private appendPostgres(fields: Unchained): Promise<ActivityLog> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
      const [last] = await manager.query<{ hash: string }[]>('SELECT hash FROM activity_log ORDER BY id DESC LIMIT 1');
      const row = this.chained(last?.hash ?? GENESIS_HASH, fields);
      const [inserted] = await manager.query<{ id: number | string }[]>(
        `INSERT INTO activity_log (${INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        this.values(row),
      );
      return { ...row, id: Number(inserted.id) };
    });
  }

  /** Timestamped inside the serialised section, so timestamps never go backwards along the chain. */
  private chained(prevHash: string, fields: Unchained): Omit<ActivityLog, 'id'> {
    const entry: ChainedFields = { ...fields, timestamp: nowIso() };
    return { ...entry, prev_hash: prevHash, hash: entryHash(prevHash, entry) };
  }

  private values(row: Omit<ActivityLog, 'id'>): unknown[] {
    return [
      row.timestamp,
      row.task_id,
      row.agent,
      row.action,
      row.status,
      row.details,
      row.team_id,
      row.prev_hash,
      row.hash,
    ];
  }
}
