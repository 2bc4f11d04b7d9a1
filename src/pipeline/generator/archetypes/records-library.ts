/**
 * The app's shared record UI (`lib/core/records/`): a generic list screen with
 * loading, empty and error states (a failed reload keeps the records shown),
 * a detail view, delete with confirmation, and a form that saves by itself so
 * a failing backend never costs the user what they typed. Errors reach the
 * user only through `userMessage` (lib/core/user_message.dart). Every entity
 * feature configures it with its own fields instead of carrying a copy, so
 * two entity features share no code that differs only by name.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import type { AppPlan } from '../plan/app-plan';
import { dartText, fill, moneyFormat, uiText, type MoneyFormat, type UiText } from '../ui-text';
import { recordText, type RecordText } from '../ui-text-records';
import { SAFE_NOTIFY_DART } from './feature-dart.shared';

export const RECORDS_DIR = 'lib/core/records';
export const RECORD_LIST_PATH = `${RECORDS_DIR}/record_list_screen.dart`;
export const RECORD_FORM_PATH = `${RECORDS_DIR}/record_form.dart`;
export const RECORD_FORM_SCAFFOLD_PATH = `${RECORDS_DIR}/record_form_scaffold.dart`;
export const RECORD_REPOSITORY_PATH = 'lib/data/repositories/record_repository.dart';

/** The interface of a repository that knows who created each shared record (`record-owner.ts` `showsCreator`). */
export const POSTED_RECORDS = 'PostedRecords';

/**
 * The interface of a repository of bookings both parties see (`record-owner.ts`
 * `showsBookedWithMe`): the user's own and the ones made with them.
 */
export const BOOKED_RECORDS = 'BookedRecords';

/**
 * The interface of a repository of a list only staff change (`record-owner.ts`
 * `showsStaff`): it tells whether the signed-in user is staff.
 */
export const STAFF_RECORDS = 'StaffRecords';

/**
 * `lib/data/repositories/record_repository.dart`; with `posted`, also the
 * interface of the shared lists whose records only their creator changes,
 * with `booked` that of the bookings made with the user as well, and with
 * `staff` that of the lists only staff change.
 */
export function recordRepositoryDart(posted = false, booked = false, staff = false): string {
  const staffDart = staff
    ? `
/// A shared list every signed-in user reads, whose records only staff (an
/// admin account) add, change or delete (the backend refuses the others):
/// the record screens offer add, edit and delete only when [canEdit].
abstract interface class ${STAFF_RECORDS} {
  /// Whether the signed-in user is staff, as of the last load.
  bool get canEdit;
}
`
    : '';
  const bookedDart = booked
    ? `
/// Bookings the signed-in user made and the ones others made with them
/// (with the profile the user created, as a walker or a dentist): only the
/// user who made a booking may change or delete it, so [isMine] is false
/// for a booking made with the user, which the record screens mark as such.
abstract interface class ${BOOKED_RECORDS} implements ${POSTED_RECORDS} {}
`
    : '';
  const postedDart = posted
    ? `
/// A shared list every signed-in user reads, whose records only the user
/// who created one may change or delete (the backend refuses the others):
/// the record screens offer edit and delete on [isMine] records only.
abstract interface class ${POSTED_RECORDS} {
  /// Whether the signed-in user created the record with [id], as of the
  /// last load or save.
  bool isMine(String id);
}
${bookedDart}`
    : '';
  return `import 'package:flutter/foundation.dart';

/// What every entity repository can do; the record screens work on it.
abstract interface class RecordRepository<T> {
  Future<List<T>> fetchAll();

  /// Inserts the record, or replaces the one with the same id.
  Future<void> save(T item);

  Future<void> delete(String id);
}
${postedDart}${staffDart}
/// Reads each row the backend returned with [read], skipping a row that
/// lacks a required field or holds a value of the wrong type: one bad record
/// must not hide all the others. What was skipped goes to the debug log.
List<T> readRecords<R, T>(Iterable<R> rows, T Function(R row) read) {
  final records = <T>[];
  for (final row in rows) {
    try {
      records.add(read(row));
    } on FormatException catch (error) {
      debugPrint('Skipped a record the app cannot read: \${error.message}');
    } on TypeError catch (error) {
      // A value of another type than the model's fails its cast in fromJson.
      debugPrint('Skipped a record the app cannot read: $error');
    }
  }
  return records;
}
`;
}

