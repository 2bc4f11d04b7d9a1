import { ZipArchive } from 'archiver';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PHASE_AGENTS, type PhaseName } from '../phase-names';

interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  phase: string | null;
  agent: string | null;
  /** The model that wrote it, `builtin` for the template generator, null for tools (QA, security…). */
  model: string | null;
}

/** What the export needs to know besides the files: the manifest's header and who wrote which file. */
export interface ExportInput {
  /** The job directory. */
  root: string;
  /** Workspace-relative path of the ZIP to write (under exports/). */
  zipPath: string;
  /** The manifest's fields before its file list (slug, name, generator, cost…). */
  header: Record<string, unknown>;
  /** The phase that wrote each workspace-relative path (files no phase reported have none). */
  writtenBy: Record<string, PhaseName>;
  /** The model of each phase: `builtin`, the LLM's model, or null when unknown. */
  modelOf: Partial<Record<PhaseName, string | null>>;
}

function listFiles(root: string, area: string): string[] {
  const result: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) result.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(join(root, area));
  return result;
}

/**
 * Packs source/, docs/ and a manifest (per-file sha256, size and the phase,
 * agent and model that wrote it) into one ZIP, written beside as `.partial`
 * and renamed when complete. Symlinks are neither listed nor followed. Runs in
 * a CPU pool thread: each file is read once, for its hash and the archive.
 */
export async function packExport(input: ExportInput): Promise<{ files: number }> {
  const { root } = input;
  const paths = [...listFiles(root, 'source'), ...listFiles(root, 'docs')];
  const finalPath = join(root, input.zipPath);
  const tempPath = `${finalPath}.partial`;
  mkdirSync(join(finalPath, '..'), { recursive: true });
  const files: ManifestFile[] = [];
  try {
    const archive = new ZipArchive({ zlib: { level: 6 } });
    const done = pipeline(archive, createWriteStream(tempPath));
    for (const path of paths) {
      const content = readFileSync(join(root, path));
      const phase = input.writtenBy[path] ?? null;
      files.push({
        path,
        sha256: createHash('sha256').update(content).digest('hex'),
        size: content.length,
        phase,
        agent: phase ? PHASE_AGENTS[phase] : null,
        model: phase ? (input.modelOf[phase] ?? null) : null,
      });
      archive.append(content, { name: path });
    }
    const manifest = {
      ...input.header,
      totals: { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) },
      files,
    };
    archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'manifest.json' });
    await archive.finalize();
    await done;
    renameSync(tempPath, finalPath);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
  return { files: files.length };
}
