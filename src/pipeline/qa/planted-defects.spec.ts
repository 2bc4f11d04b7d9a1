import { afterEach, describe, expect, it } from 'vitest';
import { analyzeProject } from './qa-analyzer';
import { renderTestReport } from './qa-report';
import { DEMO_PUBSPEC, TempProjects, featureExpectation, type ProjectFiles } from './testing/qa-projects';

/**
 * A small, valid Flutter project in the shape the generator writes (main →
 * app shell with routes → feature screens; model, widgets, repository; widget
 * tests), and the same project with eight defects planted that only symbol and
 * feature analysis can find: every file still parses and every import resolves.
 */

const FEATURES = [featureExpectation('Notes', 'notes', 'Notes'), featureExpectation('Tasks', 'tasks', 'Tasks')];

function pick(defective: boolean, bad: string, good: string): string {
  return defective ? bad : good;
}

function demoProject(defective: boolean): ProjectFiles {
  return {
    'pubspec.yaml': DEMO_PUBSPEC,
    'lib/main.dart': `import 'package:flutter/material.dart';

import 'app.dart';

void main() {
  runApp(const DemoApp());
}
`,
    'lib/app.dart': `import 'package:flutter/material.dart';

import 'features/notes/notes_screen.dart';
${pick(defective, '', "import 'features/tasks/tasks_screen.dart';\n")}
class DemoApp extends StatelessWidget {
  const DemoApp({super.key});

  @override
  Widget build(BuildContext context) {
    return MaterialApp(
      title: 'Demo',
      home: const HomePage(),
      routes: {
        NotesScreen.routeName: (context) => const NotesScreen(title: 'Notes'),
${pick(defective, '', '        TasksScreen.routeName: (context) => const TasksScreen(),\n')}      },
    );
  }
}

class HomePage extends StatelessWidget {
  const HomePage({super.key});

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text('Demo')),
      body: ListView(
        children: [
          ListTile(
            title: const Text('Notes'),
            onTap: () => Navigator.pushNamed(context, NotesScreen.routeName),
          ),
${pick(
  defective,
  '',
  `          ListTile(
            title: const Text('Tasks'),
            onTap: () => Navigator.pushNamed(context, TasksScreen.routeName),
          ),
`,
)}        ],
      ),
    );
  }
}
`,
    'lib/features/notes/note.dart': `class Note {
  const Note({required this.id, required this.text, this.pinned = false});

  final String id;
  final String text;
  final bool pinned;

  Note copyWith({String? text, bool? pinned}) =>
      Note(id: id, text: text ?? this.text, pinned: pinned ?? this.pinned);
}
`,
    'lib/features/notes/notes_repository.dart': `import 'note.dart';

class NotesRepository {
  NotesRepository({List<Note>? seed}) : _notes = [...?seed];

  final List<Note> _notes;
  ${pick(defective, 'final NoteCache cache = NoteCache();', 'final Map<String, Note> cache = {};')}

  Future<List<Note>> fetchAll() async => List.unmodifiable(_notes);

  Future<void> save(Note note) async {
    _notes.removeWhere((n) => n.id == note.id);
    _notes.add(note);
  }
}
`,
    'lib/features/notes/note_tile.dart': `import 'package:flutter/material.dart';

import 'note.dart';

class NoteTile extends StatelessWidget {
  const NoteTile({super.key, required this.note, this.onTap});

  final Note note;
  final VoidCallback? onTap;

  @override
  Widget build(BuildContext context) {
    return ListTile(
      title: Text(note.text),
      trailing: note.pinned ? const Icon(Icons.push_pin) : null,
      onTap: onTap,
    );
  }
}
`,
    'lib/features/notes/notes_screen.dart': `import 'package:flutter/material.dart';

import 'note.dart';
import 'note_tile.dart';
import 'notes_repository.dart';

class NotesScreen extends StatefulWidget {
  const NotesScreen({super.key, required this.title, this.repository});

  static const String routeName = '/notes';

  final String title;
  final NotesRepository? repository;

  @override
  State<NotesScreen> createState() => _NotesScreenState();
}

class _NotesScreenState extends State<NotesScreen> {
  late final NotesRepository _repository = widget.repository ?? NotesRepository();
  List<Note> _notes = const [];

  Future<void> _add() async {
    await _repository.save(${pick(defective, "Note(id: '${_notes.length + 1}')", "Note(id: '${_notes.length + 1}', text: 'New note')")});
    final notes = await _repository.fetchAll();
    setState(() => _notes = notes);
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: ${pick(defective, 'const Text(widget.title)', 'Text(widget.title)')}),
      body: ListView(
        children: [
          for (final note in _notes)
            NoteTile(note: note, onTap: () => _open(note)${pick(defective, ', color: Colors.amber', '')}),
        ],
      ),
      floatingActionButton: FloatingActionButton(
        onPressed: _add,
        tooltip: 'Add note',
        child: const Icon(Icons.add),
      ),
    );
  }

  void _open(Note note) {
    ScaffoldMessenger.of(context).showSnackBar(SnackBar(content: Text(note.text)));
  }
}
`,
    'lib/features/tasks/task_format.dart': `${pick(defective, 'class class {}\n\n', '')}class TaskFormat {
  const TaskFormat();

  String count(int open) => open == 1 ? '1 open task' : '$open open tasks';
}
`,
    'lib/features/tasks/tasks_screen.dart': `import 'package:flutter/material.dart';
${pick(defective, '', "\nimport 'task_format.dart';\n")}
class TasksScreen extends StatefulWidget {
  const TasksScreen({super.key});

  static const String routeName = '/tasks';

  @override
  State<TasksScreen> createState() => _TasksScreenState();
}

class _TasksScreenState extends State<TasksScreen> {
  int _open = 0;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text('Tasks')),
      body: Center(child: Text(const TaskFormat().count(_open))),
      floatingActionButton: FloatingActionButton(
        onPressed: () => setState(() => _open++),
        child: const Icon(Icons.add),
      ),
    );
  }
}
`,
    'test/features/notes_screen_test.dart': `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:demo_app/features/notes/notes_screen.dart';

void main() {
  testWidgets('NotesScreen adds a note', (tester) async {
    await tester.pumpWidget(const MaterialApp(home: NotesScreen(title: 'Notes')));
    await tester.tap(find.byTooltip('Add note'));
    await tester.pumpAndSettle();
    expect(find.text('New note'), findsOneWidget);
  });
}
`,
    'test/features/tasks_screen_test.dart': pick(
      defective,
      `import 'package:flutter_test/flutter_test.dart';
import 'package:demo_app/features/tasks/task_format.dart';

void main() {
  test('formats the count', () {
    expect(const TaskFormat().count(2), '2 open tasks');
  });
}
`,
      `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:demo_app/features/tasks/tasks_screen.dart';

void main() {
  testWidgets('TasksScreen counts up', (tester) async {
    await tester.pumpWidget(const MaterialApp(home: TasksScreen()));
    await tester.tap(find.byIcon(Icons.add));
    await tester.pump();
    expect(find.text('1 open task'), findsOneWidget);
  });
}
`,
    ),
  };
}

