import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, TERMINAL, waitFor, writeFakeFlutter } from './helpers/jobs';
import {
  Deployment,
  openEventStream,
  openSqlite,
  type ApiProcess,
  type Http,
  type HttpResponse,
} from './helpers/processes';

/**
 * Load on the embedded default (SQLite, thread backend), against the BUILT
 * server on a real port with real sockets (fetch), not inject().
 */

const BURST = 200;
const JOB_RATE_LIMIT = 100;
const TOKEN_RATE_LIMIT = 10;
const SSE_CLIENTS = 50;

interface JobBody {
  slug: string;
  status: string;
  error: string | null;
}

/** A standard `Retry-After` header: whole seconds, more than zero. */
const retryAfterOk = (res: HttpResponse): boolean =>
  /^\d+$/.test(res.headers.get('retry-after') ?? '') && Number(res.headers.get('retry-after')) > 0;

/** The rate-limit headers of a response, for failure messages. */
const headersOf = (res: HttpResponse): string =>
  [...res.headers.entries()]
    .filter(([name]) => /retry|ratelimit/i.test(name))
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ') || '(no rate-limit headers)';

describe('load: 200 concurrent job posts and the rate limits', () => {
  let d: Deployment;
  let api: ApiProcess;
  let http: Http;
  let otherTeam: Http;
  /** Set by the burst test, read by the test that waits for its jobs. */
  let started = 0;
  let accepted: { body?: JobBody }[] = [];
  let otherSlug = '';

  beforeAll(async () => {
    d = await Deployment.create({
      env: {
        JOB_RATE_LIMIT: String(JOB_RATE_LIMIT),
        TOKEN_RATE_LIMIT: String(TOKEN_RATE_LIMIT),
        MAX_PARALLEL_JOBS: '8',
      },
    });
    api = await d.startApi();
    http = api.http.withToken(await api.http.mintToken('admin'));
    otherTeam = api.http.withToken(await api.http.mintToken('member', 'other-team'));
  }, 60_000);

  afterAll(async () => {
    await d?.close();
  }, 30_000);

  it(`${BURST} concurrent POST /api/jobs: only 202 or 429`, async () => {
    started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        http.post<JobBody>('/api/jobs', { name: `Load ${i}`, description: 'Load test job' }).catch((error: Error) => ({
          status: -1,
          text: error.message,
          headers: new Headers(),
          body: undefined,
          ms: 0,
        })),
      ),
    );
    const burstMs = Date.now() - started;
    const byStatus: Record<number, number> = {};
    answers.forEach((r) => (byStatus[r.status] = (byStatus[r.status] ?? 0) + 1));
    console.info(`[load] ${BURST} concurrent POSTs answered in ${burstMs} ms: ${JSON.stringify(byStatus)}`);

    expect(answers.filter((r) => r.status !== 202 && r.status !== 429).map((r) => `${r.status} ${r.text}`)).toEqual([]);
    accepted = answers.filter((r) => r.status === 202);
    const limited = answers.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(JOB_RATE_LIMIT);
    expect(limited).toHaveLength(BURST - JOB_RATE_LIMIT);
    // Soft: reported, and the rest still runs.
    expect.soft(limited.filter((r) => !retryAfterOk(r)).map(headersOf), 'every 429 carries Retry-After').toEqual([]);
    expect((limited[0].body as unknown as { detail: string }).detail).toMatch(/too many requests/i);
  });

  it('job creation is limited per team: the spent team gets 429, another team 202', async () => {
    const limited = await http.post('/api/jobs', { name: 'Still Limited', description: 'Over the limit' });
    expect(limited.status).toBe(429);
    expect.soft(retryAfterOk(limited), `Retry-After on ${headersOf(limited)}`).toBe(true);
    const other = await otherTeam.post<JobBody>('/api/jobs', { name: 'Other Team', description: 'Own budget' });
    expect(other.status, other.text).toBe(202);
    // It queues behind the burst; the last test waits for it with the others.
    otherSlug = other.body.slug;
  }, 40_000);

  it(`token minting over TOKEN_RATE_LIMIT (${TOKEN_RATE_LIMIT}/min per IP) answers 429 with Retry-After`, async () => {
    // beforeAll minted two already.
    const answers: HttpResponse[] = [];
    for (let i = 0; i < TOKEN_RATE_LIMIT + 2; i++) {
      answers.push(
        await api.http.post(
          '/api/auth/token',
          { team_id: 'default', role: 'viewer' },
          { headers: { 'x-admin-key': 'test-admin-key-0123456789' } },
        ),
      );
    }
    expect(answers.map((r) => r.status)).toEqual([...Array(TOKEN_RATE_LIMIT - 2).fill(200), ...Array(4).fill(429)]);
    expect
      .soft(answers.filter((r) => r.status === 429 && !retryAfterOk(r)).map(headersOf), 'every 429 carries Retry-After')
      .toEqual([]);
    // Other routes are not limited by it.
    expect((await http.get('/api/jobs?limit=1')).status).toBe(200);
  });

  // Runs after the rate-limit tests: they need the one-minute window the burst opened.
  it('every accepted job finishes and the database holds exactly those', async () => {
    const slugs = accepted.map((r) => r.body!.slug);
    expect(new Set(slugs).size).toBe(accepted.length);
    // The admin sees every team: the burst's jobs and the other team's one.
    const all = [...slugs, otherSlug];

    const jobs = await waitFor(
      'every accepted job to finish',
      async () => {
        const res = await http.get<JobBody[]>(`/api/jobs?limit=${BURST + 1}`);
        if (res.status >= 500) throw new Error(`GET /api/jobs ${res.status}`);
        return res.body.every((j) => TERMINAL.includes(j.status as never)) ? res : undefined;
      },
      120_000,
      500,
    );
    console.info(`[load] ${all.length} accepted jobs finished ${Date.now() - started} ms after the burst began`);
    expect(jobs.headers.get('x-total-count')).toBe(String(all.length));
    // The database itself (its own read-only connection) holds exactly the accepted jobs.
    const db = openSqlite(join(d.dir, 'app.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number };
      expect(rows.n).toBe(all.length);
    } finally {
      db.close();
    }
    expect(new Set(jobs.body.map((j) => j.slug))).toEqual(new Set(all));
    expect(jobs.body.filter((j) => j.status !== 'succeeded').map((j) => [j.slug, j.status, j.error])).toEqual([]);
  }, 180_000);
});

