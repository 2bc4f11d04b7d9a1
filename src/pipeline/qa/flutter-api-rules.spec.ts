import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_VERSIONS } from '../generator/data/package-versions';
import { flutterApiTable, parseFlutterApiTable } from './flutter-api/flutter-api-table';
import { analyzeProject } from './qa-analyzer';
import { renderTestReport } from './qa-report';
import type { QaReport } from './qa.types';
import { DEMO_PUBSPEC, TempProjects, type ProjectFiles } from './testing/qa-projects';

const projects = new TempProjects();
afterEach(() => projects.cleanup());

async function analyze(files: ProjectFiles): Promise<QaReport> {
  return analyzeProject(await projects.write({ 'pubspec.yaml': DEMO_PUBSPEC, ...files }), []);
}

/** `rule file:line` of every finding. */
async function found(files: ProjectFiles): Promise<string[]> {
  return (await analyze(files)).findings.map((f) => `${f.rule} ${f.file}:${f.line ?? '-'}`);
}

/** A screen whose build method returns `body`. */
function screen(body: string, extra = ''): ProjectFiles {
  return {
    'lib/screen.dart': `import 'package:flutter/material.dart';

class DemoScreen extends StatelessWidget {
  const DemoScreen({super.key, required this.title});

  final String title;

  @override
  Widget build(BuildContext context) {
    return ${body};
  }
}
${extra}`,
  };
}

describe('the API table', () => {
  it('loads, is well-formed and covers every package the generator can add', () => {
    const table = flutterApiTable();
    expect(table.flutterVersion).toMatch(/^3\.\d+\.\d+$/);
    for (const uri of ['material', 'widgets', 'cupertino', 'services', 'painting', 'foundation']) {
      const lib = table.libraries.get(`package:flutter/${uri}.dart`);
      expect(lib?.complete, uri).toBe(true);
      expect(lib?.source).toContain(table.flutterVersion);
    }
    const covered = [...table.libraries.keys()].map((uri) => /^package:(\w+)\//.exec(uri)?.[1]);
    for (const pkg of Object.keys(PACKAGE_VERSIONS)) {
      expect(covered, pkg).toContain(pkg);
      const lib = [...table.libraries.values()].find((l) => l.uri.startsWith(`package:${pkg}/`));
      // The source names the version the generator pins (constraint ^x.y.z → x.y.z); `any` (intl: the SDK pins it)
      // takes the version of the table's Flutter release.
      const constraint: string = PACKAGE_VERSIONS[pkg as keyof typeof PACKAGE_VERSIONS];
      expect(lib?.source, pkg).toMatch(
        constraint === 'any' ? new RegExp(`^${pkg} \\d+\\.\\d+\\.\\d+`) : new RegExp(`^${pkg} ${constraint.slice(1)}`),
      );
    }
    const material = table.scopeOf('package:flutter/material.dart');
    for (const name of ['Scaffold', 'Text', 'EdgeInsets', 'Color', 'ChangeNotifier', 'TextInputType', 'Curves']) {
      expect(material?.names.has(name), name).toBe(true);
    }
    expect(material?.names.has('FlatButton')).toBe(false);
    const elevated = table.libraries.get('package:flutter/material.dart')?.classes.get('ElevatedButton')?.get('');
    expect(elevated?.isConst).toBe(true);
    expect(elevated?.params.named.get('onPressed')).toBe(true);
    expect(elevated?.params.named.get('style')).toBe(false);
    expect(table.deprecatedNames.get('FlatButton')).toMatchObject({ kind: 'removed', replacement: 'TextButton' });
  });

  it('refuses a malformed constructor signature', () => {
    const raw = {
      version: 1,
      flutter: '3.24.5',
      dart: '3.5.4',
      libraries: {
        'package:x/x.dart': { source: 'x 1.0.0', complete: true, names: 'X', classes: { X: { '': 'c key' } } },
      },
      deprecated: {},
    };
    expect(() => parseFlutterApiTable(raw)).toThrow(/X\.: a constructor needs its positional count/);
  });
});

describe('undefined_name against the table', () => {
  it('reports a class no imported library exports', async () => {
    expect(await found(screen('FancyCard(child: Text(title))'))).toEqual(['undefined_name lib/screen.dart:10']);
  });

  it('accepts names the imported Flutter libraries export through their re-exports', async () => {
    const body = `Padding(
      padding: const EdgeInsets.all(8),
      child: Semantics(label: title, child: Icon(Icons.add, color: const Color(0xFF000000))),
    )`;
    expect(await found(screen(body))).toEqual([]);
  });

  it('counts names of packages the table lists only in part as unverified, not as errors', async () => {
    const report = await analyze({
      'pubspec.yaml': DEMO_PUBSPEC.replace('dependencies:\n', 'dependencies:\n  fl_chart: ^0.69.0\n'),
      'lib/chart.dart': `import 'package:fl_chart/fl_chart.dart';
import 'package:flutter/material.dart';

Widget chart() => BarChart(BarChartData(), swapAnimationDuration: Duration.zero);
Widget other() => LineChartFancy();
`,
    });
    expect(report.findings).toEqual([]);
    expect(report.unverified_names).toBe(1);
  });
});

describe('removed_api and deprecated_api', () => {
  it('reports a removed widget with its replacement', async () => {
    const report = await analyze(screen("FlatButton(onPressed: () {}, child: const Text('Go'))"));
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['removed_api lib/screen.dart:10']);
    expect(report.findings[0].message).toContain('use TextButton instead');
  });

  it('does not report a project class that happens to have a removed name', async () => {
    const files = screen(
      "FlatButton(label: 'Go')",
      'class FlatButton extends StatelessWidget {\n  const FlatButton({super.key, required this.label});\n  final String label;\n  @override\n  Widget build(BuildContext context) => Text(label);\n}\n',
    );
    expect(await found(files)).toEqual([]);
  });

  it('reports removed members and arguments with their replacements', async () => {
    const body = `Column(children: [
      Text(title, style: Theme.of(context).textTheme.headline6),
      Builder(builder: (context) {
        Scaffold.of(context).showSnackBar(SnackBar(content: Text(title)));
        return Text(title, textScaleFactor: 1.5);
      }),
    ])`;
    const report = await analyze(screen(body));
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'removed_api lib/screen.dart:11',
      'removed_api lib/screen.dart:13',
      'deprecated_api lib/screen.dart:14',
    ]);
    expect(report.findings[0].message).toContain('textTheme.titleLarge');
    expect(report.findings[1].message).toContain('ScaffoldMessenger.of(context).showSnackBar');
    expect(report.findings[2].message).toContain('textScaler');
  });

  it('accepts the replacements', async () => {
    const body = `Column(children: [
      Text(title, style: Theme.of(context).textTheme.titleLarge),
      TextButton(onPressed: () => ScaffoldMessenger.of(context).showSnackBar(SnackBar(content: Text(title))), child: const Text('Go')),
      PopScope(canPop: false, child: Text(title, textScaler: const TextScaler.linear(1.5))),
    ])`;
    expect(await found(screen(body))).toEqual([]);
  });
});

