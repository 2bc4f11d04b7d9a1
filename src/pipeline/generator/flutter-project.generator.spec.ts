import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec, GeneratedFile } from './app-spec';
import { dartString } from './dart-string';
import { generateFlutterProject } from './flutter-project.generator';
import { dartPackageName } from './naming';
import { planApp } from './plan/plan-app';
import { bracketProblem } from './testing/dart-brackets';
import { awkwardSpec, manyFeatures, simpleSpec } from './testing/fixtures';
import { declaredClasses, unresolvedImports } from './testing/project-checks';

function fileMap(files: readonly GeneratedFile[]): Map<string, string> {
  return new Map(files.map((file) => [file.path, file.content]));
}

function content(files: readonly GeneratedFile[], filePath: string): string {
  const found = files.find((file) => file.path === filePath);
  if (!found) throw new Error(`${filePath} was not generated`);
  return found.content;
}

const dartFiles = (files: readonly GeneratedFile[]): GeneratedFile[] =>
  files.filter((file) => file.path.endsWith('.dart'));

/** Flutter / Dart names a feature must never be able to redeclare. */
const FRAMEWORK_NAMES = [
  'Text',
  'Icon',
  'State',
  'Widget',
  'Color',
  'Theme',
  'App',
  'Settings',
  'SearchController',
  'BottomNavigationBarItem',
];

const SPECS: ReadonlyArray<readonly [string, AppSpec]> = [
  ['simple', simpleSpec()],
  ['awkward', awkwardSpec()],
  ['20 features', simpleSpec({ features: manyFeatures(20) })],
  ['no features', simpleSpec({ features: [] })],
];

