/**
 * calendar / booking / appointment / schedule: Flutter's CalendarDatePicker
 * (no extra package), the selected day's entries from the repository, a
 * validated dialog adding an entry on that day or editing a tapped one (yes/no
 * fields as switches), and delete by swipe or button with undo.
 */
import type { GeneratedFile } from '../app-spec';
import { isNumeric } from '../data/entity-dart';
import { requireEntity } from '../plan/app-plan';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { calendarNames, controllerDart, dialogDart, screenDart } from './calendar.lib-dart';
import { calendarTestDart } from './calendar.test-dart';
import { recordFormFile } from './records-library';
import { referenceFiles, referenceLinks, serviceArgs } from './reference-dart';

export const calendarArchetype: ArchetypeTemplate = {
  id: 'calendar',

  dependencies: () => ({}),

  files(ctx: FeatureContext): GeneratedFile[] {
    const names = calendarNames(ctx, requireEntity(ctx.plan, ctx.feature));
    return [
      { path: names.controllerPath, content: controllerDart(names) },
      { path: names.dialogPath, content: dialogDart(names) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, names) },
      { path: ctx.feature.paths.test, content: calendarTestDart(ctx, names) },
      // The dialog reads numbers with the record screens' parser ("50.000" in Vietnamese is fifty thousand).
      ...(names.formFields.some(isNumeric) ? [recordFormFile(ctx.plan)] : []),
      ...(names.links.length ? referenceFiles() : []),
    ];
  },

  screenBuilder(ctx: FeatureContext): string {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const others = serviceArgs(referenceLinks(ctx.plan, entity));
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection}${others})`;
  },

  summary(ctx: FeatureContext): string {
    const names = calendarNames(ctx, requireEntity(ctx.plan, ctx.feature));
    const plural = names.entity.pluralLabel.toLowerCase();
    const total = names.dayTotal && names.amount ? ` and their total ${names.amount.label.toLowerCase()}` : '';
    return `A month calendar showing the ${plural} of the selected day${total}, with a form to add one on that day, tap to edit and swipe to delete.`;
  },
};
