/**
 * The habit feature's tests: unit tests of the day arithmetic (streak, this
 * week's count) at fixed dates, and widget tests of the screen: the shared
 * record-list checks, then ticking today off, taking it back, and a failing
 * backend putting the tick back with a SnackBar.
 */
import { dartString } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  packageUri,
  sampleEntity,
  sampleTitle,
  sampleValue,
  titleField,
} from '../data/entity-dart';
import type { EntityField } from '../plan/app-plan';
import { fill, uiText } from '../ui-text';
import { recordText } from '../ui-text-records';
import type { FeatureContext } from './archetype';
import { expectFoundOnceDart } from './dart-wrap';
import type { HabitFeature } from './habits.lib-dart';
import { habitText } from './habits.text';
import { sampleKeyword } from './sample-keyword';
import { RECORD_TESTS_PATH } from './records-library';

/** The test's "today": Wednesday, 11 March 2026 (its week runs from Monday the 9th). */
const TODAY = { dart: 'DateTime(2026, 3, 11, 9, 30)', key: '2026-03-11', yesterday: '2026-03-10' };

export function habitDaysTestDart(ctx: FeatureContext, feature: HabitFeature): string {
  const pkg = ctx.plan.packageName;
  const imports = [
    'package:clock/clock.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, feature.daysPath),
  ];
  return `${imports
    .sort()
    .map((uri) => `import '${uri}';`)
    .join('\n')}

void main() {
  // A Wednesday: its week runs from Monday 9 to Sunday 15 March.
  final today = DateTime(2026, 3, 11);

  group('currentStreak', () {
    test('counts the days done in a row up to today', () {
      final days = {'2026-03-09', '2026-03-10', '2026-03-11'};
      expect(currentStreak(days, today), 3);
    });

    test('keeps the streak up to yesterday while today is not done yet', () {
      expect(currentStreak({'2026-03-09', '2026-03-10'}, today), 2);
    });

    test('stops at the first day missed', () {
      final days = {'2026-03-07', '2026-03-08', '2026-03-10', '2026-03-11'};
      expect(currentStreak(days, today), 2);
    });

    test('is zero when neither today nor yesterday is done', () {
      expect(currentStreak({'2026-03-08', '2026-03-09'}, today), 0);
      expect(currentStreak(<String>{}, today), 0);
    });

    test('runs on across the end of a month', () {
      final days = {'2026-02-27', '2026-02-28', '2026-03-01'};
      expect(currentStreak(days, DateTime(2026, 3, 1)), 3);
    });
  });

  group('doneThisWeek', () {
    test('counts the days from Monday to Sunday only', () {
      // Sunday the 8th and Monday the 16th belong to other weeks.
      final days = {
        '2026-03-08',
        '2026-03-09',
        '2026-03-11',
        '2026-03-15',
        '2026-03-16',
      };
      expect(doneThisWeek(days, today), 3);
    });

    test('counts a week that starts in the month before', () {
      final days = {'2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01'};
      expect(doneThisWeek(days, DateTime(2026, 4, 1)), 3);
    });
  });

  test('writes a day with two-digit month and day', () {
    expect(dayKey(DateTime(2026, 3, 9)), '2026-03-09');
  });

  test('takes today from the clock, without the time of day', () {
    withClock(Clock.fixed(DateTime(2026, 3, 11, 23, 59)), () {
      expect(habitToday(), DateTime(2026, 3, 11));
    });
  });
}
`;
}

/** Text for inside a single-quoted Dart string (escaped, without the quotes). */
function inQuotes(text: string): string {
  return dartString(text).slice(1, -1);
}

/** Text a test types into a required field of the form so that it validates. */
function validInput(field: EntityField): string {
  switch (field.type) {
    case 'int':
      return '5';
    case 'decimal':
    case 'money':
      return '12.5';
    case 'email':
      return 'ada@example.com';
    case 'phone':
      return '+1 555 0100';
    case 'url':
      return 'https://example.com/a';
    default:
      return `New ${field.label.toLowerCase()}`;
  }
}

