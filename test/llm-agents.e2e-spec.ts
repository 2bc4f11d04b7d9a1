import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostRecord } from '../src/costs/cost-record.entity';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, callOf, llmEnv } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';

const AGENT_IDS = [
  'architect_agent',
  'backend_agent',
  'ba_agent',
  'brief_agent',
  'dev_agent',
  'export_agent',
  'qa_agent',
  'refactor_agent',
  'reviewer_agent',
  'runtime_agent',
  'security_agent',
  'uiux_agent',
].sort();

interface AgentBody {
  agent_id: string;
  name: string;
  type: string;
  status: string;
  model: string;
  system_prompt: string;
  description: string;
  temperature: number;
  max_tokens: number;
  updated_at: string;
}

interface AgentTestBody {
  agent_id: string;
  model: string;
  status: string;
  response?: string;
  error?: string;
}

describe('agents: configs and the agent test through the active provider', () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let admin: string;
  let member: string;
  let viewer: string;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies();
    t = await startApp(llmEnv(fake.baseUrl, { LLM_MAX_RETRIES: '0', DAILY_COST_LIMIT: '1000' }));
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member');
    viewer = await t.tokenFor('viewer');
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  const getAgent = async (id: string): Promise<AgentBody> => {
    const res = await t.inject({ method: 'GET', url: `/api/agents/${id}`, token: viewer });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AgentBody>();
  };

  it('lists the 12 pipeline agents with real prompts', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/agents/config', token: viewer });
    expect(res.statusCode).toBe(200);
    const agents = res.json<AgentBody[]>();
    expect(agents.map((a) => a.agent_id).sort()).toEqual(AGENT_IDS);
    for (const agent of agents) {
      expect(agent.type, agent.agent_id).toBe('flutter_factory');
      expect(agent.name.trim(), agent.agent_id).not.toBe('');
      expect(agent.system_prompt.trim().length, agent.agent_id).toBeGreaterThan(50);
      expect(agent.max_tokens, agent.agent_id).toBeGreaterThan(0);
    }
    // Every prompt is written for its agent.
    expect(new Set(agents.map((a) => a.system_prompt)).size).toBe(agents.length);
  });

  it("tests an agent with a real call carrying the agent's system prompt and the provider's default model", async () => {
    fake.reset();
    fake.enqueue({ content: '  OK  ', usage: { prompt_tokens: 40, completion_tokens: 1 } });
    const res = await t.inject({ method: 'POST', url: '/api/agents/dev_agent/test', token: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ agent_id: 'dev_agent', model: 'gpt-4o-mini', status: 'ok', response: 'OK' });

    expect(fake.chatRequests).toHaveLength(1);
    const call = callOf(fake.chatRequests[0]);
    expect(call.system).toBe((await getAgent('dev_agent')).system_prompt);
    expect(call.model).toBe('gpt-4o-mini');
    expect(fake.chatRequests[0].headers.authorization).toBe('Bearer sk-test-123');

    // The call is accounted for like any other.
    const rows = await t.app
      .get(DataSource)
      .getRepository(CostRecord)
      .find({ where: { agent: 'dev_agent' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      job_slug: null,
      tokens_in: 40,
      tokens_out: 1,
      outcome: 'ok',
      model: 'gpt-4o-mini',
    });
  });

  it("uses the agent's own model once one is set", async () => {
    const set = await t.inject({
      method: 'POST',
      url: '/api/agents/config/qa_agent',
      token: admin,
      payload: { model: 'test-model', system_prompt: 'You are a terse QA lead. Reply OK.' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<AgentBody>()).toMatchObject({
      model: 'test-model',
      system_prompt: 'You are a terse QA lead. Reply OK.',
    });

    fake.reset();
    const res = await t.inject({ method: 'POST', url: '/api/agents/qa_agent/test', token: admin });
    expect(res.json()).toEqual({ agent_id: 'qa_agent', model: 'test-model', status: 'ok', response: 'OK' });
    const call = callOf(fake.chatRequests[0]);
    expect(call.model).toBe('test-model');
    expect(call.system).toBe('You are a terse QA lead. Reply OK.');
  });

  it('reports a failing provider as status "error" with a plain reason', async () => {
    fake.reset();
    await t.inject({
      method: 'POST',
      url: '/api/settings',
      token: admin,
      payload: { smart_model_fallback: 'fallback-model' },
    });
    fake.enqueue({ status: 503 }, { status: 503 });
    const res = await t.inject({ method: 'POST', url: '/api/agents/ba_agent/test', token: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json<AgentTestBody>();
    expect(body).toMatchObject({ agent_id: 'ba_agent', status: 'error' });
    expect(body.response).toBeUndefined();
    expect(body.error).toMatch(/HTTP 503/);
    expect(body.error).not.toMatch(/\n\s+at /);
    expect(res.body).not.toContain('sk-test-123');
    expect(fake.chatRequests.map((r) => r.body?.model)).toEqual(['gpt-4o-mini', 'fallback-model']);
  });

  it('POST /api/agents/config/:id needs both fields, non-empty', async () => {
    const before = await getAgent('dev_agent');
    for (const payload of [
      { model: 'gpt-4o' },
      { system_prompt: 'You write Flutter.' },
      { model: '', system_prompt: 'You write Flutter.' },
      { model: 'gpt-4o', system_prompt: '' },
      {},
    ]) {
      const res = await t.inject({ method: 'POST', url: '/api/agents/config/dev_agent', token: admin, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ detail: string }>().detail).toBeTruthy();
    }
    expect(await getAgent('dev_agent')).toEqual(before);
  });

  it('PATCH changes only the given fields', async () => {
    const before = await getAgent('uiux_agent');
    const res = await t.inject({
      method: 'PATCH',
      url: '/api/agents/uiux_agent',
      token: admin,
      payload: { temperature: 0.9 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await getAgent('uiux_agent');
    expect(after.temperature).toBe(0.9);
    const { temperature: _a, updated_at: _b, ...rest } = after;
    const { temperature: _c, updated_at: _d, ...restBefore } = before;
    expect(rest).toEqual(restBefore);

    const bad = await t.inject({
      method: 'PATCH',
      url: '/api/agents/uiux_agent',
      token: admin,
      payload: { temperature: 5 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for an unknown agent and 403 to members changing or testing agents', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/api/agents/nobody_agent' },
      { method: 'PATCH' as const, url: '/api/agents/nobody_agent', payload: { temperature: 0.1 } },
      {
        method: 'POST' as const,
        url: '/api/agents/config/nobody_agent',
        payload: { model: 'gpt-4o', system_prompt: 'x' },
      },
      { method: 'POST' as const, url: '/api/agents/nobody_agent/test' },
    ]) {
      const res = await t.inject({ ...req, token: admin });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
    }
    fake.reset();
    for (const req of [
      { method: 'PATCH' as const, url: '/api/agents/dev_agent', payload: { temperature: 0.1 } },
      {
        method: 'POST' as const,
        url: '/api/agents/config/dev_agent',
        payload: { model: 'gpt-4o', system_prompt: 'x' },
      },
      { method: 'POST' as const, url: '/api/agents/dev_agent/test' },
    ]) {
      const res = await t.inject({ ...req, token: member });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
    }
    expect(fake.chatRequests).toHaveLength(0);
    // Members may read.
    expect((await t.inject({ method: 'GET', url: '/api/agents/config', token: member })).statusCode).toBe(200);
  });
});

describe('agents: the agent test with no usable provider', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ LLM_PROVIDER: '', OPENAI_API_KEY: '' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers status "error" with a plain reason and no request', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/agents/dev_agent/test', token: await t.tokenFor('admin') });
    expect(res.statusCode).toBe(200);
    const body = res.json<AgentTestBody>();
    expect(body).toMatchObject({ agent_id: 'dev_agent', status: 'error' });
    expect(body.error).toMatch(/builtin/);
    expect(body.error!.length).toBeLessThan(300);
    expect(body.error).not.toMatch(/\n\s+at /);
    expect(body.response).toBeUndefined();
  });
});
