import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app';

const SECRET = 'auth-e2e-secret-0123456789abcdefghijklmnop';

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Builds a JWT by hand so every malformed variant can be made. */
function craftToken(
  payload: Record<string, unknown>,
  { alg = 'HS256', secret = SECRET }: { alg?: string; secret?: string } = {},
): string {
  const head = `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  if (alg === 'none') return `${head}.`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const now = (): number => Math.floor(Date.now() / 1000);

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ JWT_SECRET: SECRET });
  });
  afterAll(() => t?.close());

  const me = (token: string) => t.inject({ method: 'GET', url: '/api/auth/me', token });
  const mint = (headers: Record<string, string>, payload: unknown = {}) =>
    t.inject({ method: 'POST', url: '/api/auth/token', headers, payload: payload as Record<string, unknown> });

  describe('POST /api/auth/token', () => {
    it('is 401 without the X-Admin-Key header', async () => {
      const res = await mint({});
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: expect.any(String) });
    });

    it('is 401 with a wrong key', async () => {
      const res = await mint({ 'x-admin-key': `${TEST_ADMIN_KEY}x` });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain(TEST_ADMIN_KEY);
    });

    it('mints a token with the contract shape; defaults are team "default", role "admin"', async () => {
      const res = await mint({ 'x-admin-key': TEST_ADMIN_KEY });
      expect(res.statusCode).toBe(200);
      const body = res.json<Record<string, unknown>>();
      expect(Object.keys(body).sort()).toEqual(['expires_in', 'role', 'team_id', 'token']);
      expect(body).toMatchObject({ team_id: 'default', role: 'admin', expires_in: 86400 });

      const [header, payload] = (body.token as string)
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown);
      expect(header).toMatchObject({ alg: 'HS256' });
      expect(payload).toMatchObject({ team_id: 'default', role: 'admin' });
      const { iat, exp } = payload as { iat: number; exp: number };
      expect(exp - iat).toBe(86400);
    });

    it('gives a token that /api/auth/me accepts, with team_id, role and expires_at', async () => {
      const res = await mint({ 'x-admin-key': TEST_ADMIN_KEY }, { team_id: 'team-a.1', role: 'member' });
      expect(res.statusCode).toBe(200);
      const info = await me(res.json<{ token: string }>().token);
      expect(info.statusCode).toBe(200);
      const body = info.json<{ team_id: string; role: string; expires_at: string }>();
      expect(body.team_id).toBe('team-a.1');
      expect(body.role).toBe('member');
      const expiresIn = Date.parse(body.expires_at) - Date.now();
      expect(expiresIn).toBeGreaterThan(86_000_000);
      expect(expiresIn).toBeLessThanOrEqual(86_400_000);
    });

    it.each([
      [{ role: 'root' }, 'role'],
      [{ team_id: 'has space' }, 'team_id'],
      [{ team_id: 'x'.repeat(65) }, 'team_id'],
      [{ team_id: '../etc' }, 'team_id'],
      [{ team_id: 5 }, 'team_id'],
      [{ role: 'admin', extra: true }, 'extra'],
    ])('rejects %j with 400 naming the field', async (payload, field) => {
      const res = await mint({ 'x-admin-key': TEST_ADMIN_KEY }, payload);
      expect(res.statusCode).toBe(400);
      const body = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
      expect(body.detail).toEqual(expect.any(String));
      expect(body.errors.map((e) => e.field)).toContain(field);
    });
  });

  describe('bearer tokens', () => {
    it('accepts a correctly signed hand-made token (so the rejections below are about the defect)', async () => {
      const res = await me(craftToken({ team_id: 'default', role: 'viewer', iat: now(), exp: now() + 60 }));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ team_id: 'default', role: 'viewer' });
    });

    it('is 401 without a token', async () => {
      const res = await t.inject({ method: 'GET', url: '/api/auth/me' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: expect.any(String) });
    });

    it('is 401 for an Authorization header that is not "Bearer <token>"', async () => {
      const token = craftToken({ team_id: 'default', role: 'admin', iat: now(), exp: now() + 60 });
      const res = await t.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Token ${token}` } });
      expect(res.statusCode).toBe(401);
    });

    const cases: [string, () => string][] = [
      ['expired', () => craftToken({ team_id: 'default', role: 'admin', iat: now() - 7200, exp: now() - 3600 })],
      ['garbage', () => 'not-a-jwt'],
      ['three garbage parts', () => 'aaa.bbb.ccc'],
      [
        'alg none',
        () => craftToken({ team_id: 'default', role: 'admin', iat: now(), exp: now() + 3600 }, { alg: 'none' }),
      ],
      [
        'alg none with a signature',
        () => {
          const signed = craftToken({ team_id: 'default', role: 'admin', iat: now(), exp: now() + 3600 });
          const [, payload, signature] = signed.split('.');
          return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.${signature}`;
        },
      ],
      [
        'tampered (viewer payload swapped for admin, signature kept)',
        () => {
          const [header, , signature] = craftToken({
            team_id: 'default',
            role: 'viewer',
            iat: now(),
            exp: now() + 3600,
          }).split('.');
          const forged = b64url(JSON.stringify({ team_id: 'default', role: 'admin', iat: now(), exp: now() + 3600 }));
          return `${header}.${forged}.${signature}`;
        },
      ],
      [
        'signed with another secret',
        () =>
          craftToken(
            { team_id: 'default', role: 'admin', iat: now(), exp: now() + 3600 },
            { secret: 'another-secret-0123456789abcdefghij' },
          ),
      ],
      [
        'HS512 with the right secret',
        () => {
          const head = `${b64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }))}.${b64url(JSON.stringify({ team_id: 'default', role: 'admin', iat: now(), exp: now() + 3600 }))}`;
          return `${head}.${createHmac('sha512', SECRET).update(head).digest('base64url')}`;
        },
      ],
      ['without exp', () => craftToken({ team_id: 'default', role: 'admin', iat: now() })],
      ['without team_id', () => craftToken({ role: 'admin', iat: now(), exp: now() + 3600 })],
      ['with an unknown role', () => craftToken({ team_id: 'default', role: 'root', iat: now(), exp: now() + 3600 })],
    ];

    it.each(cases)('is 401 for a token that is %s', async (_name, make) => {
      const res = await me(make());
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: expect.any(String) });
    });
  });

  describe('roles', () => {
    it('a viewer may read but not write (403)', async () => {
      const viewer = await t.tokenFor('viewer');
      expect((await t.inject({ method: 'GET', url: '/api/settings', token: viewer })).statusCode).toBe(200);
      const res = await t.inject({
        method: 'POST',
        url: '/api/settings',
        token: viewer,
        payload: { max_repair_attempts: '3' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ detail: expect.stringMatching(/admin/) });
    });

    it('a member cannot do admin-only things (403)', async () => {
      const member = await t.tokenFor('member');
      const res = await t.inject({ method: 'GET', url: '/api/system/status', token: member });
      expect(res.statusCode).toBe(403);
    });
  });
});

describe('auth without ADMIN_API_KEY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ ADMIN_API_KEY: '' });
  });
  afterAll(() => t?.close());

  it('POST /api/auth/token is 503, whatever key is sent', async () => {
    for (const headers of [{}, { 'x-admin-key': TEST_ADMIN_KEY }, { 'x-admin-key': '' }]) {
      const res = await t.inject({ method: 'POST', url: '/api/auth/token', headers, payload: {} });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ detail: expect.stringMatching(/ADMIN_API_KEY/) });
    }
  });
});
