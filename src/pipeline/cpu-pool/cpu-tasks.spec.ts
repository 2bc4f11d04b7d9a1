import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentWriter } from '../agent-writer.service';
import { buildContract } from '../context/app-contract';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import { ArchitectPhase } from '../phases/architect.phase';
import { BackendPhase } from '../phases/backend.phase';
import { BaPhase } from '../phases/ba.phase';
import { CreatePhase } from '../phases/create.phase';
import type { DocsPhase } from '../phases/docs-phase';
import { UiuxPhase } from '../phases/uiux.phase';
import { BUILTIN_DOCS, runCpuTask } from './cpu-tasks';

const SPEC: AppSpec = {
  slug: 'pool-app',
  name: 'Pool App',
  description: 'Notes and a shop, with sign-in',
  platforms: ['android', 'web'],
  style: 'modern',
  backend: 'firebase',
  features: ['login', 'notes', 'shop', 'chat'],
};

/** The generator each docs phase names itself (its `documents`, what the LLM path writes against). */
function phaseDocuments(phase: DocsPhase, spec: AppSpec): GeneratedFile[] {
  return (phase as unknown as { documents(spec: AppSpec): GeneratedFile[] }).documents(spec);
}

describe('builtin generation as CPU pool tasks', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cpu-tasks-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const written = (paths: string[]) => paths.map((path) => ({ path, content: readFileSync(join(root, path), 'utf8') }));

  it('builtinSource writes the contract scaffold, then every feature file, under source/ in the dev phase order', async () => {
    const contract = buildContract(SPEC);
    const expected = [...contract.scaffold, ...contract.features.flatMap((f) => f.files)];
    const paths = await runCpuTask({ task: 'builtinSource', input: { spec: SPEC, root } });
    expect(paths).toEqual(expected.map((f) => `source/${f.path}`));
    expect(written(paths)).toEqual(expected.map((f) => ({ path: `source/${f.path}`, content: f.content })));
    expect(paths).toContain('source/pubspec.yaml');
  });

  it('builtinDocs writes for every docs phase exactly what the phase itself generates', async () => {
    const writer = undefined as unknown as AgentWriter;
    const phases: DocsPhase[] = [
      new CreatePhase(),
      new BaPhase(writer),
      new BackendPhase(writer),
      new ArchitectPhase(writer),
      new UiuxPhase(writer),
    ];
    expect(phases.map((p) => p.phase).sort()).toEqual(Object.keys(BUILTIN_DOCS).sort());
    for (const phase of phases) {
      const paths = await runCpuTask({ task: 'builtinDocs', input: { phase: phase.phase, spec: SPEC, root } });
      expect(paths.length).toBeGreaterThan(0);
      expect(written(paths)).toEqual(phaseDocuments(phase, SPEC));
    }
  });

  it('refuses a phase without builtin documents', async () => {
    await expect(
      runCpuTask({ task: 'builtinDocs', input: { phase: 'qa' as never, spec: SPEC, root } }),
    ).rejects.toThrow(/No builtin documents for phase qa/);
  });
});
