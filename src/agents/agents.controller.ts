import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../common/auth/access.decorators';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { apiError } from '../common/errors/error-response.dto';
import { AgentsService } from './agents.service';
import { AgentConfigUpdateDto, AgentDto, AgentIdParamDto, AgentPatchDto, AgentTestResponseDto } from './dto/agent.dto';

const AGENT_ID_PARAM = 'An agent id (dev_agent) or its short form without "_agent" (dev)';

@ApiTags('Agents')
@Controller('api/agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get('config')
  @MinRole('viewer')
  @ApiOperation({ summary: 'Configuration of every pipeline agent' })
  @ApiOkResponse({ type: [AgentDto] })
  list(): Promise<AgentDto[]> {
    return this.agents.list();
  }

  @Post('config/:agent_id')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({ summary: "Set an agent's model and system prompt (both required)" })
  @ApiParam({ name: 'agent_id', example: 'dev_agent', description: AGENT_ID_PARAM })
  @ApiOkResponse({ type: AgentDto })
  @ApiNotFoundResponse(apiError('No agent with that id', 'Agent writer_agent not found'))
  setConfig(@Param() { agent_id }: AgentIdParamDto, @Body() body: AgentConfigUpdateDto): Promise<AgentDto> {
    return this.agents.update(agent_id, body);
  }

  @Get(':agent_id')
  @MinRole('viewer')
  @ApiOperation({ summary: 'One agent' })
  @ApiParam({ name: 'agent_id', example: 'dev_agent', description: AGENT_ID_PARAM })
  @ApiOkResponse({ type: AgentDto })
  @ApiNotFoundResponse(apiError('No agent with that id', 'Agent writer_agent not found'))
  get(@Param() { agent_id }: AgentIdParamDto): Promise<AgentDto> {
    return this.agents.get(agent_id);
  }

  @Patch(':agent_id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Update an agent (partial)' })
  @ApiParam({ name: 'agent_id', example: 'dev_agent', description: AGENT_ID_PARAM })
  @ApiOkResponse({ type: AgentDto })
  @ApiNotFoundResponse(apiError('No agent with that id', 'Agent writer_agent not found'))
  patch(@Param() { agent_id }: AgentIdParamDto, @Body() body: AgentPatchDto): Promise<AgentDto> {
    return this.agents.update(agent_id, body);
  }

  @Post(':agent_id/test')
  @HttpCode(200)
  @MinRole('admin')
  @ApiOperation({ summary: "Send a test prompt with the agent's model and prompt through the active provider" })
  @ApiParam({ name: 'agent_id', example: 'dev_agent', description: AGENT_ID_PARAM })
  @ApiOkResponse({ type: AgentTestResponseDto })
  @ApiNotFoundResponse(apiError('No agent with that id', 'Agent writer_agent not found'))
  test(@Param() { agent_id }: AgentIdParamDto, @CurrentUser() user: AuthUser): Promise<AgentTestResponseDto> {
    return this.agents.test(agent_id, user.team_id);
  }
}
