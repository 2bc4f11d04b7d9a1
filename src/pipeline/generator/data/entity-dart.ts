/**
 * Dart snippets for an entity's fields, shared by the model writer and every
 * archetype that shows or edits entity data (forms, lists, charts, tests).
 */
import { dartString } from '../dart-string';
import type { AppPlan, EntityField, EntityPlan, FieldType } from '../plan/app-plan';
import { ENGLISH, dartText, fill, monthList, moneyFormat, uiText, type UiText } from '../ui-text';

const DART_TYPES: Readonly<Record<FieldType, string>> = {
  text: 'String',
  longText: 'String',
  email: 'String',
  phone: 'String',
  url: 'String',
  int: 'int',
  decimal: 'double',
  money: 'double',
  bool: 'bool',
  date: 'DateTime',
  dateTime: 'DateTime',
};

/** The field's Dart type, nullable when optional (`bool` never is). */
export function fieldDartType(field: EntityField): string {
  const base = DART_TYPES[field.type];
  return field.required || field.type === 'bool' ? base : `${base}?`;
}

export function isNumeric(field: EntityField): boolean {
  return field.type === 'int' || field.type === 'decimal' || field.type === 'money';
}

export function isTextual(field: EntityField): boolean {
  return ['text', 'longText', 'email', 'phone', 'url'].includes(field.type);
}

/** The title field (a required String). */
export function titleField(entity: EntityPlan): EntityField {
  const field = entity.fields.find((candidate) => candidate.name === entity.titleField);
  if (!field) throw new Error(`entity ${entity.className} lost its title field`);
  return field;
}

/** The first numeric field, e.g. an expense's amount: what a chart sums. */
export function valueField(entity: EntityPlan): EntityField | undefined {
  return entity.fields.find((field) => isNumeric(field) && field.required) ?? entity.fields.find(isNumeric);
}

/** Whether the field holds a `DateTime`: a day (`date`) or an instant at a time of day (`dateTime`). */
export function isDated(field: EntityField): boolean {
  return field.type === 'date' || field.type === 'dateTime';
}

/** The first date or date-time field: what a chart or calendar groups by. */
export function dateField(entity: EntityPlan): EntityField | undefined {
  return entity.fields.find((field) => isDated(field) && field.required) ?? entity.fields.find(isDated);
}

/**
 * A required text field other than the title, e.g. an expense's category: what a chart groups by.
 * Never a reference: its value is another record's id, not a name to show.
 */
export function categoryField(entity: EntityPlan): EntityField | undefined {
  return entity.fields.find(
    (field) => field.type === 'text' && field.required && field.name !== entity.titleField && !field.refersTo,
  );
}

/**
 * Dart expression turning `expr` (the field's value, of `fieldDartType`) into
 * display text, using `lib/core/formatters.dart` (`formatMoney`, `formatDate`,
 * `formatDateTime`, `formatNumber`). Nullable values give `''`; yes/no in the app's language (`words`).
 */
export function displayText(field: EntityField, expr: string, words: Pick<UiText, 'yes' | 'no'> = ENGLISH): string {
  const nullable = !field.required && field.type !== 'bool';
  const value = nullable ? `${expr}!` : expr;
  let text: string;
  switch (field.type) {
    case 'money':
      text = `formatMoney(${value})`;
      break;
    case 'decimal':
      text = `formatNumber(${value})`;
      break;
    case 'int':
      text = `'\${${value}}'`;
      break;
    case 'bool':
      text = `(${value} ? ${dartString(words.yes)} : ${dartString(words.no)})`;
      break;
    case 'date':
      text = `formatDate(${value})`;
      break;
    case 'dateTime':
      text = `formatDateTime(${value})`;
      break;
    default:
      if (nullable) return `(${expr} ?? '')`;
      text = value;
  }
  return nullable ? `(${expr} == null ? '' : ${text})` : text;
}

/** The id `sampleEntity(entity, n)` gives its record: `walker-1` for the first Walker. */
export function sampleId(className: string, n: number): string {
  return `${className.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}-${n}`;
}

/** The hour of sample `n`'s date-time (`sampleValue`): 09:30 on the 1st, 10:30 on the 2nd… */
export function sampleHour(n: number): number {
  return 8 + (n % 10);
}

/** A Dart literal of the field's type for test data (deterministic in `n`); a reference points at sample `n`. */
export function sampleValue(field: EntityField, n: number): string {
  if (field.refersTo) return dartString(sampleId(field.refersTo, n));
  switch (field.type) {
    case 'money':
    case 'decimal':
      return `${(n * 12.5).toFixed(2)}`;
    case 'int':
      return `${n * 3}`;
    case 'bool':
      return n % 2 === 0 ? 'true' : 'false';
    case 'date':
      return `DateTime(2026, 1, ${Math.min(28, n)})`;
    case 'dateTime':
      // Local times, as the form's pickers make them.
      return `DateTime(2026, 1, ${Math.min(28, n)}, ${sampleHour(n)}, 30)`;
    case 'email':
      return dartString(`user${n}@example.com`);
    case 'phone':
      return dartString(`+1 555 010${n % 10}`);
    case 'url':
      return dartString(`https://example.com/${n}`);
    default:
      return dartString(`${field.label} ${n}`);
  }
}