const projects = new TempProjects();
afterEach(() => projects.cleanup());

describe('planted defects', () => {
  it('the clean project has no findings and every feature is reachable and tested', async () => {
    const report = await analyzeProject(await projects.write(demoProject(false)), FEATURES);
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ features_checked: 2, features_reachable: 2, features_tested: 2, passed: true });
    expect(report.symbols_checked).toBeGreaterThan(20);
    // Every name is in the project, dart:core or the Flutter API table (flutter_test included).
    expect(report.unverified_names).toBe(0);
  });

  it('finds each of the eight planted defects and nothing else', async () => {
    const report = await analyzeProject(await projects.write(demoProject(true)), FEATURES);
    const found = report.findings.map((f) => `${f.rule} ${f.file}:${f.line ?? '-'}`);
    expect(found).toEqual([
      'undefined_name lib/features/notes/notes_repository.dart:7',
      'missing_required_argument lib/features/notes/notes_screen.dart:24',
      'const_with_non_constant lib/features/notes/notes_screen.dart:32',
      'unknown_named_argument lib/features/notes/notes_screen.dart:36',
      'reserved_identifier lib/features/tasks/task_format.dart:1',
      'feature_unreachable lib/features/tasks/tasks_screen.dart:-',
      'name_not_imported lib/features/tasks/tasks_screen.dart:19',
      'feature_test_missing_screen test/features/tasks_screen_test.dart:-',
    ]);
    expect(report).toMatchObject({ features_reachable: 1, features_tested: 1, passed: false });
    const message = (rule: string) => report.findings.find((f) => f.rule === rule)?.message ?? '';
    expect(message('missing_required_argument')).toContain('Note(…) is missing the required named argument(s): text');
    expect(message('const_with_non_constant')).toContain('widget.title');
    expect(message('unknown_named_argument')).toContain('NoteTile(…) has no named parameter "color"');
    expect(message('undefined_name')).toContain('NoteCache');
    expect(message('reserved_identifier')).toContain('"class" is a reserved word');
    expect(message('feature_unreachable')).toContain('TasksScreen');
    expect(message('name_not_imported')).toContain("import 'task_format.dart'");
    expect(message('feature_test_missing_screen')).toContain('TasksScreen');

    const markdown = renderTestReport(report);
    expect(markdown).toContain('| Features reachable from lib/main.dart | 1 |');
    expect(markdown).toContain('| Features tested (test uses the screen and interacts) | 1 |');
    expect(markdown).toContain('the code was not compiled');
  });
});
