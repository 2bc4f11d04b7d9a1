import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { pathPolicy } from '../../llm/file-reply';
import { AgentWriter } from '../agent-writer.service';
import { generateFeatureFiles, generateFlutterProject, generateFromPlan } from '../generator/flutter-project.generator';
import type { AppPlan } from '../generator/plan/app-plan';
import { planApp } from '../generator/plan/plan-app';
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
    const plan = planApp(context.spec);
    const pkg = plan.packageName;
    const { scaffold, features } = projectLayout(plan);
    const layout = [
      `Dart package name: ${pkg} (import your own files as package:${pkg}/...)`,
      `Backend: ${plan.backend}`,
      'Entities (Dart models in lib/data/models/, repository interfaces in lib/data/repositories/):',
      ...plan.entities.map(
        (entity) =>
          `- ${entity.className}: id (String), ${entity.fields.map((field) => `${field.name} (${field.type}${field.required ? '' : ', optional'})`).join(', ')}`,
      ),
      'Project files:',
      ...scaffold.map((p) => `- ${p}`),
      ...features.map(
        (f) =>
          `- feature "${f.label}" (${f.archetype}): ${f.files.join(', ')} (screen class ${f.screenClass}, route ${f.route})`,
      ),
    ].join('\n');
    const chunks: { title: string; files: string[] }[] = [
      {
        title:
          'the app scaffold (pubspec, entry point, app shell with navigation to every feature screen and settings, app services, data models and repositories, theme, smoke test, README)',
        files: scaffold,
      },
    ];
    for (let i = 0; i < features.length; i += FEATURES_PER_CHUNK) {
      const group = features.slice(i, i + FEATURES_PER_CHUNK);
      chunks.push({
        title: `the feature(s) ${group.map((f) => `"${f.label}" (${f.archetype})`).join(', ')}: screen, its helpers and widget test each`,
        files: group.flatMap((f) => f.files),
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

interface FeatureLayout {
  label: string;
  archetype: string;
  screenClass: string;
  route: string;
  files: string[];
}

/** The builtin project's files split into the shared scaffold and each feature's own files. */
export function projectLayout(plan: AppPlan): { scaffold: string[]; features: FeatureLayout[] } {
  const claimed = new Set<string>();
  const features = plan.features.map((feature) => {
    const files = generateFeatureFiles(plan, feature)
      .map((file) => file.path)
      .filter((path) => !claimed.has(path));
    files.forEach((path) => claimed.add(path));
    return {
      label: feature.names.label,
      archetype: feature.archetype,
      screenClass: feature.classes.screen,
      route: feature.route,
      files,
    };
  });
  const scaffold = generateFromPlan(plan)
    .map((file) => file.path)
    .filter((path) => !claimed.has(path));
  return { scaffold, features };
}
