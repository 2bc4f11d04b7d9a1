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

function fromJsonValue(field: EntityField): string {
  const key = `json['${field.name}']`;
  const optional = !field.required;
  switch (field.type) {
    case 'date':
      return optional ? `_date(${key})` : `_date(${key}) ?? DateTime.now()`;
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
  return field.required ? `${field.name}.toIso8601String()` : `${field.name}?.toIso8601String()`;
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

export function entityModelDart(entity: EntityPlan): string {
  const hasDate = entity.fields.some((field) => field.type === 'date');
  const fields = entity.fields.map((field) => `  final ${fieldDartType(field)} ${field.name};`).join('\n');
  const params = ['required this.id', ...entity.fields.map(constructorParam)].map((p) => `    ${p},`).join('\n');
  const json = [`      'id': id,`, ...entity.fields.map((field) => `      '${field.name}': ${toJsonValue(field)},`)].join('\n');
  const fromJson = [
    `      id: json['id'] as String? ?? '',`,
    ...entity.fields.map((field) => `      ${field.name}: ${fromJsonValue(field)},`),
  ].join('\n');
  const dateHelper = hasDate
    ? `

DateTime? _date(Object? value) => value is String ? DateTime.tryParse(value) : null;`
    : '';
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
  bool operator ==(Object other) =>
      other is ${entity.className} && other.id == id;

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
  return `class InMemory${name}Repository implements ${name}Repository {
  InMemory${name}Repository({List<${name}> seed = const []})
      : _items = [...seed];

  final List<${name}> _items;

  @override
  Future<List<${name}>> fetchAll() async => List.unmodifiable(_items);

  @override
  Future<void> save(${name} item) async {
    final index = _items.indexWhere((existing) => existing.id == item.id);
    if (index >= 0) {
      _items[index] = item;
    } else {
      _items.add(item);
    }
  }

  @override
  Future<void> delete(String id) async {
    _items.removeWhere((item) => item.id == id);
  }
}`;
}

/** In-memory repositories for widget tests: the UI under test never touches a backend. */
export function fakeRepositoriesDart(plan: AppPlan): string {
  const imports = plan.entities
    .flatMap((entity) => [packageUri(plan.packageName, entity.paths.model), packageUri(plan.packageName, entity.paths.repository)])
    .sort()
    .map((uri) => `import '${uri}';`);
  return `${imports.join('\n')}

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
