import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCpuTask, type CpuTaskMap, type CpuTaskName } from '../cpu-pool/cpu-tasks';
import type { PhaseContext } from '../phase-handler';
import { QA_REPORT, QA_SUMMARY, runQa } from '../phases/qa-results';
import { parseAnalyzerOutput, parseTestFailures, sanitizeToolText } from './flutter-check';
import { analyzeProject } from './qa-analyzer';
import { DEMO_PUBSPEC, TempProjects, type ProjectFiles } from './testing/qa-projects';

const projects = new TempProjects();
afterEach(() => projects.cleanup());

/** Line 9 holds a static defect (`const Text(widget.title)`) the fake analyzer also reports. */
const PROJECT: ProjectFiles = {
  'pubspec.yaml': DEMO_PUBSPEC,
  'lib/main.dart': "import 'package:flutter/material.dart';\n\nvoid main() => runApp(const Placeholder());\n",
  'lib/title.dart': `import 'package:flutter/material.dart';

class TitleView extends StatefulWidget {
  const TitleView({super.key, required this.title});
  final String title;
  @override
  State<TitleView> createState() => _TitleViewState();
}
class _TitleViewState extends State<TitleView> {
  @override
  Widget build(BuildContext context) => const Text(widget.title);
}
`,
};
const CONST_LINE = 11;

interface FakeOptions {
  pubGetFails?: boolean;
}

