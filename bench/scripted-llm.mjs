// A scripted OpenAI-compatible server that plays a competent model for the pipeline's agents. It answers each
// request from the prompt alone: the phase, the "Required files" list and the app spec in the prompt go through
// the builtin generator (from dist/, so run `npx nest build` first); refactor/repair requests get the builtin
// version of every file named in the "QA findings" block. It can be told to be sloppy:
//   extra     — adds a file outside the allowed set (a context doc, or lib/app.dart from a dev request);
//   fenced    — wraps the JSON in a Markdown fence with a sentence before it;
//   truncate  — cuts the reply to a dev request of 3+ files none of which was cut before (finish_reason "length");
//   broken    — drops the final brace of one dev screen per job (a syntax error QA must catch).
// Usage is counted as characters / 4 for the prompt (every message) and the reply; a reply longer than the
// request's max_tokens is cut there (finish_reason "length"), as a real model's would be.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';

const require = createRequire(import.meta.url);
const { generateFlutterProject } = require('../dist/pipeline/generator/flutter-project.generator.js');
const docs = require('../dist/pipeline/generator/docs.generator.js');

const DOCS = [docs.briefDocs, docs.baDocs, docs.backendDocs, docs.architectureDocs, docs.designDocs];

function builtinFiles(spec) {
  return new Map(
    [...generateFlutterProject(spec), ...DOCS.flatMap((write) => write(spec))].map((f) => [f.path, f.content]),
  );
}

function parseCall(body) {
  const messages = (body.messages ?? []).map((m) => ({
    role: m.role,
    content: typeof m.content === 'string' ? m.content : '',
  }));
  const users = messages.filter((m) => m.role === 'user');
  const prompt = users[0]?.content ?? '';
  const required = [...(/^Required files:\n((?:- .*\n?)*)/m.exec(prompt)?.[1] ?? '').matchAll(/^- (.*)$/gm)].map((m) =>
    m[1].trim(),
  );
  const specJson = /^App spec \(JSON\):\n(\{[\s\S]*?\n\})/m.exec(prompt)?.[1];
  const findingsStart = prompt.indexOf('--- QA findings ---\n');
  const findings = [];
  if (findingsStart >= 0) {
    for (const line of prompt.slice(findingsStart + 20).split('\n')) {
      const m = /^- \[([^\]]+)\] (\S+?)(?::(\d+))?: (.*)$/.exec(line);
      if (m) findings.push({ rule: m[1], file: m[2], line: m[3] ? Number(m[3]) : undefined });
      else if (line.startsWith('--- ')) break;
    }
  }
  return {
    phase: /^Phase: (\S+)$/m.exec(prompt)?.[1] ?? '',
    required,
    spec: specJson ? JSON.parse(specJson) : undefined,
    findings,
    corrective: users.length > 1,
    maxTokens: typeof body.max_tokens === 'number' ? body.max_tokens : 4096,
    promptChars: messages.reduce((sum, m) => sum + m.content.length, 0),
  };
}

const tokens = (chars) => Math.ceil(chars / 4);

export class ScriptedLlm {
  /** @param {{ extra?: boolean, fenced?: boolean, truncate?: boolean, broken?: boolean }} sloppy */
  constructor(sloppy = {}) {
    this.sloppy = sloppy;
    /** Per job slug: requests, prompt/completion tokens, per phase counts. */
    this.jobs = new Map();
    this.truncated = new Set();
    this.brokenFor = new Set();
    this.cache = new Map();
  }

  statsFor(slug) {
    if (!this.jobs.has(slug))
      this.jobs.set(slug, {
        requests: 0,
        promptTokens: 0,
        completionTokens: 0,
        phases: {},
        promptByPhase: {},
        truncated: 0,
      });
    return this.jobs.get(slug);
  }

  builtin(spec) {
    const key = JSON.stringify(spec);
    if (!this.cache.has(key)) this.cache.set(key, builtinFiles(spec));
    return this.cache.get(key);
  }

  answer(body) {
    const call = parseCall(body);
    if (!call.spec) return { content: 'OK', finish: 'stop', promptChars: call.promptChars };
    const byPath = this.builtin(call.spec);
    const paths =
      call.phase === 'refactor' || call.phase === 'repair'
        ? [...new Set(call.findings.map((f) => f.file))].filter((p) => byPath.has(p))
        : call.required;
    const files = paths.map((path) => ({
      path,
      content: byPath.get(path) ?? '# Notes\n\nReviewed by the scripted model.\n',
    }));
    const slug = call.spec.slug;
    const sloppy = call.corrective ? {} : this.sloppy;
    const truncate =
      sloppy.truncate &&
      call.phase === 'dev' &&
      call.required.length >= 3 &&
      !call.required.some((p) => this.truncated.has(`${slug}\u0000${p}`));
    if (sloppy.broken && !truncate && call.phase === 'dev' && !this.brokenFor.has(slug)) {
      const screen = files.find((f) => f.path.endsWith('_screen.dart'));
      if (screen) {
        this.brokenFor.add(slug);
        screen.content = `${screen.content.trimEnd().slice(0, -1)}\n`;
      }
    }
    if (sloppy.extra) {
      if (call.phase === 'dev')
        files.push({ path: 'lib/app.dart', content: 'import "package:flutter/material.dart";\n' });
      else files.push({ path: 'docs/app_brief.md', content: byPath.get('docs/app_brief.md') ?? '# Brief\n' });
    }
    let content = JSON.stringify({ files });
    if (sloppy.fenced) content = `Here are the files.\n\n\`\`\`json\n${content}\n\`\`\`\n`;
    if (truncate) {
      for (const path of call.required) this.truncated.add(`${slug}\u0000${path}`);
      this.statsFor(slug).truncated++;
      return {
        content: content.slice(0, Math.floor(content.length * 0.55)),
        finish: 'length',
        slug,
        phase: call.phase,
        promptChars: call.promptChars,
        completionTokens: call.maxTokens,
      };
    }
    // Even a tidy model stops at max_tokens.
    if (tokens(content.length) > call.maxTokens) {
      this.statsFor(slug).truncated++;
      return {
        content: content.slice(0, call.maxTokens * 4),
        finish: 'length',
        slug,
        phase: call.phase,
        promptChars: call.promptChars,
        completionTokens: call.maxTokens,
      };
    }
    return { content, finish: 'stop', slug, phase: call.phase, promptChars: call.promptChars };
  }

  async start() {
    this.server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const send = (status, body) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method === 'GET' && req.url?.endsWith('/models'))
          return send(200, {
            object: 'list',
            data: [{ id: 'gpt-4o', object: 'model', owned_by: 'bench', created: 0 }],
          });
        if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
          return send(404, { error: { message: 'not found' } });
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const reply = this.answer(body);
        const usage = {
          prompt_tokens: tokens(reply.promptChars),
          completion_tokens: reply.completionTokens ?? tokens(reply.content.length),
        };
        if (reply.slug) {
          const stats = this.statsFor(reply.slug);
          stats.requests++;
          stats.promptTokens += usage.prompt_tokens;
          stats.completionTokens += usage.completion_tokens;
          stats.phases[reply.phase] = (stats.phases[reply.phase] ?? 0) + 1;
          stats.promptByPhase[reply.phase] = (stats.promptByPhase[reply.phase] ?? 0) + usage.prompt_tokens;
        }
        send(200, {
          id: 'chatcmpl-bench',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model ?? 'gpt-4o',
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: reply.finish }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        });
      });
    });
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.server.address().port}/v1`;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
