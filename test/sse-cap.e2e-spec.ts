import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobEventsService } from '../src/jobs/job-events.service';
import { startApp, type TestApp } from './helpers/app';
import { HitlClient } from './helpers/hitl';
import { JobsClient, TERMINAL, waitFor } from './helpers/jobs';

const CAP = 3;

/** One event stream over a real socket (inject() cannot hold one open). */
interface Stream {
  status: number;
  headers: Headers;
  /** The body when the answer was not a stream. */
  text?: string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Issue 12, finding 7: nothing capped the event streams one token could hold
 * open. Now one token gets SSE_MAX_PER_TOKEN streams (per API process) and
 * the next is refused with 429 `{detail}` and Retry-After, whichever job it
 * asks for and however it sends the token; another token is counted apart,
 * and a stream that closes (client gone, or job finished) frees its slot.
 */
describe(`event streams: at most SSE_MAX_PER_TOKEN (${CAP}) open per token`, () => {
  let t: TestApp;
  let base: string;
  let viewer: string;
  let member: string;
  let jobs: JobsClient;
  const open: Stream[] = [];

  beforeAll(async () => {
    t = await startApp({ SSE_MAX_PER_TOKEN: String(CAP), SSE_HEARTBEAT_MS: '250' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    // Two roles of one team: two different tokens that may both read the team's jobs.
    viewer = await t.tokenFor('viewer');
    member = await t.tokenFor('member');
    expect(viewer).not.toBe(member);
    jobs = new JobsClient(t, member);
    // Parked at their first checkpoint: their streams stay open until closed.
    for (const slug of ['parked-a', 'parked-b']) {
      await jobs.create({ name: slug, slug, checkpoints: ['create'] });
      await jobs.until(slug, 'waiting at the create checkpoint', (job) => job.status === 'waiting_approval');
    }
  });

  const openOnServer = (): number => t.app.get(JobEventsService).openStreams;
  /** Closes every stream of the test and waits until the server has seen them go (slots are freed on close). */
  const closeAll = async (): Promise<void> => {
    for (const stream of open.splice(0)) stream.close();
    await waitFor('every stream closed on the server', () => Promise.resolve(openOnServer() === 0 || undefined), 5_000);
  };
  afterEach(closeAll);
  afterAll(async () => {
    if (t) await closeAll();
    await t?.close();
  });

  /** Opens a stream and, when it is one, waits for its snapshot (the server then holds the slot). */
  const connect = async (slug: string, token: string, via: 'header' | 'query' = 'header'): Promise<Stream> => {
    const controller = new AbortController();
    const url = `${base}/api/jobs/${slug}/events${via === 'query' ? `?access_token=${encodeURIComponent(token)}` : ''}`;
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(via === 'header' ? { authorization: `Bearer ${token}` } : {}) },
      signal: controller.signal,
    });
    if (res.status !== 200 || !res.body) {
      return { status: res.status, headers: res.headers, text: await res.text(), ended: Promise.resolve(), close() {} };
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let resolveSnapshot: () => void = () => undefined;
    const snapshot = new Promise<void>((resolve) => (resolveSnapshot = resolve));
    const ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          if (buffer.includes('event: snapshot')) resolveSnapshot();
        }
      } catch {
        // aborted by close()
      } finally {
        resolveSnapshot();
      }
    })();
    const stream: Stream = {
      status: res.status,
      headers: res.headers,
      ended,
      close() {
        controller.abort();
        reader.cancel().catch(() => undefined);
      },
    };
    open.push(stream);
    await snapshot;
    expect(buffer).toContain('event: snapshot');
    return stream;
  };

  const expectRefused = (stream: Stream): void => {
    expect(stream.status, stream.text).toBe(429);
    expect(Number(stream.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stream.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(stream.text!) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['detail']);
    expect(body.detail).toMatch(/event streams/);
  };

  /** The slot is freed when the server sees the socket close: poll until a new stream gets in. */
  const connectWhenFree = (slug: string, token: string): Promise<Stream> =>
    waitFor(
      `a free stream slot on ${slug}`,
      async () => {
        const stream = await connect(slug, token);
        return stream.status === 200 ? stream : undefined;
      },
      5_000,
      50,
    );

  it(`${CAP} streams per token; the next one → 429 {detail} with Retry-After, on any job and via ?access_token= too`, async () => {
    for (let i = 0; i < CAP; i++) {
      expect((await connect(i % 2 ? 'parked-b' : 'parked-a', viewer)).status).toBe(200);
    }
    expectRefused(await connect('parked-a', viewer));
    expectRefused(await connect('parked-b', viewer));
    // The same token in the query string (EventSource clients) is the same token.
    expectRefused(await connect('parked-a', viewer, 'query'));
    // Refusals do not take slots: the open streams are still served.
    expect(open.filter((s) => s.status === 200)).toHaveLength(CAP);
  });

  it('another token of the same team is counted apart', async () => {
    for (let i = 0; i < CAP; i++) expect((await connect('parked-a', viewer)).status).toBe(200);
    expectRefused(await connect('parked-a', viewer));
    for (let i = 0; i < CAP; i++) expect((await connect('parked-a', member, 'query')).status).toBe(200);
    expectRefused(await connect('parked-b', member));
  });

  it('closing a stream frees its slot (and only one)', async () => {
    const streams: Stream[] = [];
    for (let i = 0; i < CAP; i++) streams.push(await connect('parked-a', viewer));
    expect(streams.map((s) => s.status)).toEqual(Array(CAP).fill(200));
    expectRefused(await connect('parked-a', viewer));
    streams[0].close();
    expect((await connectWhenFree('parked-b', viewer)).status).toBe(200);
    expectRefused(await connect('parked-a', viewer));
  });

  it('refused requests never count: after many 429s, closing every stream frees every slot', async () => {
    const streams: Stream[] = [];
    for (let i = 0; i < CAP; i++) streams.push(await connect('parked-a', viewer));
    expect(streams.map((s) => s.status)).toEqual(Array(CAP).fill(200));
    for (let i = 0; i < 10; i++) expectRefused(await connect('parked-a', viewer));
    expect(openOnServer()).toBe(CAP);
    await closeAll();
    const again: Stream[] = [await connectWhenFree('parked-a', viewer)];
    for (let i = 1; i < CAP; i++) again.push(await connectWhenFree('parked-a', viewer));
    expect(again.map((s) => s.status)).toEqual(Array(CAP).fill(200));
  });

  it('a 404 or 403 takes no slot', async () => {
    for (let i = 0; i < CAP + 2; i++) expect((await connect('no-such-job', viewer)).status).toBe(404);
    const outsider = await t.tokenFor('viewer', 'other-team');
    for (let i = 0; i < CAP + 2; i++) expect((await connect('parked-a', outsider)).status).toBe(404);
    for (let i = 0; i < CAP; i++) expect((await connect('parked-a', viewer)).status).toBe(200);
  });

  it('a stream the server ends (its job finished) frees its slot', async () => {
    const streams: Stream[] = [];
    for (let i = 0; i < CAP; i++) streams.push(await connect('parked-a', viewer));
    expect(streams.map((s) => s.status)).toEqual(Array(CAP).fill(200));
    expectRefused(await connect('parked-b', viewer));
    const hitl = new HitlClient(t, member);
    const checkpoint = await hitl.pendingCheckpoint('parked-a');
    expect((await hitl.decide('checkpoints', checkpoint.id, 'approve')).statusCode).toBe(200);
    await jobs.until('parked-a', 'finished', (job) => (TERMINAL as readonly string[]).includes(job.status), 60_000);
    await Promise.all(streams.map((s) => s.ended));
    for (let i = 0; i < CAP; i++) expect((await connectWhenFree('parked-b', viewer)).status).toBe(200);
  }, 90_000);
});

describe('SSE_MAX_PER_TOKEN is checked at boot', () => {
  it.each(['0', '-1', 'twenty', '2.5'])('refuses SSE_MAX_PER_TOKEN=%s, naming the variable', async (value) => {
    await expect(startApp({ SSE_MAX_PER_TOKEN: value })).rejects.toThrow(/SSE_MAX_PER_TOKEN/);
  });
});
