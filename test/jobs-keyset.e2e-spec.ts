import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../src/jobs/job.entity';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient, TERMINAL, type JobBody } from './helpers/jobs';

interface Page<T> {
  items: T[];
  next: string | undefined;
  link: string | undefined;
  total: number;
}

/** 45 jobs over two teams, created in pairs at the same instant, so the slug has to break ties. */
function seededJobs(): Job[] {
  const start = Date.parse('2026-11-01T00:00:00.000Z');
  return Array.from({ length: 45 }, (_, i) => {
    const at = new Date(start + Math.floor(i / 2) * 60_000).toISOString();
    return {
      slug: `seed-${String(i).padStart(2, '0')}-${(i * 7919) % 97}`,
      name: `Seed ${i}`,
      description: 'seeded',
      platform: 'android,ios',
      style: 'modern',
      backend: 'none',
      features: [],
      checkpoints: [],
      status: i % 4 === 0 ? 'failed' : 'succeeded',
      current_phase: null,
      error: null,
      cancel_requested: false,
      generator: 'builtin',
      cost_usd: 0,
      team_id: i % 5 === 0 ? 'team-b' : 'default',
      artifact: null,
      worker_id: null,
      lease_until: null,
      created_at: at,
      updated_at: at,
      started_at: null,
      finished_at: null,
    };
  });
}

/** Newest first, ties by slug descending: the order the API promises. */
const newestFirst = (a: Pick<Job, 'created_at' | 'slug'>, b: Pick<Job, 'created_at' | 'slug'>): number =>
  b.created_at.localeCompare(a.created_at) || b.slug.localeCompare(a.slug);

