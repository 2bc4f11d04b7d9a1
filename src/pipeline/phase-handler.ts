import type { JobPhase } from '../jobs/job-phase.entity';
import type { LogLevel } from '../jobs/job-status';
import type { Job } from '../jobs/job.entity';
import type { AppSpec, GeneratedFile } from './generator/app-spec';
import type { Escalation } from '../hitl/checkpoints.service';
import type { CpuPool } from './cpu-pool/cpu-pool.service';
import type { PhaseName } from './phase-names';

/** What a phase sees of the job it works on. */
export interface PhaseContext {
  readonly phase: PhaseName;
  readonly job: Job;
  /** True when an LLM provider is active for this run; false → the builtin generator. */
  readonly usesLlm: boolean;
  readonly spec: AppSpec;
  /** Aborted on cancel, delete, timeout or shutdown: stop child processes and LLM calls. */
  readonly signal: AbortSignal;
  /** Absolute job directory (never shown to clients). */
  readonly root: string;
  /** Absolute `source/` directory of the Flutter project. */
  readonly sourceDir: string;
  /** Phase records as they were when this phase started. */
  readonly phases: readonly JobPhase[];
  /** Writes files under the job directory; returns their workspace-relative paths. */
  writeFiles(files: readonly GeneratedFile[], under?: string): Promise<string[]>;
  /** Reads a workspace-relative file, `undefined` when absent. */
  readFile(relPath: string): Promise<string | undefined>;
  log(level: LogLevel, message: string): Promise<void>;
  /** Runs CPU-heavy steps (QA parse, security scan) off the event loop. */
  readonly cpu: CpuPool;
}

export interface PhaseResult {
  status: 'passed' | 'skipped' | 'failed';
  /** Workspace-relative paths the phase wrote. */
  outputs: string[];
  /** Why it was skipped or failed (a message for people, never a stack). */
  reason?: string;
  /** Workspace-relative path of the downloadable result (export only). */
  artifact?: string;
  /** A failure a person may accept: the job waits at a checkpoint instead of failing. */
  escalation?: Escalation;
}

/** One pipeline phase, run by its agent. Register new phases in phase-list.ts. */
export interface PhaseHandler {
  readonly phase: PhaseName;
  run(context: PhaseContext): Promise<PhaseResult>;
}

export const PHASE_HANDLERS = Symbol('PHASE_HANDLERS');