/** README (backend section): what a server app does with a record it cannot read, and what users are told. */
export const SERVER_READ_ERRORS_README =
  'A record the server returns without a required field (or with a value of the wrong type) is skipped and logged with `debugPrint`: the model’s `fromJson` throws a `FormatException` naming the field, and `readRecords` (`lib/data/repositories/record_repository.dart`) leaves that record out, so one bad row never hides the others. The record screens show no raw exceptions: `userMessage` (`lib/core/user_message.dart`) turns a failed load, save or delete into a short message (offline, not allowed, no longer exists, anything else), and the full error goes to the debug log.';

/** README (backend section) of the on-device backend: why an unreadable stored item fails the load instead of being skipped. */
export const LOCAL_READ_ERRORS_README =
  'A stored item the app can no longer read (after a model gained a required field) makes loading fail with a message instead of being skipped: skipping it would drop it for good at the next save. Migrate the stored JSON when you change a model. The record screens show no raw exceptions: `userMessage` (`lib/core/user_message.dart`) turns a failure into a short message, and the full error goes to the debug log.';

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
    if (value.contains('.') ||
        RegExp(r'^-?\\d{1,3}(,\\d{3})+$').hasMatch(value)) {
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
import '../user_message.dart';

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

  /// Loads what the records are shown with before them, e.g. the titles of
  /// the records they refer to.
  final Future<void> Function()? loadFirst;

  List<T> _items = const [];
  bool _loading = false;
  String? _error;
  bool _disposed = false;

  /// The records of the last successful load, with the saves and deletes since.
  List<T> get items => _items;
  bool get isLoading => _loading;

  /// Why the last load failed, for the user; null once a load succeeds.
  String? get error => _error;

  /// (Re)loads the records; a failure keeps the ones already shown.
  Future<void> load() async {
    _loading = true;
    _error = null;
    _notify();
    try {
      await loadFirst?.call();
      _items = [...await _repository.fetchAll()]..sort(compare);
    } catch (error) {
      _error = ${dartText(t.couldNotLoad, { error: 'userMessage(error)' })};
    } finally {
      _loading = false;
      _notify();
    }
  }

  /// Saves [item] (new or edited) and shows it in its place. Throws what the
  /// repository throws, so the form can stay open with the user's input.
  Future<void> save(T item) async {
    await _repository.save(item);
    final id = idOf(item);
    _items = [
      for (final existing in _items)
        if (idOf(existing) != id) existing,
      item,
    ]..sort(compare);
    _notify();
  }

  /// Deletes [item]; throws what the repository throws, and then keeps it.
  Future<void> delete(T item) async {
    final id = idOf(item);
    await _repository.delete(id);
    _items = [
      for (final existing in _items)
        if (idOf(existing) != id) existing,
    ];
    _notify();
  }

  // Async work may finish after the screen is gone; notifying then would throw.
${SAFE_NOTIFY_DART}
`;
}

/** The doc of the list and detail screens' `onMessage` (a chat about listings). */
const MESSAGE_DOC = `

  /// Opens the conversation with whoever posted [item] (a listing's seller);
  /// the detail offers it on records the signed-in user did not post. Null
  /// where the records have no chat.`;

/**
 * The list screen's `_ownerNote` in an app with bookings both parties see
 * ([BookedRecords]): the line that says a booking was made with the user,
 * or that a shared record is the user's own post.
 */
function ownerNoteDart(r: RecordText): string {
  return `

  /// What the list and the detail say about whose [item] is: a booking
  /// someone else made with the signed-in user ([${BOOKED_RECORDS}]), or the
  /// user's own record in another shared list; null for the rest.
  String? _ownerNote(T item) {
    final mine = _createdByMe(item);
    if (widget.repository is ${BOOKED_RECORDS}) {
      return mine == false ? ${dartString(r.bookedWithYou)} : null;
    }
    return (mine ?? false) ? ${dartString(r.postedByYou)} : null;
  }`;
}

/** A list tile's delete button; with `staff`, only for a user who may change the list (`_canEdit`). */
function deleteTrailingDart(t: UiText, staff: boolean): string {
  if (!staff) {
    return `trailing: IconButton(
        icon: const Icon(Icons.delete_outline),
        tooltip: ${dartString(t.delete)},
        onPressed: () => _confirmDelete(item),
      ),`;
  }
  return `// Only staff may delete from a list only staff change.
      trailing: _canEdit
          ? IconButton(
              icon: const Icon(Icons.delete_outline),
              tooltip: ${dartString(t.delete)},
              onPressed: () => _confirmDelete(item),
            )
          : null,`;
}

/** The empty list's text arguments in a list only staff change: no "tap Add" for a user who cannot. */
const READ_ONLY_EMPTY_ARGS = `
            _canEdit
                ? widget.emptyMessage
                : widget.readOnlyEmptyMessage ?? widget.emptyMessage,
            textAlign: TextAlign.center,
          `;

/** The list's `_canEdit`: false in a [StaffRecords] list for a user who is not staff. */
const CAN_EDIT_DART = `

  /// Whether the user may add, change and delete records: false in a list
  /// only staff change ([${STAFF_RECORDS}]) for a user who is not staff.
  bool get _canEdit => switch (widget.repository) {
        final ${STAFF_RECORDS} staff => staff.canEdit,
        _ => true,
      };`;

/**
 * The list's add button; with `staff`, only for a user who may change the
 * list, which a [StaffRecords] repository knows once it has loaded.
 */
function addButtonDart(staff: boolean): string {
  const button = `FloatingActionButton.extended(
        onPressed: _openForm,
        icon: const Icon(Icons.add),
        label: Text(widget.addLabel),
      )`;
  if (!staff) return button;
  return `ListenableBuilder(
        listenable: _controller,
        builder: (context, _) => _canEdit
            ? ${button.replaceAll('\n', '\n        ')}
            : const SizedBox.shrink(),
      )`;
}

/**
 * The list screen; with \`posted\` (\`record-owner.ts\` \`showsCreator\`) a
 * [PostedRecords] repository's records offer delete only to their creator
 * and say which are the user's own; with `staff` (`showsStaff`) a
 * [StaffRecords] repository's list offers add, edit and delete to staff only.
 */
function listScreenDart(t: UiText, r: RecordText, posted = false, chat = false, booked = false, staff = false): string {
  const createdByMe = posted
    ? `

  /// In a shared list whose records only their creator changes
  /// ([${POSTED_RECORDS}]), whether the signed-in user created [item]; null
  /// in a list where anyone may change any record.
  bool? _createdByMe(T item) => switch (widget.repository) {
        final ${POSTED_RECORDS} posted => posted.isMine(widget.idOf(item)),
        _ => null,
      };${booked ? ownerNoteDart(r) : ''}`
    : '';
  const ownerLine = booked
    ? `final note = _ownerNote(item);
    final lines = [
      if (subtitle != null && subtitle.isNotEmpty) subtitle,
      if (note != null) note,
    ];`
    : `final lines = [
      if (subtitle != null && subtitle.isNotEmpty) subtitle,
      if (mine ?? false) ${dartString(r.postedByYou)},
    ];`;
  const tile = posted
    ? `  Widget _tile(T item) {
    final subtitle = widget.subtitleOf?.call(item);
    final mine = _createdByMe(item);
    ${ownerLine}
    return ListTile(
      leading: widget.leadingOf?.call(item, _saveFromList),
      title: Text(widget.titleOf(item)),
      subtitle: lines.isEmpty ? null : Text(lines.join(' · ')),
      onTap: () => _openDetail(item),
      // Another user's record: only its creator may delete it.
      trailing: mine == false${staff ? ' || !_canEdit' : ''}
          ? null
          : IconButton(
              icon: const Icon(Icons.delete_outline),
              tooltip: ${dartString(t.delete)},
              onPressed: () => _confirmDelete(item),
            ),
    );
  }`
    : `  Widget _tile(T item) {
    final subtitle = widget.subtitleOf?.call(item);
    return ListTile(
      leading: widget.leadingOf?.call(item, _saveFromList),
      title: Text(widget.titleOf(item)),
      subtitle: subtitle == null || subtitle.isEmpty ? null : Text(subtitle),
      onTap: () => _openDetail(item),
      ${deleteTrailingDart(t, staff)}
    );
  }`;
  return `import 'package:flutter/material.dart';

import '../../data/repositories/record_repository.dart';
import '../user_message.dart';
import 'record_controller.dart';
import 'record_detail_screen.dart';

/// Saves a record; throws when the backend refuses, so the caller can keep the input.
typedef RecordSave<T> = Future<void> Function(T item);

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
    this.loadFirst,${chat ? '\n    this.onMessage,' : ''}${staff ? '\n    this.readOnlyEmptyMessage,' : ''}
  });

  final String title;
  final RecordRepository<T> repository;
  final String Function(T item) idOf;
  final String Function(T item) titleOf;
  final int Function(T a, T b) compare;

  /// The add/edit form: it saves with [RecordSave] and pops with the saved record.
  final Widget Function(BuildContext context, T? initial, RecordSave<T> save)
      formBuilder;
  final List<RecordDetail> Function(T item) detailsOf;
  final String emptyMessage;${staff ? '\n\n  /// What the empty list says to a user who may not add to it ([emptyMessage] says how to add).\n  final String? readOnlyEmptyMessage;\n' : ''}
  final String addLabel;
  final String Function(T item)? subtitleOf;

  /// A widget before the title, e.g. a checkbox; it may save a changed record.
  final Widget Function(T item, RecordSave<T> save)? leadingOf;

  /// A line above the list, e.g. a total, from the records shown.
  final String Function(List<T> items)? summaryOf;

  /// Fixed filters offered as chips, e.g. "Done" / "Not done".
  final List<RecordFilter<T>> filters;

  /// A value to filter by, offered as one chip per value found, e.g. the category.
  final String Function(T item)? groupOf;

  /// A header shown when it changes between neighbours, e.g. the month of the date.
  final String Function(T item)? sectionOf;

  /// Loaded before every (re)load of the records, e.g. the titles of the
  /// records they refer to.
  final Future<void> Function()? loadFirst;${chat ? `${MESSAGE_DOC}\n  final Future<void> Function(BuildContext context, T item)? onMessage;` : ''}

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

  /// [_chosen] while it is still offered: a group whose last record was
  /// deleted or moved to another group has no chip, so the list shows all.
  String? _current(List<T> items) {
    final chosen = _chosen;
    if (chosen == null) return null;
    if (widget.filters.any((filter) => filter.label == chosen)) return chosen;
    final groupOf = widget.groupOf;
    if (groupOf == null) return null;
    return items.any((item) => groupOf(item) == chosen) ? chosen : null;
  }

  List<T> _visible(List<T> items) {
    final chosen = _current(items);
    if (chosen == null) return items;
    for (final filter in widget.filters) {
      if (filter.label == chosen) return items.where(filter.test).toList();
    }
    final groupOf = widget.groupOf;
    if (groupOf == null) return items;
    return items.where((item) => groupOf(item) == chosen).toList();
  }

  Widget? _chips(List<T> items) {
    final groupOf = widget.groupOf;
    final labels = [
      for (final filter in widget.filters) filter.label,
      if (groupOf != null)
        ...{for (final item in items) groupOf(item)}
            .where((value) => value.isNotEmpty),
    ];
    if (labels.isEmpty) return null;
    final current = _current(items);
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
                selected: current == label,
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

  /// Opens the add/edit form, which saves by itself and stays open while the
  /// save fails; completes with the saved record, or null if the user left.
  Future<T?> _openForm([T? item]) {
    return Navigator.of(context).push<T>(
      MaterialPageRoute(
        builder: (context) =>
            widget.formBuilder(context, item, _controller.save),
      ),
    );
  }

  /// Saves a record changed in the list (e.g. its checkbox); a failing
  /// backend is explained in a SnackBar instead of becoming an uncaught error.
  Future<void> _saveFromList(T item) async {
    try {
      await _controller.save(item);
    } catch (error) {
      _tell(${dartText(t.couldNotSave, { error: 'userMessage(error)' })});
    }
  }

  /// Asks first, then deletes; completes with whether [item] is gone.
  Future<bool> _confirmDelete(T item) async {
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
    if (!(confirmed ?? false)) return false;
    try {
      await _controller.delete(item);
      return true;
    } catch (error) {
      _tell(${dartText(t.couldNotDelete, { error: 'userMessage(error)' })});
      return false;
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
        builder: (context) => RecordDetailScreen<T>(
          item: item,
          titleOf: widget.titleOf,
          detailsOf: widget.detailsOf,
          onEdit: _openForm,
          onDelete: _confirmDelete,${posted ? '\n          createdByMe: _createdByMe(item),' : ''}${staff ? '\n          canEdit: _canEdit,' : ''}${booked ? '\n          ownerNote: _ownerNote(item),' : ''}${chat ? '\n          onMessage: widget.onMessage,' : ''}
        ),
      ),
    );
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: Text(widget.title)),
      floatingActionButton: ${addButtonDart(staff)},
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
    // Only with nothing to show does an error take the whole screen; records
    // already shown stay, with the error above them.
    if (error != null && items.isEmpty) {
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
          child: Text(${staff ? READ_ONLY_EMPTY_ARGS : 'widget.emptyMessage, textAlign: TextAlign.center'}),
        ),
      );
    }
    final visible = _visible(items);
    final summary = widget.summaryOf?.call(visible);
    final chips = _chips(items);
    return RefreshIndicator(
      onRefresh: _controller.load,
      child: ListView(
        // Pull to refresh works however short the list is.
        physics: const AlwaysScrollableScrollPhysics(),
        padding: const EdgeInsets.only(bottom: 88),
        children: [
          if (error != null)
            MaterialBanner(
              content: Text(error),
              leading: const Icon(Icons.cloud_off_outlined),
              actions: [
                TextButton(
                  onPressed: _controller.load,
                  child: const Text(${dartString(t.retry)}),
                ),
              ],
            ),
          if (chips != null) chips,
          if (summary != null)
            ListTile(
              title: Text(
                summary,
                style: Theme.of(context).textTheme.titleMedium,
              ),
            ),
          if (visible.isEmpty)
            const Padding(
              padding: EdgeInsets.all(24),
              child: Text(
                ${dartString(r.noMatches)},
                textAlign: TextAlign.center,
              ),
            ),
          for (final (index, item) in visible.indexed) ...[
            if (_sectionStartingAt(visible, index) case final section?)
              Padding(
                padding: const EdgeInsets.fromLTRB(16, 16, 16, 4),
                child: Text(
                  section,
                  style: Theme.of(context).textTheme.labelLarge,
                ),
              ),
            _tile(item),
          ],
        ],
      ),
    );
  }

  /// The header of the section that starts at [visible]'s record [index], if one does.
  String? _sectionStartingAt(List<T> visible, int index) {
    final sectionOf = widget.sectionOf;
    if (sectionOf == null) return null;
    final section = sectionOf(visible[index]);
    final continues = index > 0 && sectionOf(visible[index - 1]) == section;
    return continues ? null : section;
  }${createdByMe}${staff ? CAN_EDIT_DART : ''}

${tile}
}
`;
}

/**
 * The detail screen; with \`posted\`, edit and delete only for the record's
 * creator when the list knows it (`createdByMe`), who is told it is theirs;
 * with `booked`, the list says what to tell (`ownerNote`: a booking made
 * with the user, whose booker alone changes it).
 */
function detailScreenDart(
  t: UiText,
  r: RecordText,
  posted = false,
  messageLabel?: string,
  booked = false,
  staff = false,
): string {
  const canEdit = staff
    ? `

  /// False in a list only staff change, for a user who is not staff: no
  /// edit or delete then.
  final bool canEdit;`
    : '';
  const ownerNote = booked
    ? `

  /// Whose record this is, when the list says (a booking someone else made
  /// with the signed-in user, or the user's own post); null otherwise.
  final String? ownerNote;`
    : '';
  const createdByMe = posted
    ? `

  /// In a shared list whose records only their creator changes, whether the
  /// signed-in user created this one: edit and delete show only then. Null
  /// where anyone may change any record.
  final bool? createdByMe;${ownerNote}`
    : '';
  const actions = `IconButton(
            icon: const Icon(Icons.edit_outlined),
            tooltip: ${dartString(t.edit)},
            onPressed: _edit,
          ),
          IconButton(
            icon: const Icon(Icons.delete_outline),
            tooltip: ${dartString(t.delete)},
            onPressed: _delete,
          ),`;
  const shownIf = [...(posted ? ['widget.createdByMe ?? true'] : []), ...(staff ? ['widget.canEdit'] : [])];
  const shown = shownIf.length > 1 ? shownIf.map((part) => (part.includes('??') ? `(${part})` : part)) : shownIf;
  const guardedActions = `if (${shown.join(' && ')}) ...[
            ${actions.replaceAll('\n', '\n  ')}
          ],`;
  const postedLine = booked
    ? `
          if (widget.ownerNote != null)
            ListTile(
              leading: const Icon(Icons.person_outline),
              title: Text(widget.ownerNote!),
            ),`
    : posted
      ? `
          if (widget.createdByMe ?? false)
            const ListTile(
              leading: Icon(Icons.person_outline),
              title: Text(${dartString(r.postedByYou)}),
            ),`
      : '';
  const chat = messageLabel !== undefined;
  // Another user's record: write to whoever posted it.
  const messageButton = chat
    ? `
          if (widget.onMessage != null && widget.createdByMe == false)
            Padding(
              padding: const EdgeInsets.fromLTRB(16, 8, 16, 8),
              child: FilledButton.icon(
                onPressed: () => widget.onMessage!(context, _item),
                icon: const Icon(Icons.chat_bubble_outline),
                label: const Text(${dartString(messageLabel)}),
              ),
            ),`
    : '';
  return `import 'package:flutter/material.dart';

/// One labelled value of a record's detail view.
class RecordDetail {
  const RecordDetail(this.label, this.value);

  final String label;
  final String value;
}

/// Every field of one record, with edit and delete. After an edit it shows
/// the saved values; after a delete it closes.
class RecordDetailScreen<T> extends StatefulWidget {
  const RecordDetailScreen({
    super.key,
    required this.item,
    required this.titleOf,
    required this.detailsOf,
    required this.onEdit,
    required this.onDelete,${posted ? '\n    this.createdByMe,' : ''}${staff ? '\n    this.canEdit = true,' : ''}${booked ? '\n    this.ownerNote,' : ''}${chat ? '\n    this.onMessage,' : ''}
  });

  final T item;
  final String Function(T item) titleOf;
  final List<RecordDetail> Function(T item) detailsOf;

  /// Opens the edit form; completes with the saved record, or null if the
  /// user left the form without saving.
  final Future<T?> Function(T item) onEdit;

  /// Asks, then deletes; completes with whether the record is gone.
  final Future<bool> Function(T item) onDelete;${createdByMe}${canEdit}${chat ? `${MESSAGE_DOC}\n  final Future<void> Function(BuildContext context, T item)? onMessage;` : ''}

  @override
  State<RecordDetailScreen<T>> createState() => _RecordDetailScreenState<T>();
}

class _RecordDetailScreenState<T> extends State<RecordDetailScreen<T>> {
  late T _item = widget.item;

  Future<void> _edit() async {
    final saved = await widget.onEdit(_item);
    if (saved != null && mounted) setState(() => _item = saved);
  }

  Future<void> _delete() async {
    final deleted = await widget.onDelete(_item);
    if (deleted && mounted) Navigator.of(context).pop();
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: Text(widget.titleOf(_item)),
        actions: [
          ${shownIf.length > 0 ? guardedActions : actions}
        ],
      ),
      body: ListView(
        children: [${postedLine}${messageButton}
          for (final detail in widget.detailsOf(_item))
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

/**
 * The frame of an add/edit form (its own file: the calendar's dialog uses
 * the fields of record_form.dart without it). It saves by itself, so a
 * failing backend never costs the user what they typed.
 */
function formScaffoldDart(t: UiText): string {
  return `import 'package:flutter/material.dart';

import '../user_message.dart';

/// The frame of an add/edit form: validates, saves [build]'s record with
/// [onSave] while the Save button shows progress, then pops with it. When
/// the save fails the form stays open with everything typed, and says why.
class RecordFormScaffold<T> extends StatefulWidget {
  const RecordFormScaffold({
    super.key,
    required this.title,
    required this.build,
    required this.onSave,
    required this.children,
  });

  final String title;

  /// Called once every field is valid; its result is the record to save.
  final T Function() build;

  /// Saves the record; throws when the backend refuses it.
  final Future<void> Function(T item) onSave;
  final List<Widget> children;

  @override
  State<RecordFormScaffold<T>> createState() => _RecordFormScaffoldState<T>();
}

class _RecordFormScaffoldState<T> extends State<RecordFormScaffold<T>> {
  final _formKey = GlobalKey<FormState>();
  bool _saving = false;

  Future<void> _submit() async {
    if (!(_formKey.currentState?.validate() ?? false)) return;
    final item = widget.build();
    setState(() => _saving = true);
    try {
      await widget.onSave(item);
    } catch (error) {
      if (!mounted) return;
      setState(() => _saving = false);
      ScaffoldMessenger.of(context).showSnackBar(
        SnackBar(
          content: Text(${dartText(t.couldNotSave, { error: 'userMessage(error)' })}),
        ),
      );
      return;
    }
    if (mounted) Navigator.of(context).pop(item);
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
            // Disabled while saving: a second tap would save twice.
            onPressed: _saving ? null : _submit,
            icon: _saving
                ? const SizedBox.square(
                    dimension: 18,
                    child: CircularProgressIndicator(strokeWidth: 2),
                  )
                : const Icon(Icons.check),
            label: const Text(${dartString(t.save)}),
          ),
        ),
      ),
    );
  }
}
`;
}

function formDart(t: UiText, money: MoneyFormat): string {
  return `import 'package:flutter/material.dart';

