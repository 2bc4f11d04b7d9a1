import { Injectable } from '@nestjs/common';
import { AgentsService } from '../agents/agents.service';
import type { PathPolicy } from '../llm/file-reply';
import { LlmService } from '../llm/llm.service';
import { fitBlocks, PROMPT_BUDGET_TOKENS, type ContextBlock } from './context/prompt-budget';
import type { GeneratedFile } from './generator/app-spec';
import { LessonsSource } from './lessons-source';
import type { PhaseContext } from './phase-handler';
import { PHASE_AGENTS } from './phase-names';

/** Title of the block that lists what the context budget left out. */
export const LEFT_OUT_TITLE = 'Left out for the context budget';

export interface AgentTask {
  /** What the agent must do, in a sentence or a paragraph. */
  task: string;
  policy: PathPolicy;
  /** Workspace-relative docs to include as context (after `extra`, while the budget lasts). */
  contextDocs?: readonly string[];
  /**
   * Context blocks in priority order (findings, contract, file contents, gate tables). Blocks without
   * `required` are sent while the prompt budget lasts; a cut one says how much was left out.
   */
  extra?: readonly ContextBlock[];
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

  /** The max_tokens of the agent running this phase: the output budget the phase plans its requests by. */
  async maxTokens(context: PhaseContext): Promise<number> {
    return (await this.agents.config(PHASE_AGENTS[context.phase])).max_tokens;
  }

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
    const lessons = await this.lessons.lessonsFor(context.job.team_id, agentId, task.task);
    const candidates: ContextBlock[] = [...(task.extra ?? [])];
    for (const doc of task.contextDocs ?? []) {
      const content = await context.readFile(doc);
      if (content) candidates.push({ title: doc, body: content });
    }
    const fixed = [...sections, ...lessons].join('\n').length / 4 + 200;
    const { blocks, omitted } = fitBlocks(candidates, PROMPT_BUDGET_TOKENS - Math.ceil(fixed));
    for (const block of blocks) sections.push(`--- ${block.title} ---\n${block.body}`);
    if (omitted.length) {
      sections.push(`--- ${LEFT_OUT_TITLE} ---\n${omitted.map((title) => `- ${title}`).join('\n')}`);
      await context.log('info', `Prompt context over budget; left out: ${omitted.join(', ')}`);
    }
    if (lessons.length)
      sections.push(
        `Lessons your team approved from earlier jobs (apply them):\n${lessons.map((l) => `- ${l}`).join('\n')}`,
      );
    sections.push('Reply with only the JSON object {"files": [{"path": "...", "content": "..."}]}.');
    return sections.join('\n\n');
  }
}
