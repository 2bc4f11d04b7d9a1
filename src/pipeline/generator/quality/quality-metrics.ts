/**
 * The measures of `npm run quality` (issue 10, "Measure it"): for one spec,
 * plan and generate the app, write it to a temporary directory, run QA on it,
 * and measure recognition, distinctness, reachability, tests, static findings
 * and backend dependencies; for the corpus, the totals and the "Done when"
 * targets they miss. The script and the corpus test only format and assert.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeProject } from '../../qa/qa-analyzer';
import type { QaFeatureExpectation, QaFinding } from '../../qa/qa.types';
import type { GeneratedFile } from '../app-spec';
import { generateFeatureFiles, generateFromPlan } from '../flutter-project.generator';
import {
  entityOf,
  type AppPlan,
  type ArchetypeId,
  type BackendKind,
  type EntityPlan,
  type PlannedFeature,
} from '../plan/app-plan';
import { DOMAIN_ENTITIES } from '../plan/domain-entities';
import { planApp } from '../plan/plan-app';
import { featurePairs, type FeaturePair } from './feature-similarity';
import type { CorpusEntry } from './quality-corpus';

/** A feature pair; for two record screens of unknown words, what each calls its title field. */
export interface MeasuredPair extends FeaturePair {
  titleLabels?: [string, string];
}

function defaultEntityOf(plan: AppPlan, featureId: string): EntityPlan | undefined {
  const feature = plan.features.find((candidate) => candidate.names.id === featureId);
  const entity = feature?.archetype === 'entity' ? entityOf(plan, feature) : undefined;
  return entity?.fieldsFrom === 'default' ? entity : undefined;
}

/**
 * Two record screens of unknown words ("zorbs", "quantum flux") have the same
 * default fields whatever their title field is called ("Zorb name" or
 * "Title"): the planner's `fieldsFrom`, not the field names, says so.
 */
export function withUnknownWords(plan: AppPlan, pair: FeaturePair): MeasuredPair {
  const both = defaultEntityOf(plan, pair.a) && defaultEntityOf(plan, pair.b);
  return both ? { ...pair, kind: 'wordless', titleLabels: titleLabels(plan, pair) } : pair;
}

/** The title field labels of a pair of unknown-word record screens (equal: the screens say the same thing). */
function titleLabels(plan: AppPlan, pair: FeaturePair): [string, string] {
  const label = (id: string) => {
    const entity = defaultEntityOf(plan, id);
    return entity?.fields.find((field) => field.name === entity.titleField)?.label ?? '';
  };
  return [label(pair.a), label(pair.b)];
}

/** Two features this alike (line-set Jaccard after renaming) count as "the same feature renamed". */
export const SIMILARITY_LIMIT = 0.6;

/**
 * Two record screens share the record library's calls (list, form, tests),
 * so their line sets overlap more than two different archetypes do; what
 * differs is every field line. Above this they would be nearly the same entity.
 */
export const RECORD_SIMILARITY_LIMIT = 0.75;

/** The pub packages each backend's repositories need. */
export const BACKEND_PACKAGES: Readonly<Record<BackendKind, readonly string[]>> = {
  none: ['shared_preferences'],
  firebase: ['firebase_core', 'cloud_firestore'],
  supabase: ['supabase_flutter'],
  rest: ['http'],
  graphql: ['graphql_flutter'],
};

/**
 * How a requested label fared: an archetype other than `entity`, an entity of
 * the domain table, a generic domain model (an entity named after the user's
 * words), or lost (no feature carries it: a planner bug).
 */
export type Recognition = 'archetype' | 'domain' | 'model' | 'lost';

export interface LabelResult {
  label: string;
  recognition: Recognition;
  /** Id of the feature the label became. */
  feature?: string;
  archetype?: ArchetypeId;
  /** Entity class of that feature. */
  entity?: string;
}

export interface FeatureResult {
  id: string;
  label: string;
  archetype: ArchetypeId;
  origin: PlannedFeature['origin'];
  entity?: string;
  /** Labels (or mined words) that folded into the feature. */
  requested: string[];
  /** `testWidgets(` calls in the feature's widget test. */
  tests: number;
  /** QA found the screen reachable from lib/main.dart. */
  reachable: boolean;
  /** QA found a test that pumps the screen and interacts with it. */
  tested: boolean;
}

