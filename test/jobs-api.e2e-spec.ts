import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient, PHASES, type JobBody, type LogLine, type PhaseDetail } from './helpers/jobs';

const JOB_FIELDS = [
  'slug',
  'name',
  'description',
  'platform',
  'style',
  'backend',
  'features',
  'checkpoints',
  'status',
  'current_phase',
  'progress',
  'phases',
  'error',
  'cancel_requested',
  'generator',
  'cost_usd',
  'download_url',
  'team_id',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
];

const AGENTS: Record<string, string> = {
  create: 'brief_agent',
  ba: 'ba_agent',
  backend: 'backend_agent',
  architect: 'architect_agent',
  uiux: 'uiux_agent',
  dev: 'dev_agent',
  qa: 'qa_agent',
  refactor: 'refactor_agent',
  repair: 'refactor_agent',
  runtime: 'runtime_agent',
  security: 'security_agent',
  reviewer: 'reviewer_agent',
  export: 'export_agent',
};

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe('Jobs API', () => {
  let t: TestApp;
  let admin: JobsClient;
  let member: JobsClient;
  let viewer: JobsClient;
  /** The job most tests read, run to the end once. */
  let done: JobBody;

  beforeAll(async () => {
    // No Flutter SDK: the runtime phase is skipped whatever the machine has on PATH.
    t = await startApp({ MAX_PARALLEL_JOBS: '4', FLUTTER_BIN: '/nonexistent/flutter' });
    admin = new JobsClient(t, await t.tokenFor('admin'));
    member = new JobsClient(t, await t.tokenFor('member'));
    viewer = new JobsClient(t, await t.tokenFor('viewer'));
  });
  afterAll(() => t?.close());

  /** No response may name a server path. */
  const expectNoServerPaths = (body: string) => {
    expect(body).not.toContain(t.dir);
    expect(body).not.toContain('generated_apps');
  };

  describe('POST /api/jobs', () => {
    it('answers 202 with the complete job object and its defaults', async () => {
      const res = await member.post({ name: 'My App', description: 'A todo list app' });
      expect(res.statusCode).toBe(202);
      expectNoServerPaths(res.body);
      const job = res.json<JobBody>();
      expect(Object.keys(job).sort()).toEqual([...JOB_FIELDS].sort());
      expect(job).toMatchObject({
        slug: 'my-app',
        name: 'My App',
        description: 'A todo list app',
        platform: 'android,ios',
        style: 'modern',
        backend: 'none',
        features: [],
        checkpoints: [],
        error: null,
        cancel_requested: false,
        generator: 'builtin',
        cost_usd: 0,
        download_url: null,
        team_id: 'default',
        finished_at: null,
      });
      expect(['queued', 'running']).toContain(job.status);
      expect(job.progress).toBeGreaterThanOrEqual(0);
      expect(job.progress).toBeLessThan(100);
      expect(Object.keys(job.phases)).toEqual([...PHASES]);
      expect(job.created_at).toMatch(ISO);
      expect(job.updated_at).toMatch(ISO);

      done = await member.waitForSuccess('my-app');
    });

    it('the finished job has progress 100, timestamps, a download URL and no server paths', async () => {
      expect(done.status).toBe('succeeded');
      expect(done.progress).toBe(100);
      expect(done.current_phase).toBeNull();
      expect(done.error).toBeNull();
      expect(done.download_url).toBe('/api/jobs/my-app/download');
      expect(done.started_at).toMatch(ISO);
      expect(done.finished_at).toMatch(ISO);
      expect(done.finished_at! >= done.started_at!).toBe(true);
      expect(done.started_at! >= done.created_at).toBe(true);
      for (const url of [
        '/api/jobs/my-app',
        '/api/jobs',
        '/api/jobs/my-app/phases?detail=true',
        '/api/jobs/my-app/logs',
        '/api/jobs/my-app/code/tree',
      ]) {
        const res = await t.inject({ method: 'GET', url, token: admin.token });
        expect(res.statusCode, url).toBe(200);
        expectNoServerPaths(res.body);
      }
    });

    it.each([
      ['name too long', { name: 'x'.repeat(101) }, 'name'],
      ['empty name', { name: '   ' }, 'name'],
      ['empty description', { description: '' }, 'description'],
      ['unknown platform', { platform: 'android,blackberry' }, 'platform'],
      ['21 features', { features: Array.from({ length: 21 }, (_, i) => `feature ${i + 1}`) }, 'features'],
      ['a 41-character feature', { features: ['ok', 'f'.repeat(41)] }, 'features'],
      ['slug with a path', { slug: '../x' }, 'slug'],
      // Capitals are lower-cased and "_" is allowed (test/dashboard-clients): a space or a dot is still refused.
      ['slug with a space', { slug: 'my app' }, 'slug'],
      ['slug with a dot', { slug: 'my.app' }, 'slug'],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['an unknown checkpoint phase', { checkpoints: ['dev', 'deploy'] }, 'checkpoints'],
      ['description too long', { description: 'd'.repeat(5001) }, 'description'],
      ['a 64-character slug', { slug: 'a'.repeat(64) }, 'slug'],
      ['features that are not strings', { features: [1, 2] }, 'features'],
      ['features as an object', { features: { a: 1 } }, 'features'],
    ])('400 with errors[] for %s', async (_, patch, field) => {
      const before = Number((await admin.list()).headers['x-total-count']);
      const res = await member.post({ name: 'Valid Name', description: 'Valid description', ...patch });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ detail: string; errors: { field: string; message: string }[] }>();
      expect(typeof body.detail).toBe('string');
      expect(body.errors.length).toBeGreaterThan(0);
      expect(body.errors.map((e) => e.field)).toContain(field);
      expect(Number((await admin.list()).headers['x-total-count'])).toBe(before);
    });

    it('a missing name or description is a 400 naming the field', async () => {
      const res = await member.post({});
      expect(res.statusCode).toBe(400);
      const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'description']));
    });

    it('takes features as a comma string or as an array, trimmed', async () => {
      const a = await member.create({ name: 'Features String', features: ' auth , todo list,,' });
      const b = await member.create({ name: 'Features Array', features: ['auth', ' todo list '] });
      expect(a.features).toEqual(['auth', 'todo list']);
      expect(b.features).toEqual(['auth', 'todo list']);
      expect((await member.get(a.slug)).features).toEqual(['auth', 'todo list']);
    });

    it('keeps platform, style, backend and checkpoints as given', async () => {
      const job = await member.create({
        name: 'Options',
        platform: 'web, Linux',
        style: 'minimal',
        backend: 'firebase',
        checkpoints: 'dev,export',
      });
      expect(job).toMatchObject({
        platform: 'web,linux',
        style: 'minimal',
        backend: 'firebase',
        checkpoints: ['dev', 'export'],
      });
    });

    it('derives the slug from the name and makes it unique with a suffix', async () => {
      const first = await member.create({ name: 'Shop Ëxpress!' });
      const second = await member.create({ name: 'Shop Ëxpress!' });
      const third = await member.create({ name: 'shop   express' });
      expect(first.slug).toBe('shop-express');
      expect(second.slug).toBe('shop-express-2');
      expect(third.slug).toBe('shop-express-3');
      const nonLatin = await member.create({ name: '日本語' });
      expect(nonLatin.slug).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,62})$/);
    });

    it('the same name posted five times at once gets five distinct slugs', async () => {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => member.post({ name: 'Double Click', description: 'x' })),
      );
      expect(responses.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202]);
      const slugs = responses.map((r) => r.json<JobBody>().slug).sort();
      expect(slugs).toEqual(['double-click', 'double-click-2', 'double-click-3', 'double-click-4', 'double-click-5']);
    });

    it('my-app is taken, so the same name gets my-app-2', async () => {
      const again = await member.create({ name: 'My App' });
      expect(again.slug).toBe('my-app-2');
    });

    it('an explicit slug that exists is a 409, a free one is used as given', async () => {
      const taken = await member.post({ name: 'Whatever', description: 'x', slug: 'my-app' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json<{ detail: string }>().detail).toMatch(/my-app/);
      const free = await member.create({ name: 'Whatever', slug: 'custom-slug-1' });
      expect(free.slug).toBe('custom-slug-1');
      expect(free.name).toBe('Whatever');
    });
  });

  describe('listing', () => {
    let lister: JobsClient;
    const slugs = ['list-a', 'list-b', 'list-c'];

    beforeAll(async () => {
      // A team of its own, so the other tests' jobs do not show up here.
      lister = new JobsClient(t, await t.tokenFor('member', 'listing'));
      for (const slug of slugs) await lister.create({ name: slug, slug });
    });

    it('is newest first with the total in X-Total-Count', async () => {
      const res = await lister.list();
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-total-count']).toBe('3');
      const jobs = res.json<JobBody[]>();
      expect(jobs.map((j) => j.slug)).toEqual(['list-c', 'list-b', 'list-a']);
      for (let i = 1; i < jobs.length; i++) expect(jobs[i - 1].created_at >= jobs[i].created_at).toBe(true);
      for (const job of jobs) expect(Object.keys(job).sort()).toEqual([...JOB_FIELDS].sort());
    });

    it('pages with limit and offset; the total stays the full count', async () => {
      const page1 = await lister.list('?limit=2');
      expect(page1.headers['x-total-count']).toBe('3');
      expect(page1.json<JobBody[]>().map((j) => j.slug)).toEqual(['list-c', 'list-b']);
      const page2 = await lister.list('?limit=2&offset=2');
      expect(page2.headers['x-total-count']).toBe('3');
      expect(page2.json<JobBody[]>().map((j) => j.slug)).toEqual(['list-a']);
      const past = await lister.list('?offset=10');
      expect(past.json()).toEqual([]);
      expect(past.headers['x-total-count']).toBe('3');
    });

    it('filters by status', async () => {
      for (const slug of slugs) await lister.waitForSuccess(slug);
      const succeeded = await lister.list('?status=succeeded');
      expect(succeeded.json<JobBody[]>().map((j) => j.slug)).toEqual(['list-c', 'list-b', 'list-a']);
      expect(succeeded.headers['x-total-count']).toBe('3');
      const queued = await lister.list('?status=queued');
      expect(queued.json()).toEqual([]);
      expect(queued.headers['x-total-count']).toBe('0');
    });

    it.each(['?limit=0', '?limit=1001', '?limit=abc', '?offset=-1', '?status=bogus'])('%s is a 400', async (query) => {
      const res = await lister.list(query);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: unknown[] }>().errors.length).toBeGreaterThan(0);
    });

    it('limit=1000 is allowed', async () => {
      expect((await lister.list('?limit=1000')).statusCode).toBe(200);
    });
  });

  describe('one job', () => {
    it('GET returns it; an unknown slug is a 404 on every job route', async () => {
      expect((await viewer.get('my-app')).slug).toBe('my-app');
      for (const url of [
        '/api/jobs/does-not-exist',
        '/api/jobs/does-not-exist/phases',
        '/api/jobs/does-not-exist/phases?detail=true',
        '/api/jobs/does-not-exist/logs',
        '/api/jobs/does-not-exist/download',
        '/api/jobs/does-not-exist/code/tree',
        '/api/jobs/does-not-exist/code/file?path=source/pubspec.yaml',
      ]) {
        const res = await t.inject({ method: 'GET', url, token: admin.token });
        expect(res.statusCode, url).toBe(404);
        expect(typeof res.json<{ detail: string }>().detail).toBe('string');
      }
      expect((await admin.cancel('does-not-exist')).statusCode).toBe(404);
      expect((await admin.retry('does-not-exist')).statusCode).toBe(404);
      expect((await admin.remove('does-not-exist')).statusCode).toBe(404);
    });
  });

  describe('teams and roles', () => {
    let teamA: JobsClient;
    let teamB: JobsClient;

    beforeAll(async () => {
      teamA = new JobsClient(t, await t.tokenFor('member', 'team-a'));
      teamB = new JobsClient(t, await t.tokenFor('member', 'team-b'));
      await teamA.create({ name: 'Team A App', slug: 'team-a-app' });
      await teamB.create({ name: 'Team B App', slug: 'team-b-app' });
      await teamA.waitForSuccess('team-a-app');
      await teamB.waitForSuccess('team-b-app');
    });

    it('a job records the team of its creator', async () => {
      expect((await teamA.get('team-a-app')).team_id).toBe('team-a');
      expect((await teamB.get('team-b-app')).team_id).toBe('team-b');
    });

    it("a member of team B gets 404 for team A's job on every route", async () => {
      for (const path of [
        '',
        '/phases',
        '/phases?detail=true',
        '/logs',
        '/download',
        '/code/tree',
        '/code/file?path=source/pubspec.yaml',
      ]) {
        const res = await t.inject({ method: 'GET', url: `/api/jobs/team-a-app${path}`, token: teamB.token });
        expect(res.statusCode, path).toBe(404);
      }
      expect((await teamB.cancel('team-a-app')).statusCode).toBe(404);
      expect((await teamB.retry('team-a-app')).statusCode).toBe(404);
    });

    it("a member's list shows only their team", async () => {
      const res = await teamB.list();
      const slugs = res.json<JobBody[]>().map((j) => j.slug);
      expect(slugs).toEqual(['team-b-app']);
      expect(res.headers['x-total-count']).toBe('1');
      // A member cannot widen the scope with team_id.
      const widened = await teamB.list('?team_id=team-a');
      expect(widened.json<JobBody[]>().map((j) => j.slug)).toEqual(['team-b-app']);
    });

    it('an admin sees every team and can filter with team_id', async () => {
      const all = (await admin.list('?limit=1000')).json<JobBody[]>().map((j) => j.slug);
      expect(all).toEqual(expect.arrayContaining(['team-a-app', 'team-b-app', 'my-app']));
      expect((await admin.get('team-a-app')).team_id).toBe('team-a');
      const onlyA = await admin.list('?team_id=team-a');
      expect(onlyA.json<JobBody[]>().map((j) => j.slug)).toEqual(['team-a-app']);
      expect(onlyA.headers['x-total-count']).toBe('1');
    });

    it('a viewer can read but not create or cancel', async () => {
      expect((await viewer.getRaw('my-app')).statusCode).toBe(200);
      expect((await viewer.list()).statusCode).toBe(200);
      const post = await viewer.post({ name: 'Nope', description: 'x' });
      expect(post.statusCode).toBe(403);
      expect((await viewer.cancel('my-app')).statusCode).toBe(403);
      expect((await viewer.retry('my-app')).statusCode).toBe(403);
      expect((await viewer.remove('my-app')).statusCode).toBe(403);
      expect((await admin.list('?limit=1000')).json<JobBody[]>().some((j) => j.name === 'Nope')).toBe(false);
    });

    it('a member cannot delete', async () => {
      const res = await member.remove('my-app');
      expect(res.statusCode).toBe(403);
      expect((await member.getRaw('my-app')).statusCode).toBe(200);
    });

    it('without a token every job route is a 401', async () => {
      for (const [method, url] of [
        ['GET', '/api/jobs'],
        ['POST', '/api/jobs'],
        ['GET', '/api/jobs/my-app'],
        ['POST', '/api/jobs/my-app/cancel'],
        ['GET', '/api/jobs/my-app/download'],
      ] as const) {
        const res = await t.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
      }
    });
  });

  describe('phases', () => {
    it('the plain form is a dict of the 13 phase names in pipeline order', async () => {
      const phases = await viewer.phases('my-app');
      expect(Object.keys(phases)).toEqual([...PHASES]);
      expect(phases).toEqual({
        create: 'passed',
        ba: 'passed',
        backend: 'skipped',
        architect: 'passed',
        uiux: 'passed',
        dev: 'passed',
        qa: 'passed',
        refactor: 'skipped',
        repair: 'skipped',
        runtime: 'skipped',
        security: 'passed',
        reviewer: 'passed',
        export: 'passed',
      });
    });

    it('detail=true is the list form with agent, timings, attempts, outputs and log_count', async () => {
      const res = await t.inject({ method: 'GET', url: '/api/jobs/my-app/phases?detail=true', token: viewer.token });
      expect(res.statusCode).toBe(200);
      const list = res.json<PhaseDetail[]>();
      expect(list.map((p) => p.phase)).toEqual([...PHASES]);
      const logs = await viewer.logs('my-app', '?limit=5000');
      for (const p of list) {
        expect(Object.keys(p).sort()).toEqual(
          ['agent', 'attempts', 'error', 'finished_at', 'log_count', 'outputs', 'phase', 'started_at', 'status'].sort(),
        );
        expect(p.agent).toBe(AGENTS[p.phase]);
        expect(p.attempts).toBe(1);
        expect(p.error).toBeNull();
        expect(p.started_at).toMatch(ISO);
        expect(p.finished_at).toMatch(ISO);
        expect(Array.isArray(p.outputs)).toBe(true);
        for (const output of p.outputs) expect(output).not.toMatch(/^\/|\.\./);
        expect(p.log_count).toBe(logs.filter((l) => l.phase === p.phase).length);
        expect(p.log_count).toBeGreaterThan(0);
      }
      const byName = Object.fromEntries(list.map((p) => [p.phase, p]));
      expect(byName.dev.outputs).toEqual(expect.arrayContaining(['source/lib/main.dart', 'source/pubspec.yaml']));
      expect(byName.qa.outputs).toEqual(expect.arrayContaining(['docs/test_report.md', 'docs/qa_summary.json']));
      expect(byName.export.outputs).toEqual(['exports/my-app_source.zip']);
    });

    it('detail must be a boolean', async () => {
      const res = await t.inject({ method: 'GET', url: '/api/jobs/my-app/phases?detail=maybe', token: viewer.token });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('logs', () => {
    let all: LogLine[];

    beforeAll(async () => {
      all = await viewer.logs('my-app', '?limit=5000');
    });

    it('are oldest first with id, phase, level, message and created_at', () => {
      expect(all.length).toBeGreaterThan(13);
      for (let i = 1; i < all.length; i++) expect(all[i].id).toBeGreaterThan(all[i - 1].id);
      for (const line of all) {
        expect(Object.keys(line).sort()).toEqual(['created_at', 'id', 'level', 'message', 'phase']);
        expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
      }
      expect(all.some((l) => l.phase === null && /succeeded/i.test(l.message))).toBe(true);
    });

    it('filter by phase', async () => {
      const qa = await viewer.logs('my-app', '?phase=qa');
      expect(qa.length).toBeGreaterThan(0);
      expect(qa.every((l) => l.phase === 'qa')).toBe(true);
      expect(qa).toEqual(all.filter((l) => l.phase === 'qa'));
    });

    it('filter by level', async () => {
      const info = await viewer.logs('my-app', '?level=info');
      expect(info).toEqual(all.filter((l) => l.level === 'info'));
      const errors = await viewer.logs('my-app', '?level=error');
      expect(errors).toEqual([]);
    });

    it('after_id returns only later entries', async () => {
      const cut = all[Math.floor(all.length / 2)].id;
      const later = await viewer.logs('my-app', `?after_id=${cut}`);
      expect(later).toEqual(all.filter((l) => l.id > cut));
      expect(await viewer.logs('my-app', `?after_id=${all[all.length - 1].id}`)).toEqual([]);
    });

    it('combines filters', async () => {
      const cut = all[0].id;
      const res = await viewer.logs('my-app', `?phase=dev&level=info&after_id=${cut}`);
      expect(res).toEqual(all.filter((l) => l.phase === 'dev' && l.level === 'info' && l.id > cut));
    });

    it.each(['?phase=deploy', '?level=loud', '?after_id=-1', '?after_id=x'])('%s is a 400', async (query) => {
      const res = await t.inject({ method: 'GET', url: `/api/jobs/my-app/logs${query}`, token: viewer.token });
      expect(res.statusCode).toBe(400);
    });

    it("another job's logs stay separate", async () => {
      const other = await admin.logs('list-a', '?limit=5000');
      expect(other.length).toBeGreaterThan(0);
      const ids = new Set(all.map((l) => l.id));
      expect(other.some((l) => ids.has(l.id))).toBe(false);
    });
  });

  describe('code browsing', () => {
    it('code/tree lists only source/ and docs/ entries', async () => {
      const res = await viewer.tree('my-app');
      expect(res.statusCode).toBe(200);
      const tree = res.json<{ path: string; name: string; isDir: boolean; size: number }[]>();
      expect(tree.length).toBeGreaterThan(10);
      for (const entry of tree) {
        expect(entry.path).toMatch(/^(source|docs)\//);
        expect(entry.path.split('/')).not.toContain('..');
        expect(entry.path.endsWith(`/${entry.name}`)).toBe(true);
        if (entry.isDir) expect(entry.size).toBe(0);
      }
      const byPath = new Map(tree.map((e) => [e.path, e]));
      expect(byPath.get('source/lib')).toMatchObject({ name: 'lib', isDir: true });
      expect(byPath.get('source/lib/main.dart')).toMatchObject({ name: 'main.dart', isDir: false });
      expect(byPath.get('source/lib/main.dart')!.size).toBeGreaterThan(0);
      expect(byPath.has('docs/app_brief.md')).toBe(true);
      expect(tree.some((e) => e.path.startsWith('exports'))).toBe(false);
    });

    it.each(['source/lib/main.dart', 'source/pubspec.yaml', 'docs/app_brief.md'])(
      'code/file returns the content of %s',
      async (path) => {
        const res = await viewer.file('my-app', path);
        expect(res.statusCode).toBe(200);
        const onDisk = await readFile(join(t.dir, 'generated_apps', 'my-app', path), 'utf8');
        expect(res.json()).toEqual({ path, content: onDisk });
        expect(onDisk.length).toBeGreaterThan(0);
      },
    );

    it('the tree size of a file is its byte size', async () => {
      const tree = (await viewer.tree('my-app')).json<{ path: string; size: number }[]>();
      const pubspec = tree.find((e) => e.path === 'source/pubspec.yaml')!;
      const content = (await viewer.file('my-app', 'source/pubspec.yaml')).json<{ content: string }>().content;
      expect(pubspec.size).toBe(Buffer.byteLength(content));
      expect(content).toMatch(/^name: my_app$/m);
    });

    it('a missing file is a 404, a directory is not a file, the path is required', async () => {
      expect((await viewer.file('my-app', 'source/lib/nope.dart')).statusCode).toBe(404);
      expect([400, 404]).toContain((await viewer.file('my-app', 'source/lib')).statusCode);
      const noPath = await t.inject({ method: 'GET', url: '/api/jobs/my-app/code/file', token: viewer.token });
      expect(noPath.statusCode).toBe(400);
    });
  });
});
