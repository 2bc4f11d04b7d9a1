import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { nowIso } from '../common/time';
import { LlmService } from '../llm/llm.service';
import { AGENT_DEFINITIONS } from './agent-definitions';
import { AgentConfig } from './agent-config.entity';
import type { AgentDto, AgentPatchDto, AgentTestResponseDto } from './dto/agent.dto';

const TEST_PROMPT = 'This is a connectivity test. Reply with the single word OK.';

function toDto(row: AgentConfig): AgentDto {
  return { ...row };
}

/** Agent configs (model, prompt, sampling) that every LLM-backed phase reads. */
@Injectable()
export class AgentsService implements OnModuleInit {
  constructor(
    @InjectRepository(AgentConfig) private readonly repo: Repository<AgentConfig>,
    private readonly llm: LlmService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seed();
  }

  /** Inserts the agents that are missing; edited ones are left alone. */
  async seed(): Promise<void> {
    const now = nowIso();
    const rows = AGENT_DEFINITIONS.map((def) => ({
      ...def,
      type: 'flutter_factory',
      status: 'active',
      model: '',
      updated_at: now,
    }));
    await this.repo.createQueryBuilder().insert().into(AgentConfig).values(rows).orIgnore().execute();
  }

  /** Back to the seeded configs (wipe). */
  async reset(): Promise<void> {
    await this.repo.clear();
    await this.seed();
  }

  async list(): Promise<AgentDto[]> {
    const rows = await this.repo.find({ order: { agent_id: 'ASC' } });
    return rows.map(toDto);
  }

  async get(agentId: string): Promise<AgentDto> {
    return toDto(await this.find(agentId));
  }

  /** The config a phase calls the LLM with. */
  async config(agentId: string): Promise<AgentConfig> {
    return this.find(agentId);
  }

  async update(agentId: string, patch: AgentPatchDto): Promise<AgentDto> {
    const row = await this.find(agentId);
    const changes = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as Partial<AgentConfig>;
    await this.repo.update({ agent_id: agentId }, { ...changes, updated_at: nowIso() });
    return toDto({ ...row, ...changes, updated_at: nowIso() });
  }

  /** A real call with the agent's model and prompt through the active provider. */
  async test(agentId: string, teamId: string): Promise<AgentTestResponseDto> {
    const agent = await this.find(agentId);
    let model = agent.model;
    try {
      const provider = await this.llm.provider();
      model = agent.model || provider.defaultModel;
      const reply = await this.llm.complete({
        agent: agent.agent_id,
        teamId,
        model,
        system: agent.system_prompt,
        user: TEST_PROMPT,
        temperature: 0,
        maxTokens: 16,
      });
      return { agent_id: agentId, model: reply.model, status: 'ok', response: reply.content.trim().slice(0, 500) };
    } catch (error) {
      return { agent_id: agentId, model, status: 'error', error: (error as Error).message };
    }
  }

  private async find(agentId: string): Promise<AgentConfig> {
    const row = await this.repo.findOne({ where: { agent_id: agentId } });
    if (!row) throw new NotFoundException(`Agent ${agentId} not found`);
    return row;
  }
}
