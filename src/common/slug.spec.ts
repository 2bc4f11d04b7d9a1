import { describe, expect, it } from 'vitest';
import { claimDerivedSlug, numberedSlugs, randomSlug, SLUG_PATTERN } from './slug';

/** A fake store: `claimDerivedSlug` against a set of taken slugs, recording every insert tried. */
function store(taken: Iterable<string>) {
  const rows = new Set(taken);
  const tried: string[] = [];
  return {
    rows,
    tried,
    claim: (stem: string) =>
      claimDerivedSlug(
        stem,
        async (candidates) => candidates.filter((c) => rows.has(c)),
        async (slug) => {
          tried.push(slug);
          if (rows.has(slug)) return undefined;
          rows.add(slug);
          return { slug };
        },
      ),
  };
}

describe('derived slugs', () => {
  it('numbered candidates: the stem, then -2 … -9', () => {
    expect(numberedSlugs('my-app')).toEqual([
      'my-app',
      'my-app-2',
      'my-app-3',
      'my-app-4',
      'my-app-5',
      'my-app-6',
      'my-app-7',
      'my-app-8',
      'my-app-9',
    ]);
  });

  it('a random suffix is six characters and keeps the slug valid, even for the longest stem', () => {
    for (const stem of ['a', 'x'.repeat(50), 'y'.repeat(63), `${'z'.repeat(55)}-abc`]) {
      const slug = randomSlug(stem);
      expect(slug).toMatch(SLUG_PATTERN);
      expect(slug).toMatch(/-[a-z0-9]{6}$/);
      expect(slug).not.toMatch(/--/);
    }
  });

  it('takes the first free numbered candidate without trying the taken ones', async () => {
    const s = store(['my-app', 'my-app-2', 'my-app-4']);
    expect(await s.claim('my-app')).toEqual({ slug: 'my-app-3' });
    expect(s.tried).toEqual(['my-app-3']);
  });

  it('goes on with random suffixes once the numbered ones are taken: 500 claims, never a failure', async () => {
    const s = store([]);
    const slugs: string[] = [];
    for (let i = 0; i < 500; i++) slugs.push((await s.claim('same-name')).slug);
    expect(new Set(slugs).size).toBe(500);
    expect(slugs.slice(0, 9)).toEqual(numberedSlugs('same-name'));
    for (const slug of slugs.slice(9)) expect(slug).toMatch(/^same-name-[a-z0-9]{6}$/);
  });

  it('a candidate taken meanwhile (a unique violation) moves on to the next one', async () => {
    const rows = new Set<string>();
    const slug = await claimDerivedSlug(
      'race',
      async () => [],
      async (candidate) => {
        // Another request got there first for the first three.
        if (['race', 'race-2', 'race-3'].includes(candidate)) return undefined;
        rows.add(candidate);
        return candidate;
      },
    );
    expect(slug).toBe('race-4');
  });

  it('gives up (an error, not a loop) when every insert fails', async () => {
    let calls = 0;
    await expect(
      claimDerivedSlug(
        'stuck',
        async () => [],
        async () => {
          calls++;
          return undefined;
        },
      ),
    ).rejects.toThrow(/No free slug/);
    expect(calls).toBeGreaterThan(9);
    expect(calls).toBeLessThan(100);
  });
});
