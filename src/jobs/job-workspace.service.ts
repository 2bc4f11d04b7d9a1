import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { lstat, readdir, realpath, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isValidSlug } from '../common/slug';
import type { AllConfig } from '../config/config.types';
import { isInside } from './workspace-files';

const READABLE_AREAS = ['source', 'docs'] as const;
const AREAS = [...READABLE_AREAS, 'exports'] as const;

/**
 * The on-disk layout of one job: `<GENERATED_APPS_DIR>/<slug>/{source,docs,exports}`.
 * Every path that comes from outside is resolved here and checked against the
 * job's directory, symlinks included.
 */
@Injectable()
export class JobWorkspaceService {
  constructor(private readonly config: ConfigService<AllConfig, true>) {}

  get baseDir(): string {
    return this.config.get('workspace.generatedAppsDir', { infer: true });
  }

  root(slug: string): string {
    if (!isValidSlug(slug)) throw new BadRequestException('Invalid job slug');
    const dir = resolve(this.baseDir, slug);
    if (!isInside(this.baseDir, dir) || dir === resolve(this.baseDir))
      throw new BadRequestException('Invalid job slug');
    return dir;
  }

  sourceDir(slug: string): string {
    return join(this.root(slug), 'source');
  }

  exportFile(slug: string): string {
    return join(this.root(slug), 'exports', `${slug}_source.zip`);
  }

  /**
   * The job directory and its areas must be real directories: a symlink there could lead phases outside.
   * Checked before every phase with two calls (the directory, then its entries' types), which no missing
   * area makes fail. Synchronous: two cached metadata reads cost a few microseconds, a fifth of what
   * handing them to libuv's threads and back costs the event loop.
   */
  assertNoSymlinks(slug: string): void {
    const root = this.root(slug);
    const refuse = (path: string) => {
      throw new Error(
        `The job workspace has a symbolic link at ${relative(this.baseDir, path) || slug}; refusing to use it`,
      );
    };
    const stats = lstatSync(root, { throwIfNoEntry: false });
    if (!stats) return;
    if (stats.isSymbolicLink()) refuse(root);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(root, { withFileTypes: true });
    } catch {
      // Not a directory (or gone meanwhile): no area can be a link.
    }
    const linked = entries.find((entry) => entry.isSymbolicLink() && (AREAS as readonly string[]).includes(entry.name));
    if (linked) refuse(join(root, linked.name));
  }

  async remove(slug: string): Promise<boolean> {
    const root = this.root(slug);
    const existed = await lstat(root).then(
      () => true,
      () => false,
    );
    await rm(root, { recursive: true, force: true });
    return existed;
  }

  /**
   * Removes every job directory (wipe); the base directory itself stays. A
   * directory a process is still writing into (ENOTEMPTY) is tried again.
   */
  async removeAll(): Promise<void> {
    const entries = await this.entries();
    await Promise.all(
      entries.map((name) =>
        rm(join(this.baseDir, name), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
      ),
    );
  }

  /** What the base directory holds (none when it does not exist yet). */
  async entries(): Promise<string[]> {
    try {
      return await readdir(this.baseDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /**
   * Resolves a client-given path for reading: it must stay under `source/` or
   * `docs/` of this job after following symlinks. Returns the real path.
   */
  async resolveReadable(slug: string, relPath: string): Promise<string> {
    const root = this.root(slug);
    if (!relPath || relPath.includes('\0') || isAbsolute(relPath) || /^[A-Za-z]:/.test(relPath)) {
      throw new BadRequestException('path must be a relative path under source/ or docs/');
    }
    const normalized = relPath.replace(/\\/g, '/');
    const target = resolve(root, normalized);
    const areaName = READABLE_AREAS.find((a) => isInside(join(root, a), target));
    if (!areaName) throw new BadRequestException('path must be under source/ or docs/');
    if ((await lstat(root).catch(() => undefined))?.isSymbolicLink())
      throw new BadRequestException('The job workspace is not readable');
    const areaStats = await lstat(join(root, areaName)).catch(() => undefined);
    if (!areaStats) throw new NotFoundException('File not found');
    if (!areaStats.isDirectory()) throw new BadRequestException('path must be under source/ or docs/');
    let real: string;
    let realRoot: string;
    try {
      real = await realpath(target);
      realRoot = await realpath(root);
    } catch {
      throw new NotFoundException('File not found');
    }
    // Compared with the real job directory, so neither a linked file nor a linked area leads outside.
    if (!isInside(join(realRoot, areaName), real)) throw new BadRequestException('path must be under source/ or docs/');
    return real;
  }

  /** Lists `source/` and `docs/` (symlinks are listed as files but never followed). */
  async tree(slug: string): Promise<{ path: string; name: string; isDir: boolean; size: number }[]> {
    const root = this.root(slug);
    const entries: { path: string; name: string; isDir: boolean; size: number }[] = [];
    const walk = async (dir: string): Promise<void> => {
      const items = await readdir(dir, { withFileTypes: true }).catch(() => []);
      items.sort((a, b) => a.name.localeCompare(b.name));
      for (const item of items) {
        const full = join(dir, item.name);
        const path = relative(root, full).split(sep).join('/');
        if (item.isDirectory()) {
          entries.push({ path, name: item.name, isDir: true, size: 0 });
          await walk(full);
        } else if (item.isFile()) {
          const stats = await lstat(full);
          entries.push({ path, name: item.name, isDir: false, size: stats.size });
        }
      }
    };
    for (const area of READABLE_AREAS) {
      // An area that is itself a link is not listed (its target may be anywhere).
      const stats = await lstat(join(root, area)).catch(() => undefined);
      if (stats?.isDirectory()) await walk(join(root, area));
    }
    return entries;
  }
}
