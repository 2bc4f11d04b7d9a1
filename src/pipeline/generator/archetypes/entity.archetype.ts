/**
 * A domain entity's screens: list, add/edit form with validation, detail view
 * and delete, over the entity's repository (whatever the backend). The
 * generic parts live once in `lib/core/records/`; the feature's own files
 * hold what is particular to its entity: fields, order, list line, totals,
 * a done checkbox.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString, withArticle } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  dateField,
  displayText,
  packageUri,
  sampleEntity,
  sampleTitle,
  titleField,
} from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import { dartText, fill, inSentence, uiText, type UiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { groupingField } from './chart.mode';
import {
  RECORD_FORM_PATH,
  RECORD_LIST_PATH,
  RECORD_TESTS_PATH,
  recordScreenTestsDart,
  recordsLibraryFiles,
} from './records-library';

/** Relative import from a file in `lib/features/<id>/` to a root-relative `lib/…` path. */
export function fromFeatureDir(rootPath: string): string {
  return `../../${rootPath.slice('lib/'.length)}`;
}

function formPath(ctx: FeatureContext): string {
  return `${ctx.feature.paths.dir}/${ctx.feature.names.id}_form_screen.dart`;
}

function lower(text: string): string {
  return text.toLowerCase();
}

/** Newest first by the entity's required date; else alphabetical by title. */
function compareExpr(entity: EntityPlan): string {
  const date = dateField(entity);
  if (date?.required) return `(a, b) => b.${date.name}.compareTo(a.${date.name})`;
  return `(a, b) => a.${entity.titleField}.toLowerCase().compareTo(b.${entity.titleField}.toLowerCase())`;
}

/** Fields shown under the title in the list: the first two that are not long text, the title or a checkbox. */
function subtitleFields(entity: EntityPlan): EntityField[] {
  return entity.fields
    .filter((field) => field.name !== entity.titleField && field.type !== 'longText' && field.type !== 'bool')
    .slice(0, 2);
}

function addLabel(entity: EntityPlan, t: UiText): string {
  return fill(t.addItem, { item: lower(entity.label) });
}

/**
 * The chip for records whose yes/no field is off, e.g. "Not done". Yes/no
 * labels are adjectives ("Done", "Erledigt"), lower case after "not" even in German.
 */
function notDone(done: EntityField, t: UiText): string {
  return fill(t.notFlag, { label: lower(done.label) });
}

function doneField(entity: EntityPlan): EntityField | undefined {
  return entity.fields.find((field) => field.type === 'bool');
}

function moneyField(entity: EntityPlan): EntityField | undefined {
  return entity.fields.find((field) => field.type === 'money');
}

function usesFormatters(fields: readonly EntityField[]): boolean {
  return fields.some((field) => field.type === 'money' || field.type === 'decimal' || field.type === 'date');
}

/** Numbers worth adding up in a list: amounts and quantities, not ratings, years, rates or coordinates. */
const NOT_ADDITIVE =
  /^(rating|priority|year|mood|progress|level|latitude|longitude|lat|lng|target|bedrooms|servings|streak)$|(per|every)[A-Z]/;

function totalFields(entity: EntityPlan): EntityField[] {
  return entity.fields.filter(
    (field) =>
      (field.type === 'money' || field.type === 'int' || field.type === 'decimal') && !NOT_ADDITIVE.test(field.name),
  );
}

/** Text for inside a single-quoted Dart string (escaped, without the quotes). */
function inQuotes(text: string): string {
  return dartString(text).slice(1, -1);
}

/** Dart expressions of the summary line's parts: totals, and how many are done. */

