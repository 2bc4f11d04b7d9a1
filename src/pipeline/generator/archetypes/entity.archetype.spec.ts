import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { simpleSpec } from '../testing/fixtures';

function files(spec: AppSpec): Map<string, string> {
  return new Map(generateFlutterProject(spec).map((file: GeneratedFile) => [file.path, file.content]));
}

function file(project: Map<string, string>, path: string): string {
  const content = project.get(path);
  if (content === undefined) throw new Error(`${path} was not generated`);
  return content;
}

const FEATURES = [
  'Products',
  'Orders',
  'Habits',
  'Recipes',
  'Expenses',
  'Workouts',
  'Shopping list',
  'Transactions',
  'Pets',
];
const ENGLISH = files(simpleSpec({ description: '', features: FEATURES }));
const GERMAN = files(
  simpleSpec({ name: 'Haushaltsbuch', description: 'Eine App für meine täglichen Ausgaben.', features: ['Rezepte'] }),
);

const screen = (id: string) => file(ENGLISH, `lib/features/${id}/${id}_screen.dart`);
const form = (id: string) => file(ENGLISH, `lib/features/${id}/${id}_form_screen.dart`);
const test = (id: string) => file(ENGLISH, `test/features/${id}_screen_test.dart`);

describe('entity screens: the list', () => {
  it('drops a group filter whose last record is gone, and a widget test deletes it to check', () => {
    const list = file(ENGLISH, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain('return items.any((item) => groupOf(item) == chosen) ? chosen : null;');
    expect(list).toContain('    final chosen = _current(items);');
    expect(list).toContain('                selected: current == label,');
    const expenses = test('expenses');
    const check = expenses.slice(
      expenses.indexOf("testWidgets('shows all again when the chosen category has no record left'"),
    );
    expect(check).toContain("await tester.tap(find.widgetWithText(FilledButton, 'Delete'));");
    expect(check).toContain("expect(find.widgetWithText(ChoiceChip, 'Category 2'), findsNothing);");
    expect(check).toContain("expect(find.text('Title 1'), findsOneWidget);");
  });

  it('adds up only amounts of a dated log, and never labels a sum "Total total"', () => {
    expect(screen('expenses')).toContain("return 'Total amount: ${formatMoney(amountSum)}';");
    expect(screen('workouts')).toContain("'Total minutes: $minutesSum',");
    expect(screen('workouts')).toContain("'Total distance km: ${formatNumber(distanceKmSum)}',");
    expect(screen('orders')).toContain("'Total: ${formatMoney(totalSum)}',");
    expect(screen('orders')).not.toContain('Total total');
    // Unit prices, recipe times, weekly targets and quantities of unlike items add up to nothing.
    expect(screen('products')).not.toContain('summaryOf');
    expect(screen('recipes')).not.toContain('summaryOf');
    expect(screen('habits')).not.toContain('Total times per week');
    expect(screen('shopping_list')).not.toContain('Total quantity');
    // Income and expenses in one list would net out into a meaningless "total".
    expect(screen('transactions')).not.toContain('Total amount');
  });

  it('labels the numbers under a title with their unit or their label', () => {
    expect(screen('recipes')).toContain("if (item.minutes != null) '${item.minutes} min',");
    expect(screen('recipes')).toContain("if (item.servings != null) 'Servings: ${item.servings}',");
    expect(screen('products')).toContain("if (item.stock != null) 'Stock: ${item.stock}',");
    // A habit's weekly target stands under the days done this week (habits.archetype.ts).
    expect(screen('habits')).toContain("'This week: ${doneThisWeek(days, today)}/${habit.timesPerWeek}',");
    expect(screen('workouts')).toContain("'${item.minutes} min',");
    expect(file(GERMAN, 'lib/features/rezepte/rezepte_screen.dart')).toContain("'${item.minutes} Min.'");
  });

  it('explains a failing delete or checkbox save in words, never as the raw exception', () => {
    const list = file(ENGLISH, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain("_tell('Could not save: ${userMessage(error)}');");
    expect(list).toContain("_tell('Could not delete: ${userMessage(error)}');");
    expect(list).toContain('if (!mounted) return;\n    ScaffoldMessenger.of(context)');
    // The list's checkboxes save through the same guarded path.
    expect(list).toContain('leading: widget.leadingOf?.call(item, _saveFromList),');
    for (const [path, content] of ENGLISH) {
      if (path.startsWith('lib/core/records/')) expect(content, path).not.toMatch(/\$error|\$\{error\}/);
    }
  });

  it('lets the form save itself and pop only once the save succeeded', () => {
    const list = file(ENGLISH, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain('widget.formBuilder(context, item, _controller.save)');
    expect(list).not.toContain('pop(widget.build())');
    const scaffold = file(ENGLISH, 'lib/core/records/record_form_scaffold.dart');
    expect(scaffold).toContain('await widget.onSave(item);');
    expect(scaffold).toContain("content: Text('Could not save: ${userMessage(error)}'),");
    expect(scaffold).toContain('if (mounted) Navigator.of(context).pop(item);');
    // The Save button is busy, not tappable twice, while saving.
    expect(scaffold).toContain('onPressed: _saving ? null : _submit,');
    expect(scaffold).toContain('child: CircularProgressIndicator(strokeWidth: 2),');
    expect(form('pets')).toContain('const PetsFormScreen({super.key, this.initial, required this.onSave});');
    expect(form('pets')).toContain('      onSave: widget.onSave,\n');
    expect(screen('pets')).toContain(
      'formBuilder: (context, initial, save) =>\n          PetsFormScreen(initial: initial, onSave: save),',
    );
  });

  it('returns from an edit to the details, showing the saved values', () => {
    const detail = file(ENGLISH, 'lib/core/records/record_detail_screen.dart');
    expect(detail).toContain('final saved = await widget.onEdit(_item);');
    expect(detail).toContain('if (saved != null && mounted) setState(() => _item = saved);');
    expect(detail).toContain('title: Text(widget.titleOf(_item)),');
    expect(detail).toContain('for (final detail in widget.detailsOf(_item))');
    expect(detail).not.toContain('Navigator.of(context).pop();\n              await onEdit();');
    expect(test('pets')).toContain("expect(find.text('Renamed name'), findsNWidgets(2));");
    expect(test('pets')).toContain('await tester.pageBack();');
  });

  it('keeps the records shown when a reload fails; only a failed first load fills the screen', () => {
    const list = file(ENGLISH, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain('if (error != null && items.isEmpty) {');
    expect(list).toContain(
      '          if (error != null)\n            MaterialBanner(\n              content: Text(error),',
    );
    expect(list).toContain('onRefresh: _controller.load,');
    expect(list).toContain("'Nothing matches this filter.',");
    const controller = file(ENGLISH, 'lib/core/records/record_controller.dart');
    expect(controller).toContain("_error = 'Could not load the data: ${userMessage(error)}';");
    // A save shows the record without reloading (and so without losing the list to a reload error).
    expect(controller).not.toMatch(/save\(T item\) async \{[^}]*await load\(\)/);
  });

  it('tests the failing backend with the in-memory fake', () => {
    const fakes = file(ENGLISH, 'test/support/fake_repositories.dart');
    expect(fakes).toContain('class InMemoryRecords<T> implements RecordRepository<T> {');
    expect(fakes).toContain("if (failing) throw Exception('offline');");
    expect(fakes).toContain("if (failingLoads) throw Exception('offline');");
    expect(fakes).toContain('InMemoryExpenseRepository({super.seed, super.failing})');
    const shared = file(ENGLISH, 'test/support/record_screen_tests.dart');
    expect(shared).toContain("testWidgets('$name: keeps the form and its input when saving fails',");
    expect(shared).toContain(
      "find.text('Could not save: Something went wrong. Please try again.'),\n      findsOneWidget,",
    );
    expect(shared).toContain('expect(typedIn(tester, entry.key), entry.value);');
    expect(shared).toContain("testWidgets('$name: keeps a record whose delete failed'");
    expect(shared).toContain("testWidgets('$name: keeps the records shown when a reload fails',");
    expect(shared).toContain('repo.failingLoads = true;\n    // Pull to refresh.');
    expect(shared).toContain("testWidgets('$name: offers a retry when the first load fails',");
    expect(test('expenses')).toContain("find.textContaining('Total amount: ${formatMoney(37.5)}')");
  });
});

describe('entity screens: the form', () => {
  it('holds a required date as non-nullable and lets an optional one be cleared', () => {
    expect(form('expenses')).toContain('late DateTime _date = widget.initial?.date ?? DateTime.now();');
    expect(form('expenses')).toContain('        date: _date,\n');
    expect(form('expenses')).not.toContain('_date ?? DateTime.now()');
    expect(form('pets')).toContain('late DateTime? _birthday = widget.initial?.birthday;');
    expect(form('pets')).toContain('onCleared: () => setState(() => _birthday = null),');
    const widgets = file(ENGLISH, 'lib/core/records/record_form.dart');
    expect(widgets).toContain("tooltip: 'Clear',");
    expect(test('pets')).toContain("testWidgets('clears the birthday'");
    expect(test('pets')).toContain('expect((await repository.fetchAll()).single.birthday, isNull);');
  });

  it('refuses numbers below zero unless the field may be negative', () => {
    const widgets = file(ENGLISH, 'lib/core/records/record_form.dart');
    expect(widgets).toContain("return number < 0 && !signed ? 'Enter 0 or more' : null;");
    expect(widgets).toContain("_number(int.tryParse(text), signed, 'Enter a whole number'),");
    expect(form('workouts')).not.toContain('signed: true');
    expect(test('workouts')).toContain("testWidgets('refuses minutes below zero'");
    expect(test('workouts')).toContain("expect(find.text('Enter 0 or more'), findsOneWidget);");
  });

  it('documents the decimal mark editable() really writes', () => {
    expect(file(ENGLISH, 'lib/core/records/record_form.dart')).toContain('a decimal point ("12.5")');
    expect(file(GERMAN, 'lib/core/records/record_form.dart')).toContain('a decimal comma ("12,5")');
  });
});

describe('entity models', () => {
  it('sends a day as midnight UTC and reads it back as that day', () => {
    const model = file(ENGLISH, 'lib/data/models/expense.dart');
    expect(model).toContain("        'date': dayJson(date),\n");
    expect(model).toContain("      date: readDay(json['date']) ?? missingField('Expense', 'date'),");
    // The helpers live once in json_fields.dart, not in every model.
    expect(model).not.toContain('DateTime.utc(');
    const json = file(ENGLISH, 'lib/data/json_fields.dart');
    expect(json).toContain('DateTime.utc(value.year, value.month, value.day).toIso8601String();');
    expect(json).toContain('return DateTime(parsed.year, parsed.month, parsed.day);');
    const pet = file(ENGLISH, 'lib/data/models/pet.dart');
    expect(pet).toContain("'birthday': birthday == null ? null : dayJson(birthday!),");
  });

  it('sends a moment in UTC and shows it in local time', () => {
    const chat = files(simpleSpec({ description: '', features: ['Chat'] }));
    const model = [...chat.entries()].find(([path]) => path.startsWith('lib/data/models/') && path.includes('message'));
    expect(model?.[1]).toContain("'sentAt': momentJson(sentAt),");
    const json = chat.get('lib/data/json_fields.dart');
    expect(json).toContain('String momentJson(DateTime value) => value.toUtc().toIso8601String();');
    expect(json).toContain('DateTime.tryParse(value)?.toLocal()');
  });

  it('lays out toJson as dart format does', () => {
    const model = file(ENGLISH, 'lib/data/models/expense.dart');
    expect(model).toContain("  Map<String, Object?> toJson() => {\n        'id': id,\n");
    expect(model).toContain("        'note': note,\n      };\n");
    expect(model).toContain(
      '  bool operator ==(Object other) =>\n      other is Expense &&\n      other.id == id &&\n',
    );
    const ids = ['products', 'orders', 'habits', 'recipes', 'expenses', 'workouts', 'shopping_list', 'pets'];
    const sources = [
      ...ids.flatMap((id) => [screen(id), form(id)]),
      ...[...ENGLISH].filter(([path]) => path.startsWith('lib/data/models/')).map(([, content]) => content),
    ];
    for (const source of sources) {
      expect(source.split('\n').filter((line) => line.length > 100)).toEqual([]);
    }
  });
});

describe('entity screens: lint-clean Dart', () => {
  const screens = [...ENGLISH].filter(([path]) => /^lib\/features\/[^/]+\/[^/]+_screen\.dart$/.test(path));

  it('declares all-constant test samples const and DateTime ones final (prefer_const_constructors)', () => {
    // Products have no date field; expenses do, and DateTime(...) is not a constant.
    expect(test('products')).toMatch(/^ {2}const samples = \[$/m);
    expect(test('expenses')).toMatch(/^ {2}final samples = \[$/m);
  });

  it('passes nullable detail values without redundant parentheses', () => {
    const all = screens.map(([, source]) => source).join('\n');
    expect(all).toMatch(/RecordDetail\('\w+', item\.\w+ \?\? ''\),/);
    for (const [path, source] of screens) {
      expect(source, path).not.toMatch(/RecordDetail\([^\n]*, \(item\.\w+ \?\? ''\)\)/);
    }
  });

  it('leaves no blank line before the closing parenthesis of the list screen', () => {
    expect(screens.length).toBeGreaterThan(0);
    for (const [path, source] of screens) expect(source, path).not.toMatch(/\n\s*\n\s*\);/);
  });
});

describe('entity screens: what people post (a listing’s seller)', () => {
  const MERCADILLO =
    'Compra y venta de segunda mano entre vecinos: anuncios con fotos, precio y chat con el vendedor. Registro con email.';
  const market = (backend: string) =>
    files(simpleSpec({ description: MERCADILLO, features: ['auth', 'anuncios', 'chat'], backend }));
  const FIREBASE = market('firebase');
  const list = file(FIREBASE, 'lib/core/records/record_list_screen.dart');
  const detail = file(FIREBASE, 'lib/core/records/record_detail_screen.dart');

  it('offers delete in the list only on the user’s own ads, and says which are theirs', () => {
    expect(file(FIREBASE, 'lib/data/repositories/record_repository.dart')).toContain(
      'abstract interface class PostedRecords {\n  /// Whether the signed-in user created the record with [id], as of the\n  /// last load or save.\n  bool isMine(String id);\n}',
    );
    expect(list).toContain('final PostedRecords posted => posted.isMine(widget.idOf(item)),');
    expect(list).toContain("if (mine ?? false) 'Publicado por ti',");
    expect(list).toContain('trailing: mine == false\n          ? null\n          : IconButton(');
    expect(list).toContain('createdByMe: _createdByMe(item),');
  });

  it('shows edit and delete on the detail screen only to the ad’s creator', () => {
    expect(detail).toContain('  final bool? createdByMe;');
    expect(detail).toContain('          if (widget.createdByMe ?? true) ...[\n            IconButton(');
    expect(detail).toContain(
      "          if (widget.createdByMe ?? false)\n            const ListTile(\n              leading: Icon(Icons.person_outline),\n              title: Text('Publicado por ti'),\n            ),",
    );
    for (const source of [list, detail]) {
      const added = source.split('\n').filter((line) => /createdByMe|isMine|PostedRecords|mine/.test(line));
      for (const line of added) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it('tests with a fake that marks another user’s ad', () => {
    expect(file(FIREBASE, 'test/support/fake_repositories.dart')).toContain(
      'implements ClassifiedAdRepository, PostedRecords {',
    );
    const widgetTest = file(FIREBASE, 'test/features/anuncios_screen_test.dart');
    expect(widgetTest).toContain('..othersRecords.add(samples.first.id);');
    expect(widgetTest).toContain("expect(find.byTooltip('Editar'), findsNothing);");
  });

  it('leaves the record screens as they were where anyone may change any record', () => {
    for (const project of [ENGLISH, market('rest')]) {
      expect(file(project, 'lib/core/records/record_list_screen.dart')).not.toContain('createdByMe');
      expect(file(project, 'lib/core/records/record_detail_screen.dart')).not.toContain('createdByMe');
      expect(file(project, 'lib/data/repositories/record_repository.dart')).not.toContain('PostedRecords');
    }
  });
});
