/**
 * The app's shared record UI (`lib/core/records/`): a generic list screen with
 * loading, empty and error states, a detail view, delete with confirmation,
 * and form building blocks. Every entity feature configures it with its own
 * fields instead of carrying a copy, so two entity features share no code
 * that differs only by name.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import type { AppPlan } from '../plan/app-plan';
import { dartText, moneyFormat, uiText, type MoneyFormat, type UiText } from '../ui-text';
import { SAFE_NOTIFY_DART } from './feature-dart.shared';

export const RECORDS_DIR = 'lib/core/records';
export const RECORD_LIST_PATH = `${RECORDS_DIR}/record_list_screen.dart`;
export const RECORD_FORM_PATH = `${RECORDS_DIR}/record_form.dart`;
export const RECORD_REPOSITORY_PATH = 'lib/data/repositories/record_repository.dart';

export function recordRepositoryDart(): string {
  return `/// What every entity repository can do; the record screens work on it.
abstract interface class RecordRepository<T> {
  Future<List<T>> fetchAll();

  /// Inserts the record, or replaces the one with the same id.
  Future<void> save(T item);

  Future<void> delete(String id);
}
`;
}

/**
 * `RecordValidators.parseDecimal`: what users type for a number in the app's
 * language. Where the decimal mark is a comma, dots group thousands
 * ("1.234,5"); a lone point still reads as a decimal point ("12.5").
 */
function parseDecimalDart(money: MoneyFormat): string {
  if (!money.decimalComma) {
    return `  /// Reads "1,250.5" and "1250.5" (commas grouping thousands) as well as a decimal comma ("12,5").
  static double? parseDecimal(String text) {
    var value = text.trim().replaceAll(' ', '');
    if (value.contains('.') || RegExp(r'^-?\\d{1,3}(,\\d{3})+$').hasMatch(value)) {
      value = value.replaceAll(',', '');
    } else {
      value = value.replaceAll(',', '.');
    }
    return double.tryParse(value);
  }`;
  }
  return `  /// Reads "1.234,5" and "1234,5" (decimal comma, dots grouping thousands) as well as "12.5".
  static double? parseDecimal(String text) {
    var value = text.trim().replaceAll(' ', '');
    if (value.contains(',')) {
      value = value.replaceAll('.', '').replaceAll(',', '.');
    } else if (RegExp(r'^-?\\d{1,3}(\\.\\d{3})+$').hasMatch(value)) {
      value = value.replaceAll('.', '');
    }
    return double.tryParse(value);
  }`;
}

function controllerDart(t: UiText): string {
  return `import 'package:flutter/foundation.dart';

import '../../data/repositories/record_repository.dart';

/// Loads, saves and deletes the records of one repository, sorted for display.
class RecordController<T> extends ChangeNotifier {
  RecordController({
    required RecordRepository<T> repository,
    required this.idOf,
    required this.compare,
    this.loadFirst,
  }) : _repository = repository;

  final RecordRepository<T> _repository;
  final String Function(T item) idOf;
  final int Function(T a, T b) compare;

  /// Loads what the records are shown with before them, e.g. the titles of the records they refer to.
  final Future<void> Function()? loadFirst;

  List<T> _items = const [];
  bool _loading = false;
  String? _error;
  bool _disposed = false;

  List<T> get items => _items;
  bool get isLoading => _loading;
  String? get error => _error;

  Future<void> load() async {
    _loading = true;
    _error = null;
    _notify();
    try {
      await loadFirst?.call();
      _items = [...await _repository.fetchAll()]..sort(compare);
    } catch (error) {
      _error = ${dartText(t.couldNotLoad, { error: 'error' })};
    } finally {
      _loading = false;
      _notify();
    }
  }

  Future<void> save(T item) async {
    await _repository.save(item);
    await load();
  }

  Future<void> delete(T item) async {
    await _repository.delete(idOf(item));
    await load();
  }

  // Async work may finish after the screen is gone; notifying then would throw.
${SAFE_NOTIFY_DART}
`;
}

