import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import type { EntityField } from '../plan/app-plan';
import { calendarArchetype } from './calendar.archetype';
import {
  BACKENDS,
  appSpec,
  contextFor,
  expectImportsResolve,
  expectParses,
  expectPrefixedTypes,
  expectScreenContract,
  fileContent,
} from './testing/archetype-spec-helpers';
import type { FeatureContext } from './archetype';

const HOSTILE_CALENDAR = `Boss's "\${x}" $y \\ calendar\nnext`;

const APPS: [string[], string][] = [
  [['Booking calendar'], 'none'],
  [['Calendar', 'Expenses'], 'firebase'],
  [['Lịch hẹn'], 'supabase'],
  [['Appointments'], 'rest'],
  [['Schedule', 'Tasks'], 'graphql'],
  [[HOSTILE_CALENDAR], 'firebase'],
];

function dialogPath(ctx: FeatureContext): string {
  return `${ctx.feature.paths.dir}/${ctx.feature.names.id}_entry_dialog.dart`;
}

function field(name: string, type: EntityField['type'], required: boolean): EntityField {
  return { name, column: name, label: name[0].toUpperCase() + name.slice(1), type, required };
}

/** The booking entity with one more field of every kind the form must handle. */
function richContext(): FeatureContext {
  const ctx = contextFor(appSpec(['Booking calendar']), 'calendar');
  const entities = ctx.plan.entities.map((entity) =>
    entity.className === 'Booking'
      ? {
          ...entity,
          fields: [
            ...entity.fields,
            field('fee', 'money', true),
            field('guests', 'int', true),
            field('discount', 'decimal', false),
            field('contactEmail', 'email', true),
            field('confirmed', 'bool', false),
            field('paid', 'bool', true),
            field('reminderAt', 'date', true),
            field('endDate', 'date', false),
          ],
        }
      : entity,
  );
  return { plan: { ...ctx.plan, entities }, feature: ctx.feature };
}

describe('calendarArchetype', () => {
  it.each(APPS)('writes a working calendar for %j (%s)', async (features, backend) => {
    const ctx = contextFor(appSpec(features, { backend }), 'calendar');
    const files = calendarArchetype.files(ctx);
    await expectParses(files);
    await expectImportsResolve(calendarArchetype, ctx);
    expectPrefixedTypes(calendarArchetype, ctx);
    expectScreenContract(calendarArchetype, ctx, dartString(ctx.feature.names.label));

    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('CalendarDatePicker(');
    expect(screen).toContain('Dismissible(');
    expect(screen).toContain('showDialog<');
    const dialog = fileContent(files, dialogPath(ctx));
    expect(dialog).toContain('id: newId(),');
    expect(dialog).toContain('validator:');
    expect(dialog).toContain('widget.day');

    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain(`${ctx.feature.classes.screen}(`);
    expect(test).toContain("await tester.tap(find.text('15'));");
    expect(test).toMatch(/expect\(find\.text\('[^']+ is required'\), findsOneWidget\);/);
    expect(test).toContain('await tester.drag(');
  });

  it('needs no package for any backend', () => {
    for (const backend of BACKENDS) {
      const ctx = contextFor(appSpec(['Booking calendar'], { backend }), 'calendar');
      expect(calendarArchetype.dependencies(ctx)).toEqual({});
      expect(calendarArchetype.screenBuilder(ctx)).toBe('BookingCalendarScreen(repository: services.bookings)');
    }
  });

  it('builds the entry with every required field, on the selected day', async () => {
    const ctx = richContext();
    const files = calendarArchetype.files(ctx);
    await expectParses(files);
    const dialog = fileContent(files, dialogPath(ctx));
    expect(dialog).toContain("customerName: _text('customerName'),");
    expect(dialog).toContain('date: widget.day,');
    expect(dialog).toContain("phone: _optionalText('phone'),");
    expect(dialog).toContain("fee: double.parse(_text('fee').replaceAll(',', '.')),");
    expect(dialog).toContain("guests: int.parse(_text('guests')),");
    expect(dialog).toContain("contactEmail: _text('contactEmail'),");
    expect(dialog).toContain('paid: false,');
    expect(dialog).toContain('reminderAt: widget.day,');
    expect(dialog).not.toContain('confirmed:');
    expect(dialog).not.toContain('endDate:');
    expect(dialog).not.toContain('discount:');
    expect(dialog).toContain("'Enter a whole number'");
    expect(dialog).toContain("'Enter a number'");
    expect(dialog).toContain('keyboardType: const TextInputType.numberWithOptions(decimal: true),');
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("find.byKey(const ValueKey('field-guests')), '42'");
    expect(test).toContain("find.byKey(const ValueKey('field-contactEmail')), 'someone@example.com'");
  });

  it('escapes hostile labels', async () => {
    const ctx = contextFor(appSpec([HOSTILE_CALENDAR]), 'calendar');
    const files = calendarArchetype.files(ctx);
    await expectParses(files);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain(`static const String title = ${dartString(ctx.feature.names.label)};`);
    expect(ctx.feature.names.label).toBe(HOSTILE_CALENDAR.replace(/\s+/g, ' '));
    expect(screen).not.toMatch(/(?<!\\)\$\{x\}/);
  });
});
