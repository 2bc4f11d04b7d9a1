import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
  /** Date.now() when the request arrived. */
  at: number;
}

/** What the server answers to one chat completion; `content` may be a function of the request. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Assistant message content (a string, or built from the request body). */
  content?: string | ((body: Record<string, unknown>) => string);
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens?: number; cost?: number };
  /** Raw JSON body instead of a completion (errors). */
  json?: unknown;
  /** A raw body sent as is (with `contentType`) instead of a completion: HTML pages, truncated JSON. */
  raw?: { body: string; contentType?: string };
  /** `finish_reason` of the completion (default "stop"); "length" plays a reply cut at max_tokens. */
  finishReason?: string;
  /** Milliseconds to wait before answering (timeouts, cancel). */
  delayMs?: number;
}

export type ChatHandler = (body: Record<string, unknown>, index: number) => ScriptedReply;

/**
 * A real HTTP server speaking the OpenAI chat-completions and models API, so
 * tests drive the real `openai` client. Replies come from a queue of scripted
 * replies and then from a fallback handler.
 */
export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedReply[] = [];
  private server?: Server;
  private chatCount = 0;
  /** Chat requests whose client closed the connection before the (delayed) reply was sent. */
  abortedRequests = 0;
  models: { id: string; [key: string]: unknown }[] = [
    { id: 'test-model', context_length: 8192, pricing: { prompt: '0.000001', completion: '0.000002' } },
    { id: 'fallback-model', context_length: 8192 },
  ];
  /** When set, every request (chat and models) is answered `redirectStatus` with a Location of this URL plus its path. */
  redirectTo?: string;
  redirectStatus = 307;
  /** Used when the queue is empty. */
  fallback: ChatHandler = () => ({ content: '{"files": []}', usage: { prompt_tokens: 10, completion_tokens: 5 } });

  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  /** Chat completion requests only. */
  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  enqueue(...replies: ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.chatCount = 0;
    this.abortedRequests = 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const path = (req.url ?? '').split('?')[0];
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, at: Date.now() });

    if (this.redirectTo !== undefined) {
      res.writeHead(this.redirectStatus, { location: `${this.redirectTo}${path.replace(/^\/v1/, '')}` });
      res.end();
      return;
    }

    if (req.method === 'GET' && path.endsWith('/models')) {
      return this.send(res, 200, {
        object: 'list',
        data: this.models.map((m) => ({ object: 'model', owned_by: 'test', created: 0, ...m })),
      });
    }
    if (req.method === 'POST' && path.endsWith('/chat/completions')) {
      const index = this.chatCount++;
      const reply = this.queue.shift() ?? this.fallback(body ?? {}, index);
      if (reply.delayMs) {
        let timer: NodeJS.Timeout | undefined;
        const closed = await Promise.race([
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), reply.delayMs))),
          new Promise<boolean>((resolve) => res.on('close', () => resolve(true))),
        ]);
        clearTimeout(timer);
        if (closed) {
          this.abortedRequests++;
          return;
        }
      }
      if (reply.raw !== undefined || (reply.status && reply.status >= 300 && reply.status < 400)) {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(reply.status ?? 200, {
          'content-type': reply.raw?.contentType ?? 'text/html',
          ...reply.headers,
        });
        res.end(reply.raw?.body ?? '');
        return;
      }
      if (reply.json !== undefined || (reply.status && reply.status >= 400)) {
        return this.send(
          res,
          reply.status ?? 500,
          reply.json ?? { error: { message: 'scripted error' } },
          reply.headers,
        );
      }
      const content = typeof reply.content === 'function' ? reply.content(body ?? {}) : (reply.content ?? '');
      const usage = reply.usage ?? { prompt_tokens: 10, completion_tokens: 5 };
      return this.send(
        res,
        reply.status ?? 200,
        {
          id: `chatcmpl-${index}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: typeof body?.model === 'string' ? body.model : 'test-model',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: reply.finishReason ?? 'stop' }],
          usage: { total_tokens: usage.prompt_tokens + usage.completion_tokens, ...usage },
        },
        reply.headers,
      );
    }
    this.send(res, 404, { error: { message: 'not found' } });
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}
