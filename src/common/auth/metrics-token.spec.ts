import { describe, expect, it } from 'vitest';
import { isMetricsToken } from './metrics-token';

describe('isMetricsToken', () => {
  const token = 'scrape-token-0123456789abcdef';

  it('accepts exactly "Bearer <configured token>" (scheme in any case)', () => {
    expect(isMetricsToken(`Bearer ${token}`, token)).toBe(true);
    expect(isMetricsToken(`bearer ${token}`, token)).toBe(true);
  });

  it('refuses other tokens, other schemes, prefixes and extensions of it', () => {
    for (const header of [`Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, token, 'Bearer ', '']) {
      expect(isMetricsToken(header, token), header).toBe(false);
    }
  });

  it('matches nothing when no token is configured', () => {
    expect(isMetricsToken('Bearer ', undefined)).toBe(false);
    expect(isMetricsToken(`Bearer ${token}`, undefined)).toBe(false);
    expect(isMetricsToken(`Bearer ${token}`, '')).toBe(false);
  });
});
