import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
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

describe('LLM replies: validation, one corrective retry, path allowlist', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
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

  it("refuses a docs file the ba phase does not own, and a file outside the job's docs", async () => {
    const slug = 'llm-not-allowed-docs';
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
      () => filesReply([requirements, ...otherDocs, { path: 'docs/architecture.md', content: 'not yours' }]),
      () => filesReply([requirements, ...otherDocs, { path: 'source/lib/main.dart', content: 'void main() {}' }]),
    ]);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^Phase ba failed: The model's reply was invalid twice: files\[3\]\.path ".*" is not allowed here/,
    );
    expect(job.error).toContain(
      '(allowed: exactly docs/requirements.md, docs/user_stories.md, docs/product_spec.json)',
    );
    expect(phaseCalls('ba')[1].messages[3].content).toContain(
      'files[3].path "docs/architecture.md" is not allowed here',
    );
    const tree = await listTree(join(t.dir, 'generated_apps', slug));
    expect(tree).not.toContain('docs/architecture.md');
    expect(tree).not.toContain('source/lib/main.dart');
    expect(tree).not.toContain(requirements.path);
    // The job error names the refused path as the model wrote it (a relative path inside the workspace).
    expect(job.error).toContain('files[3].path "source/lib/main.dart" is not allowed here');
  });

  it('refuses a dev reply escaping source/ through "lib/../..", and one outside the source allowlist', async () => {
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
        ]),
    ]);
    expect(job.status).toBe('failed');
    expect(job.phases.ba).toBe('passed');
    expect(job.phases.dev).toBe('failed');
    expect(job.error).toMatch(
      /^Phase dev failed: The model's reply was invalid twice: files\[1\]\.path "docs\/pwned\.md" is not allowed here \(allowed: files under lib\/, test\/ or assets\//,
    );
    const retry = phaseCalls('dev')[1];
    expect(retry.messages[3].content).toContain(
      'files[1].path "lib/../../../../pwned-dev.txt" is not a safe relative path',
    );

    for (const dir of [t.dir, join(t.dir, 'generated_apps'), join(t.dir, 'generated_apps', slug)]) {
      expect(existsSync(join(dir, 'pwned-dev.txt')), dir).toBe(false);
    }
    const tree = await listTree(join(t.dir, 'generated_apps', slug));
    expect(tree.filter((p) => p.startsWith('source/'))).toEqual([]);
    expect(tree).not.toContain('source/docs/pwned.md');
    expect(tree).not.toContain('docs/pwned.md');
  });
});
