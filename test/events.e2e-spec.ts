import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, MoreThan } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JobLog } from '../src/jobs/job-log.entity';
import { JobRunStore } from '../src/jobs/job-run.store';
import { startApp, type TestApp } from './helpers/app';
import { HitlClient } from './helpers/hitl';
import { JobsClient, PHASES, TERMINAL, waitFor, writeFakeFlutter } from './helpers/jobs';

/** Each flutter step takes a second: the runtime phase lasts about 3 s, long enough to watch. */
const FLUTTER_SLOW = 'sleep 1\necho "fake flutter $*"\nexit 0';
const SETTLED = ['waiting_approval', ...TERMINAL];

interface SseEvent {
  id?: number;
  event: string;
  data: Record<string, unknown>;
}

/**
 * A minimal EventSource over fetch: parses `id:` / `event:` / `data:` frames
 * incrementally, counts comment lines (heartbeats) and remembers `retry:`.
 */
class SseStream {
  readonly events: SseEvent[] = [];
  heartbeats = 0;
  retry?: number;
  ended = false;
  private buffer = '';
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    if (response.status !== 200 || !response.body) {
      const body = await response.text();
      throw new Error(`GET ${url} got ${response.status}: ${body}`);
    }
    return new SseStream(response, response.body.getReader(), controller);
  }

  /** The next event, or undefined when the server closed the stream; throws after `timeoutMs`. */
  async next(timeoutMs = 15_000): Promise<SseEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = this.parseOne();
      if (event) {
        this.events.push(event);
        return event;
      }
      if (this.ended) return undefined;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`No SSE event within ${timeoutMs} ms (seen: ${this.events.map((e) => e.event).join(', ')})`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk === 'timeout') continue;
      if (chunk.done) {
        this.buffer += this.decoder.decode();
        this.ended = true;
      } else {
        this.buffer += this.decoder.decode(chunk.value, { stream: true });
      }
    }
  }

  /** Reads until `stop(event)` holds (that event included) and returns the events read. */
  async until(stop: (event: SseEvent) => boolean, timeoutMs = 20_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    const seen: SseEvent[] = [];
    for (;;) {
      const event = await this.next(Math.max(1, deadline - Date.now()));
      if (!event)
        throw new Error(`Stream closed before the awaited event (seen: ${seen.map((e) => e.event).join(', ')})`);
      seen.push(event);
      if (stop(event)) return seen;
    }
  }

  /** Reads to the end of the stream; returns every event read by this call. */
  async rest(timeoutMs = 25_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    const seen: SseEvent[] = [];
    for (;;) {
      const event = await this.next(Math.max(1, deadline - Date.now()));
      if (!event) return seen;
      seen.push(event);
    }
  }

  /** Drops the connection, as a browser losing its network would. */
  abort(): void {
    this.controller.abort();
    this.reader.cancel().catch(() => undefined);
  }

  private parseOne(): SseEvent | undefined {
    for (;;) {
      const normalized = this.buffer.replace(/\r\n?/g, '\n');
      const end = normalized.indexOf('\n\n');
      if (end < 0) {
        this.buffer = normalized;
        return undefined;
      }
      const frame = normalized.slice(0, end);
      this.buffer = normalized.slice(end + 2);
      let id: string | undefined;
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) {
          this.heartbeats++;
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'retry') this.retry = Number(value);
      }
      if (!data.length) continue;
      return {
        ...(id !== undefined ? { id: Number(id) } : {}),
        event,
        data: JSON.parse(data.join('\n')) as Record<string, unknown>,
      };
    }
  }
}

