import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASE_NAMES } from '../src/pipeline/phase-names';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, DEFAULT_USAGE, llmEnv } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { JobsClient } from './helpers/jobs';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Family {
  name: string;
  type: string;
  help?: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_NAME = '[a-zA-Z_][a-zA-Z0-9_]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\["\\\\n])*"';
const LABEL = `${LABEL_NAME}=${LABEL_VALUE}`;
// Prometheus parses NaN case-insensitively (prom-client writes `Nan`).
const VALUE = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?Inf|[Nn][Aa][Nn]';
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (${VALUE})(?: -?\\d+)?$`);
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SUFFIXES: Record<string, readonly string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

function parseValue(text: string): number {
  if (/^[-+]?Inf$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

function unescapeLabel(value: string): string {
  return value.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/**
 * A strict reader of the Prometheus text format 0.0.4: every line is a HELP,
 * a TYPE or a sample; a family's TYPE comes once, before its samples; every
 * sample belongs to a typed family (histograms: _bucket/_sum/_count); label
 * names are not repeated; histogram buckets are cumulative and end with +Inf = _count.
 */
function parseExposition(text: string): Map<string, Family> {
  expect(text.endsWith('\n'), 'ends with a newline').toBe(true);
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  let current: Family | undefined;
  const familyOf = (sampleName: string): Family | undefined => {
    if (!current) return undefined;
    const suffix = sampleName.slice(current.name.length);
    return sampleName.startsWith(current.name) && SUFFIXES[current.type].includes(suffix) ? current : undefined;
  };
  for (const [index, line] of text.slice(0, -1).split('\n').entries()) {
    const where = `line ${index + 1}: ${JSON.stringify(line)}`;
    if (line === '') continue;
    const help = HELP_LINE.exec(line);
    const type = TYPE_LINE.exec(line);
    if (help || type) {
      const name = (help ?? type)![1];
      if (current && current.name !== name) closed.add(current.name);
      expect(closed.has(name), `${where}: family ${name} seen before`).toBe(false);
      const family = families.get(name) ?? { name, type: 'untyped', samples: [] };
      families.set(name, family);
      if (help) {
        expect(family.help, `${where}: second HELP`).toBeUndefined();
        family.help = help[2];
      } else {
        expect(family.samples, `${where}: TYPE after samples`).toHaveLength(0);
        family.type = type![2];
      }
      current = family;
      continue;
    }
    expect(line.startsWith('#'), `${where}: unknown comment`).toBe(false);
    const match = SAMPLE_LINE.exec(line);
    expect(match, `${where}: not a sample line`).not.toBeNull();
    const [, name, labelText, valueText] = match!;
    const family = familyOf(name);
    expect(family, `${where}: sample outside its family`).toBeDefined();
    const labels: Record<string, string> = {};
    for (const m of (labelText ?? '').matchAll(new RegExp(`(${LABEL_NAME})=(${LABEL_VALUE})`, 'g'))) {
      expect(labels[m[1]], `${where}: label ${m[1]} twice`).toBeUndefined();
      labels[m[1]] = unescapeLabel(m[2]);
    }
    family!.samples.push({ name, labels, value: parseValue(valueText) });
  }
  for (const family of families.values()) {
    expect(family.type, `${family.name} has a TYPE`).not.toBe('untyped');
    if (family.type === 'histogram') checkHistogram(family);
  }
  return families;
}

function checkHistogram(family: Family): void {
  const series = new Map<string, Sample[]>();
  const keyOf = (labels: Record<string, string>): string =>
    JSON.stringify(
      Object.entries(labels)
        .filter(([k]) => k !== 'le')
        .sort(),
    );
  for (const sample of family.samples) {
    const key = keyOf(sample.labels);
    series.set(key, [...(series.get(key) ?? []), sample]);
  }
  for (const [key, samples] of series) {
    const buckets = samples.filter((s) => s.name.endsWith('_bucket'));
    const count = samples.find((s) => s.name === `${family.name}_count`);
    expect(count, `${family.name}${key} has _count`).toBeDefined();
    expect(
      samples.some((s) => s.name === `${family.name}_sum`),
      `${family.name}${key} has _sum`,
    ).toBe(true);
    const bounds = buckets.map((b) => parseValue(b.labels.le));
    expect(bounds, `${family.name}${key} bucket bounds ascend`).toEqual([...bounds].sort((a, b) => a - b));
    expect(bounds[bounds.length - 1]).toBe(Infinity);
    const counts = buckets.map((b) => b.value);
    expect(counts, `${family.name}${key} buckets are cumulative`).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[counts.length - 1]).toBe(count!.value);
  }
}

const sum = (samples: readonly Sample[]): number => samples.reduce((total, s) => total + s.value, 0);

describe('the exposition parser of this test', () => {
  const valid = '# HELP a_total A counter\n# TYPE a_total counter\na_total{x="1"} 2\n';

  it('accepts valid text and rejects malformed lines', () => {
    expect(parseExposition(valid).get('a_total')?.samples).toEqual([{ name: 'a_total', labels: { x: '1' }, value: 2 }]);
    for (const bad of [
      'a_total 1\n', // no TYPE
      '# TYPE a_total counter\na_total{x=1} 2\n', // unquoted label value
      '# TYPE a_total counter\na_total{x="1",x="2"} 2\n', // repeated label
      '# TYPE a_total counter\na_total two\n', // not a number
      '# TYPE a_total counter\nb_total 1\n', // sample outside its family
      '# TYPE a_total counter\na_total 1\n# TYPE a_total counter\n', // TYPE after samples
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', // not cumulative
      '# TYPE a_total counter\na_total 1', // no final newline
    ]) {
      expect(() => parseExposition(bad), JSON.stringify(bad)).toThrow();
    }
  });
});

describe('GET /metrics', () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let admin: string;
  let member: string;

  const scrape = async (): Promise<Map<string, Family>> => {
    const res = await t.inject({ method: 'GET', url: '/metrics', token: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(res.body);
  };

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies();
    t = await startApp(llmEnv(fake.baseUrl));
    admin = await t.tokenFor('admin');
    member = await t.tokenFor('member', 'acme');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('needs an admin token', async () => {
    expect((await t.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    for (const role of ['member', 'viewer'] as const) {
      const res = await t.inject({ method: 'GET', url: '/metrics', token: await t.tokenFor(role) });
      expect(res.statusCode, role).toBe(403);
      expect(res.json()).toEqual({ detail: expect.any(String) });
    }
  });

  it('parses as Prometheus text before any job ran, with every job status at zero', async () => {
    const families = await scrape();
    const jobs = families.get('sf_jobs')!;
    expect(jobs.type).toBe('gauge');
    expect(Object.fromEntries(jobs.samples.map((s) => [s.labels.status, s.value]))).toEqual({
      queued: 0,
      running: 0,
      waiting_approval: 0,
      cancel_requested: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
    });
    expect(families.get('sf_phase_duration_seconds')?.type).toBe('histogram');
    expect(families.get('sf_llm_calls_total')?.type).toBe('counter');
    expect(families.get('process_cpu_user_seconds_total')?.type).toBe('counter');
  });

  it('reflects a finished job: jobs gauge, phase durations, LLM calls, tokens and cost, HTTP requests', async () => {
    const jobs = new JobsClient(t, member);
    await jobs.create({ name: 'Metered App', slug: 'metered-app', features: ['auth'] });
    await jobs.waitForSuccess('metered-app');
    expect((await t.inject({ method: 'GET', url: '/no/such/route', token: admin })).statusCode).toBe(404);

    const families = await scrape();
    const byStatus = Object.fromEntries(families.get('sf_jobs')!.samples.map((s) => [s.labels.status, s.value]));
    expect(byStatus.succeeded).toBeGreaterThanOrEqual(1);

    const phases = families.get('sf_phase_duration_seconds')!;
    const counts = phases.samples.filter((s) => s.name === 'sf_phase_duration_seconds_count');
    expect(sum(counts)).toBeGreaterThanOrEqual(13);
    expect(new Set(counts.map((s) => s.labels.phase))).toEqual(new Set(PHASE_NAMES));
    expect(counts.every((s) => ['passed', 'skipped'].includes(s.labels.status))).toBe(true);

    const calls = families.get('sf_llm_calls_total')!.samples;
    expect(sum(calls)).toBe(fake.chatRequests.length);
    expect(calls.every((s) => s.labels.model === 'gpt-4o-mini' && s.labels.provider === 'openai')).toBe(true);
    expect(new Set(calls.map((s) => s.labels.agent))).toContain('dev_agent');
    const tokens = families.get('sf_llm_tokens_total')!.samples;
    const tokensIn = sum(tokens.filter((s) => s.labels.direction === 'in'));
    const tokensOut = sum(tokens.filter((s) => s.labels.direction === 'out'));
    expect(tokensIn).toBe(DEFAULT_USAGE.prompt_tokens * fake.chatRequests.length);
    expect(tokensOut).toBe(DEFAULT_USAGE.completion_tokens * fake.chatRequests.length);
    const cost = sum(families.get('sf_llm_cost_usd_total')!.samples);
    expect(cost).toBeCloseTo((tokensIn * 0.15 + tokensOut * 0.6) / 1e6, 9);

    const http = families.get('sf_http_request_duration_seconds')!;
    const requests = http.samples.filter((s) => s.name.endsWith('_count'));
    const countOf = (method: string, route: string, status: string): number =>
      sum(
        requests.filter(
          (s) => s.labels.method === method && s.labels.route === route && s.labels.status_code === status,
        ),
      );
    expect(countOf('GET', '/api/jobs/:slug', '200')).toBeGreaterThanOrEqual(1);
    expect(countOf('POST', '/api/jobs', '202')).toBe(1);
    expect(countOf('GET', '/metrics', '403')).toBe(2);
    expect(countOf('GET', 'unmatched', '404')).toBe(1);
    // Route patterns only: no label carries a raw URL.
    expect(requests.some((s) => s.labels.route.includes('metered-app'))).toBe(false);
  });
});
