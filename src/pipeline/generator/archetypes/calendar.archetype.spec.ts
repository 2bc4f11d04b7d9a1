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
    expect(dialog).toContain('id: widget.entry?.id ?? newId(),');
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

  it('builds the entry from the form, on the selected day, keeping what an edited entry had', async () => {
    const ctx = richContext();
    const files = calendarArchetype.files(ctx);
    await expectParses(files);
    const dialog = fileContent(files, dialogPath(ctx));
    expect(dialog).toContain("customerName: _text('customerName'),");
    // The entry's day starts on the selected one, and an edited entry can be moved with a date picker.
    expect(dialog).toContain('late DateTime _day = widget.entry?.date ?? widget.day;');
    expect(dialog).toContain('date: _day,');
    expect(dialog).toContain('if (picked != null && mounted) setState(() => _day = picked);');
    expect(dialog).toContain("phone: _optionalText('phone'),");
    // Numbers go through the record screens' parser: the language's decimal mark and grouping.
    expect(dialog).toContain("fee: RecordValidators.parseDecimal(_text('fee'))!,");
    expect(dialog).toContain("discount: RecordValidators.parseDecimal(_text('discount')),");
    expect(dialog).toContain("guests: int.parse(_text('guests')),");
    expect(dialog).toContain("contactEmail: _text('contactEmail'),");
    expect(dialog).toContain('reminderAt: widget.entry?.reminderAt ?? widget.day,');
    expect(dialog).toContain('endDate: widget.entry?.endDate,');
    expect(dialog).toMatch(
      /validator: RecordValidators\.forInput\(\s+RecordInput\.money,\s+label: 'Fee',\s+required: true,/,
    );
    expect(dialog).toContain('initialValue: RecordValidators.editable(widget.entry?.fee),');
    expect(dialog).toContain("import '../../core/records/record_form.dart';");
    expect(files.map((file) => file.path)).toContain('lib/core/records/record_form.dart');
    expect(dialog).toContain('keyboardType: const TextInputType.numberWithOptions(decimal: true),');
    // Yes/no fields are switches the user sets, starting from the edited entry.
    expect(dialog).toContain('late bool _paidValue = widget.entry?.paid ?? false;');
    expect(dialog).toContain('paid: _paidValue,');
    expect(dialog).toContain('confirmed: _confirmedValue,');
    expect(dialog).toContain("key: const ValueKey('field-confirmed'),");
    expect(dialog).toContain('onChanged: (value) => setState(() => _paidValue = value),');
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("find.byKey(const ValueKey('field-guests')), '42'");
    expect(test).toContain("find.byKey(const ValueKey('field-contactEmail')), 'someone@example.com'");
    // Editing: a tapped entry opens the dialog; the English app reads "1,250.5".
    expect(fileContent(files, ctx.feature.paths.screen)).toContain('onTap: () => _open(entry),');
    expect(test).toContain("find.byKey(const ValueKey('field-fee')), '1,250.5'");
    expect(test).toContain('expect(saved.single.fee, 1250.5);');
    expect(test).toContain('expect(saved.single.confirmed, !sample.confirmed);');
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
