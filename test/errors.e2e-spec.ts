import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SettingsService } from '../src/system/settings/settings.service';
import { startApp, TEST_ADMIN_KEY, type TestApp } from './helpers/app';

describe('error responses', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t?.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('400 on validation carries detail and an errors array of { field, message }', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/token',
      headers: { 'x-admin-key': TEST_ADMIN_KEY },
      payload: { team_id: 'bad team', role: 'owner' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
    expect(Object.keys(body).sort()).toEqual(['detail', 'errors']);
    expect(body.detail).toMatch(/Validation failed/);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'team_id', message: expect.any(String) },
        { field: 'role', message: expect.any(String) },
      ]),
    );
  });

  it('404 for an unknown route, as { detail }', async () => {
    for (const url of ['/api/no-such-thing', '/nope', '/api/settings/x/y']) {
      const res = await t.inject({ method: 'GET', url, token: admin });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ detail: expect.any(String) });
    }
  });

  it('400 for malformed JSON', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/settings',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload: '{"daily_cost_limit": "1.00",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: 'Malformed JSON in request body' });
  });

  it('413 for a JSON body over 1 MiB', async () => {
    const payload = JSON.stringify({ hitl_checkpoints: 'x'.repeat(1024 * 1024 + 10) });
    const res = await t.inject({
      method: 'POST',
      url: '/api/settings',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ detail: expect.stringMatching(/1 MiB/) });
  });

  it('accepts a body just under the limit (so 413 is about size)', async () => {
    // Big but valid JSON that fails validation: a 400, not a 413.
    const payload = JSON.stringify({ hitl_checkpoints: 'x'.repeat(1024 * 1024 - 100) });
    const res = await t.inject({
      method: 'POST',
      url: '/api/settings',
      token: admin,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
  });

  it('415 for a body that is not JSON', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/settings',
      token: admin,
      headers: { 'content-type': 'text/xml' },
      payload: '<settings/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ detail: expect.any(String) });
  });

  it('500 for an unexpected error: generic detail, no stack or path; the real error goes to the server log only', async () => {
    const secretPath = '/srv/very/secret/location/app.db';
    const failure = new Error(`SQLITE_CORRUPT: database disk image is malformed at ${secretPath}`);
    vi.spyOn(t.app.get(SettingsService), 'getAll').mockRejectedValue(failure);
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    const res = await t.inject({ method: 'GET', url: '/api/settings', token: admin });

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ detail: 'Internal server error' });
    expect(res.body).not.toContain(secretPath);
    expect(res.body).not.toContain('SQLITE_CORRUPT');
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);

    const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
    expect(lines.some((line) => line.includes('SQLITE_CORRUPT'))).toBe(true);
    // The log names the error but carries no stack trace.
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('500 also for a thrown non-Error value', async () => {
    vi.spyOn(t.app.get(SettingsService), 'getAll').mockImplementation(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
      throw 'a string, not an Error';
    });
    vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const res = await t.inject({ method: 'GET', url: '/api/settings', token: admin });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ detail: 'Internal server error' });
  });

  it('the app still serves after those errors', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/settings', token: admin });
    expect(res.statusCode).toBe(200);
  });
});
