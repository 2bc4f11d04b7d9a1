import { describe, expect, it } from 'vitest';
import { fillPath } from './location';

describe('fillPath', () => {
  it('fills the template from the answer, encoding each value', () => {
    expect(fillPath('/api/jobs/:slug', { slug: 'todo_app', name: 'x' })).toBe('/api/jobs/todo_app');
    expect(fillPath('/api/providers/:name', { name: 'a b/c' })).toBe('/api/providers/a%20b%2Fc');
  });

  it('gives nothing when a field is missing, empty or not a string', () => {
    expect(fillPath('/api/jobs/:slug', { name: 'x' })).toBeUndefined();
    expect(fillPath('/api/jobs/:slug', { slug: '' })).toBeUndefined();
    expect(fillPath('/api/jobs/:slug', { slug: 1 })).toBeUndefined();
    expect(fillPath('/api/jobs/:slug', null)).toBeUndefined();
  });
});