export interface SpecQuality {
  id: string;
  note: string;
  /** Set when planning, generating or QA threw: every target fails for the spec. */
  error?: string;
  /** The backend the plan wires. */
  backend?: BackendKind;
  /** The backend the spec means (the entry's `expect.backend`, else the plan's): its packages are checked. */
  expectedBackend?: BackendKind;
  /** Non-empty requested labels after trim. */
  labels: LabelResult[];
  /** Features mined from the description (origin `description`). */
  mined: FeatureResult[];
  features: FeatureResult[];
  pairs: MeasuredPair[];
  maxSimilarity: number;
  reachable: number;
  tested: number;
  findings: QaFinding[];
  /** Packages the plan's backend needs. */
  backendPackages: string[];
  missingPackages: string[];
  /** Expectations of the corpus entry that the plan does not meet (informational). */
  expectationMisses: string[];
  files: number;
  millis: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The domain-table row an entity comes from (planner may suffix the class: `OrderEntry`, `Task2`). */
export function domainRowOf(entity: EntityPlan): (typeof DOMAIN_ENTITIES)[number] | undefined {
  return DOMAIN_ENTITIES.find(
    (row) =>
      row.label === entity.label &&
      (entity.className === row.className ||
        entity.className === `${row.className}Entry` ||
        new RegExp(`^${row.className}\\d+$`).test(entity.className)),
  );
}

/** Requested labels → what the plan made of them. */
export function recognition(plan: AppPlan): LabelResult[] {
  const labels = plan.spec.features.map((label) => label.trim()).filter(Boolean);
  return labels.map((label) => {
    const feature = plan.features.find((candidate) => candidate.requested.includes(label));
    if (!feature) return { label, recognition: 'lost' };
    const entity = entityOf(plan, feature);
    const base = { label, feature: feature.names.id, archetype: feature.archetype, entity: entity?.className };
    if (feature.archetype !== 'entity') return { ...base, recognition: 'archetype' };
    if (!entity) return { ...base, recognition: 'lost' };
    return { ...base, recognition: domainRowOf(entity) ? 'domain' : 'model' };
  });
}

/** `expect` of the corpus entry against the plan: one message per miss. */
export function expectationMisses(entry: CorpusEntry, plan: AppPlan): string[] {
  const expect = entry.expect;
  if (!expect) return [];
  const misses: string[] = [];
  const describe = (feature: PlannedFeature): string => {
    const entity = entityOf(plan, feature);
    return feature.archetype === 'entity' ? `entity:${entity?.className ?? '?'}` : feature.archetype;
  };
  const matches = (feature: PlannedFeature, wanted: string): boolean => {
    if (wanted === 'entity') return feature.archetype === 'entity';
    if (wanted.startsWith('entity:')) {
      // A table row by its class, or an entity mined from the description by the class it was given.
      const entity = entityOf(plan, feature);
      const className = entity && (domainRowOf(entity)?.className ?? entity.className);
      return feature.archetype === 'entity' && className === wanted.slice(7);
    }
    return feature.archetype === wanted;
  };
  if (expect.backend && expect.backend !== plan.backend) {
    misses.push(`backend "${plan.spec.backend}" planned as ${plan.backend}, expected ${expect.backend}`);
  }
  for (const [label, wanted] of Object.entries(expect.archetypes ?? {})) {
    const feature = plan.features.find((candidate) => candidate.requested.includes(label));
    if (!feature) misses.push(`"${label}": no feature, expected ${wanted}`);
    else if (!matches(feature, wanted)) misses.push(`"${label}" → ${describe(feature)}, expected ${wanted}`);
  }
  const mined = plan.features.filter((feature) => feature.origin === 'description');
  for (const wanted of expect.mined ?? []) {
    if (!mined.some((feature) => matches(feature, wanted))) {
      misses.push(`not mined from the description: ${wanted} (mined: ${mined.map(describe).join(', ') || 'nothing'})`);
    }
  }
  if (expect.maxFeatures !== undefined && plan.features.length > expect.maxFeatures) {
    const ids = plan.features.map((feature) => feature.names.id).join(', ');
    misses.push(`${plan.features.length} features (${ids}), expected at most ${expect.maxFeatures}`);
  }
  return misses;
}

/** What QA checks for each planned feature. */
export function qaExpectations(plan: AppPlan): QaFeatureExpectation[] {
  return plan.features.map((feature) => ({
    label: feature.names.label,
    screenClass: feature.classes.screen,
    screenPath: feature.paths.screen,
    testPath: feature.paths.test,
  }));
}

/** `testWidgets(` calls in a Dart test. */
export function countWidgetTests(source: string | undefined): number {
  return source ? (source.match(/\btestWidgets\s*\(/g) ?? []).length : 0;
}

/** Dependency names declared in a pubspec (none when it does not parse). */
export function pubspecDependencies(pubspec: string | undefined): Set<string> {
  if (!pubspec) return new Set();
  try {
    const doc = parseYaml(pubspec) as { dependencies?: Record<string, unknown> } | null;
    return new Set(Object.keys(doc?.dependencies ?? {}));
  } catch {
    return new Set();
  }
}

async function writeProject(files: readonly GeneratedFile[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'quality-'));
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content);
  }
  return dir;
}

