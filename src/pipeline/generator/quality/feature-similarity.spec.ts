import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import type { PlannedFeature } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import {
  PLACEHOLDER,
  dartSegments,
  featurePairs,
  jaccard,
  normalisedLines,
  pairSimilarity,
  unionNameSet,
  type FeatureNameSet,
} from './feature-similarity';

/** A small CRUD screen in the style of the generator's templates. */
function listScreen(n: { prefix: string; entity: string; items: string; field: string; label: string }): string {
  return `import 'package:flutter/material.dart';

import '../../data/models/${n.items}.dart';

/// ${n.label}: the list of ${n.items}.
class ${n.prefix}Screen extends StatefulWidget {
  const ${n.prefix}Screen({super.key, required this.repository});

  static const String title = '${n.label}';
  final ${n.entity}Repository repository;

  @override
  State<${n.prefix}Screen> createState() => _${n.prefix}ScreenState();
}

class _${n.prefix}ScreenState extends State<${n.prefix}Screen> {
  final _${n.field}Controller = TextEditingController();
  List<${n.entity}> _${n.items} = const [];

  @override
  Widget build(BuildContext context) {
    return ListView(
      children: [
        for (final item in _${n.items})
          ListTile(title: Text('\${item.${n.field}} — "\${item.${n.field}.isEmpty ? 'none' : 'some'}"')),
      ],
    );
  }
}
`;
}

const EXPENSES: FeatureNameSet = {
  identifiers: ['ExpensesScreen', 'ExpensesController', 'Expenses', 'expenses', 'Expense', 'expense'],
  fields: ['amount'],
  labels: ['Expenses', 'Expense', 'Amount'],
};
const TASKS: FeatureNameSet = {
  identifiers: ['TasksScreen', 'TasksController', 'Tasks', 'tasks', 'Task', 'task'],
  fields: ['title'],
  labels: ['Tasks', 'Task', 'Title'],
};

describe('normalisedLines', () => {
  it('makes the same template written for two features identical', () => {
    const expenses = listScreen({
      prefix: 'Expenses',
      entity: 'Expense',
      items: 'expenses',
      field: 'amount',
      label: 'Expenses',
    });
    const tasks = listScreen({ prefix: 'Tasks', entity: 'Task', items: 'tasks', field: 'title', label: 'Tasks' });
    const names = unionNameSet(EXPENSES, TASKS);
    const a = normalisedLines([{ content: expenses }], names);
    const b = normalisedLines([{ content: tasks }], names);
    expect(a).toEqual(b);
    expect(
      pairSimilarity(
        { files: [{ content: expenses }], names: EXPENSES },
        { files: [{ content: tasks }], names: TASKS },
      ),
    ).toBe(1);
    expect([...a]).toContain(`class ${PLACEHOLDER.name} extends StatefulWidget {`);
    expect([...a]).toContain(`final _${PLACEHOLDER.field}Controller = TextEditingController();`);
    // The field \`title\` collides with the screen's \`title\`: renamed on both sides, so still equal.
    expect([...a]).toContain(`static const String ${PLACEHOLDER.field} = ${PLACEHOLDER.string};`);
  });

  it('stays equal when a feature is named after a Flutter class', () => {
    const text = listScreen({
      prefix: 'Text',
      entity: 'TextEntry',
      items: 'textEntries',
      field: 'body',
      label: 'Text',
    });
    const notes = listScreen({ prefix: 'Notes', entity: 'Note', items: 'notes', field: 'body', label: 'Notes' });
    const textNames: FeatureNameSet = {
      identifiers: ['TextScreen', 'Text', 'text', 'TextEntry', 'textEntries'],
      fields: ['body'],
      labels: ['Text'],
    };
    const noteNames: FeatureNameSet = {
      identifiers: ['NotesScreen', 'Notes', 'notes', 'Note'],
      fields: ['body'],
      labels: ['Notes'],
    };
    expect(
      pairSimilarity(
        { files: [{ content: text }], names: textNames },
        { files: [{ content: notes }], names: noteNames },
      ),
    ).toBe(1);
  });

  it('keeps different code apart', () => {
    const expenses = listScreen({
      prefix: 'Expenses',
      entity: 'Expense',
      items: 'expenses',
      field: 'amount',
      label: 'Expenses',
    });
    const timer = `import 'dart:async';

import 'package:flutter/material.dart';

class TimerScreen extends StatefulWidget {
  const TimerScreen({super.key});

  @override
  State<TimerScreen> createState() => _TimerScreenState();
}

class _TimerScreenState extends State<TimerScreen> {
  Timer? _ticker;
  Duration _elapsed = Duration.zero;

  void _start() {
    _ticker ??= Timer.periodic(const Duration(seconds: 1), (_) => setState(() => _elapsed += const Duration(seconds: 1)));
  }

  void _pause() {
    _ticker?.cancel();
    _ticker = null;
  }

  @override
  Widget build(BuildContext context) {
    return Column(children: [Text('\${_elapsed.inSeconds}'), FilledButton(onPressed: _start, child: const Text('Start'))]);
  }
}
`;
    const names: FeatureNameSet = {
      identifiers: ['TimerScreen', 'TimerController', 'Timer', 'timer'],
      fields: [],
      labels: ['Timer'],
    };
    const similarity = pairSimilarity(
      { files: [{ content: expenses }], names: EXPENSES },
      { files: [{ content: timer }], names },
    );
    expect(similarity).toBeLessThan(0.3);
  });

  it('drops blank and bracket-only lines, trims and collapses whitespace', () => {
    const lines = normalisedLines([{ content: '  foo(  a,\n\n   b);\n  }\n  ),\n  ];\n\t{\n' }], {
      identifiers: [],
      fields: [],
      labels: [],
    });
    expect([...lines]).toEqual(['foo( a,', 'b);']);
  });

  it('renames whole identifiers and camelCase / snake_case parts, not substrings of other words', () => {
    const names: FeatureNameSet = { identifiers: ['Expense', 'expense'], fields: ['date'], labels: [] };
    const lines = [
      ...normalisedLines(
        [
          {
            content:
              'final expense = ExpenseRepository();\nupdate(Expenses, expense_id, _pickDate, date, dateFormat);\n',
          },
        ],
        names,
      ),
    ];
    expect(lines).toEqual([
      `final ${PLACEHOLDER.name} = ${PLACEHOLDER.name}Repository();`,
      `update(Expenses, ${PLACEHOLDER.name}_id, _pick${PLACEHOLDER.field}, ${PLACEHOLDER.field}, ${PLACEHOLDER.field}Format);`,
    ]);
  });

  it('replaces labels in comments but not in code', () => {
    const names: FeatureNameSet = { identifiers: [], fields: [], labels: ['Work orders', 'void'] };
    const lines = [...normalisedLines([{ content: '/// Work orders and void things.\nvoid main() {}\n' }], names)];
    expect(lines).toEqual([`/// ${PLACEHOLDER.name} and ${PLACEHOLDER.name} things.`, 'void main() {}']);
  });
});

