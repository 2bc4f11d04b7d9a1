import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectsService } from '../src/projects/projects.service';
import { startApp, type TestApp } from './helpers/app';

interface ProjectBody {
  slug: string;
  name: string;
  description: string;
  status: string;
  health: string;
  icon: string;
  repository: string;
  monthly_spend: number;
  sla: string;
  build_progress: number;
  features: string[];
  team_id: string;
  created_at: string;
  updated_at: string;
}

interface ErrorBody {
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The body from the contract's POST /api/projects example. */
const CONTRACT_BODY = {
  name: 'Flutter Todo App',
  description: 'A simple todo list application',
  slug: 'flutter-todo',
  status: 'discovery',
  health: 'healthy',
  icon: '📱',
  repository: '',
  monthly_spend: 0,
  sla: '100%',
  build_progress: 0,
  features: ['auth', 'notifications'],
};

describe('projects', () => {
  let t: TestApp;
  let admin: string;
  let member: string;
  let viewer: string;
  let otherTeam: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    viewer = await t.tokenFor('viewer');
    otherTeam = await t.tokenFor('member', 'team-b');
  });
  afterAll(() => t?.close());

  const post = (payload: Record<string, unknown>, token = member) =>
    t.inject({ method: 'POST', url: '/api/projects', token, payload });
  const put = (slug: string, payload: Record<string, unknown>, token = member) =>
    t.inject({ method: 'PUT', url: `/api/projects/${slug}`, token, payload });
  const get = (slug: string, token = member) => t.inject({ method: 'GET', url: `/api/projects/${slug}`, token });
  const list = (query = '', token = member) => t.inject({ method: 'GET', url: `/api/projects${query}`, token });
  const remove = (slug: string, token = admin) => t.inject({ method: 'DELETE', url: `/api/projects/${slug}`, token });

  describe('create and read', () => {
    it('POST with the contract body returns 201 and the project', async () => {
      const res = await post(CONTRACT_BODY);
      expect(res.statusCode).toBe(201);
      const body = res.json<ProjectBody>();
      expect(body).toEqual({
        ...CONTRACT_BODY,
        team_id: 'default',
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updated_at: body.created_at,
      });
    });

    it('GET /api/projects/:slug returns it', async () => {
      const res = await get('flutter-todo', viewer);
      expect(res.statusCode).toBe(200);
      expect(res.json<ProjectBody>()).toMatchObject({ ...CONTRACT_BODY });
    });

    it('an explicit slug that exists is 409', async () => {
      const res = await post({ ...CONTRACT_BODY, name: 'Another name' });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().detail).toMatch(/flutter-todo/);
    });

    it('derives the slug from the name, with a suffix when it is taken, and fills the defaults', async () => {
      const first = await post({ name: 'Shop Ứng Dụng!' });
      expect(first.statusCode).toBe(201);
      expect(first.json<ProjectBody>()).toMatchObject({
        slug: 'shop-ung-dung',
        name: 'Shop Ứng Dụng!',
        description: '',
        status: 'discovery',
        health: 'healthy',
        icon: '',
        repository: '',
        monthly_spend: 0,
        sla: '',
        build_progress: 0,
        features: [],
      });
      const second = await post({ name: 'Shop ung dung' });
      expect(second.statusCode).toBe(201);
      expect(second.json<ProjectBody>().slug).toBe('shop-ung-dung-2');
    });

    it('GET of an unknown slug is 404; a malformed slug is 400', async () => {
      const missing = await get('no-such-project');
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorBody>().detail).toMatch(/not found/i);
      expect((await get('bad.slug')).statusCode).toBe(400);
      // Capitals are read as lower case (as in bodies), so this is a well-formed slug that names nothing.
      expect((await get('No-Such-Project')).statusCode).toBe(404);
    });

    it('accepts features_json, a JSON array in a string', async () => {
      const res = await post({ name: 'Json Features', features_json: '["chat", " maps "]' });
      expect(res.statusCode).toBe(201);
      expect(res.json<ProjectBody>().features).toEqual(['chat', 'maps']);
    });

    it('features wins over features_json when both are given', async () => {
      const res = await post({ name: 'Both Features', features: ['a'], features_json: '["b"]' });
      expect(res.statusCode).toBe(201);
      expect(res.json<ProjectBody>().features).toEqual(['a']);
    });

