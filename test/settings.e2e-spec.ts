import { readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app';

const DEFAULTS = {
  daily_cost_limit: '5.00',
  smart_model_fallback: 'anthropic/claude-3.5-sonnet',
  max_repair_attempts: '5',
  max_parallel_jobs: '2',
  hitl_checkpoints: '',
  hitl_timeout_minutes: '0',
  job_timeout_minutes: '30',
};

/** Lines that were in `.env` before boot and must survive every rewrite byte for byte. */
const UNRELATED = [
  '# Software Factory — local settings',
  'PORT=8000',
  '',
  '# a comment with "quotes" and = signs',
  'export CUSTOM_TOKEN="keep me = as is"',
  'LLM_PROVIDER=builtin',
];

describe('settings', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startApp({}, { envFileContent: `${UNRELATED.join('\n')}\n` });
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t?.close());

  const get = (url = '/api/settings', token = admin) => t.inject({ method: 'GET', url, token });
  const post = (payload: Record<string, unknown>, token = admin) =>
    t.inject({ method: 'POST', url: '/api/settings', token, payload });
  const envFile = () => readFile(t.envFile, 'utf8');
  const envLines = async () => (await envFile()).split('\n');

  it('GET /api/settings returns every seeded setting as a string', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject(DEFAULTS);
    for (const value of Object.values(body)) expect(typeof value).toBe('string');
  });

  it('a viewer and a member can read settings', async () => {
    for (const role of ['viewer', 'member'] as const) {
      expect((await get('/api/settings', await t.tokenFor(role))).statusCode).toBe(200);
    }
  });

  it('POST updates only the given keys, returns all of them, and the change is seen at once', async () => {
    const before = (await get()).json<Record<string, string>>();
    const res = await post({ daily_cost_limit: '10.00', max_repair_attempts: 3 });
    expect(res.statusCode).toBe(200);
    const expected = { ...before, daily_cost_limit: '10.00', max_repair_attempts: '3' };
    expect(res.json()).toEqual(expected);
    expect((await get()).json()).toEqual(expected);
  });

  it('mirrors saved values into .env and keeps unrelated lines and comments', async () => {
    const lines = await envLines();
    expect(lines.slice(0, UNRELATED.length)).toEqual(UNRELATED);
    expect(lines).toContain('DAILY_COST_LIMIT=10.00');
    expect(lines).toContain('MAX_REPAIR_ATTEMPTS=3');
    // Only the given keys are mirrored.
    expect(lines.some((l) => l.startsWith('MAX_PARALLEL_JOBS='))).toBe(false);
  });

  it('a second update rewrites the mirrored line in place instead of appending', async () => {
    await post({ daily_cost_limit: '12.5' });
    const lines = await envLines();
    expect(lines.filter((l) => l.startsWith('DAILY_COST_LIMIT='))).toEqual(['DAILY_COST_LIMIT=12.5']);
    expect(lines.slice(0, UNRELATED.length)).toEqual(UNRELATED);
  });

  it('GET /api/system/settings is an alias of GET /api/settings', async () => {
    const [a, b] = await Promise.all([get('/api/settings'), get('/api/system/settings')]);
    expect(b.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
  });

  it('PATCH /api/system/settings is a partial update too', async () => {
    const before = (await get()).json<Record<string, string>>();
    const res = await t.inject({
      method: 'PATCH',
      url: '/api/system/settings',
      token: admin,
      payload: { max_parallel_jobs: '4', hitl_checkpoints: 'dev, export,dev' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...before, max_parallel_jobs: '4', hitl_checkpoints: 'dev,export' });
    expect(await envLines()).toContain('HITL_CHECKPOINTS=dev,export');
  });

  describe('validation: 400 and nothing written', () => {
    let settingsBefore: Record<string, string>;
    let envBefore: string;

    beforeAll(async () => {
      settingsBefore = (await get()).json<Record<string, string>>();
      envBefore = await envFile();
    });

    const expectNothingWritten = async () => {
      expect((await get()).json()).toEqual(settingsBefore);
      expect(await envFile()).toBe(envBefore);
      // No temp file left behind by an aborted rewrite.
      expect((await readdir(t.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    };

    it('an unknown key', async () => {
      const res = await post({ no_such_setting: '1' });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ detail: string; errors: { field: string }[] }>();
      expect(body.errors.map((e) => e.field)).toContain('no_such_setting');
      await expectNothingWritten();
    });

    it('an unknown key next to a good one', async () => {
      const res = await post({ daily_cost_limit: '1.00', no_such_setting: '1' });
      expect(res.statusCode).toBe(400);
      await expectNothingWritten();
    });

    it('an empty body', async () => {
      const res = await post({});
      expect(res.statusCode).toBe(400);
      expect(res.json()).toHaveProperty('detail');
      await expectNothingWritten();
    });

    it.each([
      ['daily_cost_limit', '-1'],
      ['daily_cost_limit', 'abc'],
      ['daily_cost_limit', '1e3'],
      ['daily_cost_limit', '1.123456'],
      ['max_repair_attempts', '21'],
      ['max_repair_attempts', '2.5'],
      ['max_parallel_jobs', '0'],
      ['max_parallel_jobs', 64],
      ['job_timeout_minutes', '0'],
      ['hitl_timeout_minutes', '-5'],
      ['hitl_checkpoints', 'dev,deploy'],
      ['smart_model_fallback', 'gpt 4o'],
      ['smart_model_fallback', ''],
      ['smart_model_fallback', { model: 'x' }],
      ['daily_cost_limit', true],
    ])('%s = %j', async (key, value) => {
      const res = await post({ [key]: value });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
      expect(body.errors.map((e) => e.field)).toContain(key);
      await expectNothingWritten();
    });

    it('a bad value mixed with a good one writes neither', async () => {
      const res = await post({ daily_cost_limit: '99.00', max_repair_attempts: '999' });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ errors: { field: string }[] }>();
      expect(body.errors.map((e) => e.field)).toEqual(['max_repair_attempts']);
      await expectNothingWritten();
    });

    it.each([
      ['smart_model_fallback', 'evil"\nADMIN_API_KEY=owned'],
      ['smart_model_fallback', "x'\rJWT_SECRET=owned"],
      ['smart_model_fallback', 'a"b'],
      ['hitl_checkpoints', 'dev\nADMIN_API_KEY=owned'],
      ['daily_cost_limit', '5\nADMIN_API_KEY=owned'],
      ['max_repair_attempts', '3"\n"'],
      ['smart_model_fallback', 'model\u0000ADMIN_API_KEY=owned'],
    ])('%s = %j cannot add a line to .env', async (key, value) => {
      const linesBefore = envBefore.split('\n').length;
      const res = await post({ [key]: value });
      expect(res.statusCode).toBe(400);
      const after = await envFile();
      expect(after.split('\n').length).toBe(linesBefore);
      expect(after).not.toMatch(/owned/);
      await expectNothingWritten();
    });
  });

  it('surrounding whitespace and a trailing newline are trimmed, never written as a new line', async () => {
    const linesBefore = (await envLines()).length;
    const res = await post({ smart_model_fallback: '  openai/gpt-4o\n' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Record<string, string>>().smart_model_fallback).toBe('openai/gpt-4o');
    const lines = await envLines();
    // One new line (the key was not mirrored before), and it is the whole value.
    expect(lines.length).toBe(linesBefore + 1);
    expect(lines).toContain('FALLBACK_SMART_MODEL=openai/gpt-4o');
    expect(lines.slice(0, UNRELATED.length)).toEqual(UNRELATED);
  });

  it.each(['viewer', 'member'] as const)('a %s cannot update settings (403) and nothing changes', async (role) => {
    const token = await t.tokenFor(role);
    const before = (await get()).json();
    const envBefore = await envFile();
    for (const res of [
      await post({ daily_cost_limit: '1.00' }, token),
      await t.inject({ method: 'PATCH', url: '/api/system/settings', token, payload: { daily_cost_limit: '1.00' } }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ detail: expect.any(String) });
    }
    expect((await get()).json()).toEqual(before);
    expect(await envFile()).toBe(envBefore);
  });
});

describe('settings seeded from .env', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({}, { envFileContent: 'DAILY_COST_LIMIT=7.25\nMAX_PARALLEL_JOBS=3\n' });
  });
  afterAll(() => t?.close());

  it('takes the mirrored values at first boot', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/settings', token: await t.tokenFor('viewer') });
    expect(res.json()).toMatchObject({ daily_cost_limit: '7.25', max_parallel_jobs: '3' });
  });

  it('an invalid mirrored value stops the boot, naming the variable and the rule the API applies', async () => {
    await expect(startApp({}, { envFileContent: 'MAX_PARALLEL_JOBS=not-a-number\n' })).rejects.toThrow(
      /MAX_PARALLEL_JOBS must be a whole number from 1 to 32/,
    );
  });
});