export function habitScreenTestDart(ctx: FeatureContext, feature: HabitFeature): string {
  const t = uiText(ctx.plan);
  const r = recordText(ctx.plan);
  const h = habitText(ctx.plan);
  const pkg = ctx.plan.packageName;
  const { screen } = ctx.feature.classes;
  const { habit, checks, target } = feature;
  const H = habit.className;
  const C = checks.className;
  const title = titleField(habit);
  const item = habit.label.toLowerCase();
  const goal = target ? sampleValue(target, 1) : undefined;
  const streak = (days: number) => fill(days === 1 ? h.streakDay : h.streakDays, { count: days });
  const week = (done: number) => fill(r.labelValue, { label: h.thisWeek, value: goal ? `${done}/${goal}` : `${done}` });
  const line = (days: number, done: number) => [...(days > 0 ? [streak(days)] : []), week(done)].join(' · ');
  const required = habit.fields.filter(
    (field) => field.required && field.type !== 'bool' && field.type !== 'date' && !field.refersTo,
  );
  const input = required
    .map((field) => `      const Key('${field.name}Field'): ${dartString(validInput(field))},`)
    .join('\n');
  // One argument a line, as \`dart format\` breaks the constructor call in the seed list.
  const check = (day: string, indent = '        ') =>
    [
      `const ${C}(`,
      `${indent}  id: 'habit-1_${day}',`,
      `${indent}  ${feature.habitIdField}: 'habit-1',`,
      `${indent}  day: '${day}',`,
      `${indent})`,
    ].join('\n');
  const imports = [
    'package:clock/clock.dart',
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, habit.paths.model),
    packageUri(pkg, checks.paths.model),
    packageUri(pkg, ctx.feature.paths.screen),
  ].sort();
  const support = [FAKE_REPOSITORIES_PATH, RECORD_TESTS_PATH].map(
    (path) => `import '../support/${path.slice('test/support/'.length)}';`,
  );
  // A habit with id `habit-1`, as the check-offs below name it.
  const sample = sampleEntity(habit, 1).replace(/id: '[^']*'/, "id: 'habit-1'");
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}

${support.join('\n')}

void main() {
  ${sampleKeyword(habit)} samples = [
    ${sample},
    ${sampleEntity(habit, 2)},
  ];
  // ${TODAY.key} is a Wednesday; the day before is in the same week.
  final wednesday = ${TODAY.dart};

  Future<void> pumpScreen(
    WidgetTester tester,
    InMemory${C}Repository checks,
  ) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(
          repository: InMemory${H}Repository(seed: samples.take(1).toList()),
          checks: checks,
        ),
      ),
    );
    await tester.pumpAndSettle();
  }

  recordScreenTests<${H}, InMemory${H}Repository>(
    name: ${screen}.title,
    screen: (repository) => ${screen}(
      repository: repository,
      checks: InMemory${C}Repository(),
    ),
    repository: (seed) => InMemory${H}Repository(seed: seed),
    samples: samples,
    sampleTitles: [${dartString(sampleTitle(habit, 1))}, ${dartString(sampleTitle(habit, 2))}],
    validInput: {
${input}
    },
    savedTitle: ${dartString(validInput(title))},
    requiredMessage: ${dartString(fill(t.required, { label: title.label }))},
  );

  testWidgets('ticks today off and counts it in the streak', (tester) async {
    await withClock(Clock.fixed(wednesday), () async {
      final checks = InMemory${C}Repository(seed: [
        ${check(TODAY.yesterday)},
      ]);
      await pumpScreen(tester, checks);
      expect(find.text(${dartString(line(1, 1))}), findsOneWidget);

      await tester.tap(find.byTooltip(${dartString(h.doneToday)}));
      await tester.pumpAndSettle();

      expect(find.text(${dartString(line(2, 2))}), findsOneWidget);
      final days = (await checks.fetchAll()).map((check) => check.day);
      expect(days, containsAll(['${TODAY.yesterday}', '${TODAY.key}']));
    });
  });

  testWidgets('unticks today when it was done', (tester) async {
    await withClock(Clock.fixed(wednesday), () async {
      final checks = InMemory${C}Repository(seed: [
        ${check(TODAY.key)},
      ]);
      await pumpScreen(tester, checks);
      expect(find.text(${dartString(line(1, 1))}), findsOneWidget);

      await tester.tap(find.byTooltip(${dartString(h.doneToday)}));
      await tester.pumpAndSettle();

      expect(find.text(${dartString(line(0, 0))}), findsOneWidget);
      expect(await checks.fetchAll(), isEmpty);
    });
  });

  testWidgets('deletes a ${inQuotes(item)} with its check-offs', (tester) async {
    final checks = InMemory${C}Repository(seed: [
      ${check(TODAY.key, '      ')},
    ]);
    await pumpScreen(tester, checks);

    await tester.tap(find.byTooltip(${dartString(t.delete)}));
    await tester.pumpAndSettle();
    await tester.tap(find.widgetWithText(FilledButton, ${dartString(t.delete)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(sampleTitle(habit, 1))}), findsNothing);
    expect(await checks.fetchAll(), isEmpty);
  });

  testWidgets('puts the tick back when saving fails', (tester) async {
    await withClock(Clock.fixed(wednesday), () async {
      final checks = InMemory${C}Repository(failing: true);
      await pumpScreen(tester, checks);

      await tester.tap(find.byTooltip(${dartString(h.doneToday)}));
      await tester.pumpAndSettle();

      // Told in words (the fake throws a plain Exception: the generic sentence).
${expectFoundOnceDart('      ', `find.text(${dartString(fill(t.couldNotSave, { error: recordText(ctx.plan).errorOther }))})`)}
      expect(find.text(${dartString(line(0, 0))}), findsOneWidget);
      expect(await checks.fetchAll(), isEmpty);
    });
  });
}
`;
}
