import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDart } from '../src/pipeline/qa/dart-parser';
import { requiresRedis, startApp, type TestApp } from './helpers/app';
import { JobsClient, PHASES, plannedFeatures, unzip } from './helpers/jobs';

/** The docs every job has, whatever its backend. */
const PHASE_DOCS = [
  'docs/app_brief.md',
  'docs/requirements.md',
  'docs/user_stories.md',
  'docs/product_spec.json',
  'docs/architecture.md',
  'docs/design.md',
  'docs/test_report.md',
  'docs/qa_summary.json',
  'docs/security_report.md',
  'docs/security.json',
  'docs/final_review.md',
  'docs/runtime_report.md',
];
const BACKEND_DOCS = ['docs/api_contract.md', 'docs/openapi.yaml', 'docs/data_model.json'];

interface Manifest {
  slug: string;
  generator: string;
  totals: { files: number; bytes: number };
  files: { path: string; sha256: string; size: number; phase: string | null; agent: string | null }[];
}

const FEATURES = ['Auth', 'todo list', 'Đăng nhập'];

/** A job that ran to the end on the builtin generator: phases, download, ZIP contents, manifest, Dart syntax. */
async function expectCompleteExport(
  t: TestApp,
  c: JobsClient,
  slug: string,
  features: string[],
  backend: string,
): Promise<Map<string, Buffer>> {
  const job = await c.waitForSuccess(slug);
  expect(job.progress).toBe(100);
  expect(job.error).toBeNull();
  expect(job.download_url).toBe(`/api/jobs/${slug}/download`);
  for (const phase of PHASES) expect(['passed', 'skipped'], phase).toContain(job.phases[phase]);
  expect(job.phases.backend).toBe(backend === 'none' ? 'skipped' : 'passed');
  expect(job.phases.dev).toBe('passed');
  expect(job.phases.qa).toBe('passed');
  expect(job.phases.export).toBe('passed');

  const res = await c.download(slug);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/zip/);
  expect(res.headers['content-disposition']).toContain(`${slug}_source.zip`);
  expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);

  const zip = await unzip(res.rawPayload);
  const names = [...zip.keys()];
  for (const name of names) {
    expect(name === 'manifest.json' || /^(source|docs)\//.test(name), name).toBe(true);
    expect(name.split('/')).not.toContain('..');
  }

  expect(names).toEqual(
    expect.arrayContaining(['source/pubspec.yaml', 'source/lib/main.dart', 'manifest.json', ...PHASE_DOCS]),
  );
  const planned = plannedFeatures(zip);
  for (const label of features) expect(planned.flatMap((f) => f.requested)).toContain(label);
  for (const feature of planned) {
    expect(names, feature.names.label).toContain(`source/${feature.paths.screen}`);
    expect(names, feature.names.label).toContain(`source/${feature.paths.test}`);
  }
  if (backend === 'none') for (const doc of BACKEND_DOCS) expect(names).not.toContain(doc);
  else expect(names).toEqual(expect.arrayContaining(BACKEND_DOCS));

  // The manifest describes exactly the other files, with matching hashes and sizes.
  const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as Manifest;
  expect(manifest.slug).toBe(slug);
  expect(manifest.generator).toBe('builtin');
  expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
  expect(manifest.totals.files).toBe(manifest.files.length);
  let bytes = 0;
  for (const file of manifest.files) {
    const content = zip.get(file.path)!;
    expect(createHash('sha256').update(content).digest('hex'), file.path).toBe(file.sha256);
    expect(content.length, file.path).toBe(file.size);
    bytes += content.length;
  }
  expect(manifest.totals.bytes).toBe(bytes);
  const main = manifest.files.find((f) => f.path === 'source/lib/main.dart')!;
  expect(main).toMatchObject({ phase: 'dev', agent: 'dev_agent' });
  expect(manifest.files.find((f) => f.path === 'docs/qa_summary.json')).toMatchObject({
    phase: 'qa',
    agent: 'qa_agent',
  });

  // Every Dart file parses.
  const dartFiles = names.filter((n) => n.endsWith('.dart'));
  expect(dartFiles.length).toBeGreaterThanOrEqual(3 + features.length * 2);
  for (const name of dartFiles) {
    const result = await parseDart(zip.get(name)!.toString('utf8'));
    expect(result.errors, name).toEqual([]);
  }

  // QA found nothing; the download and the browsable docs agree.
  const qa = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as {
    findings: unknown[];
    features_checked: number;
  };
  expect(qa.findings).toEqual([]);
  expect(qa.features_checked).toBe(planned.length);
  const viaApi = await c.file(slug, 'source/lib/main.dart');
  expect(viaApi.json<{ content: string }>().content).toBe(zip.get('source/lib/main.dart')!.toString('utf8'));

  // Nothing in the download names a server path.
  for (const [name, content] of zip) expect(content.toString('utf8'), name).not.toContain(t.dir);
  return zip;
}

