// dotenv is what @nestjs/config parses `.env` with; the round trips below go through it.
import { parse } from 'dotenv';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeEnvValue, updateEnvFile } from './env-file';

describe('encodeEnvValue', () => {
  it('leaves plain values unquoted', () => {
    for (const value of ['5.00', 'openai/gpt-4o', 'dev,export', 'redis://127.0.0.1:6379', 'a@b+c-d_e', '']) {
      expect(encodeEnvValue(value)).toBe(value);
    }
  });

  it.each(['\n', '\r', '\0', 'a\nB=1', 'a\r\nB=1', 'x\u0000y'])('refuses line breaks and NUL: %j', (value) => {
    expect(() => encodeEnvValue(value)).toThrow(/line breaks or NUL/);
  });

  it.each([
    'with space',
    'a"b',
    "it's",
    'p$q',
    '${HOME}',
    'back\\slash',
    'ends with \\',
    'x #not a comment',
    ' leading and trailing ',
    'quote\'s "mixed"',
    'literal \\n stays',
    "it's \\n literal",
    'tab\there',
    '`tick`',
    'ünïcødé ✓',
    '=',
  ])('quotes %j so that dotenv reads back exactly the same value', (value) => {
    const encoded = encodeEnvValue(value);
    const parsed = parse(`KEY=${encoded}\nNEXT=after\n`);
    expect(parsed).toEqual({ KEY: value, NEXT: 'after' });
  });

  it('refuses a value no dotenv quoting can carry', () => {
    expect(() => encodeEnvValue('a\'b"c`d\\')).toThrow();
  });
});

describe('updateEnvFile', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sf-envfile-'));
    file = join(dir, '.env');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const read = () => readFile(file, 'utf8');

  it('creates the file (and its directory) when missing, private by default', async () => {
    const nested = join(dir, 'conf', '.env');
    await updateEnvFile(nested, { DAILY_COST_LIMIT: '5.00' });
    expect(await readFile(nested, 'utf8')).toBe('DAILY_COST_LIMIT=5.00\n');
    expect((await stat(nested)).mode & 0o777).toBe(0o600);
  });

  it('replaces the line of an existing key in place and keeps every other line byte for byte', async () => {
    const original = [
      '# header comment',
      'PORT=8000',
      '',
      '   # indented comment',
      'export DAILY_COST_LIMIT=1.00',
      'CUSTOM="keep = me"  # trailing comment',
      'EMPTY=',
      'MAX_REPAIR_ATTEMPTS = 2',
    ].join('\n');
    await writeFile(file, `${original}\n`);
    await updateEnvFile(file, { DAILY_COST_LIMIT: '7.5', MAX_REPAIR_ATTEMPTS: '4' });
    expect((await read()).split('\n')).toEqual([
      '# header comment',
      'PORT=8000',
      '',
      '   # indented comment',
      'DAILY_COST_LIMIT=7.5',
      'CUSTOM="keep = me"  # trailing comment',
      'EMPTY=',
      'MAX_REPAIR_ATTEMPTS=4',
      '',
    ]);
  });

  it('appends keys that are not there yet, after the existing lines', async () => {
    await writeFile(file, 'PORT=8000');
    await updateEnvFile(file, { NEW_KEY: 'value', OTHER: 'x y' });
    expect(await read()).toBe("PORT=8000\nNEW_KEY=value\nOTHER='x y'\n");
  });

  it('is read back by dotenv as written, and other keys are untouched', async () => {
    await writeFile(file, '# c\nA=1\n');
    const values = { B: 'has "quotes" and $dollar', C: "it's", D: 'plain' };
    await updateEnvFile(file, values);
    expect(parse(await read())).toEqual({ A: '1', ...values });
  });

  it.each<Record<string, string>>([
    { B: 'x\nINJECTED=1' },
    { B: 'x\rINJECTED=1' },
    { 'B\nINJECTED': '1' },
    { lower_case: '1' },
    { 'A=B': '1' },
    { '': '1' },
    { GOOD: 'fine', BAD: 'x\nINJECTED=1' },
  ])('refuses %j and leaves the file untouched', async (updates) => {
    const original = '# keep\nA=1\n';
    await writeFile(file, original);
    await expect(updateEnvFile(file, updates)).rejects.toThrow();
    expect(await read()).toBe(original);
    expect(await readdir(dir)).toEqual(['.env']);
  });

  it('keeps the file mode and leaves no temp file behind', async () => {
    await writeFile(file, 'A=1\n');
    await chmod(file, 0o640);
    await updateEnvFile(file, { A: '2' });
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['.env']);
  });

  it('serialises concurrent updates: none is lost', async () => {
    await writeFile(file, '# start\n');
    await Promise.all(Array.from({ length: 25 }, (_, i) => updateEnvFile(file, { [`KEY_${i}`]: String(i) })));
    const parsed = parse(await read());
    for (let i = 0; i < 25; i++) expect(parsed[`KEY_${i}`]).toBe(String(i));
    expect((await read()).startsWith('# start\n')).toBe(true);
  });

  it('a failed update does not block the ones after it', async () => {
    await expect(updateEnvFile(file, { BAD: 'a\nb' })).rejects.toThrow();
    await updateEnvFile(file, { GOOD: '1' });
    expect(await read()).toBe('GOOD=1\n');
  });

  it('the last of two updates to the same key wins, with a single line for it', async () => {
    await Promise.all([updateEnvFile(file, { A: '1' }), updateEnvFile(file, { A: '2' })]);
    expect(await read()).toBe('A=2\n');
  });
});
