import { afterEach, describe, expect, it } from 'vitest';
import { analyzeProject } from './qa-analyzer';
import type { QaFinding, QaReport } from './qa.types';
import { DEMO_PUBSPEC, TempProjects, type ProjectFiles } from './testing/qa-projects';

const projects = new TempProjects();
afterEach(() => projects.cleanup());

async function analyze(files: ProjectFiles): Promise<QaReport> {
  return analyzeProject(await projects.write({ 'pubspec.yaml': DEMO_PUBSPEC, ...files }), []);
}

async function findings(files: ProjectFiles, rule: string): Promise<QaFinding[]> {
  return (await analyze(files)).findings.filter((f) => f.rule === rule);
}

const GREETING = `import 'package:flutter/material.dart';

class Greeting extends StatelessWidget {
  const Greeting({super.key, required this.name});

  final String name;

  @override
  Widget build(BuildContext context) => Text('Hello $name');
}
`;

describe('name_not_imported', () => {
  it('reports a project class used in a file that does not import it, with the import to add', async () => {
    const result = await findings(
      {
        'lib/greeting.dart': GREETING,
        'lib/home.dart': `import 'package:flutter/material.dart';

Widget home() => const Greeting(name: 'Ada');
`,
        'test/home_test.dart': `import 'package:flutter_test/flutter_test.dart';

void main() {
  test('greets', () => expect(const Greeting(name: 'x').name, 'x'));
}
`,
      },
      'name_not_imported',
    );
    expect(result).toEqual([
      expect.objectContaining({ file: 'lib/home.dart', line: 3 }),
      expect.objectContaining({ file: 'test/home_test.dart', line: 4 }),
    ]);
    expect(result[0].message).toContain('lib/greeting.dart');
    expect(result[0].message).toContain("import 'greeting.dart';");
    expect(result[1].message).toContain("import 'package:demo_app/greeting.dart';");
  });

  it('follows exports, honours show/hide and prefixes', async () => {
    const files: ProjectFiles = {
      'lib/greeting.dart': GREETING,
      'lib/widgets.dart': "export 'greeting.dart' show Greeting;\n",
      'lib/a.dart': `import 'package:flutter/material.dart';
import 'package:demo_app/widgets.dart';

Widget a() => const Greeting(name: 'a');
`,
      'lib/b.dart': `import 'package:flutter/material.dart';
import 'greeting.dart' as g;

Widget b() => const g.Greeting(name: 'b');
`,
      'lib/c.dart': `import 'package:flutter/material.dart';
import 'greeting.dart' hide Greeting;

Widget c() => const Greeting(name: 'c');
`,
    };
    const result = await findings(files, 'name_not_imported');
    expect(result.map((f) => f.file)).toEqual(['lib/c.dart']);
  });

  it('reports a name that is only visible through a prefix', async () => {
    const result = await findings(
      {
        'lib/greeting.dart': GREETING,
        'lib/b.dart': `import 'package:flutter/material.dart';
import 'greeting.dart' as g;

Widget b() => const Greeting(name: 'b');
`,
      },
      'name_not_imported',
    );
    expect(result).toEqual([expect.objectContaining({ file: 'lib/b.dart', line: 4 })]);
  });

  it('does not report a project class named like a Flutter or package class the file may mean', async () => {
    const result = await findings(
      {
        'lib/models/user.dart': 'class User {\n  const User(this.id);\n  final String id;\n}\n',
        'lib/widgets/card.dart':
          "import 'package:flutter/widgets.dart';\n\nclass Card extends StatelessWidget {\n  const Card({super.key});\n  @override\n  Widget build(BuildContext context) => const SizedBox();\n}\n",
        'lib/auth.dart': `import 'package:firebase_auth/firebase_auth.dart';
import 'package:flutter/material.dart';

User? current() => FirebaseAuth.instance.currentUser;
Widget card() => const Card(child: Text('x'));
`,
      },
      'name_not_imported',
    );
    expect(result).toEqual([]);
  });
});