describe('pipeline on the thread backend', () => {
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    t = await startApp();
    c = new JobsClient(t, await t.tokenFor('member'));
  });
  afterAll(() => t?.close());

  it('a posted job reaches succeeded and its ZIP holds the project, the docs of every phase and a true manifest', async () => {
    const job = await c.create({ name: 'Pipeline App', description: 'Tracks todos', features: FEATURES });
    expect(job.slug).toBe('pipeline-app');
    const zip = await expectCompleteExport(t, c, job.slug, FEATURES, 'none');
    const pubspec = zip.get('source/pubspec.yaml')!.toString('utf8');
    expect(pubspec).toMatch(/^name: pipeline_app$/m);
    expect(zip.get('docs/app_brief.md')!.toString('utf8')).toContain('Pipeline App');
  });

  it('with no backend the backend phase is skipped, and without Flutter the runtime phase is skipped with the reason', async () => {
    const details = await c.details('pipeline-app');
    expect(details.backend.status).toBe('skipped');
    expect(details.runtime.status).toBe('skipped');
    const logs = await c.logs('pipeline-app', '?phase=runtime');
    expect(logs.some((l) => /skipped: .*flutter/i.test(l.message))).toBe(true);
    const report = await c.file('pipeline-app', 'docs/runtime_report.md');
    expect(report.json<{ content: string }>().content).toMatch(/skipped/i);
    expect(details.refactor.status).toBe('skipped');
    expect(details.repair.status).toBe('skipped');
  });

  it('the reviewer approves but says first that nothing was compiled (no Flutter SDK), and security finds no blocker', async () => {
    const review = (await c.file('pipeline-app', 'docs/final_review.md')).json<{ content: string }>().content;
    const lines = review.split('\n');
    expect(lines[0]).toBe('# Final review');
    expect(lines[2]).toMatch(/not compiled or run/i);
    expect(lines[2]).toMatch(/No Flutter SDK found/);
    expect(review).toContain('**Verdict:** APPROVED (not compiled)');
    const score = Number(/\*\*Score:\*\* (\d+)\/100/.exec(review)?.[1]);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
    expect(review).toMatch(/\| runtime \(runtime_agent\) \| ⚪ not checked \|/);
    expect(review).toMatch(/Flutter pub get \/ analyze \/ test: not run/);
    const security = JSON.parse(
      (await c.file('pipeline-app', 'docs/security.json')).json<{ content: string }>().content,
    ) as { blockers: number };
    expect(security.blockers).toBe(0);
  });

  it('with backend firebase the backend docs are written and exported', async () => {
    const job = await c.create({ name: 'Cloud App', backend: 'firebase', features: 'chat, profile' });
    const zip = await expectCompleteExport(t, c, job.slug, ['chat', 'profile'], 'firebase');
    expect(JSON.parse(zip.get('docs/data_model.json')!.toString('utf8'))).toBeTruthy();
    expect(zip.get('docs/openapi.yaml')!.toString('utf8')).toMatch(/openapi:/);
    const details = await c.details(job.slug);
    expect(details.backend.outputs).toEqual(expect.arrayContaining(BACKEND_DOCS));
  });

  it('the builtin generator is deterministic: the same input gives the same source', async () => {
    const a = await c.create({ name: 'Twin', slug: 'twin', features: ['auth'] });
    await c.waitForSuccess(a.slug);
    const first = await c.zip('twin');
    expect(
      (await t.inject({ method: 'DELETE', url: '/api/jobs/twin?purge=true', token: await t.tokenFor('admin') }))
        .statusCode,
    ).toBe(200);
    await c.create({ name: 'Twin', slug: 'twin', features: ['auth'] });
    await c.waitForSuccess('twin');
    const second = await c.zip('twin');
    const sources = (zip: Map<string, Buffer>) =>
      [...zip].filter(([n]) => n.startsWith('source/')).sort(([a], [b]) => a.localeCompare(b));
    expect(sources(second)).toEqual(sources(first));
  });
});

requiresRedis('pipeline on the Bull backend', () => {
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    t = await startApp({ JOB_QUEUE_BACKEND: 'bull', REDIS_URL: process.env.REDIS_URL! });
    c = new JobsClient(t, await t.tokenFor('member'));
  });
  afterAll(() => t?.close());

  it('a posted job reaches succeeded and its ZIP is complete', async () => {
    const job = await c.create({ name: 'Bull App', description: 'Queued through Redis', features: FEATURES });
    await expectCompleteExport(t, c, job.slug, FEATURES, 'none');
  });

  it('several jobs posted at once all succeed', async () => {
    const slugs = [];
    for (let i = 1; i <= 3; i++) slugs.push((await c.create({ name: `Bull Batch ${i}`, features: ['auth'] })).slug);
    for (const slug of slugs) await expectCompleteExport(t, c, slug, ['auth'], 'none');
  });
});
