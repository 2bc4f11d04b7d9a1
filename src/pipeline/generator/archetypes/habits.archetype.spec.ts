import { generatedProject as project, projectFile as file } from './testing/archetype-spec-helpers';
import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { planApp } from '../plan/plan-app';
import { simpleSpec } from '../testing/fixtures';
import { unresolvedImports } from '../testing/project-checks';

const HABIT_HERO = simpleSpec({
  name: 'Habit Hero',
  description: 'Build daily habits and keep your streak',
  features: ['habits', 'statistics', 'reminders', 'profile'],
  backend: 'firebase',
});
const VIETNAMESE = simpleSpec({
  name: 'Thói quen',
  description: 'Theo dõi thói quen hàng ngày',
  features: ['thói quen', 'thống kê', 'nhắc nhở'],
  backend: 'none',
});

const fieldsOf = (spec: AppSpec, className: string) =>
  planApp(spec)
    .entities.find((entity) => entity.className === className)
    ?.fields.map((field) => `${field.name}:${field.type}${field.refersTo ? `→${field.refersTo}` : ''}`);

describe('habits: the plan', () => {
  it('keeps a habit’s done days as check-off records instead of a typed streak', () => {
    expect(fieldsOf(HABIT_HERO, 'Habit')).toEqual(['name:text', 'timesPerWeek:int']);
    expect(fieldsOf(HABIT_HERO, 'HabitCheck')).toEqual(['habitId:text→Habit', 'day:text']);
    expect(fieldsOf(VIETNAMESE, 'HabitCheck')).toEqual(['habitId:text→Habit', 'day:text']);
  });

  it('gives the check-offs no screen of their own, and apps without habits no check-offs', () => {
    const plan = planApp(HABIT_HERO);
    expect(plan.features.filter((feature) => feature.entity === 'HabitCheck')).toEqual([]);
    expect(plan.features.find((feature) => feature.names.id === 'habits')?.archetype).toBe('entity');
    const todo = planApp(simpleSpec({ features: ['Todo list', 'Expenses'] }));
    expect(todo.entities.map((entity) => entity.className)).not.toContain('HabitCheck');
  });
});

describe('habits: the screen', () => {
  const files = project(HABIT_HERO);
  const screen = file(files, 'lib/features/habits/habits_screen.dart');

  it('ticks today off with an optimistic check button that goes back when saving fails', () => {
    expect(screen).toContain('selectedIcon: const Icon(Icons.check_circle),');
    expect(screen).toContain("tooltip: 'Done today',");
    expect(screen).toContain('await widget.checks.save(check);');
    expect(screen).toContain('await widget.checks.delete(check.id);');
    expect(screen).toContain("id: '${habit.id}_$today',");
    expect(screen).toContain('setState(() => _doneDays = {..._doneDays, habit.id: before});');
    expect(screen).toContain("SnackBar(content: Text('Could not save: ${userMessage(error)}'))");
  });

  it('shows the computed streak and this week’s count against the weekly target', () => {
    expect(screen).toContain("'This week: ${doneThisWeek(days, today)}/${habit.timesPerWeek}',");
    expect(screen).toContain("days == 1 ? '🔥 1 day' : '🔥 $days days'");
    expect(screen).toContain('if (streak > 0) _streakText(streak),');
    expect(screen).not.toContain('doneToday');
  });

  it('keeps the record list and the entity form for add, edit and delete', () => {
    expect(screen).toContain('return RecordListScreen<Habit>(');
    expect(screen).toContain(
      'formBuilder: (context, initial, save) =>\n          HabitsFormScreen(initial: initial, onSave: save),',
    );
    const form = file(files, 'lib/features/habits/habits_form_screen.dart');
    expect(form).toContain("const Key('timesPerWeekField')");
    expect(form).not.toContain('streak');
  });

  it('deletes a habit’s check-offs with it', () => {
    expect(screen).toContain('class _WithCheckOffs implements HabitRepository {');
    expect(screen).toContain('if (check.habitId == id) check.id,');
    expect(screen).toContain('await Future.wait(theirs.map(checks.delete));');
  });

  it('wires the check-off repository and the clock package in', () => {
    expect(file(files, 'lib/app.dart')).toContain('checks: services.habitChecks,');
    expect(file(files, 'lib/app_services.dart')).toContain('habitChecks: FirestoreHabitCheckRepository(),');
    expect(file(files, 'pubspec.yaml')).toMatch(/^ {2}clock: \^1\.1\.1$/m);
    expect(unresolvedImports(generateFlutterProject(HABIT_HERO))).toEqual([]);
  });

  it('computes the streak and the week in pure Dart from the clock', () => {
    const days = file(files, 'lib/features/habits/habits_days.dart');
    expect(days).toContain("import 'package:clock/clock.dart';");
    expect(days).toContain('final now = clock.now();');
    expect(days).toContain('int currentStreak(Set<String> doneDays, DateTime today) {');
    expect(days).toContain('int doneThisWeek(Set<String> doneDays, DateTime today) {');
    // The day before by the calendar, never minus 24 hours (daylight saving).
    expect(days).toContain('DateTime(day.year, day.month, day.day - 1)');
  });

  it('describes the check-off in the README', () => {
    const readme = file(files, 'README.md');
    expect(readme).toContain('Ticking a habit off for today saves a `HabitCheck` in `habit_checks`');
    expect(readme).toContain('the streak is computed, never typed');
    expect(readme).toContain('| Habit check-offs | `habit_checks` | `FirestoreHabitCheckRepository` |');
  });
});

