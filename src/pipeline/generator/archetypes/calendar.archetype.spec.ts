import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import { generateFlutterProject } from '../flutter-project.generator';
import type { EntityField } from '../plan/app-plan';
import { bracketProblem } from '../testing/dart-brackets';
import { unresolvedImports } from '../testing/project-checks';
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
    // A booking is kept at a time of day: it starts at 9:00 on the selected day, and an edited
    // one moves to another day at the same time, or to another time with the time picker.
    expect(dialog).toContain(
      'late DateTime _day = widget.entry?.date ??\n      DateTime(widget.day.year, widget.day.month, widget.day.day, 9);',
    );
    expect(dialog).toContain('date: _day,');
    expect(dialog).toContain('setState(() => _day = _at(picked, TimeOfDay.fromDateTime(_day)));');
    expect(dialog).toContain('setState(() => _day = _at(_day, picked));');
    expect(dialog).toContain("phone: _optionalText('phone'),");
    // Numbers go through the record screens' parser: the language's decimal mark and grouping.
    expect(dialog).toContain("fee: RecordValidators.parseDecimal(_text('fee'))!,");
    expect(dialog).toContain("discount: RecordValidators.parseDecimal(_text('discount')),");
    expect(dialog).toContain("guests: int.parse(_text('guests')),");
    expect(dialog).toContain("contactEmail: _text('contactEmail'),");
    // Another required day (a stay's check-out) gets a picker row: the edited entry's, else the selected day.
    expect(dialog).toContain('late DateTime _reminderAtValue = widget.entry?.reminderAt ?? widget.day;');
    expect(dialog).toContain('formatDate(_reminderAtValue)');
    expect(dialog).toContain('onTap: _pickReminderAt,');
    expect(dialog).toContain('reminderAt: _reminderAtValue,');
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

/** The four apps whose calendars work on their own records (plan/calendar-entity.ts). */
function ownRecordsApp(name: string, description: string, features: string[], backend: AppSpec['backend']): AppSpec {
  return appSpec(features, { slug: name.toLowerCase().replace(/\W+/g, '_'), name, description, backend });
}

const DOG_WALKER = ownRecordsApp(
  'Dog Walker',
  'Book dog walks with local walkers and pay in the app',
  ['calendar', 'walkers', 'login'],
  'supabase',
);
const RECIPE_BOX = ownRecordsApp(
  'Recipe Box',
  'Save recipes with ingredients and steps, search them and plan meals for the week',
  ['recipes', 'search', 'meal planner calendar', 'shopping list'],
  'rest',
);
const BUDGET = ownRecordsApp('Budget', 'Track expenses by category', ['expenses', 'calendar', 'charts'], 'firebase');
const CLINIC = ownRecordsApp(
  'Clinic',
  'Patients book appointments with doctors; doctors see their schedule',
  ['login', 'appointments', 'doctors', 'calendar', 'notifications', 'map'],
  'none',
);

/** The calendar feature's screen, dialog, controller and test of a whole generated app. */
function calendarFiles(spec: AppSpec): {
  all: GeneratedFile[];
  screen: string;
  dialog: string;
  controller: string;
  test: string;
} {
  const all = generateFlutterProject(spec);
  const ctx = contextFor(spec, 'calendar');
  const dir = `${ctx.feature.paths.dir}/${ctx.feature.names.id}`;
  return {
    all,
    screen: fileContent(all, ctx.feature.paths.screen),
    dialog: fileContent(all, `${dir}_entry_dialog.dart`),
    controller: fileContent(all, `${dir}_controller.dart`),
    test: fileContent(all, ctx.feature.paths.test),
  };
}

