/**
 * Habits are records with a daily check-off: the planner gives a Habit entity
 * its check-offs (`HabitCheck`: the habit's id and the day it was done, see
 * `HABIT_CHECK_ENTITY`), and this variant of the entity archetype lists the
 * habits with a check button for today, the streak and this week's count,
 * all computed from the check-offs. The form, details and delete stay the
 * entity archetype's; only the list screen and its tests are the habit's own.
 */
import type { GeneratedFile } from '../app-spec';
import { packages } from '../data/package-versions';
import { entityOf } from '../plan/app-plan';
import { HABIT_CHECK_ENTITY } from '../plan/domain-entities';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { fileNameOf } from './feature-dart.shared';
import { habitDaysDart, habitScreenDart, type HabitFeature } from './habits.lib-dart';
import { habitDaysTestDart, habitScreenTestDart } from './habits.test-dart';

/** The habit feature of `ctx`, when its entity is a habit with check-offs in the plan. */
export function habitFeature(ctx: FeatureContext): HabitFeature | undefined {
  const habit = entityOf(ctx.plan, ctx.feature);
  if (!habit || ctx.feature.archetype !== 'entity') return undefined;
  const checks = ctx.plan.entities.find((entity) => entity.className === HABIT_CHECK_ENTITY.className);
  const habitId = checks?.fields.find((field) => field.refersTo === habit.className);
  if (!checks || !habitId) return undefined;
  const { dir, test } = ctx.feature.paths;
  const { id } = ctx.feature.names;
  return {
    habit,
    checks,
    habitIdField: habitId.name,
    target: habit.fields.find((field) => field.name === 'timesPerWeek' && field.type === 'int' && field.required),
    daysPath: `${dir}/${id}_days.dart`,
    // Where the entity archetype writes its form (`<id>_form_screen.dart`, class `<Prefix>FormScreen`).
    formPath: `${dir}/${id}_form_screen.dart`,
    formClass: `${ctx.feature.classes.prefix}FormScreen`,
    daysTestPath: test.replace(/_screen_test\.dart$/, '_days_test.dart'),
  };
}

/** `records` (the entity archetype) with the habit list in place of the plain list for habits. */
export function withHabitCheckOff(records: ArchetypeTemplate): ArchetypeTemplate {
  return {
    ...records,
    dependencies(ctx) {
      // clock: today as the tests fix it.
      return habitFeature(ctx) ? { ...records.dependencies(ctx), ...packages('clock') } : records.dependencies(ctx);
    },
    files(ctx): GeneratedFile[] {
      const feature = habitFeature(ctx);
      if (!feature) return records.files(ctx);
      const { screen, test } = ctx.feature.paths;
      const shared = records.files(ctx).filter((file) => file.path !== screen && file.path !== test);
      return [
        ...shared,
        { path: feature.daysPath, content: habitDaysDart() },
        { path: screen, content: habitScreenDart(ctx, feature) },
        { path: test, content: habitScreenTestDart(ctx, feature) },
        { path: feature.daysTestPath, content: habitDaysTestDart(ctx, feature) },
      ];
    },
    screenBuilder(ctx) {
      const feature = habitFeature(ctx);
      if (!feature) return records.screenBuilder(ctx);
      const { screen } = ctx.feature.classes;
      return `${screen}(repository: services.${feature.habit.collection}, checks: services.${feature.checks.collection})`;
    },
    readme(ctx) {
      const feature = habitFeature(ctx);
      if (!feature) return records.readme?.(ctx) ?? '';
      const { habit, checks, habitIdField } = feature;
      return [
        `Ticking a ${habit.label.toLowerCase()} off for today saves a \`${checks.className}\` in \`${checks.tableName}\`: `,
        `\`${habitIdField}\` (the ${habit.label.toLowerCase()}) and \`day\` (the local date, \`yyyy-MM-dd\`), with the id `,
        `\`<${habitIdField}>_<day>\`, so saving it twice keeps one record and taking the tick back deletes it by that id. `,
        'The streak (days done in a row, up to today, or yesterday while today is still open) and this ',
        `week's count (Monday to Sunday) are computed from these records in \`${fileNameOf(feature.daysPath)}\`; `,
        'the list shows a tick at once and takes it back with a message when the backend refuses it.',
      ].join('');
    },
    summary(ctx) {
      const feature = habitFeature(ctx);
      if (!feature) return records.summary(ctx);
      const items = feature.habit.pluralLabel.toLowerCase();
      const fields = feature.habit.fields.map((field) => field.label.toLowerCase()).join(', ');
      const goal = feature.target ? ` against its ${feature.target.label.toLowerCase()}` : '';
      return (
        `A list of ${items} with a check button for today; each shows its streak (days done in a row, ` +
        `up to today or yesterday) and how many days of this week are done${goal}. Every tick is a ` +
        `${feature.checks.label.toLowerCase()} record (the ${feature.habit.label.toLowerCase()} and the day), ` +
        `so the streak is computed, never typed. ${items[0].toUpperCase()}${items.slice(1)} are added, ` +
        `edited and deleted with validation (${fields}).`
      );
    },
  };
}
