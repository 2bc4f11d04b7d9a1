import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** Reads a trimmed environment variable; empty counts as unset. */
export function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

export function envInt(name: string, fallback: number): number {
  const raw = env(name);
  return raw === undefined ? fallback : Number(raw);
}

export function envBool(name: string, fallback: boolean): boolean {
  const raw = env(name)?.toLowerCase();
  if (raw === undefined) return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw);
}

/**
 * For the few settings read before ConfigModule has loaded `.env` (the HTTP
 * adapter, the queue backend, Nest's logger): the environment first, then
 * the `.env` file, so both places work as they do for every other variable.
 */
export function bootEnv(name: string): string | undefined {
  const fromEnv = env(name);
  if (fromEnv !== undefined) return fromEnv;
  try {
    const fromFile = parseEnv(readFileSync(process.env.ENV_FILE || '.env', 'utf8'))[name]?.trim();
    return fromFile ? fromFile : undefined;
  } catch {
    return undefined;
  }
}
