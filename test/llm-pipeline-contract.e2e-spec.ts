import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, type AppContract } from '../src/pipeline/context/app-contract';
import { startApp, type TestApp } from './helpers/app';
import {
  agentReplies,
  builtinFiles,
  callOf,
  defaultAnswer,
  dropFinalBrace,
  llmEnv,
  type AgentCall,
} from './helpers/fake-agents';
import { FakeLlmServer, type ScriptedReply } from './helpers/fake-llm';
import { JobsClient, TERMINAL } from './helpers/jobs';

/** A test that runs whole jobs: each wait inside is capped at 30 s; slow CI machines need the headroom. */
const JOB_TEST_TIMEOUT_MS = 60_000;
const TAG = '7f3a';

/** A completion the server sends as is: the reply was cut at max_tokens. */
function cutReply(call: AgentCall, content: string): ScriptedReply {
  return {
    status: 200,
    json: {
      id: `chatcmpl-cut-${call.index}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: call.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'length' }],
      usage: { prompt_tokens: 1000, completion_tokens: call.maxTokens, total_tokens: 1000 + call.maxTokens },
    },
  };
}

/** The fake model's answer to a call as `{ files }`. */
function answerFiles(call: AgentCall): { path: string; content: string }[] {
  return (JSON.parse(defaultAnswer(call)) as { files: { path: string; content: string }[] }).files;
}

const reply = (files: { path: string; content: string }[]): ScriptedReply => ({
  content: JSON.stringify({ files }),
  usage: { prompt_tokens: 1000, completion_tokens: 500 },
});

/** A widget test that tests nothing: it never pumps the screen. */
const SHAM_TEST =
  "import 'package:flutter_test/flutter_test.dart';\n\nvoid main() {\n  test('works', () {\n    expect(1 + 1, 2);\n  });\n}\n";

describe(
  'LLM pipeline: contract first, context per request, cut replies, repair context',
  { timeout: JOB_TEST_TIMEOUT_MS },
  () => {
    let fake: FakeLlmServer;
    let t: TestApp;
    let c: JobsClient;
    /** Per job slug: the script of its calls (undefined → the default answer). */
    const scripts = new Map<string, (call: AgentCall) => ScriptedReply | undefined>();

    beforeAll(async () => {
      fake = await new FakeLlmServer().start();
      fake.fallback = agentReplies({ script: (call) => scripts.get(call.spec?.slug ?? '')?.(call) });
      t = await startApp(llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000' }));
      c = new JobsClient(t, await t.tokenFor('admin'));
    });

    afterAll(async () => {
      await t?.close();
      await fake?.stop();
    });

    const callsOf = (slug: string, phase?: string) =>
      fake.chatRequests
        .map((r, i) => callOf(r, i))
        .filter((call) => call.spec?.slug === slug && (!phase || call.phase === phase));
    const workspaceFile = (slug: string, path: string) =>
      readFileSync(join(t.dir, 'generated_apps', slug, path), 'utf8');
    const contractOf = (slug: string): AppContract => buildContract(callsOf(slug, 'dev')[0].spec!);

    it('writes the contract before any model call and sends each dev request the pubspec, the contract and this job’s requirements about its own features', async () => {
      const slug = 'llm-ctx-requirements';
      // The analyst writes one requirement per feature (tagged with the feature's id) and one for the whole app.
      scripts.set(slug, (call) => {
        if (call.phase !== 'ba') return undefined;
        const { plan } = buildContract(call.spec!);
        return reply(
          answerFiles(call).map((file) =>
            file.path === 'docs/requirements.md'
              ? {
                  ...file,
                  content: [
                    file.content.trimEnd(),
                    '',
                    '## Job-specific requirements',
                    '',
                    `Every screen works offline (REQ-APP-${TAG}).`,
                    ...plan.features.map((f) => `- ${f.names.label}: REQ-${f.names.id}-${TAG} must hold`),
                    '',
                  ].join('\n'),
                }
              : file,
          ),
        );
      });
      await c.create({ slug, name: 'Context Requirements', features: ['Todo', 'Timer', 'Chat'] });
      await c.waitForSuccess(slug, 30_000);

      const contract = contractOf(slug);
      const pubspec = workspaceFile(slug, 'source/pubspec.yaml');
      expect(pubspec).toBe(contract.builtin.get('pubspec.yaml'));
      const devCalls = callsOf(slug, 'dev');
      expect(devCalls.length).toBeGreaterThan(1);
      for (const call of devCalls) {
        const mine = contract.features.filter((f) => f.files.some((file) => call.required.includes(file.path)));
        expect(mine.length).toBeGreaterThan(0);
        expect(call.prompt).toContain(`--- pubspec.yaml (contract) ---\n${pubspec}`);
        expect(call.prompt).toContain('--- App contract ---');
        expect(call.prompt).toContain(`REQ-APP-${TAG}`);
        for (const f of contract.features) {
          const requirement = `REQ-${f.feature.names.id}-${TAG}`;
          if (mine.includes(f)) {
            expect(call.prompt).toContain(requirement);
            expect(call.prompt).toContain(`public widget class ${f.feature.classes.screen}`);
            expect(call.prompt).toContain(`at route ${f.feature.route} as \`${f.screenBuilder}\``);
          } else {
            // Selected, not dumped: other features' requirements are left out, and the prompt says so.
            expect(call.prompt).not.toContain(requirement);
          }
        }
        expect(call.prompt).toMatch(/\[… \d+ characters omitted …\]/);
        // Contract files are never asked of the model.
        for (const file of contract.scaffold) expect(call.required).not.toContain(file.path);
      }
      // The shell, navigation and data layer are the contract's, byte for byte.
      for (const path of ['lib/app.dart', 'lib/app_services.dart', 'lib/theme/app_theme.dart', 'lib/main.dart']) {
        expect(workspaceFile(slug, `source/${path}`), path).toBe(contract.builtin.get(path));
      }
    });

    it('keeps the complete files of a reply cut at max_tokens, asks again for the rest only, and the job succeeds', async () => {
      const slug = 'llm-cut-reply';
      let cut: { kept: string; rest: string[] } | undefined;
      scripts.set(slug, (call) => {
        if (call.phase !== 'dev' || cut || call.required.length < 2) return undefined;
        const files = answerFiles(call);
        const full = JSON.stringify({ files });
        // Cut in the middle of the second file: the first one is complete.
        const secondStart = full.indexOf(JSON.stringify(files[1].path)) - 10;
        cut = { kept: files[0].path, rest: call.required.filter((p) => p !== files[0].path) };
        return cutReply(call, full.slice(0, secondStart + 40));
      });
      await c.create({ slug, name: 'Cut Reply', features: ['Todo', 'Timer'] });
      await c.waitForSuccess(slug, 30_000);

      expect(cut).toBeDefined();
      const devCalls = callsOf(slug, 'dev');
      const cutAt = devCalls.findIndex((call) => call.required.includes(cut!.kept));
      // The next request asks for exactly the files the cut reply did not deliver.
      expect(devCalls[cutAt + 1].required.sort()).toEqual([...cut!.rest].sort());
      expect(devCalls.slice(cutAt + 1).flatMap((call) => call.required)).not.toContain(cut!.kept);
      const zip = await c.zip(slug);
      const spec = devCalls[0].spec!;
      const builtin = new Map(builtinFiles(spec).map((f) => [f.path, f.content]));
      expect(zip.get(`source/${cut!.kept}`)!.toString('utf8')).toBe(builtin.get(cut!.kept));
      for (const path of cut!.rest) expect(zip.has(`source/${path}`), path).toBe(true);
      const logs = await c.logs(slug);
      expect(
        logs.some((l) => l.phase === 'dev' && l.level === 'warn' && l.message.includes('was cut at max_tokens')),
      ).toBe(true);
    });

    it('splits a docs phase whose reply was cut: the complete docs are kept, the rest asked for again', async () => {
      const slug = 'llm-cut-docs';
      let kept: string | undefined;
      scripts.set(slug, (call) => {
        if (call.phase !== 'ba' || kept) return undefined;
        const files = answerFiles(call);
        kept = files[0].path;
        const full = JSON.stringify({ files });
        return cutReply(call, full.slice(0, full.indexOf(JSON.stringify(files[1].path)) + 30));
      });
      await c.create({ slug, name: 'Cut Docs', features: ['Todo'] });
      await c.waitForSuccess(slug, 30_000);

      const [first, second, ...rest] = callsOf(slug, 'ba');
      expect(rest).toEqual([]);
      expect(first.required).toContain(kept);
      expect(second.task).toContain(`In this request write only ${second.required.join(', ')}`);
      expect([...second.required].sort()).toEqual(first.required.filter((p) => p !== kept).sort());
      const builtin = new Map(builtinFiles(first.spec!).map((f) => [f.path, f.content]));
      expect(workspaceFile(slug, kept!)).toBe(builtin.get(kept!));
    });

    it('fails the job with a clear error when a piece keeps being cut, after a bounded number of splits', async () => {
      const slug = 'llm-cut-always';
      scripts.set(slug, (call) => (call.phase === 'dev' ? cutReply(call, '{"files": [{"path": "lib/') : undefined));
      await c.create({ slug, name: 'Cut Always', features: ['Todo'] });
      const job = await c.waitForStatus(slug, TERMINAL, 30_000);
      expect(job.status).toBe('failed');
      expect(job.phases.dev).toBe('failed');
      expect(job.error).toMatch(
        /^Phase dev failed: The dev_agent's replies for .+ kept exceeding max_tokens \(\d+\) after \d split\(s\)/,
      );
      expect(job.error).toContain("raise dev_agent's max tokens");
      // Halving a chunk of n files ends after at most 2n − 1 requests.
      const first = callsOf(slug, 'dev')[0].required.length;
      expect(callsOf(slug, 'dev').length).toBeLessThanOrEqual(2 * first - 1);
    });

    it('drops files outside the feature set (a rewritten app.dart, a doc) without asking again, and the job succeeds', async () => {
      const slug = 'llm-extra-files';
      scripts.set(slug, (call) =>
        call.phase === 'dev'
          ? reply([
              ...answerFiles(call),
              { path: 'lib/app.dart', content: 'void main() {}\n' },
              { path: 'docs/app_brief.md', content: '# Echoed brief\n' },
            ])
          : undefined,
      );
      await c.create({ slug, name: 'Extra Files', features: ['Todo', 'Timer'] });
      await c.waitForSuccess(slug, 30_000);

      const devCalls = callsOf(slug, 'dev');
      expect(devCalls.every((call) => !call.corrective)).toBe(true);
      const required = devCalls.flatMap((call) => call.required);
      expect(new Set(required).size).toBe(required.length);
      const contract = contractOf(slug);
      expect(workspaceFile(slug, 'source/lib/app.dart')).toBe(contract.builtin.get('lib/app.dart'));
      const logs = await c.logs(slug);
      expect(logs.some((l) => l.phase === 'dev' && l.message.includes('lib/app.dart'))).toBe(true);
    });

    it('sends the repair request the finding with its file and line, the pubspec, the contract and the related files; the job then succeeds', async () => {
      const slug = 'llm-repair-context';
      let broken: string | undefined;
      scripts.set(slug, (call) => {
        if (call.phase !== 'dev') return undefined;
        const files = answerFiles(call);
        const screen = files.find((f) => f.path.endsWith('_screen.dart') && f.path.startsWith('lib/features/'));
        if (broken || !screen) return undefined;
        broken = screen.path;
        return reply(files.map((f) => (f === screen ? { ...f, content: dropFinalBrace(f.content) } : f)));
      });
      await c.create({ slug, name: 'Repair Context', features: ['Todo', 'Timer'] });
      const job = await c.waitForSuccess(slug, 30_000);
      expect(job.phases.refactor).toBe('passed');

      const [refactor] = callsOf(slug, 'refactor');
      expect(refactor).toBeDefined();
      expect(refactor.findings.length).toBeGreaterThan(0);
      for (const finding of refactor.findings) {
        expect(finding).toMatchObject({ rule: 'dart_syntax', file: broken });
        expect(finding.line).toBeGreaterThan(0);
      }
      expect(refactor.sourceFiles.get(broken!)).toBe(workspaceBrokenVersion(refactor, broken!));
      expect(refactor.prompt).toContain(
        `--- pubspec.yaml (contract) ---\n${workspaceFile(slug, 'source/pubspec.yaml')}`,
      );
      expect(refactor.prompt).toContain('--- App contract ---');
      // app.dart imports the broken screen: it comes along as a related file.
      expect(refactor.prompt).toContain('--- related file lib/app.dart (imports a flagged file');
      const zip = await c.zip(slug);
      expect(zip.get(`source/${broken}`)!.toString('utf8')).toBe(
        builtinFiles(refactor.spec!).find((f) => f.path === broken)!.content,
      );
    });

    it('does not pass an app whose feature tests are expect(1 + 1, 2): the contract keeps app.dart, QA flags every sham test', async () => {
      const slug = 'llm-sham-app';
      const sham = (call: AgentCall, paths: readonly string[]) =>
        reply([
          ...paths.map((path) => ({
            path,
            content: path.startsWith('test/features/')
              ? SHAM_TEST
              : answerFiles(call).find((f) => f.path === path)!.content,
          })),
          // An app shell that reaches none of the screens: not the model's to write.
          {
            path: 'lib/app.dart',
            content:
              "import 'package:flutter/material.dart';\n\nclass App extends StatelessWidget {\n  const App({super.key});\n  @override\n  Widget build(BuildContext context) => const MaterialApp(home: Scaffold());\n}\n",
          },
        ]);
      scripts.set(slug, (call) => {
        if (call.phase === 'dev') return sham(call, call.required);
        // A model that does not learn: the repair gets the same sham tests back.
        if (call.phase === 'refactor' || call.phase === 'repair')
          return sham(
            call,
            [...new Set(call.findings.map((f) => f.file))].filter((p) => p.startsWith('test/features/')),
          );
        return undefined;
      });
      await c.create({ slug, name: 'Sham App', features: ['Todo', 'Timer'] });
      const job = await c.waitForStatus(slug, [...TERMINAL, 'waiting_approval'], 30_000);
      expect(job.status).not.toBe('succeeded');

      const contract = contractOf(slug);
      expect(workspaceFile(slug, 'source/lib/app.dart')).toBe(contract.builtin.get('lib/app.dart'));
      const qa = JSON.parse(workspaceFile(slug, 'docs/qa_summary.json')) as {
        findings: { rule: string; file: string }[];
      };
      expect(qa.findings.some((f) => f.rule === 'feature_unreachable')).toBe(false);
      for (const f of contract.features) {
        expect(
          qa.findings.some((x) => x.rule === 'feature_test_missing_screen' && x.file === f.feature.paths.test),
          f.feature.paths.test,
        ).toBe(true);
      }
      expect(job.phases.repair).toBe('failed');
    });
  },
);

/** What the broken screen looked like when the refactor agent was called: the default answer minus its last brace. */
function workspaceBrokenVersion(call: AgentCall, path: string): string {
  return dropFinalBrace(builtinFiles(call.spec!).find((f) => f.path === path)!.content);
}