describe("calendarArchetype over the app's own records", () => {
  it.each([
    ['Dog Walker', DOG_WALKER],
    ['Recipe Box', RECIPE_BOX],
    ['Budget', BUDGET],
    ['Clinic', CLINIC],
  ])('writes a whole %s app whose imports resolve and whose Dart parses', async (_name, spec) => {
    const files = calendarFiles(spec);
    expect(unresolvedImports(files.all)).toEqual([]);
    for (const file of files.all.filter((candidate) => candidate.path.endsWith('.dart'))) {
      expect(bracketProblem(file.content), file.path).toBeNull();
    }
    await expectParses(files.all.filter((file) => /calendar|appointments/.test(file.path)));
  });

  it('names a planned meal after the picked recipe unless the user typed a title', () => {
    const { dialog, test } = calendarFiles(RECIPE_BOX);
    expect(dialog).toContain('controller: _title,');
    expect(dialog).toContain('onChanged: _recipePicked,');
    expect(dialog).toContain('if (picked != null && (typed.isEmpty || typed == previous)) _title.text = picked;');
    // An edited meal still named after its recipe follows a new pick too.
    expect(dialog).toContain('final previous = _pickedTitle ?? titleOf(widget.entry?.recipeId);');
    expect(dialog).toContain('_title.dispose();');
    expect(test).toContain("testWidgets('names a meal after the picked recipe'");
    expect(test).toContain("matching: find.text('Meal A')), findsOneWidget);");
    expect(test).toContain("expect(saved.recipeId, 'recipe-2');");
  });

  it('names the recipe under a meal only when the meal is called something else', () => {
    const { screen } = calendarFiles(RECIPE_BOX);
    expect(screen).toContain('subtitle: switch (_recipeTitles.titleOf(entry.recipeId)) {');
    expect(screen).toContain('final picked when picked != entry.title => Text(picked),');
  });

  it("asks for the fields in the record's order: the recipe right under the meal's title, notes last", () => {
    const { dialog } = calendarFiles(RECIPE_BOX);
    const order = ["'field-title'", "'field-recipeId'", "'field-notes'"].map((key) => dialog.indexOf(key));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('reads the linked titles again after a save: a doctor added from the dialog is named, not "(removed)"', () => {
    const { controller } = calendarFiles(CLINIC);
    const add = controller.slice(controller.indexOf('Future<void> add('));
    expect(add.indexOf('await loadFirst?.call();')).toBeGreaterThan(add.indexOf('await _repository.save(item);'));
    expect(add.indexOf('await loadFirst?.call();')).toBeLessThan(add.indexOf('_notify();'));
    // Without links there is nothing to read again.
    expect(calendarFiles({ ...CLINIC, description: '', features: ['calendar'] }).controller).not.toContain('loadFirst');
  });

  it("leaves an appointment's patient alone when a doctor is picked", () => {
    const { dialog, test } = calendarFiles(CLINIC);
    expect(dialog).not.toContain('_pickedTitle');
    expect(dialog).toContain('initialValue: widget.entry?.patient,');
    expect(test).not.toContain('after the picked');
  });

  it("shows each row's money in the app's currency and what the day costs", () => {
    const walks = calendarFiles(DOG_WALKER);
    // A walk is not named after its walker, so the walker always shows under the title.
    expect(walks.screen).toContain('subtitle: Text(_walkerTitles.titleOf(entry.walkerId)),');
    expect(walks.screen).toContain('Text(formatMoney(entry.price)),');
    expect(walks.screen).toContain("'Day total: ${formatMoney(_controller.selectedTotal)}',");
    expect(walks.controller).toContain('selectedEntries.fold(0, (sum, item) => sum + item.price);');
    expect(walks.test).toContain("testWidgets('shows each price and what the day costs'");
    expect(walks.test).toContain("expect(find.text('Day total: ${formatMoney(first.price + 5)}'), findsOneWidget);");

    const expenses = calendarFiles(BUDGET);
    expect(expenses.screen).toContain('Text(formatMoney(entry.amount)),');
    expect(expenses.controller).toContain('sum + item.amount');

    // Meals and appointments cost nothing on the calendar: no amount, no total.
    for (const app of [RECIPE_BOX, CLINIC]) {
      const { screen, controller } = calendarFiles(app);
      expect(screen).not.toContain('formatMoney(');
      expect(controller).not.toContain('selectedTotal');
    }
  });

  it("says the day total in the app's language", () => {
    const vi = ownRecordsApp('Chi tiêu', 'Theo dõi chi tiêu theo danh mục', ['chi tiêu', 'lịch', 'biểu đồ'], 'none');
    const { screen, test } = calendarFiles(vi);
    expect(screen).toContain("'Tổng trong ngày: ${formatMoney(_controller.selectedTotal)}',");
    expect(test).toContain("find.text('Tổng trong ngày: ${formatMoney(first.amount + 5)}')");
  });
});