describe('keyset paging (?after=) of the job and project lists', () => {
  let t: TestApp;
  let admin: string;
  let jobs: JobsClient;
  const seeded = seededJobs();
  const posted: string[] = [];

  async function page<T>(url: string, token = admin): Promise<Page<T>> {
    const res = await t.inject({ method: 'GET', url, token });
    if (res.statusCode !== 200) throw new Error(`GET ${url} got ${res.statusCode}: ${res.body}`);
    const header = (name: string) => res.headers[name] as string | undefined;
    return {
      items: res.json<T[]>(),
      next: header('x-next-cursor'),
      link: header('link'),
      total: Number(header('x-total-count')),
    };
  }

  beforeAll(async () => {
    t = await startApp({ JOB_RATE_LIMIT: '1000' });
    admin = await t.tokenFor('admin');
    jobs = new JobsClient(t, admin);
    await t.app.get(DataSource).getRepository(Job).insert(seeded);
  });

  afterAll(async () => {
    for (const slug of posted) await jobs.waitForStatus(slug, TERMINAL, 60_000).catch(() => undefined);
    await t?.close();
  });

  it('walking every page with after yields each job once, in order, while new jobs arrive between pages', async () => {
    const seen: JobBody[] = [];
    let url = '/api/jobs?limit=7';
    let pages = 0;
    for (;;) {
      const p = await page<JobBody>(url);
      seen.push(...p.items);
      pages += 1;
      if (!p.next) {
        expect(p.link).toBeUndefined();
        break;
      }
      expect(p.items).toHaveLength(7);
      // Link carries the same query with the cursor, so a client can just follow it.
      expect(p.link).toBe(`</api/jobs?limit=7&after=${p.next}>; rel="next"`);
      // A job created now is newer than every page walked so far: it must neither shift nor repeat the walk.
      posted.push((await jobs.create({ name: `Arrived during page ${pages}` })).slug);
      url = `/api/jobs?limit=7&after=${encodeURIComponent(p.next)}`;
    }
    const expected = [...seeded].sort(newestFirst).map((j) => j.slug);
    expect(seen.map((j) => j.slug)).toEqual(expected);
    expect(new Set(seen.map((j) => j.slug)).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seeded.length / 7));
    // The jobs that arrived meanwhile are all on a fresh first page.
    const first = await page<JobBody>(`/api/jobs?limit=${posted.length}`);
    expect(first.items.map((j) => j.slug).sort()).toEqual([...posted].sort());
    expect(first.total).toBe(seeded.length + posted.length);
  });

  it('pages by cursor and by offset agree, and a cursor continues an offset page', async () => {
    const all = (await page<JobBody>('/api/jobs?limit=1000')).items.map((j) => j.slug);
    const byOffset = await page<JobBody>('/api/jobs?limit=10&offset=20');
    expect(byOffset.items.map((j) => j.slug)).toEqual(all.slice(20, 30));
    expect(byOffset.link).toBe(`</api/jobs?limit=10&after=${byOffset.next}>; rel="next"`);
    const after = await page<JobBody>(`/api/jobs?limit=10&after=${byOffset.next}`);
    expect(after.items.map((j) => j.slug)).toEqual(all.slice(30, 40));
  });

  it('keeps the team scope and the status filter on every page', async () => {
    const member = await t.tokenFor('viewer', 'team-b');
    const seen: string[] = [];
    let url = '/api/jobs?limit=2';
    for (;;) {
      const p = await page<JobBody>(url, member);
      seen.push(...p.items.map((j) => j.slug));
      if (!p.next) break;
      url = `/api/jobs?limit=2&after=${p.next}`;
    }
    expect(seen).toEqual(
      seeded
        .filter((j) => j.team_id === 'team-b')
        .sort(newestFirst)
        .map((j) => j.slug),
    );

    const failed: string[] = [];
    url = '/api/jobs?status=failed&limit=4';
    for (;;) {
      const p = await page<JobBody>(url);
      expect(p.items.every((j) => j.status === 'failed')).toBe(true);
      failed.push(...p.items.map((j) => j.slug));
      if (!p.next) break;
      expect(p.link).toContain('status=failed');
      url = `/api/jobs?status=failed&limit=4&after=${p.next}`;
    }
    expect(failed).toEqual(
      seeded
        .filter((j) => j.status === 'failed')
        .sort(newestFirst)
        .map((j) => j.slug),
    );
  });

  it('after with offset, or a cursor the API did not hand out, is a 400 with a detail', async () => {
    const { next } = await page<JobBody>('/api/jobs?limit=5');
    const bad = [
      `/api/jobs?after=${next}&offset=5`,
      '/api/jobs?after=not-a-cursor',
      '/api/jobs?after=',
      `/api/jobs?after=${Buffer.from('{"created_at":1}').toString('base64url')}`,
      `/api/jobs?after=${Buffer.from('["2026-11-01T00:00:00.000Z"]').toString('base64url')}`,
      `/api/jobs?after=${'A'.repeat(2000)}`,
      '/api/jobs?after=%E2%9C%93',
      `/api/projects?after=${next}&offset=1`,
      '/api/projects?after=nope!',
    ];
    for (const url of bad) {
      const res = await t.inject({ method: 'GET', url, token: admin });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      const { detail } = res.json<{ detail: string }>();
      expect(detail).toMatch(/after/);
    }
    const both = await t.inject({ method: 'GET', url: `/api/jobs?after=${next}&offset=5`, token: admin });
    expect(both.json<{ detail: string }>().detail).toMatch(/offset/);
  });

  it('GET /api/projects walks the same way', async () => {
    const member = await t.tokenFor('member');
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/projects',
        token: member,
        payload: { name: `Project ${i}`, description: 'keyset' },
      });
      expect(res.statusCode).toBe(201);
      created.push(res.json<{ slug: string }>().slug);
    }
    const seen: { slug: string; created_at: string }[] = [];
    let url = '/api/projects?limit=3';
    for (;;) {
      const p = await page<{ slug: string; created_at: string }>(url);
      seen.push(...p.items);
      if (!p.next) break;
      expect(p.link).toBe(`</api/projects?limit=3&after=${p.next}>; rel="next"`);
      url = `/api/projects?limit=3&after=${p.next}`;
    }
    expect(seen.map((p) => p.slug).sort()).toEqual([...created].sort());
    expect(seen).toEqual([...seen].sort(newestFirst));
  });

  it('the OpenAPI document describes the after parameter and the paging headers', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/docs-json' })).json<{
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>;
    }>();
    for (const path of ['/api/jobs', '/api/projects']) {
      const op = doc.paths[path].get;
      expect(op.parameters.map((p) => p.name)).toContain('after');
      expect(JSON.stringify(op.responses['200'])).toContain('X-Next-Cursor');
    }
  });
});
