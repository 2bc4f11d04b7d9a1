import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperiencesService } from '../src/hitl/experiences.service';
import { IdempotencyKey } from '../src/idempotency/idempotency-key.entity';
import { startApp, type TestApp } from './helpers/app';
import { HitlClient } from './helpers/hitl';
import { failFrom, JobsClient, waitFor, type JobBody } from './helpers/jobs';

/**
 * The seed's web dashboard (vanilla JS, relative /api URLs, a Bearer token)
 * as a client: the requests it sends, replayed as fixtures, and what it reads
 * from the answers. Plus what other real clients need: a browser's CORS
 * preflights, a retrying client's Idempotency-Key, Location on created
 * resources, and a Prometheus scraper's static token.
 */

const DASHBOARD_ORIGIN = 'http://dashboard.example.test';
const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

/** What the dashboard's "new job" form posts when only name and description were typed in. */
const UNTOUCHED_JOB_FORM = {
  name: 'Todo App',
  description: 'A todo list app',
  platform: 'android,ios',
  style: 'modern',
  backend: 'none',
  features: '',
  slug: '',
};

type ErrorBody = { detail: string; errors?: { field: string; message: string }[] };
type Entry = { id: number; action: string; team_id: string; task_id: string | null };
type HitlItem = { type: string; id: string; task_id: string | null; task_desc: string } & Record<string, unknown>;