function listScreenDart(t: UiText): string {
  return `import 'package:flutter/material.dart';

import '../../data/repositories/record_repository.dart';
import 'record_controller.dart';
import 'record_detail_screen.dart';

/// A list of records with add, open, edit and delete; each entity screen configures it.
class RecordListScreen<T> extends StatefulWidget {
  const RecordListScreen({
    super.key,
    required this.title,
    required this.repository,
    required this.idOf,
    required this.titleOf,
    required this.compare,
    required this.formBuilder,
    required this.detailsOf,
    required this.emptyMessage,
    required this.addLabel,
    this.subtitleOf,
    this.leadingOf,
    this.summaryOf,
    this.filters = const [],
    this.groupOf,
    this.sectionOf,
    this.loadFirst,
  });

  final String title;
  final RecordRepository<T> repository;
  final String Function(T item) idOf;
  final String Function(T item) titleOf;
  final int Function(T a, T b) compare;

  /// The add/edit form; it pops with the saved record.
  final Widget Function(BuildContext context, T? initial) formBuilder;
  final List<RecordDetail> Function(T item) detailsOf;
  final String emptyMessage;
  final String addLabel;
  final String Function(T item)? subtitleOf;

  /// A widget before the title, e.g. a checkbox; it may save a changed record.
  final Widget Function(T item, Future<void> Function(T changed) save)? leadingOf;

  /// A line above the list, e.g. a total, from the records shown.
  final String Function(List<T> items)? summaryOf;

  /// Fixed filters offered as chips, e.g. "Done" / "Not done".
  final List<RecordFilter<T>> filters;

  /// A value to filter by, offered as one chip per value found, e.g. the category.
  final String Function(T item)? groupOf;

  /// A header shown when it changes between neighbours, e.g. the month of the date.
  final String Function(T item)? sectionOf;

  /// Loaded before every (re)load of the records, e.g. the titles of the records they refer to.
  final Future<void> Function()? loadFirst;

  @override
  State<RecordListScreen<T>> createState() => _RecordListScreenState<T>();
}

/// A named condition a record may meet, shown as a filter chip.
class RecordFilter<T> {
  const RecordFilter(this.label, this.test);

  final String label;
  final bool Function(T item) test;
}

class _RecordListScreenState<T> extends State<RecordListScreen<T>> {
  late final RecordController<T> _controller = RecordController<T>(
    repository: widget.repository,
    idOf: widget.idOf,
    compare: widget.compare,
    loadFirst: widget.loadFirst,
  );

  /// The chosen chip: a fixed filter's label, a group value, or null for all.
  String? _chosen;

  List<T> _visible(List<T> items) {
    final chosen = _chosen;
    if (chosen == null) return items;
    for (final filter in widget.filters) {
      if (filter.label == chosen) return items.where(filter.test).toList();
    }
    final groupOf = widget.groupOf;
    return groupOf == null ? items : items.where((item) => groupOf(item) == chosen).toList();
  }

  Widget? _chips(List<T> items) {
    final groupOf = widget.groupOf;
    final labels = [
      for (final filter in widget.filters) filter.label,
      if (groupOf != null) ...{for (final item in items) groupOf(item)}.where((value) => value.isNotEmpty),
    ];
    if (labels.isEmpty) return null;
    return SingleChildScrollView(
      scrollDirection: Axis.horizontal,
      padding: const EdgeInsets.symmetric(horizontal: 16, vertical: 8),
      child: Row(
        children: [
          for (final label in [null, ...labels])
            Padding(
              padding: const EdgeInsets.only(right: 8),
              child: ChoiceChip(
                label: Text(label ?? ${dartString(t.all)}),
                selected: _chosen == label,
                onSelected: (_) => setState(() => _chosen = label),
              ),
            ),
        ],
      ),
    );
  }

  @override
  void initState() {
    super.initState();
    _controller.load();
  }

  @override
  void dispose() {
    _controller.dispose();
    super.dispose();
  }

  Future<void> _openForm([T? item]) async {
    final saved = await Navigator.of(context).push<T>(
      MaterialPageRoute(builder: (context) => widget.formBuilder(context, item)),
    );
    if (saved == null || !mounted) return;
    await _save(saved);
  }

  /// Saves [item] (from the form or a checkbox in the list); a failing
  /// backend (offline, no permission) is explained in a SnackBar instead of
  /// becoming an uncaught error.
  Future<void> _save(T item) async {
    try {
      await _controller.save(item);
    } catch (error) {
      _tell(${dartText(t.couldNotSave, { error: 'error' })});
    }
  }

  Future<void> _delete(T item) async {
    try {
      await _controller.delete(item);
    } catch (error) {
      _tell(${dartText(t.couldNotDelete, { error: 'error' })});
    }
  }

  /// Shows [message], unless the user has left the screen meanwhile.
  void _tell(String message) {
    if (!mounted) return;
    ScaffoldMessenger.of(context)
        .showSnackBar(SnackBar(content: Text(message)));
  }

  Future<void> _openDetail(T item) async {
    await Navigator.of(context).push<void>(
      MaterialPageRoute(
        builder: (context) => RecordDetailScreen(
          title: widget.titleOf(item),
          details: widget.detailsOf(item),
          onEdit: () => _openForm(item),
          onDelete: () => _confirmDelete(item),
        ),
      ),
    );
  }

  Future<void> _confirmDelete(T item) async {
    final confirmed = await showDialog<bool>(
      context: context,
      builder: (context) => AlertDialog(
        title: const Text(${dartString(t.deleteQuestion)}),
        content: Text(widget.titleOf(item)),
        actions: [
          TextButton(
            onPressed: () => Navigator.of(context).pop(false),
            child: const Text(${dartString(t.cancel)}),
          ),
          FilledButton(
            onPressed: () => Navigator.of(context).pop(true),
            child: const Text(${dartString(t.delete)}),
          ),
        ],
      ),
    );
    if (confirmed ?? false) await _delete(item);
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: Text(widget.title)),
      floatingActionButton: FloatingActionButton.extended(
        onPressed: _openForm,
        icon: const Icon(Icons.add),
        label: Text(widget.addLabel),
      ),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) => _buildBody(context),
      ),
    );
  }

  Widget _buildBody(BuildContext context) {
    final items = _controller.items;
    if (_controller.isLoading && items.isEmpty) {
      return const Center(child: CircularProgressIndicator());
    }
    final error = _controller.error;
    if (error != null) {
      return Center(
        child: Padding(
          padding: const EdgeInsets.all(24),
          child: Column(
            mainAxisSize: MainAxisSize.min,
            children: [
              Text(error, textAlign: TextAlign.center),
              const SizedBox(height: 12),
              OutlinedButton(
                onPressed: _controller.load,
                child: const Text(${dartString(t.retry)}),
              ),
            ],
          ),
        ),
      );
    }
    if (items.isEmpty) {
      return Center(
        child: Padding(
          padding: const EdgeInsets.all(24),
          child: Text(widget.emptyMessage, textAlign: TextAlign.center),
        ),
      );
    }
    final visible = _visible(items);
    final summary = widget.summaryOf?.call(visible);
    final chips = _chips(items);
    final sectionOf = widget.sectionOf;
    return ListView(
      padding: const EdgeInsets.only(bottom: 88),
      children: [
        if (chips != null) chips,
        if (summary != null)
          ListTile(
            title: Text(
              summary,
              style: Theme.of(context).textTheme.titleMedium,
            ),
          ),
        for (var i = 0; i < visible.length; i++) ...[
          if (sectionOf != null && (i == 0 || sectionOf(visible[i]) != sectionOf(visible[i - 1])))
            Padding(
              padding: const EdgeInsets.fromLTRB(16, 16, 16, 4),
              child: Text(
                sectionOf(visible[i]),
                style: Theme.of(context).textTheme.labelLarge,
              ),
            ),
          _tile(visible[i]),
        ],
      ],
    );
  }

  Widget _tile(T item) {
    final subtitle = widget.subtitleOf?.call(item);
    return ListTile(
      leading: widget.leadingOf?.call(item, _save),
      title: Text(widget.titleOf(item)),
      subtitle: subtitle == null || subtitle.isEmpty ? null : Text(subtitle),
      onTap: () => _openDetail(item),
      trailing: IconButton(
        icon: const Icon(Icons.delete_outline),
        tooltip: ${dartString(t.delete)},
        onPressed: () => _confirmDelete(item),
      ),
    );
  }
}
`;
}