describe('load: 50 concurrent SSE clients on running jobs', () => {
  let d: Deployment;
  let api: ApiProcess;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    d = await Deployment.create({ env: {} });
    // flutter steps that take a second each: jobs are running while the clients listen.
    const flutter = await writeFakeFlutter(join(d.dir, 'bin'), 'sleep 1\necho "fake flutter $*"\nexit 0');
    // One token holds every stream here: raise the per-token stream cap (default 20) to the client count.
    api = await d.startApi({
      FLUTTER_BIN: flutter,
      MAX_PARALLEL_JOBS: '25',
      SSE_HEARTBEAT_MS: '1000',
      SSE_MAX_PER_TOKEN: String(SSE_CLIENTS),
    });
    token = await api.http.mintToken('admin');
    http = api.http.withToken(token);
  }, 60_000);

  afterAll(async () => {
    await d?.close();
  }, 30_000);

  it('every client stays connected, receives every event of its job in order, then `end`', async () => {
    const posts = await Promise.all(
      Array.from({ length: SSE_CLIENTS }, (_, i) =>
        http.post<JobBody>('/api/jobs', { name: `Stream ${i}`, description: 'SSE load test' }),
      ),
    );
    expect(posts.map((r) => r.status)).toEqual(Array(SSE_CLIENTS).fill(202));
    const slugs = posts.map((r) => r.body.slug);
    const started = Date.now();
    const streams = slugs.map((slug) => openEventStream(api.baseUrl, slug, token, { timeoutMs: 120_000 }));
    expect(await Promise.all(streams.map((s) => s.status))).toEqual(Array(SSE_CLIENTS).fill(200));
    // All 50 are connected at once: none has ended yet while jobs are still running.
    await sleep(500);
    const running = (await http.get<JobBody[]>('/api/jobs?limit=100')).body.filter(
      (j) => !TERMINAL.includes(j.status as never),
    );
    expect(running.length).toBeGreaterThan(0);

    const received = await Promise.all(streams.map((s) => s.done));
    console.info(`[load] ${SSE_CLIENTS} SSE streams ended ${Date.now() - started} ms after connecting`);

    let connectedWhileActive = 0;
    for (const [index, slug] of slugs.entries()) {
      const events = received[index];
      const where = `${slug}: ${events.map((e) => `${e.event}#${e.id ?? '-'}`).join(' ')}`;
      expect(events[0]?.event, where).toBe('snapshot');
      if (!TERMINAL.includes(events[0].data.status as never)) connectedWhileActive++;
      const last = events[events.length - 1];
      expect(last?.event, where).toBe('end');
      expect(last.data.status, where).toBe('succeeded');
      const after = events[0].id ?? 0;
      const ids = events.filter((e) => e.id !== undefined && e.event !== 'snapshot').map((e) => e.id!);
      const logs = await http.get<{ id: number }[]>(`/api/jobs/${slug}/logs?limit=5000`);
      expect(logs.status).toBe(200);
      // Exactly the job's log rows written after the snapshot, each once, in order.
      expect(ids, where).toEqual(logs.body.map((l) => l.id).filter((id) => id > after));
      expect(ids.length, where).toBeGreaterThan(10);
    }
    // The clients were on queued/running jobs, not replaying finished ones.
    expect(connectedWhileActive).toBe(SSE_CLIENTS);
    expect(api.proc.alive).toBe(true);
  }, 150_000);
});