function summaryParts(entity: EntityPlan, t: UiText): string[] {
  const parts = totalFields(entity).map((field) => {
    const value = field.required ? `item.${field.name}` : `(item.${field.name} ?? 0)`;
    const label = inQuotes(fill(t.total, { label: inSentence(t, field.label) }));
    if (field.type === 'int') return `'${label}\${items.fold<int>(0, (sum, item) => sum + ${value})}'`;
    const format = field.type === 'money' ? 'formatMoney' : 'formatNumber';
    return `'${label}\${${format}(items.fold<double>(0, (sum, item) => sum + ${value}))}'`;
  });
  const done = doneField(entity);
  if (done) {
    const count = `items.where((item) => item.${done.name}).length`;
    parts.push(dartText(fill(t.countOf, { label: inSentence(t, done.label) }), { count, total: 'items.length' }));
  }
  return parts;
}

function screenDart(ctx: FeatureContext, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const { screen, prefix } = ctx.feature.classes;
  const E = entity.className;
  const subtitle = subtitleFields(entity);
  const done = doneField(entity);
  const group = groupingField(entity);
  const date = dateField(entity);
  const options: string[] = [];
  if (subtitle.length) {
    const parts = subtitle.map((field) => displayText(field, `item.${field.name}`, t)).join(', ');
    options.push(`      subtitleOf: (item) => [${parts}].where((part) => part.isNotEmpty).join(' · '),`);
  }
  if (done) {
    options.push(`      leadingOf: (item, save) => Checkbox(
        value: item.${done.name},
        onChanged: (value) => save(item.copyWith(${done.name}: value ?? false)),
      ),`);
    options.push(`      filters: [
        RecordFilter(${dartString(done.label)}, (item) => item.${done.name}),
        RecordFilter(${dartString(notDone(done, t))}, (item) => !item.${done.name}),
      ],`);
  }
  if (group) options.push(`      groupOf: (item) => item.${group.name},`);
  if (date?.required) options.push(`      sectionOf: (item) => formatMonth(item.${date.name}),`);
  const summary = summaryParts(entity, t);
  if (summary.length === 1) {
    options.push(`      summaryOf: (items) => ${summary[0]},`);
  } else if (summary.length) {
    options.push(
      `      summaryOf: (items) => [\n${summary.map((part) => `        ${part},`).join('\n')}\n      ].join(' · '),`,
    );
  }
  const details = entity.fields
    .map((field) => `        RecordDetail(${dartString(field.label)}, ${displayText(field, `item.${field.name}`, t)}),`)
    .join('\n');
  const needsFormatters = usesFormatters(entity.fields);
  const imports = [
    `import '${fromFeatureDir(RECORD_LIST_PATH)}';`,
    `import '${fromFeatureDir(RECORD_LIST_PATH.replace('record_list_screen', 'record_detail_screen'))}';`,
    `import '${fromFeatureDir(entity.paths.model)}';`,
    `import '${fromFeatureDir(entity.paths.repository)}';`,
    `import '${formPath(ctx).slice(formPath(ctx).lastIndexOf('/') + 1)}';`,
    ...(needsFormatters ? [`import '${fromFeatureDir(FORMATTERS_PATH)}';`] : []),
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.join('\n')}

/// ${entity.pluralLabel}: the list, with add, open, edit and delete.
class ${screen} extends StatelessWidget {
  const ${screen}({super.key, required this.repository});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final ${E}Repository repository;

  @override
  Widget build(BuildContext context) {
    return RecordListScreen<${E}>(
      title: title,
      repository: repository,
      idOf: (item) => item.id,
      titleOf: (item) => item.displayTitle,
      compare: ${compareExpr(entity)},
      formBuilder: (context, initial) => ${prefix}FormScreen(initial: initial),
      detailsOf: (item) => [
${details}
      ],
      emptyMessage: ${dartString(fill(t.emptyList, { items: lower(entity.pluralLabel), add: addLabel(entity, t) }))},
      addLabel: ${dartString(addLabel(entity, t))},
${options.join('\n')}
    );
  }
}
`;
}

const RECORD_INPUTS: Readonly<Record<string, string>> = {
  text: 'text',
  longText: 'longText',
  email: 'email',
  phone: 'phone',
  url: 'url',
  int: 'whole',
  decimal: 'decimal',
  money: 'money',
};

/** The Dart expression reading the field's value back from the form state. */
function formValue(field: EntityField): string {
  const text = `_${field.name}.text.trim()`;
  switch (field.type) {
    case 'bool':
      return `_${field.name}`;
    case 'date':
      return field.required ? `_${field.name} ?? DateTime.now()` : `_${field.name}`;
    case 'int':
      return field.required ? `int.parse(${text})` : `int.tryParse(${text})`;
    case 'decimal':
    case 'money':
      return field.required ? `RecordValidators.parseDecimal(${text})!` : `RecordValidators.parseDecimal(${text})`;
    default:
      return field.required ? text : `${text}.isEmpty ? null : ${text}`;
  }
}

function fieldWidget(field: EntityField, t: UiText): string {
  if (field.type === 'bool') {
    return `        SwitchListTile(
          key: const Key('${field.name}Field'),
          contentPadding: EdgeInsets.zero,
          title: const Text(${dartString(field.label)}),
          value: _${field.name},
          onChanged: (value) => setState(() => _${field.name} = value),
        ),`;
  }
  if (field.type === 'date') {
    return `        RecordDateField(
          key: const Key('${field.name}Field'),
          label: ${dartString(field.required ? field.label : fill(t.optional, { label: field.label }))},
          value: _${field.name},
          onChanged: (picked) => setState(() => _${field.name} = picked),
        ),`;
  }
  return `        RecordTextField(
          key: const Key('${field.name}Field'),
          controller: _${field.name},
          label: ${dartString(field.label)},
          input: RecordInput.${RECORD_INPUTS[field.type]},
          required: ${field.required},
        ),`;
}

function stateField(field: EntityField): string {
  const initial = `widget.initial?.${field.name}`;
  switch (field.type) {
    case 'bool':
      return `  late bool _${field.name} = ${initial} ?? false;`;
    case 'date':
      return `  late DateTime? _${field.name} = ${initial}${field.required ? ' ?? DateTime.now()' : ''};`;
    case 'int':
    case 'decimal':
    case 'money':
      // As the user would type it: "50000" rather than "50000.0", "12,5" where the decimal mark is a comma.
      return `  late final TextEditingController _${field.name} =\n      TextEditingController(text: RecordValidators.editable(${initial}));`;
    default:
      return `  late final TextEditingController _${field.name} =\n      TextEditingController(text: ${initial} ?? '');`;
  }
}

function formDart(ctx: FeatureContext, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const item = lower(entity.label);
  const form = `${ctx.feature.classes.prefix}FormScreen`;
  const E = entity.className;
  const controllers = entity.fields.filter((field) => field.type !== 'bool' && field.type !== 'date');
  const dispose = controllers.map((field) => `    _${field.name}.dispose();`).join('\n');
  const args = [
    '        id: widget.initial?.id ?? newId(),',
    ...entity.fields.map((field) => `        ${field.name}: ${formValue(field)},`),
  ];
  return `import 'package:flutter/material.dart';

import '${fromFeatureDir(RECORD_FORM_PATH)}';
import '${fromFeatureDir(entity.paths.model)}';
import '${fromFeatureDir(IDS_PATH)}';

/// The form for one ${lower(entity.label)}: adds a new one, or edits \`initial\`; pops with the saved value.
class ${form} extends StatefulWidget {
  const ${form}({super.key, this.initial});

  final ${E}? initial;

  @override
  State<${form}> createState() => _${form}State();
}

class _${form}State extends State<${form}> {
${entity.fields.map(stateField).join('\n')}

  @override
  void dispose() {
${dispose}
    super.dispose();
  }

  ${E} _build() => ${E}(
${args.join('\n')}
      );

  @override
  Widget build(BuildContext context) {
    return RecordFormScaffold<${E}>(
      title: widget.initial == null ? ${dartString(fill(t.newItem, { item }))} : ${dartString(fill(t.editItem, { item }))},
      build: _build,
      children: [
${entity.fields.map((field) => fieldWidget(field, t)).join('\n')}
      ],
    );
  }
}
`;
}

/** Text a test types into a field so that its validator passes. */
function validInput(field: EntityField): string {
  switch (field.type) {
    case 'email':
      return 'ada@example.com';
    case 'phone':
      return '+1 555 0100';
    case 'url':
      return 'https://example.com/a';
    case 'int':
      return '7';
    case 'decimal':
    case 'money':
      return '12.5';
    default:
      return `New ${lower(field.label)}`;
  }
}

/** Whether the tests check the summary line's total (then they format money). */
function hasTotalTest(entity: EntityPlan, t: UiText): boolean {
  return moneyField(entity) !== undefined && summaryParts(entity, t).length === 1;
}

/** Extra widget tests for what makes this entity's screen particular. */
function particularTests(entity: EntityPlan, t: UiText): string[] {
  const tests: string[] = [];
  const done = doneField(entity);
  if (done) {
    tests.push(`  testWidgets('ticks ${inQuotes(lower(done.label))} from the list', (tester) async {
    final repository = InMemory${entity.className}Repository(seed: [
      ${sampleEntity(entity, 1)}.copyWith(${done.name}: false),
    ]);
    await pumpScreen(tester, repository);

    await tester.tap(find.byType(Checkbox));
    await tester.pumpAndSettle();

    expect((await repository.fetchAll()).single.${done.name}, isTrue);
  });`);
  }
  const money = moneyField(entity);
  if (money && hasTotalTest(entity, t)) {
    tests.push(`  testWidgets('shows the total ${inQuotes(lower(money.label))}', (tester) async {
    await pumpScreen(
      tester,
      InMemory${entity.className}Repository(seed: [
        ${sampleEntity(entity, 1)},
        ${sampleEntity(entity, 2)},
      ]),
    );

    expect(find.text('${inQuotes(fill(t.total, { label: inSentence(t, money.label) }))}\${formatMoney(37.5)}'), findsOneWidget);
  });`);
  }
  const group = groupingField(entity);
  if (group) {
    tests.push(`  testWidgets('filters by ${inQuotes(lower(group.label))}', (tester) async {
    await pumpScreen(
      tester,
      InMemory${entity.className}Repository(seed: [
        ${sampleEntity(entity, 1)},
        ${sampleEntity(entity, 2)},
      ]),
    );

    await tester.tap(find.widgetWithText(ChoiceChip, ${dartString(`${group.label} 2`)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(sampleTitle(entity, 2))}), findsOneWidget);
    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsNothing);
  });`);
  } else if (done) {
    tests.push(`  testWidgets('shows only what is not ${inQuotes(lower(done.label))}', (tester) async {
    await pumpScreen(
      tester,
      InMemory${entity.className}Repository(seed: [
        ${sampleEntity(entity, 1)}.copyWith(${done.name}: false),
        ${sampleEntity(entity, 2)}.copyWith(${done.name}: true),
      ]),
    );

    await tester.tap(find.widgetWithText(ChoiceChip, ${dartString(notDone(done, t))}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsOneWidget);
    expect(find.text(${dartString(sampleTitle(entity, 2))}), findsNothing);
  });`);
  }
  const invalid = entity.fields.find((field) =>
    ['email', 'int', 'decimal', 'money', 'phone', 'url'].includes(field.type),
  );
  if (invalid) {
    const message: Record<string, string> = {
      email: t.enterValidEmail,
      int: t.enterWholeNumber,
      decimal: t.enterNumber,
      money: t.enterNumber,
      phone: t.enterValidPhone,
      url: t.enterFullUrl,
    };
    tests.push(`  testWidgets('explains an invalid ${inQuotes(lower(invalid.label))}', (tester) async {
    await pumpScreen(tester, InMemory${entity.className}Repository());

    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    await tester.enterText(find.byKey(const Key('${invalid.name}Field')), 'x');
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(message[invalid.type])}), findsOneWidget);
  });`);
  }
  return tests;
}

function testDart(ctx: FeatureContext, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const { screen } = ctx.feature.classes;
  const pkg = ctx.plan.packageName;
  const E = entity.className;
  const title = titleField(entity);
  const required = entity.fields.filter((field) => field.required && field.type !== 'bool' && field.type !== 'date');
  const input = required
    .map((field) => `      const Key('${field.name}Field'): ${dartString(validInput(field))},`)
    .join('\n');
  const imports = [
    `import 'package:${pkg}/${ctx.feature.paths.screen.slice('lib/'.length)}';`,
    `import '${packageUri(pkg, entity.paths.model)}';`,
    ...(hasTotalTest(entity, t) ? [`import '${packageUri(pkg, FORMATTERS_PATH)}';`] : []),
  ].sort();
  const support = [
    `import '../support/${FAKE_REPOSITORIES_PATH.slice('test/support/'.length)}';`,
    `import '../support/${RECORD_TESTS_PATH.slice('test/support/'.length)}';`,
  ];
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${imports.join('\n')}

${support.join('\n')}

void main() {
  final samples = [
    ${sampleEntity(entity, 1)},
    ${sampleEntity(entity, 2)},
  ];

  Future<void> pumpScreen(WidgetTester tester, InMemory${E}Repository repository) async {
    await tester.pumpWidget(MaterialApp(home: ${screen}(repository: repository)));
    await tester.pumpAndSettle();
  }

  recordScreenTests<${E}, InMemory${E}Repository>(
    name: ${screen}.title,
    screen: (repository) => ${screen}(repository: repository),
    repository: (seed) => InMemory${E}Repository(seed: seed),
    samples: samples,
    sampleTitles: [${dartString(sampleTitle(entity, 1))}, ${dartString(sampleTitle(entity, 2))}],
    validInput: {
${input}
    },
    savedTitle: ${dartString(validInput(title))},
    requiredMessage: ${dartString(fill(t.required, { label: title.label }))},
  );

  testWidgets('renames ${inQuotes(withArticle(lower(entity.label)))} from its details', (tester) async {
    final repository = InMemory${E}Repository(seed: samples.take(1).toList());
    await pumpScreen(tester, repository);

    await tester.tap(find.text(${dartString(sampleTitle(entity, 1))}));
    await tester.pumpAndSettle();
    await tester.tap(find.byTooltip(${dartString(t.edit)}));
    await tester.pumpAndSettle();
    await tester.enterText(find.byKey(const Key('${title.name}Field')), ${dartString(`Renamed ${lower(title.label)}`)});
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(`Renamed ${lower(title.label)}`)}), findsOneWidget);
    expect((await repository.fetchAll()).single.${title.name}, ${dartString(`Renamed ${lower(title.label)}`)});
  });
${particularTests(entity, t)
  .map((test) => `\n${test}\n`)
  .join('')}}
`;
}

export const entityArchetype: ArchetypeTemplate = {
  id: 'entity',
  dependencies: () => ({}),
  files(ctx): GeneratedFile[] {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return [
      ...recordsLibraryFiles(ctx.plan),
      { path: formPath(ctx), content: formDart(ctx, entity) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, entity) },
      { path: ctx.feature.paths.test, content: testDart(ctx, entity) },
      { path: RECORD_TESTS_PATH, content: recordScreenTestsDart(ctx.plan.packageName, uiText(ctx.plan)) },
    ];
  },
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection})`;
  },
  summary(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const fields = entity.fields.map((field) => lower(field.label)).join(', ');
    const extras = [
      doneField(entity) ? `tick ${lower(doneField(entity)?.label ?? '')} in the list` : '',
      moneyField(entity) ? `see the total ${lower(moneyField(entity)?.label ?? '')}` : '',
    ].filter(Boolean);
    return `A list of ${lower(entity.pluralLabel)} to add and edit with validation (${fields}), details and delete${extras.length ? `; ${extras.join(', ')}` : ''}.`;
  },
};
