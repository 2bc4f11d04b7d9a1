/**
 * The shared data layer of a generated app: one immutable model and one
 * repository interface per entity, id and formatting helpers, and the
 * in-memory repositories the widget tests use. Backend implementations of the
 * interfaces come from `backends.ts`.
 */
import type { GeneratedFile } from '../app-spec';
import {
  BOOKED_RECORDS,
  POSTED_RECORDS,
  RECORD_REPOSITORY_PATH,
  recordRepositoryDart,
} from '../archetypes/records-library';
import { needsUserMessage, userMessageFile } from '../archetypes/records-user-message';
import { guessReason, isGuessed } from '../field-guesses';
import { relativeImport } from './backends/backend-names';
import { hasCreator, providerLink, showsBookedWithMe, showsCreator, showsStaff } from './backends/record-owner';
import type { AppPlan, EntityField, EntityPlan } from '../plan/app-plan';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  fieldBaseType,
  fieldDartType,
  formattersDart,
  isDated,
  packageUri,
} from './entity-dart';
import { MODEL_TESTS_PATH, modelTestsDart } from './model-tests';

export const IDS_PATH = 'lib/data/ids.dart';

/** `missingField`, what every model's `fromJson` throws for a required value the data lacks. */
export const JSON_FIELDS_PATH = 'lib/data/json_fields.dart';

/**
 * \`lib/data/json_fields.dart\`: what every model's JSON code shares, written
 * once instead of per model: \`missingField\`, and the date readers and
 * writers the plan's models use.
 *
 * Dates travel (JSON, Firestore, Supabase \`timestamptz\`, GraphQL
 * \`DateTime\`) as UTC ISO-8601 strings, so every backend and device reads
 * the same instant. A day picked in a date picker is sent as midnight UTC of
 * that day and read back as that day, so it never moves to the day before in
 * another time zone; a moment is sent in UTC and shown in local time.
 */