describe('constructor arguments of table classes', () => {
  it('reports a missing required named argument', async () => {
    const report = await analyze(screen("ElevatedButton(child: const Text('Go'))"));
    expect(report.findings.map((f) => f.rule)).toEqual(['missing_required_argument']);
    expect(report.findings[0].message).toContain(
      'ElevatedButton(…) is missing the required named argument(s): onPressed',
    );
  });

  it('reports an unknown named argument with the closest real one', async () => {
    const report = await analyze(screen("Text('x', colour: Colors.red)"));
    expect(report.findings.map((f) => f.rule)).toEqual(['unknown_named_argument']);
    expect(report.findings[0].message).toContain('Text(…) has no named parameter "colour"');
    const container = await analyze(screen('Container(colour: Colors.red, child: Text(title))'));
    expect(container.findings.map((f) => f.rule)).toEqual(['unknown_named_argument']);
    expect(container.findings[0].message).toContain(
      'Container(…) has no named parameter "colour" (did you mean "color"?)',
    );
  });

  it('reports wrong positional counts and a parameter added after the pinned Flutter version', async () => {
    const body = 'Row(spacing: 8, children: [Icon(), Expanded(child: Text(title, title))])';
    expect(await found(screen(body))).toEqual(
      [
        'unknown_named_argument lib/screen.dart:10',
        'missing_required_argument lib/screen.dart:10',
        'extra_positional_arguments lib/screen.dart:10',
      ].sort(),
    );
  });

  it('accepts complete calls, named constructors and open signatures', async () => {
    const body = `ListView.separated(
      itemCount: 2,
      separatorBuilder: (context, index) => const Divider(height: 1),
      itemBuilder: (context, index) => ListTile(
        title: Text(title, maxLines: 1, overflow: TextOverflow.ellipsis),
        trailing: IconButton(icon: const Icon(Icons.delete), tooltip: 'Delete', onPressed: () {}),
        onTap: () => Navigator.of(context).push(MaterialPageRoute<void>(builder: (_) => const SizedBox.shrink())),
      ),
    )`;
    expect(await found(screen(body))).toEqual([]);
  });
});

