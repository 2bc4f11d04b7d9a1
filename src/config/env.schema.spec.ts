import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_RULES, envProblems } from './env.schema';

describe('the environment schema', () => {
  it('has a rule for every variable of .env.example, and no rule for a variable it lacks', () => {
    const text = readFileSync('.env.example', 'utf8');
    // Listed ones (NAME=) and documented optional ones (# NAME=).
    const listed = new Set([...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect([...listed].filter((name) => !(name in ENV_RULES))).toEqual([]);
    expect(Object.keys(ENV_RULES).filter((name) => !listed.has(name))).toEqual([]);
  });

  it('accepts the defaults of .env.example', () => {
    const text = readFileSync('.env.example', 'utf8');
    const values = Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(envProblems(values)).toEqual([]);
  });

  it('names the variable, what it accepts and what it got', () => {
    expect(envProblems({ LOG_LEVEL: 'verbose' })).toEqual([
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal or silent (got "verbose")',
    ]);
    expect(envProblems({ TOKEN_RATE_LIMIT: 'abc' })).toEqual([
      'TOKEN_RATE_LIMIT must be a whole number from 1 to 1000000 (got "abc")',
    ]);
    expect(envProblems({ PORT: '99999', TRUST_PROXY: 'sometimes' })).toEqual([
      'PORT must be a whole number from 1 to 65535 (got "99999")',
      'TRUST_PROXY must be true or false (1/0, yes/no and on/off also work) (got "sometimes")',
    ]);
  });

  it('treats empty and blank values as unset', () => {
    expect(
      envProblems({
        PORT: '',
        LOG_LEVEL: '   ',
        APP_ENV: ' production ',
        JWT_SECRET: 'x'.repeat(32),
        ADMIN_API_KEY: 'k',
      }),
    ).toEqual([]);
  });

  it('never echoes a secret or a URL that may hold a password', () => {
    const problems = envProblems({
      DATABASE_URL: 'mysql://root:hunter2@db/app',
      METRICS_TOKEN: 'short secret',
      REDIS_URL: 'tcp://:pass-word@redis',
    }).join('\n');
    expect(problems).toMatch(/DATABASE_URL must be a postgres/);
    expect(problems).toMatch(/METRICS_TOKEN must be 16-512 printable characters/);
    expect(problems).toMatch(/REDIS_URL must be a redis/);
    for (const secret of ['hunter2', 'short secret', 'pass-word']) expect(problems).not.toContain(secret);
  });

  it('uses the settings rules for the settings mirrors', () => {
    expect(envProblems({ HITL_CHECKPOINTS: 'ba,deploy', DAILY_COST_LIMIT: '-1' })).toEqual([
      'DAILY_COST_LIMIT must be a number from 0 to 1000000 with at most 4 decimals (got "-1")',
      'HITL_CHECKPOINTS has unknown phase names: deploy (got "ba,deploy")',
    ]);
  });

  it('checks CORS origins one by one', () => {
    expect(envProblems({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' })).toEqual([]);
    expect(envProblems({ CORS_ORIGINS: '*' })).toEqual([]);
    expect(envProblems({ CORS_ORIGINS: 'app.example.com' })[0]).toMatch(/^CORS_ORIGINS must be \*/);
  });
});
