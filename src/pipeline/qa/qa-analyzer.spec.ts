import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeProject } from './qa-analyzer';
import { renderTestReport } from './qa-report';
import type { AppSpec, GeneratedFile } from '../generator/app-spec';
import { planApp } from '../generator/plan/plan-app';
import type { QaFeatureExpectation, QaFinding } from './qa.types';

type ProjectFiles = Record<string, string>;

function feature(label: string, id: string, stem: string): QaFeatureExpectation {
  return {
    label,
    screenClass: `${stem}Screen`,
    screenPath: `lib/features/${id}/${id}_screen.dart`,
    testPath: `test/features/${id}_screen_test.dart`,
  };
}

const FEATURES = [feature('Todo List', 'todo_list', 'TodoList'), feature('Profile', 'profile', 'Profile')];

const PUBSPEC = `name: demo_app
description: A demo app.
publish_to: 'none'
version: 1.0.0+1
environment:
  sdk: ^3.5.0
dependencies:
  flutter:
    sdk: flutter
  provider: ^6.1.2
dev_dependencies:
  flutter_test:
    sdk: flutter
  flutter_lints: ^4.0.0
flutter:
  uses-material-design: true
`;

function screen(className: string): string {
  return `import 'package:flutter/material.dart';

class ${className}Screen extends StatelessWidget {
  const ${className}Screen({super.key});

  @override
  Widget build(BuildContext context) => const Scaffold(body: Center(child: Text('${className}')));
}
`;
}