describe('habits: the tests', () => {
  const files = project(HABIT_HERO);

  it('unit-tests the streak and the week at fixed dates', () => {
    const test = file(files, 'test/features/habits_days_test.dart');
    expect(test).toContain("expect(currentStreak({'2026-03-09', '2026-03-10'}, today), 2);");
    expect(test).toContain('expect(doneThisWeek(days, today), 3);');
    expect(test).toContain('withClock(Clock.fixed(DateTime(2026, 3, 11, 23, 59)), () {');
  });

  it('widget-tests the check-off, its undo and a failing save on a fixed day', () => {
    const test = file(files, 'test/features/habits_screen_test.dart');
    expect(test).toContain('await withClock(Clock.fixed(wednesday), () async {');
    expect(test).toContain("expect(find.text('🔥 1 day · This week: 1/3'), findsOneWidget);");
    expect(test).toContain("expect(find.text('🔥 2 days · This week: 2/3'), findsOneWidget);");
    expect(test).toContain("expect(find.text('This week: 0/3'), findsOneWidget);");
    expect(test).toContain('InMemoryHabitCheckRepository(failing: true)');
    expect(test).toContain('recordScreenTests<Habit, InMemoryHabitRepository>(');
  });
});

describe('habits: other languages and backends', () => {
  it('speaks Vietnamese in the screen and its tests', () => {
    const files = project(VIETNAMESE);
    const screen = file(files, 'lib/features/thoi_quen/thoi_quen_screen.dart');
    expect(screen).toContain("tooltip: 'Đã làm hôm nay',");
    expect(screen).toContain("'Tuần này: ${doneThisWeek(days, today)}/${habit.timesPerWeek}',");
    expect(screen).toContain("String _streakText(int days) => '🔥 $days ngày';");
    expect(screen).toContain("RecordDetail(\n          'Chuỗi ngày',");
    const test = file(files, 'test/features/thoi_quen_screen_test.dart');
    expect(test).toContain("expect(find.text('🔥 2 ngày · Tuần này: 2/3'), findsOneWidget);");
    expect(test).toContain("find.text('Không lưu được: Đã xảy ra lỗi. Vui lòng thử lại.')");
  });

  it('writes German plurals and French spacing', () => {
    const german = file(
      project(
        simpleSpec({
          name: 'Routine',
          description: 'Meine täglichen Gewohnheiten verfolgen und die Serie halten',
          features: ['Gewohnheiten'],
        }),
      ),
      'lib/features/gewohnheiten/gewohnheiten_screen.dart',
    );
    expect(german).toContain("days == 1 ? '🔥 1 Tag' : '🔥 $days Tage'");
    const french = file(
      project(simpleSpec({ name: 'Routine', description: 'Mes habitudes du jour', features: ['Habitudes'] })),
      'lib/features/habitudes/habitudes_screen.dart',
    );
    expect(french).toContain("'Cette semaine : ${doneThisWeek(days, today)}/${habit.timesPerWeek}',");
  });

  it('stores the check-offs on every backend', () => {
    const on = (backend: string) => project({ ...HABIT_HERO, backend });
    expect(on('none').get('lib/data/local/shared_preferences_habit_check_repository.dart')).toBeDefined();
    expect(file(on('supabase'), 'README.md')).toContain(
      '"habit_id" text not null references public."habits" ("id") on delete cascade',
    );
    expect(file(on('rest'), 'README.md')).toContain('| PUT | /habit_checks/{id} |');
    expect(file(on('graphql'), 'README.md')).toContain('saveHabitCheck(input: HabitCheckInput!)');
  });

  it('charts the check-offs per week', () => {
    const files = project(HABIT_HERO);
    const screen = file(files, 'lib/features/statistics/statistics_screen.dart');
    expect(screen).toContain("'Habit check-offs per week (last 6 weeks)'");
    expect(screen).toContain('required this.repository');
    expect(file(files, 'lib/app.dart')).toContain('StatisticsScreen(repository: services.habitChecks)');
  });
});
