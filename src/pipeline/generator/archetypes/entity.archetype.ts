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
  isDated,
  displayText,
  isNumeric,
  packageUri,
  sampleEntity,
  sampleId,
  sampleTitle,
  titleField,
} from '../data/entity-dart';
import {
  hasCreator,
  providerLink,
  showsBookedWithMe,
  showsCreator,
  showsStaff,
  staffWritten,
} from '../data/backends/record-owner';
import { IDS_PATH } from '../data/entity-files';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import { dartText, fill, inSentence, uiText, type UiText } from '../ui-text';
import { recordText, type RecordText } from '../ui-text-records';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { groupingField } from './chart.mode';
import {
  RECORD_FORM_PATH,
  RECORD_FORM_SCAFFOLD_PATH,
  RECORD_LIST_PATH,
  RECORD_TESTS_PATH,
  recordScreenTestsDart,
  recordsLibraryFiles,
} from './records-library';
import {
  RECORD_REFERENCE_FIELD_PATH,
  RECORD_TITLES_PATH,
  linkOf,
  loadTitlesExpr,
  pickerDart,
  referenceFiles,
  referenceLinks,
  referencedTargets,
  repositoryArgs,
  repositoryFields,
  repositoryParams,
  serviceArgs,
  targetPaths,
  targetSampleTitle,
  titleExpr,
  titlesField,
  type ReferenceLink,
} from './reference-dart';
import { sampleKeyword } from './sample-keyword';
import { chatArchetype } from './chat.archetype';
import { listingChatOf } from './chat-shape';
import { chatText } from '../ui-text-chat';

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

/** What an empty staff-written list says to a customer, who cannot add to it: "No products yet". */
export function readOnlyEmpty(t: UiText, entity: EntityPlan): string {
  return fill(t.nothingYet, { items: inSentence(t, entity.pluralLabel) });
}

/** Newest first by the entity's required date; else alphabetical by title. */
function compareExpr(entity: EntityPlan): string {
  const date = dateField(entity);
  if (date?.required) return `(a, b) => b.${date.name}.compareTo(a.${date.name})`;
  return `(a, b) => a.${entity.titleField}.toLowerCase().compareTo(b.${entity.titleField}.toLowerCase())`;
}

/**
 * Fields shown under the title in the list: the first two that are not long text, the title or a
 * checkbox, references first (a lease is told apart by its tenant).
 */
function subtitleFields(entity: EntityPlan): EntityField[] {
  // A note's last edit tells it apart; when it was first written only the details say.
  const shown = entity.fields.filter(
    (field) =>
      field.name !== entity.titleField &&
      field.type !== 'longText' &&
      field.type !== 'bool' &&
      field.stamp !== 'created',
  );
  return [...shown.filter((field) => field.refersTo), ...shown.filter((field) => !field.refersTo)].slice(0, 2);
}

/** What the list and details show for a field: the referenced record's title for a reference. */
function shownText(field: EntityField, links: readonly ReferenceLink[], t: UiText): string {
  const link = linkOf(links, field);
  return link ? titleExpr(link, `item.${field.name}`) : displayText(field, `item.${field.name}`, t);
}

/** `head body` on one line at `indent` when it fits in 80 columns, else broken after the arrow. */
function arrowLine(head: string, body: string, indent: string): string {
  const line = `${head} ${body}`;
  return indent.length + line.length <= 80 ? line : `${head}\n${indent}    ${body}`;
}

/** A widget's const constructor with named parameters: one line when it fits in 80 columns, else one a line. */
function constructorDart(name: string, params: string[]): string {
  const line = `  const ${name}({${params.join(', ')}});`;
  return line.length <= 80 ? line : `  const ${name}({\n${params.map((param) => `    ${param},`).join('\n')}\n  });`;
}

/**
 * The list's `formBuilder:` argument: the form gets the record to edit and
 * the list's save, so it saves by itself and stays open when that fails.
 */
function formBuilderLine(form: string, args: string[]): string {
  const head = 'formBuilder: (context, initial, save) =>';
  const call = `${form}(${args.join(', ')}),`;
  if (`      ${head} ${call}`.length <= 80 || `          ${call}`.length <= 80) return arrowLine(head, call, '      ');
  return `${head} ${form}(\n${args.map((arg) => `        ${arg},`).join('\n')}\n      ),`;
}

/** `a ? b : c` after `prefix` on one line when it fits in 80 columns, else one branch a line. */
function choice(condition: string, yes: string, no: string, prefix: string): string {
  const line = `${condition} ? ${yes} : ${no}`;
  if (prefix.length + line.length + 1 <= 80) return line;
  const indent = ' '.repeat(prefix.length - prefix.trimStart().length + 4);
  return `${condition}\n${indent}? ${yes}\n${indent}: ${no}`;
}

/**
 * `(a ?? '')` → `a ?? ''`: `displayText` wraps nullable values in parentheses
 * so they can sit inside a larger expression; as a whole argument they are redundant.
 */