/** A fake `flutter` that prints real-format output and logs its calls beside itself. */
async function fakeFlutter(options: FakeOptions = {}): Promise<{ bin: string; calls: () => Promise<string[]> }> {
  const dir = await projects.dir('fake-flutter-');
  const bin = path.join(dir, 'flutter');
  const script = `#!/bin/sh
echo "$*" >> "$(dirname "$0")/calls.log"
case "$1" in
  pub)
    ${
      options.pubGetFails
        ? `echo "Because demo_app depends on nope any which doesn't exist, version solving failed."
    echo "Failed to update packages."
    exit 69`
        : `echo "Resolving dependencies..."
    echo "Got dependencies!"
    exit 0`
    }
    ;;
  analyze)
    echo "Analyzing demo_app..."
    echo ""
    echo "  error • Undefined name 'foo' • lib/main.dart:3:5 • undefined_identifier"
    echo "warning • Unused import: 'dart:async' • lib/title.dart:1:8 • unused_import"
    echo "   info • Use 'const' with the constructor to improve performance • lib/main.dart:3:17 • prefer_const_constructors"
    echo "  error • Invalid constant value • lib/title.dart:${CONST_LINE}:58 • invalid_constant"
    echo ""
    echo "4 issues found. (ran in 1.2s)"
    exit 1
    ;;
  test)
    echo "00:01 +0: loading $PWD/test/widget_test.dart"
    echo "══╡ EXCEPTION CAUGHT BY FLUTTER TEST FRAMEWORK ╞════════════════"
    echo "The following TestFailure was thrown running a test:"
    echo "Expected: exactly one matching candidate"
    echo "#4      main.<anonymous closure> (file://$PWD/test/widget_test.dart:17:5)"
    echo "00:02 +1 -1: $PWD/test/widget_test.dart: starts on the home screen [E]"
    echo "  Test failed. See exception logs above."
    echo "00:02 +3 -1: Some tests failed."
    exit 1
    ;;
esac
exit 2
`;
  await fs.writeFile(bin, script, { mode: 0o755 });
  const calls = async () =>
    (await fs.readFile(path.join(dir, 'calls.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean);
  return { bin, calls };
}

describe('QA with a Flutter SDK (fake flutter executable)', () => {
  it('turns analyzer errors/warnings and failing tests into findings, without repeating static ones', async () => {
    const dir = await projects.write({ ...PROJECT, 'test/widget_test.dart': 'void main() {}\n' });
    const flutter = await fakeFlutter();
    const report = await analyzeProject(dir, [], { flutter: flutter.bin });

    expect(await flutter.calls()).toEqual(['pub get', 'analyze --no-pub --no-fatal-infos', 'test --no-pub']);
    expect(report.flutter).toEqual({ ran: true, analyze_issues: 3, tests_passed: false });
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line ?? '-'}`)).toEqual([
      'analyzer_undefined_identifier lib/main.dart:3',
      'analyzer_unused_import lib/title.dart:1',
      // The analyzer's invalid_constant on this line is the same problem: reported once.
      `const_with_non_constant lib/title.dart:${CONST_LINE}`,
      'flutter_test_failed test/widget_test.dart:17',
    ]);
    expect(report.findings[0].message).toBe("error: Undefined name 'foo' (flutter analyze)");
    expect(report.findings[3].message).toBe('Test failed: starts on the home screen');
    expect(report.passed).toBe(false);
  });

  it('stops after a failing pub get and reports it on pubspec.yaml', async () => {
    const dir = await projects.write(PROJECT);
    const flutter = await fakeFlutter({ pubGetFails: true });
    const report = await analyzeProject(dir, [], { flutter: flutter.bin });
    expect(await flutter.calls()).toEqual(['pub get']);
    expect(report.flutter).toEqual({ ran: true, reason: 'flutter pub get failed (exit code 69)' });
    const pubGet = report.findings.filter((f) => f.rule === 'flutter_pub_get_failed');
    expect(pubGet).toEqual([expect.objectContaining({ file: 'pubspec.yaml' })]);
    expect(pubGet[0].message).toContain('version solving failed');
  });

  it('records why Flutter did not run', async () => {
    const report = await analyzeProject(await projects.write(PROJECT), [], { flutterSkipReason: 'No Flutter SDK' });
    expect(report.flutter).toEqual({ ran: false, reason: 'No Flutter SDK' });
  });
});

describe('runQa', () => {
  function context(sourceDir: string, written: Map<string, string>): PhaseContext {
    const stub = {
      spec: {
        slug: 'demo-app',
        name: 'Demo',
        description: 'A demo',
        platforms: ['android'],
        style: 'modern',
        backend: 'none',
        features: [],
      },
      sourceDir,
      signal: new AbortController().signal,
      // Without an SDK, QA runs through the CPU pool; here on this thread.
      cpu: { run: (task: CpuTaskName, input: CpuTaskMap[CpuTaskName]['input']) => runCpuTask({ task, input }) },
      writeFiles: async (files: readonly { path: string; content: string }[]) => {
        files.forEach((f) => written.set(f.path, f.content));
        return files.map((f) => f.path);
      },
    };
    return stub as unknown as PhaseContext;
  }

  it('runs the configured Flutter and records the result in the summary and the report', async () => {
    const dir = await projects.write({ ...PROJECT, 'test/widget_test.dart': 'void main() {}\n' });
    const flutter = await fakeFlutter();
    const written = new Map<string, string>();
    const { summary, outputs } = await runQa(context(dir, written), 2, { flutter: flutter.bin });
    expect(outputs).toEqual([QA_REPORT, QA_SUMMARY]);
    expect(summary).toMatchObject({ attempt: 2, flutter: { ran: true, analyze_issues: 3, tests_passed: false } });
    expect(JSON.parse(written.get(QA_SUMMARY) ?? '{}').flutter.ran).toBe(true);
    const markdown = written.get(QA_REPORT) ?? '';
    expect(markdown).toContain('`flutter analyze` and `flutter test` ran');
    expect(markdown).toContain('analyze: 3 error(s)/warning(s); tests failed');
  });

  it('says the code was not compiled when FLUTTER_BIN is not an executable', async () => {
    const written = new Map<string, string>();
    const { summary } = await runQa(context(await projects.write(PROJECT), written), 0, {
      flutter: '/nonexistent/flutter',
    });
    expect(summary.flutter).toEqual({
      ran: false,
      reason: 'FLUTTER_BIN does not point to an executable Flutter SDK',
    });
    expect(written.get(QA_REPORT)).toContain('the code was not compiled');
  });
});

describe('tool output parsing', () => {
  it('reads flutter analyze and dart analyze formats, with relative and absolute paths', () => {
    const output = [
      "  error • Undefined class 'Foo' • lib/a.dart:2:3 • undefined_class",
      'warning - /proj/lib/b.dart:7:1 - Dead code. - dead_code',
      '   info • Prefer const • lib/a.dart:9:9 • prefer_const_constructors',
      '  error • Outside • /elsewhere/x.dart:1:1 • undefined_identifier',
      'Analyzing proj...',
    ].join('\n');
    expect(parseAnalyzerOutput(output, '/proj')).toEqual([
      { severity: 'error', message: "Undefined class 'Foo'", file: 'lib/a.dart', line: 2, code: 'undefined_class' },
      { severity: 'warning', message: 'Dead code.', file: 'lib/b.dart', line: 7, code: 'dead_code' },
      { severity: 'info', message: 'Prefer const', file: 'lib/a.dart', line: 9, code: 'prefer_const_constructors' },
    ]);
  });

  it('reads failing tests, including a test file that does not compile', () => {
    const output = [
      "test/a_test.dart:3:8: Error: Error when reading 'lib/missing.dart': No such file or directory",
      '00:01 +0 -1: loading /proj/test/a_test.dart [E]',
      '00:03 +2 -2: /proj/test/b_test.dart: shows the list [E]',
      '00:03 +2 -2: Some tests failed.',
    ].join('\n');
    expect(parseTestFailures(output, '/proj')).toEqual([
      { file: 'test/a_test.dart', line: 3, name: 'loading /proj/test/a_test.dart' },
      { file: 'test/b_test.dart', line: undefined, name: 'shows the list' },
    ]);
  });

  it('hides absolute paths in tool text', () => {
    expect(sanitizeToolText('at /proj/lib/a.dart and /srv/me/.pub-cache/x', '/proj')).toBe('at lib/a.dart and <path>');
  });
});