function emptyResult(entry: CorpusEntry): SpecQuality {
  return {
    id: entry.id,
    note: entry.note,
    labels: [],
    mined: [],
    features: [],
    pairs: [],
    maxSimilarity: 0,
    reachable: 0,
    tested: 0,
    findings: [],
    backendPackages: [],
    missingPackages: [],
    expectationMisses: [],
    files: 0,
    millis: 0,
  };
}

/** Plans, generates and QA-checks one corpus entry. Never throws: errors land in `error`. */
export async function measureSpec(entry: CorpusEntry): Promise<SpecQuality> {
  const started = Date.now();
  const result = emptyResult(entry);
  let dir: string | undefined;
  try {
    const plan = planApp(entry.spec);
    result.backend = plan.backend;
    result.labels = recognition(plan);
    result.expectationMisses = expectationMisses(entry, plan);
    const files = generateFromPlan(plan);
    result.files = files.length;
    const byPath = new Map(files.map((file) => [file.path, file.content]));

    const featureFiles = plan.features.map((feature) => ({ feature, files: generateFeatureFiles(plan, feature) }));
    result.pairs = featurePairs(plan, featureFiles).map((pair) => withUnknownWords(plan, pair));
    result.maxSimilarity = result.pairs.reduce((max, pair) => Math.max(max, pair.similarity), 0);

    result.expectedBackend = entry.expect?.backend ?? plan.backend;
    result.backendPackages = [...BACKEND_PACKAGES[result.expectedBackend]];
    const declared = pubspecDependencies(byPath.get('pubspec.yaml'));
    result.missingPackages = result.backendPackages.filter((name) => !declared.has(name));

    dir = await writeProject(files);
    const report = await analyzeProject(dir, qaExpectations(plan));
    result.findings = report.findings;
    result.reachable = report.features_reachable;
    result.tested = report.features_tested;

    const flagged = (rules: readonly string[], file: string) =>
      report.findings.some((finding) => finding.file === file && rules.includes(finding.rule));
    result.features = plan.features.map((feature) => {
      const reachable =
        byPath.has(feature.paths.screen) &&
        !flagged(['feature_unreachable', 'feature_missing_screen'], feature.paths.screen);
      const tests = countWidgetTests(byPath.get(feature.paths.test));
      return {
        id: feature.names.id,
        label: feature.names.label,
        archetype: feature.archetype,
        origin: feature.origin,
        entity: entityOf(plan, feature)?.className,
        requested: [...feature.requested],
        tests,
        reachable,
        tested:
          reachable &&
          tests > 0 &&
          !flagged(
            ['feature_missing_test', 'feature_test_missing_screen', 'feature_test_no_action'],
            feature.paths.test,
          ),
      };
    });
    result.mined = result.features.filter((feature) => feature.origin === 'description');
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
    result.millis = Date.now() - started;
  }
  return result;
}