export function jsonFieldsDart(plan: Pick<AppPlan, 'entities'>): string {
  const dates = plan.entities.flatMap((entity) => entity.fields.filter(isDated));
  const parts = [
    `/// Thrown by a model's \`fromJson\` for a required value the data lacks, so
/// bad data is reported instead of shown as empty text or today's date.
/// Server repositories skip such a record and log why (\`readRecords\`).
Never missingField(String model, String field) =>
    throw FormatException('$model: the required field "$field" is missing');`,
  ];
  if (dates.some((field) => !isMoment(field))) {
    parts.push(`/// A day (picked in a date picker) as midnight UTC of that day, so it never
/// shifts to the day before in another time zone.
String dayJson(DateTime value) =>
    DateTime.utc(value.year, value.month, value.day).toIso8601String();

/// The day [value] (a \`dayJson\` string) stands for; null if it is none.
DateTime? readDay(Object? value) {
  final parsed = value is String ? DateTime.tryParse(value) : null;
  if (parsed == null) return null;
  return DateTime(parsed.year, parsed.month, parsed.day);
}`);
  }
  if (dates.some(isMoment)) {
    parts.push(`/// A moment (an appointment, a message's time) in UTC.
String momentJson(DateTime value) => value.toUtc().toIso8601String();

/// The moment [value] (an ISO-8601 string) stands for, in the device's time
/// zone; null if it is none.
DateTime? readMoment(Object? value) =>
    value is String ? DateTime.tryParse(value)?.toLocal() : null;`);
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * Whether a date field holds a moment (an appointment's time, a message's
 * `sentAt`, a `createdAt`) rather than a calendar day picked in a date picker
 * (a due date, a birthday).
 */
export function isMoment(field: EntityField): boolean {
  if (field.type === 'dateTime') return true;
  return field.type === 'date' && /(At|Time|Timestamp)$|^(timestamp|time)$/.test(field.name);
}

/** The reader of a date field's JSON value: `readMoment` or `readDay` (see `jsonFieldsDart`). */
function dateReader(field: EntityField): string {
  return isMoment(field) ? 'readMoment' : 'readDay';
}

/** The Dart expression reading the field's value; a missing required value throws (`missingField`). */
function fromJsonValue(entity: EntityPlan, field: EntityField): string {
  const key = `json['${field.name}']`;
  const missing = `missingField('${entity.className}', '${field.name}')`;
  const orMissing = (read: string): string => (field.required ? `${read} ?? ${missing}` : read);
  switch (field.type) {
    case 'date':
    case 'dateTime':
      return orMissing(`${dateReader(field)}(${key})`);
    case 'int':
      return orMissing(`(${key} as num?)?.toInt()`);
    case 'decimal':
    case 'money':
      return orMissing(`(${key} as num?)?.toDouble()`);
    case 'bool':
      // Never required: a flag the data lacks is off (e.g. a column added later).
      return `${key} as bool? ?? false`;
    default:
      return orMissing(`${key} as String?`);
  }
}

/**
 * `name: <value>,` in the constructor call of `fromJson` (six columns in);
 * too long for 80 columns, it breaks after `??` as `dart format` does.
 */
function fromJsonArg(name: string, value: string): string {
  const line = `      ${name}: ${value},`;
  if (line.length <= 80) return line;
  const at = value.lastIndexOf(' ?? ');
  if (at < 0) return line;
  return `      ${name}: ${value.slice(0, at)} ??\n          ${value.slice(at + 4)},`;
}

function toJsonValue(field: EntityField): string {
  if (!isDated(field)) return field.name;
  const writer = isMoment(field) ? 'momentJson' : 'dayJson';
  return field.required ? `${writer}(${field.name})` : `${field.name} == null ? null : ${writer}(${field.name}!)`;
}

function constructorParam(field: EntityField): string {
  return field.required
    ? `required this.${field.name}`
    : field.type === 'bool'
      ? `this.${field.name} = false`
      : `this.${field.name}`;
}

/** `copyWith` cannot clear an optional field through `null`; a `clearX` flag per optional field does. */
function copyWith(entity: EntityPlan): string {
  const optional = entity.fields.filter((field) => !field.required && field.type !== 'bool');
  const params = [
    '    String? id,',
    ...entity.fields.map((field) => `    ${fieldBaseType(field)}? ${field.name},`),
    ...optional.map((field) => `    bool clear${field.name[0].toUpperCase()}${field.name.slice(1)} = false,`),
  ];
  const args = [
    '      id: id ?? this.id,',
    ...entity.fields.map((field) => {
      if (field.required || field.type === 'bool') return `      ${field.name}: ${field.name} ?? this.${field.name},`;
      const flag = `clear${field.name[0].toUpperCase()}${field.name.slice(1)}`;
      return `      ${field.name}: ${flag} ? null : ${field.name} ?? this.${field.name},`;
    }),
  ];
  return `  ${entity.className} copyWith({
${params.join('\n')}
  }) {
    return ${entity.className}(
${args.join('\n')}
    );
  }`;
}

/** A TODO under the model's doc line when its fields are a guess, wrapped to 80 columns. */
function guessTodo(entity: EntityPlan): string {
  if (!isGuessed(entity)) return '';
  const words = `TODO: ${guessReason(entity)} Check them against your data (README.md, "What was guessed").`.split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && `/// ${lines[last]} ${word}`.length <= 80) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return `\n///\n${lines.map((line) => `/// ${line}`).join('\n')}`;
}

/**
 * `operator ==` over every field, so an edited copy is not equal to the
 * original (a rebuild or a selector would miss the edit otherwise); laid out
 * as `dart format` does: one line when it fits, else one comparison a line.
 */
function equalsDart(entity: EntityPlan): string {
  const name = entity.className;
  const comparisons = ['id', ...entity.fields.map((field) => field.name)].map((field) => `other.${field} == ${field}`);
  const oneLine = `  bool operator ==(Object other) => other is ${name} && ${comparisons.join(' && ')};`;
  if (oneLine.length <= 80) return oneLine;
  const afterArrow = `other is ${name} && ${comparisons.join(' && ')};`;
  if (afterArrow.length + 6 <= 80) return `  bool operator ==(Object other) =>\n      ${afterArrow}`;
  return `  bool operator ==(Object other) =>\n      other is ${name} &&\n${comparisons.map((c) => `      ${c}`).join(' &&\n')};`;
}

/**
 * `hashCode` from the same fields as `==`: `Object.hash` takes up to 20
 * values, `Object.hashAll` any number.
 */
function hashCodeDart(entity: EntityPlan): string {
  const values = ['id', ...entity.fields.map((field) => field.name)];
  const call = values.length <= 20 ? 'Object.hash' : 'Object.hashAll';
  const args = values.length <= 20 ? values : [`[${values.join(', ')}]`];
  const oneLine = `  int get hashCode => ${call}(${args.join(', ')});`;
  if (oneLine.length <= 80) return oneLine;
  if (values.length > 20) {
    return `  int get hashCode => Object.hashAll([\n${values.map((v) => `        ${v},`).join('\n')}\n      ]);`;
  }
  return `  int get hashCode => Object.hash(\n${values.map((v) => `        ${v},`).join('\n')}\n      );`;
}

export function entityModelDart(entity: EntityPlan): string {
  const fields = entity.fields.map((field) => `  final ${fieldDartType(field)} ${field.name};`).join('\n');
  const params = ['required this.id', ...entity.fields.map(constructorParam)].map((p) => `    ${p},`).join('\n');
  // As `dart format` lays out a map literal after `=>`: entries at 8 columns, the brace at 6.
  const json = [
    `        'id': id,`,
    ...entity.fields.map((field) => `        '${field.name}': ${toJsonValue(field)},`),
  ].join('\n');
  const fromJson = [
    fromJsonArg('id', `json['id'] as String? ?? missingField('${entity.className}', 'id')`),
    ...entity.fields.map((field) => fromJsonArg(field.name, fromJsonValue(entity, field))),
  ].join('\n');
  return `import '${relativeImport(entity.paths.model, JSON_FIELDS_PATH)}';

/// ${entity.label}: one record of the app's data.${guessTodo(entity)}
class ${entity.className} {
  const ${entity.className}({
${params}
  });

  final String id;
${fields}

  /// What lists and pickers show for this ${entity.label.toLowerCase()}.
  String get displayTitle => ${entity.titleField};

${copyWith(entity)}

  Map<String, Object?> toJson() => {
${json}
      };

  factory ${entity.className}.fromJson(Map<String, Object?> json) {
    return ${entity.className}(
${fromJson}
    );
  }

  @override
${equalsDart(entity)}

  @override
${hashCodeDart(entity)}
}
`;
}

export function entityRepositoryDart(entity: EntityPlan): string {
  return `import '../models/${entity.fileName}.dart';
import 'record_repository.dart';

/// Where ${entity.pluralLabel.toLowerCase()} are stored. The app picks the implementation
/// (see \`lib/app_services.dart\`); screens only see this interface.
abstract interface class ${entity.className}Repository implements RecordRepository<${entity.className}> {
  @override
  Future<List<${entity.className}>> fetchAll();

  /// Inserts the ${entity.label.toLowerCase()}, or replaces the one with the same id.
  @override
  Future<void> save(${entity.className} item);

  @override
  Future<void> delete(String id);
}
`;
}

export function idsDart(): string {
  return `import 'dart:math';

final Random _random = Random();

/// A new record id: time-ordered and unique enough for one user's data.
String newId() {
  final time = DateTime.now().microsecondsSinceEpoch.toRadixString(36);
  // Not \`1 << 32\`: on the web shifts are 32-bit, so that would be 0 and throw.
  final noise = _random.nextInt(0x7fffffff).toRadixString(36).padLeft(6, '0');
  return '$time$noise';
}
`;
}

/**
 * The in-memory repository of one entity; a posted one's (\`posted\`, a
 * listing whose creator alone changes it) also tells which records another
 * user created, so tests can check the screens offer them no edit or delete;
 * a booked one's (\`booked\`, bookings both parties see) which bookings
 * someone else made with the user.
 */
function fakeRepository(entity: EntityPlan, posted = false, booked = false): string {
  const name = entity.className;
  if (posted || booked) {
    return `class InMemory${name}Repository extends InMemoryRecords<${name}>
    implements ${name}Repository, ${booked ? BOOKED_RECORDS : POSTED_RECORDS} {
  InMemory${name}Repository({super.seed, super.failing})
      : super(idOf: (item) => item.id);

  /// The ids of ${booked ? 'bookings others made with the user' : 'the records another user created'}; the rest are the user's.
  final Set<String> othersRecords = {};

  @override
  bool isMine(String id) => !othersRecords.contains(id);
}`;
  }
  return `class InMemory${name}Repository extends InMemoryRecords<${name}>
    implements ${name}Repository {
  InMemory${name}Repository({super.seed, super.failing})
      : super(idOf: (item) => item.id);
}`;
}

/** What every in-memory repository does, once: a list, and a switch that makes it fail. */
const IN_MEMORY_RECORDS_DART = `/// A repository kept in a list. \`failing\` makes saves and deletes throw and
/// \`failingLoads\` makes fetches throw, as an offline backend would, so tests
/// can check what the user is told and what stays on screen.
class InMemoryRecords<T> implements RecordRepository<T> {
  InMemoryRecords({
    required this.idOf,
    List<T> seed = const [],
    this.failing = false,
    this.failingLoads = false,
  }) : _items = [...seed];

  final String Function(T item) idOf;
  final List<T> _items;
  bool failing;
  bool failingLoads;

  @override
  Future<List<T>> fetchAll() async {
    if (failingLoads) throw Exception('offline');
    return List.unmodifiable(_items);
  }

  @override
  Future<void> save(T item) async {
    if (failing) throw Exception('offline');
    final id = idOf(item);
    final index = _items.indexWhere((existing) => idOf(existing) == id);
    if (index >= 0) {
      _items[index] = item;
    } else {
      _items.add(item);
    }
  }

  @override
  Future<void> delete(String id) async {
    if (failing) throw Exception('offline');
    _items.removeWhere((item) => idOf(item) == id);
  }
}`;

/** In-memory repositories for widget tests: the UI under test never touches a backend. */
export function fakeRepositoriesDart(plan: AppPlan): string {
  const imports = [
    packageUri(plan.packageName, RECORD_REPOSITORY_PATH),
    ...plan.entities.flatMap((entity) => [
      packageUri(plan.packageName, entity.paths.model),
      packageUri(plan.packageName, entity.paths.repository),
    ]),
  ]
    .sort()
    .map((uri) => `import '${uri}';`);
  return `${imports.join('\n')}

${IN_MEMORY_RECORDS_DART}

${plan.entities
  .map((entity) =>
    fakeRepository(
      entity,
      showsCreator(plan) && hasCreator(plan, entity),
      showsBookedWithMe(plan) && providerLink(plan, entity) !== undefined,
    ),
  )
  .join('\n\n')}
`;
}

export function entityFiles(plan: AppPlan): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: IDS_PATH, content: idsDart() },
    { path: FORMATTERS_PATH, content: formattersDart(plan) },
  ];
  if (plan.entities.length > 0) {
    files.push({
      path: RECORD_REPOSITORY_PATH,
      content: recordRepositoryDart(showsCreator(plan), showsBookedWithMe(plan), showsStaff(plan)),
    });
    files.push({ path: JSON_FIELDS_PATH, content: jsonFieldsDart(plan) });
  }
  // Shared by every screen that loads or saves data, whichever feature it belongs to.
  if (needsUserMessage(plan)) files.push(userMessageFile(plan));
  for (const entity of plan.entities) {
    files.push({ path: entity.paths.model, content: entityModelDart(entity) });
    files.push({ path: entity.paths.repository, content: entityRepositoryDart(entity) });
  }
  if (plan.entities.length > 0) {
    files.push({ path: FAKE_REPOSITORIES_PATH, content: fakeRepositoriesDart(plan) });
    files.push({ path: MODEL_TESTS_PATH, content: modelTestsDart(plan) });
  }
  return files;
}