function unwrapped(expr: string): string {
  if (!expr.startsWith('(') || !expr.endsWith(')')) return expr;
  let depth = 0;
  for (let i = 0; i < expr.length - 1; i++) {
    if (expr[i] === '(') depth++;
    else if (expr[i] === ')') depth--;
    // The first parenthesis closes before the end: `(a) + (b)` keeps its parentheses.
    if (depth === 0) return expr;
  }
  return expr.slice(1, -1);
}

/** One row of the details, its arguments on their own lines (as `dart format` has it) when over 80 columns. */
function detailLine(field: EntityField, bracketed: string): string {
  const shown = unwrapped(bracketed);
  const line = `        RecordDetail(${dartString(field.label)}, ${shown}),`;
  if (line.length <= 80) return line;
  return `        RecordDetail(\n          ${dartString(field.label)},\n          ${shown},\n        ),`;
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

/** The money field the summary line adds up, e.g. an expense's amount. */
function totalMoneyField(entity: EntityPlan): EntityField | undefined {
  return totalFields(entity).find((field) => field.type === 'money');
}

function usesFormatters(fields: readonly EntityField[]): boolean {
  return fields.some((field) => field.type === 'money' || field.type === 'decimal' || isDated(field));
}

/**
 * Words of a field name that make a sum across records meaningless: ratings and
 * scores, targets and limits, unit prices and rates, per-set or per-week
 * figures, readings (weight, temperature, mileage), coordinates.
 */
const NOT_ADDITIVE = new Set([
  'rating',
  'priority',
  'year',
  'mood',
  'progress',
  'level',
  'latitude',
  'longitude',
  'lat',
  'lng',
  'target',
  'goal',
  'bedrooms',
  'servings',
  'streak',
  'score',
  'limit',
  'budget',
  'price',
  'rate',
  'reps',
  'weight',
  'age',
  'per',
  'every',
  'times',
  'temperature',
  'balance',
  'mileage',
  'odometer',
  'percent',
  'size',
  'capacity',
  'number',
  // How long a thing lasts (a class on a timetable, a song); time spent on a log is its `minutes`.
  'duration',
]);

/** The lower-case words of a camelCase or snake_case name: `timesPerWeek` → times, per, week. */
function nameWords(name: string): string[] {
  return name
    .split(/_|(?=[A-Z])/)
    .filter(Boolean)
    .map(lower);
}

/** A yes/no field that makes the list's amounts signed (income and expenses in one list). */
const SIGN_FLAG = /income|expense|credit|debit/i;

/**
 * Numbers worth adding up above the list: amounts of a log, i.e. an entity
 * whose records happened on a required date (expenses, payments, workouts,
 * hours logged). A catalog, a recipe book or a shopping list has no such sum:
 * unit prices, recipe minutes and quantities of unlike items add up to nothing.
 */
function totalFields(entity: EntityPlan): EntityField[] {
  if (!dateField(entity)?.required) return [];
  if (entity.fields.some((field) => field.type === 'bool' && SIGN_FLAG.test(field.name))) return [];
  return entity.fields.filter(
    (field) => isNumeric(field) && !field.refersTo && !nameWords(field.name).some((word) => NOT_ADDITIVE.has(word)),
  );
}

/** The summary's label of a field's sum: "Total minutes: ", or "Total: " for a field that is itself a total. */
function totalLabel(field: EntityField, t: UiText, r: RecordText): string {
  if (field.name.toLowerCase() === 'total') return r.grandTotal;
  return fill(t.total, { label: inSentence(t, field.label) });
}

/** Text for inside a single-quoted Dart string (escaped, without the quotes). */
function inQuotes(text: string): string {
  return dartString(text).slice(1, -1);
}

/** `final name = value;` at `indent`, broken after `=` as `dart format` does when longer than 80 columns. */
function finalLine(indent: string, name: string, value: string): string {
  const line = `${indent}final ${name} = ${value};`;
  return line.length <= 80 ? line : `${indent}final ${name} =\n${indent}    ${value};`;
}

/** The summary line: a local per total (and the done count), then the parts joined. */
interface Summary {
  locals: string[];
  parts: string[];
}

/** The summary line's parts (totals, how many are done) and the locals they read. */
function summaryOf(entity: EntityPlan, t: UiText, r: RecordText): Summary {
  const indent = '        ';
  const summary: Summary = { locals: [], parts: [] };
  for (const field of totalFields(entity)) {
    const name = `${field.name}Sum`;
    const value = field.required ? `item.${field.name}` : `(item.${field.name} ?? 0)`;
    const type = field.type === 'int' ? 'int' : 'double';
    summary.locals.push(finalLine(indent, name, `items.fold<${type}>(0, (sum, item) => sum + ${value})`));
    const shown = field.type === 'int' ? name : `${field.type === 'money' ? 'formatMoney' : 'formatNumber'}(${name})`;
    summary.parts.push(dartText(`${totalLabel(field, t, r)}{value}`, { value: shown }));
  }
  const done = doneField(entity);
  if (done) {
    const name = `${done.name}Count`;
    summary.locals.push(finalLine(indent, name, `items.where((item) => item.${done.name}).length`));
    summary.parts.push(
      dartText(fill(t.countOf, { label: inSentence(t, done.label) }), { count: name, total: 'items.length' }),
    );
  }
  return summary;
}

/** The `summaryOf:` argument of the list screen, or nothing when there is no total and no done field. */
function summaryOption(summary: Summary): string[] {
  if (!summary.parts.length) return [];
  const result =
    summary.parts.length === 1
      ? `        return ${summary.parts[0]};`
      : `        return [\n${summary.parts.map((part) => `          ${part},`).join('\n')}\n        ].join(' · ');`;
  return [`      summaryOf: (items) {\n${summary.locals.join('\n')}\n${result}\n      },`];
}

/** The unit a number field's name ends in (`distanceKm`, `minutes`), as a `{value} km` template. */
function unitTemplate(field: EntityField, r: RecordText): string | undefined {
  const last = nameWords(field.name).at(-1) ?? '';
  if (['minutes', 'minute', 'mins', 'min'].includes(last)) return r.minutes;
  if (['hours', 'hour', 'hrs'].includes(last)) return r.hours;
  if (['seconds', 'second', 'secs'].includes(last)) return r.seconds;
  const symbols: Readonly<Record<string, string>> = {
    km: 'km',
    kg: 'kg',
    calories: 'kcal',
    kcal: 'kcal',
    miles: 'mi',
    lbs: 'lb',
  };
  return symbols[last] ? `{value} ${symbols[last]}` : undefined;
}

/**
 * One part of a list line, as a Dart list element: money and dates speak for
 * themselves; other numbers carry their unit ("45 min") or their label
 * ("Stock: 5"), so a line never reads as bare numbers. An optional field only
 * shows when set.
 */
function subtitlePart(field: EntityField, links: readonly ReferenceLink[], t: UiText, r: RecordText): string {
  const link = linkOf(links, field);
  // An optional link left empty adds no part, so no dangling " · ".
  if (link) {
    const title = titleExpr(link, `item.${field.name}`);
    return field.required ? title : `if (item.${field.name} != null) ${title}`;
  }
  const optional = !field.required && field.type !== 'bool';
  const value = `item.${field.name}${optional ? '!' : ''}`;
  let text: string;
  if (field.type === 'int' || field.type === 'decimal') {
    // Interpolation prints an int as it is, so it needs no `!`.
    const number = field.type === 'int' ? `item.${field.name}` : `formatNumber(${value})`;
    const unit = unitTemplate(field, r);
    text = unit
      ? dartText(unit, { value: number })
      : dartText(fill(r.labelValue, { label: field.label }), { value: number });
  } else {
    text = displayText({ ...field, required: true }, value, t);
  }
  return optional ? `if (item.${field.name} != null) ${text}` : text;
}

function screenDart(ctx: FeatureContext, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const r = recordText(ctx.plan);
  const { screen, prefix } = ctx.feature.classes;
  const E = entity.className;
  const links = referenceLinks(ctx.plan, entity);
  const subtitle = subtitleFields(entity);
  const done = doneField(entity);
  const group = groupingField(entity);
  const date = dateField(entity);
  const options: string[] = [];
  if (subtitle.length) {
    const parts = subtitle.map((field) => `        ${subtitlePart(field, links, t, r)},`).join('\n');
    options.push(`      subtitleOf: (item) => [\n${parts}\n      ].join(' · '),`);
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
  options.push(...summaryOption(summaryOf(entity, t, r)));
  // A listing the chat is about: its detail messages the seller.
  const chat = listingChatOf(ctx.plan, entity)?.feature;
  if (chat) options.push(`      onMessage: ${links.length ? 'widget.' : ''}chat?.open,`);
  // A customer cannot add to what only staff keep: the empty list does not tell them to.
  if (staffWritten(ctx.plan, entity))
    options.push(`      readOnlyEmptyMessage: ${dartString(readOnlyEmpty(t, entity))},`);
  const details = entity.fields.map((field) => detailLine(field, shownText(field, links, t))).join('\n');
  const needsFormatters = usesFormatters(entity.fields);
  const imports = [
    `import '${fromFeatureDir(RECORD_LIST_PATH)}';`,
    `import '${fromFeatureDir(RECORD_LIST_PATH.replace('record_list_screen', 'record_detail_screen'))}';`,
    `import '${fromFeatureDir(entity.paths.model)}';`,
    `import '${fromFeatureDir(entity.paths.repository)}';`,
    `import '${formPath(ctx).slice(formPath(ctx).lastIndexOf('/') + 1)}';`,
    ...(needsFormatters ? [`import '${fromFeatureDir(FORMATTERS_PATH)}';`] : []),
    ...(links.length ? [`import '${fromFeatureDir(RECORD_TITLES_PATH)}';`] : []),
    ...targetPaths(links).map((path) => `import '${fromFeatureDir(path)}';`),
    ...(chat ? [`import '${chat.paths.screen.replace('lib/features/', '../')}';`] : []),
  ].sort();
  // With references the screen keeps the other lists' titles in its state, loaded with its records.
  const source = links.length ? 'widget.' : '';
  const formArgs = ['initial: initial', 'onSave: save', ...repositoryArgs(links, source)];
  const list = `    return RecordListScreen<${E}>(
      title: ${links.length ? `${screen}.title` : 'title'},
      repository: ${source}repository,
      idOf: (item) => item.id,
      titleOf: (item) => item.displayTitle,
      compare: ${compareExpr(entity)},
      ${formBuilderLine(`${prefix}FormScreen`, formArgs)}
      detailsOf: (item) => [
${details}
      ],
      emptyMessage: ${dartString(fill(t.emptyList, { items: lower(entity.pluralLabel), add: addLabel(entity, t) }))},
      addLabel: ${dartString(addLabel(entity, t))},${[...options, ...(links.length ? [`      loadFirst: ${loadTitlesExpr(links)},`] : [])].map((option) => `\n${option}`).join('')}
    );`;
  const header = `import 'package:flutter/material.dart';

${imports.join('\n')}

/// ${entity.pluralLabel}: the list, with add, open, edit and delete.`;
  const statics = `  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';`;
  const onMessage = chat
    ? `

  /// The chat whose conversation about an item its detail opens
  /// ("${chatText(ctx.plan).messageSeller.replace(/"/g, "'")}"); null offers none.
  final ${chat.classes.screen}? chat;`
    : '';
  if (!links.length) {
    return `${header}
class ${screen} extends StatelessWidget {
${chat ? constructorDart(screen, ['super.key', 'required this.repository', 'this.chat']) : `  const ${screen}({super.key, required this.repository});`}

${statics}

  final ${E}Repository repository;${onMessage}

  @override
  Widget build(BuildContext context) {
${list}
  }
}
`;
  }
  const params = ['super.key', 'required this.repository', ...repositoryParams(links), ...(chat ? ['this.chat'] : [])];
  return `${header}
class ${screen} extends StatefulWidget {
${constructorDart(screen, params)}

${statics}

  final ${E}Repository repository;

  /// The lists its ${lower(entity.pluralLabel)} refer to.
${repositoryFields(links)}${onMessage}

  @override
  State<${screen}> createState() => _${screen}State();
}

class _${screen}State extends State<${screen}> {
${links.map((link) => titlesField(link, 'widget.')).join('\n\n')}

  @override
  Widget build(BuildContext context) {
${list}
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
  // A reference's id comes from its dropdown; the validator made sure a required one is chosen.
  if (field.refersTo) return field.required ? `_${field.name}!` : `_${field.name}`;
  const text = `_${field.name}.text.trim()`;
  switch (field.type) {
    case 'bool':
      return `_${field.name}`;
    case 'date':
    case 'dateTime':
      return `_${field.name}`;
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
  if (isDated(field)) {
    // Only an optional date can be cleared; a required one always has a value.
    const clear = field.required ? '' : `\n          onCleared: () => setState(() => _${field.name} = null),`;
    const withTime = field.type === 'dateTime' ? '\n          withTime: true,' : '';
    return `        RecordDateField(
          key: const Key('${field.name}Field'),
          label: ${dartString(field.required ? field.label : fill(t.optional, { label: field.label }))},
          value: _${field.name},
          onChanged: (picked) => setState(() => _${field.name} = picked),${clear}${withTime}
        ),`;
  }
  const signed = isNumeric(field) && SIGNED.test(field.name) ? '\n          signed: true,' : '';
  return `        RecordTextField(
          key: const Key('${field.name}Field'),
          controller: _${field.name},
          label: ${dartString(field.label)},
          input: RecordInput.${RECORD_INPUTS[field.type]},
          required: ${field.required},${signed}
        ),`;
}

/**
 * Numbers that may be below zero (a balance adjustment, a temperature, goods out of a stock as a
 * `quantityChange`); every other number may not.
 */
const SIGNED = /balance|adjust|temperature|delta|difference|offset|change$/i;

/** A form's text controller, broken as `dart format` would when it does not fit in 80 columns. */
function controllerField(name: string, text: string): string {
  const short = `  late final TextEditingController ${name} =\n      TextEditingController(text: ${text});`;
  if (short.split('\n').every((line) => line.length <= 80)) return short;
  return `  late final TextEditingController ${name} = TextEditingController(\n    text: ${text},\n  );`;
}

function stateField(field: EntityField): string {
  const initial = `widget.initial?.${field.name}`;
  if (field.refersTo) return `  late String? _${field.name} = ${initial};`;
  switch (field.type) {
    case 'bool':
      return `  late bool _${field.name} = ${initial} ?? false;`;
    case 'date':
    case 'dateTime':
      return field.required
        ? `  late DateTime _${field.name} = ${initial} ?? DateTime.now();`
        : `  late DateTime? _${field.name} = ${initial};`;
    case 'int':
    case 'decimal':
    case 'money':
      // As the user would type it: "50000" rather than "50000.0", "12,5" where the decimal mark is a comma.
      return controllerField(`_${field.name}`, `RecordValidators.editable(${initial})`);
    default:
      return controllerField(`_${field.name}`, `${initial} ?? ''`);
  }
}

function formDart(ctx: FeatureContext, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const item = lower(entity.label);
  const form = `${ctx.feature.classes.prefix}FormScreen`;
  const E = entity.className;
  const links = referenceLinks(ctx.plan, entity);
  // Fields a feature keeps (a flashcard's schedule) are not typed: an edit keeps the record's values.
  const typed = entity.fields.filter((field) => !field.managed);
  const controllers = typed.filter((field) => field.type !== 'bool' && !isDated(field) && !field.refersTo);
  const dispose = controllers.map((field) => `    _${field.name}.dispose();`).join('\n');
  const args = [
    '        id: widget.initial?.id ?? newId(),',
    ...entity.fields.map((field) => {
      const line = `        ${field.name}: ${field.managed ? managedValue(field) : formValue(field)},`;
      // An optional text too long for one line: one branch a line, as `dart format` breaks it.
      return line.length <= 80 ? line : line.replace(' ? null : ', '\n            ? null\n            : ');
    }),
  ];
  const widgets = typed.map((field) => {
    const link = linkOf(links, field);
    if (!link) return fieldWidget(field, t);
    return pickerDart(ctx.plan, link, {
      key: `${field.name}Field`,
      value: `_${field.name}`,
      source: 'widget.',
      handlers: [`onChanged: (value) => setState(() => _${field.name} = value)`],
      indent: '        ',
    });
  });
  const imports = [
    fromFeatureDir(RECORD_FORM_PATH),
    fromFeatureDir(RECORD_FORM_SCAFFOLD_PATH),
    fromFeatureDir(entity.paths.model),
    fromFeatureDir(IDS_PATH),
    ...(links.length ? [fromFeatureDir(RECORD_REFERENCE_FIELD_PATH)] : []),
    ...targetPaths(links).map(fromFeatureDir),
  ].sort();
  const params = ['super.key', 'this.initial', 'required this.onSave', ...repositoryParams(links)];
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}

/// Adds ${withArticle(lower(entity.label))}, or edits \`initial\`: saves it with \`onSave\`, then
/// pops with it; stays open with the input when the save fails.
class ${form} extends StatefulWidget {
${constructorDart(form, params)}

  final ${E}? initial;

  /// Saves the ${lower(entity.label)}; throws when the backend refuses it.
  final Future<void> Function(${E} item) onSave;${links.length ? `\n\n  /// The lists its references are picked from.\n${repositoryFields(links)}` : ''}

  @override
  State<${form}> createState() => _${form}State();
}

class _${form}State extends State<${form}> {
${typed.map(stateField).join('\n')}

  @override
  void dispose() {
${dispose}
    super.dispose();
  }

${buildDart(
  E,
  args,
  entity.fields.some((field) => field.stamp),
)}

  @override
  Widget build(BuildContext context) {
    return RecordFormScaffold<${E}>(
      title: ${choice('widget.initial == null', dartString(fill(t.newItem, { item })), dartString(fill(t.editItem, { item })), '      title: ')},
      build: _build,
      onSave: widget.onSave,
      children: [
${widgets.join('\n')}
      ],
    );
  }
}
`;
}

/** What the form saves for a field nobody types: the edited record's value, or the save's time. */
function managedValue(field: EntityField): string {
  if (field.stamp === 'updated') return 'now';
  if (field.stamp === 'created') return `widget.initial?.${field.name} ?? now`;
  return `widget.initial?.${field.name}`;
}

/** The form's `_build`: one expression, or a body that reads the clock once when the app stamps times. */
function buildDart(className: string, args: readonly string[], stamped: boolean): string {
  if (!stamped) return `  ${className} _build() => ${className}(\n${args.join('\n')}\n      );`;
  const body = args.map((arg) => arg.replace(/^ {2}/gm, '')).join('\n');
  return `  ${className} _build() {
    final now = DateTime.now();
    return ${className}(
${body}
    );
  }`;
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

/** Extra widget tests for what makes this entity's screen particular. */
function particularTests(entity: EntityPlan, t: UiText, r: RecordText): string[] {
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
  const money = totalMoneyField(entity);
  if (money) {
    tests.push(`  testWidgets('adds up the ${inQuotes(lower(money.label))}', (tester) async {
    await pumpScreen(
      tester,
      InMemory${entity.className}Repository(seed: [
        ${sampleEntity(entity, 1)},
        ${sampleEntity(entity, 2)},
      ]),
    );

    expect(
      find.textContaining('${inQuotes(totalLabel(money, t, r))}\${formatMoney(37.5)}'),
      findsOneWidget,
    );
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
    tests.push(`  testWidgets('shows all again when the chosen ${inQuotes(lower(group.label))} has no record left', (tester) async {
    await pumpScreen(
      tester,
      InMemory${entity.className}Repository(seed: [
        ${sampleEntity(entity, 1)},
        ${sampleEntity(entity, 2)},
      ]),
    );
    await tester.tap(find.widgetWithText(ChoiceChip, ${dartString(`${group.label} 2`)}));
    await tester.pumpAndSettle();

    await tester.tap(find.byTooltip(${dartString(t.delete)}));
    await tester.pumpAndSettle();
    await tester.tap(find.widgetWithText(FilledButton, ${dartString(t.delete)}));
    await tester.pumpAndSettle();

    expect(find.widgetWithText(ChoiceChip, ${dartString(`${group.label} 2`)}), findsNothing);
    expect(find.text(${dartString(sampleTitle(entity, 1))}), findsOneWidget);
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
  const clearable = entity.fields.find((field) => isDated(field) && !field.required);
  if (clearable) {
    const clear = `find.descendant(of: find.byKey(const Key('${clearable.name}Field')), matching: find.byTooltip(${dartString(t.clear)}))`;
    tests.push(`  testWidgets('clears the ${inQuotes(lower(clearable.label))}', (tester) async {
    final repository = InMemory${entity.className}Repository(seed: [${sampleEntity(entity, 1)}]);
    await pumpScreen(tester, repository);

    await tester.tap(find.text(${dartString(sampleTitle(entity, 1))}));
    await tester.pumpAndSettle();
    await tester.tap(find.byTooltip(${dartString(t.edit)}));
    await tester.pumpAndSettle();
    final clear = ${clear};
    await tester.ensureVisible(clear);
    await tester.tap(clear);
    await tester.pump();
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    expect((await repository.fetchAll()).single.${clearable.name}, isNull);
  });`);
  }
  const unsigned = entity.fields.find((field) => isNumeric(field) && !SIGNED.test(field.name));
  if (unsigned) {
    tests.push(`  testWidgets('refuses ${inQuotes(lower(unsigned.label))} below zero', (tester) async {
    await pumpScreen(tester, InMemory${entity.className}Repository());

    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    await tester.enterText(find.byKey(const Key('${unsigned.name}Field')), '-3');
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(t.enterZeroOrMore)}), findsOneWidget);
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
  tests.push(...stampTests(entity, t));
  return tests;
}

/** Tests of the times the app stamps on save: an edit moves the last one and keeps the first. */
function stampTests(entity: EntityPlan, t: UiText): string[] {
  const updated = entity.fields.find((field) => field.stamp === 'updated');
  if (!updated) return [];
  const created = entity.fields.find((field) => field.stamp === 'created');
  const first = sampleTitle(entity, 1);
  const second = sampleTitle(entity, 2);
  const keeps = created ? `\n    expect(saved.${created.name}, samples.first.${created.name});` : '';
  return [
    `  testWidgets('stamps the time of an edit${created ? ', keeping when it was created' : ''}', (tester) async {
    final repository = InMemory${entity.className}Repository(
      seed: samples.take(1).toList(),
    );
    await pumpScreen(tester, repository);

    await tester.tap(find.text(${dartString(first)}));
    await tester.pumpAndSettle();
    await tester.tap(find.byTooltip(${dartString(t.edit)}));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    final saved = (await repository.fetchAll()).single;
    expect(saved.${updated.name}.isAfter(samples.first.${updated.name}), isTrue);${keeps}
  });`,
    `  testWidgets('lists the most recently edited ${inQuotes(lower(entity.pluralLabel))} first', (tester) async {
    await pumpScreen(tester, InMemory${entity.className}Repository(seed: samples));

    expect(
      tester.getTopLeft(find.text(${dartString(second)})).dy,
      lessThan(tester.getTopLeft(find.text(${dartString(first)})).dy),
    );
  });`,
  ];
}

function testDart(ctx: FeatureContext, entity: EntityPlan): string {
  const t = uiText(ctx.plan);
  const { screen } = ctx.feature.classes;
  const pkg = ctx.plan.packageName;
  const E = entity.className;
  const title = titleField(entity);
  const links = referenceLinks(ctx.plan, entity);
  const required = entity.fields.filter(
    (field) => field.required && field.type !== 'bool' && !isDated(field) && !field.refersTo,
  );
  const input = required
    .map((field) => `      const Key('${field.name}Field'): ${dartString(validInput(field))},`)
    .join('\n');
  const imports = [
    `import 'package:${pkg}/${ctx.feature.paths.screen.slice('lib/'.length)}';`,
    `import '${packageUri(pkg, entity.paths.model)}';`,
    ...(totalMoneyField(entity) ? [`import '${packageUri(pkg, FORMATTERS_PATH)}';`] : []),
    ...referencedTargets(links).map((link) => `import '${packageUri(pkg, link.target.paths.model)}';`),
  ].sort();
  const targets = referencedTargets(links);
  // The lists references point at: the samples' references name their first records.
  // `const` declarations when the samples allow it (prefer_const_declarations / _constructors).
  const saved = targets
    .map(
      (link) =>
        `\n  ${sampleKeyword(link.target)} ${savedList(link)} = [${sampleEntity(link.target, 1)}, ${sampleEntity(link.target, 2)}];\n`,
    )
    .join('');
  const pumpParams = targets.length
    ? `, {${targets.map((link) => `InMemory${link.target.className}Repository? ${link.param}`).join(', ')}}`
    : '';
  const screenArgs = targets
    .map(
      (link) =>
        `, ${link.param}: ${link.param} ?? InMemory${link.target.className}Repository(seed: ${savedList(link)})`,
    )
    .join('');
  const seededArgs = targets
    .map((link) => `, ${link.param}: InMemory${link.target.className}Repository(seed: ${savedList(link)})`)
    .join('');
  const choices = links
    .map((link) => `      const Key('${link.field.name}Field'): ${dartString(targetSampleTitle(link, 2))},`)
    .join('\n');
  const renamed = dartString(`Renamed ${lower(title.label)}`);
  const support = [
    `import '../support/${FAKE_REPOSITORIES_PATH.slice('test/support/'.length)}';`,
    `import '../support/${RECORD_TESTS_PATH.slice('test/support/'.length)}';`,
  ];
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${imports.join('\n')}

${support.join('\n')}

void main() {
  ${sampleKeyword(entity)} samples = [
    ${sampleEntity(entity, 1)},
    ${sampleEntity(entity, 2)},
  ];
${saved}
  Future<void> pumpScreen(WidgetTester tester, InMemory${E}Repository repository${pumpParams}) async {
    await tester.pumpWidget(MaterialApp(home: ${screen}(repository: repository${screenArgs})));
    await tester.pumpAndSettle();
  }

  recordScreenTests<${E}, InMemory${E}Repository>(
    name: ${screen}.title,
    screen: (repository) => ${screen}(repository: repository${seededArgs}),
    repository: (seed) => InMemory${E}Repository(seed: seed),
    samples: samples,
    sampleTitles: [${dartString(sampleTitle(entity, 1))}, ${dartString(sampleTitle(entity, 2))}],
    validInput: {
${input}
    },${links.length ? `\n    choices: {\n${choices}\n    },` : ''}
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
    await tester.enterText(find.byKey(const Key('${title.name}Field')), ${renamed});
    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    // Back on the details, which show the new ${lower(title.label)}: in the title and its row.
    expect(find.byTooltip(${dartString(t.edit)}), findsOneWidget);
    expect(find.text(${renamed}), findsNWidgets(2));
    expect((await repository.fetchAll()).single.${title.name}, ${renamed});

    await tester.pageBack();
    await tester.pumpAndSettle();
    expect(find.text(${renamed}), findsOneWidget);
  });
${[...particularTests(entity, t, recordText(ctx.plan)), ...creatorTests(ctx, entity), ...referenceTests(ctx, entity, links, title)].map((test) => `\n${test}\n`).join('')}}
`;
}

/**
 * A posted entity's test (a listing whose creator alone changes it,
 * \`record-owner.ts\`): another user's record offers no edit or delete, the
 * user's own does and says it is theirs; a booking both parties see gets
 * the booked variant (`othersRecordsTest`).
 */
function creatorTests(ctx: FeatureContext, entity: EntityPlan): string[] {
  const booked = showsBookedWithMe(ctx.plan) && providerLink(ctx.plan, entity) !== undefined;
  if (booked) return [othersRecordsTest(ctx, entity, true)];
  if (!showsCreator(ctx.plan) || !hasCreator(ctx.plan, entity)) return [];
  return [othersRecordsTest(ctx, entity, false)];
}

/**
 * The test of a list where the first sample is another user's: it offers
 * no edit or delete. A posted list marks the user's own record (the second
 * sample, which they may change); a list of bookings both parties see
 * (`booked`, `record-owner.ts` `providerLink`) marks the one someone else
 * booked with the user.
 */
function othersRecordsTest(ctx: FeatureContext, entity: EntityPlan, booked: boolean): string {
  const t = uiText(ctx.plan);
  const r = recordText(ctx.plan);
  const mark = dartString(booked ? r.bookedWithYou : r.postedByYou);
  const own = `

    await tester.pageBack();
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(sampleTitle(entity, 2))}));
    await tester.pumpAndSettle();
    expect(find.byTooltip(${dartString(t.edit)}), findsOneWidget);
    expect(find.byTooltip(${dartString(t.delete)}), findsOneWidget);
    expect(find.text(${mark}), findsOneWidget);`;
  return `  testWidgets(${dartString(booked ? 'marks the bookings made with the user, who cannot change them' : 'offers edit and delete only on the records the user created')},
      (tester) async {
    final repository = InMemory${entity.className}Repository(seed: samples)
      ..othersRecords.add(samples.first.id);
    await pumpScreen(tester, repository);

    // ${booked ? 'Someone else booked the first sample with the user: only the second' : "Only the second sample is the user's: it alone"} has a delete button.
    expect(find.byTooltip(${dartString(t.delete)}), findsOneWidget);
    expect(find.textContaining(${mark}), findsOneWidget);

    await tester.tap(find.text(${dartString(sampleTitle(entity, 1))}));
    await tester.pumpAndSettle();
    expect(find.byTooltip(${dartString(t.edit)}), findsNothing);
    expect(find.byTooltip(${dartString(t.delete)}), findsNothing);
    expect(find.text(${mark}), ${booked ? 'findsOneWidget' : 'findsNothing'});${booked ? '' : own}
  });`;
}

/** The test's list of a reference target's samples, e.g. `savedWalkers`. */
function savedList(link: ReferenceLink): string {
  return `saved${link.param[0].toUpperCase()}${link.param.slice(1)}`;
}

/**
 * Tests of the first reference: the picked record's id is saved and the list
 * shows its title; a deleted one shows as removed; an empty list says so.
 */
function referenceTests(ctx: FeatureContext, entity: EntityPlan, links: ReferenceLink[], title: EntityField): string[] {
  const link = links[0];
  if (!link) return [];
  const t = uiText(ctx.plan);
  const E = entity.className;
  const { field, param, target } = link;
  const chosen = targetSampleTitle(link, 2);
  const noun = inQuotes(lower(field.label));
  const requiredCheck = field.required
    ? `\n\n    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(fill(t.required, { label: field.label }))}), findsOneWidget);`
    : '';
  const openCheck = link.route ? `\n    expect(find.text(${dartString(link.openLabel)}), findsOneWidget);` : '';
  return [
    `  testWidgets('saves the chosen ${noun} and lists it by name', (tester) async {
    final repository = InMemory${E}Repository();
    await pumpScreen(tester, repository);

    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();
    await tester.enterText(find.byKey(const Key('${title.name}Field')), ${dartString(validInput(title))});
${entity.fields
  .filter((other) => other.required && other !== title && !other.refersTo && other.type !== 'bool' && !isDated(other))
  .map(
    (other) =>
      `    await tester.enterText(find.byKey(const Key('${other.name}Field')), ${dartString(validInput(other))});\n`,
  )
  .join('')}    await tester.ensureVisible(find.byKey(const Key('${field.name}Field')));
    await tester.tap(find.byKey(const Key('${field.name}Field')));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(chosen)}).last);
    await tester.pumpAndSettle();
