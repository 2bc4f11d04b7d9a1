/**
 * Dart sources of a calendar feature: a ChangeNotifier holding the entity's
 * records and the selected day, a validated dialog creating a record on that
 * day or editing one, and the screen (Flutter's CalendarDatePicker, the day's entries,
 * swipe or tap to delete with undo).
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH, dateField, displayText, isDated, isNumeric, isTextual } from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import type { AppPlan, EntityField, EntityPlan } from '../plan/app-plan';
import { dartText, fill, uiText, type UiText } from '../ui-text';
import { assignmentDart, snackBarDart } from './dart-wrap';
import type { FeatureContext } from './archetype';
import { providerLink, showsBookedWithMe } from '../data/backends/record-owner';
import { recordText } from '../ui-text-records';
import { BOOKED_RECORDS, RECORD_FORM_PATH, RECORD_REPOSITORY_PATH } from './records-library';
import { USER_MESSAGE_PATH } from './records-user-message';
import {
  RECORD_REFERENCE_FIELD_PATH,
  RECORD_TITLES_PATH,
  linkOf,
  loadTitlesExpr,
  pickerDart,
  referenceLinks,
  repositoryArgs,
  repositoryFields,
  repositoryParams,
  targetPaths,
  titleExpr,
  titlesField,
  type ReferenceLink,
} from './reference-dart';
import { dartImports, fileNameOf, fromFeatureDir, SAFE_NOTIFY_DART } from './feature-dart.shared';

export interface CalendarNames {
  entity: EntityPlan;
  /** The date field entries are placed on. */
  date: EntityField;
  /** Set when that field is a required instant (an appointment): rows show and sort by its time, the dialog asks for it. */
  timed: boolean;
  controller: string;
  screen: string;
  dialog: string;
  controllerPath: string;
  dialogPath: string;
  /** Text and number fields the entry dialog asks for, in entity order. */
  formFields: EntityField[];
  /** Yes/no fields: a switch each in the dialog. */
  flags: EntityField[];
  /** What an entry shows under its title. */
  subtitle?: EntityField;
  /** The money an entry shows at its end (a dog walk's price, an expense's amount). */
  amount?: EntityField;
  /** Set when the day's amounts add up to what the day costs: the header shows their sum. */
  dayTotal: boolean;
  /** The reference whose pick names a new entry (a meal is called after its recipe). */
  namedAfter?: ReferenceLink;
  /** The app's UI strings; English also counts entries with the entity's nouns ("2 events"). */
  text: UiText;
  english: boolean;
  /** Fields picked from another list (a dog walk's walker): a dropdown each in the dialog. */
  links: ReferenceLink[];
  /**
   * Set for bookings both parties see (`record-owner.ts` `providerLink`, on
   * Supabase and Firestore): a booking someone else made with the user is
   * marked, with no edit or delete.
   */
  booked: boolean;
  plan: AppPlan;
}

export function calendarNames(ctx: FeatureContext, entity: EntityPlan): CalendarNames {
  const { feature } = ctx;
  const date = dateField(entity);
  if (!date) throw new Error(`calendar feature ${feature.names.id}: entity ${entity.className} has no date field`);
  const dir = feature.paths.dir;
  const id = feature.names.id;
  const links = referenceLinks(ctx.plan, entity);
  const amount = amountField(entity);
  return {
    entity,
    date,
    timed: date.type === 'dateTime' && date.required,
    controller: feature.classes.controller,
    screen: feature.classes.screen,
    dialog: `${feature.classes.prefix}EntryDialog`,
    controllerPath: `${dir}/${id}_controller.dart`,
    dialogPath: `${dir}/${id}_entry_dialog.dart`,
    text: uiText(ctx.plan),
    english: ctx.plan.locale === 'en',
    formFields: entity.fields.filter((field) => (isTextual(field) || isNumeric(field)) && !field.refersTo),
    links,
    booked: showsBookedWithMe(ctx.plan) && providerLink(ctx.plan, entity) !== undefined,
    plan: ctx.plan,
    amount,
    dayTotal: Boolean(amount && date.required && addsUp(amount)),
    namedAfter: namedAfter(entity, links),
    flags: entity.fields.filter((field) => field.type === 'bool'),
    subtitle: entity.fields.find(
      (field) => field.required && field.name !== entity.titleField && isTextual(field) && field.type !== 'longText',
    ),
  };
}

/** The first money field, a required one first (a dog walk's price rather than an optional tip). */
function amountField(entity: EntityPlan): EntityField | undefined {
  const money = entity.fields.filter((field) => field.type === 'money' && !field.refersTo);
  return money.find((field) => field.required) ?? money[0];
}