    it('accepts an http(s) repository URL', async () => {
      const res = await post({
        name: 'With Repo',
        repository: 'https://github.com/acme/with-repo',
        monthly_spend: 12.5,
        build_progress: 40,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<ProjectBody>()).toMatchObject({
        repository: 'https://github.com/acme/with-repo',
        monthly_spend: 12.5,
        build_progress: 40,
      });
    });
  });

  describe('list', () => {
    it('lists newest first with X-Total-Count, limit and offset', async () => {
      const all = await list();
      expect(all.statusCode).toBe(200);
      const items = all.json<ProjectBody[]>();
      expect(Number(all.headers['x-total-count'])).toBe(items.length);
      expect(items.length).toBeGreaterThanOrEqual(5);
      const created = items.map((p) => p.created_at);
      expect(created).toEqual([...created].sort().reverse());
      expect(items.at(-1)!.slug).toBe('flutter-todo');

      const page = await list('?limit=2&offset=1');
      expect(page.statusCode).toBe(200);
      expect(page.json<ProjectBody[]>().map((p) => p.slug)).toEqual(items.slice(1, 3).map((p) => p.slug));
      expect(page.headers['x-total-count']).toBe(String(items.length));
    });

    it('filters by status', async () => {
      await post({ name: 'Blocked One', status: 'blocked' });
      const res = await list('?status=blocked');
      expect(res.json<ProjectBody[]>().map((p) => p.slug)).toEqual(['blocked-one']);
    });

    it('rejects a bad limit or offset', async () => {
      for (const query of ['?limit=0', '?limit=1001', '?offset=-1', '?limit=abc', '?status=done']) {
        expect((await list(query)).statusCode, query).toBe(400);
      }
    });
  });

  describe('PUT upsert', () => {
    it('creating needs a name (400)', async () => {
      const res = await put('upserted', { description: 'no name' });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors?.map((e) => e.field)).toContain('name');
      expect((await get('upserted')).statusCode).toBe(404);
    });

    it('creates the project with that slug (201), then updates only the given fields (200)', async () => {
      const created = await put('upserted', { name: 'Upserted', features: ['auth'], sla: '99.9%' });
      expect(created.statusCode).toBe(201);
      const first = created.json<ProjectBody>();
      expect(first).toMatchObject({
        slug: 'upserted',
        name: 'Upserted',
        status: 'discovery',
        features: ['auth'],
        sla: '99.9%',
      });

      const updated = await put('upserted', { status: 'production', build_progress: 100, health: 'warning' });
      expect(updated.statusCode).toBe(200);
      const second = updated.json<ProjectBody>();
      expect(second).toEqual({
        ...first,
        status: 'production',
        build_progress: 100,
        health: 'warning',
        updated_at: expect.any(String),
      });
      expect(second.updated_at >= first.updated_at).toBe(true);
      expect((await get('upserted')).json<ProjectBody>()).toEqual(second);
    });

    it('an update can rename and replace features through features_json', async () => {
      const res = await put('upserted', { name: 'Renamed', features_json: '["x","y"]' });
      expect(res.statusCode).toBe(200);
      expect(res.json<ProjectBody>()).toMatchObject({ slug: 'upserted', name: 'Renamed', features: ['x', 'y'] });
    });

    it('a slug in the body must match the URL', async () => {
      const res = await put('upserted', { slug: 'something-else' });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors?.map((e) => e.field)).toContain('slug');
      expect((await put('upserted', { slug: 'upserted', icon: '🚀' })).statusCode).toBe(200);
    });

    it('validates the body like POST', async () => {
      const res = await put('upserted', { build_progress: 101 });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().errors?.map((e) => e.field)).toEqual(['build_progress']);
    });
  });

  describe('validation: 400 with field errors, nothing created', () => {
    const long = (n: number) => 'x'.repeat(n);
    const cases: [string, Record<string, unknown>, string][] = [
      ['missing name', { description: 'x' }, 'name'],
      ['empty name', { name: '   ' }, 'name'],
      ['name over 100', { name: long(101) }, 'name'],
      ['name not a string', { name: 5 }, 'name'],
      ['description over 5000', { name: 'v', description: long(5001) }, 'description'],
      ['unknown status', { name: 'v', status: 'done' }, 'status'],
      ['unknown health', { name: 'v', health: 'ok' }, 'health'],
      ['negative monthly_spend', { name: 'v', monthly_spend: -1 }, 'monthly_spend'],
      ['monthly_spend as a string', { name: 'v', monthly_spend: '5' }, 'monthly_spend'],
      ['build_progress over 100', { name: 'v', build_progress: 101 }, 'build_progress'],
      ['negative build_progress', { name: 'v', build_progress: -1 }, 'build_progress'],
      ['fractional build_progress', { name: 'v', build_progress: 1.5 }, 'build_progress'],
      ['ftp repository', { name: 'v', repository: 'ftp://example.com/repo' }, 'repository'],
      ['repository without protocol', { name: 'v', repository: 'github.com/acme/app' }, 'repository'],
      ['repository not a URL', { name: 'v', repository: 'not a url' }, 'repository'],
      ['icon over 16', { name: 'v', icon: long(17) }, 'icon'],
      ['sla over 16', { name: 'v', sla: long(17) }, 'sla'],
      ['features not an array', { name: 'v', features: 'auth' }, 'features'],
      ['more than 50 features', { name: 'v', features: Array.from({ length: 51 }, (_, i) => `f${i}`) }, 'features'],
      ['a feature over 100', { name: 'v', features: [long(101)] }, 'features'],
      ['a feature not a string', { name: 'v', features: [1] }, 'features'],
      ['features_json not JSON', { name: 'v', features_json: '["auth",' }, 'features_json'],
      ['features_json not an array', { name: 'v', features_json: '{"a":1}' }, 'features_json'],
      ['features_json with a non-string', { name: 'v', features_json: '["a", 2]' }, 'features_json'],
      ['malformed slug', { name: 'v', slug: 'Bad Slug' }, 'slug'],
      ['unknown field', { name: 'v', owner: 'me' }, 'owner'],
      ['team_id is not settable', { name: 'v', team_id: 'other' }, 'team_id'],
    ];

    for (const [what, payload, field] of cases) {
      it(what, async () => {
        const res = await post(payload);
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json<ErrorBody>();
        expect(body.detail).toBeTruthy();
        expect(body.errors?.map((e) => e.field)).toContain(field);
      });
    }

    it('invalid JSON in features_json says so', async () => {
      const res = await post({ name: 'v', features_json: 'not json' });
      expect(res.json<ErrorBody>().errors).toEqual([
        { field: 'features_json', message: 'features_json is not valid JSON' },
      ]);
    });

    it('nothing was created by the rejected requests', async () => {
      expect((await get('v')).statusCode).toBe(404);
    });

    it('an empty repository is fine', async () => {
      expect((await post({ name: 'Empty Repo', repository: '' })).statusCode).toBe(201);
    });
  });

  describe('roles and teams', () => {
    it('a viewer can read but not write', async () => {
      expect((await list('', viewer)).statusCode).toBe(200);
      expect((await post({ name: 'By viewer' }, viewer)).statusCode).toBe(403);
      expect((await put('flutter-todo', { sla: '1%' }, viewer)).statusCode).toBe(403);
    });

    it('deleting needs the admin role', async () => {
      expect((await remove('shop-ung-dung-2', member)).statusCode).toBe(403);
      expect((await get('shop-ung-dung-2')).statusCode).toBe(200);
      const res = await remove('shop-ung-dung-2', admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ deleted: true });
      expect((await get('shop-ung-dung-2')).statusCode).toBe(404);
      expect((await remove('shop-ung-dung-2', admin)).statusCode).toBe(404);
    });

    it("another team's member sees none of this team's projects (404 on each)", async () => {
      const theirs = await list('', otherTeam);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.json<ProjectBody[]>()).toEqual([]);
      expect(theirs.headers['x-total-count']).toBe('0');
      expect((await get('flutter-todo', otherTeam)).statusCode).toBe(404);
    });

    it('another team cannot take over a project through PUT (409), and its own projects are its own', async () => {
      const res = await put('flutter-todo', { name: 'Hijack' }, otherTeam);
      expect(res.statusCode).toBe(409);
      expect((await get('flutter-todo')).json<ProjectBody>().name).toBe('Flutter Todo App');

      const own = await post({ name: 'Team B Project' }, otherTeam);
      expect(own.statusCode).toBe(201);
      expect(own.json<ProjectBody>().team_id).toBe('team-b');
      expect((await get('team-b-project')).statusCode).toBe(404);
      expect((await list('', otherTeam)).json<ProjectBody[]>().map((p) => p.slug)).toEqual(['team-b-project']);
    });

    it('an admin sees every team and can filter with ?team_id=', async () => {
      const all = (await list('', admin)).json<ProjectBody[]>();
      expect(new Set(all.map((p) => p.team_id))).toEqual(new Set(['default', 'team-b']));
      const teamB = (await list('?team_id=team-b', admin)).json<ProjectBody[]>();
      expect(teamB.map((p) => p.slug)).toEqual(['team-b-project']);
      expect((await get('team-b-project', admin)).statusCode).toBe(200);
      // A non-admin's ?team_id= is ignored: still only their own team.
      expect((await list('?team_id=team-b', member)).json<ProjectBody[]>().every((p) => p.team_id === 'default')).toBe(
        true,
      );
    });
  });

  describe('service API for other modules', () => {
    it('countByStatus counts per status, zero-filled, for one team or all', async () => {
      const service = t.app.get(ProjectsService);
      const teamB = await service.countByStatus('team-b');
      expect(teamB).toEqual({ discovery: 1, development: 0, production: 0, blocked: 0 });
      const all = await service.countByStatus();
      const listed = (await list('?limit=1000', admin)).json<ProjectBody[]>();
      for (const status of ['discovery', 'development', 'production', 'blocked'] as const) {
        expect(all[status], status).toBe(listed.filter((p) => p.status === status).length);
      }
      expect(all.production).toBe(1);
      expect(all.blocked).toBe(1);
    });

    it('clearAll removes every project', async () => {
      await t.app.get(ProjectsService).clearAll();
      expect((await list('', admin)).json()).toEqual([]);
    });
  });
});
