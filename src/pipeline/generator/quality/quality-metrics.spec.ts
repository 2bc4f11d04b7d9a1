import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import type { EntityPlan } from '../plan/app-plan';
import { generateFeatureFiles } from '../flutter-project.generator';
import { planApp } from '../plan/plan-app';
import { featurePairs } from './feature-similarity';
import { corpusProblems, type CorpusEntry } from './quality-corpus';
import {
  TARGETS,
  countWidgetTests,
  domainRowOf,
  expectationMisses,
  missedTargets,
  pubspecDependencies,
  qualityTotals,
  recognition,
  withUnknownWords,
  type SpecQuality,
} from './quality-metrics';

function spec(overrides: Partial<AppSpec>): AppSpec {
  return {
    slug: 'metrics',
    name: 'Metrics',
    description: 'An app.',
    platforms: ['android'],
    style: 'modern',
    backend: 'none',
    features: [],
    ...overrides,
  };
}

function entity(className: string, label: string): EntityPlan {
  return {
    className,
    fileName: 'x',
    collection: 'xs',
    tableName: 'xs',
    label,
    pluralLabel: `${label}s`,
    fields: [],
    titleField: 'title',
    paths: { model: 'lib/data/models/x.dart', repository: 'lib/data/repositories/x_repository.dart' },
  };
}

function result(overrides: Partial<SpecQuality>): SpecQuality {
  return {
    id: 'spec',
    note: '',
    backend: 'none',
    expectedBackend: 'none',
    labels: [],
    mined: [],
    features: [],
    pairs: [],
    maxSimilarity: 0,
    reachable: 0,
    tested: 0,
    findings: [],
    backendPackages: ['shared_preferences'],
    missingPackages: [],
    expectationMisses: [],
    files: 0,
    millis: 0,
    ...overrides,
  };
}

describe('recognition', () => {
  it('tells archetypes, domain-table entities and generic domain models apart, and skips blank labels', () => {
    const plan = planApp(spec({ features: ['Login', ' Expenses ', 'Game board', '   ', 'login'] }));
    const byLabel = Object.fromEntries(recognition(plan).map((label) => [label.label, label.recognition]));
    expect(byLabel).toEqual({ Login: 'archetype', Expenses: 'domain', 'Game board': 'model', login: 'archetype' });
  });
});

describe('domainRowOf', () => {
  it('finds the table row behind a suffixed class, not behind a generic one', () => {
    expect(domainRowOf(entity('Expense', 'Expense'))?.className).toBe('Expense');
    expect(domainRowOf(entity('OrderEntry', 'Order'))?.className).toBe('Order');
    expect(domainRowOf(entity('Task2', 'Task'))?.className).toBe('Task');
    expect(domainRowOf(entity('GameBoard', 'Game board'))).toBeUndefined();
    expect(domainRowOf(entity('Movy', 'Movy'))).toBeUndefined();
  });
});

describe('expectationMisses', () => {
  it('reports a wrong backend, a wrong archetype and a merge that did not happen', () => {
    const entry: CorpusEntry = {
      id: 'x',
      note: '',
      spec: spec({ backend: 'my own server', features: ['Recipes', 'QR scanner', 'Settings', 'settings'] }),
      expect: {
        backend: 'graphql',
        archetypes: { Recipes: 'entity:Recipe', 'QR scanner': 'camera' },
        maxFeatures: 1,
      },
    };
    const misses = expectationMisses(entry, planApp(entry.spec));
    expect(misses).toHaveLength(3);
    expect(misses[0]).toBe('backend "my own server" planned as rest, expected graphql');
    expect(misses[1]).toBe('"QR scanner" → scanner, expected camera');
    expect(misses[2]).toMatch(/^3 features \(recipes, qr_scanner, settings\), expected at most 1$/);
  });
});

describe('countWidgetTests and pubspecDependencies', () => {
  it('counts testWidgets calls', () => {
    expect(countWidgetTests("testWidgets('a', (t) async {});\n  testWidgets ('b', (t) async {});\n")).toBe(2);
    expect(countWidgetTests('test("plain", () {});')).toBe(0);
    expect(countWidgetTests(undefined)).toBe(0);
  });

  it('reads dependency names and tolerates a broken pubspec', () => {
    expect([...pubspecDependencies('name: a\ndependencies:\n  flutter:\n    sdk: flutter\n  http: ^1.2.2\n')]).toEqual([
      'flutter',
      'http',
    ]);
    expect(pubspecDependencies('dependencies: [').size).toBe(0);
  });
});

