import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootEnv, env, envBool, envInt } from './env';

describe('env helpers', () => {
  const saved = { ...process.env };
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sf-env-'));
    process.env.ENV_FILE = join(dir, '.env');
  });
  afterEach(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await rm(dir, { recursive: true, force: true });
  });

  it('env() trims and treats empty as unset', () => {
    process.env.SF_TEST_A = '  value ';
    process.env.SF_TEST_B = '   ';
    expect(env('SF_TEST_A')).toBe('value');
    expect(env('SF_TEST_B')).toBeUndefined();
    expect(env('SF_TEST_MISSING')).toBeUndefined();
  });

  it('envInt() and envBool() fall back when unset', () => {
    process.env.SF_TEST_N = '42';
    process.env.SF_TEST_T = 'Yes';
    process.env.SF_TEST_F = 'off';
    expect(envInt('SF_TEST_N', 1)).toBe(42);
    expect(envInt('SF_TEST_MISSING', 7)).toBe(7);
    expect(envBool('SF_TEST_T', false)).toBe(true);
    expect(envBool('SF_TEST_F', true)).toBe(false);
    expect(envBool('SF_TEST_MISSING', true)).toBe(true);
  });

  it('bootEnv() reads the environment first, then the .env file', async () => {
    await writeFile(process.env.ENV_FILE!, '# c\nSF_TEST_FILE=from-file\nSF_TEST_BOTH=from-file\nSF_TEST_EMPTY=\n');
    process.env.SF_TEST_BOTH = 'from-env';
    expect(bootEnv('SF_TEST_FILE')).toBe('from-file');
    expect(bootEnv('SF_TEST_BOTH')).toBe('from-env');
    expect(bootEnv('SF_TEST_EMPTY')).toBeUndefined();
    expect(bootEnv('SF_TEST_MISSING')).toBeUndefined();
  });

  it('bootEnv() copes with a missing .env file', () => {
    expect(bootEnv('SF_TEST_FILE')).toBeUndefined();
  });
});
