/**
 * The Dart of a habit list: the pure day arithmetic (streak, this week's
 * count) in `<id>_days.dart`, and the screen, which is the shared record list
 * with a check button for today and the progress under each habit. Adding,
 * editing and deleting habits stay with the record list and the entity form.
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH, displayText } from '../data/entity-dart';
import type { EntityField, EntityPlan } from '../plan/app-plan';
import { dartText, fill, uiText } from '../ui-text';
import { recordText } from '../ui-text-records';
import { snackBarDart } from './dart-wrap';
import type { FeatureContext } from './archetype';
import { fileNameOf, fromFeatureDir } from './feature-dart.shared';
import { habitText } from './habits.text';
import { RECORD_LIST_PATH } from './records-library';
import { USER_MESSAGE_PATH } from './records-user-message';

/** The habit entity, its check-offs and where the feature's files go. */
export interface HabitFeature {
  habit: EntityPlan;
  checks: EntityPlan;
  /** The check-off's field holding the habit's id (`habitId`). */
  habitIdField: string;
  /** The habit's weekly target (`timesPerWeek`), when it has one. */
  target?: EntityField;
  daysPath: string;
  /** The unit tests of `daysPath`. */
  daysTestPath: string;
  formPath: string;
  formClass: string;
}

/** The record detail screen, next to the record list in `lib/core/records/`. */
const RECORD_DETAIL_PATH = RECORD_LIST_PATH.replace('record_list_screen', 'record_detail_screen');

/** `lib/features/<id>/<id>_days.dart`: pure functions of a habit's done days and today. */
export function habitDaysDart(): string {
  return `import 'package:clock/clock.dart';

/// A habit's done days are local calendar days written \`yyyy-MM-dd\`, as its
/// check-offs store them; these functions turn them into a streak and a count.

/// Today (midnight, local time) by \`clock\`, which tests can fix.
DateTime habitToday() {
  final now = clock.now();
  return DateTime(now.year, now.month, now.day);
}

/// [day] as a check-off stores it, e.g. \`2026-03-09\`.
String dayKey(DateTime day) {
  String two(int n) => n.toString().padLeft(2, '0');
  return '\${day.year}-\${two(day.month)}-\${two(day.day)}';
}

/// The day before [day], by the calendar: a daylight saving change never
/// skips or repeats a day.
DateTime _dayBefore(DateTime day) => DateTime(day.year, day.month, day.day - 1);

/// Days done in a row up to [today]; while today is not done yet, up to
/// yesterday, so the streak does not break before the day is over.
int currentStreak(Set<String> doneDays, DateTime today) {
  var day = doneDays.contains(dayKey(today)) ? today : _dayBefore(today);
  var streak = 0;
  while (doneDays.contains(dayKey(day))) {
    streak++;
    day = _dayBefore(day);
  }
  return streak;
}

/// Days done in the week of [today], Monday to Sunday.
int doneThisWeek(Set<String> doneDays, DateTime today) {
  final monday = today.day - (today.weekday - DateTime.monday);
  return [
    for (var offset = 0; offset < DateTime.daysPerWeek; offset++)
      dayKey(DateTime(today.year, today.month, monday + offset)),
  ].where(doneDays.contains).length;
}
`;
}

function needsFormatters(fields: readonly EntityField[]): boolean {
  return fields.some((field) => ['money', 'decimal', 'date'].includes(field.type));
}

/** One row of the details, broken as `dart format` does when over 80 columns. */
function detailLine(label: string, value: string): string {
  const line = `        RecordDetail(${label}, ${value}),`;
  if (line.length <= 80) return line;
  return `        RecordDetail(\n          ${label},\n          ${value},\n        ),`;
}

/** `(a ?? '')` → `a ?? ''` as a whole argument. */
function argument(expr: string): string {
  return /^\([^()]*\)$/.test(expr) ? expr.slice(1, -1) : expr;
}

/** `head value` at the argument indent, broken after the arrow as `dart format` does past 80 columns. */
function arrowLine(head: string, value: string): string {
  if (6 + head.length + 1 + value.length + 1 <= 80) return `${head} ${value}`;
  return `${head} ${value.replace('=> ', '=>\n          ')}`;
}

/** The streak as the list says it: "🔥 1 day", "🔥 5 days". */
function streakTextDart(ctx: FeatureContext): string {
  const h = habitText(ctx.plan);
  const many = dartText(h.streakDays, { count: 'days' });
  if (h.streakDay.includes('{count}')) return `String _streakText(int days) => ${many};`;
  const body = `days == 1 ? ${dartString(h.streakDay)} : ${many};`;
  const head = 'String _streakText(int days) =>';
  return `${head}${`${head} ${body}`.length <= 80 ? ' ' : '\n    '}${body}`;
}