/**
 * A Dart constructor call of the entity with every field set, e.g.
 * `Expense(id: 'expense-1', title: 'Title 1', amount: 12.50, …)` (not const:
 * DateTime values are not constant).
 */
export function sampleEntity(entity: EntityPlan, n: number): string {
  const args = [`id: ${dartString(`${entity.fileName}-${n}`)}`];
  for (const field of entity.fields) args.push(`${field.name}: ${sampleValue(field, n)}`);
  return `${entity.className}(${args.join(', ')})`;
}

/** The sample's title text, as `sampleEntity(entity, n)` sets it (for `find.text` in tests). */
export function sampleTitle(entity: EntityPlan, n: number): string {
  return `${titleField(entity).label} ${n}`;
}

/** The field's Dart type without nullability (`String`, `int`, `double`, `bool`, `DateTime`). */
export function fieldBaseType(field: EntityField): string {
  return DART_TYPES[field.type];
}

/** Root-relative path of the shared formatters (`formatMoney`, `formatDate`, `formatNumber`). */
export const FORMATTERS_PATH = 'lib/core/formatters.dart';

/** Root-relative path of the in-memory repositories for tests (`InMemory<Entity>Repository`). */
export const FAKE_REPOSITORIES_PATH = 'test/support/fake_repositories.dart';

/** Root-relative path of `AppServices` and of the test helper `testServices()`. */
export const APP_SERVICES_PATH = 'lib/app_services.dart';
export const TEST_SERVICES_PATH = 'test/support/test_services.dart';

/** `package:<pkg>/<lib-relative>` import URI for a root-relative `lib/…` path. */
export function packageUri(packageName: string, rootPath: string): string {
  if (!rootPath.startsWith('lib/')) throw new Error(`${rootPath} is not under lib/`);
  return `package:${packageName}/${rootPath.slice('lib/'.length)}`;
}

/** Dart expression of `value` (a DateTime) as the numeric date `pattern` says (`dd.MM.yyyy`). */
function datePatternDart(pattern: string): string {
  const parts: Record<string, string> = { yyyy: 'value.year', MM: 'two(value.month)', dd: 'two(value.day)' };
  return dartText(
    pattern.replace(/yyyy|MM|dd/g, (token) => `{${token}}`),
    parts,
  );
}

/**
 * `lib/core/formatters.dart`: money in the app's currency (intl `NumberFormat`,
 * whose number symbols are built in, so no locale data has to be loaded
 * first), numbers with the language's separators, and dates and months as the
 * language writes them (fixed at generation time: no date symbols to load).
 */
export function formattersDart(plan: Pick<AppPlan, 'locale'>): string {
  const money = moneyFormat(plan);
  const text = uiText(plan);
  const months = monthList(text.monthNames).map((name) => dartString(name));
  const monthYear = dartText(text.monthYear, { month: '_months[value.month - 1]', year: 'value.year' });
  const exampleDay = fill(
    text.datePattern.replace(/yyyy|MM|dd/g, (token) => `{${token}}`),
    {
      yyyy: 2026,
      MM: '01',
      dd: '06',
    },
  );
  return `import 'package:intl/intl.dart';

/// Display formats shared by every screen: ${money.currency} with ${money.decimalDigits} decimals, dates as ${text.datePattern}.
final NumberFormat _money = NumberFormat.currency(
  locale: ${dartString(money.locale)},
  name: ${dartString(money.currency)},
  symbol: ${dartString(money.symbol)},
  decimalDigits: ${money.decimalDigits},
);

final NumberFormat _number = NumberFormat.decimalPattern(${dartString(money.locale)});

String formatMoney(double value) => _money.format(value);

String formatNumber(double value) => _number.format(value);

String formatDate(DateTime value) {
  String two(int n) => n.toString().padLeft(2, '0');
  return ${datePatternDart(text.datePattern)};
}

/// The time of day on a 24-hour clock, e.g. 14:30.
String formatTime(DateTime value) {
  String two(int n) => n.toString().padLeft(2, '0');
  return '\${two(value.hour)}:\${two(value.minute)}';
}

/// A day and its time of day, e.g. ${exampleDay} 14:30.
String formatDateTime(DateTime value) => '\${formatDate(value)} \${formatTime(value)}';

const List<String> _months = [
${months.map((name) => `  ${name},`).join('\n')}
];

/// ${fill(text.monthYear, { month: monthList(text.monthNames)[2], year: 2026 })}: section headers of lists ordered by date.
String formatMonth(DateTime value) => ${monthYear};
`;
}