function detailScreenDart(t: UiText): string {
  return `import 'package:flutter/material.dart';

/// One labelled value of a record's detail view.
class RecordDetail {
  const RecordDetail(this.label, this.value);

  final String label;
  final String value;
}

/// Every field of one record, with edit and delete.
class RecordDetailScreen extends StatelessWidget {
  const RecordDetailScreen({
    super.key,
    required this.title,
    required this.details,
    required this.onEdit,
    required this.onDelete,
  });

  final String title;
  final List<RecordDetail> details;
  final Future<void> Function() onEdit;
  final Future<void> Function() onDelete;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: Text(title),
        actions: [
          IconButton(
            icon: const Icon(Icons.edit_outlined),
            tooltip: ${dartString(t.edit)},
            onPressed: () async {
              Navigator.of(context).pop();
              await onEdit();
            },
          ),
          IconButton(
            icon: const Icon(Icons.delete_outline),
            tooltip: ${dartString(t.delete)},
            onPressed: () async {
              Navigator.of(context).pop();
              await onDelete();
            },
          ),
        ],
      ),
      body: ListView(
        children: [
          for (final detail in details)
            ListTile(
              title: Text(detail.label),
              subtitle: Text(detail.value.isEmpty ? '—' : detail.value),
            ),
        ],
      ),
    );
  }
}
`;
}

