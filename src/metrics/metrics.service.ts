import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EVENTS, type LlmCallEvent, type PhaseFinishedEvent } from '../common/events';
import { JobsService } from '../jobs/jobs.service';

const PREFIX = 'sf_';

/** Requests Fastify could not route are labelled with this instead of their raw URL (unbounded label values). */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * The Prometheus registry of one app (not prom-client's global registry:
 * tests boot several apps in one process). Jobs are counted in the database at
 * scrape time, so that gauge is the same whichever process serves it; phase,
 * LLM and HTTP figures are counted from this process's events and requests.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  private readonly phaseDuration = new Histogram({
    name: `${PREFIX}phase_duration_seconds`,
    help: 'Pipeline phase run time, by phase and the status it ended in',
    labelNames: ['phase', 'status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers: [this.registry],
  });

  private readonly llmCalls = new Counter({
    name: `${PREFIX}llm_calls_total`,
    help: 'LLM HTTP attempts, by agent, provider, model and outcome (ok or the failure)',
    labelNames: ['agent', 'provider', 'model', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly llmTokens = new Counter({
    name: `${PREFIX}llm_tokens_total`,
    help: 'LLM tokens, by agent, provider, model and direction (in: prompt, out: completion)',
    labelNames: ['agent', 'provider', 'model', 'direction'] as const,
    registers: [this.registry],
  });

  private readonly llmCost = new Counter({
    name: `${PREFIX}llm_cost_usd_total`,
    help: 'LLM spend in USD, by agent, provider and model',
    labelNames: ['agent', 'provider', 'model'] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP request latency, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(private readonly jobs: JobsService) {
    const jobService = this.jobs;
    new Gauge({
      name: `${PREFIX}jobs`,
      help: 'Jobs per status, counted in the database at scrape time',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        for (const [status, count] of Object.entries(await jobService.countByStatus(null))) this.set({ status }, count);
      },
    });
    // process_* and nodejs_* (CPU, memory, event loop lag, GC) under their standard names.
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text (collects the database-backed gauges first). */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Times every response, labelled by route pattern (never the raw URL). */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      this.httpDuration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? UNMATCHED_ROUTE,
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  }

  @OnEvent(EVENTS.phaseFinished)
  onPhaseFinished(e: PhaseFinishedEvent): void {
    this.phaseDuration.observe({ phase: e.phase, status: e.status }, Math.max(0, e.duration_ms) / 1000);
  }

  @OnEvent(EVENTS.llmCall)
  onLlmCall(e: LlmCallEvent): void {
    const labels = { agent: e.agent ?? 'unknown', provider: e.provider, model: e.model };
    this.llmCalls.inc({ ...labels, outcome: e.outcome });
    this.llmTokens.inc({ ...labels, direction: 'in' }, e.tokens_in);
    this.llmTokens.inc({ ...labels, direction: 'out' }, e.tokens_out);
    this.llmCost.inc(labels, e.cost_usd);
  }
}
