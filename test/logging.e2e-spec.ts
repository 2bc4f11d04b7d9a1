import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app';
import { FLUTTER_OK, flutterTestFailsAfter, JobsClient, waitFor, writeFakeFlutter } from './helpers/jobs';

interface LogLine {
  level: string;
  msg: string;
  time: string;
  reqId?: string;
  context?: string;
  event?: string;
  slug?: string;
  team?: string;
  phase?: string | null;
  duration_ms?: number | null;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  [key: string]: unknown;
}

/** A pino destination that keeps every line, parsed (each must be one JSON object). */
class CapturedLog {
  readonly raw: string[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line) this.raw.push(line);
  }

  get lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  jobLines(slug: string): LogLine[] {
    return this.lines.filter((l) => l.context === 'Jobs' && l.slug === slug && l.event !== 'job.phase_finished');
  }

  async waitForJobEvent(slug: string, event: string): Promise<LogLine> {
    const probe = () => Promise.resolve(this.jobLines(slug).find((l) => l.event === event));
    return waitFor(`${event} line for ${slug}`, probe, 20_000);
  }
}

describe('one structured logger', () => {
  let t: TestApp;
  let log: CapturedLog;
  let binDir: string;
  let jobs: JobsClient;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-log-flutter-'));
    await writeFakeFlutter(binDir, FLUTTER_OK);
    log = new CapturedLog();
    t = await startApp(
      { LOG_LEVEL: 'info', MAX_PARALLEL_JOBS: '1', FLUTTER_BIN: join(binDir, 'flutter') },
      { logDestination: log, logRequests: true },
    );
    jobs = new JobsClient(t, await t.tokenFor('member', 'team-logs'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  it('writes only JSON lines: Nest, requests and the app share one format', () => {
    expect(log.raw.length).toBeGreaterThan(0);
    const lines = log.lines; // throws on a non-JSON line
    expect(lines.every((l) => typeof l.level === 'string' && typeof l.time === 'string')).toBe(true);
    // Nest's own start-up lines come through the same logger, with their context.
    expect(lines.some((l) => l.context === 'NestApplication' && /started/.test(l.msg))).toBe(true);
    expect(lines.some((l) => l.msg === 'request completed')).toBe(true);
  });

  it('a request line carries the request id, echoed in X-Request-Id; a given id is kept', async () => {
    const given = await t.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-abc.123' } });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const line = log.lines.find((l) => l.reqId === 'trace-abc.123' && l.msg === 'request completed');
    expect(line).toMatchObject({ req: { method: 'GET', url: '/health' }, res: { statusCode: 200 } });

    const fresh = await t.inject({ method: 'GET', url: '/health' });
    const id = fresh.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines.some((l) => l.reqId === id)).toBe(true);
  });

  it('secrets never reach the log: bearer tokens, the admin key, query tokens and keys', async () => {
    const token = await t.tokenFor('admin');
    const before = log.raw.length;
    await t.inject({ method: 'GET', url: '/api/auth/me', token });
    await t.inject({
      method: 'POST',
      url: '/api/auth/token',
      headers: { 'x-admin-key': TEST_ADMIN_KEY },
      payload: { team_id: 'default', role: 'viewer' },
    });
    await t.inject({ method: 'POST', url: '/api/auth/token', headers: { 'x-admin-key': 'wrong-key-guess-42' } });
    await t.inject({ method: 'GET', url: `/api/jobs/nope/events?access_token=${token}` });
    await t.inject({ method: 'GET', url: '/api/models?provider=openai&key=sk-live-secret-123', token });

    const written = log.raw.slice(before).join('\n');
    expect(written).toContain('request completed');
    for (const secret of [token, TEST_ADMIN_KEY, 'wrong-key-guess-42', 'sk-live-secret-123']) {
      expect(written).not.toContain(secret);
    }
    const urls = log.lines
      .slice(before)
      .map((l) => l.req?.url)
      .filter(Boolean);
    expect(urls).toContain('/api/jobs/nope/events?access_token=[redacted]');
    expect(urls).toContain('/api/models?provider=openai&key=[redacted]');
  });

  it('a line when a job is queued, starts and fails, with slug, team, phase and duration', async () => {
    // QA's flutter test passes, the runtime phase's fails: the job fails at runtime.
    await writeFakeFlutter(binDir, flutterTestFailsAfter(join(binDir, 'log-fails.count')));
    const job = await jobs.create({ name: 'Log Fails', slug: 'log-fails', features: ['notes'] });
    await jobs.waitForStatus(job.slug);

    const failed = await log.waitForJobEvent(job.slug, 'job.failed');
    const lines = log.jobLines(job.slug);
    expect(lines.map((l) => l.event)).toEqual(['job.queued', 'job.started', 'job.failed']);
    expect(lines[0]).toMatchObject({ msg: 'Job queued', level: 'info', team: 'team-logs', reason: 'created' });
    expect(lines[1]).toMatchObject({ msg: 'Job started', level: 'info', team: 'team-logs' });
    expect(failed).toMatchObject({ level: 'error', team: 'team-logs', phase: 'runtime', status: 'failed' });
    expect(failed.error).toMatch(/runtime/);
    expect(failed.duration_ms).toBeGreaterThan(0);
  });

  it('a retried job: queued again, started, succeeded', async () => {
    await writeFakeFlutter(binDir, FLUTTER_OK);
    expect((await jobs.retry('log-fails')).statusCode).toBe(202);
    await jobs.waitForSuccess('log-fails');
    const succeeded = await log.waitForJobEvent('log-fails', 'job.succeeded');
    const events = log.jobLines('log-fails').map((l) => l.event);
    expect(events).toEqual(['job.queued', 'job.started', 'job.failed', 'job.queued', 'job.started', 'job.succeeded']);
    expect(log.jobLines('log-fails')[3]).toMatchObject({ reason: 'retry' });
    expect(succeeded).toMatchObject({ level: 'info', msg: 'Job succeeded', team: 'team-logs' });
    expect(succeeded.duration_ms).toBeGreaterThan(0);
  });

  it("a job's own lines carry no request id: only its queued line has the id of the request that posted it", async () => {
    await writeFakeFlutter(binDir, FLUTTER_OK);
    const posted = await t.inject({
      method: 'POST',
      url: '/api/jobs',
      token: await t.tokenFor('member', 'team-logs'),
      headers: { 'x-request-id': 'post-job-7' },
      payload: { name: 'Log Context', slug: 'log-context', description: 'A job', features: ['notes'] },
    });
    expect(posted.statusCode, posted.body).toBe(202);
    await jobs.waitForSuccess('log-context');
    await log.waitForJobEvent('log-context', 'job.succeeded');
    const lines = log.jobLines('log-context');
    expect(lines.map((l) => [l.event, l.reqId])).toEqual([
      ['job.queued', 'post-job-7'],
      ['job.started', undefined],
      ['job.succeeded', undefined],
    ]);
  });

  it('a job that parks at a checkpoint says so, naming the phase', async () => {
    const job = await jobs.create({ name: 'Log Parks', slug: 'log-parks', checkpoints: ['architect'] });
    await jobs.waitForStatus(job.slug, ['waiting_approval']);
    const parked = await log.waitForJobEvent(job.slug, 'job.parked');
    expect(parked).toMatchObject({ level: 'info', team: 'team-logs', phase: 'architect', status: 'waiting_approval' });
    expect(parked.msg).toMatch(/architect/);
    expect(log.jobLines(job.slug).map((l) => l.event)).toEqual(['job.queued', 'job.started', 'job.parked']);
  });
});

describe('LOG_LEVEL', () => {
  it('warn keeps request and info lines out, and keeps warnings', async () => {
    const log = new CapturedLog();
    const t = await startApp({ LOG_LEVEL: 'warn', ADMIN_API_KEY: '' }, { logDestination: log, logRequests: true });
    try {
      await t.inject({ method: 'GET', url: '/health' });
      const lines = log.lines;
      expect(lines.some((l) => l.level === 'info')).toBe(false);
      // ADMIN_API_KEY unset: the boot warns that no token can be minted.
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: expect.stringMatching(/ADMIN_API_KEY/) }),
      );
    } finally {
      await t.close();
    }
  });
});

describe('request context', () => {
  it('a line the app writes while handling a request carries that request id', async () => {
    const log = new CapturedLog();
    const t = await startApp({ LOG_LEVEL: 'info' }, { logDestination: log });
    try {
      const token = await t.tokenFor('admin');
      // The database goes away under the app: the exception filter logs why the request failed.
      await t.app.get(DataSource).destroy();
      const res = await t.inject({ method: 'GET', url: '/api/jobs', token, headers: { 'x-request-id': 'db-gone-1' } });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      const line = log.lines.find((l) => l.context === 'Errors');
      expect(line).toMatchObject({ reqId: 'db-gone-1', level: expect.stringMatching(/warn|error/) });
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