function widgetTest(id: string, className: string): string {
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:demo_app/features/${id}/${id}_screen.dart';

void main() {
  testWidgets('${className} renders', (WidgetTester tester) async {
    await tester.pumpWidget(const MaterialApp(home: ${className}Screen()));
    await tester.tap(find.text('${className}'));
    expect(find.text('${className}'), findsOneWidget);
  });
}
`;
}

/** A small but realistic valid Flutter project (relative, own-package, conditional, part and export URIs). */
function validProject(): ProjectFiles {
  return {
    'pubspec.yaml': PUBSPEC,
    'README.md': '# demo_app\n',
    'lib/main.dart': `import 'package:flutter/material.dart';
import 'app.dart';

void main() => runApp(const DemoApp());
`,
    'lib/app.dart': `import 'dart:async';
import 'package:flutter/material.dart';
import 'package:provider/provider.dart';
import 'package:demo_app/features/todo_list/todo_list_screen.dart';
import 'features/profile/profile_screen.dart';
import 'platform/storage_stub.dart' if (dart.library.io) 'platform/storage_io.dart';

export 'core/models.dart';

part 'app_state.dart';

class DemoApp extends StatelessWidget {
  const DemoApp({super.key});

  @override
  Widget build(BuildContext context) {
    unawaited(Future<void>.value());
    return Provider<String>.value(
      value: storageName,
      child: MaterialApp(
        debugShowCheckedModeBanner: false,
        routes: {'/profile': (_) => const ProfileScreen()},
        home: const TodoListScreen(),
      ),
    );
  }
}
`,
    'lib/app_state.dart': "part of 'app.dart';\n\nclass AppState {}\n",
    'lib/core/models.dart': 'class Todo {\n  const Todo(this.title);\n  final String title;\n}\n',
    'lib/platform/storage_stub.dart': "const storageName = 'stub';\n",
    'lib/platform/storage_io.dart': "import 'dart:io';\n\nfinal storageName = Platform.operatingSystem;\n",
    'lib/features/todo_list/todo_list_screen.dart': screen('TodoList'),
    'lib/features/profile/profile_screen.dart': screen('Profile'),
    'test/features/todo_list_screen_test.dart': widgetTest('todo_list', 'TodoList'),
    'test/features/profile_screen_test.dart': widgetTest('profile', 'Profile'),
    // Tool output and hidden folders are never analysed.
    '.dart_tool/broken.dart': 'class {',
    'build/broken.dart': 'class {',
    '.idea/broken.dart': 'class {',
  };
}

/** Keeps lib/main.dart starting the app when a test replaces its imports. */
const MAIN_TAIL = "import 'app.dart';\n\nvoid main() => runApp(const DemoApp());\n";

const tempDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qa-analyzer-'));
  tempDirs.push(dir);
  return dir;
}

async function writeProject(files: ProjectFiles): Promise<string> {
  const dir = await tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content);
  }
  return dir;
}

async function analyze(files: ProjectFiles, features: readonly QaFeatureExpectation[] = FEATURES) {
  return analyzeProject(await writeProject(files), features);
}

function rules(findings: readonly QaFinding[]): string[] {
  return findings.map((f) => f.rule);
}

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('analyzeProject', () => {
  it('finds nothing in a valid project and counts what it checked', async () => {
    const report = await analyze(validProject());
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({
      files_checked: 12,
      dart_files: 10,
      features_checked: 2,
      features_reachable: 2,
      features_tested: 2,
      passed: true,
    });
    expect(report.symbols_checked).toBeGreaterThan(0);
    expect(report.flutter).toBeUndefined();
    // app.dart 9 (the conditional import counts twice) + part of 1 + main 2 + io 1 + screens 2 + tests 6.
    expect(report.imports_checked).toBe(21);
  });

  it('reports a planted syntax error with its line', async () => {
    const files = validProject();
    files['lib/core/models.dart'] = 'class Todo {\n  const Todo(this.title);\n  final String title;\n';
    const report = await analyze(files);
    expect(report.passed).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'dart_syntax', file: 'lib/core/models.dart', line: 3 }),
    ]);
    expect(report.findings[0].message).toContain('missing "}"');
  });

  it('reports an unresolved relative import and one that leaves the project', async () => {
    const files = validProject();
    files['lib/main.dart'] =
      "import 'package:flutter/material.dart';\nimport 'missing.dart';\nimport '../../outside.dart';\n" + MAIN_TAIL;
    const report = await analyze(files);
    expect(report.findings).toEqual([
      {
        rule: 'import_unresolved',
        file: 'lib/main.dart',
        line: 2,
        message: 'import: Cannot resolve "missing.dart": lib/missing.dart does not exist',
      },
      {
        rule: 'import_unresolved',
        file: 'lib/main.dart',
        line: 3,
        message: 'import: Cannot resolve "../../outside.dart": path leaves the project',
      },
    ]);
  });

  it('reports an unresolved own-package import', async () => {
    const files = validProject();
    files['lib/main.dart'] = "import 'package:demo_app/features/nope/nope_screen.dart';\n" + MAIN_TAIL;
    const report = await analyze(files);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'import_unresolved', file: 'lib/main.dart', line: 1 }),
    ]);
    expect(report.findings[0].message).toContain('lib/features/nope/nope_screen.dart does not exist');
  });

  it('reports an undeclared package but accepts sdk and dev dependencies', async () => {
    const files = validProject();
    files['lib/main.dart'] =
      "import 'package:http/http.dart' as http;\nimport 'package:flutter_lints/x.dart';\n" + MAIN_TAIL;
    const report = await analyze(files);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'package_undeclared', file: 'lib/main.dart', line: 1 }),
    ]);
    expect(report.findings[0].message).toContain('"http"');
  });

  it('reports an unknown dart: library', async () => {
    const files = validProject();
    files['lib/main.dart'] = "import 'dart:collections';\nimport 'dart:ui';\nexport 'dart:math';\n" + MAIN_TAIL;
    const report = await analyze(files);
    expect(report.findings).toEqual([
      {
        rule: 'dart_library_unknown',
        file: 'lib/main.dart',
        line: 1,
        message: 'import: Unknown Dart SDK library "dart:collections"',
      },
    ]);
  });

  it('reports invalid pubspec YAML with its line and does not guess package imports', async () => {
    const files = validProject();
    files['pubspec.yaml'] = 'name: demo_app\ndependencies:\n  flutter: [sdk\n';
    const report = await analyze(files);
    expect(rules(report.findings)).toEqual(['pubspec_invalid']);
    expect(report.findings[0].file).toBe('pubspec.yaml');
    expect(report.findings[0].line).toBeGreaterThanOrEqual(3);
  });

  it('reports a missing pubspec and a non-mapping pubspec', async () => {
    const missing = validProject();
    delete missing['pubspec.yaml'];
    expect((await analyze(missing)).findings).toEqual([
      { rule: 'pubspec_missing', file: 'pubspec.yaml', message: 'pubspec.yaml is missing' },
    ]);
    const list = validProject();
    list['pubspec.yaml'] = '- a\n- b\n';
    expect(rules((await analyze(list)).findings)).toEqual(['pubspec_invalid']);
  });

  it.each([
    ['Demo-App', 'must match'],
    ['1app', 'must match'],
    ['class', 'reserved word'],
  ])('reports the bad package name %s', async (name, why) => {
    const files = validProject();
    files['pubspec.yaml'] = PUBSPEC.replace('name: demo_app', `name: ${name}`);
    const report = await analyze(files);
    const nameFindings = report.findings.filter((f) => f.rule === 'pubspec_name');
    expect(nameFindings).toEqual([expect.objectContaining({ file: 'pubspec.yaml', line: 1 })]);
    expect(nameFindings[0].message).toContain(why);
  });

  it('reports a missing package name', async () => {
    const files = validProject();
    files['pubspec.yaml'] = PUBSPEC.replace('name: demo_app\n', '');
    expect(rules((await analyze(files)).findings)).toEqual(['pubspec_name']);
  });

  it('reports a feature without screen and without test at the expected paths', async () => {
    const report = await analyze(validProject(), [
      ...FEATURES,
      feature('Shopping Cart', 'shopping_cart', 'ShoppingCart'),
    ]);
    expect(report.features_checked).toBe(3);
    expect(report.findings).toEqual([
      {
        rule: 'feature_missing_screen',
        file: 'lib/features/shopping_cart/shopping_cart_screen.dart',
        message: 'Feature "Shopping Cart" has no screen file',
      },
      {
        rule: 'feature_missing_test',
        file: 'test/features/shopping_cart_screen_test.dart',
        message: 'Feature "Shopping Cart" has no widget test',
      },
    ]);
  });

  it('does not follow symlinks that point outside the project', async () => {
    const outside = await writeProject({ 'evil.dart': 'class {', 'nested/evil.dart': "import 'x.dart';" });
    const dir = await writeProject(validProject());
    await fs.symlink(path.join(outside, 'evil.dart'), path.join(dir, 'lib', 'evil.dart'));
    await fs.symlink(path.join(outside, 'nested'), path.join(dir, 'lib', 'nested'));
    await fs.symlink(path.join(dir, 'lib', 'app.dart'), path.join(dir, 'lib', 'alias.dart'));
    const report = await analyzeProject(dir, FEATURES);
    expect(report.findings).toEqual([]);
    // Only the in-project file link is counted.
    expect(report.dart_files).toBe(11);
  });

  it('orders findings by file, line and rule', async () => {
    const files = validProject();
    files['lib/main.dart'] = "import 'package:nope/nope.dart';\nimport 'dart:nope';\nclass {\n";
    files['lib/app_state.dart'] = "part of 'gone.dart';\n";
    const report = await analyze(files, [...FEATURES, feature('Zeta', 'zeta', 'Zeta')]);
    const keys = report.findings.map((f) => `${f.file}:${f.line ?? 0}:${f.rule}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(keys[0]).toBe('lib/app_state.dart:1:import_unresolved');
    expect(rules(report.findings)).toEqual(
      expect.arrayContaining(['package_undeclared', 'dart_library_unknown', 'dart_syntax', 'feature_missing_screen']),
    );
  });
});