describe('real clients: the dashboard, browsers, retrying clients, Prometheus', () => {
  let t: TestApp;
  let admin: string;
  let member: string;
  let jobs: JobsClient;

  const send = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD',
    url: string,
    options: { token?: string; payload?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> =>
    t.inject({ method, url, token: options.token, payload: options.payload as object, headers: options.headers });

  beforeAll(async () => {
    t = await startApp({
      CORS_ORIGINS: DASHBOARD_ORIGIN,
      METRICS_TOKEN,
      FLUTTER_BIN: '/nonexistent/flutter',
    });
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    jobs = new JobsClient(t, member);
  });
  afterAll(() => t?.close());

  describe('slugs as the dashboard sends them', () => {
    it('the untouched job form ("slug": "") gets a slug from the name, and Location points at the job', async () => {
      const res = await send('POST', '/api/jobs', { token: member, payload: UNTOUCHED_JOB_FORM });
      expect(res.statusCode, res.body).toBe(202);
      const job = res.json<JobBody>();
      expect(job.slug).toBe('todo-app');
      expect(job.features).toEqual([]);
      expect(res.headers.location).toBe('/api/jobs/todo-app');
      const followed = await send('GET', res.headers.location as string, { token: member });
      expect(followed.statusCode).toBe(200);
      expect(followed.json<JobBody>().slug).toBe('todo-app');
    });

    it('an underscore slug (todo_app) is kept as it is and can be read back', async () => {
      const job = await jobs.create({ ...UNTOUCHED_JOB_FORM, slug: 'todo_app' });
      expect(job.slug).toBe('todo_app');
      expect((await jobs.get('todo_app')).name).toBe('Todo App');
    });

    it('upper case is lower-cased', async () => {
      const job = await jobs.create({ ...UNTOUCHED_JOB_FORM, slug: 'Shop_App-2' });
      expect(job.slug).toBe('shop_app-2');
      // The same holds in the path: a client that kept the slug it sent reads the job.
      const read = await send('GET', '/api/jobs/Shop_App-2', { token: member });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json<JobBody>().slug).toBe('shop_app-2');
    });

    it('anything else is still a 400 naming the slug', async () => {
      for (const slug of ['my app', '-todo', 'todo.app', 'todo/app', '_'.repeat(64), ' ']) {
        const res = await send('POST', '/api/jobs', { token: member, payload: { ...UNTOUCHED_JOB_FORM, slug } });
        expect(res.statusCode, JSON.stringify(slug)).toBe(400);
        expect(res.json<ErrorBody>().errors?.map((e) => e.field)).toContain('slug');
      }
    });

    it('projects alike: "" derives the slug, _ and upper case are fine, PUT accepts them too', async () => {
      const derived = await send('POST', '/api/projects', {
        token: member,
        payload: { name: 'Flutter Todo', slug: '', features: [] },
      });
      expect(derived.statusCode, derived.body).toBe(201);
      expect(derived.json<{ slug: string }>().slug).toBe('flutter-todo');
      expect(derived.headers.location).toBe('/api/projects/flutter-todo');

      const initiative = await send('POST', '/api/projects', {
        token: member,
        payload: { name: 'Initiative', slug: 'Todo_Initiative' },
      });
      expect(initiative.statusCode, initiative.body).toBe(201);
      expect(initiative.json<{ slug: string }>().slug).toBe('todo_initiative');
      expect(initiative.headers.location).toBe('/api/projects/todo_initiative');

      const created = await send('PUT', '/api/projects/shop_app', {
        token: member,
        payload: { name: 'Shop', slug: '' },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.location).toBe('/api/projects/shop_app');
      const updated = await send('PUT', '/api/projects/shop_app', {
        token: member,
        payload: { slug: 'SHOP_APP', sla: '99%' },
      });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json<{ sla: string }>().sla).toBe('99%');
      // An update creates nothing: no Location.
      expect(updated.headers.location).toBeUndefined();
      const byUpperPath = await send('GET', '/api/projects/SHOP_APP', { token: member });
      expect(byUpperPath.statusCode, byUpperPath.body).toBe(200);
      expect(byUpperPath.json<{ slug: string; sla: string }>()).toMatchObject({ slug: 'shop_app', sla: '99%' });

      const bad = await send('POST', '/api/projects', { token: member, payload: { name: 'Bad', slug: 'a b' } });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('HITL items carry the fields the dashboard reads', () => {
    it('a checkpoint in /api/checkpoints and /api/hitl/queue has task_id and task_desc; approving answers with them', async () => {
      const hitl = new HitlClient(t, member);
      const job = await jobs.create({ name: 'Gated App', slug: 'gated_app', features: ['auth'], checkpoints: ['dev'] });
      await jobs.waitForStatus(job.slug, ['waiting_approval']);

      const list = await hitl.checkpoints();
      const checkpoint = list.pending.find((c) => c.job_slug === job.slug)!;
      expect(checkpoint).toMatchObject({ job_slug: 'gated_app', task_id: 'gated_app', phase: 'dev' });
      expect(checkpoint.task_desc).toBe(checkpoint.summary);
      expect(checkpoint.task_desc.length).toBeGreaterThan(0);

      const queue = await hitl.queue();
      const item = queue.pending.find((i) => i.id === checkpoint.id) as HitlItem;
      expect(item).toMatchObject({ type: 'checkpoint', task_id: 'gated_app', task_desc: checkpoint.summary });

      const approved = await hitl.decide('hitl', checkpoint.id, 'approve');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json<HitlItem>()).toMatchObject({ id: checkpoint.id, status: 'approved', task_id: 'gated_app' });
    });

    it('a lesson in /api/experiences and /api/hitl/queue has task_id and task_desc; counts have pending_review', async () => {
      const hitl = new HitlClient(t, member);
      // Filed the way the repair phase files one (test/hitl-lessons.e2e-spec.ts runs that whole path).
      const slug = 'todo_app';
      await t.app.get(ExperiencesService).fileFromRepair({
        jobSlug: slug,
        teamId: 'default',
        agent: 'refactor_agent',
        findings: [
          { rule: 'dart_syntax', file: 'lib/features/auth/auth_screen.dart', message: 'Expected an expression' },
        ],
        changed: ['lib/features/auth/auth_screen.dart'],
      });

      const list = await hitl.experiences();
      expect(list.counts).toEqual({ pending: 1, pending_review: 1, approved: 0, rejected: 0 });
      const lesson = list.pending[0];
      expect(lesson).toMatchObject({ job_slug: slug, task_id: slug });
      expect(lesson.task_desc).toBe(lesson.problem);

      const item = (await hitl.queue()).pending.find((i) => i.id === lesson.id) as HitlItem;
      expect(item).toMatchObject({ type: 'experience', task_id: slug, task_desc: lesson.problem });

      expect((await hitl.decide('experiences', lesson.id, 'approve')).statusCode).toBe(200);
      expect((await hitl.experiences()).counts).toEqual({ pending: 0, pending_review: 0, approved: 1, rejected: 0 });
    });
  });

  describe('activity logs: the latest N, in the order they happened', () => {
    const ids = (entries: Entry[]) => entries.map((e) => e.id);
    const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

    // Jobs of the tests above write entries while they run: compare lists only once every job has ended.
    beforeAll(async () => {
      await waitFor('every job finished', async () => {
        const all = (await send('GET', '/api/jobs?limit=500', { token: admin })).json<JobBody[]>();
        return all.every((j) => ['succeeded', 'failed', 'cancelled'].includes(j.status)) ? all : undefined;
      });
    });

    it('GET /api/agents: oldest of the latest first by default; order=desc newest first', async () => {
      const read = async (query: string) => {
        const res = await send('GET', `/api/agents${query}`, { token: admin });
        expect(res.statusCode).toBe(200);
        return res.json<Entry[]>();
      };
      // Entries are appended just after the events they record: read while nothing new arrives in between.
      const { tail, newestFirst, all } = await waitFor('three reads of a quiet log', async () => {
        const first = await read('?limit=10');
        const reads = { tail: first, newestFirst: await read('?limit=10&order=desc'), all: await read('?limit=500') };
        return ids(await read('?limit=10')).join() === ids(first).join() ? reads : undefined;
      });
      expect(tail).toHaveLength(10);
      expect(ids(tail)).toEqual(ascending(ids(tail)));
      expect(newestFirst).toEqual([...tail].reverse());
      // The latest ten: nothing in the whole log is newer than the last one shown.
      expect(tail.at(-1)!.id).toBe(Math.max(...ids(all)));
    });

    it('GET /api/tasks logs and GET /api/permissions come the same way', async () => {
      const readTasks = async (query = '') =>
        (await send('GET', `/api/tasks${query}`, { token: admin })).json<{ logs: Entry[] }>().logs;
      const { tasks, tasksDesc } = await waitFor('two reads of quiet task logs', async () => {
        const first = await readTasks();
        const reads = { tasks: first, tasksDesc: await readTasks('?order=desc') };
        return ids(await readTasks()).join() === ids(first).join() ? reads : undefined;
      });
      expect(tasks.length).toBeGreaterThanOrEqual(2);
      expect(ids(tasks)).toEqual(ascending(ids(tasks)));
      expect(tasksDesc).toEqual([...tasks].reverse());

      const viewer = await t.tokenFor('viewer', 'denied-team');
      for (let i = 0; i < 2; i++) {
        const refused = await send('POST', '/api/jobs', { token: viewer, payload: UNTOUCHED_JOB_FORM });
        expect(refused.statusCode).toBe(403);
      }
      const denied = await waitFor('two permission_denied entries', async () => {
        const list = (await send('GET', '/api/permissions?team_id=denied-team', { token: admin })).json<Entry[]>();
        return list.length >= 2 ? list : undefined;
      });
      expect(ids(denied)).toEqual(ascending(ids(denied)));
      const deniedDesc = (await send('GET', '/api/permissions?team_id=denied-team&order=desc', { token: admin })).json<
        Entry[]
      >();
      expect(deniedDesc).toEqual([...denied].reverse());
    });

    it('an order other than asc or desc is a 400 naming it', async () => {
      for (const url of ['/api/agents?order=newest', '/api/tasks?order=DESC', '/api/permissions?order=']) {
        const res = await send('GET', url, { token: admin });
        expect(res.statusCode, url).toBe(400);
        expect(
          res.json<ErrorBody>().errors?.map((e) => e.field),
          url,
        ).toContain('order');
      }
    });
  });

  describe('short agent ids (dev for dev_agent)', () => {
    it('GET and PATCH by the short id answer with the canonical id and change that agent', async () => {
      const got = await send('GET', '/api/agents/dev', { token: member });
      expect(got.statusCode).toBe(200);
      expect(got.json<{ agent_id: string }>().agent_id).toBe('dev_agent');

      const patched = await send('PATCH', '/api/agents/qa', { token: admin, payload: { model: 'gpt-4o-mini' } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ agent_id: 'qa_agent', model: 'gpt-4o-mini' });
      const long = await send('GET', '/api/agents/qa_agent', { token: member });
      expect(long.json()).toMatchObject({ agent_id: 'qa_agent', model: 'gpt-4o-mini' });

      const config = await send('POST', '/api/agents/config/ba', {
        token: admin,
        payload: { model: 'gpt-4o', system_prompt: 'You are a business analyst.' },
      });
      expect(config.statusCode, config.body).toBe(200);
      expect(config.json<{ agent_id: string }>().agent_id).toBe('ba_agent');
    });

    it("the dashboard's product manager (pm) is the agent that writes the brief", async () => {
      const got = await send('GET', '/api/agents/pm', { token: member });
      expect(got.statusCode, got.body).toBe(200);
      expect(got.json<{ agent_id: string }>().agent_id).toBe('brief_agent');
    });

    it('ids named after Object.prototype members are unknown agents, not a 500', async () => {
      for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const res = await send('POST', `/api/agents/config/${id}`, {
          token: admin,
          payload: { model: 'gpt-4o', system_prompt: '' },
        });
        expect(res.statusCode, `${id}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${id}: ${res.body}`).toBeLessThan(500);
        expect((await send('GET', `/api/agents/${id}`, { token: member })).statusCode).toBeLessThan(500);
      }
    });

    it('an unknown short id is 404; a malformed one is 400', async () => {
      expect((await send('GET', '/api/agents/nobody', { token: member })).statusCode).toBe(404);
      expect((await send('GET', '/api/agents/DEV', { token: member })).statusCode).toBe(400);
    });
  });

  describe('CORS with CORS_ORIGINS set', () => {
    const REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-admin-key'];
    const list = (value: string | string[] | number | undefined) =>
      [value ?? '']
        .flat()
        .join(',')
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean);

    it.each(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])('a preflight for %s is allowed', async (method) => {
      const res = await send('OPTIONS', '/api/projects/shop_app', {
        headers: {
          origin: DASHBOARD_ORIGIN,
          'access-control-request-method': method,
          'access-control-request-headers': REQUEST_HEADERS.join(','),
        },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD_ORIGIN);
      expect(list(res.headers['access-control-allow-methods'])).toContain(method.toLowerCase());
      expect(list(res.headers['access-control-allow-headers'])).toEqual(expect.arrayContaining(REQUEST_HEADERS));
    });

    it('a real response exposes X-Total-Count, Location, Retry-After and X-Request-Id', async () => {
      const res = await send('POST', '/api/projects', {
        token: member,
        payload: { name: 'Cors Project' },
        headers: { origin: DASHBOARD_ORIGIN },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['access-control-allow-origin']).toBe(DASHBOARD_ORIGIN);
      expect(list(res.headers['access-control-expose-headers'])).toEqual(
        expect.arrayContaining(['x-total-count', 'location', 'retry-after', 'x-request-id']),
      );
      expect(res.headers.location).toBe('/api/projects/cors-project');
    });

    it('another origin is not allowed', async () => {
      const res = await send('OPTIONS', '/api/jobs', {
        headers: { origin: 'http://evil.example.test', 'access-control-request-method': 'DELETE' },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('Idempotency-Key on POST /api/jobs and retry', () => {
    const post = (key: string, payload: Record<string, unknown>, token = member) =>
      send('POST', '/api/jobs', { token, payload, headers: { 'idempotency-key': key } });
    const countNamed = async (name: string) =>
      (await send('GET', '/api/jobs?limit=500', { token: admin })).json<JobBody[]>().filter((j) => j.name === name)
        .length;

    it('the same key and body again answer with the original job (202, Idempotent-Replayed); one job exists', async () => {
      const body = { name: 'Retried App', description: 'Posted twice by a retrying client', features: 'auth' };
      const first = await post('key-retried-app-1', body);
      expect(first.statusCode, first.body).toBe(202);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const slug = first.json<JobBody>().slug;

      // The same body with its keys in another order is the same request.
      const reordered = { features: body.features, description: body.description, name: body.name };
      const again = await post('key-retried-app-1', reordered);
      expect(again.statusCode).toBe(202);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(`/api/jobs/${slug}`);
      expect(again.json<JobBody>().slug).toBe(slug);
      expect(await countNamed('Retried App')).toBe(1);
    });

    it('concurrent duplicates make one job', async () => {
      const body = { name: 'Racing App', description: 'Five tabs posting at once' };
      const answers = await Promise.all(Array.from({ length: 5 }, () => post('key-racing-app', body)));
      expect(answers.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202]);
      expect(new Set(answers.map((r) => r.json<JobBody>().slug)).size).toBe(1);
      expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      expect(await countNamed('Racing App')).toBe(1);
    });

    it('the same key with another body is a 422 with detail, and makes nothing', async () => {
      expect((await post('key-changed-body', { name: 'First Body', description: 'one' })).statusCode).toBe(202);
      const res = await post('key-changed-body', { name: 'Second Body', description: 'two' });
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().detail).toMatch(/Idempotency-Key/);
      expect(await countNamed('Second Body')).toBe(0);
    });

    it("keys are per team: another team's same key makes its own job", async () => {
      const body = { name: 'Team Keyed App', description: 'same key, two teams' };
      const ours = await post('key-shared-by-teams', body);
      const theirs = await post('key-shared-by-teams', body, await t.tokenFor('member', 'other-team'));
      expect(theirs.statusCode).toBe(202);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(theirs.json<JobBody>().slug).not.toBe(ours.json<JobBody>().slug);
    });

    it('a malformed key is a 400; a refused request stores nothing, so its key can be used again', async () => {
      for (const key of ['', 'k'.repeat(256), 'tab\there']) {
        const res = await post(key, { name: 'Bad Key', description: 'x' });
        expect(res.statusCode, JSON.stringify(key)).toBe(400);
        expect(res.json<ErrorBody>().detail).toMatch(/Idempotency-Key/);
      }
      expect((await post('key-after-400', { name: 'x'.repeat(101), description: 'too long' })).statusCode).toBe(400);
      expect((await post('key-after-400', { name: 'Fixed Name', description: 'valid now' })).statusCode).toBe(202);
    });

    it('an expired key is free again (cleaned up lazily)', async () => {
      expect((await post('key-expires', { name: 'Old Request', description: 'yesterday' })).statusCode).toBe(202);
      await t.app
        .get(DataSource)
        .getRepository(IdempotencyKey)
        .update({ key: 'key-expires' }, { expires_at: new Date(Date.now() - 1000).toISOString() });
      const res = await post('key-expires', { name: 'New Request', description: 'today' });
      expect(res.statusCode).toBe(202);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
      expect(res.json<JobBody>().name).toBe('New Request');
    });

    it('retry: the same key again returns the job (not a second retry); the key on another job is a 422', async () => {
      const job = await jobs.create({ name: 'Retry Keyed', slug: 'retry_keyed' });
      await jobs.waitForStatus(job.slug);
      await failFrom(t, job.slug, 'export');
      const retry = (slug: string) =>
        send('POST', `/api/jobs/${slug}/retry`, { token: member, headers: { 'idempotency-key': 'key-retry-1' } });
      const first = await retry(job.slug);
      expect(first.statusCode, first.body).toBe(202);
      expect(first.headers.location).toBe('/api/jobs/retry_keyed');
      const again = await retry(job.slug);
      expect(again.statusCode).toBe(202);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json<JobBody>().slug).toBe('retry_keyed');
      expect((await retry('todo_app')).statusCode).toBe(422);
      await jobs.waitForStatus(job.slug);
    });
  });

  describe('wipe', () => {
    it('forgets every Idempotency-Key: the same key and body then make a new job', async () => {
      const body = { name: 'Before Wipe', description: 'posted, wiped, posted again' };
      const before = await send('POST', '/api/jobs', {
        token: member,
        payload: body,
        headers: { 'idempotency-key': 'k-wipe' },
      });
      expect(before.statusCode).toBe(202);
      await jobs.waitForStatus(before.json<JobBody>().slug);
      const wiped = await send('POST', '/api/settings/wipe', { token: admin });
      expect(wiped.statusCode, wiped.body).toBe(200);
      expect(await t.app.get(DataSource).getRepository(IdempotencyKey).count()).toBe(0);
      const after = await send('POST', '/api/jobs', {
        token: member,
        payload: body,
        headers: { 'idempotency-key': 'k-wipe' },
      });
      expect(after.statusCode).toBe(202);
      expect(after.headers['idempotent-replayed']).toBeUndefined();
      await jobs.waitForStatus(after.json<JobBody>().slug);
    });
  });

  describe('Location on created resources', () => {
    it('POST /api/providers points at the new GET /api/providers/:name', async () => {
      const res = await send('POST', '/api/providers', {
        token: admin,
        payload: { name: 'local-llm', base_url: 'http://127.0.0.1:9/v1', default_model: 'local-model' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.location).toBe('/api/providers/local-llm');
      const followed = await send('GET', res.headers.location as string, { token: member });
      expect(followed.statusCode).toBe(200);
      expect(followed.json()).toMatchObject({ name: 'local-llm', default_model: 'local-model' });
      expect((await send('GET', '/api/providers/no-such-provider', { token: member })).statusCode).toBe(404);
    });

    it('answers that create nothing carry none', async () => {
      const list = await send('GET', '/api/jobs', { token: member });
      expect(list.headers.location).toBeUndefined();
      const cancel = await send('POST', '/api/jobs/todo-app/cancel', { token: member });
      expect(cancel.headers.location).toBeUndefined();
    });
  });

  describe('/metrics with METRICS_TOKEN', () => {
    it('a scraper with the static token gets the metrics; a wrong token is a 401', async () => {
      const scrape = await send('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(scrape.statusCode).toBe(200);
      expect(scrape.headers['content-type']).toMatch(/^text\/plain/);
      expect(scrape.body).toMatch(/^sf_jobs\{status="succeeded"\} \d+$/m);

      for (const wrong of [`${METRICS_TOKEN}x`, METRICS_TOKEN.slice(0, -1), 'nope']) {
        const res = await send('GET', '/metrics', { headers: { authorization: `Bearer ${wrong}` } });
        expect(res.statusCode, wrong).toBe(401);
        expect(res.json<ErrorBody>().detail).toBeTruthy();
      }
      // The token is for /metrics only.
      const elsewhere = await send('GET', '/api/jobs', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(elsewhere.statusCode).toBe(401);
    });

    it('admin tokens still work; other roles do not', async () => {
      expect((await send('GET', '/metrics', { token: admin })).statusCode).toBe(200);
      expect((await send('GET', '/metrics', { token: member })).statusCode).toBe(403);
    });
  });

  describe('what a browser fetch wrapper sends', () => {
    const JSON_TYPE = { 'content-type': 'application/json' };

    it('a bodiless action with a JSON content type is no body, not malformed JSON', async () => {
      await jobs.create({ name: 'Fetch Wrapper', slug: 'fetch-wrapper', features: ['notes'] });
      const cancel = await send('POST', '/api/jobs/fetch-wrapper/cancel', { token: member, headers: JSON_TYPE });
      expect(cancel.statusCode, cancel.body).toBeLessThan(300);
      const minted = await t.inject({
        method: 'POST',
        url: '/api/auth/token',
        headers: { ...JSON_TYPE, 'x-admin-key': 'test-admin-key-0123456789' },
      });
      expect(minted.statusCode, minted.body).toBeLessThan(300);
      // A body that is there but broken is still a 400.
      const broken = await send('POST', '/api/jobs', { token: member, headers: JSON_TYPE, payload: '{"name":' });
      expect(broken.statusCode).toBe(400);
      expect(broken.json<ErrorBody>().detail).toMatch(/JSON/i);
    });

    it('ignores a cache-buster or another unknown query parameter; unknown body fields are still a 400', async () => {
      for (const url of ['/api/jobs?_=1733000000', '/api/projects?foo=1', '/api/kpis?_=1', '/api/agents?_=2']) {
        const res = await send('GET', url, { token: member });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
      const list = await send('GET', '/api/jobs?limit=2&_=1', { token: member });
      expect(list.json<unknown[]>().length).toBeLessThanOrEqual(2);
      const unknownField = await send('POST', '/api/jobs', { token: member, payload: { name: 'X', colour: 'red' } });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json<ErrorBody>().detail).toContain('colour');
    });

    it('a project read with GET can be sent back with PUT; its read-only fields are ignored', async () => {
      const created = await send('POST', '/api/projects', { token: member, payload: { name: 'Round Trip' } });
      expect(created.statusCode, created.body).toBe(201);
      const { slug } = created.json<{ slug: string }>();
      const read = (await send('GET', `/api/projects/${slug}`, { token: member })).json<Record<string, unknown>>();
      const put = await send('PUT', `/api/projects/${slug}`, {
        token: member,
        payload: { ...read, description: 'Edited', team_id: 'another-team', created_at: '2000-01-01T00:00:00Z' },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ description: 'Edited', team_id: read.team_id, created_at: read.created_at });
    });

    it('a provider that is not registered cannot be made the active one through settings', async () => {
      const res = await send('POST', '/api/settings', { token: admin, payload: { llm_provider: 'nope' } });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>()).toMatchObject({ errors: [{ field: 'llm_provider' }] });
      const providers = await send('GET', '/api/providers', { token: admin });
      expect(providers.json<{ active: string }>().active).toBe('builtin');
    });

    it('Swagger UI over plain HTTP: no upgrade of its assets to https', async () => {
      const docs = await send('GET', '/docs');
      expect(String(docs.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    });
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t?.close());

  it('only admin tokens are accepted, as before', async () => {
    const scrape = await t.inject({ method: 'GET', url: '/metrics', token: METRICS_TOKEN });
    expect(scrape.statusCode).toBe(401);
    expect((await t.inject({ method: 'GET', url: '/metrics', token: await t.tokenFor('admin') })).statusCode).toBe(200);
  });
});