/**
 * Money names whose sum over a day means nothing: a budget, a limit or a
 * balance is a level, a rate is per hour. Prices and amounts of what happens
 * that day (a walk's price, an expense) add up to what the day costs.
 */
const NOT_SUMMED = /budget|limit|target|goal|balance|rate|per[A-Z]|^per$/;

function addsUp(field: EntityField): boolean {
  return field.required && !NOT_SUMMED.test(field.name);
}

/**
 * The required reference right after a required `title` (Meal: title, recipe):
 * the picked record's title is the natural title of the entry. Only when the
 * reference is what the entry is (a meal of a recipe), never who serves it or
 * whom it is for: a dog walk is not called after its walker, nor a visit
 * after the doctor or the pet.
 */
function namedAfter(entity: EntityPlan, links: readonly ReferenceLink[]): ReferenceLink | undefined {
  const index = entity.fields.findIndex((field) => field.name === 'title');
  const title = entity.fields[index];
  if (!title?.required || !isTextual(title) || entity.titleField !== 'title') return undefined;
  const next = entity.fields[index + 1];
  const link = next && linkOf(links, next);
  return link?.field.required && !isSomeone(link) ? link : undefined;
}

/** Roles of people (and animals) a record can point at, in reference field names (`walkerId`, `doctorId`). */
const SOMEONE =
  /^(walker|doctor|dentist|vet|trainer|coach|teacher|tutor|instructor|therapist|nurse|stylist|barber|groomer|sitter|staff|employee|worker|member|player|patient|client|customer|guest|student|owner|driver|guide|host|provider|specialist|professional|person|contact|user|pet|dog|cat|animal|child|kid)/i;

/** Whether a reference points at someone: a role in its name, or a target with a phone, an email or a birthday. */
function isSomeone(link: ReferenceLink): boolean {
  if (SOMEONE.test(link.field.name)) return true;
  return link.target.fields.some(
    (field) =>
      field.type === 'email' || field.type === 'phone' || /^(birthday|dateOfBirth|birthDate)$/.test(field.name),
  );
}

/** The dialog's key of a field's input (tests enter text through it). */
export function fieldKey(field: EntityField): string {
  return `field-${field.name}`;
}

/** Dart condition: `item`'s date is on `day` (false when an optional date is unset). */
function onDayCheck(date: EntityField): string {
  const nullCheck = date.required ? '' : '\n    if (date == null) return false;';
  return `    final date = item.${date.name};${nullCheck}
    return date.year == day.year && date.month == day.month && date.day == day.day;`;
}

function inMonthCheck(date: EntityField): string {
  const nullCheck = date.required ? '' : '\n    if (date == null) return false;';
  return `    final date = item.${date.name};${nullCheck}
    return date.year == month.year && date.month == month.month;`;
}

export function controllerDart(n: CalendarNames): string {
  const { controller, entity, date } = n;
  const E = entity.className;
  const plural = entity.pluralLabel.toLowerCase();
  return `${dartImports([
    'package:flutter/foundation.dart',
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
  ])}

/// The ${plural} and the selected day; saves and deletes go through the repository.
class ${controller} extends ChangeNotifier {
  ${controller}({required ${E}Repository repository, required DateTime initialDay${n.links.length ? ', this.loadFirst' : ''}})
      : _repository = repository,
        _selectedDay = _dayOf(initialDay),
        _displayedMonth = DateTime(initialDay.year, initialDay.month);

  final ${E}Repository _repository;${n.links.length ? '\n\n  /// Loads the titles of the records entries refer to, before the entries.\n  final Future<void> Function()? loadFirst;' : ''}

  List<${E}> _items = const [];
  DateTime _selectedDay;
  DateTime _displayedMonth;
  bool _isLoading = false;
  String? _error;
  bool _disposed = false;

  DateTime get selectedDay => _selectedDay;
  DateTime get displayedMonth => _displayedMonth;
  bool get isLoading => _isLoading;
  String? get error => _error;

  /// The ${plural} on the selected day, ${n.timed ? 'earliest first' : 'by title'}.
  List<${E}> get selectedEntries => [
        for (final item in _items)
          if (_isOn(item, _selectedDay)) item,
      ]..sort(${
        n.timed
          ? `(a, b) => a.${date.name}.compareTo(b.${date.name})`
          : '(a, b) => a.displayTitle.toLowerCase().compareTo(b.displayTitle.toLowerCase())'
      });

${n.dayTotal && n.amount ? dayTotalGetter(n.amount) : ''}  /// How many ${plural} fall in the month the calendar shows.
  int get entriesInDisplayedMonth =>
      _items.where((item) => _isIn(item, _displayedMonth)).length;

  void selectDay(DateTime day) {
    _selectedDay = _dayOf(day);
    _displayedMonth = DateTime(day.year, day.month);
    _notify();
  }

  void showMonth(DateTime month) {
    _displayedMonth = DateTime(month.year, month.month);
    _notify();
  }

  Future<void> load() async {
    _isLoading = true;
    _error = null;
    _notify();
    try {
      ${n.links.length ? 'await loadFirst?.call();\n      ' : ''}_items = await _repository.fetchAll();
    } catch (error) {
${assignmentDart('      ', '_error', dartText(n.text.couldNotLoad, { error: 'userMessage(error)' }))}
    } finally {
      _isLoading = false;
      _notify();
    }
  }

  /// Saves [item] (new, edited, or back after an undo) and shows it.
  Future<void> add(${E} item) async {
    await _repository.save(item);${
      n.links.length
        ? `
    // The entry may name a record added meanwhile (the dialog opens that list).
    try {
      await loadFirst?.call();
    } catch (_) {
      // The titles known so far stay; the entry is saved either way.
    }`
        : ''
    }
    _items = [
      for (final existing in _items)
        if (existing.id != item.id) existing,
      item,
    ];
    _notify();
  }

  /// Removes [item] at once (a dismissed row must leave the list) and puts it
  /// back when the repository fails.
  Future<void> remove(${E} item) async {
    _items = [
      for (final existing in _items)
        if (existing.id != item.id) existing,
    ];
    _notify();
    try {
      await _repository.delete(item.id);
    } catch (_) {
      _items = [..._items, item];
      _notify();
      rethrow;
    }
  }

  static DateTime _dayOf(DateTime value) =>
      DateTime(value.year, value.month, value.day);

  static bool _isOn(${E} item, DateTime day) {
${onDayCheck(date)}
  }

  static bool _isIn(${E} item, DateTime month) {
${inMonthCheck(date)}
  }

${SAFE_NOTIFY_DART}
`;
}

