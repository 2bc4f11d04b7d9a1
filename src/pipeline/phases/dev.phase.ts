import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { pathPolicy, type PathPolicy } from '../../llm/file-reply';
import { LlmTruncatedError } from '../../llm/llm.errors';
import { AgentWriter } from '../agent-writer.service';
import { buildContract, isContractFile, type AppContract } from '../context/app-contract';
import { afterCutReply } from '../context/cut-replies';
import { planDevChunks, splitChunk, type DevChunk } from '../context/dev-chunks';
import { devContextBlocks } from '../context/dev-context';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';

/** Where the dev agent may write, relative to `source/`. */
export const SOURCE_FILES_DESCRIPTION =
  'files under lib/, test/ or assets/, and pubspec.yaml, analysis_options.yaml, README.md, .gitignore';

export function sourcePolicy(required: readonly string[] = []) {
  return pathPolicy(
    SOURCE_FILES_DESCRIPTION,
    ['lib/', 'test/', 'assets/'],
    ['pubspec.yaml', 'analysis_options.yaml', 'README.md', '.gitignore'],
    required,
  );
}

/**
 * What the model may write once the contract exists: files under lib/, test/
 * or assets/ that the contract does not own (the chunk's own files are
 * required). Contract files in a reply are dropped.
 */
export function featurePolicy(contract: AppContract, required: readonly string[] = []): PathPolicy {
  const base = sourcePolicy(required);
  return {
    description: `${base.description}, except the contract's files (pubspec.yaml, lib/app.dart, lib/main.dart, lib/app_services.dart, lib/theme/, lib/data/, shared libraries)`,
    allows: (path) => base.allows(path) && !isContractFile(contract, path) && path !== 'pubspec.yaml',
    required,
  };
}

/**
 * Writes the complete Flutter project into `source/`: first the contract (the
 * builtin skeleton: pubspec, shell, navigation, theme, AppServices, data
 * layer, shared libraries), then every feature's files — from the builtin
 * templates, or from the dev agent chunk by chunk within the contract.
 */
@Injectable()
export class DevPhase implements PhaseHandler {
  readonly phase = 'dev' as const;

  constructor(private readonly writer: AgentWriter) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    await rm(context.sourceDir, { recursive: true, force: true });
    let outputs: string[];
    if (context.usesLlm) {
      const contract = buildContract(context.spec);
      outputs = await context.writeFiles(contract.scaffold, 'source');
      await context.log(
        'info',
        `Wrote the app contract (${contract.scaffold.length} files: pubspec, shell, navigation, theme, AppServices, data layer); the dev agent writes ${contract.features.length} feature(s)`,
      );
      outputs.push(...(await this.withAgent(context, contract)));
    } else {
      // The builtin generator (scaffold, then every feature's files) runs and writes in a CPU pool thread.
      outputs = await context.cpu.run('builtinSource', { spec: context.spec, root: context.root }, context.signal);
    }
    await context.log('info', `Generated a Flutter project of ${outputs.length} files`);
    return { status: 'passed', outputs };
  }

  private async withAgent(context: PhaseContext, contract: AppContract): Promise<string[]> {
    const maxTokens = await this.writer.maxTokens(context);
    const queue: DevChunk[] = planDevChunks(contract.features, maxTokens, contract.plan.packageName);
    const outputs: string[] = [];
    let done = 0;
    while (queue.length) {
      const chunk = queue.shift()!;
      const paths = chunk.files.map((f) => f.path);
      const labels = chunk.features.map((f) => `"${f.feature.names.label}" (${f.feature.archetype})`).join(', ');
      done++;
      await context.log('info', `Dev request ${done}/${done + queue.length}: ${labels}, ${paths.length} file(s)`);
      try {
        const result = await this.writer.generate(context, {
          task: `Write the feature file(s) listed under "Required files" for ${labels}: screens, their helpers and widget tests, within the app contract below. Other requests write the other features; the contract files already exist.`,
          policy: featurePolicy(contract, paths),
          extra: await devContextBlocks(context, contract, chunk),
          under: 'source',
        });
        outputs.push(...result.outputs);
      } catch (error) {
        if (!(error instanceof LlmTruncatedError)) throw error;
        const cut = await afterCutReply(context, chunk, error, {
          agentId: 'dev_agent',
          maxTokens,
          under: 'source',
          split: splitChunk,
        });
        outputs.push(...cut.outputs);
        queue.unshift(...cut.next);
      }
    }
    return outputs;
  }
}
