import AdmZip from 'adm-zip';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
 * a CPU pool thread, synchronously: each file is read once, for its hash and
 * the archive, and deflated on this thread (an asynchronous zip stream would
 * hand every chunk to libuv's threads, which compete with the event loop).
 */
export function packExport(input: ExportInput): { files: number } {
  const { root } = input;
  const paths = [...listFiles(root, 'source'), ...listFiles(root, 'docs')];
  const finalPath = join(root, input.zipPath);
  const tempPath = `${finalPath}.partial`;
  mkdirSync(join(finalPath, '..'), { recursive: true });
  const files: ManifestFile[] = [];
  const archive = new AdmZip();
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
    archive.addFile(path, content);
  }
  const manifest = {
    ...input.header,
    totals: { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) },
    files,
  };
  archive.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  try {
    writeFileSync(tempPath, archive.toBuffer());
    renameSync(tempPath, finalPath);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
  return { files: files.length };
}