/** The controller's sum of the selected day's amounts (what the day costs). */
function dayTotalGetter(amount: EntityField): string {
  return `  /// What the selected day's entries cost together.
  double get selectedTotal =>
      selectedEntries.fold(0, (sum, item) => sum + item.${amount.name});

`;
}

function keyboard(field: EntityField): string | undefined {
  switch (field.type) {
    case 'email':
      return 'TextInputType.emailAddress';
    case 'phone':
      return 'TextInputType.phone';
    case 'url':
      return 'TextInputType.url';
    case 'int':
      return 'TextInputType.number';
    case 'decimal':
    case 'money':
      return 'const TextInputType.numberWithOptions(decimal: true)';
    default:
      return undefined;
  }
}

/** The record screens' input kind of a number field: same validation and the language's decimal mark. */
const NUMBER_INPUT: Partial<Record<EntityField['type'], string>> = {
  int: 'RecordInput.whole',
  decimal: 'RecordInput.decimal',
  money: 'RecordInput.money',
};

function validator(field: EntityField, t: UiText): string | undefined {
  const required = dartString(fill(t.required, { label: field.label }));
  const number = NUMBER_INPUT[field.type];
  if (number) {
    return `RecordValidators.forInput(
                  ${number},
                  label: ${dartString(field.label)},
                  required: ${field.required},
                )`;
  }
  if (!field.required) return undefined;
  if (field.type === 'email') {
    return `(value) {
                  final text = (value ?? '').trim();
                  if (text.isEmpty) return ${required};
                  return text.contains('@') ? null : ${dartString(t.enterValidEmail)};
                }`;
  }
  return `(value) => (value ?? '').trim().isEmpty ? ${required} : null`;
}

function formField(field: EntityField, last: boolean, t: UiText, controlled: boolean): string {
  const props = [
    `key: const ValueKey(${dartString(fieldKey(field))})`,
    `decoration: const InputDecoration(labelText: ${dartString(field.required ? field.label : fill(t.optional, { label: field.label }))})`,
  ];
  if (controlled) props.push(`controller: ${TITLE_CONTROLLER}`);
  else {
    props.push(
      isNumeric(field)
        ? `initialValue: RecordValidators.editable(widget.entry?.${field.name})`
        : `initialValue: widget.entry?.${field.name}`,
    );
  }
  const type = keyboard(field);
  if (type) props.push(`keyboardType: ${type}`);
  if (field.type === 'longText') {
    props.push('minLines: 1', 'maxLines: 4');
  } else {
    props.push(`textInputAction: TextInputAction.${last ? 'done' : 'next'}`);
  }
  const check = validator(field, t);
  if (check) props.push(`validator: ${check}`);
  props.push(`onSaved: (value) => _values[${dartString(field.name)}] = value ?? ''`);
  return `              TextFormField(
${props.map((prop) => `                ${prop},`).join('\n')}
              ),`;
}

