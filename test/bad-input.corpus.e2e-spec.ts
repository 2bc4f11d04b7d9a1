import type { LightMyRequestResponse } from 'fastify';
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../src/common/slug';
import { Job } from '../src/jobs/job.entity';
import { hasPostgres, TEST_ADMIN_KEY, type TestApp } from './helpers/app';
import {
  BODY_LIMIT,
  changedTables,
  createFixtures,
  dbDigest,
  describeExchange,
  FIXTURE,
  insertHitlItems,
  mintTokens,
  responseProblems,
  rowCounts,
  secrets,
  send,
  settledDigest,
  startBadInputApp,
  type Digest,
  type SentRequest,
  type Tokens,
} from './helpers/bad-input';

/**
 * The fixed bad-input corpus (issue 7): traversal slugs and paths, NUL bytes,
 * 1 MiB + 1 bodies, deeply nested JSON, wrong content types, empty bodies,
 * SQL-looking strings, huge feature lists, unicode confusables, huge headers
 * and tokens, duplicate keys and prototype-pollution keys. Every request is
 * also held to the general rules: no 5xx, `{ detail }` errors, no stack, path
 * or secret in the body, no row changed by a rejected request. Each case is a
 * soft assertion, so one run lists every case that fails.
 */
describe('bad input: fixed corpus', () => {
  let t: TestApp;
  let tokens: Tokens;

  /** The tables after the last exchange, when it was rejected (nothing can still be writing); else unknown. */
  let quiet: Digest | undefined;

  beforeAll(async () => {
    t = await startBadInputApp();
    tokens = await mintTokens(t);
    await createFixtures(t, tokens.admin);
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    quiet = undefined;
  });

  /** A request outside the checks (reads, set-up); the tables may change behind it. */
  function direct(request: Parameters<TestApp['inject']>[0]): ReturnType<TestApp['inject']> {
    quiet = undefined;
    return t.inject(request);
  }

  interface Exchange {
    res: LightMyRequestResponse;
    /** The request and response, for assertion messages. */
    text: string;
  }

  /** Sends a request and soft-asserts the general rules; returns the response for the case's own checks. */
  async function exchange(sent: SentRequest): Promise<Exchange> {
    const before = quiet ?? (await settledDigest(t));
    const res = await send(t, sent);
    const text = describeExchange(sent, res);
    const problems = responseProblems(t, res, sent);
    quiet = undefined;
    if (res.statusCode >= 400) {
      const after = await dbDigest(t);
      const changed = changedTables(before, after);
      if (changed.length) problems.push(`rejected request changed: ${changed.join(', ')}`);
      quiet = after;
    }
    expect.soft(problems, text).toEqual([]);
    return { res, text };
  }

  const auth = (token: string | undefined): Record<string, string> =>
    token ? { authorization: `Bearer ${token}` } : {};

  function json(method: string, url: string, body: unknown, token: string | undefined = tokens.admin): SentRequest {
    return {
      method,
      url,
      headers: { ...auth(token), 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    };
  }

  function bare(method: string, url: string, token: string | undefined = tokens.admin): SentRequest {
    return { method, url, headers: auth(token) };
  }

  function expectClientError({ res, text }: Exchange, allowed: number[] = []): void {
    if (allowed.length) expect.soft(allowed, text).toContain(res.statusCode);
    else expect.soft(res.statusCode >= 400 && res.statusCode < 500, text).toBe(true);
  }

  const VALID_JOB = { name: 'Corpus App', description: 'A job from the corpus' };
  const VALID_PROVIDER = { base_url: 'http://127.0.0.1:9/v1', default_model: 'corpus-model' };

  /** Routes with a path parameter, `{}` standing for the parameter; DELETEs only ever get non-existing names. */
  const PARAM_ROUTES: { method: string; path: string; body?: unknown }[] = [
    { method: 'DELETE', path: '/api/jobs/{}' },
    { method: 'POST', path: '/api/jobs/{}/cancel' },
    { method: 'POST', path: '/api/jobs/{}/retry' },
    { method: 'GET', path: '/api/jobs/{}' },
    { method: 'GET', path: '/api/jobs/{}/code/file?path=source/lib/main.dart' },
    { method: 'PUT', path: '/api/projects/{}', body: { name: 'Corpus project' } },
    { method: 'DELETE', path: '/api/projects/{}' },
    { method: 'POST', path: '/api/providers/{}', body: VALID_PROVIDER },
    { method: 'PATCH', path: '/api/providers/{}', body: { enabled: false } },
    { method: 'DELETE', path: '/api/providers/{}' },
    { method: 'POST', path: '/api/providers/{}/use' },
    { method: 'POST', path: '/api/providers/{}/test' },
    { method: 'POST', path: '/api/agents/config/{}', body: { model: 'm', system_prompt: 'p' } },
    { method: 'PATCH', path: '/api/agents/{}', body: { temperature: 0.5 } },
    { method: 'POST', path: '/api/agents/{}/test' },
    { method: 'POST', path: '/api/hitl/{}/approve' },
    { method: 'POST', path: '/api/checkpoints/{}/reject' },
    { method: 'POST', path: '/api/experiences/{}/approve' },
  ];

  function paramRequest(route: (typeof PARAM_ROUTES)[number], segment: string): SentRequest {
    const url = route.path.replace('{}', segment);
    return route.body === undefined ? bare(route.method, url) : json(route.method, url, route.body);
  }

  // -------------------------------------------------------------------------
  describe('traversal', () => {
    /**
     * As sent on the wire. Raw "/" and "\" are left in on purpose: inject()
     * resolves dot segments like a proxy would, and none of these can reach
     * an existing row (each case is checked for rows changed).
     */
    const SEGMENTS = [
      '..',
      '../x',
      '..%2fx',
      '..%2f..%2fetc',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e',
      '%2e%2e/',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '....//',
      '....%2F%2F',
      '..%5c..%5cwindows',
      '%2Fetc%2Fpasswd',
      '/etc/passwd',
      'C:%5Cx',
      'C:\\x',
      '%5C%5Cserver%5Cshare',
      '\\\\server\\share',
      '%252e%252e%252f',
      '%C0%AE%C0%AE%C0%AF',
      'x%00..%2f',
    ];

    it('in path parameters: 4xx, never a 5xx, nothing touched', async () => {
      for (const route of PARAM_ROUTES) {
        for (const segment of SEGMENTS) {
          const ex = await exchange(paramRequest(route, segment));
          // A dot segment may resolve to another route (404/405) or a collection route; never a success on a write.
          if (route.method !== 'GET') expect.soft(ex.res.statusCode >= 400, ex.text).toBe(true);
        }
      }
      // The fixtures are all still there.
      expect(
        (await direct({ method: 'GET', url: `/api/jobs/${FIXTURE.jobs[0]}`, token: tokens.admin })).statusCode,
      ).toBe(200);
      expect(
        (await direct({ method: 'GET', url: `/api/projects/${FIXTURE.project}`, token: tokens.admin })).statusCode,
      ).toBe(200);
    });

    const BODY_SLUGS = [
      '../x',
      '..',
      '../../etc/passwd',
      '..%2f..%2fetc',
      '%2e%2e/',
      '....//',
      '/etc/passwd',
      '/tmp/x',
      'C:\\x',
      '\\\\server\\share',
      'x/../../y',
      'a/b',
      '.hidden',
      '-x',
      'x'.repeat(64),
    ];

    it('as slugs and names in bodies: 400, no row, no directory', async () => {
      for (const slug of BODY_SLUGS) {
        expectClientError(await exchange(json('POST', '/api/jobs', { ...VALID_JOB, slug })), [400]);
        expectClientError(await exchange(json('POST', '/api/projects', { name: 'P', slug })), [400]);
        expectClientError(await exchange(json('PUT', `/api/projects/${FIXTURE.project}`, { slug })), [400]);
        expectClientError(await exchange(json('POST', '/api/providers', { name: slug, ...VALID_PROVIDER })), [400]);
      }
    });

    it('as file paths of the code viewer: 4xx and no file content or server path', async () => {
      const paths = [
        '../../../../etc/passwd',
        '..%2f..%2f..%2fetc%2fpasswd',
        '/etc/passwd',
        'source/../../../etc/passwd',
        'source/%2e%2e/%2e%2e/app.db',
        'C:\\Windows\\win.ini',
        '\\\\server\\share\\x',
        'source/lib/main.dart%00.png',
        '....//....//etc/passwd',
        `source/${'a/'.repeat(600)}x`,
      ];
      for (const path of paths) {
        const query = /%/.test(path) ? path : encodeURIComponent(path);
        const ex = await exchange(bare('GET', `/api/jobs/${FIXTURE.jobs[0]}/code/file?path=${query}`));
        expectClientError(ex);
        expect.soft(ex.res.body, ex.text).not.toMatch(/root:.*:0:0:/);
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('NUL bytes', () => {
    /** A valid request with one string field holding a NUL; `read` is where the stored value comes back. */
    interface NulCase {
      label: string;
      sent: () => SentRequest;
      /** The field in the 2xx response, to check a round trip where the DB accepts NUL. */
      field?: string;
      expected?: unknown;
      /** Kept inside a JSON-encoded text column, where NUL is escaped as \u0000: fine on PostgreSQL too. */
      storedAsJson?: boolean;
    }
    const nul = 'before\u0000after';
    const CASES: NulCase[] = [
      {
        label: 'job name',
        sent: () => json('POST', '/api/jobs', { ...VALID_JOB, name: nul }),
        field: 'name',
        expected: nul,
      },
      {
        label: 'job description',
        sent: () => json('POST', '/api/jobs', { ...VALID_JOB, description: nul }),
        field: 'description',
        expected: nul,
      },
      { label: 'job style', sent: () => json('POST', '/api/jobs', { ...VALID_JOB, style: nul }) },
      {
        label: 'job feature',
        sent: () => json('POST', '/api/jobs', { ...VALID_JOB, features: [nul] }),
        field: 'features',
        expected: [nul],
        storedAsJson: true,
      },
      { label: 'project name', sent: () => json('POST', '/api/projects', { name: nul }), field: 'name', expected: nul },
      {
        label: 'project description',
        sent: () => json('POST', '/api/projects', { name: 'NUL project', description: nul }),
        field: 'description',
        expected: nul,
      },
      { label: 'project icon', sent: () => json('POST', '/api/projects', { name: 'NUL icon', icon: 'a\u0000' }) },
      { label: 'project sla', sent: () => json('POST', '/api/projects', { name: 'NUL sla', sla: 'a\u0000' }) },
      {
        label: 'project feature',
        sent: () => json('POST', '/api/projects', { name: 'NUL feature', features: [nul] }),
        field: 'features',
        expected: [nul],
        storedAsJson: true,
      },
      {
        label: 'project features_json',
        sent: () => json('POST', '/api/projects', { name: 'NUL features_json', features_json: '["a\\u0000"]' }),
        field: 'features',
        expected: ['a\u0000'],
        storedAsJson: true,
      },
      {
        label: 'project upsert description',
        sent: () => json('PUT', `/api/projects/${FIXTURE.project}`, { description: nul }),
        field: 'description',
        expected: nul,
      },
      {
        label: 'provider base_url',
        sent: () =>
          json('POST', '/api/providers', {
            name: 'nul-provider',
            ...VALID_PROVIDER,
            base_url: 'http://127.0.0.1:9/v\u0000',
          }),
      },
      {
        label: 'provider default_model',
        sent: () =>
          json('POST', '/api/providers', { name: 'nul-provider-2', ...VALID_PROVIDER, default_model: 'm\u0000' }),
      },
      {
        label: 'agent config system_prompt',
        sent: () => json('POST', '/api/agents/config/qa_agent', { model: 'm', system_prompt: nul }),
        field: 'system_prompt',
        expected: nul,
      },
      {
        label: 'agent patch system_prompt',
        sent: () => json('PATCH', '/api/agents/dev_agent', { system_prompt: nul }),
        field: 'system_prompt',
        expected: nul,
      },
      {
        label: 'agent patch name',
        sent: () => json('PATCH', '/api/agents/dev_agent', { name: nul }),
        field: 'name',
        expected: nul,
      },
      {
        label: 'agent patch description',
        sent: () => json('PATCH', '/api/agents/dev_agent', { description: nul }),
        field: 'description',
        expected: nul,
      },
      { label: 'settings value', sent: () => json('POST', '/api/settings', { hitl_checkpoints: 'dev\u0000' }) },
      { label: 'settings key', sent: () => json('POST', '/api/settings', { 'daily_cost_limit\u0000': '1' }) },
      {
        label: 'token team_id',
        sent: () => ({
          method: 'POST',
          url: '/api/auth/token',
          headers: { 'x-admin-key': TEST_ADMIN_KEY, 'content-type': 'application/json' },
          payload: JSON.stringify({ team_id: 'a\u0000b' }),
        }),
      },
    ];

    it.each(CASES)(
      `in a JSON string ($label): ${hasPostgres ? '400 on PostgreSQL (unless JSON-encoded and stored verbatim)' : 'no 5xx; stored verbatim if accepted (SQLite)'}`,
      async ({ sent, field, expected, storedAsJson }) => {
        const ex = await exchange(sent());
        if (hasPostgres && !storedAsJson) {
          // PostgreSQL cannot store NUL in text: the API must refuse it up front, not fail in the INSERT.
          expect.soft(ex.res.statusCode, ex.text).toBe(400);
        } else if (ex.res.statusCode < 300 && field) {
          // Accepted (SQLite, or a JSON-encoded column): it must come back exactly as sent.
          expect.soft(ex.res.json<Record<string, unknown>>()[field], ex.text).toEqual(expected);
        }
      },
    );

    it(`in a decision reason (query string): ${hasPostgres ? '400 on PostgreSQL' : 'no 5xx'}, nothing half-decided`, async () => {
      const job = await direct({
        method: 'POST',
        url: '/api/jobs',
        token: tokens.admin,
        payload: { ...VALID_JOB, slug: 'nul-reason-job' },
      });
      expect(job.statusCode).toBe(202);
      const { cps, exps } = await insertHitlItems(t, 'nul-reason-job', 1);
      quiet = undefined;
      for (const url of [
        `/api/checkpoints/${cps[0]}/reject?reason=a%00b`,
        `/api/experiences/${exps[0]}/reject?reason=a%00b`,
      ]) {
        const ex = await exchange(bare('POST', url));
        if (hasPostgres) expect.soft(ex.res.statusCode, ex.text).toBe(400);
      }
    });

    it('in URLs: path segments and query strings give 4xx', async () => {
      const urls = [
        '/api/jobs/a%00b/cancel',
        '/api/jobs/a\u0000b/cancel',
        '/api/jobs/%00',
        `/api/jobs/${FIXTURE.jobs[0]}/retry?x=%00`,
        '/api/jobs/nx-nul?purge=%00',
        '/api/providers/a%00/use',
        '/api/agents/dev_agent%00/test',
        '/api/hitl/cp-%00/approve',
      ];
      for (const url of urls) {
        const method = url.includes('purge') ? 'DELETE' : 'POST';
        expectClientError(await exchange(bare(method, url)));
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('size', () => {
    /** A JSON body of exactly `size` bytes: `{"description":"xxx…"}`. */
    function bodyOfSize(size: number, field = 'description'): string {
      const shell = `{"${field}":""}`;
      return `{"${field}":"${'x'.repeat(size - shell.length)}"}`;
    }

    const BODY_ROUTES: { method: string; url: string }[] = [
      { method: 'POST', url: '/api/jobs' },
      { method: 'POST', url: '/api/projects' },
      { method: 'PUT', url: `/api/projects/${FIXTURE.project}` },
      { method: 'POST', url: '/api/providers' },
      { method: 'PATCH', url: '/api/agents/dev_agent' },
      { method: 'POST', url: '/api/settings' },
      { method: 'PATCH', url: '/api/system/settings' },
    ];

    it('a body of 1 MiB + 1 byte is a 413 on every body route (and 1 MiB exactly is not)', async () => {
      for (const route of BODY_ROUTES) {
        const over = bodyOfSize(BODY_LIMIT + 1);
        expect(Buffer.byteLength(over)).toBe(BODY_LIMIT + 1);
        expectClientError(await exchange(json(route.method, route.url, over)), [413]);
        const exact = await exchange(json(route.method, route.url, bodyOfSize(BODY_LIMIT)));
        expect.soft(exact.res.statusCode, exact.text).not.toBe(413);
      }
      // Also without a content type and on the token route (no bearer needed).
      expectClientError(
        await exchange({
          method: 'POST',
          url: '/api/auth/token',
          headers: { 'x-admin-key': TEST_ADMIN_KEY, 'content-type': 'application/json' },
          payload: bodyOfSize(BODY_LIMIT + 1, 'team_id'),
        }),
        [413],
      );
    });

    it('deeply nested JSON (10 000 levels) is a 400/413, not a crash, and the app still serves', async () => {
      const depth = 10_000;
      const bodies = {
        objects: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        arrays: `${'['.repeat(depth)}${']'.repeat(depth)}`,
        'arrays in a known field': `{"features":${'['.repeat(depth)}${']'.repeat(depth)},"name":"x","description":"y"}`,
        'objects in a known field': `{"hitl_checkpoints":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      };
      for (const route of BODY_ROUTES) {
        for (const [label, body] of Object.entries(bodies)) {
          const ex = await exchange(json(route.method, route.url, body));
          expect.soft([400, 413], `${label}\n${ex.text}`).toContain(ex.res.statusCode);
        }
      }
      // The most a 1 MiB body can nest.
      const deepest = await exchange(json('POST', '/api/jobs', `${'['.repeat(500_000)}${']'.repeat(500_000)}`));
      expect.soft([400, 413], `500 000 arrays\n${deepest.text}`).toContain(deepest.res.statusCode);
      const health = await direct({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
    });

    it('10 000 features (array or comma string) are a 400 and store nothing', async () => {
      const many = Array.from({ length: 10_000 }, (_, i) => `feature-${i}`);
      const before = await rowCounts(t);
      for (const features of [many, many.join(','), Array(10_000).fill('auth')]) {
        expectClientError(await exchange(json('POST', '/api/jobs', { ...VALID_JOB, features })), [400]);
        expectClientError(await exchange(json('POST', '/api/projects', { name: 'Many', features })), [400]);
        expectClientError(await exchange(json('PUT', `/api/projects/${FIXTURE.project}`, { features })), [400]);
      }
      expectClientError(
        await exchange(json('POST', '/api/projects', { name: 'Many', features_json: JSON.stringify(many) })),
        [400],
      );
      expectClientError(
        await exchange(json('POST', '/api/jobs', { ...VALID_JOB, checkpoints: Array(10_000).fill('dev') })),
        [400],
      );
      expect(await rowCounts(t)).toEqual(before);
    });

    it('values the DTO accepts but the column cannot hold: never a 5xx, and what is stored fits the column', async () => {
      // jobs.platform is varchar(100); every item is a valid platform.
      for (const platform of [
        Array(30).fill('android').join(','),
        'android, ios, web, macos, windows, linux, '.repeat(4),
      ]) {
        const ex = await exchange(json('POST', '/api/jobs', { ...VALID_JOB, platform }));
        if (ex.res.statusCode < 300) {
          const stored = await t.app
            .get(DataSource)
            .getRepository(Job)
            .findOneBy({ slug: ex.res.json<{ slug: string }>().slug });
          expect.soft(stored?.platform.length ?? 0, `${ex.text}\nstored: ${stored?.platform}`).toBeLessThanOrEqual(100);
        }
      }
    });

    it('huge headers and tokens: 401, never a 5xx, never echoed', async () => {
      const cases: SentRequest[] = [
        {
          method: 'POST',
          url: '/api/jobs',
          headers: { authorization: `Bearer ${'a'.repeat(100 * 1024)}`, 'content-type': 'application/json' },
          payload: JSON.stringify(VALID_JOB),
        },
        {
          method: 'POST',
          url: '/api/jobs',
          headers: { authorization: `Bearer ${tokens.admin}${'a'.repeat(100 * 1024)}` },
          payload: undefined,
        },
        {
          method: 'POST',
          url: '/api/jobs',
          headers: { authorization: `Bearer ${'eyJ'.repeat(30_000)}.${'e'.repeat(30_000)}.${'s'.repeat(30_000)}` },
        },
        { method: 'POST', url: '/api/jobs', headers: { authorization: `Basic ${'a'.repeat(100 * 1024)}` } },
        { method: 'POST', url: '/api/jobs', headers: { authorization: `Bearer  ${tokens.admin} x` } },
        { method: 'POST', url: '/api/auth/token', headers: { 'x-admin-key': 'k'.repeat(100 * 1024) } },
        { method: 'POST', url: '/api/auth/token', headers: { 'x-admin-key': `${TEST_ADMIN_KEY}\u0000` } },
      ];
      for (const sent of cases) {
        const ex = await exchange(sent);
        expectClientError(ex, [401]);
        expect.soft(ex.res.body.length, ex.text).toBeLessThan(1_000);
      }
      // A 100 KB request id is not echoed back.
      const ex = await exchange({
        ...bare('POST', `/api/jobs/${FIXTURE.jobs[0]}/retry`),
        headers: { ...auth(tokens.admin), 'x-request-id': 'r'.repeat(100 * 1024) },
      });
      expect.soft(String(ex.res.headers['x-request-id']).length, ex.text).toBeLessThanOrEqual(64);
    });

    it('over a real socket: a 100 KB bearer token or a NUL in the request line is a 4xx from the server, not a hang or 5xx', async () => {
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const viaHttp = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/jobs',
            headers: { authorization: `Bearer ${'a'.repeat(100 * 1024)}`, 'content-type': 'application/json' },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(VALID_JOB));
      });
      expect.soft(viaHttp.status, viaHttp.body).toBeGreaterThanOrEqual(400);
      expect.soft(viaHttp.status, viaHttp.body).toBeLessThan(500);
      for (const secret of secrets()) expect.soft(viaHttp.body).not.toContain(secret);
      // Refused by Node's HTTP parser before any route runs: still the API's error shape.
      expect.soft(viaHttp.body, 'error body of the 431').toMatch(/"detail":"/);

      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /api/jobs/a\u0000b/cancel HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${tokens.admin}\r\n\r\n`,
          );
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
        socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
      });
      expect.soft(raw).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect.soft(raw, 'error body of the malformed request line').toMatch(/"detail":"/);
      expect.soft(raw).not.toMatch(/node_modules|\.ts:\d/);
    });
  });

  // -------------------------------------------------------------------------
  describe('content types and empty bodies', () => {
    const FORM_JOB = 'name=Form+App&description=posted+as+a+form';
    const CASES: { label: string; contentType?: string; payload: string }[] = [
      { label: 'text/plain with JSON text', contentType: 'text/plain', payload: JSON.stringify(VALID_JOB) },
      { label: 'text/plain', contentType: 'text/plain', payload: 'name=x' },
      { label: 'form-urlencoded', contentType: 'application/x-www-form-urlencoded', payload: FORM_JOB },
      {
        label: 'multipart/form-data',
        contentType: 'multipart/form-data; boundary=corpus',
        payload:
          '--corpus\r\nContent-Disposition: form-data; name="name"\r\n\r\nMultipart App\r\n--corpus\r\nContent-Disposition: form-data; name="description"\r\n\r\nx\r\n--corpus--\r\n',
      },
      { label: 'application/xml', contentType: 'application/xml', payload: '<job><name>x</name></job>' },
      { label: 'no content type with a JSON body', payload: JSON.stringify(VALID_JOB) },
    ];

    it.each(CASES)('$label on POST /api/jobs: 4xx and no job', async ({ contentType, payload }) => {
      const before = await rowCounts(t);
      const headers: Record<string, string> = { ...auth(tokens.admin) };
      if (contentType) headers['content-type'] = contentType;
      expectClientError(await exchange({ method: 'POST', url: '/api/jobs', headers, payload }));
      expect.soft((await rowCounts(t)).jobs).toBe(before.jobs);
    });

    it.each(CASES)('$label on the other body routes: 4xx, nothing written', async ({ contentType, payload }) => {
      const targets: { method: string; url: string; form: string; headers?: Record<string, string> }[] = [
        { method: 'POST', url: '/api/settings', form: 'max_parallel_jobs=7' },
        { method: 'PATCH', url: '/api/system/settings', form: 'max_parallel_jobs=7' },
        { method: 'POST', url: '/api/projects', form: 'name=Form+Project' },
        { method: 'PATCH', url: '/api/agents/dev_agent', form: 'temperature=1' },
        {
          method: 'POST',
          url: '/api/providers',
          form: 'name=form-provider&base_url=http%3A%2F%2F127.0.0.1%3A9%2Fv1&default_model=m',
        },
        { method: 'POST', url: '/api/auth/token', form: 'role=viewer', headers: { 'x-admin-key': TEST_ADMIN_KEY } },
      ];
      for (const target of targets) {
        const headers: Record<string, string> = { ...auth(tokens.admin), ...(target.headers ?? {}) };
        if (contentType) headers['content-type'] = contentType;
        const body = contentType === 'application/x-www-form-urlencoded' ? target.form : payload;
        expectClientError(await exchange({ method: target.method, url: target.url, headers, payload: body }));
      }
    });

    it('JSON with odd content-type parameters: never a 5xx', async () => {
      for (const contentType of [
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/json; charset="x\u0000"',
        'APPLICATION/JSON',
        'application/json;;;',
        'application/json, text/plain',
        `application/json; ${'p=1;'.repeat(2_000)}`,
      ]) {
        await exchange({
          method: 'POST',
          url: '/api/settings',
          headers: { ...auth(tokens.admin), 'content-type': contentType },
          payload: '{"max_parallel_jobs":"2"}',
        });
      }
    });

    it('an empty body on every route that needs one is a 400', async () => {
      const routes: [string, string][] = [
        ['POST', '/api/jobs'],
        ['POST', '/api/projects'],
        ['PUT', '/api/projects/nx-new-project'],
        ['POST', '/api/providers'],
        ['POST', '/api/providers/nx-new-provider'],
        ['PATCH', `/api/providers/${FIXTURE.provider}`],
        ['POST', '/api/agents/config/dev_agent'],
        ['POST', '/api/settings'],
        ['PATCH', '/api/system/settings'],
      ];
      for (const [method, url] of routes) {
        expectClientError(await exchange(bare(method, url)), [400]);
        expectClientError(await exchange({ ...json(method, url, ''), payload: '' }), [400]);
        expectClientError(await exchange(json(method, url, {})), [400]);
        expectClientError(await exchange(json(method, url, 'null')), [400]);
        expectClientError(await exchange(json(method, url, '   ')), [400]);
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('SQL-looking strings', () => {
    const SQL = [
      "' OR 1=1 --",
      '"; DROP TABLE jobs; --',
      "'); DELETE FROM settings; --",
      "x' UNION SELECT * FROM settings --",
      '1; SELECT pg_sleep(5)',
    ];

    it('are stored and returned verbatim where the field allows them (parameterised queries), and the tables survive', async () => {
      for (const [i, text] of SQL.entries()) {
        const created = await exchange(
          json('POST', '/api/jobs', {
            name: `Sql ${i}`,
            description: text,
            slug: `sql-job-${i}`,
            features: [text.slice(0, 40)],
          }),
        );
        expect.soft(created.res.statusCode, created.text).toBe(202);
        const read = await direct({ method: 'GET', url: `/api/jobs/sql-job-${i}`, token: tokens.admin });
        expect.soft(read.json<{ description: string; features: string[] }>(), created.text).toMatchObject({
          description: text,
          features: [text.slice(0, 40).trim()],
        });
        const project = await exchange(
          json('POST', '/api/projects', { name: text, description: text, slug: `sql-project-${i}` }),
        );
        expect.soft(project.res.statusCode, project.text).toBe(201);
        expect
          .soft(project.res.json<{ name: string; description: string }>(), project.text)
          .toMatchObject({ name: text.trim(), description: text });
        const agent = await exchange(json('PATCH', '/api/agents/qa_agent', { system_prompt: text }));
        expect.soft(agent.res.json<{ system_prompt: string }>().system_prompt, agent.text).toBe(text);
      }
      // Names that look like SQL are accepted as names; the derived slug is still a safe slug.
      const named = await exchange(
        json('POST', '/api/jobs', { name: "Robert'); DROP TABLE jobs;--", description: 'x' }),
      );
      expect.soft(named.res.json<{ slug: string }>().slug).toMatch(SLUG_PATTERN);

      const list = await direct({ method: 'GET', url: '/api/jobs?limit=1000', token: tokens.admin });
      expect(list.statusCode).toBe(200);
      const count = await t.app.get(DataSource).getRepository(Job).count();
      expect(count).toBe(Number(list.headers['x-total-count']));
      expect(count).toBeGreaterThanOrEqual(FIXTURE.jobs.length + SQL.length);
      const settings = await direct({ method: 'GET', url: '/api/settings', token: tokens.admin });
      expect(Object.keys(settings.json<object>())).toHaveLength(8);
    });

    it('are a 400 where the field is constrained (slugs, filters, settings, ids)', async () => {
      for (const text of SQL) {
        const q = encodeURIComponent(text);
        expectClientError(await exchange(json('POST', '/api/jobs', { ...VALID_JOB, slug: text })), [400]);
        expectClientError(await exchange(json('POST', '/api/jobs', { ...VALID_JOB, style: text })), [400]);
        expectClientError(await exchange(bare('GET', `/api/jobs?status=${q}`)), [400]);
        expectClientError(await exchange(bare('GET', `/api/jobs?team_id=${q}`)), [400]);
        expectClientError(await exchange(bare('DELETE', `/api/jobs/${q}`)), [400]);
        expectClientError(await exchange(bare('POST', `/api/hitl/${q}/approve`)), [400]);
        expectClientError(await exchange(json('POST', '/api/settings', { llm_provider: text })), [400]);
        expectClientError(await exchange(json('POST', '/api/settings', { [text]: '1' })), [400]);
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('unicode', () => {
    const CONFUSABLES = [
      'mу-app', // Cyrillic у
      'ｍｙ－ａｐｐ', // fullwidth
      'my\u200dapp', // zero-width joiner
      'my-app\u200b', // zero-width space
      '\ufeffmy-app', // BOM
      'my\u00adapp', // soft hyphen
      'my‐app', // U+2010 hyphen
      'my−app', // U+2212 minus
      'mıy-app', // dotless i
      'ǆ-app', // ligature
      'my-app\u0301', // combining accent
      'my-app ',
      ' my-app',
      '\u212a-app', // Kelvin sign: lower-cased by Unicode rules it would be a plain "k"
      '\u202emy-app', // right-to-left override
    ];

    it('confusable slugs are a 400 in bodies and in paths', async () => {
      for (const slug of CONFUSABLES) {
        expectClientError(await exchange(json('POST', '/api/jobs', { ...VALID_JOB, slug })), [400]);
        expectClientError(await exchange(json('POST', '/api/projects', { name: 'Confusable', slug })), [400]);
        const segment = encodeURIComponent(slug);
        expectClientError(await exchange(json('PUT', `/api/projects/${segment}`, { name: 'Confusable' })), [400]);
        expectClientError(await exchange(bare('DELETE', `/api/projects/${segment}`)), [400]);
        expectClientError(await exchange(bare('DELETE', `/api/jobs/${segment}`)), [400]);
        expectClientError(await exchange(bare('POST', `/api/jobs/${segment}/cancel`)), [400]);
        expectClientError(await exchange(json('POST', '/api/providers', { name: slug, ...VALID_PROVIDER })), [400]);
        expectClientError(await exchange(bare('POST', `/api/providers/${segment}/use`)), [400]);
        expectClientError(
          await exchange(bare('POST', `/api/agents/${encodeURIComponent(slug.replace(/-/g, '_'))}/test`)),
          [400],
        );
      }
    });

    it('unicode names are accepted and get a plain ASCII slug', async () => {
      for (const name of ['mу-app', 'ｍｙ－ａｐｐ', 'Ứng dụng đặt lịch', '😀😀', '\u202eevil', 'ǆ']) {
        const ex = await exchange(json('POST', '/api/jobs', { name, description: 'unicode name' }));
        expect.soft(ex.res.statusCode, ex.text).toBe(202);
        expect.soft(ex.res.json<{ slug: string }>().slug, ex.text).toMatch(SLUG_PATTERN);
      }
    });
  });

  // -------------------------------------------------------------------------
  describe('odd JSON', () => {
    it('duplicate keys: the last one wins, consistently in the response and the stored row', async () => {
      const ex = await exchange(
        json(
          'POST',
          '/api/jobs',
          '{"name":"First","name":"Second","description":"d","slug":"dup-first","slug":"dup-second"}',
        ),
      );
      expect.soft(ex.res.statusCode, ex.text).toBe(202);
      expect.soft(ex.res.json(), ex.text).toMatchObject({ slug: 'dup-second', name: 'Second' });
      const stored = await t.app.get(DataSource).getRepository(Job).findOneBy({ slug: 'dup-second' });
      expect.soft(stored?.name).toBe('Second');
      expect.soft(await t.app.get(DataSource).getRepository(Job).existsBy({ slug: 'dup-first' })).toBe(false);
      // A valid value hidden behind an invalid one, and the reverse.
      expectClientError(
        await exchange(json('POST', '/api/settings', '{"max_parallel_jobs":"2","max_parallel_jobs":"999"}')),
        [400],
      );
      const settings = await exchange(
        json('POST', '/api/settings', '{"max_parallel_jobs":"999","max_parallel_jobs":"3"}'),
      );
      expect.soft(settings.res.json<{ max_parallel_jobs: string }>().max_parallel_jobs, settings.text).toBe('3');
    });

    it('explicit nulls for optional fields: never a 5xx, nothing half-written', async () => {
      const cases: [string, string, Record<string, unknown>][] = [
        ['PATCH', '/api/agents/dev_agent', { system_prompt: null }],
        ['PATCH', '/api/agents/dev_agent', { name: null }],
        ['PATCH', '/api/agents/dev_agent', { description: null }],
        ['PATCH', '/api/agents/dev_agent', { model: null }],
        ['PATCH', '/api/agents/dev_agent', { status: null }],
        ['PATCH', '/api/agents/dev_agent', { temperature: null }],
        ['PATCH', '/api/agents/dev_agent', { max_tokens: null }],
        ['PATCH', `/api/providers/${FIXTURE.provider}`, { base_url: null }],
        ['PATCH', `/api/providers/${FIXTURE.provider}`, { default_model: null }],
        ['PATCH', `/api/providers/${FIXTURE.provider}`, { enabled: null }],
        ['PUT', `/api/projects/${FIXTURE.project}`, { name: null, description: null, features: null }],
        ['POST', '/api/projects', { name: 'Nulls', description: null, icon: null, monthly_spend: null }],
        ['POST', '/api/jobs', { ...VALID_JOB, platform: null, style: null, features: null, slug: null }],
        ['POST', '/api/settings', { daily_cost_limit: null }],
        ['POST', '/api/auth/token', { team_id: null, role: null }],
      ];
      for (const [method, url, body] of cases) {
        const sent = json(method, url, body, url === '/api/auth/token' ? undefined : tokens.admin);
        if (url === '/api/auth/token') sent.headers = { ...sent.headers, 'x-admin-key': TEST_ADMIN_KEY };
        await exchange(sent);
      }
    });

    it('numbers at the edges: 1e308, -0, 1e400, NaN/Infinity as strings, huge integers', async () => {
      const bodies = [
        '{"name":"N","monthly_spend":1e308,"build_progress":-0}',
        '{"name":"N","monthly_spend":1e400}',
        '{"name":"N","monthly_spend":"NaN"}',
        '{"name":"N","monthly_spend":"Infinity"}',
        '{"name":"N","build_progress":123456789012345678901234567890}',
        '{"name":"N","build_progress":1.0}',
        '{"name":"N","build_progress":1e2}',
      ];
      for (const body of bodies) await exchange(json('POST', '/api/projects', body));
      for (const body of [
        '{"temperature":1e-320}',
        '{"temperature":-0}',
        '{"max_tokens":1e5}',
        '{"max_tokens":"4096"}',
        '{"temperature":"NaN"}',
      ]) {
        await exchange(json('PATCH', '/api/agents/dev_agent', body));
      }
      for (const body of [
        '{"daily_cost_limit":1e308}',
        '{"daily_cost_limit":-0}',
        '{"max_parallel_jobs":1e400}',
        '{"daily_cost_limit":"1e3"}',
      ]) {
        await exchange(json('POST', '/api/settings', body));
      }
    });

    it('__proto__ and constructor keys pollute nothing (the app runs in this process)', async () => {
      const bodies = [
        '{"__proto__":{"polluted":true}}',
        '{"name":"P","description":"d","__proto__":{"polluted":true}}',
        '{"a":{"__proto__":{"polluted":true}}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"features":[{"__proto__":{"polluted":true}}]}',
        '{"name":"P","description":"d","features":{"__proto__":{"polluted":true},"length":1}}',
        '{"__proto__":null}',
      ];
      const targets: [string, string][] = [
        ['POST', '/api/jobs'],
        ['POST', '/api/projects'],
        ['PUT', `/api/projects/${FIXTURE.project}`],
        ['POST', '/api/providers'],
        ['PATCH', `/api/providers/${FIXTURE.provider}`],
        ['PATCH', '/api/agents/dev_agent'],
        ['POST', '/api/agents/config/dev_agent'],
        ['POST', '/api/settings'],
        ['PATCH', '/api/system/settings'],
      ];
      for (const [method, url] of targets) {
        for (const body of bodies) {
          const ex = await exchange(json(method, url, body));
          expectClientError(ex);
        }
        const form = await exchange({
          method,
          url,
          headers: { ...auth(tokens.admin), 'content-type': 'application/x-www-form-urlencoded' },
          payload: '__proto__[polluted]=true&constructor[prototype][polluted]=true&__proto__=x',
        });
        expectClientError(form);
      }
      await exchange(json('POST', '/api/auth/token', '{"__proto__":{"role":"admin","polluted":true}}', undefined));
      for (const url of [
        `/api/jobs/nx-proto?__proto__[polluted]=true&constructor[prototype][polluted]=true`,
        `/api/jobs/nx-proto?__proto__=true`,
      ]) {
        expectClientError(await exchange(bare('DELETE', url)));
      }
      expectClientError(
        await exchange(
          bare('POST', `/api/hitl/${FIXTURE.checkpoints[0]}/approve?__proto__[polluted]=true&reason[__proto__]=x`),
        ),
      );

      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.toString.call([])).toBe('[object Array]');
      // The app still answers normally.
      const res = await direct({ method: 'GET', url: '/api/settings', token: tokens.admin });
      expect(res.statusCode).toBe(200);
      expect(res.json<Record<string, unknown>>().polluted).toBeUndefined();
    });

    it('keys named after Object.prototype members are refused like any unknown key (not silently dropped)', async () => {
      const keys = [
        'constructor',
        'prototype',
        'toString',
        'valueOf',
        'hasOwnProperty',
        'isPrototypeOf',
        '__defineGetter__',
      ];
      const targets: [string, string, Record<string, unknown>][] = [
        ['POST', '/api/jobs', { ...VALID_JOB, slug: 'proto-key-job' }],
        ['POST', '/api/projects', { name: 'Proto key', slug: 'proto-key-project' }],
        ['PATCH', '/api/agents/dev_agent', { temperature: 0.3 }],
        ['POST', '/api/settings', { max_parallel_jobs: '2' }],
      ];
      for (const key of keys) {
        for (const [method, url, valid] of targets) {
          expectClientError(await exchange(json(method, url, { ...valid, [key]: { polluted: true } })), [400]);
        }
        expectClientError(await exchange(json('PATCH', '/api/agents/dev_agent', { [key]: 'x' })), [400]);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