function formDart(t: UiText, money: MoneyFormat): string {
  return `import 'package:flutter/material.dart';

import '../formatters.dart';

/// The frame of an add/edit form: validates, then pops with \`build()\`'s record.
class RecordFormScaffold<T> extends StatefulWidget {
  const RecordFormScaffold({
    super.key,
    required this.title,
    required this.build,
    required this.children,
  });

  final String title;

  /// Called once every field is valid; its result is the saved record.
  final T Function() build;
  final List<Widget> children;

  @override
  State<RecordFormScaffold<T>> createState() => _RecordFormScaffoldState<T>();
}

class _RecordFormScaffoldState<T> extends State<RecordFormScaffold<T>> {
  final _formKey = GlobalKey<FormState>();

  void _submit() {
    if (!(_formKey.currentState?.validate() ?? false)) return;
    Navigator.of(context).pop(widget.build());
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: Text(widget.title)),
      // A Column, not a lazy ListView: every field must be built for the Form
      // to validate it, however long the form is.
      body: Form(
        key: _formKey,
        child: SingleChildScrollView(
          padding: const EdgeInsets.all(16),
          child: Column(
            crossAxisAlignment: CrossAxisAlignment.stretch,
            children: [
              for (final child in widget.children)
                Padding(
                  padding: const EdgeInsets.only(bottom: 16),
                  child: child,
                ),
            ],
          ),
        ),
      ),
      // Outside the list, so a long form never scrolls the button off screen.
      bottomNavigationBar: SafeArea(
        child: Padding(
          padding: const EdgeInsets.fromLTRB(16, 8, 16, 16),
          child: FilledButton.icon(
            onPressed: _submit,
            icon: const Icon(Icons.check),
            label: const Text(${dartString(t.save)}),
          ),
        ),
      ),
    );
  }
}

/// What a text field holds: decides its keyboard, its size and how it is validated.
enum RecordInput { text, longText, email, phone, url, whole, decimal, money }

/// A labelled, validated text field of a record form.
class RecordTextField extends StatelessWidget {
  const RecordTextField({
    super.key,
    required this.controller,
    required this.label,
    required this.input,
    required this.required,
    this.signed = false,
  });

  final TextEditingController controller;
  final String label;
  final RecordInput input;
  final bool required;

  /// Whether a number may be below zero (a balance adjustment); counts may not.
  final bool signed;

  TextInputType get _keyboard => switch (input) {
        RecordInput.text => TextInputType.text,
        RecordInput.longText => TextInputType.multiline,
        RecordInput.email => TextInputType.emailAddress,
        RecordInput.phone => TextInputType.phone,
        RecordInput.url => TextInputType.url,
        RecordInput.whole => TextInputType.numberWithOptions(signed: signed),
        RecordInput.decimal || RecordInput.money =>
          TextInputType.numberWithOptions(decimal: true, signed: signed),
      };

  @override
  Widget build(BuildContext context) {
    final long = input == RecordInput.longText;
    return TextFormField(
      controller: controller,
      decoration: InputDecoration(
        labelText: required ? label : ${dartText(t.optional, { label: 'label' })},
        border: const OutlineInputBorder(),
      ),
      keyboardType: _keyboard,
      minLines: long ? 2 : 1,
      maxLines: long ? 6 : 1,
      validator: RecordValidators.forInput(
        input,
        label: label,
        required: required,
        signed: signed,
      ),
    );
  }
}

/// A date chosen with the platform date picker; \`null\` only when optional.
class RecordDateField extends StatelessWidget {
  const RecordDateField({
    super.key,
    required this.label,
    required this.value,
    required this.onChanged,
    this.onCleared,
  });

  final String label;
  final DateTime? value;
  final ValueChanged<DateTime> onChanged;

  /// Empties an optional date (a clear button shows while it is set).
  final VoidCallback? onCleared;

  Future<void> _pick(BuildContext context) async {
    final picked = await showDatePicker(
      context: context,
      initialDate: value ?? DateTime.now(),
      firstDate: DateTime(2000),
      lastDate: DateTime(2100),
    );
    if (picked != null) onChanged(picked);
  }

  @override
  Widget build(BuildContext context) {
    final current = value;
    return ListTile(
      contentPadding: EdgeInsets.zero,
      leading: const Icon(Icons.event_outlined),
      title: Text(label),
      subtitle: Text(current == null ? ${dartString(t.notSet)} : formatDate(current)),
      trailing: current == null || onCleared == null
          ? null
          : IconButton(
              icon: const Icon(Icons.clear),
              tooltip: ${dartString(t.clear)},
              onPressed: onCleared,
            ),
      onTap: () => _pick(context),
    );
  }
}

/// Form validators shared by every record form.
abstract final class RecordValidators {
  /// A field's validator; numbers below zero are refused unless [signed].
  static FormFieldValidator<String> forInput(
    RecordInput input, {
    required String label,
    required bool required,
    bool signed = false,
  }) {
    return (value) {
      final text = value?.trim() ?? '';
      if (text.isEmpty) return required ? ${dartText(t.required, { label: 'label' })} : null;
      return switch (input) {
        RecordInput.email =>
          RegExp(r'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$').hasMatch(text) ? null : ${dartString(t.enterValidEmail)},
        RecordInput.phone => RegExp(r'^[+0-9 ()-]{6,}$').hasMatch(text) ? null : ${dartString(t.enterValidPhone)},
        RecordInput.url => _isUrl(text) ? null : ${dartString(t.enterFullUrl)},
        RecordInput.whole =>
          _number(int.tryParse(text), signed, ${dartString(t.enterWholeNumber)}),
        RecordInput.decimal || RecordInput.money =>
          _number(parseDecimal(text), signed, ${dartString(t.enterNumber)}),
        RecordInput.text || RecordInput.longText => null,
      };
    };
  }

  static String? _number(num? number, bool signed, String invalid) {
    if (number == null) return invalid;
    return number < 0 && !signed ? ${dartString(t.enterZeroOrMore)} : null;
  }

  static bool _isUrl(String text) {
    final uri = Uri.tryParse(text);
    return uri != null && uri.hasScheme && uri.host.isNotEmpty;
  }

${parseDecimalDart(money)}

  /// A stored number as the user would type it: no trailing ".0", no
  /// grouping, ${money.decimalComma ? 'a decimal comma ("12,5")' : 'a decimal point ("12.5")'}.
  static String editable(num? value) {
    if (value == null) return '';
    final whole = value is int || (value == value.truncateToDouble() && value.abs() < 1e15);
    final text = whole ? value.toInt().toString() : value.toString();
    return ${money.decimalComma ? "text.replaceAll('.', ',')" : 'text'};
  }
}
`;
}