import '../formatters.dart';

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

/// A date chosen with the platform date picker, then its time of day with the
/// time picker when [withTime]; \`null\` only when optional.
class RecordDateField extends StatelessWidget {
  const RecordDateField({
    super.key,
    required this.label,
    required this.value,
    required this.onChanged,
    this.onCleared,
    this.withTime = false,
  });

  final String label;
  final DateTime? value;
  final ValueChanged<DateTime> onChanged;

  /// Empties an optional date (a clear button shows while it is set).
  final VoidCallback? onCleared;

  /// Whether the value is an instant at a time of day (an appointment), not just a day.
  final bool withTime;

  Future<void> _pick(BuildContext context) async {
    final initial = value ?? DateTime.now();
    final day = await showDatePicker(
      context: context,
      initialDate: initial,
      firstDate: DateTime(2000),
      lastDate: DateTime(2100),
    );
    if (day == null) return;
    if (!withTime) {
      onChanged(day);
      return;
    }
    if (!context.mounted) return;
    final time = await showTimePicker(
      context: context,
      initialTime: TimeOfDay.fromDateTime(initial),
    );
    if (time == null) return;
    onChanged(DateTime(day.year, day.month, day.day, time.hour, time.minute));
  }

  @override
  Widget build(BuildContext context) {
    final current = value;
    final shown = current == null
        ? ${dartString(t.notSet)}
        : withTime
            ? formatDateTime(current)
            : formatDate(current);
    return ListTile(
      contentPadding: EdgeInsets.zero,
      leading: Icon(withTime ? Icons.schedule : Icons.event_outlined),
      title: Text(label),
      subtitle: Text(shown),
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
    final whole = value is int ||
        (value == value.truncateToDouble() && value.abs() < 1e15);
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
export function recordsLibraryFiles(
  plan: Pick<AppPlan, 'locale'>,
  posted = false,
  /** The label of the detail's action messaging a record's poster (a chat about listings), if any. */
  messageLabel?: string,
  /** Whether some list holds bookings made with the user too (`record-owner.ts` `showsBookedWithMe`). */
  booked = false,
  /** Whether some list is changed by staff only (`record-owner.ts` `showsStaff`). */
  staff = false,
): GeneratedFile[] {
  const t = uiText(plan);
  const chat = posted && messageLabel !== undefined;
  const mark = posted && booked;
  return [
    { path: `${RECORDS_DIR}/record_controller.dart`, content: controllerDart(t) },
    { path: RECORD_LIST_PATH, content: listScreenDart(t, recordText(plan), posted, chat, mark, staff) },
    {
      path: `${RECORDS_DIR}/record_detail_screen.dart`,
      content: detailScreenDart(t, recordText(plan), posted, chat ? messageLabel : undefined, mark, staff),
    },
    { path: RECORD_FORM_SCAFFOLD_PATH, content: formScaffoldDart(t) },
    recordFormFile(plan),
  ];
}

export const RECORD_TESTS_PATH = 'test/support/record_screen_tests.dart';

/**
 * The standard widget tests of a record screen (list, add through the form,
 * keep the form and its input when saving fails, refuse an incomplete form,
 * delete after confirming, keep the records when a reload fails, retry a
 * failed first load), registered by each entity feature's test with its own
 * samples and valid input.
 */
export function recordScreenTestsDart(t: UiText, r: RecordText): string {
  const couldNotLoad = dartString(t.couldNotLoad.split('{error}')[0]);
  const loadFailed = `Finder loadFailed() => find.textContaining(${couldNotLoad});`;
  // Broken after the arrow past 80 columns, as \`dart format\` does.
  const loadFailedLine = loadFailed.length + 2 <= 80 ? loadFailed : loadFailed.replace('=> ', '=>\n      ');
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

  /// What a failed load says, before the reason.
  ${loadFailedLine}

  testWidgets('$name: lists the saved records', (tester) async {
    await pump(tester, repository(samples));
    for (final title in sampleTitles) {
      expect(find.text(title), findsOneWidget);
    }
  });

  Future<void> tapSave(WidgetTester tester) async {
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();
  }

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
    await tapSave(tester);
  }

  /// The text in the form field with [key].
  String typedIn(WidgetTester tester, Key key) {
    final field = find.descendant(
      of: find.byKey(key),
      matching: find.byType(EditableText),
    );
    return tester.widget<EditableText>(field).controller.text;
  }

  Future<void> deleteFirst(WidgetTester tester) async {
    await tester.tap(find.byTooltip(${dartString(t.delete)}).first);
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

  testWidgets('$name: keeps the form and its input when saving fails',
      (tester) async {
    final repo = repository([]);
    await pump(tester, repo);
    repo.failing = true;
    await addThroughForm(tester);

    // Told why in words, not as an exception; still on the form, input intact.
    expect(
      find.text(${dartString(fill(t.couldNotSave, { error: r.errorOther }))}),
      findsOneWidget,
    );
    for (final entry in validInput.entries) {
      expect(typedIn(tester, entry.key), entry.value);
    }
    expect(await repo.fetchAll(), isEmpty);

    // Saving again once the backend is back needs no retyping.
    repo.failing = false;
    await tapSave(tester);
    expect(find.text(savedTitle), findsOneWidget);
    expect(await repo.fetchAll(), hasLength(1));
  });

  testWidgets('$name: refuses an incomplete form', (tester) async {
    final repo = repository([]);
    await pump(tester, repo);
    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    await tapSave(tester);
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
    expect(
      find.text(${dartString(fill(t.couldNotDelete, { error: r.errorOther }))}),
      findsOneWidget,
    );
    expect(find.text(sampleTitles.first), findsOneWidget);
    expect(await repo.fetchAll(), hasLength(1));
  });

  testWidgets('$name: keeps the records shown when a reload fails',
      (tester) async {
    final repo = repository(samples);
    await pump(tester, repo);
    repo.failingLoads = true;
    // Pull to refresh.
    await tester.fling(
      find.text(sampleTitles.first),
      const Offset(0, 300),
      1000,
    );
    await tester.pumpAndSettle();

    expect(loadFailed(), findsOneWidget);
    for (final title in sampleTitles) {
      expect(find.text(title), findsOneWidget);
    }

    repo.failingLoads = false;
    await tester.tap(find.text(${dartString(t.retry)}));
    await tester.pumpAndSettle();
    expect(loadFailed(), findsNothing);
  });

  testWidgets('$name: offers a retry when the first load fails',
      (tester) async {
    final repo = repository(samples)..failingLoads = true;
    await pump(tester, repo);
    expect(loadFailed(), findsOneWidget);
    expect(find.text(sampleTitles.first), findsNothing);

    repo.failingLoads = false;
    await tester.tap(find.text(${dartString(t.retry)}));
    await tester.pumpAndSettle();
    expect(find.text(sampleTitles.first), findsOneWidget);
  });
}
`;
}