${links
  .slice(1)
  .filter((other) => other.field.required)
  .map(
    (other) => `    await tester.ensureVisible(find.byKey(const Key('${other.field.name}Field')));
    await tester.tap(find.byKey(const Key('${other.field.name}Field')));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(targetSampleTitle(other, 1))}).last);
    await tester.pumpAndSettle();\n`,
  )
  .join('')}    await tester.tap(find.text(${dartString(t.save)}));
    await tester.pumpAndSettle();

    expect((await repository.fetchAll()).single.${field.name}, ${dartString(sampleId(target.className, 2))});
    expect(find.textContaining(${dartString(chosen)}), findsOneWidget);
  });`,
    `  testWidgets('shows a deleted ${noun} as removed', (tester) async {
    await pumpScreen(
      tester,
      InMemory${E}Repository(seed: samples.take(1).toList()),
      ${param}: InMemory${target.className}Repository(),
    );

    expect(find.textContaining(${dartString(link.removed)}), findsOneWidget);
  });`,
    `  testWidgets('says when there is no ${noun} to choose yet', (tester) async {
    await pumpScreen(tester, InMemory${E}Repository(), ${param}: InMemory${target.className}Repository());

    await tester.tap(find.byType(FloatingActionButton));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(link.emptyMessage)}), findsOneWidget);${openCheck}${requiredCheck}
  });`,
  ];
}

export const entityArchetype: ArchetypeTemplate = {
  id: 'entity',
  dependencies: () => ({}),
  files(ctx): GeneratedFile[] {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return [
      ...recordsLibraryFiles(
        ctx.plan,
        showsCreator(ctx.plan),
        ctx.plan.entities.some((other) => listingChatOf(ctx.plan, other))
          ? chatText(ctx.plan).messageSeller
          : undefined,
        showsBookedWithMe(ctx.plan),
        showsStaff(ctx.plan),
      ),
      { path: formPath(ctx), content: formDart(ctx, entity) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, entity) },
      { path: ctx.feature.paths.test, content: testDart(ctx, entity) },
      { path: RECORD_TESTS_PATH, content: recordScreenTestsDart(uiText(ctx.plan), recordText(ctx.plan)) },
      ...(referenceLinks(ctx.plan, entity).length ? referenceFiles() : []),
    ];
  },
  screenBuilder(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const others = serviceArgs(referenceLinks(ctx.plan, entity));
    const chat = listingChatOf(ctx.plan, entity);
    // The chat screen opens the conversation, as from its own list.
    const withChat = chat ? `, chat: ${chatArchetype.screenBuilder(chat)}` : '';
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection}${others}${withChat})`;
  },
  summary(ctx) {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const fields = entity.fields
      .filter((field) => !field.managed)
      .map((field) => lower(field.label))
      .join(', ');
    const done = doneField(entity);
    const total = totalMoneyField(entity);
    const extras = [
      done ? `tick ${lower(done.label)} in the list` : '',
      // "see the total amount", not "see the total total".
      total ? `see the ${/^total\b/i.test(total.label) ? '' : 'total '}${lower(total.label)}` : '',
    ].filter(Boolean);
    // A customer only reads a list staff keep (a shop's products).
    const edits = staffWritten(ctx.plan, entity) ? 'kept by staff' : 'to add and edit';
    return `A list of ${lower(entity.pluralLabel)} ${edits} with validation (${fields}), details and delete${extras.length ? `; ${extras.join(', ')}` : ''}.`;
  },
};
