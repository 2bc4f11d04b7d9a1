import { Logger } from '@nestjs/common';
import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { hasPostgres, requiresPostgres, startApp, type TestApp } from './helpers/app';
import { waitFor } from './helpers/jobs';
import { TcpProxy } from './helpers/processes';

/** Routes that read the database, for a viewer (GET) — each must answer 503 while it is gone. */
const DATABASE_ROUTES = [
  '/api/jobs',
  '/api/jobs/before-outage',
  '/api/jobs/before-outage/phases',
  '/api/jobs/before-outage/logs',
  '/api/projects',
  '/api/costs/summary',
  '/api/kpis',
  '/api/checkpoints',
  '/api/experiences',
];

/**
 * Issue 12, finding 5: with PostgreSQL unreachable, database routes answered
 * 500 and the public `GET /ready` said `database: connect ECONNREFUSED
 * 127.0.0.1:<port>`. Now: 503 `{detail}` with Retry-After on every route
 * that needs the database, `/ready` names the component only (the driver's
 * words go to the log), and everything recovers when the database is back.
 *
 * A TCP proxy sits between this app and the shared PostgreSQL: `cut()` drops
 * every connection and drops new ones at once (connection terminated),
 * `refuse()` stops listening (ECONNREFUSED on the proxy's port, the issue's
 * repro), `reopen()` brings it back — without touching the shared server.
 */