describe('GET /api/jobs/:slug/events (Server-Sent Events)', () => {
  let t: TestApp;
  let binDir: string;
  let base: string;
  let member: string;
  let jobs: JobsClient;
  let hitl: HitlClient;
  const open: SseStream[] = [];

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'sf-sse-flutter-'));
    await writeFakeFlutter(binDir, FLUTTER_SLOW);
    // Short heartbeats so a test can see them.
    t = await startApp({ FLUTTER_BIN: join(binDir, 'flutter'), SSE_HEARTBEAT_MS: '250' });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    member = await t.tokenFor('member');
    jobs = new JobsClient(t, member);
    hitl = new HitlClient(t, member);
  });
  afterAll(async () => {
    for (const stream of open) stream.abort();
    await t?.close();
    await rm(binDir, { recursive: true, force: true });
  });

  const connect = async (
    slug: string,
    headers: Record<string, string> = {},
    token: string | null = member,
  ): Promise<SseStream> => {
    const stream = await SseStream.open(`${base}/api/jobs/${slug}/events`, {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    });
    open.push(stream);
    return stream;
  };
  const rowsOf = (slug: string, after = 0) =>
    t.app
      .get(DataSource)
      .getRepository(JobLog)
      .find({ where: { job_slug: slug, id: MoreThan(after) }, order: { id: 'ASC' } });
  const raw = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  /** The ids of id-carrying events must rise strictly. */
  const expectIncreasing = (events: SseEvent[]): void => {
    const ids = events.filter((e) => e.id !== undefined).map((e) => e.id!);
    for (let i = 1; i < ids.length; i++) expect(ids[i], `id after ${ids[i - 1]}`).toBeGreaterThan(ids[i - 1]);
  };
  /** Events after the snapshot are exactly the job's log rows after `after`, in order, with their kinds and messages. */
  const expectMatchesRows = async (slug: string, events: SseEvent[], after: number): Promise<void> => {
    const rows = await rowsOf(slug, after);
    const withIds = events.filter((e) => e.id !== undefined);
    expect(withIds.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(withIds.map((e) => e.event)).toEqual(rows.map((r) => r.event));
    expect(withIds.map((e) => e.data.message)).toEqual(rows.map((r) => r.message));
    expect(withIds.map((e) => e.data.id)).toEqual(rows.map((r) => r.id));
  };

  it('snapshot first, then every event in order with ids matching job_logs, phase events for every phase, status succeeded, end, close', async () => {
    const slug = 'streamed';
    // Parked before its first phase, so the stream sees every phase run.
    await jobs.create({ name: 'Streamed', slug, features: ['auth'], checkpoints: ['create'] });
    expect((await jobs.waitForStatus(slug, SETTLED)).status).toBe('waiting_approval');
    // A parked job's state is written a moment before its status row: the snapshot's id is the
    // newest row when the stream opens, so wait for that row before reading it.
    const snapshotId = await waitFor('the parked status row', async () => {
      const rows = await rowsOf(slug);
      return rows.some((row) => row.event === 'status') ? rows.at(-1)?.id : undefined;
    });
    expect(snapshotId).toBeGreaterThan(0);

    const stream = await connect(slug);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toMatch(/no-cache/);
    const snapshot = await stream.next();
    expect(snapshot).toMatchObject({ event: 'snapshot', id: snapshotId });
    expect(snapshot!.data).toMatchObject({
      status: 'waiting_approval',
      current_phase: 'create',
      progress: 0,
      error: null,
    });
    expect(snapshot!.data.phases).toEqual(Object.fromEntries(PHASES.map((p) => [p, 'pending'])));
    expect(stream.retry).toBe(2000);

    const checkpoint = await hitl.pendingCheckpoint(slug);
    expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(200);
    const started = Date.now();
    const events = await stream.rest();
    expect(stream.ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect((await jobs.get(slug)).status).toBe('succeeded');

    // The last frame is `end`, without an id; just before it, the final status.
    const end = events.at(-1)!;
    expect(end.event).toBe('end');
    expect(end.id).toBeUndefined();
    expect(end.data).toEqual({ status: 'succeeded', error: null, progress: 100 });
    const withIds = events.slice(0, -1);
    expect(withIds.every((e) => e.id !== undefined && ['log', 'phase', 'status'].includes(e.event))).toBe(true);
    const last = withIds.at(-1)!;
    expect(last).toMatchObject({ event: 'status', data: { status: 'succeeded', error: null, progress: 100 } });

    expectIncreasing([snapshot!, ...withIds]);
    await expectMatchesRows(slug, withIds, snapshotId);

    // Phase events: each phase starts (when it runs) and finishes passed or skipped, in pipeline order.
    const phaseEvents = withIds.filter((e) => e.event === 'phase');
    for (const phase of PHASES) {
      const finished = phaseEvents.filter(
        (e) => e.data.phase === phase && ['passed', 'skipped'].includes(e.data.status as string),
      );
      expect(finished, phase).toHaveLength(1);
    }
    const order = phaseEvents.filter((e) => e.data.status !== 'running').map((e) => e.data.phase);
    expect(order).toEqual([...PHASES]);
    expect(phaseEvents.some((e) => e.data.phase === 'runtime' && e.data.status === 'running')).toBe(true);
    const progress = phaseEvents.map((e) => e.data.progress as number);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(withIds.some((e) => e.event === 'log' && e.data.message === 'Running flutter pub get')).toBe(true);
    // The runtime phase took seconds: heartbeats (250 ms here) kept the connection alive meanwhile.
    expect(stream.heartbeats).toBeGreaterThan(0);
  });

  it('reconnecting with Last-Event-ID replays exactly the missed events, then the end', async () => {
    const slug = 'reconnected';
    await jobs.create({ name: 'Reconnected', slug, features: ['auth'] });
    const first = await connect(slug);
    const snapshot = await first.next();
    expect(snapshot?.event).toBe('snapshot');
    const snapshotId = snapshot!.id ?? 0;
    // Read until the slow runtime phase is under way, then drop the connection.
    const before = await first.until((e) => e.event === 'log' && e.data.message === 'Running flutter pub get');
    const lastSeen = before.at(-1)!.id!;
    first.abort();
    expect((await jobs.get(slug)).status).toBe('running');

    const second = await connect(slug, { 'last-event-id': String(lastSeen) });
    const after = await second.rest();
    expect(second.ended).toBe(true);
    expect(after.map((e) => e.event)).not.toContain('snapshot');
    const end = after.at(-1)!;
    expect(end).toMatchObject({ event: 'end', data: { status: 'succeeded', progress: 100 } });
    const replayed = after.slice(0, -1);
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed[0].id).toBeGreaterThan(lastSeen);
    expectIncreasing(replayed);
    // Exactly the rows after the last id seen: none missing, none repeated.
    await expectMatchesRows(slug, replayed, lastSeen);
    const seenIds = [...before, ...replayed].map((e) => e.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds).toEqual((await rowsOf(slug, snapshotId)).map((r) => r.id));
    expect(replayed.at(-1)).toMatchObject({ event: 'status', data: { status: 'succeeded' } });
  });

  it('a finished job: no Last-Event-ID → snapshot then end; Last-Event-ID n → exactly the rows after n; 0 → all of them', async () => {
    const slug = 'reconnected';
    const rows = await rowsOf(slug);
    const lastId = rows.at(-1)!.id;

    const plain = await connect(slug);
    const events = await plain.rest();
    expect(events.map((e) => e.event)).toEqual(['snapshot', 'end']);
    expect(events[0]).toMatchObject({ id: lastId, data: { status: 'succeeded', current_phase: null, progress: 100 } });
    expect(events[0].data.phases).toEqual(
      Object.fromEntries(PHASES.map((p) => [p, expect.stringMatching(/^(passed|skipped)$/)])),
    );

    const middle = rows[Math.floor(rows.length / 2)].id;
    const partial = await (await connect(slug, { 'last-event-id': String(middle) })).rest();
    expect(partial.at(-1)?.event).toBe('end');
    await expectMatchesRows(slug, partial.slice(0, -1), middle);

    const all = await (await connect(slug, { 'last-event-id': '0' })).rest();
    expect(all.map((e) => e.event)).not.toContain('snapshot');
    await expectMatchesRows(slug, all.slice(0, -1), 0);

    // Past the end: nothing to replay, just the end.
    expect((await (await connect(slug, { 'last-event-id': String(lastId) })).rest()).map((e) => e.event)).toEqual([
      'end',
    ]);
    // A Last-Event-ID that is not an id is ignored: a fresh snapshot.
    expect((await (await connect(slug, { 'last-event-id': 'abc' })).rest()).map((e) => e.event)).toEqual([
      'snapshot',
      'end',
    ]);
  });

  it('?access_token= works on this route only; missing or bad tokens are 401', async () => {
    const slug = 'reconnected';
    const viaQuery = await SseStream.open(`${base}/api/jobs/${slug}/events?access_token=${encodeURIComponent(member)}`);
    open.push(viaQuery);
    expect((await viaQuery.rest()).map((e) => e.event)).toEqual(['snapshot', 'end']);
    const viewer = await t.tokenFor('viewer');
    const asViewer = await SseStream.open(`${base}/api/jobs/${slug}/events?access_token=${encodeURIComponent(viewer)}`);
    open.push(asViewer);
    expect((await asViewer.rest()).at(-1)?.event).toBe('end');

    expect((await raw(`/api/jobs?access_token=${encodeURIComponent(member)}`)).status).toBe(401);
    expect((await raw(`/api/jobs/${slug}?access_token=${encodeURIComponent(member)}`)).status).toBe(401);
    expect((await raw(`/api/jobs/${slug}/logs?access_token=${encodeURIComponent(member)}`)).status).toBe(401);
    expect((await raw(`/api/jobs/${slug}/events`)).status).toBe(401);
    expect((await raw(`/api/jobs/${slug}/events?access_token=not-a-token`)).status).toBe(401);
    expect((await raw(`/api/jobs/${slug}/events`, { authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  it("another team's job and an unknown job are 404 (header or query token)", async () => {
    const other = await t.tokenFor('member', 'other-team');
    expect((await raw('/api/jobs/reconnected/events', { authorization: `Bearer ${other}` })).status).toBe(404);
    expect((await raw(`/api/jobs/reconnected/events?access_token=${encodeURIComponent(other)}`)).status).toBe(404);
    expect((await raw('/api/jobs/no-such-job/events', { authorization: `Bearer ${member}` })).status).toBe(404);
    // An admin sees every team's job.
    const admin = await t.tokenFor('admin');
    const stream = await SseStream.open(`${base}/api/jobs/reconnected/events`, { authorization: `Bearer ${admin}` });
    open.push(stream);
    expect((await stream.rest()).at(-1)?.event).toBe('end');
  });

  it('a job rejected at its checkpoint: the stream reports the final status as a status event, then ends', async () => {
    const slug = 'streamed-rejected';
    await jobs.create({ name: 'Streamed Rejected', slug, checkpoints: ['dev'] });
    expect((await jobs.waitForStatus(slug, SETTLED)).status).toBe('waiting_approval');
    const stream = await connect(slug);
    expect((await stream.next())?.event).toBe('snapshot');
    const checkpoint = await hitl.pendingCheckpoint(slug);
    expect((await hitl.decide('checkpoints', checkpoint.id, 'reject', 'no')).statusCode).toBe(200);
    const events = await stream.rest();
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { status: 'failed', error: 'rejected at dev: no' } });
    const statuses = events.filter((e) => e.event === 'status').map((e) => e.data.status);
    expect(statuses, 'the final status as a `status` event').toEqual(['failed']);
  });

  it('a status row written after the snapshot that repeats its status is not sent again', async () => {
    const slug = 'streamed-repeated';
    await jobs.create({ name: 'Streamed Repeated', slug, checkpoints: ['dev'] });
    expect((await jobs.waitForStatus(slug, SETTLED)).status).toBe('waiting_approval');
    const stream = await connect(slug);
    expect((await stream.next())?.data.status).toBe('waiting_approval');
    // What a parked job's status row looks like when it lands just after the client read the snapshot.
    await t.app.get(JobRunStore).log(slug, null, 'warn', 'Job waiting approval', {
      kind: 'status',
      data: { status: 'waiting_approval', error: null, progress: 0 },
    });
    const checkpoint = await hitl.pendingCheckpoint(slug);
    expect((await hitl.decide('checkpoints', checkpoint.id, 'reject', 'no')).statusCode).toBe(200);
    const events = await stream.rest();
    expect(events.filter((e) => e.event === 'status').map((e) => e.data.status)).toEqual(['failed']);
    // The skipped row still moved the stream on: every other row was delivered once, in order.
    const ids = events.flatMap((e) => (e.id === undefined ? [] : [e.id]));
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });

  it('a job cancelled while waiting: the stream reports the final status as a status event, then ends', async () => {
    const slug = 'streamed-cancelled';
    await jobs.create({ name: 'Streamed Cancelled', slug, checkpoints: ['dev'] });
    expect((await jobs.waitForStatus(slug, SETTLED)).status).toBe('waiting_approval');
    const stream = await connect(slug);
    expect((await stream.next())?.event).toBe('snapshot');
    expect((await jobs.cancel(slug)).statusCode).toBe(200);
    const events = await stream.rest();
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { status: 'cancelled' } });
    const statuses = events.filter((e) => e.event === 'status').map((e) => e.data.status);
    expect(statuses, 'the final status as a `status` event').toEqual(['cancelled']);
  });
});