/** The title's controller when a pick fills it in. */
const TITLE_CONTROLLER = '_title';

/**
 * The dialog's state filling the title in from a pick: the picked record's
 * title replaces an empty title or the one the previous pick put there, and a
 * title the user typed stays.
 */
function namedAfterDart(link: ReferenceLink, item: string): string {
  const target = link.target.label.toLowerCase();
  const handler = pickHandler(link);
  return `

  /// The ${item}'s title, filled in from the picked ${target} until the user types their own.
  late final TextEditingController ${TITLE_CONTROLLER} =
      TextEditingController(text: widget.entry?.title);

  /// The title the last pick filled in.
  String? _pickedTitle;

  @override
  void dispose() {
    ${TITLE_CONTROLLER}.dispose();
    super.dispose();
  }

  /// Looks the picked ${target} up in its list (the picker hands over its id only).
  Future<void> ${handler}(String? id) async {
    final ${link.param} = await widget.${link.param}.fetchAll();
    if (!mounted) return;
    String? titleOf(String? recordId) =>
        ${link.param}.where((record) => record.id == recordId).firstOrNull?.displayTitle;
    final previous = _pickedTitle ?? titleOf(widget.entry?.${link.field.name});
    final typed = ${TITLE_CONTROLLER}.text.trim();
    final picked = titleOf(id);
    if (picked != null && (typed.isEmpty || typed == previous)) ${TITLE_CONTROLLER}.text = picked;
    _pickedTitle = picked;
  }`;
}

/** The dialog's handler of a pick that names the entry: `_recipePicked`. */
function pickHandler(link: ReferenceLink): string {
  return `_${link.target.className.charAt(0).toLowerCase()}${link.target.className.slice(1)}Picked`;
}

/** Required days other than the one the entry sits on: a hotel stay's check-out. */
function otherDays(entity: EntityPlan, date: EntityField): EntityField[] {
  return entity.fields.filter((field) => field !== date && field.type === 'date' && field.required);
}

/** Such a day's state while the dialog is open: `_<name>Value`, [day] when new. */
function dayState(field: EntityField): string {
  return `_${field.name}Value`;
}

/** The day's state and its picker (`_pick<Name>`). */
function dayStateDart(field: EntityField): string {
  const pick = `_pick${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`;
  return `

  late DateTime ${dayState(field)} = widget.entry?.${field.name} ?? widget.day;

  Future<void> ${pick}() async {
    final picked = await showDatePicker(
      context: context,
      initialDate: ${dayState(field)},
      firstDate: DateTime(2000),
      lastDate: DateTime(2100, 12, 31),
    );
    if (picked != null && mounted) setState(() => ${dayState(field)} = picked);
  }`;
}

/** The row that shows such a day ("Check out: 3 May 2026") and picks another. */
function dayTile(field: EntityField): string {
  const pick = `_pick${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`;
  return `              ListTile(
                key: const ValueKey(${dartString(fieldKey(field))}),
                contentPadding: EdgeInsets.zero,
                leading: const Icon(Icons.event_outlined),
                title: Text(${dartText(`${field.label}: {date}`, { date: `formatDate(${dayState(field)})` })}),
                trailing: const Icon(Icons.edit_calendar_outlined),
                onTap: ${pick},
              ),`;
}

/** A yes/no field's switch: `_<name>Value` holds it while the dialog is open. */
function flagState(field: EntityField): string {
  return `_${field.name}Value`;
}

function flagTile(field: EntityField): string {
  return `              SwitchListTile(
                key: const ValueKey(${dartString(fieldKey(field))}),
                contentPadding: EdgeInsets.zero,
                title: const Text(${dartString(field.label)}),
                value: ${flagState(field)},
                onChanged: (value) => setState(() => ${flagState(field)} = value),
              ),`;
}

/**
 * The constructor argument of each field: what the form holds, the day for
 * the date the entry sits on, and, for fields the dialog does not show, what
 * the edited entry had.
 */
function entryArgument(field: EntityField, date: EntityField): string | undefined {
  const key = dartString(field.name);
  const kept = `widget.entry?.${field.name}`;
  if (field === date) return '_day';
  if (isDated(field) && field.required) return `${kept} ?? widget.day`;
  if (field.type === 'bool') return flagState(field);
  if (isTextual(field)) return field.required ? `_text(${key})` : `_optionalText(${key})`;
  if (field.type === 'int') return field.required ? `int.parse(_text(${key}))` : `int.tryParse(_text(${key}))`;
  if (field.type === 'decimal' || field.type === 'money') {
    return `RecordValidators.parseDecimal(_text(${key}))${field.required ? '!' : ''}`;
  }
  return field.required ? undefined : kept;
}