describe('undefined_name', () => {
  it('reports a capitalised name declared nowhere in a file that imports only project files', async () => {
    const report = await analyze({
      'lib/model.dart': 'class Todo {\n  const Todo(this.title);\n  final String title;\n}\n',
      'lib/store.dart': `import 'model.dart';

class Store {
  final List<Todo> items = [];
  TodoFilter filter = TodoFilter.all;
  final _cache = _Cache();
}
`,
    });
    const undefinedNames = report.findings.filter((f) => f.rule === 'undefined_name');
    expect(undefinedNames).toEqual([
      expect.objectContaining({ file: 'lib/store.dart', line: 5 }),
      expect.objectContaining({ file: 'lib/store.dart', line: 6 }),
    ]);
    expect(undefinedNames[0].message).toContain('TodoFilter');
    expect(undefinedNames[1].message).toContain('_Cache');
  });

  it('accepts dart:core, tabled SDK libraries, type parameters and own declarations', async () => {
    const report = await analyze({
      'lib/clock.dart': `import 'dart:async';
import 'dart:math';
import 'dart:convert';

typedef Mapper<T> = T Function(Object? value);

class Box<T extends Comparable<T>> {
  Box(this.value);
  final T value;
  final StreamController<DateTime> ticks = StreamController<DateTime>.broadcast();
  Timer? timer;
  final Random random = Random(1);
  Duration get period => const Duration(seconds: 1);
  String encode(Map<String, Object?> map) => jsonEncode(map) + Utf8Codec().name;
  Future<void> run() async {
    try {
      await Future<void>.delayed(period);
    } on StateError catch (error, stackTrace) {
      Error.throwWithStackTrace(ArgumentError(error.message), stackTrace);
    }
  }
}
`,
    });
    expect(report.findings).toEqual([]);
    expect(report.unverified_names).toBe(0);
    expect(report.symbols_checked).toBeGreaterThan(10);
  });

  it('reports names Flutter does not export and leaves names of libraries without an API table unverified', async () => {
    const report = await analyze({
      'lib/screen.dart': `import 'package:flutter/material.dart';

class Screen extends StatelessWidget {
  const Screen({super.key});

  @override
  Widget build(BuildContext context) => const Scaffold(body: MadeUpWidget());
}
`,
      'lib/io.dart': "import 'dart:io';\n\nfinal home = Platform.environment['HOME'] ?? Directory.current.path;\n",
    });
    // StatelessWidget, Widget, BuildContext and Scaffold are in the table; MadeUpWidget is in no library.
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(['undefined_name lib/screen.dart:7']);
    expect(report.findings[0].message).toContain('MadeUpWidget');
    expect(report.findings[0].message).toContain('package:flutter/material.dart');
    // Platform, Directory: dart:io has no table.
    expect(report.unverified_names).toBe(2);
  });
});

const ITEM = `class Item {
  const Item(this.id, {required this.name, this.note, int count = 0}) : count = count;

  const Item.empty() : this('', name: '');

  factory Item.fromJson(Map<String, Object?> json) => Item(json['id'] as String, name: json['name'] as String);

  static Item create(String name) => Item(name, name: name);

  final String id;
  final String name;
  final String? note;
  final int count;
}
`;

const TILE = `import 'package:flutter/material.dart';

class Tile extends StatelessWidget {
  const Tile({super.key, required this.label, this.dense = false});

  final String label;
  final bool dense;

  @override
  Widget build(BuildContext context) => Text(label);
}

class Plain extends StatelessWidget {
  const Plain();

  @override
  Widget build(BuildContext context) => const Placeholder();
}
`;

