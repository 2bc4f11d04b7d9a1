import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// semver comes with fastify (and npm); it is what npm itself uses to read `engines`.
const semver = createRequire(__filename)('semver') as {
  intersects(a: string, b: string): boolean;
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface LockPackage {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

/**
 * `engines.node` of package.json states what the runtime dependencies need:
 * every Node version it admits is one every installed runtime dependency
 * declares it runs on (pinned versions and `overrides` keep them on Node 20),
 * and the Node running the tests (CI's) is one of them.
 */
describe('engines', () => {
  it('every runtime dependency runs on the Node versions package.json admits, this one included', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } };
    const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
    const ours = pkg.engines.node;
    expect(semver.satisfies(process.versions.node, ours), `Node ${process.versions.node} vs engines ${ours}`).toBe(
      true,
    );

    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path || entry.dev || Array.isArray(entry.engines) || !entry.engines?.node) continue;
      const theirs = entry.engines.node;
      // Each major line we admit must sit inside what the dependency admits.
      for (const major of ours.split('||').map((r) => r.trim())) {
        const lowest = semver.minVersion(major)!.version;
        if (!semver.satisfies(lowest, theirs))
          refusing.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants ${theirs}, not ${lowest}`);
      }
    }
    expect(refusing).toEqual([]);
  });

  it('the README names the Node version', async () => {
    const readme = await readFile(join('README.md'), 'utf8');
    expect(readme).toMatch(/Node\.js 20\.19/);
  });
});