describe('generateFlutterProject', () => {
  it('is deterministic and sorted by path', () => {
    const spec = awkwardSpec();
    const first = generateFlutterProject(spec);
    const second = generateFlutterProject(structuredClone(spec));
    expect(second).toEqual(first);
    const paths = first.map((file) => file.path);
    expect([...paths].sort()).toEqual(paths);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('produces the conventional project files', () => {
    const paths = generateFlutterProject(simpleSpec()).map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'pubspec.yaml',
        'analysis_options.yaml',
        'README.md',
        '.gitignore',
        'lib/main.dart',
        'lib/app.dart',
        'lib/theme/app_theme.dart',
        'lib/app_services.dart',
        'lib/features/settings/settings_screen.dart',
        'test/widget_test.dart',
        'lib/data/models/task.dart',
        'lib/data/repositories/task_repository.dart',
        'lib/data/local/shared_preferences_task_repository.dart',
        'lib/features/todo_list/todo_list_screen.dart',
        'lib/features/todo_list/todo_list_form_screen.dart',
        'test/features/todo_list_screen_test.dart',
        'test/support/fake_repositories.dart',
      ]),
    );
    expect(paths.every((p) => !p.startsWith('/') && !p.includes('..') && !p.includes('\\'))).toBe(true);
  });

  describe.each(['class', 'test', 'flutter', '123-app', 'my-app', '', '!!!', 'Ünïcödé App', 'x'.repeat(100)])(
    'pubspec for slug %j',
    (slug) => {
      it('parses and has a valid package name', () => {
        const files = generateFlutterProject(simpleSpec({ slug }));
        const pubspec = parse(content(files, 'pubspec.yaml')) as Record<string, unknown>;
        expect(pubspec.name).toBe(dartPackageName(slug));
        expect(pubspec.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(['class', 'test', 'flutter', 'flutter_test', 'dart']).not.toContain(pubspec.name);
      });
    },
  );

  it('keeps awkward descriptions intact in pubspec.yaml', () => {
    const spec = awkwardSpec();
    const pubspec = parse(content(generateFlutterProject(spec), 'pubspec.yaml')) as Record<string, unknown>;
    expect(pubspec).toMatchObject({
      description: spec.description.trim(),
      publish_to: 'none',
      version: '1.0.0+1',
      environment: { sdk: '>=3.4.0 <4.0.0' },
      dependencies: { flutter: { sdk: 'flutter' }, shared_preferences: expect.any(String) },
      dev_dependencies: { flutter_test: { sdk: 'flutter' }, flutter_lints: expect.any(String) },
      flutter: { 'uses-material-design': true },
    });
    // awkwardSpec asks for sign-in on Firebase: Firestore for the data, Firebase Auth for the session.
    // Every app: intl for money and dates (an English app needs no flutter_localizations).
    expect(Object.keys(pubspec.dependencies as object)).toEqual([
      'flutter',
      'intl',
      'cloud_firestore',
      'firebase_auth',
      'firebase_core',
      'shared_preferences',
    ]);
  });

  describe.each(SPECS)('%s spec', (_name, spec) => {
    const files = generateFlutterProject(spec);
    const paths = new Set(files.map((file) => file.path));

    it('has a screen and a test for every feature', () => {
      const features = planApp(spec).features;
      for (const feature of features) {
        expect(paths).toContain(feature.paths.screen);
        expect(paths).toContain(feature.paths.test);
      }
      expect(files.filter((file) => file.path.startsWith('test/features/'))).toHaveLength(features.length);
    });

    it('balances brackets outside strings and comments in every Dart file', () => {
      const problems = dartFiles(files)
        .map((file) => [file.path, bracketProblem(file.content)] as const)
        .filter(([, problem]) => problem !== null);
      expect(problems).toEqual([]);
    });

    it('only imports generated files and declared packages', () => {
      expect(unresolvedImports(files)).toEqual([]);
    });

    it('declares unique, framework-safe class names', () => {
      const libClasses = dartFiles(files)
        .filter((file) => file.path.startsWith('lib/'))
        .flatMap((file) => declaredClasses(file.content).filter((name) => !name.startsWith('_')));
      for (const name of libClasses) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      for (const name of FRAMEWORK_NAMES) expect(libClasses).not.toContain(name);
      // Screens meet in app.dart, so they must be unique project-wide.
      const screens = libClasses.filter((name) => name.endsWith('Screen'));
      expect(new Set(screens).size).toBe(screens.length);
    });

    it('embeds feature labels only as escaped Dart literals', () => {
      for (const feature of planApp(spec).features) {
        const screen = content(files, feature.paths.screen);
        expect(screen).toContain(`static const String title = ${dartString(feature.names.label)};`);
      }
    });
  });

  it('gives features named like Flutter or app classes suffixed, distinct class names', () => {
    const features = planApp(simpleSpec({ features: ['Text', 'State', 'Home', 'Search', 'Step 2', 'Step2'] })).features;
    // "Step 2" and "Step2" are one feature once spacing is folded.
    expect(features.map((feature) => feature.classes.screen)).toEqual([
      'TextScreen',
      'StateScreen',
      'Home2Screen',
      'SearchScreen',
      'Step2Screen',
      'SettingsScreen',
    ]);
    // material.dart exports SearchController; the screen imports both.
    expect(features[3].classes.controller).toBe('SearchFeatureController');
  });

  it('wires every feature screen into the app routes and home list', () => {
    const spec = awkwardSpec();
    const app = content(generateFlutterProject(spec), 'lib/app.dart');
    for (const feature of planApp(spec).features) {
      expect(app).toContain(`import '${feature.paths.screen.slice('lib/'.length)}';`);
      expect(app).toContain(`${feature.classes.screen}.routeName: (context) =>`);
      // Settings, sign-in and onboarding open from the app bar or by themselves, not from a card.
      const card = !['settings', 'auth', 'onboarding'].includes(feature.archetype);
      expect(app.includes(`title: ${feature.classes.screen}.title`), feature.names.label).toBe(card);
    }
  });

  it('lays out long routes and home cards the way dart format does, within 80 columns', () => {
    const files = generateFlutterProject(
      simpleSpec({ backend: 'firebase', features: ['Login', 'Chat', 'Channels', 'Profile', 'Camera'] }),
    );
    const app = content(files, 'lib/app.dart');
    expect(app.split('\n').filter((line) => line.length > 80)).toEqual([]);
    expect(app).toContain(`  (
    title: ChatScreen.title,
    icon: Icons.chat_bubble_outline,
    routeName: ChatScreen.routeName,
  ),`);
    expect(app).toContain(`                _guarded(
                  ChatScreen(
                    channels: services.channels,`);
  });

  it.each(['firebase', 'supabase', 'rest', 'graphql'] as const)(
    'keeps camera photos on the device with %s: no server repository, service, table or contract for them',
    (backend) => {
      const spec = simpleSpec({ backend, features: ['Login', 'Chat', 'Camera'] });
      const files = generateFlutterProject(spec);
      const paths = files.map((file) => file.path);
      expect(paths.filter((file) => /(firestore|supabase|rest|graphql)_photo_repository/.test(file))).toEqual([]);
      const services = content(files, 'lib/app_services.dart');
      expect(services).toContain('final PhotoRepository photosOnDevice;');
      expect(services).not.toMatch(/\bphotos:/);
      expect(content(files, 'test/support/test_services.dart')).not.toMatch(/\bphotos:/);
      // The backend's table of what it stores, its rules and SQL name the chat, never photos.
      const readme = content(files, 'README.md');
      expect(readme).not.toMatch(/`photos`|\/photos\b|PhotoRepository\b.*\|/);
      expect(readme).toContain('Photos stay on this device');
      const plan = planApp(spec);
      expect(plan.entities.find((entity) => entity.className === 'Photo')?.storage).toBe('device');
      expect(unresolvedImports(files)).toEqual([]);
    },
  );

  it('keeps photos in the app services when the app stores everything on the device anyway', () => {
    const files = generateFlutterProject(simpleSpec({ backend: 'none', features: ['Camera'] }));
    expect(content(files, 'lib/app_services.dart')).toContain('final PhotoRepository photos;');
  });

  describe('gates in front of the app', () => {
    const gated = (backend: AppSpec['backend'], features = ['Login', 'Onboarding', 'Notes', 'Profile', 'Settings']) =>
      generateFlutterProject(simpleSpec({ backend, features }));

    it.each(['none', 'firebase', 'supabase', 'rest', 'graphql'] as const)(
      'starts a %s app at the tour, then sign-in, and guards every other route',
      (backend) => {
        const files = gated(backend);
        const plan = planApp(
          simpleSpec({ backend, features: ['Login', 'Onboarding', 'Notes', 'Profile', 'Settings'] }),
        );
        const app = content(files, 'lib/app.dart');
        expect(app).toContain(`HomeScreen.routeName: (context) =>
                OnboardingGate(
                  prefs: services.prefs,
                  child: _guarded(const HomeScreen()),
                ),`);
        expect(app).toContain(
          'Widget _guarded(Widget screen) {\n    return AuthGate(\n      auth: services.auth,\n      child: screen,',
        );
        for (const feature of plan.features) {
          const route = app
            .slice(app.indexOf(`${feature.classes.screen}.routeName: (context) =>`))
            .split('\n')[1]
            .trim();
          const open = feature.archetype === 'auth' || feature.archetype === 'onboarding';
          expect(route.startsWith('_guarded('), `${feature.names.label}: ${route}`).toBe(!open);
        }
        expect(app).toContain("tooltip: 'Account'");
        expect(unresolvedImports(files)).toEqual([]);
        for (const file of dartFiles(files)) expect(bracketProblem(file.content), file.path).toBeNull();

        const support = content(files, 'test/support/test_services.dart');
        expect(support).toContain('Future<AppServices> firstLaunchServices() async {');
        expect(support).toContain(`Future<AppServices> testServices() async {
  final services = await firstLaunchServices();
  await services.prefs.setBool(OnboardingScreen.doneKey, true);
  await services.auth.signIn('ada@example.com', 'correct horse');
  return services;
}`);
        expect(content(files, 'test/widget_test.dart')).toContain('MainApp(services: await testServices())');
      },
    );

    it('gates only the start screen with onboarding alone, and leaves apps without gates as they were', () => {
      const tourOnly = content(gated('none', ['Onboarding', 'Notes']), 'lib/app.dart');
      // Notes is the one main feature: it is the home screen itself.
      expect(tourOnly).toContain('child: HomeScreen(services: services),');
      expect(tourOnly).not.toContain('_guarded');
      expect(tourOnly).not.toContain('AuthGate');

      const plain = generateFlutterProject(simpleSpec({ features: ['Notes', 'Search'] }));
      expect(content(plain, 'lib/app.dart')).toContain('HomeScreen.routeName: (context) => const HomeScreen(),');
      const support = content(plain, 'test/support/test_services.dart');
      expect(support).not.toContain('firstLaunchServices');
      expect(support).toContain('SharedPreferences.setMockInitialValues({});');
    });
  });

  it('gives an app with nothing recognisable an entries list, never an empty home', () => {
    const files = generateFlutterProject(simpleSpec({ features: [], description: 'Something nice.' }));
    const app = content(files, 'lib/app.dart');
    // The one list the app has ("Todo App": tasks) is the home screen itself, settings beside it.
    expect(app).toMatch(/0 => \w+Screen\(repository: services\.\w+\),/);
    expect(app).toContain('class HomeScreen extends StatefulWidget');
    expect(app).toContain('bottomNavigationBar: NavigationBar(');
  });

  it('maps styles to theme tokens deterministically', () => {
    const theme = (style: string): string =>
      content(generateFlutterProject(simpleSpec({ style })), 'lib/theme/app_theme.dart');
    expect(theme('dark')).toContain('ThemeMode.dark;');
    expect(theme('Playful')).toContain('Color(0xFFFF7043)');
    expect(theme('minimal, but dark')).toContain('Color(0xFF607D8B)');
    expect(theme('minimal, but dark')).toContain('ThemeMode.dark;');
    expect(theme('something unheard of')).toBe(theme('constructor'));
    expect(theme('something unheard of')).toContain('Color(0xFF3F51B5)');
  });

  it('lists only known platforms in the README flutter create command', () => {
    const readme = content(generateFlutterProject(awkwardSpec()), 'README.md');
    expect(readme).toContain('flutter create . --project-name class_app --platforms=android,ios,web');
    expect(readme).not.toContain('rm -rf');
    expect(readme).toMatch(/flutter pub get[\s\S]*flutter run[\s\S]*flutter test/);
  });

  it('says where the docs/… files the README cites are: beside the project in the ZIP, not inside it', () => {
    const files = generateFlutterProject({ ...awkwardSpec(), backend: 'rest' });
    const readme = content(files, 'README.md');
    expect(readme).toContain('`docs/openapi.yaml`');
    expect(files.some((file) => file.path.startsWith('docs/'))).toBe(false);
    expect(readme).toContain('are in the `docs/` folder beside this one in the export ZIP');
  });

  it('escapes the app name and description in app_info.dart', () => {
    const info = content(generateFlutterProject(awkwardSpec()), 'lib/config/app_info.dart');
    expect(info).toContain(`static const String name = 'It\\'s "\\$pecial" \\\\ app with a newline */';`);
    expect(info).toContain('\\$money \\${interp}\\nLine two \\\\ backslash\\r\\n# not a heading\\ttab \\u{0} end');
  });

  it('writes different code for different kinds of features', () => {
    const files = fileMap(generateFlutterProject(simpleSpec({ features: ['Expenses', 'Statistics', 'Timer'] })));
    const screens = ['expenses', 'statistics', 'timer'].map(
      (id) => files.get(`lib/features/${id}/${id}_screen.dart`) ?? '',
    );
    expect(files.get('lib/features/expenses/expenses_form_screen.dart')).toContain('RecordInput.money');
    expect(screens[1]).toContain('BarChart');
    expect(screens[2]).toMatch(/Timer|Duration/);
    expect(new Set(screens).size).toBe(3);
  });
});

// QA's tree-sitter parser, when the QA module is present in this checkout.
const dartParserPath = path.resolve(__dirname, '../qa/dart-parser.ts');

describe.runIf(existsSync(dartParserPath))('generated Dart parses with tree-sitter', () => {
  it.each(SPECS)('%s spec', async (_name, spec) => {
    const parser = (await import(dartParserPath)) as {
      parseDart(source: string): Promise<{ ok: boolean; errors: unknown[] }>;
    };
    for (const file of dartFiles(generateFlutterProject(spec))) {
      const result = await parser.parseDart(file.content);
      expect({ file: file.path, errors: result.errors }).toEqual({ file: file.path, errors: [] });
    }
  });
});
