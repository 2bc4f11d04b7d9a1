import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { prometheusContentType } from 'prom-client';
import { MinRole } from '../common/auth/access.decorators';
import { AcceptsMetricsToken } from '../common/auth/metrics-token';
import { MetricsService } from './metrics.service';

const EXAMPLE = [
  '# HELP sf_jobs Jobs per status, counted in the database at scrape time',
  '# TYPE sf_jobs gauge',
  'sf_jobs{status="succeeded"} 12',
  '# HELP sf_llm_calls_total LLM HTTP attempts, by agent, provider, model and outcome (ok or the failure)',
  '# TYPE sf_llm_calls_total counter',
  'sf_llm_calls_total{agent="dev_agent",provider="openrouter",model="openai/gpt-4o-mini",outcome="ok"} 3',
].join('\n');

@ApiTags('Observability')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @MinRole('admin')
  @AcceptsMetricsToken()
  @ApiOperation({
    summary:
      'Prometheus metrics: jobs by status, phase durations, LLM calls/tokens/cost by agent and model, HTTP latency',
    description:
      'Bearer: an admin token, or the static METRICS_TOKEN when one is configured (for scrapers, which cannot renew tokens).',
  })
  @ApiProduces(prometheusContentType)
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    schema: { type: 'string', example: EXAMPLE },
  })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.render();
    void reply.header('content-type', this.metrics.contentType);
    return text;
  }
}