/**
 * The dialog's instant of a timed entry: the day and its time of day. A new
 * one starts at 9:00 on [day]; picking another day keeps the time, and the
 * time picker changes the time only.
 */
function timedDayField(n: CalendarNames): string {
  return `

  /// The ${n.entity.label.toLowerCase()}'s day and time: 9:00 on [day] when new; an edited one may move.
  late DateTime _day = widget.entry?.${n.date.name} ??
      DateTime(widget.day.year, widget.day.month, widget.day.day, 9);

  Future<void> _pickDay() async {
    final picked = await showDatePicker(
      context: context,
      initialDate: _day,
      firstDate: DateTime(2000),
      lastDate: DateTime(2100, 12, 31),
    );
    if (picked == null || !mounted) return;
    setState(() => _day = _at(picked, TimeOfDay.fromDateTime(_day)));
  }

  Future<void> _pickTime() async {
    final picked = await showTimePicker(
      context: context,
      initialTime: TimeOfDay.fromDateTime(_day),
    );
    if (picked == null || !mounted) return;
    setState(() => _day = _at(_day, picked));
  }

  /// [day] at [time].
  static DateTime _at(DateTime day, TimeOfDay time) =>
      DateTime(day.year, day.month, day.day, time.hour, time.minute);`;
}

/** The dialog's row under the day: the entry's time, opening the time picker. */
function timeTile(n: CalendarNames): string {
  return `
              ListTile(
                key: const ValueKey(${dartString(timeKey(n.date))}),
                contentPadding: EdgeInsets.zero,
                leading: const Icon(Icons.schedule),
                title: Text(formatTime(_day)),
                trailing: const Icon(Icons.edit_outlined),
                onTap: _pickTime,
              ),`;
}

/** The dialog's key of a timed entry's time row. */
export function timeKey(field: EntityField): string {
  return `time-${field.name}`;
}

export function dialogDart(n: CalendarNames): string {
  const { dialog, entity, date, formFields, flags } = n;
  const E = entity.className;
  const state = `_${dialog}State`;
  // Other required days (a hotel stay's check-out): a picker row each, under the fields before them.
  const days = otherDays(entity, date);
  const args = entity.fields
    .map((field) => [field, days.includes(field) ? dayState(field) : entryArgument(field, date)] as const)
    .filter((pair): pair is readonly [EntityField, string] => pair[1] !== undefined)
    .map(([field, value]) => `        ${field.name}: ${value},`);
  const usesOptional = [...formFields, ...n.links.map((link) => link.field)].some(
    (field) => !field.required && isTextual(field),
  );
  const optionalHelper = usesOptional
    ? `

  String? _optionalText(String name) {
    final text = _text(name);
    return text.isEmpty ? null : text;
  }`
    : '';
  const named = n.namedAfter;
  const lastTyped = formFields[formFields.length - 1];
  // In the record's order (a meal's recipe right under its title); the day is the row on top.
  const fields = entity.fields
    .map((field) => {
      const link = linkOf(n.links, field);
      if (link) {
        const handlers = [`onSaved: (value) => _values[${dartString(link.field.name)}] = value ?? ''`];
        if (link === named) handlers.unshift(`onChanged: ${pickHandler(link)}`);
        return pickerDart(n.plan, link, {
          key: fieldKey(link.field),
          value: `widget.entry?.${link.field.name}`,
          source: 'widget.',
          handlers,
          indent: '              ',
        });
      }
      if (flags.includes(field)) return flagTile(field);
      if (days.includes(field)) return dayTile(field);
      if (formFields.includes(field)) {
        return formField(field, field === lastTyped, n.text, Boolean(named) && field.name === 'title');
      }
      return undefined;
    })
    .filter((widget): widget is string => widget !== undefined)
    .join('\n');
  const flagFields =
    flags.map((field) => `\n  late bool ${flagState(field)} = widget.entry?.${field.name} ?? false;`).join('') +
    days.map(dayStateDart).join('');
  const dayField = n.timed
    ? timedDayField(n)
    : `

  /// The ${entity.label.toLowerCase()}'s day: [day] when new; an edited one may move.
  late DateTime _day = widget.entry?.${date.name} ?? widget.day;

  Future<void> _pickDay() async {
    final picked = await showDatePicker(
      context: context,
      initialDate: _day,
      firstDate: DateTime(2000),
      lastDate: DateTime(2100, 12, 31),
    );
    if (picked != null && mounted) setState(() => _day = picked);
  }`;
  const item = entity.label.toLowerCase();
  const body = `/// Asks for a new ${item} on [day], or edits [entry]; pops the result, or null when cancelled.
class ${dialog} extends StatefulWidget {
  const ${dialog}({${['super.key', 'required this.day', 'this.entry', ...repositoryParams(n.links)].join(', ')}});

  final DateTime day;

  /// The ${item} to edit; null adds a new one.
  final ${E}? entry;${n.links.length ? `\n\n  /// The lists its references are picked from.\n${repositoryFields(n.links)}` : ''}

  @override
  State<${dialog}> createState() => ${state}();
}