describe('constructor arguments', () => {
  it('reports missing required, unknown named and extra positional arguments of project constructors', async () => {
    const report = await analyze({
      'lib/item.dart': ITEM,
      'lib/tile.dart': TILE,
      'lib/use.dart': `import 'package:flutter/material.dart';
import 'item.dart';
import 'tile.dart';

final a = Item('1');
final b = Item('1', name: 'a', colour: 'red');
final c = Item('1', '2', name: 'x');
final d = Item.fromJson();
final e = new Item('1', name: 'n', count: 2);
final f = const Item.empty();
final g = Item.create('x');
final h = Item.fromJson({'id': '1'});
Widget i() => const Tile(key: ValueKey('t'), label: 'a', dense: true);
Widget j() => Tile(key: UniqueKey());
Widget k() => const Plain(key: Key('p'));
Widget l() => Text('x', madeUp: 1);
`,
    });
    const byRule = (rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);
    expect(byRule('missing_required_argument')).toEqual(['lib/use.dart:5', 'lib/use.dart:8', 'lib/use.dart:14']);
    // Line 16 is Flutter's Text, checked against the API table.
    expect(byRule('unknown_named_argument')).toEqual(['lib/use.dart:6', 'lib/use.dart:16']);
    expect(byRule('extra_positional_arguments')).toEqual(['lib/use.dart:7']);
    const missing = report.findings.find((f) => f.line === 5);
    expect(missing?.message).toContain('Item(…) is missing the required named argument(s): name');
    const unknown = report.findings.find((f) => f.rule === 'unknown_named_argument');
    expect(unknown?.message).toContain('"colour"');
    expect(unknown?.message).toContain('name, note, count');
    expect(report.findings.find((f) => f.line === 14)?.message).toContain('label');
  });

  it('checks calls inside the declaring file and leaves classes it cannot resolve alone', async () => {
    const report = await analyze({
      'lib/item.dart': `${ITEM}\nfinal sample = Item('s');\n`,
      'lib/other.dart': 'class Item {\n  Item({required int x});\n}\n',
      // Two visible classes named Item: ambiguous, not checked.
      'lib/both.dart': "import 'item.dart';\nimport 'other.dart';\n\nfinal z = Item(zzz: 1);\n",
    });
    const args = report.findings.filter((f) => f.rule.endsWith('_argument') || f.rule.endsWith('_arguments'));
    expect(args.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual(['lib/item.dart:16:missing_required_argument']);
  });
});

describe('const_with_non_constant', () => {
  it('reports non-constant values in const contexts', async () => {
    const result = await findings(
      {
        'lib/page.dart': `import 'package:flutter/material.dart';

final kRadius = BorderRadius.circular(12);

class Page extends StatefulWidget {
  const Page({super.key, required this.title});

  final String title;

  @override
  State<Page> createState() => _PageState();
}

class _PageState extends State<Page> {
  String status = 'idle';

  String describe() => status;

  @override
  Widget build(BuildContext context) {
    final count = 3;
    return Column(
      children: [
        const Text(widget.title),
        const Text(status),
        const Text('$count items'),
        const Text(describe()),
        const Padding(padding: EdgeInsets.all(8), child: Text(status)),
        Container(decoration: const BoxDecoration(borderRadius: kRadius)),
        const Icon(Icons.add, color: Colors.grey.shade300),
        const Text('x', style: Theme.of(context).textTheme.bodyLarge),
        const ElevatedButton(onPressed: () {}, child: Text('Go')),
        const Mutable(),
      ],
    );
  }
}

class Mutable extends StatelessWidget {
  Mutable({super.key});

  @override
  Widget build(BuildContext context) => const SizedBox();
}
`,
      },
      'const_with_non_constant',
    );
    expect(result.map((f) => f.line)).toEqual([24, 25, 26, 27, 28, 29, 30, 31, 32, 33]);
    expect(result[0].message).toContain('widget.title');
    expect(result[1].message).toContain('"status" is not a constant');
    expect(result[9].message).toContain('not const');
  });

  it('accepts typical constant Flutter code', async () => {
    const report = await analyze({
      'lib/app_info.dart': "abstract final class AppInfo {\n  static const String name = 'Demo';\n}\n",
      'lib/page.dart': `import 'package:flutter/material.dart';

import 'app_info.dart';

const double kGap = 8;
const _kTitle = 'Title';

enum Filter { all, open }

class Entry {
  const Entry(this.label, this.icon);
  final String label;
  final IconData icon;
}

const List<Entry> entries = [Entry(AppInfo.name, Icons.home), Entry(_kTitle, Icons.add)];

class Page extends StatelessWidget {
  const Page({super.key, this.title = 'x'});

  static const String routeName = '/page';
  static const double spacing = kGap * 2;
  static const labels = <Filter, String>{Filter.all: 'All', Filter.open: 'Open'};

  final String title;

  @override
  Widget build(BuildContext context) {
    const local = 'local';
    return Scaffold(
      appBar: AppBar(title: const Text(AppInfo.name), actions: const [Icon(Icons.star, size: 24.0 * 2)]),
      body: ListView(
        padding: const EdgeInsets.symmetric(horizontal: kGap, vertical: spacing),
        children: [
          const Text(local),
          const Text('\${1 + 2} items and ' 'more', textAlign: TextAlign.center),
          const SizedBox(height: Page.spacing),
          const Divider(height: 1),
          const ListTile(leading: Icon(Icons.info_outline), title: Text(_kTitle)),
          const DecoratedBox(
            decoration: BoxDecoration(
              borderRadius: BorderRadius.all(Radius.circular(8)),
              gradient: LinearGradient(colors: [Colors.red, Color(0xFF123456)]),
            ),
          ),
          const CircularProgressIndicator.adaptive(),
          const Text(AppInfo.name, style: TextStyle(fontWeight: FontWeight.bold)),
          Text(title),
          const Text(routeName),
          const Text(_kTitle),
          Text(labels[Filter.all]!),
        ],
      ),
    );
  }
}
`,
    });
    expect(report.findings).toEqual([]);
  });
});

describe('reserved_identifier', () => {
  it('reports reserved words used as names, and built-in identifiers used as type names', async () => {
    const result = await findings(
      {
        'lib/bad.dart': `class class {}

enum switch { a, b }

void f(int new) {}

typedef dynamic = int;

void g() {
  final for = 1;
}
`,
      },
      'reserved_identifier',
    );
    expect(result.map((f) => f.line)).toEqual([1, 3, 5, 7, 10]);
    expect(result[0].message).toContain('"class" is a reserved word');
    expect(result[3].message).toContain('"dynamic" is a built-in identifier');
  });

  it('accepts built-in identifiers and contextual keywords as variable and parameter names', async () => {
    const result = await findings(
      {
        'lib/ok.dart': `void f(int set, {String? type}) {
  var get = 1;
  final show = 'x';
  final on = true;
  print('$set $type $get $show $on');
}
`,
      },
      'reserved_identifier',
    );
    expect(result).toEqual([]);
  });
});
