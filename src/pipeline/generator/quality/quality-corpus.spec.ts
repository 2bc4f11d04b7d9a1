/**
 * Issue 10's "Done when" on the quality corpus (test/fixtures/quality-corpus.json):
 * every spec is planned, generated and QA-checked once (beforeAll), then each
 * target is asserted on its own, listing the specs and features that miss it.
 * `npm run quality` prints the same measures as tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendKind } from '../plan/app-plan';
import { corpusProblems, loadQualityCorpus, type CorpusEntry } from './quality-corpus';
import {
  SIMILARITY_LIMIT,
  RECORD_SIMILARITY_LIMIT,
  TARGETS,
  measureCorpus,
  missedTargets,
  type SpecQuality,
} from './quality-metrics';

const corpus: CorpusEntry[] = loadQualityCorpus();
let results: SpecQuality[] = [];

/** The details of one "Done when" target (empty when it is met). */
function missesOf(target: (typeof TARGETS)[keyof typeof TARGETS]): string[] {
  return missedTargets(results).find((missed) => missed.target === target)?.details ?? [];
}

describe('quality corpus', () => {
  it('takes the slugs the API takes: underscores yes, upper case or spaces no', () => {
    const withSlug = (slug: string) => [{ ...corpus[0], spec: { ...corpus[0].spec, slug } }];
    expect(corpusProblems(withSlug('todo_app'))).toEqual([]);
    for (const bad of ['Todo', 'todo app', '_todo']) {
      expect(
        corpusProblems(withSlug(bad)).some((p) => p.endsWith('bad slug')),
        bad,
      ).toBe(true);
    }
  });

  it('is well-formed and varied', () => {
    expect(corpusProblems(corpus)).toEqual([]);
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const backends = new Set(corpus.map((entry) => entry.expect?.backend));
    for (const kind of ['none', 'firebase', 'supabase', 'rest', 'graphql'] satisfies BackendKind[]) {
      expect(backends, `a spec with backend ${kind}`).toContain(kind);
    }
    const expected = new Set(
      corpus.flatMap((entry) => Object.values(entry.expect?.archetypes ?? {}).map((id) => id.split(':')[0])),
    );
    for (const id of [
      'auth',
      'chart',
      'settings',
      'scanner',
      'notifications',
      'search',
      'map',
      'camera',
      'timer',
      'chat',
      'calendar',
      'profile',
      'onboarding',
      'checkout',
      'entity',
    ]) {
      expect(expected, `a spec asking for ${id}`).toContain(id);
    }
    expect(corpus.some((entry) => entry.spec.features.length === 0)).toBe(true);
    expect(corpus.some((entry) => entry.spec.features.length >= 12)).toBe(true);
  });
});

describe('builtin generator on the quality corpus (issue 10, Done when)', () => {
  beforeAll(async () => {
    results = await measureCorpus(corpus);
  }, 180_000);

  it('plans, generates and checks every spec', () => {
    expect(missesOf(TARGETS.generated)).toEqual([]);
  });

  it('recognises every requested feature or gives it a domain model', () => {
    expect(missesOf(TARGETS.recognised)).toEqual([]);
    const asked = results.reduce((sum, result) => sum + result.labels.length, 0);
    expect(asked).toBeGreaterThan(0);
  });

  it('has no two features that are the same code renamed', () => {
    expect(missesOf(TARGETS.identical)).toEqual([]);
  });

  it(`has no two features with line-set similarity ≥ ${SIMILARITY_LIMIT}, besides two record screens`, () => {
    expect(missesOf(TARGETS.similar)).toEqual([]);
  });

  it(`keeps two record screens of different entities below ${RECORD_SIMILARITY_LIMIT}`, () => {
    expect(missesOf(TARGETS.records)).toEqual([]);
  });

  it('makes every feature screen reachable from the app', () => {
    expect(missesOf(TARGETS.reachable)).toEqual([]);
  });

  it('gives every feature a widget test', () => {
    expect(missesOf(TARGETS.tested)).toEqual([]);
  });

  it('leaves no static QA findings', () => {
    expect(missesOf(TARGETS.findings)).toEqual([]);
  });

  it('declares the packages of every backend', () => {
    expect(missesOf(TARGETS.backend)).toEqual([]);
  });
});