/** The form widgets and `RecordValidators` (number parsing in the app's language), also for the calendar's dialog. */
export function recordFormFile(plan: Pick<AppPlan, 'locale'>): GeneratedFile {
  return { path: RECORD_FORM_PATH, content: formDart(uiText(plan), moneyFormat(plan)) };
}

/** The shared files; every entity feature lists them (identical content, written once). */
export function recordsLibraryFiles(plan: Pick<AppPlan, 'locale'>): GeneratedFile[] {
  const t = uiText(plan);
  return [
    { path: `${RECORDS_DIR}/record_controller.dart`, content: controllerDart(t) },
    { path: RECORD_LIST_PATH, content: listScreenDart(t) },
    { path: `${RECORDS_DIR}/record_detail_screen.dart`, content: detailScreenDart(t) },
    recordFormFile(plan),
  ];
}

export const RECORD_TESTS_PATH = 'test/support/record_screen_tests.dart';

/**
 * The standard widget tests of a record screen (list, add through the form,
 * refuse an incomplete form, delete after confirming, explain a failing
 * backend), registered by each entity feature's test with its own samples and
 * valid input.
 */
export function recordScreenTestsDart(t: UiText): string {
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';

import 'fake_repositories.dart';

/// Registers the tests every record screen must pass.
void recordScreenTests<T, R extends InMemoryRecords<T>>({
  required String name,
  required Widget Function(R repository) screen,
  required R Function(List<T> seed) repository,
  required List<T> samples,
  required List<String> sampleTitles,
  required Map<Key, String> validInput,
  required String savedTitle,
  required String requiredMessage,
  Map<Key, String> choices = const {},
}) {
  Future<void> pump(WidgetTester tester, R repo) async {
    await tester.pumpWidget(MaterialApp(home: screen(repo)));
    await tester.pumpAndSettle();
  }

  testWidgets('$name: lists the saved records', (tester) async {
    await pump(tester, repository(samples));
    for (final title in sampleTitles) {
      expect(find.text(title), findsOneWidget);
    }
  });

  Future<void> addThroughForm(WidgetTester tester) async {
    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    for (final entry in validInput.entries) {
      await tester.enterText(find.byKey(entry.key), entry.value);
    }
    // Dropdowns (a reference to another list): open, then pick the item by its text.
    for (final entry in choices.entries) {
      await tester.ensureVisible(find.byKey(entry.key));
      await tester.tap(find.byKey(entry.key));
      await tester.pumpAndSettle();
      await tester.tap(find.text(entry.value).last);
      await tester.pumpAndSettle();
    }
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();
  }

  Future<void> deleteFirst(WidgetTester tester) async {
    await tester.tap(find.byTooltip(${dartString(t.delete)}));
    await tester.pumpAndSettle();
    await tester.tap(find.widgetWithText(FilledButton, ${dartString(t.delete)}));
    await tester.pumpAndSettle();
  }

  testWidgets('$name: adds a record through the form', (tester) async {
    final repo = repository([]);
    await pump(tester, repo);
    await addThroughForm(tester);
    expect(find.text(savedTitle), findsOneWidget);
    expect(await repo.fetchAll(), hasLength(1));
  });

  testWidgets('$name: says so when saving fails', (tester) async {
    final repo = repository([])..failing = true;
    await pump(tester, repo);
    await addThroughForm(tester);
    expect(find.textContaining(${dartString(t.couldNotSave.split('{error}')[0])}), findsOneWidget);
    expect(await repo.fetchAll(), isEmpty);
  });

  testWidgets('$name: refuses an incomplete form', (tester) async {
    final repo = repository([]);
    await pump(tester, repo);
    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();
    expect(find.text(requiredMessage), findsOneWidget);
    expect(await repo.fetchAll(), isEmpty);
  });

  testWidgets('$name: deletes a record after confirming', (tester) async {
    final repo = repository(samples.take(1).toList());
    await pump(tester, repo);
    await deleteFirst(tester);
    expect(find.text(sampleTitles.first), findsNothing);
    expect(await repo.fetchAll(), isEmpty);
  });

  testWidgets('$name: keeps a record whose delete failed', (tester) async {
    final repo = repository(samples.take(1).toList())..failing = true;
    await pump(tester, repo);
    await deleteFirst(tester);
    expect(find.textContaining(${dartString(t.couldNotDelete.split('{error}')[0])}), findsOneWidget);
    expect(find.text(sampleTitles.first), findsOneWidget);
    expect(await repo.fetchAll(), hasLength(1));
  });
}
`;
}
