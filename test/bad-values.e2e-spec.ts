import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../src/common/slug';
import { startApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app';

/**
 * Issue 12, findings 3 and 4, written as the repros:
 * - slug exhaustion across teams: after 100 jobs named "Same Name" in one
 *   team (20 suffixes tried, then 409), another team's "Same Name" was a 409;
 * - 500s from bad values: `?offset=99999999999999999999` on the paged lists
 *   (SqliteError: datatype mismatch), a correctly signed token with
 *   `exp: 1e300`, and `team_id: ""` accepted in a signed token.
 *
 * Jobs are only queued here (RUN_WORKER=false): what is tested is the API.
 */
const SECRET = 'bad-values-e2e-secret-0123456789abcdefghij';

interface ErrorBody {
  detail: string;
  errors?: { field: string; message: string }[];
}

function b64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** A JWT signed by hand with the app's secret, so any payload can be made. */
function signed(payload: Record<string, unknown>): string {
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${createHmac('sha256', SECRET).update(head).digest('base64url')}`;
}

/** The same JWT with a raw (possibly non-JSON-number) payload text. */
function signedRaw(payloadJson: string): string {
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(payloadJson)}`;
  return `${head}.${createHmac('sha256', SECRET).update(head).digest('base64url')}`;
}

const now = (): number => Math.floor(Date.now() / 1000);

describe('bad values (issue 12)', () => {
  let t: TestApp;
  let teamA: string;
  let teamB: string;
  let admin: string;

  beforeAll(async () => {
    t = await startApp({ JWT_SECRET: SECRET, RUN_WORKER: 'false' });
    teamA = await t.tokenFor('member', 'team-a');
    teamB = await t.tokenFor('member', 'team-b');
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t?.close());

  const postJob = (token: string, payload: Record<string, unknown>) =>
    t.inject({ method: 'POST', url: '/api/jobs', token, payload: { description: 'A bad-values job', ...payload } });
  const postProject = (token: string, payload: Record<string, unknown>) =>
    t.inject({ method: 'POST', url: '/api/projects', token, payload });

  // ---------------------------------------------------------------------------
  describe('finding 3: generated slugs never run out', () => {
    it('100 jobs named "Same Name" in one team, then one in another team → 202', async () => {
      const slugs: string[] = [];
      for (let i = 0; i < 100; i++) {
        const res = await postJob(teamA, { name: 'Same Name' });
        expect(res.statusCode, res.body).toBe(202);
        slugs.push(res.json<{ slug: string }>().slug);
      }
      // A few numbered suffixes first, then short random ones.
      expect(slugs.slice(0, 3)).toEqual(['same-name', 'same-name-2', 'same-name-3']);
      expect(new Set(slugs).size).toBe(100);
      for (const slug of slugs) {
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug).toMatch(/^same-name(?:-[a-z0-9]{1,8})?$/);
      }
      expect(slugs.filter((s) => /^same-name-\d$/.test(s)).length).toBeLessThan(10);

      const other = await postJob(teamB, { name: 'Same Name' });
      expect(other.statusCode, other.body).toBe(202);
      const { slug, team_id } = other.json<{ slug: string; team_id: string }>();
      expect(team_id).toBe('team-b');
      expect(slug).toMatch(/^same-name-[a-z0-9]{1,8}$/);
      expect(slugs).not.toContain(slug);

      // Each team sees only its own.
      const listA = await t.inject({ method: 'GET', url: '/api/jobs?limit=1000', token: teamA });
      const listB = await t.inject({ method: 'GET', url: '/api/jobs?limit=1000', token: teamB });
      expect(listA.headers['x-total-count']).toBe('100');
      expect(listB.json<{ slug: string }[]>().map((j) => j.slug)).toEqual([slug]);
    });

    it('30 concurrent creates of one name all get 202 and distinct slugs', async () => {
      const responses = await Promise.all(Array.from({ length: 30 }, () => postJob(teamB, { name: 'Burst Name' })));
      expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(202));
      expect(new Set(responses.map((r) => r.json<{ slug: string }>().slug)).size).toBe(30);
    });

    it('a name whose stem is already 50 characters still gets a valid slug', async () => {
      const name = 'x'.repeat(60);
      for (let i = 0; i < 12; i++) {
        const res = await postJob(teamA, { name });
        expect(res.statusCode, res.body).toBe(202);
        expect(res.json<{ slug: string }>().slug).toMatch(SLUG_PATTERN);
      }
    });

    it('an explicit job slug that is taken is still 409, in the same team or another', async () => {
      for (const [token, slug] of [
        [teamA, 'same-name'],
        [teamB, 'same-name'],
        [teamA, 'same-name-2'],
      ]) {
        const res = await postJob(token, { name: 'Whatever', slug });
        expect(res.statusCode).toBe(409);
        expect(res.json<ErrorBody>()).toEqual({ detail: expect.stringContaining(slug) });
      }
    });

    it('30 projects named "Same Name" in one team, then one in another → 201; an explicit taken slug → 409', async () => {
      const slugs: string[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await postProject(teamA, { name: 'Same Name' });
        expect(res.statusCode, res.body).toBe(201);
        slugs.push(res.json<{ slug: string }>().slug);
      }
      expect(new Set(slugs).size).toBe(30);
      for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
      const other = await postProject(teamB, { name: 'Same Name' });
      expect(other.statusCode, other.body).toBe(201);
      expect(slugs).not.toContain(other.json<{ slug: string }>().slug);

      for (const token of [teamA, teamB]) {
        const taken = await postProject(token, { name: 'Whatever', slug: 'same-name' });
        expect(taken.statusCode).toBe(409);
        expect(taken.json<ErrorBody>()).toEqual({ detail: expect.stringContaining('same-name') });
      }
    });
  });

  // ---------------------------------------------------------------------------
  describe('finding 4: paging values beyond their range are a 400', () => {
    const OUT_OF_RANGE: [string, string][] = [
      ['offset', '99999999999999999999'],
      ['offset', '9007199254740993'],
      ['offset', '2147483648'],
      ['offset', '1e300'],
      ['offset', '-1'],
      ['offset', '1.5'],
      ['offset', 'abc'],
      ['offset', 'Infinity'],
      ['offset', 'NaN'],
      ['offset', ''],
      ['limit', '1e9'],
      ['limit', '1001'],
      ['limit', '0'],
      ['limit', '-1'],
      ['limit', '1.5'],
      ['limit', 'abc'],
      ['limit', '99999999999999999999'],
    ];

    for (const path of ['/api/jobs', '/api/projects']) {
      it.each(OUT_OF_RANGE)(`${path}?%s=%s → 400 {detail} naming the valid range`, async (key, value) => {
        const res = await t.inject({ method: 'GET', url: `${path}?${key}=${encodeURIComponent(value)}`, token: admin });
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json<ErrorBody>();
        expect(body.detail).toMatch(new RegExp(`${key} must be a whole number from \\d+ to \\d+`));
        expect(body.errors?.map((e) => e.field)).toContain(key);
      });

      it(`${path}: the edges of the range are served (200)`, async () => {
        for (const query of [
          'offset=0',
          'offset=2147483647',
          'limit=1',
          'limit=1000',
          'offset=2147483647&limit=1000',
        ]) {
          const res = await t.inject({ method: 'GET', url: `${path}?${query}`, token: admin });
          expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
        }
        const far = await t.inject({ method: 'GET', url: `${path}?offset=2147483647`, token: admin });
        expect(far.json()).toEqual([]);
      });
    }

    it('the other paged lists: job logs (after_id, limit), agent activity (limit), daily costs (days)', async () => {
      const job = await postJob(teamA, { name: 'Logs Job' });
      const slug = job.json<{ slug: string }>().slug;
      const bad = [
        `/api/jobs/${slug}/logs?after_id=99999999999999999999`,
        `/api/jobs/${slug}/logs?after_id=2147483648`,
        `/api/jobs/${slug}/logs?after_id=-1`,
        `/api/jobs/${slug}/logs?after_id=1.5`,
        `/api/jobs/${slug}/logs?after_id=abc`,
        `/api/jobs/${slug}/logs?limit=1e9`,
        `/api/jobs/${slug}/logs?limit=0`,
        '/api/agents?limit=1e9',
        '/api/agents?limit=99999999999999999999',
        '/api/agents?limit=-1',
        '/api/costs/daily?days=99999999999999999999',
        '/api/costs/daily?days=1.5',
      ];
      for (const url of bad) {
        const res = await t.inject({ method: 'GET', url, token: admin });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json<ErrorBody>().detail).toEqual(expect.any(String));
      }
      for (const url of [
        `/api/jobs/${slug}/logs?after_id=2147483647`,
        `/api/jobs/${slug}/logs?after_id=0&limit=5000`,
      ]) {
        const res = await t.inject({ method: 'GET', url, token: admin });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
    });

    it('a Last-Event-ID beyond any id still gives a whole event stream (it broke mid-stream on PostgreSQL)', async () => {
      const job = await postJob(teamA, { name: 'Stream Job' });
      const slug = job.json<{ slug: string }>().slug;
      expect((await t.inject({ method: 'POST', url: `/api/jobs/${slug}/cancel`, token: teamA })).statusCode).toBe(200);
      for (const id of ['2147483647', '2147483648', '999999999999999', '99999999999999999999']) {
        const res = await t.inject({
          method: 'GET',
          url: `/api/jobs/${slug}/events`,
          token: teamA,
          headers: { 'last-event-id': id },
        });
        expect(res.statusCode, id).toBe(200);
        expect(res.body, id).toMatch(/event: end\ndata: \{"status":"cancelled"/);
      }
    });
  });

  // ---------------------------------------------------------------------------
  describe('finding 4: token values', () => {
    const me = (token: string) => t.inject({ method: 'GET', url: '/api/auth/me', token });
    const good = () => ({ team_id: 'default', role: 'viewer', iat: now() });

    it('a correctly signed token with sane values is accepted (so the rejections are about the value)', async () => {
      const res = await me(signed({ ...good(), exp: now() + 60 }));
      expect(res.statusCode).toBe(200);
    });

    const BAD: [string, () => string][] = [
      ['exp 1e300', () => signed({ ...good(), exp: 1e300 })],
      ['exp Number.MAX_SAFE_INTEGER (beyond any date)', () => signed({ ...good(), exp: Number.MAX_SAFE_INTEGER })],
      ['exp 2^53 + 2 (not a safe integer)', () => signed({ ...good(), exp: 2 ** 53 + 2 })],
      ['exp 1e400 (Infinity once parsed)', () => signedRaw(`{"team_id":"default","role":"viewer","exp":1e400}`)],
      ['exp "soon"', () => signed({ ...good(), exp: 'soon' })],
      ['exp "NaN"', () => signed({ ...good(), exp: 'NaN' })],
      ['exp null', () => signed({ ...good(), exp: null })],
      ['exp a fraction', () => signed({ ...good(), exp: now() + 60.5 })],
      ['exp a numeric string', () => signed({ ...good(), exp: String(now() + 60) })],
      ['team_id ""', () => signed({ ...good(), team_id: '', exp: now() + 60 })],
      ['team_id " "', () => signed({ ...good(), team_id: ' ', exp: now() + 60 })],
      ['team_id of 65 characters', () => signed({ ...good(), team_id: 'x'.repeat(65), exp: now() + 60 })],
      ['team_id with a NUL', () => signed({ ...good(), team_id: 'a\u0000b', exp: now() + 60 })],
      ['team_id a number', () => signed({ ...good(), team_id: 5, exp: now() + 60 })],
    ];

    it.each(BAD)('a signed token with %s → 401 {detail}', async (_name, make) => {
      const token = make();
      for (const url of ['/api/auth/me', '/api/jobs', '/api/projects']) {
        const res = await t.inject({ method: 'GET', url, token });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(401);
        expect(res.json()).toEqual({ detail: expect.any(String) });
      }
    });

    it('minting with team_id "" → 400 naming team_id', async () => {
      for (const team_id of ['', ' ']) {
        const res = await t.inject({
          method: 'POST',
          url: '/api/auth/token',
          headers: { 'x-admin-key': TEST_ADMIN_KEY },
          payload: { team_id, role: 'viewer' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json<ErrorBody>().errors?.map((e) => e.field)).toContain('team_id');
      }
    });
  });
});
