import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const KEY_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const PLAIN_VALUE = /^[A-Za-z0-9._:/@+,-]*$/;

/**
 * Quotes a value for a dotenv file so that dotenv (what ConfigModule reads
 * `.env` with) gives back exactly the same string. dotenv never unescapes
 * inside quotes, so a quote style the value does not contain is picked
 * instead of escaping. Line breaks and NUL can never be written.
 */
export function encodeEnvValue(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error('Environment values cannot contain line breaks or NUL');
  if (PLAIN_VALUE.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('`')) return `\`${value}\``;
  // Double quotes only without backslashes: dotenv turns "\n" inside them into a line break.
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  throw new Error('Environment values cannot mix single quotes, double quotes and backticks');
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Sets `KEY=value` lines in a dotenv file: replaces the existing line of each
 * key, appends new ones, keeps every other line byte for byte. The file is
 * replaced atomically (temp file + fsync + rename), and writes from this
 * process are serialised.
 */
export function updateEnvFile(file: string, updates: Record<string, string>): Promise<void> {
  const run = queue.then(() => writeEnvFile(file, updates));
  queue = run.catch(() => undefined);
  return run;
}

async function writeEnvFile(file: string, updates: Record<string, string>): Promise<void> {
  const encoded = new Map<string, string>();
  for (const [key, value] of Object.entries(updates)) {
    if (!KEY_PATTERN.test(key)) throw new Error(`Refusing to write environment key ${JSON.stringify(key)}`);
    encoded.set(key, `${key}=${encodeEnvValue(value)}`);
  }

  let original = '';
  let mode = 0o600;
  try {
    original = await readFile(file, 'utf8');
    mode = (await stat(file)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  const lines = original === '' ? [] : original.replace(/\r?\n$/, '').split(/\r?\n/);
  const written = new Set<string>();
  const next = lines.map((line) => {
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
    if (!key || !encoded.has(key)) return line;
    written.add(key);
    return encoded.get(key)!;
  });
  for (const [key, line] of encoded) if (!written.has(key)) next.push(line);

  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(`${next.join('\n')}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