describe('qualityTotals and missedTargets', () => {
  it('passes a clean corpus', () => {
    const clean = result({
      labels: [{ label: 'Tasks', recognition: 'domain' }],
      features: [
        {
          id: 'tasks',
          label: 'Tasks',
          archetype: 'entity',
          origin: 'features',
          requested: ['Tasks'],
          tests: 2,
          reachable: true,
          tested: true,
        },
      ],
      reachable: 1,
      tested: 1,
    });
    expect(missedTargets([clean])).toEqual([]);
    expect(qualityTotals([clean])).toMatchObject({ asked: 1, recognised: 1, features: 1, minTests: 2, findings: 0 });
  });

  it('names the spec and feature behind every missed target', () => {
    const broken = result({
      id: 'bad',
      labels: [{ label: 'Lost', recognition: 'lost' }],
      features: [
        {
          id: 'a',
          label: 'A',
          archetype: 'entity',
          origin: 'features',
          requested: ['A'],
          tests: 0,
          reachable: false,
          tested: false,
        },
        {
          id: 'b',
          label: 'B',
          archetype: 'entity',
          origin: 'features',
          requested: ['B'],
          tests: 1,
          reachable: true,
          tested: true,
        },
      ],
      pairs: [{ a: 'a', b: 'b', similarity: 1, identical: true, kind: 'other' }],
      reachable: 1,
      findings: [{ rule: 'dart_syntax', file: 'lib/a.dart', line: 3, message: 'oops' }],
      missingPackages: ['shared_preferences'],
    });
    const failed = result({ id: 'boom', error: 'Error: two templates write x\n at y' });
    const missed = Object.fromEntries(missedTargets([broken, failed]).map((m) => [m.target, m.details]));
    expect(missed).toEqual({
      [TARGETS.generated]: ['boom: Error: two templates write x'],
      [TARGETS.recognised]: ['bad: "Lost" became no feature'],
      [TARGETS.identical]: ['bad: a ≡ b'],
      [TARGETS.similar]: ['bad: a ~ b (1.00)'],
      [TARGETS.reachable]: ['bad: a (entity)'],
      [TARGETS.tested]: ['bad: a (entity)'],
      [TARGETS.findings]: ['bad: lib/a.dart:3 [dart_syntax] oops'],
      [TARGETS.backend]: ['bad: pubspec lacks shared_preferences (backend none, planned as none)'],
    });
    const totals = qualityTotals([broken, failed]);
    expect(totals.backends.none).toEqual({ specs: 2, withPackages: 0 });
    expect(totals).toMatchObject({ errors: 1, lost: 1, identicalPairs: 1, similarPairs: 1, minTests: 0 });
  });
});

describe('corpusProblems', () => {
  it('rejects bad slugs, duplicate ids and missing fields', () => {
    const good = { id: 'a', note: '', spec: spec({}) };
    expect(corpusProblems([good])).toEqual([]);
    expect(corpusProblems({})).toEqual(['the corpus is not an array']);
    expect(
      corpusProblems([
        good,
        { ...good },
        { id: 'b', note: '', spec: { ...spec({}), slug: 'Bad Slug', features: 'x' } },
      ]),
    ).toEqual([
      'entry 1 (a): duplicate id',
      'entry 2 (b): bad slug',
      'entry 2 (b): spec.features is not a string array',
    ]);
  });
});

describe('record screens of two unknown words', () => {
  const plan = planApp(spec({ features: ['zorbs', 'quantum flux', 'Feature 1', 'Feature 2'] }));
  const records = plan.features.filter((feature) => feature.archetype === 'entity');
  const pairs = featurePairs(
    plan,
    records.map((feature) => ({ feature, files: generateFeatureFiles(plan, feature) })),
  ).map((pair) => withUnknownWords(plan, pair));
  const pair = (a: string, b: string) => pairs.find((candidate) => candidate.a === a && candidate.b === b);

  it('counts them apart however their title field is called, with what each screen calls it', () => {
    // Same default fields, so the same code renamed; only the labels (strings) tell them apart.
    expect(pair('zorbs', 'quantum_flux')).toMatchObject({
      kind: 'wordless',
      identical: true,
      titleLabels: ['Zorb name', 'Quantum flux name'],
    });
    expect(pair('zorbs', 'feature_1')).toMatchObject({ kind: 'wordless', titleLabels: ['Zorb name', 'Title'] });
    expect(pair('feature_1', 'feature_2')).toMatchObject({ kind: 'wordless', titleLabels: ['Title', 'Title'] });
  });

  it('reports how many of them still say the same thing on screen', () => {
    const totals = qualityTotals([result({ pairs })]);
    expect(totals).toMatchObject({ wordlessPairs: 6, wordlessSameLabels: 1, identicalPairs: 0 });
  });
});
