import { Injectable } from '@nestjs/common';
import { ZipArchive } from 'archiver';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CostsService } from '../../costs/costs.service';
import { PHASE_AGENTS, type PhaseName } from '../phase-names';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';

interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  phase: string | null;
  agent: string | null;
  /** The model that wrote it, `builtin` for the template generator, null for tools (QA, security…). */
  model: string | null;
}

async function listFiles(root: string, area: string): Promise<string[]> {
  const result: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) result.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(join(root, area));
  return result;
}

async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Packs source/, docs/ and a manifest (per-file sha256 and the phase that wrote it) into exports/<slug>_source.zip. */
@Injectable()
export class ExportPhase implements PhaseHandler {
  readonly phase = 'export' as const;

  constructor(private readonly costs: CostsService) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    const { root, job } = context;
    const writtenBy = new Map<string, PhaseName>();
    for (const record of context.phases)
      for (const output of record.outputs) writtenBy.set(output, record.phase as PhaseName);

    const models = job.generator === 'builtin' ? {} : await this.costs.modelsByPhase(job.slug);
    const modelOf = (phase: PhaseName | null): string | null =>
      !phase ? null : job.generator === 'builtin' ? 'builtin' : (models[phase] ?? null);
    const paths = [...(await listFiles(root, 'source')), ...(await listFiles(root, 'docs'))];
    const files: ManifestFile[] = [];
    for (const path of paths) {
      const phase = writtenBy.get(path) ?? null;
      files.push({
        path,
        ...(await hashFile(join(root, path))),
        phase,
        agent: phase ? PHASE_AGENTS[phase] : null,
        model: modelOf(phase),
      });
    }
    const manifest = {
      slug: job.slug,
      name: job.name,
      generator: job.generator,
      phase: 'export',
      agent: PHASE_AGENTS.export,
      cost_usd: job.cost_usd,
      totals: { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) },
      files,
    };

    const finalRel = `exports/${job.slug}_source.zip`;
    const finalPath = join(root, finalRel);
    const tempPath = `${finalPath}.partial`;
    await mkdir(join(root, 'exports'), { recursive: true });
    try {
      const archive = new ZipArchive({ zlib: { level: 6 } });
      const done = pipeline(archive, createWriteStream(tempPath));
      for (const path of paths) archive.file(join(root, path), { name: path });
      archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'manifest.json' });
      await archive.finalize();
      await done;
      await rename(tempPath, finalPath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    await context.log('info', `Exported ${files.length} files to ${finalRel}`);
    return { status: 'passed', outputs: [finalRel], artifact: finalRel };
  }
}
