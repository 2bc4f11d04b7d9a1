import { writeWorkspaceFiles, type WorkspaceFile } from '../../jobs/workspace-files';
import { buildContract } from '../context/app-contract';
import { packExport, type ExportInput } from '../export/export-archive';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import { architectureDocs, baDocs, backendDocs, briefDocs, designDocs } from '../generator/docs.generator';
import type { PhaseName } from '../phase-names';
import { analyzeProject } from '../qa/qa-analyzer';
import { qaExpectationsOf } from '../qa/qa-expectations';
import type { QaReport } from '../qa/qa.types';
import { scanProject } from '../security/security-scanner';
import type { SecurityScanResult } from '../security/security.types';

/** The builtin documents of each docs phase (what the phase writes without an LLM). */
export const BUILTIN_DOCS = {
  create: briefDocs,
  ba: baDocs,
  backend: backendDocs,
  architect: architectureDocs,
  uiux: designDocs,
} as const satisfies Partial<Record<PhaseName, (spec: AppSpec) => GeneratedFile[]>>;

export type BuiltinDocsPhase = keyof typeof BUILTIN_DOCS;

export function isBuiltinDocsPhase(phase: PhaseName): phase is BuiltinDocsPhase {
  return Object.hasOwn(BUILTIN_DOCS, phase);
}

/** The builtin Flutter project in the order the dev phase writes it: the contract's scaffold, then every feature's files. */
export function builtinSource(spec: AppSpec): GeneratedFile[] {
  const contract = buildContract(spec);
  return [...contract.scaffold, ...contract.features.flatMap((feature) => feature.files)];
}

/** Files with their paths under a workspace area (`lib/main.dart` → `source/lib/main.dart`). */
export function inArea(area: string, files: readonly GeneratedFile[]): WorkspaceFile[] {
  return files.map((file) => ({ path: `${area}/${file.path}`, content: file.content }));
}

/**
 * The pipeline's CPU-heavy steps that run in the worker-thread pool, with
 * structured-clone inputs and outputs: the builtin generator (spec in, files
 * out), a project directory's checks (they read the files in the thread;
 * nothing but paths and results cross), and the file work itself — a phase's
 * writes and the export's ZIP — so the event loop pays one task per phase
 * instead of several promises and streams per file.
 */
export interface CpuTaskMap {
  /** Static QA of a generated project (the spec's plan, a tree-sitter parse of every Dart file, imports, symbols, features). */
  analyzeProject: {
    input: { projectDir: string; spec: AppSpec; flutterSkipReason?: string };
    output: QaReport;
  };
  /** The security scan of a generated project. */
  scanProject: { input: { projectDir: string }; output: SecurityScanResult };
  /**
   * The builtin generator's whole Flutter project (no-LLM dev phase), written under `root`/source/: the files
   * never cross to the event loop (a project is megabytes of strings to copy twice); returns the written paths.
   */
  builtinSource: { input: { spec: AppSpec; root: string }; output: string[] };
  /** A docs phase's builtin documents (no-LLM docs phases), written under `root`; returns their paths. */
  builtinDocs: { input: { phase: BuiltinDocsPhase; spec: AppSpec; root: string }; output: string[] };
  /** A phase's files written under the job directory `root` (paths relative to it); returns those paths. */
  writeFiles: { input: { root: string; files: WorkspaceFile[] }; output: string[] };
  /** The export: source/, docs/ and the manifest packed into one ZIP. */
  packExport: { input: ExportInput; output: { files: number } };
}

export type CpuTaskName = keyof CpuTaskMap;

export interface CpuTaskRequest<K extends CpuTaskName = CpuTaskName> {
  task: K;
  input: CpuTaskMap[K]['input'];
}

const TASKS: { [K in CpuTaskName]: (input: CpuTaskMap[K]['input']) => Promise<CpuTaskMap[K]['output']> } = {
  analyzeProject: ({ projectDir, spec, flutterSkipReason }) =>
    analyzeProject(projectDir, qaExpectationsOf(spec), { flutterSkipReason }),
  scanProject: ({ projectDir }) => scanProject(projectDir),
  builtinSource: ({ spec, root }) =>
    Promise.resolve().then(() => writeWorkspaceFiles(root, inArea('source', builtinSource(spec)))),
  builtinDocs: ({ phase, spec, root }) =>
    isBuiltinDocsPhase(phase)
      ? Promise.resolve().then(() => writeWorkspaceFiles(root, BUILTIN_DOCS[phase](spec)))
      : Promise.reject(new Error(`No builtin documents for phase ${String(phase)}`)),
  writeFiles: ({ root, files }) => Promise.resolve().then(() => writeWorkspaceFiles(root, files)),
  packExport: (input) => Promise.resolve().then(() => packExport(input)),
};

export function runCpuTask<K extends CpuTaskName>(request: CpuTaskRequest<K>): Promise<CpuTaskMap[K]['output']> {
  const run = TASKS[request.task] as (input: CpuTaskMap[K]['input']) => Promise<CpuTaskMap[K]['output']>;
  if (!run) return Promise.reject(new Error(`Unknown CPU task ${String(request.task)}`));
  return run(request.input);
}
