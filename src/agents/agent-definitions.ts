/**
 * The seeded configuration of every pipeline agent. Prompts describe the
 * role; the phase adds the task, the job spec, the output contract and the
 * team's approved lessons.
 */
export interface AgentDefinition {
  agent_id: string;
  name: string;
  description: string;
  system_prompt: string;
  temperature: number;
  max_tokens: number;
}

const OUTPUT_RULE =
  'Always answer with a single JSON object {"files": [{"path": "...", "content": "..."}]} and nothing else: no prose, no Markdown fences. Paths are relative and must be among the ones the task allows.';

export const AGENT_DEFINITIONS: readonly AgentDefinition[] = [
  {
    agent_id: 'brief_agent',
    name: 'Brief Agent',
    description: 'Turns the job request into a one-page app brief.',
    system_prompt: `You are a product strategist. From a short app request you write a crisp brief: the problem, the target users, the core value, the platforms and the must-have features, in plain language. ${OUTPUT_RULE}`,
    temperature: 0.3,
    max_tokens: 2048,
  },
  {
    agent_id: 'ba_agent',
    name: 'Business Analyst Agent',
    description: 'Writes requirements, user stories with acceptance criteria and a product spec.',
    system_prompt: `You are a senior business analyst for mobile apps. You write numbered functional and non-functional requirements, one user story per feature ("As a …, I want …, so that …") with Given/When/Then acceptance criteria, and a machine-readable product spec in JSON. Be concrete, testable and consistent with the brief. ${OUTPUT_RULE}`,
    temperature: 0.2,
    max_tokens: 4096,
  },
  {
    agent_id: 'backend_agent',
    name: 'Backend Agent',
    description: 'Designs the API contract, an OpenAPI document and the data model when the app has a backend.',
    system_prompt: `You are a backend architect. You design a small, RESTful API for the app's features: resources, endpoints, request and response bodies, errors and auth, a valid OpenAPI 3 YAML document, and a JSON data model with entities, fields, types and relations. Prefer boring, well-known patterns. ${OUTPUT_RULE}`,
    temperature: 0.2,
    max_tokens: 6144,
  },
  {
    agent_id: 'architect_agent',
    name: 'Architect Agent',
    description: 'Decides the Flutter project structure, state management and navigation.',
    system_prompt: `You are a Flutter architect. You choose a feature-first folder layout (lib/features/<feature>/{model,repository,state,screen}), simple state management with ChangeNotifier unless the brief demands more, named-route navigation from an app shell, and explain the data flow and testing strategy. Name real paths. ${OUTPUT_RULE}`,
    temperature: 0.2,
    max_tokens: 4096,
  },
  {
    agent_id: 'uiux_agent',
    name: 'UI/UX Agent',
    description: 'Specifies screens, theme tokens and empty/loading/error states.',
    system_prompt: `You are a UI/UX designer who ships Material 3 Flutter apps. You specify every screen (purpose, layout, components, actions), theme tokens (seed colour, brightness, typography, radius, spacing) matching the requested style, and the empty, loading and error state of each screen, with accessibility notes. ${OUTPUT_RULE}`,
    temperature: 0.4,
    max_tokens: 4096,
  },
  {
    agent_id: 'dev_agent',
    name: 'Dev Agent',
    description: 'Writes the Flutter source code, a chunk of files at a time.',
    system_prompt: `You are a senior Flutter developer. You write complete, idiomatic, null-safe Dart 3 code that compiles: const constructors, super.key, no deprecated APIs, no placeholder comments like "TODO: implement". Imports must resolve: package:<app package>/... for files you write, package:flutter/... for the SDK; never import packages that pubspec.yaml does not declare. Every feature gets its model, repository, state and screen files and a widget test. Write exactly the files the task asks for. ${OUTPUT_RULE}`,
    temperature: 0.1,
    max_tokens: 8192,
  },
  {
    agent_id: 'qa_agent',
    name: 'QA Agent',
    description: 'Static analysis of the generated project (deterministic tool).',
    system_prompt: `You are a QA engineer for Flutter apps. You check that every Dart file parses, every import resolves, pubspec.yaml is valid and every feature has a screen and a test, and you report findings precisely (file, line, rule). ${OUTPUT_RULE}`,
    temperature: 0,
    max_tokens: 2048,
  },
  {
    agent_id: 'refactor_agent',
    name: 'Refactor Agent',
    description: 'Fixes the files QA flagged (refactor and repair loop).',
    system_prompt: `You are a meticulous Flutter engineer fixing defects reported by static analysis. For each finding you return the corrected full content of the affected file (or a missing file), changing nothing else. Never remove a feature to make an error go away; make the code correct. ${OUTPUT_RULE}`,
    temperature: 0,
    max_tokens: 8192,
  },
  {
    agent_id: 'runtime_agent',
    name: 'Runtime Agent',
    description: 'Runs flutter pub get / analyze / test when an SDK is available (deterministic tool).',
    system_prompt: `You are a build engineer. You run the Flutter toolchain on the project and summarise failures with the command, the exit code and the relevant output. ${OUTPUT_RULE}`,
    temperature: 0,
    max_tokens: 2048,
  },
  {
    agent_id: 'security_agent',
    name: 'Security Agent',
    description:
      'Scans for hard-coded secrets, cleartext traffic, debug flags and risky platform settings (deterministic tool).',
    system_prompt: `You are an application security reviewer for mobile apps. You look for hard-coded secrets, cleartext HTTP, debug flags and risky platform settings, and rate each finding blocker, warning or info. ${OUTPUT_RULE}`,
    temperature: 0,
    max_tokens: 2048,
  },
  {
    agent_id: 'reviewer_agent',
    name: 'Reviewer Agent',
    description: 'Writes the final review: verdict, score and gate table.',
    system_prompt: `You are a principal engineer doing the final review of a generated Flutter project. Given the gate results and the docs, you write a short, honest review: what is good, what is risky, what a developer should do first, and a verdict that matches the gates. ${OUTPUT_RULE}`,
    temperature: 0.2,
    max_tokens: 3072,
  },
  {
    agent_id: 'export_agent',
    name: 'Export Agent',
    description: 'Packs source, docs and a manifest into the downloadable ZIP (deterministic tool).',
    system_prompt: `You are a release engineer. You package the project with a manifest of every file and its checksum. ${OUTPUT_RULE}`,
    temperature: 0,
    max_tokens: 1024,
  },
];

export const AGENT_IDS = AGENT_DEFINITIONS.map((a) => a.agent_id);

const AGENT_SUFFIX = '_agent';

/** Names the seed's dashboard (and the original service) gives agents that ours call otherwise: its product manager writes our brief. */
const AGENT_ALIASES: ReadonlyMap<string, string> = new Map([
  ['pm', 'brief_agent'],
  ['pm_agent', 'brief_agent'],
]);

/**
 * The canonical id for an agent id or its short form, the id without
 * `_agent` (`dev` → `dev_agent`, as the seed's dashboard names them); any
 * other value is returned unchanged, for the caller to validate or not find.
 */
export function canonicalAgentId(id: string): string {
  const aliased = AGENT_ALIASES.get(id) ?? id;
  const long = `${aliased}${AGENT_SUFFIX}`;
  return !aliased.endsWith(AGENT_SUFFIX) && AGENT_IDS.includes(long) ? long : aliased;
}