class ${state} extends State<${dialog}> {
  final GlobalKey<FormState> _formKey = GlobalKey<FormState>();
  final Map<String, String> _values = {};${flagFields}${dayField}${named ? namedAfterDart(named, item) : ''}

  String _text(String name) => (_values[name] ?? '').trim();${optionalHelper}

  void _submit() {
    final form = _formKey.currentState;
    if (form == null || !form.validate()) return;
    form.save();
    Navigator.of(context).pop(
      ${E}(
        id: widget.entry?.id ?? newId(),
${args.join('\n')}
      ),
    );
  }

  @override
  Widget build(BuildContext context) {
    return AlertDialog(
      title: Text(
        widget.entry == null
            ? ${dartString(fill(n.text.newItem, { item }))}
            : ${dartString(fill(n.text.editItem, { item }))},
      ),
      content: Form(
        key: _formKey,
        child: SingleChildScrollView(
          child: Column(
            mainAxisSize: MainAxisSize.min,
            crossAxisAlignment: CrossAxisAlignment.stretch,
            children: [
              ListTile(
                key: const ValueKey(${dartString(fieldKey(date))}),
                contentPadding: EdgeInsets.zero,
                leading: const Icon(Icons.event_outlined),
                title: Text(${dartText(days.length ? `${date.label}: {date}` : n.text.onDay, { date: 'formatDate(_day)' })}),
                trailing: const Icon(Icons.edit_calendar_outlined),
                onTap: _pickDay,
              ),${n.timed ? timeTile(n) : ''}
${fields}
            ],
          ),
        ),
      ),
      actions: [
        TextButton(
          onPressed: () => Navigator.of(context).pop(),
          child: const Text(${dartString(n.text.cancel)}),
        ),
        FilledButton(onPressed: _submit, child: const Text(${dartString(n.text.save)})),
      ],
    );
  }
}
`;
  return `${dartImports([
    'package:flutter/material.dart',
    fromFeatureDir(FORMATTERS_PATH),
    fromFeatureDir(IDS_PATH),
    fromFeatureDir(entity.paths.model),
    ...(formFields.some(isNumeric) ? [fromFeatureDir(RECORD_FORM_PATH)] : []),
    ...(n.links.length ? [fromFeatureDir(RECORD_REFERENCE_FIELD_PATH)] : []),
    ...targetPaths(n.links).map(fromFeatureDir),
  ])}

${body}`;
}

/** What the day's list says when it is empty (the test looks for it too). */
export function nothingOnDay(n: Pick<CalendarNames, 'entity' | 'text'>): string {
  return fill(n.text.nothingOnDay, { items: n.entity.pluralLabel.toLowerCase() });
}

/** The add button's tooltip (the test taps it). */
export function addTooltip(n: Pick<CalendarNames, 'entity' | 'text'>): string {
  return fill(n.text.addItem, { item: n.entity.label.toLowerCase() });
}

/** A row's end: the entry's amount in the app's currency when it has one, then the delete button. */
function rowTrailing(n: CalendarNames): string {
  const button = `IconButton(
                      tooltip: ${dartString(n.text.delete)},
                      icon: const Icon(Icons.delete_outline),
                      onPressed: () => _remove(entry),
                    )`;
  if (!n.amount) return `                    trailing: ${button},`;
  const amount = displayText(n.amount, `entry.${n.amount.name}`, n.text);
  return `                    trailing: Row(
                      mainAxisSize: MainAxisSize.min,
                      children: [
                        Text(${amount}),
                        ${button.replace(/\n/g, '\n    ')},
                      ],
                    ),`;
}

/** A row's start: the entry's time when entries are timed, else an event icon. */
function rowLeading(n: CalendarNames): string {
  return n.timed ? `Text(formatTime(entry.${n.date.name}))` : 'const Icon(Icons.event)';
}

/**
 * The row of one entry of the selected day: swipe or the button deletes it,
 * a tap edits it. With `booked`, a booking someone else made with the user
 * is a plain row saying so instead, since only its booker changes it.
 */
function entryRow(n: CalendarNames, subtitleLine: string): string {
  const editable = `                Dismissible(
                  key: ValueKey(entry.id),
                  direction: DismissDirection.endToStart,
                  background: Container(
                    color: theme.colorScheme.errorContainer,
                    alignment: Alignment.centerRight,
                    padding: const EdgeInsets.symmetric(horizontal: 24),
                    child: Icon(
                      Icons.delete_outline,
                      color: theme.colorScheme.onErrorContainer,
                    ),
                  ),
                  onDismissed: (_) => _remove(entry),
                  child: ListTile(
                    leading: ${rowLeading(n)},
                    title: Text(entry.displayTitle),${subtitleLine}
                    onTap: () => _open(entry),
${rowTrailing(n)}
                  ),
                ),`;
  if (!n.booked) return editable;
  const amount = n.amount
    ? `\n                    trailing: Text(${displayText(n.amount, `entry.${n.amount.name}`, n.text)}),`
    : '';
  return `                if (_bookedWithMe(entry))
                  ListTile(
                    leading: ${rowLeading(n)},
                    title: Text(entry.displayTitle),
                    subtitle: const Text(${dartString(recordText(n.plan).bookedWithYou)}),${amount}
                  )
                else
