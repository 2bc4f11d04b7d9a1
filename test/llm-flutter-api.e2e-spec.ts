import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract } from '../src/pipeline/context/app-contract';
import { startApp, type TestApp } from './helpers/app';
import { agentReplies, callOf, llmEnv, type AgentCall } from './helpers/fake-agents';
import { FakeLlmServer } from './helpers/fake-llm';
import { JobsClient } from './helpers/jobs';

/** Whole jobs: each wait inside is capped at 30 s; slow CI machines need the headroom. */
const JOB_TEST_TIMEOUT_MS = 60_000;

const SLUG = 'llm-flutter-api';
const FEATURES = ['Notes'];
const CONTRACT = buildContract({
  slug: SLUG,
  name: 'LLM Flutter API',
  description: '',
  platforms: [],
  style: '',
  backend: 'none',
  features: FEATURES,
});
const SCREEN = CONTRACT.plan.features.find((feature) => feature.requested.includes('Notes'))!.paths.screen;

/**
 * What a model trained on old Flutter code writes: a removed widget, a button
 * without its required `onPressed` and a made-up named argument. The file
 * still parses and its imports resolve, so only the API table can tell.
 */
const PLANTED = `
Widget plantedActions() => Column(
      children: [
        FlatButton(onPressed: () {}, child: const Text('Archive')),
        ElevatedButton(child: const Text('Save')),
        Text('Saved', colour: Colors.green),
      ],
    );
`;

describe('QA with the Flutter API table on a model-written screen', { timeout: JOB_TEST_TIMEOUT_MS }, () => {
  let fake: FakeLlmServer;
  let t: TestApp;
  let c: JobsClient;

  beforeAll(async () => {
    fake = await new FakeLlmServer().start();
    fake.fallback = agentReplies({
      // The dev agent writes the screen with the three mistakes; the repair request (the refactor
      // agent's, which names the QA findings) gets the corrected file.
      corrupt: (path, content, call) =>
        path === SCREEN && call.spec?.slug === SLUG && call.phase === 'dev'
          ? `${content.trimEnd()}\n${PLANTED}`
          : content,
    });
    t = await startApp(llmEnv(fake.baseUrl, { DAILY_COST_LIMIT: '1000' }));
    c = new JobsClient(t, await t.tokenFor('admin'));
  });

  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });

  it('sends the removed widget, the missing argument and the unknown argument to repair, and succeeds once fixed', async () => {
    await c.create({ slug: SLUG, name: 'LLM Flutter API', features: FEATURES, backend: 'none' });
    const job = await c.waitForSuccess(SLUG, 30_000);
    expect(job.phases).toMatchObject({ dev: 'passed', qa: 'passed', refactor: 'passed', repair: 'passed' });
    expect(job.generator).toBe('openai');

    const calls: AgentCall[] = fake.chatRequests.map((r, i) => callOf(r, i)).filter((call) => call.spec?.slug === SLUG);
    const repairs = calls.filter((call) => call.phase === 'refactor' || call.phase === 'repair');
    expect(repairs).toHaveLength(1);
    const [repair] = repairs;
    expect(repair.prompt).toContain('--- QA findings ---');

    // The repair request carries the file as the model wrote it and one finding per mistake, at its line.
    const sent = repair.sourceFiles.get(SCREEN)!;
    expect(sent).toContain('FlatButton(');
    const lineOf = (text: string) => sent.split('\n').findIndex((line) => line.includes(text)) + 1;
    const onScreen = repair.findings.map((f) => `${f.rule} ${f.file}:${f.line}`);
    expect(onScreen.sort()).toEqual(
      [
        `removed_api ${SCREEN}:${lineOf('FlatButton(')}`,
        `missing_required_argument ${SCREEN}:${lineOf('ElevatedButton(')}`,
        `unknown_named_argument ${SCREEN}:${lineOf('colour:')}`,
      ].sort(),
    );
    const message = (rule: string) => repair.findings.find((f) => f.rule === rule)?.message ?? '';
    expect(message('removed_api')).toContain('use TextButton instead');
    expect(message('missing_required_argument')).toContain(
      'ElevatedButton(…) is missing the required named argument(s): onPressed',
    );
    expect(message('unknown_named_argument')).toContain('Text(…) has no named parameter "colour"');

    // After the model's fix QA is clean, and the ZIP holds the corrected screen.
    const logs = await c.logs(SLUG);
    expect(logs.some((l) => l.phase === 'repair' && l.message.includes('QA is clean after 1 check(s)'))).toBe(true);
    const zip = await c.zip(SLUG);
    const screen = zip.get(`source/${SCREEN}`)!.toString('utf8');
    expect(screen).not.toContain('FlatButton');
    expect(screen).not.toContain('colour:');
    const summary = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as {
      findings: unknown[];
      unverified_names: number;
      symbols_checked: number;
    };
    expect(summary.findings).toEqual([]);
    // Names from libraries without a table entry are counted, not flagged; the rest were checked.
    expect(Number.isInteger(summary.unverified_names)).toBe(true);
    expect(summary.symbols_checked).toBeGreaterThan(0);
    expect(zip.get('docs/test_report.md')!.toString('utf8')).toContain('| Names not verified');
  });
});
