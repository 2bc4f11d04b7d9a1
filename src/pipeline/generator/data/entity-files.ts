/**
 * The shared data layer of a generated app: one immutable model and one
 * repository interface per entity, id and formatting helpers, and the
 * in-memory repositories the widget tests use. Backend implementations of the
 * interfaces come from `backends.ts`.
 */
import type { GeneratedFile } from '../app-spec';
import { RECORD_REPOSITORY_PATH, recordRepositoryDart } from '../archetypes/records-library';
import { guessReason, isGuessed } from '../field-guesses';
import type { AppPlan, EntityField, EntityPlan } from '../plan/app-plan';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  fieldBaseType,
  fieldDartType,
  formattersDart,
  packageUri,
} from './entity-dart';

export const IDS_PATH = 'lib/data/ids.dart';

/**
 * Whether a date field holds a moment (a message's `sentAt`, a `createdAt`)
 * rather than a calendar day picked in a date picker (a due date, a birthday).
 */
export function isMoment(field: EntityField): boolean {
  return field.type === 'date' && /(At|Time|Timestamp)$|^(timestamp|time)$/.test(field.name);
}

/** The reader of a date field's JSON value: `_moment` or `_day` (see `dateHelpers`). */
function dateReader(field: EntityField): string {
  return isMoment(field) ? '_moment' : '_day';
}

function fromJsonValue(field: EntityField): string {
  const key = `json['${field.name}']`;
  const optional = !field.required;
  switch (field.type) {
    case 'date':
      return optional ? `${dateReader(field)}(${key})` : `${dateReader(field)}(${key}) ?? DateTime.now()`;
    case 'int':
      return optional ? `(${key} as num?)?.toInt()` : `(${key} as num?)?.toInt() ?? 0`;
    case 'decimal':
    case 'money':
      return optional ? `(${key} as num?)?.toDouble()` : `(${key} as num?)?.toDouble() ?? 0`;
    case 'bool':
      return `${key} as bool? ?? false`;
    default:
      return optional ? `${key} as String?` : `${key} as String? ?? ''`;
  }
}

function toJsonValue(field: EntityField): string {
  if (field.type !== 'date') return field.name;
  const writer = isMoment(field) ? '_momentJson' : '_dayJson';
  return field.required ? `${writer}(${field.name})` : `${field.name} == null ? null : ${writer}(${field.name}!)`;
}

/**
 * How the model's dates travel (JSON, Firestore, Supabase `timestamptz`,
 * GraphQL `DateTime`): always as UTC ISO-8601 strings, so every backend
 * and every device reads the same instant. A day picked in a date picker is
 * sent as midnight UTC of that day and read back as that day, so it never
 * moves to the day before in another time zone; a moment is sent in UTC and
 * shown in the device's time zone.
 */
function dateHelpers(entity: EntityPlan): string {
  const dates = entity.fields.filter((field) => field.type === 'date');
  const days = dates.some((field) => !isMoment(field));
  const moments = dates.some(isMoment);
  if (!dates.length) return '';
  const lines = ['', '', '// Dates travel as UTC ISO-8601 strings.'];
  if (days) {
    lines.push(
      '// A day (picked in a date picker) is sent as midnight UTC of that day and',
      '// read back as that day, so it never shifts in another time zone.',
    );
  }
  if (moments) lines.push("// A moment is sent in UTC and read in the device's time zone.");
  if (days) {
    lines.push(
      'String _dayJson(DateTime value) =>',
      '    DateTime.utc(value.year, value.month, value.day).toIso8601String();',
      '',
      'DateTime? _day(Object? value) {',
      '  final parsed = value is String ? DateTime.tryParse(value) : null;',
      '  if (parsed == null) return null;',
      '  return DateTime(parsed.year, parsed.month, parsed.day);',
      '}',
    );
  }
  if (moments) {
    if (days) lines.push('');
    lines.push(
      'String _momentJson(DateTime value) => value.toUtc().toIso8601String();',
      '',
      'DateTime? _moment(Object? value) =>',
      '    value is String ? DateTime.tryParse(value)?.toLocal() : null;',
    );
  }
  return lines.join('\n');
}

function constructorParam(field: EntityField): string {
  return field.required ? `required this.${field.name}` : field.type === 'bool' ? `this.${field.name} = false` : `this.${field.name}`;
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

/** `operator ==` on one line when it fits in 80 columns, as `dart format` joins it. */
function equalsLine(className: string): string {
  const line = `  bool operator ==(Object other) => other is ${className} && other.id == id;`;
  return line.length <= 80 ? line : `  bool operator ==(Object other) =>\n      other is ${className} && other.id == id;`;
}

export function entityModelDart(entity: EntityPlan): string {
  const fields = entity.fields.map((field) => `  final ${fieldDartType(field)} ${field.name};`).join('\n');
  const params = ['required this.id', ...entity.fields.map(constructorParam)].map((p) => `    ${p},`).join('\n');
  // As `dart format` lays out a map literal after `=>`: entries at 8 columns, the brace at 6.
  const json = [`        'id': id,`, ...entity.fields.map((field) => `        '${field.name}': ${toJsonValue(field)},`)].join(
    '\n',
  );
  const fromJson = [
    `      id: json['id'] as String? ?? '',`,
    ...entity.fields.map((field) => `      ${field.name}: ${fromJsonValue(field)},`),
  ].join('\n');
  const dateHelper = dateHelpers(entity);
  return `/// ${entity.label}: one record of the app's data.${guessTodo(entity)}
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
${equalsLine(entity.className)}

  @override
  int get hashCode => id.hashCode;
}${dateHelper}
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

function fakeRepository(entity: EntityPlan): string {
  const name = entity.className;
  return `class InMemory${name}Repository extends InMemoryRecords<${name}>
    implements ${name}Repository {
  InMemory${name}Repository({super.seed, super.failing})
      : super(idOf: (item) => item.id);
}`;
}

/** What every in-memory repository does, once: a list, and a switch that makes it fail. */
const IN_MEMORY_RECORDS_DART = `/// A repository kept in a list; \`failing\` makes saves and deletes throw, as
/// an offline backend would, so tests can check what the user is told.
class InMemoryRecords<T> implements RecordRepository<T> {
  InMemoryRecords({
    required this.idOf,
    List<T> seed = const [],
    this.failing = false,
  }) : _items = [...seed];

  final String Function(T item) idOf;
  final List<T> _items;
  bool failing;

  @override
  Future<List<T>> fetchAll() async => List.unmodifiable(_items);

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

${plan.entities.map(fakeRepository).join('\n\n')}
`;
}

export function entityFiles(plan: AppPlan): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: IDS_PATH, content: idsDart() },
    { path: FORMATTERS_PATH, content: formattersDart(plan) },
  ];
  if (plan.entities.length > 0) files.push({ path: RECORD_REPOSITORY_PATH, content: recordRepositoryDart() });
  for (const entity of plan.entities) {
    files.push({ path: entity.paths.model, content: entityModelDart(entity) });
    files.push({ path: entity.paths.repository, content: entityRepositoryDart(entity) });
  }
  if (plan.entities.length > 0) files.push({ path: FAKE_REPOSITORIES_PATH, content: fakeRepositoriesDart(plan) });
  return files;
}
