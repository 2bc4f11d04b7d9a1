import { readFile } from 'node:fs/promises';
import { findDartDirectives, localImportTarget } from '../generator/dart-directives';
import { listProjectFiles, projectFilePath } from '../qa/project-files';
import type { QaFinding } from '../qa/qa.types';
import { contractText, featureOfFile, type AppContract, type FeatureContract } from './app-contract';
import type { ContextBlock } from './prompt-budget';

/** One finding as the repair prompt lists it: `- [rule] file:line: message`. */
export function findingLine(f: QaFinding): string {
  return `- [${f.rule}] ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`;
}

/**
 * What a repair request needs, in priority order: the findings (file, line,
 * rule, message), the pubspec and the contract of the features involved
 * (always whole), the flagged files, then the files they import and the
 * files importing them.
 */
export async function repairContextBlocks(
  sourceDir: string,
  contract: AppContract,
  findings: readonly QaFinding[],
): Promise<{ blocks: ContextBlock[]; flagged: string[] }> {
  const pkg = contract.plan.packageName;
  const flagged = [...new Set(findings.map((f) => f.file))];
  const paths = await listProjectFiles(sourceDir).catch(() => [] as string[]);
  const contents = new Map<string, string>();
  const read = async (path: string) => {
    if (!contents.has(path)) {
      const content = await readFile(projectFilePath(sourceDir, path), 'utf8').catch(() => undefined);
      if (content !== undefined) contents.set(path, content);
    }
    return contents.get(path);
  };
  const importsOf = async (path: string): Promise<string[]> => {
    const content = path.endsWith('.dart') ? await read(path) : undefined;
    if (!content) return [];
    return findDartDirectives(content).flatMap((d) =>
      d.uris.map((uri) => localImportTarget(path, uri, pkg)).filter((t): t is string => !!t),
    );
  };
  const imported: string[] = [];
  const importers: string[] = [];
  for (const path of flagged) imported.push(...(await importsOf(path)));
  for (const path of paths.filter((p) => p.endsWith('.dart'))) {
    const targets = await importsOf(path);
    if (flagged.some((f) => targets.includes(f))) importers.push(path);
  }
  const features = new Set<FeatureContract>();
  for (const path of flagged) {
    const owner = featureOfFile(contract, path);
    if (owner) features.add(owner);
  }
  const blocks: ContextBlock[] = [
    { title: 'QA findings', body: findings.map(findingLine).join('\n'), required: true },
    {
      title: 'pubspec.yaml (contract)',
      body: (await read('pubspec.yaml')) ?? contract.builtin.get('pubspec.yaml') ?? '',
      required: true,
    },
  ];
  if (features.size)
    blocks.push({ title: 'App contract', body: contractText(contract, [...features]), required: true });
  const seen = new Set<string>(['pubspec.yaml']);
  for (const path of flagged) {
    seen.add(path);
    const content = await read(path);
    blocks.push({ title: `source file ${path}`, body: content ?? '(missing: create it)' });
  }
  const neighbours = [...new Set([...imported, ...importers])].filter((p) => !seen.has(p));
  for (const path of neighbours) {
    const content = await read(path);
    if (content === undefined) continue;
    const role = imported.includes(path) ? 'imported by a flagged file' : 'imports a flagged file';
    blocks.push({ title: `related file ${path} (${role}; read-only unless it must change)`, body: content });
  }
  return { blocks, flagged };
}
