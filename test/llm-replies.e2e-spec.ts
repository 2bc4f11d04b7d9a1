import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baDocs } from '../src/pipeline/generator/docs.generator';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, callOf, llmEnv, type AgentCall } from './helpers/fake-agents';
import { FakeLlmServer, type ScriptedReply } from './helpers/fake-llm';
import { JobsClient, type JobBody } from './helpers/jobs';

/** A test that runs whole jobs: each wait inside is capped at 30 s; slow CI machines need the headroom. */
const JOB_TEST_TIMEOUT_MS = 60_000;

const filesReply = (files: { path: string; content: string }[]): ScriptedReply => ({
  content: JSON.stringify({ files }),
  usage: { prompt_tokens: 100, completion_tokens: 50 },
});

/** Every file under `dir`, relative to it. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('LLM replies: validation, one corrective retry, extra files dropped', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;
  /** Per test: replies for the calls of one phase, in order; the default answer once used up. */
  let scripted: { phase: string; replies: ((call: AgentCall) => ScriptedReply)[] } | undefined;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies({
      script: (call) => (call.phase === scripted?.phase ? scripted.replies.shift()?.(call) : undefined),
    });
    t = await startApp(llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000' }));
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  async function runJob(
    slug: string,
    phase: string,
    replies: ((call: AgentCall) => ScriptedReply)[],
  ): Promise<JobBody> {
    fake.reset();
    scripted = { phase, replies };
    await c.create({ slug, name: slug, features: ['Todo'] });
    const job = await c.waitForStatus(slug, undefined, 30_000);
    scripted = undefined;
    return job;
  }

  const phaseCalls = (phase: string) => fake.chatRequests.map((r, i) => callOf(r, i)).filter((x) => x.phase === phase);

  it('after invalid JSON twice fails the phase with a clear message, having sent exactly one corrective retry', async () => {
    const slug = 'llm-invalid-json';
    const job = await runJob(slug, 'ba', [
      () => ({ content: 'Sure! Here are the documents you asked for.' }),
      () => ({ content: '{"files": [{"path": "docs/requirements.md", "content": "unterminated' }),
    ]);
    expect(job.status).toBe('failed');
    expect(job.phases.ba).toBe('failed');
    expect(job.error).toMatch(/^Phase ba failed: The model's reply was invalid twice: the reply is not valid JSON/);

    const calls = phaseCalls('ba');
    expect(fake.chatRequests).toHaveLength(2);
    expect(calls.map((call) => call.corrective)).toEqual([false, true]);
    const [first, retry] = calls;
    expect(first.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(retry.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry.messages.slice(0, 2)).toEqual(first.messages);
    expect(retry.messages[2].content).toBe('Sure! Here are the documents you asked for.');
    expect(retry.messages[3].content).toMatch(/^Your reply could not be used: the reply is not valid JSON/);
    expect(retry.messages[3].content).toContain('{"files": [{"path": "...", "content": "..."}]}');

    const logs = await c.logs(slug);
    expect(
      logs.some(
        (l) =>
          l.phase === 'ba' && l.level === 'warn' && /^Reply rejected \(the reply is not valid JSON/.test(l.message),
      ),
    ).toBe(true);
    // The later phases never ran.
    expect(job.phases.architect).not.toBe('passed');
  });

  it('accepts a good reply on the corrective retry', async () => {
    const slug = 'llm-invalid-then-ok';
    const job = await runJob(slug, 'ba', [() => ({ content: '{"documents": []}' })]);
    expect(job.status, job.error ?? '').toBe('succeeded');
    const calls = phaseCalls('ba');
    expect(calls).toHaveLength(2);
    expect(calls[1].messages[3].content).toContain('the reply must be a JSON object with a "files" array');
  });

  it('refuses paths with ".." or absolute paths, and writes nothing outside the workspace', async () => {
    const slug = 'llm-unsafe-docs';
    const absolute = join(t.dir, 'pwned-absolute.txt');
    const [requirements, ...otherDocs] = baDocs({
      slug,
      name: slug,
      description: '',
      platforms: [],
      style: 'modern',
      backend: 'none',
      features: [],
    });
    const job = await runJob(slug, 'ba', [
      () => filesReply([{ path: '../../pwned-dotdot.txt', content: 'x' }, requirements, ...otherDocs]),
      () => filesReply([{ path: absolute, content: 'x' }, requirements, ...otherDocs]),
    ]);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^Phase ba failed: The model's reply was invalid twice: files\[0\]\.path ".*" is not a safe relative path/,
    );
    const retry = phaseCalls('ba')[1];
    expect(retry.messages[3].content).toContain('files[0].path "../../pwned-dotdot.txt" is not a safe relative path');
    expect(fake.chatRequests).toHaveLength(2);
    // The server's directories never show in the job's error.
    expect(job.error).not.toContain(t.dir);

    expect(existsSync(absolute)).toBe(false);
    expect(existsSync(join(t.dir, 'pwned-dotdot.txt'))).toBe(false);
    expect(existsSync(join(t.dir, 'generated_apps', 'pwned-dotdot.txt'))).toBe(false);
    // Nor was the valid part of the rejected reply written.
    expect(existsSync(join(t.dir, 'generated_apps', slug, requirements.path))).toBe(false);
  });

  it("drops files outside the ba phase's allowed set, logs them, and succeeds without asking again", async () => {
    const slug = 'llm-extra-docs';
    const [requirements, ...otherDocs] = baDocs({
      slug,
      name: slug,
      description: '',
      platforms: [],
      style: 'modern',
      backend: 'none',
      features: [],
    });
    const planted = 'PLANTED BY THE MODEL';
    const job = await runJob(slug, 'ba', [
      () =>
        filesReply([
          requirements,
          // Real models echo a context document back.
          { path: 'docs/app_brief.md', content: planted },
          ...otherDocs,
          { path: 'docs/architecture.md', content: planted },
          { path: 'notes/extra.md', content: planted },
        ]),
    ]);
    expect(job.status, job.error ?? '').toBe('succeeded');
    // One request for the phase: no corrective retry.
    const calls = phaseCalls('ba');
    expect(calls).toHaveLength(1);
    expect(calls[0].corrective).toBe(false);

    const logs = await c.logs(slug);
    const dropped = logs.filter((l) => l.phase === 'ba' && l.message.startsWith('Dropped 3 file(s)'));
    expect(dropped).toHaveLength(1);
    expect(dropped[0].level).toBe('warn');
    expect(dropped[0].message).toContain(
      '(exactly docs/requirements.md, docs/user_stories.md, docs/product_spec.json): ' +
        'docs/app_brief.md, docs/architecture.md, notes/extra.md',
    );
    expect(logs.some((l) => l.phase === 'ba' && l.message.startsWith('Reply rejected'))).toBe(false);

    // The kept files were written; the dropped ones never were.
    const root = join(t.dir, 'generated_apps', slug);
    expect(await readFile(join(root, requirements.path), 'utf8')).toBe(requirements.content);
    const tree = await listTree(root);
    expect(tree).not.toContain('notes/extra.md');
    for (const path of ['docs/app_brief.md', 'docs/architecture.md'].filter((p) => tree.includes(p))) {
      expect(await readFile(join(root, path), 'utf8'), path).not.toContain(planted);
    }
  });

  it('asks only for the missing required file and keeps the ones already sent', async () => {
    const slug = 'llm-missing-doc';
    const [requirements, stories, productSpec] = baDocs({
      slug,
      name: slug,
      description: '',
      platforms: [],
      style: 'modern',
      backend: 'none',
      features: [],
    });
    const kept = { path: requirements.path, content: `${requirements.content}\nFROM THE FIRST REPLY\n` };
    const job = await runJob(slug, 'ba', [() => filesReply([kept, productSpec]), () => filesReply([stories])]);
    expect(job.status, job.error ?? '').toBe('succeeded');
    const calls = phaseCalls('ba');
    expect(calls.map((call) => call.corrective)).toEqual([false, true]);
    const ask = calls[1].messages[3].content;
    expect(ask).toMatch(/^Your reply could not be used: required file\(s\) missing: docs\/user_stories\.md\. /);
    expect(ask).toContain('holding the missing file(s): docs/user_stories.md');
    expect(ask).toContain('The 2 other file(s) you sent are kept.');

    const root = join(t.dir, 'generated_apps', slug);
    expect(await readFile(join(root, requirements.path), 'utf8')).toContain('FROM THE FIRST REPLY');
    expect(await readFile(join(root, stories.path), 'utf8')).toBe(stories.content);
  });

  it('refuses a dev reply escaping source/ through "lib/../..", and one with an absolute path', async () => {
    const slug = 'llm-unsafe-dev';
    const job = await runJob(slug, 'dev', [
      () =>
        filesReply([
          { path: 'lib/main.dart', content: 'void main() {}\n' },
          { path: 'lib/../../../../pwned-dev.txt', content: 'x' },
        ]),
      () =>
        filesReply([
          { path: 'lib/main.dart', content: 'void main() {}\n' },
          { path: 'docs/pwned.md', content: 'x' },
          { path: '/tmp/pwned-dev.txt', content: 'x' },
        ]),
    ]);
    expect(job.status).toBe('failed');
    expect(job.phases.ba).toBe('passed');
    expect(job.phases.dev).toBe('failed');
    expect(job.error).toMatch(
      /^Phase dev failed: The model's reply was invalid twice: files\[2\]\.path "[^"]*" is not a safe relative path/,
    );
    const retry = phaseCalls('dev')[1];
    expect(retry.messages[3].content).toContain(
      'files[1].path "lib/../../../../pwned-dev.txt" is not a safe relative path',
    );

    for (const dir of [t.dir, join(t.dir, 'generated_apps'), join(t.dir, 'generated_apps', slug)]) {
      expect(existsSync(join(dir, 'pwned-dev.txt')), dir).toBe(false);
    }
    const tree = await listTree(join(t.dir, 'generated_apps', slug));
    // Nothing of the rejected replies was written (the skeleton written before any model call may be there).
    if (tree.includes('source/lib/main.dart'))
      expect(await readFile(join(t.dir, 'generated_apps', slug, 'source/lib/main.dart'), 'utf8')).not.toBe(
        'void main() {}\n',
      );
    expect(tree).not.toContain('source/docs/pwned.md');
    expect(tree).not.toContain('docs/pwned.md');
  });

  it("asks for JSON through response_format as the provider's json_mode says, and not for the agent test", async () => {
    const admin = await t.tokenFor('admin');
    const setMode = async (mode: string) => {
      const res = await t.inject({
        method: 'PATCH',
        url: '/api/providers/openai',
        token: admin,
        payload: { json_mode: mode },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: 'openai', json_mode: mode });
    };
    const firstBaBody = () => fake.chatRequests.find((r) => callOf(r).phase === 'ba')!.body!;

    // The built-in openai provider uses structured outputs: the files schema.
    let job = await runJob('llm-format-schema', 'ba', []);
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(firstBaBody().response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'files',
        strict: true,
        schema: { type: 'object', required: ['files'], properties: { files: { type: 'array' } } },
      },
    });
    // Every file-writing request of the job carries it.
    expect(fake.chatRequests.every((r) => r.body?.response_format !== undefined)).toBe(true);

    await setMode('json_object');
    job = await runJob('llm-format-object', 'ba', []);
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(firstBaBody().response_format).toEqual({ type: 'json_object' });

    await setMode('off');
    job = await runJob('llm-format-off', 'ba', []);
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(fake.chatRequests.length).toBeGreaterThan(0);
    expect(fake.chatRequests.every((r) => r.body !== undefined && !('response_format' in r.body))).toBe(true);

    // A plain completion (the agent test) never asks for JSON.
    await setMode('json_object');
    fake.reset();
    const test = await t.inject({ method: 'POST', url: '/api/agents/ba_agent/test', token: admin });
    expect(test.statusCode, test.body).toBe(200);
    expect(fake.chatRequests).toHaveLength(1);
    expect(fake.chatRequests[0].body).not.toHaveProperty('response_format');
  });
});
