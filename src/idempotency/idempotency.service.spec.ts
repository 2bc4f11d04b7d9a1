import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './idempotency.service';

describe('fingerprintOf', () => {
  it('the same request hashes the same whatever the order of its keys, absent and undefined alike', () => {
    const a = fingerprintOf({ route: 'POST /api/jobs', body: { name: 'A', features: ['x', 'y'], slug: undefined } });
    const b = fingerprintOf({ body: { features: ['x', 'y'], name: 'A' }, route: 'POST /api/jobs' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('any difference in values, list order, types or route is another request', () => {
    const base = fingerprintOf({ route: 'POST /api/jobs', body: { name: 'A', features: ['x', 'y'] } });
    for (const other of [
      { route: 'POST /api/jobs', body: { name: 'B', features: ['x', 'y'] } },
      { route: 'POST /api/jobs', body: { name: 'A', features: ['y', 'x'] } },
      { route: 'POST /api/jobs', body: { name: 'A', features: 'x,y' } },
      { route: 'POST /api/jobs/:slug/retry', body: { name: 'A', features: ['x', 'y'] } },
    ]) {
      expect(fingerprintOf(other), JSON.stringify(other)).not.toBe(base);
    }
  });
});
