import type { PhaseContext } from '../phase-handler';
import { contractText, featureOfFile, importsOf, type AppContract, type FeatureContract } from './app-contract';
import type { DevChunk } from './dev-chunks';
import { selectDart, selectSections } from './doc-selection';
import type { ContextBlock } from './prompt-budget';

/** Docs of earlier phases a dev request reads, in priority order (each cut to the parts about its features). */
const DEV_DOCS = ['docs/requirements.md', 'docs/user_stories.md', 'docs/design.md', 'docs/architecture.md'];
const API_DOC = 'docs/api_contract.md';
/** Contract files that list every entity or service; a request sees only the parts about its features. */
const AGGREGATES: ReadonlySet<string> = new Set([
  'lib/app_services.dart',
  'test/support/fake_repositories.dart',
  'test/support/test_services.dart',
]);

/** Words that name a feature in docs: its label, id, screen class, screen path, and its entity's names. */
function termsOf(feature: FeatureContract): string[] {
  const { feature: f, entity } = feature;
  return [
    f.names.label,
    f.names.id,
    f.classes.screen,
    f.paths.screen,
    f.route,
    ...(entity ? [entity.className, entity.label, entity.pluralLabel] : []),
  ];
}

/** Dart names of a feature: its classes' prefix, its entity's class, collection and file, its services. */
function dartTermsOf(feature: FeatureContract): string[] {
  const { feature: f, entity } = feature;
  return [
    f.classes.prefix,
    ...(entity ? [entity.className, entity.collection, entity.fileName] : []),
    ...feature.services.flatMap((service) => [service.type, service.field]),
  ];
}

function splitTerms(
  contract: AppContract,
  features: readonly FeatureContract[],
  termsFor: (feature: FeatureContract) => string[],
): { keep: string[]; others: string[] } {
  const keep = features.flatMap(termsFor);
  const kept = new Set(keep.map((t) => t.toLowerCase()));
  const mine = new Set(features.map((f) => f.feature.names.id));
  const others = contract.features
    .filter((f) => !mine.has(f.feature.names.id))
    .flatMap(termsFor)
    .filter((t) => !kept.has(t.toLowerCase()));
  return { keep, others };
}

export function docTerms(
  contract: AppContract,
  features: readonly FeatureContract[],
): { keep: string[]; others: string[] } {
  return splitTerms(contract, features, termsOf);
}

/**
 * Content of a project file the chunk depends on: what an earlier request
 * wrote, or the contract's version — as an excerpt without the parts about
 * other features (AppServices and the fake repositories list every entity).
 */
async function dependency(
  context: PhaseContext,
  contract: AppContract,
  path: string,
  dart: { keep: string[]; others: string[] },
): Promise<string | undefined> {
  if (featureOfFile(contract, path)) return context.readFile(`source/${path}`);
  const content = contract.builtin.get(path);
  return content !== undefined && AGGREGATES.has(path) ? selectDart(content, dart.keep, dart.others) : content;
}

/**
 * Everything one dev request needs, in priority order: the contract and the
 * pubspec (always whole), the already-written files the chunk imports
 * (models, repositories, shared libraries), this job's requirements and user
 * stories about these features, AppServices and the theme, then design,
 * architecture and the API contract.
 */
export async function devContextBlocks(
  context: PhaseContext,
  contract: AppContract,
  chunk: DevChunk,
): Promise<ContextBlock[]> {
  const pkg = contract.plan.packageName;
  const paths = chunk.files.map((f) => f.path);
  const blocks: ContextBlock[] = [
    { title: 'App contract', body: contractText(contract, chunk.features, paths), required: true },
    {
      title: 'pubspec.yaml (contract)',
      body: (await context.readFile('source/pubspec.yaml')) ?? contract.builtin.get('pubspec.yaml') ?? '',
      required: true,
    },
  ];
  const included = new Set<string>(['pubspec.yaml', ...paths]);
  const dart = splitTerms(contract, chunk.features, dartTermsOf);
  const fileBlocks = async (targets: readonly string[]): Promise<ContextBlock[]> => {
    const out: ContextBlock[] = [];
    for (const target of targets) {
      if (included.has(target)) continue;
      const content = await dependency(context, contract, target, dart);
      if (content === undefined) continue;
      included.add(target);
      out.push({ title: `file ${target} (already written, read-only)`, body: content });
    }
    return out;
  };
  const direct = importsOf(chunk.files, pkg);
  blocks.push(...(await fileBlocks(direct)));

  const { keep, others } = docTerms(contract, chunk.features);
  const docs: ContextBlock[] = [];
  for (const doc of [...DEV_DOCS, ...(contract.plan.backend === 'none' ? [] : [API_DOC])]) {
    const content = await context.readFile(doc);
    if (content) docs.push({ title: doc, body: selectSections(content, keep, others) });
  }
  blocks.push(...docs.slice(0, 2));

  // What the shared libraries among the direct imports build on (models and test support import every entity: not followed).
  const second = importsOf(
    direct
      .filter((path) => path.startsWith('lib/core/') && contract.builtin.has(path))
      .map((path) => ({ path, content: contract.builtin.get(path)! })),
    pkg,
  );
  blocks.push(...(await fileBlocks([...second, 'lib/app_services.dart', 'lib/theme/app_theme.dart'])));
  blocks.push(...docs.slice(2));
  return blocks;
}
