import type { AppSpec, GeneratedFile } from '../../src/pipeline/generator/app-spec';
import {
  architectureDocs,
  backendDocs,
  baDocs,
  briefDocs,
  designDocs,
} from '../../src/pipeline/generator/docs.generator';
import { generateFlutterProject } from '../../src/pipeline/generator/flutter-project.generator';
import type { ChatHandler, ScriptedReply } from './fake-llm';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  cost?: number;
}

/** One line of the "QA findings" block of a refactor/repair prompt. */
export interface PromptFinding {
  rule: string;
  /** Relative to `source/`. */
  file: string;
  line?: number;
  message: string;
}

/**
 * One chat request as the fake model sees it, parsed from the prompt that
 * AgentWriter assembles ("Task:", "Phase:", "Required files:", "App spec
 * (JSON):", "--- title ---" blocks, lessons).
 */
export interface AgentCall {
  /** Position among the chat requests the fake server answered. */
  index: number;
  model: string;
  /** `max_tokens` of the request. */
  maxTokens: number;
  /** Characters of every message: the service estimates prompt tokens as chars / 3. */
  promptChars: number;
  system: string;
  /** The first user message: the prompt as AgentWriter built it. */
  prompt: string;
  messages: ChatMessage[];
  /** True for the corrective retry that follows a rejected reply. */
  corrective: boolean;
  /** '' when the request is not a pipeline prompt (e.g. the agent test). */
  phase: string;
  task: string;
  required: string[];
  spec?: AppSpec;
  /** The "QA findings" block (refactor and repair). */
  findings: PromptFinding[];
  /** The "source file <path>" blocks (refactor and repair): path → content. */
  sourceFiles: Map<string, string>;
  /** The "Lessons your team approved…" block, one entry per lesson. */
  lessons: string[];
}

export const DEFAULT_USAGE: Usage = { prompt_tokens: 1000, completion_tokens: 500 };

/** Content of a `--- title ---` block: up to the next block or the closing sections. */
function block(prompt: string, title: string): string | undefined {
  const start = prompt.indexOf(`--- ${title} ---\n`);
  if (start < 0) return undefined;
  const from = start + title.length + 9;
  const ends = ['\n\n--- ', '\n\nLessons your team approved', '\n\nReply with only the JSON object']
    .map((marker) => prompt.indexOf(marker, from))
    .filter((i) => i >= 0);
  return prompt.slice(from, ends.length ? Math.min(...ends) : undefined);
}

export function parseAgentCall(body: Record<string, unknown>, index: number): AgentCall {
  const messages = ((body.messages as ChatMessage[] | undefined) ?? []).map((m) => ({
    role: m.role,
    content: typeof m.content === 'string' ? m.content : '',
  }));
  const users = messages.filter((m) => m.role === 'user');
  const prompt = users[0]?.content ?? '';
  const required = [...(/^Required files:\n((?:- .*\n?)*)/m.exec(prompt)?.[1] ?? '').matchAll(/^- (.*)$/gm)].map((m) =>
    m[1].trim(),
  );
  const specJson = /^App spec \(JSON\):\n(\{[\s\S]*?\n\})/m.exec(prompt)?.[1];
  const findings = (block(prompt, 'QA findings') ?? '')
    .split('\n')
    .map((line) => /^- \[([^\]]+)\] (\S+?)(?::(\d+))?: (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ rule: m[1], file: m[2], line: m[3] ? Number(m[3]) : undefined, message: m[4] }));
  const sourceFiles = new Map<string, string>();
  for (const m of prompt.matchAll(/^--- source file (\S+) ---$/gm)) {
    sourceFiles.set(m[1], block(prompt, `source file ${m[1]}`) ?? '');
  }
  const lessonsBlock = /\n\nLessons your team approved from earlier jobs \(apply them\):\n((?:- .*\n?)*)/.exec(
    prompt,
  )?.[1];
  return {
    index,
    model: typeof body.model === 'string' ? body.model : '',
    maxTokens: typeof body.max_tokens === 'number' ? body.max_tokens : 0,
    promptChars: messages.reduce((sum, m) => sum + m.content.length, 0),
    system: messages.find((m) => m.role === 'system')?.content ?? '',
    prompt,
    messages,
    corrective: users.length > 1,
    phase: /^Phase: (\S+)$/m.exec(prompt)?.[1] ?? '',
    task: /^Task: (.*)$/m.exec(prompt)?.[1] ?? '',
    required,
    spec: specJson ? (JSON.parse(specJson) as AppSpec) : undefined,
    findings,
    sourceFiles,
    lessons: lessonsBlock ? [...lessonsBlock.matchAll(/^- (.*)$/gm)].map((m) => m[1]) : [],
  };
}

