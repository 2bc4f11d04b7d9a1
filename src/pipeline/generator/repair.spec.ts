import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSpec } from './app-spec';
import { generateFlutterProject } from './flutter-project.generator';
import { planApp } from './plan/plan-app';
import { repairProject, type RepairFinding } from './repair';
import { simpleSpec } from './testing/fixtures';

const spec: AppSpec = simpleSpec({ features: ['Todo list', 'Profile', 'Search', 'Chat'] });
const generated = new Map(generateFlutterProject(spec).map((file) => [file.path, file.content]));
const plan = planApp(spec);
const [todo, profile, search] = plan.features;
/** The to-do list's model, which its screen imports. */
const TASK_MODEL = plan.entities.find((entity) => entity.className === 'Task')!.paths.model;

const HELPER = 'lib/extra/helper.dart';
const HELPER_SOURCE = [
  "import 'package:flutter/widgets.dart';",
  "import 'package:http/http.dart' as http;",
  "import '../missing.dart';",
  '',
  'int answer() => 42;',
  '',
].join('\n');

let root: string;
let sourceDir: string;

async function writeProject(): Promise<void> {
  for (const [file, content] of generated) {
    const target = path.join(sourceDir, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
}

const read = (file: string): Promise<string> => fs.readFile(path.join(sourceDir, file), 'utf8');
const exists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'repair-spec-'));
  sourceDir = path.join(root, 'source');
  await fs.mkdir(sourceDir);
  await writeProject();
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('repairProject', () => {
  it('restores corrupted and missing files and drops unresolvable imports', async () => {
    await fs.writeFile(path.join(sourceDir, todo.paths.screen), 'class Broken {');
    await fs.rm(path.join(sourceDir, profile.paths.screen));
    await fs.writeFile(
      path.join(sourceDir, 'lib/app.dart'),
      `import 'nowhere/missing.dart';\n${generated.get('lib/app.dart')}`,
    );
    await fs.mkdir(path.join(sourceDir, 'lib/extra'));
    await fs.writeFile(path.join(sourceDir, HELPER), HELPER_SOURCE);
    await fs.writeFile(path.join(sourceDir, 'pubspec.yaml'), 'name: Not Valid\n');

    const findings: RepairFinding[] = [
      { rule: 'dart_syntax', file: todo.paths.screen, line: 1, message: 'Syntax error: missing "}"' },
      { rule: 'feature_missing_screen', file: profile.paths.screen, message: 'Feature "Profile" has no screen file' },
      {
        rule: 'import_unresolved',
        file: 'lib/app.dart',
        line: 1,
        message: 'import: Cannot resolve "nowhere/missing.dart": lib/nowhere/missing.dart does not exist',
      },
      {
        rule: 'import_unresolved',
        file: HELPER,
        line: 3,
        message: 'import: Cannot resolve "../missing.dart": lib/missing.dart does not exist',
      },
      {
        rule: 'package_undeclared',
        file: HELPER,
        line: 2,
        message:
          'import: Package "http" (from "package:http/http.dart") is not declared in pubspec.yaml dependencies or dev_dependencies',
      },
      {
        rule: 'pubspec_name',
        file: 'pubspec.yaml',
        line: 1,
        message: 'Package name "Not Valid" must match ^[a-z][a-z0-9_]*$',
      },
    ];
    const result = await repairProject(sourceDir, spec, findings);

    expect(await read(todo.paths.screen)).toBe(generated.get(todo.paths.screen));
    expect(await read(profile.paths.screen)).toBe(generated.get(profile.paths.screen));
    expect(await read('lib/app.dart')).toBe(generated.get('lib/app.dart'));
    expect(await read('pubspec.yaml')).toBe(generated.get('pubspec.yaml'));
    expect(await read(HELPER)).toBe("import 'package:flutter/widgets.dart';\n\nint answer() => 42;\n");
    expect(result.changed).toEqual(
      [HELPER, 'lib/app.dart', profile.paths.screen, todo.paths.screen, 'pubspec.yaml'].sort(),
    );
    expect(result.notes).toHaveLength(result.changed.length + 1); // helper.dart changed twice
  });

  it('restores a missing test and the generated files a restored file imports', async () => {
    await fs.rm(path.join(sourceDir, search.paths.test));
    await fs.rm(path.join(sourceDir, TASK_MODEL));
    const result = await repairProject(sourceDir, spec, [
      { rule: 'feature_missing_test', file: search.paths.test, message: 'Feature "Search" has no widget test' },
      {
        rule: 'import_unresolved',
        file: todo.paths.screen,
        message: `import: Cannot resolve "../../data/models/task.dart": ${TASK_MODEL} does not exist`,
      },
    ]);
    expect(result.changed).toEqual([TASK_MODEL, search.paths.test]);
    expect(await read(search.paths.test)).toBe(generated.get(search.paths.test));
    expect(await read(TASK_MODEL)).toBe(generated.get(TASK_MODEL));
  });

  it('is idempotent and reports findings it cannot fix', async () => {
    await fs.writeFile(path.join(sourceDir, 'lib/custom.dart'), 'void main() {}\n');
    const result = await repairProject(sourceDir, spec, [
      { rule: 'dart_syntax', file: 'lib/custom.dart', message: 'Syntax error' },
      { rule: 'feature_missing_screen', file: 'lib/features/unknown/unknown_screen.dart', message: 'no screen' },
      { rule: 'dart_syntax', file: 'lib/main.dart', message: 'Syntax error' },
    ]);
    expect(result.changed).toEqual([]);
    expect(result.notes).toHaveLength(2);
    expect(result.notes.every((note) => note.startsWith('Skipped'))).toBe(true);
  });

  it('never writes outside the source directory', async () => {
    const outside = path.join(root, 'outside');
    await fs.mkdir(outside);
    await fs.symlink(outside, path.join(sourceDir, 'lib/linked'));
    await fs.writeFile(path.join(outside, 'victim.dart'), "import 'gone.dart';\n");

    const result = await repairProject(sourceDir, spec, [
      { rule: 'import_unresolved', file: '../outside/victim.dart', message: 'import: Cannot resolve "gone.dart"' },
      { rule: 'import_unresolved', file: '/etc/hosts', message: 'import: Cannot resolve "gone.dart"' },
      { rule: 'import_unresolved', file: 'lib/linked/victim.dart', message: 'import: Cannot resolve "gone.dart"' },
      { rule: 'feature_missing_screen', file: 'lib/linked/../../../outside/x_screen.dart', message: 'no screen' },
    ]);

    expect(result.changed).toEqual([]);
    expect(result.notes).toHaveLength(4);
    expect(await fs.readFile(path.join(outside, 'victim.dart'), 'utf8')).toBe("import 'gone.dart';\n");
    expect(await exists(path.join(outside, 'x_screen.dart'))).toBe(false);
  });
});