describe('renderTestReport', () => {
  it('renders the summary and findings as markdown', async () => {
    const files = validProject();
    files['lib/main.dart'] = "import 'a|b.dart';\n";
    const markdown = renderTestReport(await analyze(files), 2);
    expect(markdown).toContain('# Test report');
    expect(markdown).toContain('Attempt: 2');
    expect(markdown).toContain('**FAILED**');
    expect(markdown).toContain('| Dart files parsed | 10 |');
    expect(markdown).toContain('| import_unresolved | lib/main.dart | 1 | import: Cannot resolve "a\\|b.dart"');
  });

  it('says so when there is nothing to report', async () => {
    const markdown = renderTestReport(await analyze(validProject()));
    expect(markdown).toContain('**PASSED**');
    expect(markdown).toContain('No findings.');
    expect(markdown).not.toContain('Attempt');
  });
});

const GENERATOR = path.join(__dirname, '..', 'generator', 'flutter-project.generator.ts');

type GenerateProject = (spec: AppSpec) => GeneratedFile[];

async function loadGenerator(): Promise<GenerateProject> {
  // Loaded dynamically: the generator is developed separately and may be renamed or absent.
  const mod = (await import(GENERATOR)) as { generateFlutterProject?: unknown };
  expect(typeof mod.generateFlutterProject).toBe('function');
  return mod.generateFlutterProject as GenerateProject;
}

describe.skipIf(!existsSync(GENERATOR))('builtin generator output', () => {
  it('passes QA with zero findings', async () => {
    const generate = await loadGenerator();
    const spec: AppSpec = {
      slug: 'shop-list',
      name: 'Shop List',
      description: 'Shared shopping lists',
      platforms: ['android', 'ios', 'web'],
      style: 'modern',
      backend: 'none',
      features: ['Shopping List', 'Settings', 'Café Menu', 'User Profile'],
    };
    const files = Object.fromEntries(generate(spec).map((f) => [f.path, f.content]));
    const expected = planApp(spec).features.map((f) => ({
      label: f.names.label,
      screenClass: f.classes.screen,
      screenPath: f.paths.screen,
      testPath: f.paths.test,
    }));
    const report = await analyze(files, expected);
    expect(report.findings).toEqual([]);
    expect(report.features_checked).toBe(expected.length);
    expect(report.features_reachable).toBe(expected.length);
    expect(report.features_tested).toBe(expected.length);
  });
});
