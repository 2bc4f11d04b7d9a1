import { lstatSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** True when `child` is `parent` itself or inside it (by path.relative, never by string prefix). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A file to write, by its path relative to the job directory. */
export interface WorkspaceFile {
  path: string;
  content: string;
}

/**
 * Writes files under a job directory, refusing anything that would land
 * outside it: a path that leaves the directory, a symlinked parent directory
 * (checked once per directory), a symlink at the file itself (replaced, never
 * written through). Synchronous: it runs in a CPU pool thread with the phase's
 * other file work, so a phase's hundreds of files cost the event loop one task
 * instead of several promises per file.
 */
export function writeWorkspaceFiles(root: string, files: readonly WorkspaceFile[]): string[] {
  mkdirSync(root, { recursive: true });
  const realRoot = realpathSync(root);
  const checkedDirs = new Set<string>();
  for (const file of files) {
    const target = resolve(root, file.path);
    if (!isInside(root, target) || target === root)
      throw new Error(`Refusing to write outside the workspace: ${file.path}`);
    const dir = dirname(target);
    if (!checkedDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      if (!isInside(realRoot, realpathSync(dir)))
        throw new Error(`Refusing to write through a symbolic link: ${file.path}`);
      checkedDirs.add(dir);
    }
    if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(target);
    writeFileSync(target, file.content);
  }
  return files.map((file) => file.path);
}
