import { analyzeProject } from '../qa/qa-analyzer';
import type { QaFeatureExpectation, QaReport } from '../qa/qa.types';
import { scanProject } from '../security/security-scanner';
import type { SecurityScanResult } from '../security/security.types';

/**
 * The pipeline's CPU-heavy steps that run in the worker-thread pool: pure
 * functions of a project directory with structured-clone inputs and outputs
 * (the thread reads the files itself; nothing but paths and results cross).
 */
export interface CpuTaskMap {
  /** Static QA of a generated project (tree-sitter parse of every Dart file, imports, symbols, features). */
  analyzeProject: {
    input: { projectDir: string; expected: QaFeatureExpectation[]; flutterSkipReason?: string };
    output: QaReport;
  };
  /** The security scan of a generated project. */
  scanProject: { input: { projectDir: string }; output: SecurityScanResult };
}

export type CpuTaskName = keyof CpuTaskMap;

export interface CpuTaskRequest<K extends CpuTaskName = CpuTaskName> {
  task: K;
  input: CpuTaskMap[K]['input'];
}

const TASKS: { [K in CpuTaskName]: (input: CpuTaskMap[K]['input']) => Promise<CpuTaskMap[K]['output']> } = {
  analyzeProject: ({ projectDir, expected, flutterSkipReason }) =>
    analyzeProject(projectDir, expected, { flutterSkipReason }),
  scanProject: ({ projectDir }) => scanProject(projectDir),
};

export function runCpuTask<K extends CpuTaskName>(request: CpuTaskRequest<K>): Promise<CpuTaskMap[K]['output']> {
  const run = TASKS[request.task] as (input: CpuTaskMap[K]['input']) => Promise<CpuTaskMap[K]['output']>;
  if (!run) return Promise.reject(new Error(`Unknown CPU task ${String(request.task)}`));
  return run(request.input);
}
