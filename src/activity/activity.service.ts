import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { nowIso } from '../common/time';
import { entryHash, GENESIS_HASH, verifyChainIn, type ChainedFields, type ChainReport } from './activity-chain';
import { ActivityLog } from './activity-log.entity';
import { toActivityEntry } from './activity.mapper';
import type { ActivityScopeQueryDto, AgentLogsQueryDto, LogOrder } from './dto/activity-queries.dto';
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
const LAST_HASH_SQL = 'SELECT hash FROM activity_log ORDER BY id DESC LIMIT 1';
/** Entries per PostgreSQL group commit (9 parameters each, far below the 65,535 limit). */
const MAX_BATCH = 500;
/**
 * At most one PostgreSQL group commit per this many ms and process: an append after a quiet spell is
 * written at once, while a worker's stream of phase entries waits up to this long and goes in one
 * transaction. Each commit was six statements (three round trips now); without the spacing they carried 1.3
 * entries on average (bench: 23.6 commits, 141 statements per builtin job).
 */
const GROUP_COMMIT_SPACING_MS = 200;

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
  /** PostgreSQL appends waiting for the next group commit. */
  private readonly batch: { fields: Unchained; resolve: (row: ActivityLog) => void; reject: (e: unknown) => void }[] =
    [];
  private flushScheduled = false;
  /** When the last group commit started (0: none yet). */
  private lastFlushAt = 0;

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
    const row = this.isPostgres
      ? await this.appendBatched(fields)
      : await this.serialised(() => Promise.resolve(this.appendSqlite(fields)));
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
    const logs = await this.latest(
      { action: 'workflow_completed', ...(team ? { team_id: team } : {}) },
      20,
      query.order,
    );
    return {
      total: counts.reduce((sum, c) => sum + Number(c.count), 0),
      success: countOf('success'),
      failed: countOf('fail'),
      logs,
    };
  }

  /** The latest entries of every kind (see `latest` for the order). */
  agents(user: AuthUser, query: AgentLogsQueryDto): Promise<ActivityEntryDto[]> {
    const team = teamScopeOf(user, query.team_id);
    return this.latest(team ? { team_id: team } : {}, query.limit ?? 50, query.order);
  }

  /** The 100 latest permission_denied entries (see `latest` for the order). */
  permissions(user: AuthUser, query: ActivityScopeQueryDto): Promise<ActivityEntryDto[]> {
    const team = teamScopeOf(user, query.team_id);
    return this.latest({ action: 'permission_denied', ...(team ? { team_id: team } : {}) }, 100, query.order);
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

  /** The `take` latest entries: in the order they happened (a log tail, the default), or newest first. */
  private async latest(
    where: FindOptionsWhere<ActivityLog>,
    take: number,
    order: LogOrder = 'asc',
  ): Promise<ActivityEntryDto[]> {
    const rows = await this.repo.find({ where, order: { id: 'DESC' }, take });
    if (order === 'asc') rows.reverse();
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

  /**
   * Group commit: appends that arrive while one is being written, or within
   * GROUP_COMMIT_SPACING_MS of the last commit, go together in the next
   * transaction (one lock, one read of the last hash, one INSERT), instead of
   * three round trips each — a running job emits several per phase.
   */
  private appendBatched(fields: Unchained): Promise<ActivityLog> {
    return new Promise((resolve, reject) => {
      this.batch.push({ fields, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    void this.serialised(async () => {
      const wait = this.lastFlushAt + GROUP_COMMIT_SPACING_MS - Date.now();
      if (wait > 0) await sleep(wait);
      this.lastFlushAt = Date.now();
      this.flushScheduled = false;
      const batch = this.batch.splice(0, MAX_BATCH);
      if (this.batch.length) this.scheduleFlush();
      try {
        const rows = await this.appendPostgres(batch.map((b) => b.fields));
        batch.forEach((b, i) => b.resolve(rows[i]));
      } catch (error) {
        if (batch.length === 1) return batch[0].reject(error);
        // One bad entry (a missing team_id) must not take the others down: each is tried on its own.
        for (const b of batch) await this.appendPostgres([b.fields]).then(([row]) => b.resolve(row), b.reject);
      }
    });
  }

  /**
   * Three round trips: the transaction, the chain lock and the last hash in one (a multi-statement simple query;
   * READ COMMITTED takes a fresh snapshot per statement, so the read sees what the lock's previous holder
   * committed), the INSERT, the COMMIT. The advisory lock is held until commit, so the next appender reads the
   * last of these entries' hash.
   */
  private async appendPostgres(entries: Unchained[]): Promise<ActivityLog[]> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const opened = (await client.query(
        `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY}); ${LAST_HASH_SQL}`,
      )) as unknown as QueryResult<{ hash: string }>[];
      let prev = opened[2].rows[0]?.hash ?? GENESIS_HASH;
      const rows = entries.map((fields) => {
        const row = this.chained(prev, fields);
        prev = row.hash;
        return row;
      });
      const placeholders = rows.map(
        (_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(', ')})`,
      );
      const inserted = await client.query<{ id: number | string }>(
        `INSERT INTO activity_log (${INSERT_COLUMNS}) VALUES ${placeholders.join(', ')} RETURNING id`,
        rows.flatMap((row) => this.values(row)),
      );
      await client.query('COMMIT');
      // Serial ids follow the VALUES order, which is the chain's order.
      const ids = inserted.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      return rows.map((row, i) => ({ ...row, id: ids[i] }));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
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
