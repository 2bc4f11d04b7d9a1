import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import type { AppPlan, BackendKind, PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { analyzeDartSource } from '../../qa/dart-parser';
import { FIRST_LAUNCH_TEST_PATH } from './onboarding-gate';
import { ONBOARDING_DONE_KEY, onboardingArchetype, onboardingFeatures, onboardingIntro } from './onboarding.archetype';

const BACKENDS: BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

function spec(overrides: Partial<AppSpec>): AppSpec {
  return {
    slug: 'habit-app',
    name: 'Habits',
    description: 'Build better habits, one day at a time.',
    platforms: [],
    style: '',
    backend: 'none',
    features: [],
    ...overrides,
  };
}

const LONG = `${'A very long description that keeps going. '.repeat(20)}The end.`;

const SPECS: AppSpec[] = [
  spec({ features: ['Onboarding', 'Habits', 'Reminders', 'Settings'] }),
  spec({ slug: 'bienvenida', name: 'Hábitos', features: ['Bienvenida', 'Tareas'], description: LONG }),
  spec({ slug: 'onboard-only', name: 'Zen', features: ['Welcome tour'], description: '' }),
  spec({
    slug: 'class',
    name: `It's "$pecial" \\ app\nline two */`,
    description: `Quotes ' " $money \${x}\nbackslash \\ end`,
    features: ['Intro', `Bob's "$5" list`],
  }),
];

function onboardingFeature(plan: AppPlan): PlannedFeature {
  const feature = plan.features.find((candidate) => candidate.archetype === 'onboarding');
  if (!feature) throw new Error(`no onboarding feature in ${JSON.stringify(plan.spec.features)}`);
  return feature;
}

function plans(): { plan: AppPlan; feature: PlannedFeature }[] {
  return SPECS.flatMap((base) =>
    BACKENDS.map((backend) => {
      const plan = planApp({ ...base, backend });
      return { plan, feature: onboardingFeature(plan) };
    }),
  );
}

function content(files: GeneratedFile[], suffix: string): string {
  const file = files.find((candidate) => candidate.path.endsWith(suffix));
  if (!file) throw new Error(`no ${suffix}`);
  return file.content;
}

describe('onboardingArchetype', () => {
  it('writes Dart that parses and imports only flutter, shared_preferences, its files and the app shell', async () => {
    for (const { plan, feature } of plans()) {
      const ctx = { plan, feature };
      const files = onboardingArchetype.files(ctx);
      const { id } = feature.names;
      expect(files.map((file) => file.path)).toEqual([
        feature.paths.screen,
        feature.paths.test,
        `${feature.paths.dir}/${id}_gate.dart`,
        FIRST_LAUNCH_TEST_PATH,
      ]);
      // The first-launch test drives MainApp and expects sign-in after the tour when the app has it.
      const ownFiles = [
        ...files.map((file) => file.path),
        'lib/app.dart',
        'test/support/test_services.dart',
        ...plan.features.filter((other) => other.archetype === 'auth').map((other) => other.paths.screen),
      ];
      const deps = onboardingArchetype.dependencies(ctx);
      expect(Object.keys(deps)).toEqual(['shared_preferences']);
      for (const file of files) {
        const analysis = await analyzeDartSource(file.content);
        expect(analysis.errors, file.path).toEqual([]);
        for (const { uri } of analysis.directives) {
          const pkg = uri.slice('package:'.length).split('/')[0];
          const ok =
            pkg === 'flutter' ||
            pkg in deps ||
            (pkg === 'flutter_test' && file.path.startsWith('test/')) ||
            (pkg === plan.packageName && ownFiles.includes(`lib/${uri.slice(`package:${pkg}/`.length)}`)) ||
            ownFiles.includes(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), uri)));
          expect(ok, `${file.path} imports ${uri}`).toBe(true);
        }
      }
    }
  });

  it('builds three pages from the description and the other features, with dots and buttons', () => {
    const plan = planApp(SPECS[0]);
    const feature = onboardingFeature(plan);
    const screen = content(onboardingArchetype.files({ plan, feature }), feature.paths.screen);
    for (const widget of ['PageView(', 'PageController()', 'AnimatedContainer(', "'Skip'", "'Next'", "'Get started'"]) {
      expect(screen).toContain(widget);
    }
    expect(screen.match(/^ {2}_OnboardingPage\(/gm)).toHaveLength(3);
    expect(screen).toContain(dartString('Welcome to Habits'));
    expect(screen).toContain(dartString('Build better habits, one day at a time.'));
    const listed = onboardingFeatures(plan).map((candidate) => candidate.names.label);
    expect(listed).toEqual(['Habits', 'Reminders']);
    for (const label of listed) expect(screen).toContain(`, ${dartString(label)})`);
    expect(screen).not.toContain(`_OnboardingPoint(Icons.settings_outlined, 'Settings')`);
    expect(screen).not.toContain(`, ${dartString(feature.names.label)})`);
    expect(screen).toContain(`static const String doneKey = '${ONBOARDING_DONE_KEY}';`);
    expect(screen).toContain('setBool(');
    expect(screen).toContain('Navigator.defaultRouteName');
  });

  it('shortens a long description and escapes hostile text', () => {
    const intro = onboardingIntro(LONG);
    expect(intro.length).toBeLessThanOrEqual(221);
    expect(intro.endsWith('.') || intro.endsWith('…')).toBe(true);

    const plan = planApp(SPECS[3]);
    const feature = onboardingFeature(plan);
    const [screen, test] = onboardingArchetype.files({ plan, feature }).map((file) => file.content);
    expect(screen).toContain(dartString(`Welcome to It's "$pecial" \\ app line two */`));
    expect(screen).toContain(dartString(`Quotes ' " $money \${x} backslash \\ end`));
    expect(screen).toContain(dartString(`Bob's "$5" list`));
    expect(test).toContain(`find.text(${dartString(`Welcome to It's "$pecial" \\ app line two */`)})`);
    expect(screen).toContain(`static const String title = ${dartString(feature.names.label)};`);
  });

  it('still reads well when onboarding is the only feature', () => {
    const plan = planApp(SPECS[2]);
    const feature = onboardingFeature(plan);
    expect(onboardingFeatures(plan)).toEqual([]);
    const screen = content(onboardingArchetype.files({ plan, feature }), feature.paths.screen);
    expect(screen).toContain(dartString('Everything is one tap away on the home screen.'));
    expect(screen).not.toContain('points: [');
  });

  it('tests paging, the final button and stored completion', () => {
    for (const { plan, feature } of plans()) {
      const test = content(onboardingArchetype.files({ plan, feature }), feature.paths.test);
      expect(test).toContain('SharedPreferences.setMockInitialValues({})');
      expect(test).toContain(`${feature.classes.screen}(prefs: prefs)`);
      expect(test).toContain("tester.tap(find.byKey(const Key('onboarding-next')))");
      expect(test).toContain('tester.drag(find.byType(PageView)');
      expect(test).toContain("buttonLabel('onboarding-next', 'Get started')");
      expect(test).toContain(`prefs.getBool(${feature.classes.screen}.doneKey), isTrue`);
    }
  });

  it('is built from services.prefs and documents the stored flag', () => {
    const plan = planApp(SPECS[0]);
    const feature = onboardingFeature(plan);
    expect(onboardingArchetype.screenBuilder({ plan, feature })).toBe('OnboardingScreen(prefs: services.prefs)');
    expect(onboardingArchetype.readme?.({ plan, feature })).toContain(ONBOARDING_DONE_KEY);
    expect(onboardingArchetype.services).toBeUndefined();
  });

  it('opens by itself at the first launch through a gate, outside sign-in', () => {
    for (const { plan, feature } of plans()) {
      const gate = onboardingArchetype.gate?.({ plan, feature });
      const gateClass = `${feature.classes.prefix}Gate`;
      expect(gate).toMatchObject({
        kind: 'firstLaunch',
        widget: gateClass,
        arguments: ['prefs: services.prefs'],
        guardsRoutes: false,
        passInTests: [`await services.prefs.setBool(${feature.classes.screen}.doneKey, true);`],
      });
      const source = content(onboardingArchetype.files({ plan, feature }), `${feature.names.id}_gate.dart`);
      expect(source).toContain(`class ${gateClass} extends StatefulWidget`);
      expect(source).toContain(`late bool _done = ${feature.classes.screen}.isDone(widget.prefs);`);
      expect(source).toContain('onFinished: () => setState(() => _done = true)');
    }
  });

  it('tests the first launch and the next one on the whole app, ending at sign-in when there is one', () => {
    const startOf = (features: string[]) => {
      const plan = planApp(spec({ features }));
      const feature = onboardingFeature(plan);
      return content(onboardingArchetype.files({ plan, feature }), FIRST_LAUNCH_TEST_PATH);
    };
    const plain = startOf(['Onboarding', 'Habits']);
    const gated = startOf(['Onboarding', 'Login', 'Habits']);
    for (const test of [plain, gated]) {
      expect(test).toContain('final services = await firstLaunchServices();');
      expect(test).toContain('expect(find.byType(OnboardingScreen), findsOneWidget);');
      expect(test).toContain("await tester.tap(find.byKey(const Key('onboarding-skip')));");
      expect(test).toContain('expect(OnboardingScreen.isDone(services.prefs), isTrue);');
      expect(test).toContain("testWidgets('the next launch skips the tour'");
    }
    expect(plain).toContain('expect(find.byType(HomeScreen), findsOneWidget);');
    expect(gated).toContain('expect(find.byType(LoginScreen), findsOneWidget);');
    expect(gated).not.toContain('HomeScreen');
  });

  it('lists neither sign-in nor settings among the things the home screen offers', () => {
    const plan = planApp(spec({ features: ['Onboarding', 'Login', 'Habits', 'Settings'] }));
    expect(onboardingFeatures(plan).map((feature) => feature.archetype)).toEqual(['entity']);
  });
});