/** Every entry, one after the other (QA's parser is synchronous: parallel runs would not be faster). */
export async function measureCorpus(
  entries: readonly CorpusEntry[],
  onSpec?: (result: SpecQuality) => void,
): Promise<SpecQuality[]> {
  const results: SpecQuality[] = [];
  for (const entry of entries) {
    const result = await measureSpec(entry);
    onSpec?.(result);
    results.push(result);
  }
  return results;
}

export interface BackendTotals {
  specs: number;
  /** Specs whose pubspec declares every package the backend needs. */
  withPackages: number;
}

export interface QualityTotals {
  specs: number;
  /** Specs that could not be planned, generated or checked. */
  errors: number;
  asked: number;
  recognised: number;
  /** Labels given a generic domain model. */
  modelled: number;
  lost: number;
  mined: number;
  features: number;
  pairs: number;
  /** Identical pairs, not counting `wordless` ones (reported in `wordlessPairs`). */
  identicalPairs: number;
  /** Pairs ≥ the limit where one feature is not a record screen. */
  similarPairs: number;
  maxSimilarity: number;
  /** Record screens of two unknown words: the same default fields, so the same code. */
  wordlessPairs: number;
  /** Of those, pairs whose screens also say the same thing (both title fields labelled alike, e.g. "Title"). */
  wordlessSameLabels: number;
  /** Two record screens over different entities, on the shared record library. */
  recordPairs: number;
  recordPairsSimilar: number;
  maxRecordSimilarity: number;
  reachable: number;
  /** Features QA counts as tested (reachable, test pumps the screen and acts on it). */
  qaTested: number;
  /** Features with at least one `testWidgets`. */
  withTests: number;
  minTests: number;
  meanTests: number;
  findings: number;
  backends: Record<BackendKind, BackendTotals>;
  expectationMisses: number;
}

export function qualityTotals(results: readonly SpecQuality[]): QualityTotals {
  const labels = results.flatMap((result) => result.labels);
  const features = results.flatMap((result) => result.features);
  const pairs = results.flatMap((result) => result.pairs);
  const tests = features.map((feature) => feature.tests);
  const backends = Object.fromEntries(
    Object.keys(BACKEND_PACKAGES).map((kind) => [kind, { specs: 0, withPackages: 0 }]),
  ) as Record<BackendKind, BackendTotals>;
  for (const result of results) {
    const kind = result.expectedBackend;
    if (!kind) continue;
    backends[kind].specs++;
    if (!result.error && result.missingPackages.length === 0) backends[kind].withPackages++;
  }
  const count = (kind: Recognition) => labels.filter((label) => label.recognition === kind).length;
  return {
    specs: results.length,
    errors: results.filter((result) => result.error).length,
    asked: labels.length,
    recognised: count('archetype') + count('domain'),
    modelled: count('model'),
    lost: count('lost'),
    mined: results.reduce((sum, result) => sum + result.mined.length, 0),
    features: features.length,
    pairs: pairs.length,
    identicalPairs: pairs.filter((pair) => pair.identical && pair.kind !== 'wordless').length,
    similarPairs: pairs.filter((pair) => pair.kind === 'other' && pair.similarity >= SIMILARITY_LIMIT).length,
    maxSimilarity: pairs
      .filter((pair) => pair.kind === 'other')
      .reduce((max, pair) => Math.max(max, pair.similarity), 0),
    wordlessPairs: pairs.filter((pair) => pair.kind === 'wordless').length,
    wordlessSameLabels: pairs.filter((pair) => pair.titleLabels && pair.titleLabels[0] === pair.titleLabels[1]).length,
    recordPairs: pairs.filter((pair) => pair.kind === 'records').length,
    recordPairsSimilar: pairs.filter((pair) => pair.kind === 'records' && pair.similarity >= SIMILARITY_LIMIT).length,
    maxRecordSimilarity: pairs
      .filter((pair) => pair.kind === 'records')
      .reduce((max, pair) => Math.max(max, pair.similarity), 0),
    reachable: results.reduce((sum, result) => sum + result.reachable, 0),
    qaTested: results.reduce((sum, result) => sum + result.tested, 0),
    withTests: tests.filter((n) => n > 0).length,
    minTests: tests.length ? Math.min(...tests) : 0,
    meanTests: tests.length ? tests.reduce((sum, n) => sum + n, 0) / tests.length : 0,
    findings: results.reduce((sum, result) => sum + result.findings.length, 0),
    backends,
    expectationMisses: results.reduce((sum, result) => sum + result.expectationMisses.length, 0),
  };
}

