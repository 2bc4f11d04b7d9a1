import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeTokens } from '../src/pipeline/generator/theme-tokens';
import { parseDart } from '../src/pipeline/qa/dart-parser';
import { startApp, type TestApp } from './helpers/app';
import { JobsClient, PHASES, plannedFeatures } from './helpers/jobs';

/** Every palette in theme-tokens.ts, plus aliases, a dark combination and an unknown word. */
const STYLES = [
  'modern',
  'material',
  'minimal',
  'playful',
  'corporate',
  'dark',
  'elegant',
  'vibrant',
  'nature',
  'retro',
  'ios',
  'clean',
  'minimal dark',
  'Business-Professional',
  'constructor',
  'steampunk',
];

const TWENTY = Array.from({ length: 20 }, (_, i) => `Feature number ${i + 1}`);

interface Case {
  title: string;
  name: string;
  features: string[];
  platform?: string;
  description?: string;
}

const CASES: Case[] = [
  { title: 'name is the Dart keyword class', name: 'class', features: ['auth'] },
  {
    title: 'name is the Dart keyword import, features are keywords',
    name: 'import',
    features: ['import', 'class', 'return', 'void', 'new'],
  },
  { title: 'name Test', name: 'Test', features: ['test', 'Testing'] },
  { title: 'name flutter', name: 'flutter', features: ['flutter', 'Material', 'Widget', 'State', 'Text'] },
  {
    title: 'features with spaces, punctuation, quotes, $ and backslashes',
    name: 'Punctuation',
    features: [
      'todo list',
      'a/b: c!',
      `it's "quoted"`,
      'price $5',
      '${interpolation}',
      'back\\slash',
      '  spaced   out  ',
      '#1 (best)',
    ],
    description: `Quotes ' " ''' """, a \${dollar} and a back\\slash;\nsecond line\ttab`,
  },
  {
    title: 'non-Latin features and name',
    name: 'Ứng dụng 日本',
    features: ['Đăng nhập', '日本語', 'Ünïcödé', 'مرحبا', 'Σ sigma', '😀 emoji'],
  },
  {
    title: 'duplicate features',
    name: 'Dupes',
    features: ['Auth', 'auth', ' AUTH ', 'Login', 'login', 'settings', 'home'],
  },
  {
    title: 'exactly 20 features on every platform',
    name: 'Twenty',
    features: TWENTY,
    platform: 'android,ios,web,macos,windows,linux',
  },
  {
    title: 'names whose ids collide',
    name: 'Collide',
    features: ['step 2', 'step2', 'Step-2', 'search', 'Search Controller'],
  },
];

describe('awkward inputs through the real API', () => {
  let t: TestApp;
  let c: JobsClient;

  /** Slug of each case's job and each style's job: all are posted up front and run side by side. */
  const caseSlugs = new Map<string, string>();
  const styleSlugs = new Map<string, string>();

  beforeAll(async () => {
    t = await startApp({ MAX_PARALLEL_JOBS: '8', FLUTTER_BIN: '/nonexistent/flutter' });
    c = new JobsClient(t, await t.tokenFor('member'));
    for (const spec of CASES) {
      const job = await c.create({
        name: spec.name,
        description: spec.description ?? `An app called ${spec.name}`,
        features: spec.features,
        ...(spec.platform ? { platform: spec.platform } : {}),
      });
      caseSlugs.set(spec.title, job.slug);
    }
    for (const style of STYLES) {
      styleSlugs.set(style, (await c.create({ name: `Style ${style}`, style, features: ['gallery'] })).slug);
    }
  });
  afterAll(() => t?.close());

  /** Runs to success and checks QA, features, Dart syntax, package name and escaping. */
  async function expectCleanProject(slug: string, features: string[]): Promise<Map<string, Buffer>> {
    const job = await c.waitForSuccess(slug, 30_000);
    for (const phase of PHASES) expect(['passed', 'skipped'], `${slug} ${phase}`).toContain(job.phases[phase]);
    expect(job.phases.refactor).toBe('skipped');
    expect(job.phases.repair).toBe('skipped');
    const zip = await c.zip(slug);

    const qa = JSON.parse(zip.get('docs/qa_summary.json')!.toString('utf8')) as {
      findings: unknown[];
      features_checked: number;
    };
    expect(qa.findings, slug).toEqual([]);
    const planned = plannedFeatures(zip);
    for (const label of features.map((f) => f.trim()).filter(Boolean)) {
      expect(
        planned.flatMap((f) => f.requested),
        slug,
      ).toContain(label);
    }
    expect(qa.features_checked).toBe(planned.length);

    const pubspec = zip.get('source/pubspec.yaml')!.toString('utf8');
    const name = /^name: (.+)$/m.exec(pubspec)?.[1];
    expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(['test', 'flutter', 'flutter_test', 'class', 'import', 'dart']).not.toContain(name);

    for (const feature of planned) {
      expect(zip.has(`source/${feature.paths.screen}`), `${slug}: ${feature.names.label}`).toBe(true);
      expect(zip.has(`source/${feature.paths.test}`), `${slug}: ${feature.names.label}`).toBe(true);
    }
    for (const [file, content] of zip) {
      if (!file.endsWith('.dart')) continue;
      const text = content.toString('utf8');
      expect((await parseDart(text)).errors, `${slug} ${file}`).toEqual([]);
      // User text is embedded as escaped literals: no accidental interpolation.
      expect(text, file).not.toMatch(/(?<!\\)\$(5|\{interpolation\}|\{dollar\})/);
    }
    return zip;
  }

  it.each(CASES.map((c) => [c.title, c] as const))(
    '%s: succeeds with zero QA findings',
    async (_, spec) => {
      const zip = await expectCleanProject(caseSlugs.get(spec.title)!, spec.features);
      if (spec.platform) {
        const readme = zip.get('source/README.md')!.toString('utf8');
        expect(readme).toMatch(/flutter create \. .*--platforms=android,ios,web,macos,windows,linux\b/);
      }
    },
    40_000,
  );

  it('every style gives a clean project whose theme uses that style’s seed colour', async () => {
    for (const [style, slug] of styleSlugs) {
      const zip = await expectCleanProject(slug, ['gallery']);
      const theme = zip.get('source/lib/theme/app_theme.dart')!.toString('utf8');
      const tokens = themeTokens(style);
      expect(theme, style).toContain(tokens.seedColor);
      expect(theme, style).toContain(`defaultMode = ThemeMode.${tokens.themeMode};`);
      const design = zip.get('docs/design.md')!.toString('utf8');
      expect(design.toUpperCase(), style).toContain(tokens.seedColor.slice(4).toUpperCase());
    }
  }, 60_000);
});