${editable.replace(/^ {16}/gm, '                  ')}`;
}

/** The screen's `_bookedWithMe`, with `booked` (`CalendarNames`). */
function bookedWithMeDart(E: string): string {
  return `  /// Whether someone else booked [entry] with the signed-in user
  /// ([${BOOKED_RECORDS}]): it is shown marked, without edit or delete, which
  /// only its booker may do.
  bool _bookedWithMe(${E} entry) => switch (widget.repository) {
        final ${BOOKED_RECORDS} booked => !booked.isMine(entry.id),
        _ => false,
      };

`;
}

/** The day header's end: what the day's entries cost together, once there are any. */
function headerTotal(n: CalendarNames): string {
  return `
                trailing: entries.isEmpty
                    ? null
                    : Text(
                        ${dartText(n.text.dayTotal, { amount: 'formatMoney(_controller.selectedTotal)' })},
                        style: theme.textTheme.titleSmall,
                      ),`;
}

/** The undo handler's signature, its parameters a line each (as `dart format` has it) past 80 columns. */
function restoreSignature(E: string): string {
  const line = `Future<void> _restore(${E} entry, ScaffoldMessengerState messenger) async`;
  if (line.length + 4 <= 80) return line;
  return `Future<void> _restore(\n    ${E} entry,\n    ScaffoldMessengerState messenger,\n  ) async`;
}

export function screenDart(ctx: FeatureContext, n: CalendarNames): string {
  const { feature } = ctx;
  const { screen, controller, dialog, entity, subtitle } = n;
  const E = entity.className;
  const state = `_${screen}State`;
  const singular = entity.label.toLowerCase();
  const plural = entity.pluralLabel.toLowerCase();
  const subtitleLink = subtitle && linkOf(n.links, subtitle);
  const subtitleText = subtitleLink
    ? titleExpr(subtitleLink, `entry.${subtitleLink.field.name}`)
    : subtitle && displayText(subtitle, `entry.${subtitle.name}`, n.text);
  // An entry named after its pick ("Pancakes" planned from the Pancakes recipe) says the name once.
  const subtitleLine = !subtitleText
    ? ''
    : subtitleLink && subtitleLink === n.namedAfter
      ? `
                    subtitle: switch (${subtitleText}) {
                      final picked when picked != entry.title => Text(picked),
                      _ => null,
                    },`
      : `\n                    subtitle: Text(${subtitleText}),`;
  const nouns = n.english
    ? `const String _singular = ${dartString(singular)};
const String _plural = ${dartString(plural)};

`
    : '';
  const counter = n.english
    ? `  static String _count(int count) =>
      count == 1 ? '1 $_singular' : '$count $_plural';

`
    : '';
  const counts = n.english
    ? `'\${_count(entries.length)} on this day, '
                  '\${_count(_controller.entriesInDisplayedMonth)} this month'`
    : dartText(n.text.calendarCounts, { day: 'entries.length', month: '_controller.entriesInDisplayedMonth' });
  const body = `${nouns}class ${screen} extends StatefulWidget {
  const ${screen}({${['super.key', 'required this.repository', ...repositoryParams(n.links), 'this.initialDay'].join(', ')}});

  static const String title = ${dartString(feature.names.label)};
  static const String routeName = '${feature.route}';

  final ${E}Repository repository;

  /// The day selected first; today when null (tests pin it).
  final DateTime? initialDay;${n.links.length ? `\n\n  /// The lists its ${plural} refer to.\n${repositoryFields(n.links)}` : ''}

  @override
  State<${screen}> createState() => ${state}();
}

