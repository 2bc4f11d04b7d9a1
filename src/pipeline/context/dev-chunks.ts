import type { GeneratedFile } from '../generator/app-spec';
import { importsOf, type FeatureContract } from './app-contract';
import { halves, OUTPUT_FILL, replyTokens, type Piece } from './cut-replies';

/** One dev request: some features' files (a whole feature, or part of a large one). */
export interface DevChunk extends Piece {
  features: FeatureContract[];
}

export const chunkTokens = replyTokens;

/**
 * Packs features into requests by the output budget: whole features while
 * their estimated reply fits `maxTokens × OUTPUT_FILL`; a feature larger than
 * that alone is spread over several requests, file by file.
 */
export function planDevChunks(
  features: readonly FeatureContract[],
  maxTokens: number,
  packageName: string,
): DevChunk[] {
  // Features built on the same shared libraries (the record screens) go next to each other, so one request's
  // context serves several of them.
  const shared = (f: FeatureContract) =>
    importsOf(f.files, packageName)
      .filter((path) => path.startsWith('lib/core/'))
      .sort()
      .join(',');
  const grouped = features
    .map((feature, index) => ({ feature, index, key: shared(feature) }))
    .sort((a, b) => (a.key === b.key ? a.index - b.index : a.key < b.key ? -1 : 1))
    .map((entry) => entry.feature);
  features = dependenciesFirst(grouped, packageName);
  const limit = Math.max(256, Math.floor(maxTokens * OUTPUT_FILL));
  const chunks: DevChunk[] = [];
  let open: DevChunk | undefined;
  let openTokens = 0;
  for (const feature of features) {
    if (!feature.files.length) continue;
    const tokens = chunkTokens(feature.files);
    if (tokens > limit) {
      let part: DevChunk | undefined;
      let partTokens = 0;
      for (const file of feature.files) {
        const fileTokens = chunkTokens([file]);
        if (!part || partTokens + fileTokens > limit) {
          part = { features: [feature], files: [], splits: 0 };
          partTokens = 0;
          chunks.push(part);
        }
        part.files.push(file);
        partTokens += fileTokens;
      }
      continue;
    }
    if (!open || openTokens + tokens > limit) {
      open = { features: [], files: [], splits: 0 };
      openTokens = 0;
      chunks.push(open);
    }
    open.features.push(feature);
    open.files.push(...feature.files);
    openTokens += tokens;
  }
  return chunks;
}

/**
 * A feature that imports another feature's file (a profile screen using the
 * sign-in's AuthService) comes after it, so its request sees the file the
 * model wrote. Otherwise the order stays.
 */
function dependenciesFirst(features: readonly FeatureContract[], packageName: string): FeatureContract[] {
  const ownerOf = new Map<string, FeatureContract>();
  for (const f of features) for (const file of f.files) ownerOf.set(file.path, f);
  const ordered: FeatureContract[] = [];
  const visiting = new Set<FeatureContract>();
  const visit = (feature: FeatureContract) => {
    if (ordered.includes(feature) || visiting.has(feature)) return;
    visiting.add(feature);
    for (const path of importsOf(feature.files, packageName)) {
      const owner = ownerOf.get(path);
      if (owner && owner !== feature) visit(owner);
    }
    ordered.push(feature);
  };
  features.forEach(visit);
  return ordered;
}

/** Halves a chunk's files (the reply did not fit); the features named stay those owning the files. */
export function splitChunk(chunk: DevChunk, files: readonly GeneratedFile[]): DevChunk[] {
  return halves(chunk, files).map((part) => ({
    ...part,
    features: chunk.features.filter((f) => f.files.some((file) => part.files.some((p) => p.path === file.path))),
  }));
}