requiresPostgres('PostgreSQL outage: 503 with Retry-After, /ready without hosts or ports', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let viewer: string;
  let member: string;
  const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test');
  const dbPort = dbUrl.port || '5432';
  let warn: MockInstance<Logger['warn']>;

  beforeAll(async () => {
    proxy = await TcpProxy.start(dbUrl.hostname, Number(dbPort));
    t = await startApp({ DATABASE_URL: proxy.urlFor(process.env.DATABASE_URL!) });
    viewer = await t.tokenFor('viewer');
    member = await t.tokenFor('member');
    const created = await t.inject({
      method: 'POST',
      url: '/api/jobs',
      token: member,
      payload: { name: 'Before Outage', slug: 'before-outage', description: 'Outage test', checkpoints: ['create'] },
    });
    expect(created.statusCode, created.body).toBe(202);
    warn = vi.spyOn(Logger.prototype, 'warn');
  });

  afterAll(async () => {
    warn?.mockRestore();
    // Back up before close: the app's clean-up drops its schema through the proxy.
    if (proxy) {
      await proxy.reopen().catch(() => undefined);
      proxy.restore();
    }
    await t?.close();
    await proxy?.stop();
  });

  /** Nothing that says where the database is or what the driver said. */
  const expectNoInternals = (res: LightMyRequestResponse): void => {
    for (const leak of [
      'ECONNREFUSED',
      'ECONNRESET',
      'Connection terminated',
      '127.0.0.1',
      'localhost',
      dbUrl.hostname,
      `:${dbPort}`,
      `:${proxy.port}`,
      String(proxy.port),
      'QueryFailedError',
      'postgres',
    ]) {
      expect(res.body, `${res.body} must not contain ${leak}`).not.toContain(leak);
    }
  };

  const expect503 = (res: LightMyRequestResponse, what: string): void => {
    expect(res.statusCode, `${what}: ${res.body}`).toBe(503);
    expect(Number(res.headers['retry-after']), `${what}: Retry-After`).toBeGreaterThan(0);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<Record<string, unknown>>();
    expect(Object.keys(body)).toEqual(['detail']);
    expect(body.detail).toMatch(/database is unavailable/i);
    expectNoInternals(res);
  };

  const expectDatabaseNotReady = async (): Promise<void> => {
    const started = Date.now();
    const ready = await t.inject({ method: 'GET', url: '/ready' });
    expect(Date.now() - started, '/ready must not hang').toBeLessThan(5_000);
    expect(ready.statusCode, ready.body).toBe(503);
    expect(Number(ready.headers['retry-after'])).toBeGreaterThan(0);
    expect(ready.json()).toEqual({ status: 'not_ready', error: 'database: unreachable', down: ['database'] });
    expectNoInternals(ready);
  };

  it('connections dropped (server gone mid-connection): database routes → 503 with Retry-After, /ready names the database', async () => {
    expect((await t.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    proxy.cut();
    for (const url of DATABASE_ROUTES) {
      expect503(await t.inject({ method: 'GET', url, token: viewer }), `GET ${url}`);
    }
    expect503(
      await t.inject({
        method: 'POST',
        url: '/api/jobs',
        token: member,
        payload: { name: 'During Cut', description: 'Outage test' },
      }),
      'POST /api/jobs',
    );
    await expectDatabaseNotReady();
    // Liveness is unaffected, and so are routes that need no database.
    expect((await t.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/api/auth/me', token: viewer })).statusCode).toBe(200);
    proxy.restore();
  });

  it('connection refused (the issue repro): 503s and a /ready without "ECONNREFUSED 127.0.0.1:<port>"; the log keeps it', async () => {
    await proxy.refuse();
    warn.mockClear();
    for (const url of DATABASE_ROUTES) {
      expect503(await t.inject({ method: 'GET', url, token: viewer }), `GET ${url}`);
    }
    expect503(
      await t.inject({
        method: 'POST',
        url: '/api/jobs',
        token: member,
        payload: { name: 'During Outage', description: 'Outage test' },
      }),
      'POST /api/jobs',
    );
    await expectDatabaseNotReady();
    // The driver's own words are kept for the operator, in the server log.
    const logged = warn.mock.calls.map((args) => String(args[0])).join('\n');
    expect(logged).toMatch(/database unavailable: .*ECONNREFUSED/);
    expect(logged).toMatch(/readiness: database is down: .*ECONNREFUSED/);
  });

  it('when the database is back, every route recovers without a restart', async () => {
    await proxy.reopen();
    await waitFor(
      '/ready 200 after the outage',
      async () => ((await t.inject({ method: 'GET', url: '/ready' })).statusCode === 200 ? true : undefined),
      15_000,
      200,
    );
    for (const url of DATABASE_ROUTES) {
      const res = await t.inject({ method: 'GET', url, token: viewer });
      expect(res.statusCode, `GET ${url}: ${res.body}`).toBe(200);
    }
    const list = await t.inject({ method: 'GET', url: '/api/jobs', token: viewer });
    expect(list.json<{ slug: string }[] | { items: { slug: string }[] }>()).toBeDefined();
    expect(list.body).toContain('before-outage');
    // Nothing half-created during the outage.
    expect(list.body).not.toContain('during-');
    const created = await t.inject({
      method: 'POST',
      url: '/api/jobs',
      token: member,
      payload: { name: 'After Outage', description: 'Outage test' },
    });
    expect(created.statusCode, created.body).toBe(202);
  });
});

/**
 * The same promise on the configured database, whichever it is (SQLite by
 * default): once its connection is gone, database routes answer 503 with
 * Retry-After — never a 500 — and /ready names the database alone.
 */
describe('database connection closed under the app', () => {
  it('database routes → 503 {detail} with Retry-After; /ready names the database without a path', async () => {
    const t = await startApp();
    try {
      const viewer = await t.tokenFor('viewer');
      expect((await t.inject({ method: 'GET', url: '/api/jobs', token: viewer })).statusCode).toBe(200);
      await t.app.get(DataSource).destroy();
      for (const url of ['/api/jobs', '/api/projects', '/api/jobs/some-job']) {
        const res = await t.inject({ method: 'GET', url, token: viewer });
        expect(res.statusCode, `GET ${url}: ${res.body}`).toBe(503);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.json()).toEqual({ detail: 'The database is unavailable; try again shortly' });
      }
      const ready = await t.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not_ready', error: 'database: unreachable', down: ['database'] });
      expect(ready.body).not.toContain(t.dir);
      if (!hasPostgres) expect(ready.body).not.toMatch(/sqlite|\.db/i);
    } finally {
      await t.close();
    }
  });
});
