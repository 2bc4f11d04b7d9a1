import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app';
import {
  buildRequest,
  caseArb,
  changedTables,
  createFixtures,
  dbDigest,
  describeExchange,
  mintTokens,
  problemKind,
  registeredWriteRoutes,
  responseProblems,
  rowCounts,
  send,
  settledDigest,
  startBadInputApp,
  WRITE_ROUTES,
  type Digest,
  type Tokens,
} from './helpers/bad-input';

/**
 * Property-based bad input (issue 7): fast-check throws generated bodies, path
 * segments, query strings, content types and tokens at every write route and
 * checks every single request:
 * - the status is below 500;
 * - an error (>= 400) is JSON with a string `detail`;
 * - no stack trace, `node_modules`, `.ts:` location, absolute path of the repo
 *   or the temp dir, admin key or JWT secret is in the body;
 * - a rejected request (>= 400) changed no row of jobs, job_phases, projects,
 *   providers, agent_configs, settings, checkpoints, experiences, nor `.env`.
 *
 * Every run of a route is executed; the test then fails listing each distinct
 * problem once with one example request (rather than stopping at the first,
 * which would let one bug hide the others). Reproduce with BAD_INPUT_SEED=<seed
 * from the message>; BAD_INPUT_RUNS sets the runs per route (default 50).
 */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 50);
const BASE_SEED = process.env.BAD_INPUT_SEED ? Number(process.env.BAD_INPUT_SEED) : Date.now() % 2 ** 31;

describe('bad input: generated requests on every write route', () => {
  let t: TestApp;
  let tokens: Tokens;
  const statuses: Record<string, Record<number, number>> = {};

  beforeAll(async () => {
    t = await startBadInputApp();
    tokens = await mintTokens(t);
    await createFixtures(t, tokens.admin);
  });

  afterAll(async () => {
    if (t) {
      const counts = await rowCounts(t).catch(() => ({}));
      console.log(
        `[bad-input property] seed ${BASE_SEED}, ${RUNS} runs per route; status codes seen:\n` +
          Object.entries(statuses)
            .map(([route, byStatus]) => `  ${route.padEnd(40)} ${JSON.stringify(byStatus)}`)
            .join('\n') +
          `\n  rows at the end: ${JSON.stringify(counts)}`,
      );
    }
    await t?.close();
  });

  it('the route table covers every registered POST/PUT/PATCH/DELETE route', () => {
    const covered = WRITE_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(covered).toEqual(registeredWriteRoutes(t));
  });

  WRITE_ROUTES.forEach((route, index) => {
    const name = `${route.method} ${route.path}`;
    it(`${name}: never a 5xx, a leak or a row written by a rejected request`, async () => {
      const seen: Record<number, number> = (statuses[name] = {});
      const found = new Map<string, { count: number; example: string }>();
      const seed = BASE_SEED + index;
      // The state after the last request, when nothing can still be writing (it was rejected).
      let quiet: Digest | undefined;
      await fc.assert(
        fc.asyncProperty(caseArb(route), async (c) => {
          const sent = buildRequest(route, c, tokens);
          const before = quiet ?? (await settledDigest(t));
          const res = await send(t, sent);
          seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
          const problems = responseProblems(t, res, sent);
          quiet = undefined;
          if (res.statusCode >= 400) {
            const after = await dbDigest(t);
            const changed = changedTables(before, after);
            if (changed.length) problems.push(`rejected request changed: ${changed.join(', ')}`);
            quiet = after;
          }
          for (const problem of problems) {
            const kind = problemKind(problem, res);
            const entry = found.get(kind) ?? { count: 0, example: `(${c.body.label}) ${describeExchange(sent, res)}` };
            entry.count++;
            found.set(kind, entry);
          }
        }),
        { numRuns: RUNS, seed },
      );
      const report = [...found.entries()].map(([kind, { count, example }]) => `${kind} ×${count}\n  e.g. ${example}`);
      expect(report, `${name}, seed ${seed}:\n${report.join('\n')}`).toEqual([]);
    });
  });
});