/** The issue's "Done when" targets on the corpus, as {@link missedTargets} names them. */
export const TARGETS = {
  generated: 'every spec is planned, generated and checked',
  recognised: '100% of requested features recognised or given a domain model',
  identical: '0 pairs of identical features (besides record screens of two unknown words)',
  similar: `0 pairs of features with similarity ≥ ${SIMILARITY_LIMIT} (besides two record screens)`,
  records: `two record screens of different entities below ${RECORD_SIMILARITY_LIMIT}`,
  reachable: '100% of feature screens reachable',
  tested: 'every feature has a widget test',
  findings: '0 static findings',
  backend: 'backend dependencies present',
} as const;

/** One "Done when" target missed, with the specs and features that miss it. */
export interface MissedTarget {
  target: string;
  details: string[];
}

/** The issue's "Done when" targets on the corpus, checked per spec so each miss names its cause. */
export function missedTargets(results: readonly SpecQuality[]): MissedTarget[] {
  const missed: MissedTarget[] = [];
  const check = (target: (typeof TARGETS)[keyof typeof TARGETS], details: string[]) => {
    if (details.length) missed.push({ target, details });
  };
  check(
    TARGETS.generated,
    results.filter((r) => r.error).map((r) => `${r.id}: ${r.error?.split('\n')[0] ?? ''}`),
  );
  check(
    TARGETS.recognised,
    results.flatMap((r) =>
      r.labels.filter((l) => l.recognition === 'lost').map((l) => `${r.id}: "${l.label}" became no feature`),
    ),
  );
  check(
    TARGETS.identical,
    results.flatMap((r) =>
      r.pairs.filter((p) => p.identical && p.kind !== 'wordless').map((p) => `${r.id}: ${p.a} ≡ ${p.b}`),
    ),
  );
  check(
    TARGETS.records,
    results.flatMap((r) =>
      r.pairs
        .filter((p) => p.kind === 'records' && p.similarity >= RECORD_SIMILARITY_LIMIT)
        .map((p) => `${r.id}: ${p.a} ~ ${p.b} (${p.similarity.toFixed(2)})`),
    ),
  );
  check(
    TARGETS.similar,
    results.flatMap((r) =>
      r.pairs
        .filter((p) => p.kind === 'other' && p.similarity >= SIMILARITY_LIMIT)
        .sort((a, b) => b.similarity - a.similarity || compareIds(a.a, b.a))
        .map((p) => `${r.id}: ${p.a} ~ ${p.b} (${p.similarity.toFixed(2)})`),
    ),
  );
  check(
    TARGETS.reachable,
    results.flatMap((r) => {
      const unreachable = r.features.filter((f) => !f.reachable).map((f) => `${r.id}: ${f.id} (${f.archetype})`);
      if (!unreachable.length && r.reachable < r.features.length) {
        unreachable.push(`${r.id}: QA counts ${r.reachable} of ${r.features.length} screens reachable`);
      }
      return unreachable;
    }),
  );
  check(
    TARGETS.tested,
    results.flatMap((r) => r.features.filter((f) => f.tests < 1).map((f) => `${r.id}: ${f.id} (${f.archetype})`)),
  );
  check(
    TARGETS.findings,
    results.flatMap((r) =>
      r.findings.map((f) => `${r.id}: ${f.file}${f.line ? `:${f.line}` : ''} [${f.rule}] ${f.message}`),
    ),
  );
  check(
    TARGETS.backend,
    results
      .filter((r) => !r.error && r.missingPackages.length)
      .map(
        (r) =>
          `${r.id}: pubspec lacks ${r.missingPackages.join(', ')} (backend ${r.expectedBackend ?? '?'}, planned as ${r.backend ?? '?'})`,
      ),
  );
  return missed;
}