/** Every file the builtin generator would write for this spec: source (relative to source/) and docs. */
export function builtinFiles(spec: AppSpec): GeneratedFile[] {
  return [
    ...generateFlutterProject(spec),
    ...[briefDocs, baDocs, backendDocs, architectureDocs, designDocs].flatMap((docs) => docs(spec)),
  ];
}

/** The content a file ends up with when the fake model writes it (the marker, when given, is in it). */
export function modelVersion(path: string, content: string, marker?: string): string {
  if (!marker) return content;
  if (path.endsWith('.md')) return `${content.trimEnd()}\n\n${marker}\n`;
  if (path.endsWith('.dart')) return `// ${marker}\n${content}`;
  return content;
}

/** Drops the last `}` of a Dart file: a syntax error QA flags. */
export function dropFinalBrace(content: string): string {
  const trimmed = content.trimEnd();
  if (!trimmed.endsWith('}')) throw new Error('the file does not end with "}"');
  return `${trimmed.slice(0, -1)}\n`;
}

export interface AgentRepliesOptions {
  /**
   * Written into every Markdown file (a last line) and every Dart file (a
   * first-line comment) the model returns, so the workspace and the ZIP show
   * which files came from the model.
   */
  marker?: string;
  /** The `usage` of each reply (default 1000 in / 500 out). */
  usage?: Usage | ((call: AgentCall) => Usage);
  /** Rewrites a file of a default answer (e.g. breaks it); gets and returns its content. */
  corrupt?: (path: string, content: string, call: AgentCall) => string;
  /** Answers a call itself (errors, delays, bad replies); `undefined` → the default answer. */
  script?: (call: AgentCall) => ScriptedReply | undefined;
  /** Sees every call first (to capture the workspace at that moment, …). */
  onCall?: (call: AgentCall) => void;
}

/**
 * The default answer of the fake model to an agent call:
 * - docs and dev phases: the builtin generator's version of each "Required
 *   file";
 *   a required file the builtin generator has no version of (the reviewer's
 *   notes) gets a short text;
 * - refactor and repair: the builtin version of each file named in the "QA
 *   findings" block;
 * - anything else (the agent test): "OK".
 */
export function defaultAnswer(call: AgentCall, options: AgentRepliesOptions = {}): string {
  if (!call.phase || !call.spec) return 'OK';
  const all = builtinFiles(call.spec);
  const byPath = new Map(all.map((f) => [f.path, f.content]));
  let paths: string[];
  if (call.phase === 'refactor' || call.phase === 'repair') {
    paths = [...new Set(call.findings.map((f) => f.file))].filter((p) => byPath.has(p));
  } else {
    paths = [...call.required];
  }
  const files = paths.map((path) => {
    const base = byPath.get(path) ?? `# Notes\n\nReviewed by the fake model.\n`;
    const content = modelVersion(path, base, options.marker);
    return { path, content: options.corrupt ? options.corrupt(path, content, call) : content };
  });
  return JSON.stringify({ files });
}

/**
 * A ChatHandler for FakeLlmServer.fallback that plays every pipeline agent
 * (see defaultAnswer), with hooks to script or corrupt single calls.
 */
export function agentReplies(options: AgentRepliesOptions = {}): ChatHandler {
  return (body, index) => {
    const call = parseAgentCall(body, index);
    options.onCall?.(call);
    const scripted = options.script?.(call);
    if (scripted) return scripted;
    const usage = typeof options.usage === 'function' ? options.usage(call) : (options.usage ?? DEFAULT_USAGE);
    return { content: defaultAnswer(call, options), usage };
  };
}

/** Parses the recorded body of a chat request (FakeLlmServer.chatRequests[i].body). */
export function callOf(request: { body: Record<string, unknown> | undefined }, index = -1): AgentCall {
  return parseAgentCall(request.body ?? {}, index);
}

/** The environment that points a test app at the fake server as the `openai` provider. */
export function llmEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LLM_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-test-123',
    LLM_BASE_URL: baseUrl,
    LLM_MODEL: 'gpt-4o-mini',
    ...extra,
  };
}
