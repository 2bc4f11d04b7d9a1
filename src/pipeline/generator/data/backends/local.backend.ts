/**
 * backend `none`: every entity is a JSON list in shared_preferences under its
 * table name, so data survives restarts without any server.
 */
import type { GeneratedFile } from '../../app-spec';
import { LOCAL_READ_ERRORS_README } from '../../archetypes/records-library';
import { dartString } from '../../dart-string';
import { NO_DATA, table } from '../../docs/markdown';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { packages } from '../package-versions';
import { libRelative, repositoryImplementation, type RepositoryImplementation } from './backend-names';
import { dartImports, entityImports, type BackendWiring } from './wiring';

/** The shared_preferences repository of one entity (also used by the camera to keep photos on the device). */
export function localRepositoryDart(
  entity: EntityPlan,
  impl: RepositoryImplementation = repositoryImplementation('none', entity),
): string {
  const model = entity.className;
  const key = dartString(entity.tableName);
  const badData = dartString(`shared_preferences key "${entity.tableName}" does not hold a JSON list`);
  return `${dartImports(impl.path, {
    dart: ['dart:convert'],
    packages: ['package:shared_preferences/shared_preferences.dart'],
    local: entityImports(entity),
  })}

/// [${model}Repository] kept on the device: a JSON list under the
/// shared_preferences key [storageKey], so items survive app restarts.
class ${impl.className} implements ${model}Repository {
  ${impl.className}(this._prefs);

  static const String storageKey = ${key};

  final SharedPreferences _prefs;

  @override
  Future<List<${model}>> fetchAll() async => _read();

  @override
  Future<void> save(${model} item) async {
    final items = _read();
    final index = items.indexWhere((existing) => existing.id == item.id);
    if (index < 0) {
      items.add(item);
    } else {
      items[index] = item;
    }
    await _write(items);
  }

  @override
  Future<void> delete(String id) async {
    final items = _read()..removeWhere((existing) => existing.id == id);
    await _write(items);
  }

  List<${model}> _read() {
    final raw = _prefs.getString(storageKey);
    if (raw == null || raw.isEmpty) return <${model}>[];
    final decoded = jsonDecode(raw);
    if (decoded is! List) {
      throw const FormatException(${badData});
    }
    return [
      for (final item in decoded)
        ${model}.fromJson(item as Map<String, Object?>),
    ];
  }

  Future<void> _write(List<${model}> items) async {
    final encoded = jsonEncode([for (final item in items) item.toJson()]);
    await _prefs.setString(storageKey, encoded);
  }
}
`;
}

function readme(plan: AppPlan): string {
  const rows = plan.entities.map((entity) => [
    entity.pluralLabel,
    `\`${entity.tableName}\``,
    `\`${repositoryImplementation('none', entity).className}\``,
  ]);
  return [
    'No server to set up: the app keeps its data on the device with `shared_preferences`, one JSON list per kind of item. Uninstalling the app (or clearing its storage) deletes the data.',
    table(['Data', 'shared_preferences key', 'Repository'], rows, NO_DATA),
    LOCAL_READ_ERRORS_README,
    'To move to a server later, implement the same `<Entity>Repository` interfaces (`lib/data/repositories/`) and create your implementation in `AppServices.create()` (`lib/app_services.dart`); screens and tests stay as they are.',
  ].join('\n\n');
}

export function localWiring(plan: AppPlan): BackendWiring {
  const files: GeneratedFile[] = plan.entities.map((entity) => ({
    path: repositoryImplementation('none', entity).path,
    content: localRepositoryDart(entity),
  }));
  return {
    dependencies: packages('shared_preferences'),
    files,
    mainImports: [],
    mainSetup: [],
    repositoryCreate: (entity) => `${repositoryImplementation('none', entity).className}(prefs)`,
    repositoryImports: (entity) => [libRelative(repositoryImplementation('none', entity).path)],
    readme: readme(plan),
  };
}
