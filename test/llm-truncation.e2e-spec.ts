import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CostRecord } from '../src/costs/cost-record.entity';
import { exactFiles, pathPolicy } from '../src/llm/file-reply';
import { LlmReplyError, LlmTruncatedError } from '../src/llm/llm.errors';
import { LlmService, type LlmRequest } from '../src/llm/llm.service';
import { startApp, type TestApp } from './helpers/app';
import { llmEnv } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';

const REQUEST: LlmRequest = {
  agent: 'dev_agent',
  teamId: 'default',
  jobSlug: 'truncation-unit',
  phase: 'dev',
  system: 'You write Flutter code.',
  user: 'Write the files. Reply with only the JSON object {"files": [...]}.',
  maxTokens: 300,
};

const file = (path: string, content: string) => ({ path, content });
/** A `files` reply cut after `cut` characters. */
const cutReply = (files: { path: string; content: string }[], cut: number) => JSON.stringify({ files }).slice(0, cut);

/** Catches what `promise` rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('LlmService: a reply cut at max_tokens is never parsed as complete', () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let llm: LlmService;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    t = await startApp(llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000' }));
    llm = t.app.get(LlmService);
  });

  beforeEach(() => fake.reset());

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  const rows = () =>
    t.app
      .get(DataSource)
      .getRepository(CostRecord)
      .find({ where: { job_slug: REQUEST.jobSlug }, order: { id: 'ASC' } });

  it('throws LlmTruncatedError with the files complete before the cut, after one request', async () => {
    const a = file('lib/a.dart', 'class A {}\n');
    const b = file('lib/b.dart', 'class B {\n  final String s = "a \\"quoted\\" } brace";\n}\n');
    const c = file('lib/c.dart', 'class C {}\n'.repeat(20));
    const full = JSON.stringify({ files: [a, b, c] });
    fake.enqueue({
      content: cutReply([a, b, c], full.indexOf('lib/c.dart') + 30),
      finishReason: 'length',
      usage: { prompt_tokens: 100, completion_tokens: 300 },
    });
    const before = (await rows()).length;

    const error = await rejection(llm.generateFiles(REQUEST, exactFiles([a.path, b.path, c.path])));
    expect(error).toBeInstanceOf(LlmTruncatedError);
    expect(error).toBeInstanceOf(LlmReplyError);
    const truncated = error as LlmTruncatedError;
    expect(truncated.partialFiles).toEqual([a, b]);
    expect(truncated.requestedPaths).toEqual([a.path, b.path, c.path]);
    expect(truncated.message).toBe(
      "The model's reply was cut off at max_tokens (300 tokens) after 2 complete file(s) of 3 requested",
    );
    // No corrective retry with the same budget: the caller splits or continues the piece.
    expect(fake.chatRequests).toHaveLength(1);
    const recorded = (await rows()).slice(before);
    expect(recorded).toHaveLength(1);
    expect(truncated.costUsd).toBeGreaterThan(0);
    expect(truncated.costUsd).toBeCloseTo(recorded[0].cost_usd, 12);
  });

  it('does not take a cut reply as complete even when what arrived parses', async () => {
    const a = file('lib/a.dart', 'class A {}\n');
    fake.enqueue({ content: JSON.stringify({ files: [a] }), finishReason: 'length' });
    const error = await rejection(llm.generateFiles(REQUEST, pathPolicy('files under lib/', ['lib/'])));
    expect(error).toBeInstanceOf(LlmTruncatedError);
    expect((error as LlmTruncatedError).partialFiles).toEqual([a]);
    expect((error as LlmTruncatedError).requestedPaths).toEqual([]);
  });

  it('salvages nothing unsafe or outside the policy, and nothing from a reply cut inside the first file', async () => {
    const policy = pathPolicy('files under lib/', ['lib/']);
    const files = [
      file('../escape.dart', 'x'),
      file('docs/x.md', 'x'),
      file('lib/ok.dart', 'ok'),
      file('lib/cut.dart', 'cut'),
    ];
    fake.enqueue(
      { content: cutReply(files, JSON.stringify({ files }).indexOf('lib/cut.dart')), finishReason: 'length' },
      { content: '```json\n{"files": [{"path": "lib/a.dart", "content": "class', finishReason: 'length' },
    );
    const first = (await rejection(llm.generateFiles(REQUEST, policy))) as LlmTruncatedError;
    expect(first.partialFiles).toEqual([file('lib/ok.dart', 'ok')]);
    const second = (await rejection(llm.generateFiles(REQUEST, policy))) as LlmTruncatedError;
    expect(second).toBeInstanceOf(LlmTruncatedError);
    expect(second.partialFiles).toEqual([]);
  });

  it('a corrective retry cut at max_tokens keeps the first reply’s files and both calls’ cost', async () => {
    const a = file('lib/a.dart', 'class A {}\n');
    const b = file('lib/b.dart', 'class B {}\n');
    const c = file('lib/c.dart', 'class C {}\n');
    fake.enqueue(
      // c is missing: one corrective retry asks for b and c only.
      { content: JSON.stringify({ files: [a] }), usage: { prompt_tokens: 100, completion_tokens: 20 } },
      {
        content: cutReply([b, c], JSON.stringify({ files: [b, c] }).indexOf('lib/c.dart')),
        finishReason: 'length',
        usage: { prompt_tokens: 150, completion_tokens: 300 },
      },
    );
    const before = (await rows()).length;
    const error = (await rejection(
      llm.generateFiles(REQUEST, exactFiles([a.path, b.path, c.path])),
    )) as LlmTruncatedError;
    expect(error).toBeInstanceOf(LlmTruncatedError);
    expect(error.partialFiles).toEqual([a, b]);
    expect(fake.chatRequests).toHaveLength(2);
    const retry = fake.chatRequests[1].body!.messages as { role: string; content: string }[];
    expect(retry[3].content).toContain('required file(s) missing: lib/b.dart, lib/c.dart');
    const recorded = (await rows()).slice(before);
    expect(recorded).toHaveLength(2);
    expect(error.costUsd).toBeCloseTo(recorded[0].cost_usd + recorded[1].cost_usd, 12);
  });

  it('complete() reports finish_reason and does not ask for JSON', async () => {
    fake.enqueue({ content: 'Hello', finishReason: 'length' }, { content: 'Hello there.' });
    const cut = await llm.complete({ ...REQUEST, user: 'Say hello' });
    expect(cut).toMatchObject({ content: 'Hello', finishReason: 'length' });
    const whole = await llm.complete({ ...REQUEST, user: 'Say hello' });
    expect(whole).toMatchObject({ content: 'Hello there.', finishReason: 'stop' });
    expect(fake.chatRequests.map((r) => 'response_format' in r.body!)).toEqual([false, false]);
  });
});