class ${state} extends State<${screen}> {
  static final DateTime _firstDay = DateTime(2000);
  static final DateTime _lastDay = DateTime(2100, 12, 31);

${n.links.map((link) => `${titlesField(link, 'widget.')}\n\n`).join('')}  late final ${controller} _controller;

  @override
  void initState() {
    super.initState();
    _controller = ${controller}(
      repository: widget.repository,
      initialDay: widget.initialDay ?? DateTime.now(),${n.links.length ? `\n      loadFirst: ${loadTitlesExpr(n.links)},` : ''}
    );
    _controller.load();
  }

  @override
  void dispose() {
    _controller.dispose();
    super.dispose();
  }

${counter}${n.booked ? bookedWithMeDart(E) : ''}  /// Adds an entry on the selected day, or edits [entry].
  Future<void> _open([${E}? entry]) async {
    final result = await showDialog<${E}>(
      context: context,
      builder: (context) => ${dialog}(${['day: _controller.selectedDay', 'entry: entry', ...repositoryArgs(n.links, 'widget.')].join(', ')}),
    );
    if (result == null || !mounted) return;
    try {
      await _controller.add(result);
    } catch (error) {
      if (!mounted) return;
      ScaffoldMessenger.of(context).showSnackBar(
${snackBarDart('        ', dartText(n.text.couldNotSave, { error: 'userMessage(error)' }), ',')}
      );
    }
  }

  Future<void> _remove(${E} entry) async {
    final messenger = ScaffoldMessenger.of(context);
    try {
      await _controller.remove(entry);
      messenger.showSnackBar(
        SnackBar(
          content: Text(${dartText(n.text.deleted, { title: 'entry.displayTitle' })}),
          action: SnackBarAction(
            label: ${dartString(n.text.undo)},
            onPressed: () => _restore(entry, messenger),
          ),
        ),
      );
    } catch (error) {
      messenger.showSnackBar(
${snackBarDart('        ', dartText(n.text.couldNotDelete, { error: 'userMessage(error)' }), ',')}
      );
    }
  }

  /// Undo of a delete. The SnackBar can outlive this screen, so a failure is
  /// told through the messenger it was shown on, never through this
  /// screen's context; the controller stops notifying once disposed.
  ${restoreSignature(E)} {
    try {
      await _controller.add(entry);
    } catch (error) {
      messenger.showSnackBar(
${snackBarDart('        ', dartText(n.text.couldNotSave, { error: 'userMessage(error)' }), ',')}
      );
    }
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${screen}.title)),
      floatingActionButton: FloatingActionButton(
        tooltip: ${dartString(addTooltip(n))},
        onPressed: _open,
        child: const Icon(Icons.add),
      ),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) {
          final theme = Theme.of(context);
          final entries = _controller.selectedEntries;
          final error = _controller.error;
          return ListView(
            padding: const EdgeInsets.only(bottom: 88),
            children: [
              CalendarDatePicker(
                initialDate: _controller.selectedDay,
                firstDate: _firstDay,
                lastDate: _lastDay,
                onDateChanged: _controller.selectDay,
                onDisplayedMonthChanged: _controller.showMonth,
              ),
              const Divider(height: 1),
              ListTile(
                title: Text(
                  formatDate(_controller.selectedDay),
                  style: theme.textTheme.titleMedium,
                ),
                subtitle: Text(
                  ${counts},
                ),${n.dayTotal ? headerTotal(n) : ''}
              ),
              if (_controller.isLoading) const LinearProgressIndicator(),
              if (error != null)
                ListTile(
                  leading: const Icon(Icons.error_outline),
                  title: Text(error),
                  trailing: TextButton(
                    onPressed: _controller.load,
                    child: const Text(${dartString(n.text.retry)}),
                  ),
                ),
              if (entries.isEmpty && !_controller.isLoading)
                const Padding(
                  padding: EdgeInsets.all(24),
                  child: Text(
                    ${dartString(nothingOnDay(n))},
                    textAlign: TextAlign.center,
                  ),
                ),
              for (final entry in entries)
${entryRow(n, subtitleLine)}
            ],
          );
        },
      ),
    );
  }
}
`;
  const uris = [
    'package:flutter/material.dart',
    fromFeatureDir(FORMATTERS_PATH),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(entity.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
    ...(n.booked ? [fromFeatureDir(RECORD_REPOSITORY_PATH)] : []),
    fileNameOf(n.controllerPath),
    fileNameOf(n.dialogPath),
    ...(n.links.length ? [fromFeatureDir(RECORD_TITLES_PATH)] : []),
    ...targetPaths(n.links).map(fromFeatureDir),
  ];
  return `${dartImports(uris)}\n\n${body}`;
}
