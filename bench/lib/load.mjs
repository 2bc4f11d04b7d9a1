// Load generation for the benchmarks: autocannon in a child process, medians over interleaved runs.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./autocannon-child.mjs', import.meta.url));
export const RUNS = Math.max(3, Number(process.env.RUNS ?? 3));
export const SECONDS = Number(process.env.SECONDS ?? 4);

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One autocannon run from a separate process: { rps, p50, p99, errors }. */
export function cannon(url, { connections = 10, seconds = SECONDS, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, JSON.stringify({ url, connections, duration: seconds, headers })],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${url}: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

/**
 * Every target once per round, RUNS rounds, so drift on a shared machine hits all targets alike;
 * returns per target the median of each figure and the raw runs.
 * targets: [{ name, url, headers?, connections? }]
 */
export async function interleaved(targets, { runs = RUNS, seconds = SECONDS, onRun } = {}) {
  const all = new Map(targets.map((t) => [t.name, []]));
  for (let round = 0; round < runs; round++) {
    for (const target of targets) {
      const result = await cannon(target.url, { seconds, headers: target.headers, connections: target.connections });
      all.get(target.name).push(result);
      onRun?.(target, result, round);
    }
  }
  return Object.fromEntries(
    [...all].map(([name, results]) => [
      name,
      {
        rps: median(results.map((r) => r.rps)),
        p50: median(results.map((r) => r.p50)),
        p99: median(results.map((r) => r.p99)),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
        runs: results,
      },
    ]),
  );
}
