import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { pathPolicy } from '../../llm/file-reply';
import { AgentWriter } from '../agent-writer.service';
import { APP_FILE_PATHS, generateFlutterProject } from '../generator/flutter-project.generator';
import { dartPackageName } from '../generator/naming';
import { projectFeatures, type ProjectFeature } from '../generator/project-features';
import type { PhaseContext, PhaseHandler, PhaseResult } from '../phase-handler';

/** Features per LLM call: small chunks keep replies within output limits. */
const FEATURES_PER_CHUNK = 2;

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

const SCAFFOLD_FILES = [
  APP_FILE_PATHS.pubspec,
  APP_FILE_PATHS.analysisOptions,
  APP_FILE_PATHS.readme,
  APP_FILE_PATHS.main,
  APP_FILE_PATHS.app,
  APP_FILE_PATHS.theme,
  APP_FILE_PATHS.settingsScreen,
  APP_FILE_PATHS.widgetTest,
];

function featureFiles(feature: ProjectFeature): string[] {
  const { model, repository, state, screen, test } = feature.paths;
  return [model, repository, state, screen, test];
}

/** Writes the complete Flutter project into `source/`: builtin templates, or the dev agent chunk by chunk. */
@Injectable()
export class DevPhase implements PhaseHandler {
  readonly phase = 'dev' as const;

  constructor(private readonly writer: AgentWriter) {}

  async run(context: PhaseContext): Promise<PhaseResult> {
    await rm(context.sourceDir, { recursive: true, force: true });
    const outputs = context.usesLlm
      ? await this.withAgent(context)
      : await context.writeFiles(generateFlutterProject(context.spec), 'source');
    await context.log('info', `Generated a Flutter project of ${outputs.length} files`);
    return { status: 'passed', outputs };
  }

  private async withAgent(context: PhaseContext): Promise<string[]> {
    const pkg = dartPackageName(context.spec.slug);
    const features = projectFeatures(context.spec.features);
    const layout = [
      `Dart package name: ${pkg} (import your own files as package:${pkg}/...)`,
      'Project files:',
      ...SCAFFOLD_FILES.map((p) => `- ${p}`),
      ...features.map(
        (f) =>
          `- feature "${f.names.label}": ${featureFiles(f).join(', ')} (screen class ${f.classes.screen}, route ${f.route})`,
      ),
    ].join('\n');
    const chunks: { title: string; files: string[] }[] = [
      {
        title:
          'the app scaffold (pubspec, entry point, app shell with navigation to every feature screen and settings, theme, settings screen, smoke test, README)',
        files: SCAFFOLD_FILES,
      },
    ];
    for (let i = 0; i < features.length; i += FEATURES_PER_CHUNK) {
      const group = features.slice(i, i + FEATURES_PER_CHUNK);
      chunks.push({
        title: `the feature(s) ${group.map((f) => `"${f.names.label}"`).join(', ')}: model, repository, state, screen and widget test each`,
        files: group.flatMap(featureFiles),
      });
    }
    const outputs: string[] = [];
    for (const [index, chunk] of chunks.entries()) {
      await context.log('info', `Dev chunk ${index + 1}/${chunks.length}: ${chunk.files.length} files`);
      const result = await this.writer.generate(context, {
        task: `Write ${chunk.title}. This is chunk ${index + 1} of ${chunks.length} of one Flutter project; other chunks write the other files listed in the layout.`,
        policy: sourcePolicy(chunk.files),
        contextDocs: ['docs/architecture.md', 'docs/design.md'],
        extra: [{ title: 'Project layout', body: layout }],
        under: 'source',
      });
      outputs.push(...result.outputs);
    }
    return outputs;
  }
}