describe('dartSegments', () => {
  it('splits code, strings (with nested interpolations, raw and triple-quoted) and comments', () => {
    const source = [
      `// don't start a string here`,
      `var a = 'x \${b ? 'y' : "z"} \\' w';`,
      `var c = r'\\d+' + """multi`,
      `line""";`,
      `/* it's a block */ var d = 1;`,
    ].join('\n');
    const segments = dartSegments(source);
    expect(segments.filter((s) => s.kind === 'string').map((s) => s.text)).toEqual([
      `'x \${b ? 'y' : "z"} \\' w'`,
      `r'\\d+'`,
      `"""multi\nline"""`,
    ]);
    expect(segments.filter((s) => s.kind === 'comment').map((s) => s.text)).toEqual([
      `// don't start a string here`,
      `/* it's a block */`,
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(source);
  });

  it('ends an unterminated string at the end of its line', () => {
    const segments = dartSegments("var a = 'open\nvar b = 1;\n");
    expect(segments.map((s) => s.kind)).toEqual(['code', 'string', 'code']);
    expect(segments[2].text).toBe('\nvar b = 1;\n');
  });
});

describe('jaccard', () => {
  it('is |A∩B| / |A∪B|, 1 for equal sets and 0 for disjoint ones', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});

describe('featurePairs', () => {
  const spec: AppSpec = {
    slug: 'pairs',
    name: 'Pairs',
    description: 'Money and chores.',
    platforms: ['android'],
    style: 'modern',
    backend: 'none',
    features: ['Expenses', 'Tasks', 'Pomodoro timer'],
  };
  const plan = planApp(spec);
  const byId = (id: string): PlannedFeature => {
    const feature = plan.features.find((candidate) => candidate.names.id === id);
    if (!feature) throw new Error(`no feature ${id} in ${plan.features.map((f) => f.names.id).join(', ')}`);
    return feature;
  };
  const SHARED: GeneratedFile = { path: 'test/support/shared_fakes.dart', content: 'class SharedFake {}\n' };

  /** The same renamed template for every entity feature; the timer and settings get code of their own. */
  function filesOf(feature: PlannedFeature): GeneratedFile[] {
    const entity = plan.entities.find((candidate) => candidate.className === feature.entity);
    const own = entity
      ? listScreen({
          prefix: feature.classes.prefix,
          entity: entity.className,
          items: entity.collection,
          field: entity.fields[0].name,
          label: feature.names.label,
        })
      : feature.archetype === 'timer'
        ? `class ${feature.classes.screen} {\n  Timer? ticker;\n  void start() => ticker = Timer.periodic(second, tick);\n}\n`
        : `class ${feature.classes.screen} {\n  ThemeMode mode = ThemeMode.system;\n  void toggle(bool dark) => mode = dark ? ThemeMode.dark : ThemeMode.light;\n}\n`;
    return [{ path: feature.paths.screen, content: own }, SHARED];
  }

  it('reports the renamed template as identical, ignores files several features write, and keeps the rest apart', () => {
    const pairs = featurePairs(
      plan,
      plan.features.map((feature) => ({ feature, files: filesOf(feature) })),
    );
    const n = plan.features.length;
    expect(pairs).toHaveLength((n * (n - 1)) / 2);
    const expenses = byId('expenses').names.id;
    const tasks = byId('tasks').names.id;
    const crud = pairs.find((pair) => [pair.a, pair.b].sort().join() === [expenses, tasks].sort().join());
    expect(crud).toMatchObject({ identical: true, similarity: 1 });
    const others = pairs.filter((pair) => pair !== crud);
    expect(others.every((pair) => !pair.identical && pair.similarity < 0.3)).toBe(true);
  });
});
