/**
 * Dart sources of one feature: model, in-memory repository, ChangeNotifier
 * controller and widget test (the screen lives in feature-screen.template.ts). User text only ever enters through
 * `dartString`; class names come from `featureClasses` (ASCII identifiers).
 */
import { dartString } from '../dart-string';
import type { FeatureClasses } from '../feature-classes';
import type { FeatureNames } from '../naming';

export interface FeatureTemplateInput {
  names: FeatureNames;
  classes: FeatureClasses;
  /** Route name, e.g. `/todo_list`. */
  route: string;
  packageName: string;
}

export function featureModelDart({ classes }: FeatureTemplateInput): string {
  const item = classes.item;
  return `import 'package:flutter/foundation.dart';

/// One entry of the feature's list.
@immutable
class ${item} {
  const ${item}({
    required this.id,
    required this.title,
    this.done = false,
  });

  final String id;
  final String title;
  final bool done;

  ${item} copyWith({String? title, bool? done}) {
    return ${item}(
      id: id,
      title: title ?? this.title,
      done: done ?? this.done,
    );
  }

  @override
  bool operator ==(Object other) =>
      other is ${item} &&
      other.id == id &&
      other.title == title &&
      other.done == done;

  @override
  int get hashCode => Object.hash(id, title, done);
}
`;
}

export function featureRepositoryDart({ names, classes }: FeatureTemplateInput): string {
  const { item, repository } = classes;
  return `import '${names.id}_model.dart';

/// Keeps [${item}]s in memory. Replace it with an API or database client;
/// the controller only depends on these four methods.
class ${repository} {
  ${repository}({List<${item}>? initialItems})
      : _items = List.of(initialItems ?? _sampleItems);

  static const List<${item}> _sampleItems = [
    ${item}(id: 'sample-1', title: 'First sample entry'),
    ${item}(id: 'sample-2', title: 'Second sample entry', done: true),
  ];

  final List<${item}> _items;
  int _nextId = 1;

  Future<List<${item}>> fetchAll() async {
    return List<${item}>.unmodifiable(_items);
  }

  Future<${item}> add(String title) async {
    final id = _nextId++;
    final item = ${item}(id: 'item-$id', title: title);
    _items.add(item);
    return item;
  }

  Future<${item}> update(${item} item) async {
    final index = _items.indexWhere((existing) => existing.id == item.id);
    if (index == -1) {
      throw StateError('Unknown item: \${item.id}');
    }
    _items[index] = item;
    return item;
  }

  Future<void> remove(String id) async {
    _items.removeWhere((item) => item.id == id);
  }
}
`;
}

export function featureStateDart({ names, classes }: FeatureTemplateInput): string {
  const { item, repository, controller } = classes;
  return `import 'package:flutter/foundation.dart';

import '${names.id}_model.dart';
import '${names.id}_repository.dart';

/// Screen state: the loaded items plus loading and error flags.
class ${controller} extends ChangeNotifier {
  ${controller}({${repository}? repository})
      : _repository = repository ?? ${repository}();

  final ${repository} _repository;

  List<${item}> _items = const [];
  bool _isLoading = false;
  String? _error;
  bool _disposed = false;

  List<${item}> get items => _items;
  bool get isLoading => _isLoading;
  String? get error => _error;

  Future<void> load() async {
    _isLoading = true;
    _error = null;
    _notify();
    try {
      _items = await _repository.fetchAll();
    } catch (error) {
      _error = 'Could not load the list: $error';
    } finally {
      _isLoading = false;
      _notify();
    }
  }

  Future<void> add(String title) async {
    final trimmed = title.trim();
    if (trimmed.isEmpty) return;
    await _repository.add(trimmed);
    await load();
  }

  Future<void> toggle(${item} item) async {
    await _repository.update(item.copyWith(done: !item.done));
    await load();
  }

  Future<void> remove(${item} item) async {
    await _repository.remove(item.id);
    await load();
  }

  // Async work may finish after the screen is gone; notifying then would throw.
  void _notify() {
    if (!_disposed) notifyListeners();
  }

  @override
  void dispose() {
    _disposed = true;
    super.dispose();
  }
}
`;
}

export function featureTestDart({ names, classes, packageName }: FeatureTemplateInput): string {
  const { screen } = classes;
  const screenImport = `package:${packageName}/${names.screenPath.slice('lib/'.length)}`;
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import '${screenImport}';

void main() {
  testWidgets('${screen} shows its title', (tester) async {
    await tester.pumpWidget(const MaterialApp(home: ${screen}()));
    await tester.pump();

    expect(
      find.widgetWithText(AppBar, ${dartString(names.label)}),
      findsOneWidget,
    );
  });

  testWidgets('${screen} adds an entry', (tester) async {
    await tester.pumpWidget(const MaterialApp(home: ${screen}()));
    await tester.pump();

    await tester.enterText(find.byType(TextField), 'Entry from test');
    await tester.tap(find.widgetWithText(FilledButton, 'Add'));
    await tester.pump();

    expect(
      find.descendant(
        of: find.byType(ListView),
        matching: find.text('Entry from test'),
      ),
      findsOneWidget,
    );
  });
}
`;
}
