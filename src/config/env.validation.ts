import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { envProblems } from './env.schema';

/** A configuration problem found at boot: one line, naming the variable; the stack would only add server paths. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Checks the raw environment at boot (see env.schema.ts) so a misconfigured
 * service refuses to start with one line naming each bad variable and what it
 * accepts, instead of failing later.
 */
export function validateEnv(raw: Record<string, unknown>): Record<string, unknown> {
  const problems = envProblems(raw);
  if (problems.length) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return raw;
}

/** What ConfigModule will see: the `.env` file (ENV_FILE), overridden by the real environment. */
export function bootEnvironment(): Record<string, string | undefined> {
  let fromFile: Record<string, string | undefined> = {};
  try {
    fromFile = parseEnv(readFileSync(process.env.ENV_FILE || '.env', 'utf8'));
  } catch {
    // no .env file: the environment alone
  }
  return { ...fromFile, ...process.env };
}

/** Validates before anything else is built (the logger, the HTTP adapter), so a bad value fails in milliseconds. */
export function validateBootEnvironment(): void {
  validateEnv(bootEnvironment());
}
