import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';

// File access here and in QA's and the security scan's readers is synchronous:
// they run in a CPU pool thread, where asynchronous calls would only hand each
// read to libuv's threads (which compete with the event loop) and back.

/** Tool output, not project source: never analysed or scanned. */
const SKIPPED_DIRS = new Set(['.dart_tool', 'build']);
/** Guards against pathological trees; a generated project is far smaller. */
const MAX_FILES = 20_000;

function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A symlink counts only if it is a file whose real target stays inside the project. */
async function isContainedFileLink(root: string, linkPath: string): Promise<boolean> {
  try {
    const target = realpathSync(linkPath);
    return isInside(root, target) && statSync(target).isFile();
  } catch {
    return false; // dangling link
  }
}

async function walk(root: string, relDir: string, out: string[]): Promise<void> {
  const absDir = path.join(root, ...relDir.split('/').filter(Boolean));
  const entries: Dirent[] = readdirSync(absDir, { withFileTypes: true });
  for (const entry of entries) {
    if (out.length >= MAX_FILES) return;
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!isSkippedDir(entry.name)) await walk(root, rel, out);
    } else if (entry.isFile()) {
      out.push(rel);
    } else if (entry.isSymbolicLink() && (await isContainedFileLink(root, path.join(absDir, entry.name)))) {
      // Symlinked directories are never followed: that rules out loops and escapes.
      out.push(rel);
    }
  }
}

/**
 * Every file of the project as a sorted, posix, root-relative path. Skips
 * `.dart_tool`, `build` and hidden directories (hidden files such as `.env` stay).
 */
export async function listProjectFiles(projectDir: string): Promise<string[]> {
  const root = realpathSync(projectDir);
  const files: string[] = [];
  await walk(root, '', files);
  return files.sort();
}

/** Absolute path of a root-relative posix path returned by {@link listProjectFiles}. */
export function projectFilePath(projectDir: string, relPath: string): string {
  return path.join(projectDir, ...relPath.split('/'));
}