describe('const_with_non_constant on table constructors', () => {
  it('reports const before a constructor that is not const, and a non-constant argument', async () => {
    const body =
      "Column(children: [const AppBar(title: Text('x')), Container(decoration: BoxDecoration(borderRadius: const BorderRadius.circular(8))), const Text(title)])";
    const report = await analyze(screen(body));
    expect(report.findings.map((f) => f.rule)).toEqual([
      'const_with_non_constant',
      'const_with_non_constant',
      'const_with_non_constant',
    ]);
    const messages = report.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('AppBar(…) is used in a const context but that constructor is not const');
    expect(messages).toContain('BorderRadius.circular(…) is used in a const context');
    expect(messages).toContain('"title" is not a constant');
  });

  it('accepts const constructors with constant arguments', async () => {
    const body =
      "const Padding(padding: EdgeInsets.symmetric(horizontal: 8), child: Card(child: ListTile(title: Text('x'), leading: Icon(Icons.star))))";
    expect(await found(screen(body))).toEqual([]);
  });
});

/**
 * The mistakes language models make most in Flutter code, planted in one
 * screen that parses and whose imports resolve: seven are visible to the
 * table rules; the eighth (assigning null to a non-nullable field) needs
 * type inference, which only a real analyzer has.
 */
const PLANTED = `import 'package:flutter/material.dart';

class PlantedScreen extends StatefulWidget {
  const PlantedScreen({super.key, required this.title});

  final String title;

  @override
  State<PlantedScreen> createState() => _PlantedScreenState();
}

class _PlantedScreenState extends State<PlantedScreen> {
  String status = null;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(widget.title)),
      body: Column(
        children: [
          FlatButton(onPressed: () {}, child: const Text('Old')),
          ElevatedButton(child: const Text('Save')),
          Text('Hello', colour: Colors.red),
          FancyCard(child: Text(status)),
          Text(status, style: Theme.of(context).textTheme.headline6),
          IconButton(icon: const Icon(Icons.share), onPressed: () {
            Scaffold.of(context).showSnackBar(const SnackBar(content: Text('Shared')));
          }),
        ],
      ),
    );
  }
}
`;

describe('eight planted LLM defects', () => {
  it('finds the seven the table can see and reports the null-safety one as not checkable', async () => {
    const report = await analyze({ 'lib/planted_screen.dart': PLANTED });
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'const_with_non_constant lib/planted_screen.dart:18',
      'removed_api lib/planted_screen.dart:21',
      'missing_required_argument lib/planted_screen.dart:22',
      'unknown_named_argument lib/planted_screen.dart:23',
      'undefined_name lib/planted_screen.dart:24',
      'removed_api lib/planted_screen.dart:25',
      'removed_api lib/planted_screen.dart:27',
    ]);
    // `String status = null;` (line 13) has no finding: without a Dart SDK the code is not compiled,
    // and the report says so.
    expect(report.findings.some((f) => f.line === 13)).toBe(false);
    expect(renderTestReport(report)).toContain('the code was not compiled');
  });
});

describe('with a Flutter SDK, flutter analyze is the authority', () => {
  /** A fake `flutter` whose analyzer reports the removed widget (line 10) and an unused import (line 1). */
  async function fakeFlutter(): Promise<string> {
    const dir = await projects.dir('fake-flutter-');
    const bin = path.join(dir, 'flutter');
    const script = `#!/bin/sh
case "$1" in
  pub) echo "Got dependencies!"; exit 0 ;;
  analyze)
    echo "  error • The method 'FlatButton' isn't defined for the type 'DemoScreen' • lib/screen.dart:10:12 • undefined_method"
    echo "warning • Unused import: 'dart:async' • lib/other.dart:1:8 • unused_import"
    echo "2 issues found."
    exit 1 ;;
  test) echo "00:01 +1: All tests passed!"; exit 0 ;;
esac
exit 2
`;
    await fs.writeFile(bin, script, { mode: 0o755 });
    return bin;
  }

  it('merges its findings with the table without duplicates and drops table findings it does not confirm', async () => {
    const dir = await projects.write({
      'pubspec.yaml': DEMO_PUBSPEC,
      ...screen("FlatButton(onPressed: () {}, child: const Text('Go'))"),
      'lib/other.dart': `import 'dart:async';
import 'package:flutter/material.dart';

Widget other() => Text('x', colour: Colors.red);
`,
    });
    const report = await analyzeProject(dir, [], { flutter: await fakeFlutter() });
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      'analyzer_unused_import lib/other.dart:1',
      // The analyzer's undefined_method on line 10 is the same problem: told once, with the replacement.
      'removed_api lib/screen.dart:10',
    ]);
    expect(report.findings[1].message).toContain('TextButton');
  });
});