export function habitScreenDart(ctx: FeatureContext, feature: HabitFeature): string {
  const t = uiText(ctx.plan);
  const r = recordText(ctx.plan);
  const h = habitText(ctx.plan);
  const { screen } = ctx.feature.classes;
  const { habit, checks, target } = feature;
  const H = habit.className;
  const C = checks.className;
  const item = habit.label.toLowerCase();
  const addLabel = fill(t.addItem, { item });
  const thisWeek = (days: string, habitExpr: string) => ({
    done: `doneThisWeek(${days}, today)`,
    ...(target ? { target: `${habitExpr}.${target.name}` } : {}),
  });
  const count = target ? '{done}/{target}' : '{done}';
  const week = dartText(fill(r.labelValue, { label: h.thisWeek, value: count }), thisWeek('days', 'habit'));
  const details = [
    ...habit.fields.map((field) =>
      detailLine(dartString(field.label), argument(displayText(field, `item.${field.name}`, t))),
    ),
    detailLine(dartString(h.streak), '_streakText(currentStreak(_daysOf(item), today))'),
    detailLine(dartString(h.thisWeek), dartText(count, thisWeek('_daysOf(item)', 'item'))),
  ];
  const title = habit.titleField;
  const compare = `(a, b) => a.${title}.toLowerCase().compareTo(b.${title}.toLowerCase())`;
  const imports = [
    fromFeatureDir(RECORD_DETAIL_PATH),
    fromFeatureDir(RECORD_LIST_PATH),
    fromFeatureDir(habit.paths.model),
    fromFeatureDir(checks.paths.model),
    fromFeatureDir(checks.paths.repository),
    fromFeatureDir(habit.paths.repository),
    fromFeatureDir(USER_MESSAGE_PATH),
    ...(needsFormatters(habit.fields) ? [fromFeatureDir(FORMATTERS_PATH)] : []),
  ].sort();
  const local = [fileNameOf(feature.daysPath), fileNameOf(feature.formPath)].sort();
  const revert = dartText(t.couldNotSave, { error: 'userMessage(error)' });
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}
${local.map((uri) => `import '${uri}';`).join('\n')}

/// ${habit.pluralLabel}: tick today off, see each streak and this week's count;
/// add, open, edit and delete like any list.
class ${screen} extends StatefulWidget {
  const ${screen}({
    super.key,
    required this.repository,
    required this.checks,
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${H}Repository repository;

  /// The days each ${item} was done: one check-off per ${item} and day.
  final ${C}Repository checks;

  @override
  State<${screen}> createState() => _${screen}State();
}

class _${screen}State extends State<${screen}> {
  /// Each ${item}'s done days (\`yyyy-MM-dd\`), by its id.
  Map<String, Set<String>> _doneDays = const {};

  /// The ${item} list's repository, deleting a ${item}'s check-offs with it.
  late final ${H}Repository _habits =
      _WithCheckOffs(widget.repository, widget.checks);

  /// Loaded with the ${item} list, so a reload (after a save) refreshes both.
  Future<void> _loadChecks() async {
    final byHabit = <String, Set<String>>{};
    for (final check in await widget.checks.fetchAll()) {
      (byHabit[check.${feature.habitIdField}] ??= {}).add(check.day);
    }
    _doneDays = byHabit;
  }

  Set<String> _daysOf(${H} habit) => _doneDays[habit.id] ?? const {};

  /// Ticks today off for [habit], or takes the tick back. The list shows the
  /// change at once; when the backend refuses it (offline, no permission)
  /// the tick goes back and a SnackBar says why.
  Future<void> _toggleToday(${H} habit) async {
    final today = dayKey(habitToday());
    final before = _daysOf(habit);
    final done = before.contains(today);
    final check = ${C}(
      id: '\${habit.id}_$today',
      ${feature.habitIdField}: habit.id,
      day: today,
    );
    setState(() {
      _doneDays = {
        ..._doneDays,
        habit.id: done ? before.difference({today}) : {...before, today},
      };
    });
    try {
      if (done) {
        await widget.checks.delete(check.id);
      } else {
        await widget.checks.save(check);
      }
    } catch (error) {
      if (!mounted) return;
      setState(() => _doneDays = {..._doneDays, habit.id: before});
      ScaffoldMessenger.of(context).showSnackBar(
${snackBarDart('        ', revert, ',')}
      );
    }
  }

  Widget _checkButton(${H} habit, DateTime today) {
    return IconButton(
      isSelected: _daysOf(habit).contains(dayKey(today)),
      icon: const Icon(Icons.radio_button_unchecked),
      selectedIcon: const Icon(Icons.check_circle),
      tooltip: ${dartString(h.doneToday)},
      onPressed: () => _toggleToday(habit),
    );
  }

  /// "🔥 5 days · This week: 3/5"; no flame before the first day is done.
  String _progress(${H} habit, DateTime today) {
    final days = _daysOf(habit);
    final streak = currentStreak(days, today);
    return [
      if (streak > 0) _streakText(streak),
      ${week},
    ].join(' · ');
  }

  @override
  Widget build(BuildContext context) {
    final today = habitToday();
    return RecordListScreen<${H}>(
      title: ${screen}.title,
      repository: _habits,
      idOf: (item) => item.id,
      titleOf: (item) => item.displayTitle,
      ${arrowLine('compare:', compare)},
      ${arrowLine('formBuilder:', `(context, initial, save) => ${feature.formClass}(initial: initial, onSave: save)`)},
      detailsOf: (item) => [
${details.join('\n')}
      ],
      emptyMessage: ${dartString(fill(t.emptyList, { items: habit.pluralLabel.toLowerCase(), add: addLabel }))},
      addLabel: ${dartString(addLabel)},
      leadingOf: (item, _) => _checkButton(item, today),
      subtitleOf: (item) => _progress(item, today),
      loadFirst: _loadChecks,
    );
  }
}

${streakTextDart(ctx)}

/// [habits] whose delete also deletes the ${item}'s check-offs, so none are
/// left behind pointing at nothing.
class _WithCheckOffs implements ${H}Repository {
  const _WithCheckOffs(this.habits, this.checks);

  final ${H}Repository habits;
  final ${C}Repository checks;

  @override
  Future<List<${H}>> fetchAll() => habits.fetchAll();

  @override
  Future<void> save(${H} item) => habits.save(item);

  /// The check-offs are looked up first: a backend that clears a deleted
  /// ${item}'s id from them (Supabase's \`on delete set null\`) would hide them.
  @override
  Future<void> delete(String id) async {
    final theirs = [
      for (final check in await checks.fetchAll())
        if (check.${feature.habitIdField} == id) check.id,
    ];
    await habits.delete(id);
    await Future.wait(theirs.map(checks.delete));
  }
}
`;
}
