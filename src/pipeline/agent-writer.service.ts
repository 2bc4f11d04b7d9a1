import { Injectable } from '@nestjs/common';
import { AgentsService } from '../agents/agents.service';
import type { PathPolicy } from '../llm/file-reply';
import { LlmService } from '../llm/llm.service';
import type { GeneratedFile } from './generator/app-spec';
import { LessonsSource } from './lessons-source';
import type { PhaseContext } from './phase-handler';
import { PHASE_AGENTS } from './phase-names';

const MAX_CONTEXT_DOC_CHARS = 12_000;

export interface AgentTask {
  /** What the agent must do, in a sentence or a paragraph. */
  task: string;
  policy: PathPolicy;
  /** Workspace-relative docs to include as context. */
  contextDocs?: readonly string[];
  /** Extra context blocks (findings, file contents, gate tables). */
  extra?: readonly { title: string; body: string }[];
  /** Where the returned paths are written (e.g. `source`); workspace root when absent. */
  under?: string;
  /** False: return the files without writing them (the phase post-processes them). */
  write?: boolean;
}

/**
 * The LLM side of an agent: assembles the prompt (role, task, spec, context
 * docs, the team's approved lessons, output contract), calls the model with
 * the agent's config and writes the validated files.
 */
@Injectable()
export class AgentWriter {
  constructor(
    private readonly llm: LlmService,
    private readonly agents: AgentsService,
    private readonly lessons: LessonsSource,
  ) {}

  async generate(context: PhaseContext, task: AgentTask): Promise<{ files: GeneratedFile[]; outputs: string[] }> {
    const agentId = PHASE_AGENTS[context.phase];
    const agent = await this.agents.config(agentId);
    const user = await this.prompt(context, agentId, task);
    const { files } = await this.llm.generateFiles(
      {
        agent: agentId,
        teamId: context.job.team_id,
        jobSlug: context.job.slug,
        phase: context.phase,
        model: agent.model,
        system: agent.system_prompt,
        user,
        temperature: agent.temperature,
        maxTokens: agent.max_tokens,
        signal: context.signal,
        onNotice: (message) => context.log('warn', message),
      },
      task.policy,
    );
    const outputs = task.write === false ? [] : await context.writeFiles(files, task.under);
    return { files, outputs };
  }

  private async prompt(context: PhaseContext, agentId: string, task: AgentTask): Promise<string> {
    const sections: string[] = [
      `Task: ${task.task}`,
      `Phase: ${context.phase}`,
      `Allowed paths: ${task.policy.description}`,
    ];
    if (task.policy.required?.length)
      sections.push(`Required files:\n${task.policy.required.map((p) => `- ${p}`).join('\n')}`);
    sections.push(`App spec (JSON):\n${JSON.stringify(context.spec, null, 2)}`);
    for (const doc of task.contextDocs ?? []) {
      const content = await context.readFile(doc);
      if (content) sections.push(`--- ${doc} ---\n${content.slice(0, MAX_CONTEXT_DOC_CHARS)}`);
    }
    for (const block of task.extra ?? []) sections.push(`--- ${block.title} ---\n${block.body}`);
    const lessons = await this.lessons.lessonsFor(context.job.team_id, agentId, task.task);
    if (lessons.length)
      sections.push(
        `Lessons your team approved from earlier jobs (apply them):\n${lessons.map((l) => `- ${l}`).join('\n')}`,
      );
    sections.push('Reply with only the JSON object {"files": [{"path": "...", "content": "..."}]}.');
    return sections.join('\n\n');
  }
}
