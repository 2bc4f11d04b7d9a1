import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiresRedis, startApp, type TestApp } from './helpers/app';

describe('system endpoints', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    // The embedded backend explicitly: CI also runs the suite with Bull as the default.
    t = await startApp({ JOB_QUEUE_BACKEND: 'thread' });
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t?.close());

  it('GET /health reports ok and the queue backend', async () => {
    const res = await t.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', queue_backend: 'thread' });
  });

  it('GET /ready is 200 when the database, workspace and queue answer', async () => {
    const res = await t.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('GET /api answers exactly as the contract, without a token', async () => {
    const res = await t.inject({ method: 'GET', url: '/api' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'online',
      service: 'Unified AI Software Factory API Backend',
      version: '1.0.0',
      docs_url: '/docs',
    });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('GET /api/system/status needs a token', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/system/status' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toHaveProperty('detail');
  });

  it.each(['viewer', 'member'] as const)('GET /api/system/status is 403 for a %s', async (role) => {
    const res = await t.inject({ method: 'GET', url: '/api/system/status', token: await t.tokenFor(role) });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/admin/);
  });

  it('GET /api/system/status gives the contract fields to an admin, with no absolute paths', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/system/status', token: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(
      ['db_exists', 'db_path', 'generated_apps_dir', 'queue_backend', 'status', 'version'].sort(),
    );
    expect(body).toMatchObject({ status: 'ok', version: '1.0.0', queue_backend: 'thread', db_exists: true });
    for (const key of ['db_path', 'generated_apps_dir']) {
      const value = body[key] as string;
      expect(typeof value).toBe('string');
      expect(value.startsWith('/')).toBe(false);
      expect(value).not.toMatch(/^[A-Za-z]:[\\/]/);
    }
    expect(res.body).not.toContain(t.dir);
    expect(res.body).not.toContain(tmpdir());
    if (process.env.DATABASE_URL) {
      expect(body.db_path).toMatch(/^postgresql:\/\//);
      // Credentials never leave the server.
      expect(body.db_path).not.toContain('@');
    } else {
      expect(body.db_path).toMatch(/app\.db$/);
    }
  });
});

describe('/ready when something is unusable', () => {
  it('answers 503 with the reason when the workspace cannot be written', async () => {
    // A path below a regular file cannot be created, even by root.
    const blocker = join(tmpdir(), `sf-blocker-${process.pid}-${Date.now()}`);
    await writeFile(blocker, 'not a directory');
    const t = await startApp({ GENERATED_APPS_DIR: join(blocker, 'apps') });
    try {
      const res = await t.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      const body = res.json<{ status: string; error: string }>();
      expect(body.status).toBe('not_ready');
      expect(body.error).toMatch(/^workspace/);
      expect(res.body).not.toContain(blocker);
    } finally {
      await t.close();
    }
  });

  it('answers 503 with the reason when the database is unusable', async () => {
    const t = await startApp();
    try {
      expect((await t.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      await t.app.get(DataSource).destroy();
      const res = await t.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      const body = res.json<{ status: string; error: string }>();
      expect(body.status).toBe('not_ready');
      expect(body.error).toMatch(/^database: /);
      expect(res.body).not.toContain(t.dir);
      // Liveness is unaffected: the process is up, it just cannot serve.
      expect((await t.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

requiresRedis('system endpoints on the bull backend', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ JOB_QUEUE_BACKEND: 'bull', RUN_WORKER: 'false' });
  });
  afterAll(() => t?.close());

  it('/health names the bull backend and /ready pings Redis', async () => {
    expect((await t.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', queue_backend: 'bull' });
    const ready = await t.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
  });
});

describe('/ready with an unreachable Redis', () => {
  it('answers 503 naming the queue, without hanging', async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    const t = await startApp({ JOB_QUEUE_BACKEND: 'bull', RUN_WORKER: 'false', REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const started = Date.now();
      const res = await t.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json<{ error: string }>().error).toMatch(/^queue: /);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await t.close();
    }
  });
});
