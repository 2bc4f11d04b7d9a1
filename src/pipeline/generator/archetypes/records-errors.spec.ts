import { generatedProject as project, projectFile as file } from './testing/archetype-spec-helpers';
import { describe, expect, it } from 'vitest';
import { parseDart } from '../../qa/dart-parser';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import type { BackendKind } from '../plan/app-plan';
import { APP_LOCALES } from '../plan/app-language';
import { simpleSpec } from '../testing/fixtures';
import { declaredPackages, unresolvedImports } from '../testing/project-checks';
import { recordText } from '../ui-text-records';

const BACKENDS: readonly BackendKind[] = ['none', 'firebase', 'supabase', 'rest', 'graphql'];

const spec = (backend: BackendKind): AppSpec => simpleSpec({ backend, features: ['Expenses', 'Pets'] });
const GERMAN = project(
  simpleSpec({ name: 'Haushaltsbuch', description: 'Eine App für meine täglichen Ausgaben.', features: ['Rezepte'] }),
);

describe('what users are told when loading or saving fails', () => {
  it.each(BACKENDS)('on %s: one userMessage, used by every record screen instead of the exception', async (backend) => {
    const generated = generateFlutterProject(spec(backend));
    expect(unresolvedImports(generated)).toEqual([]);
    const files = new Map(generated.map((f) => [f.path, f.content]));
    const message = file(files, 'lib/core/user_message.dart');
    expect(message).toContain("String userMessage(Object error) {\n  debugPrint('$error');");
    expect(message).toContain("'Something went wrong. Please try again.'");
    const records = [...files].filter(([path]) => path.startsWith('lib/core/records/'));
    expect(records.length).toBeGreaterThanOrEqual(5);
    for (const [path, content] of records) {
      // No '…$error' or '…${error}' string: only userMessage(error) reaches the user.
      expect(content, path).not.toMatch(/'[^'\n]*\$\{?error\b[^'\n]*'/);
      expect((await parseDart(content)).errors, path).toEqual([]);
    }
    expect((await parseDart(message)).errors).toEqual([]);
    expect(file(files, 'lib/core/records/record_controller.dart')).toContain(
      "_error = 'Could not load the data: ${userMessage(error)}';",
    );
  });

  it('knows each backend’s own errors: offline, not allowed, gone', () => {
    const rest = file(project(spec('rest')), 'lib/core/user_message.dart');
    expect(rest).toContain("import '../data/api_exception.dart';");
    expect(rest).toContain(
      "    http.ClientException() =>\n      'No connection to the server. Check your internet connection.',",
    );
    expect(rest).toContain("    ApiException(statusCode: 401 || 403) => 'You are not allowed to do this.',");
    expect(rest).toContain('    ApiException(statusCode: 404 || 410) =>');

    const supabase = project(spec('supabase'));
    expect(file(supabase, 'lib/core/user_message.dart')).toContain(
      "    PostgrestException(code: '42501' || 'PGRST301' || '401' || '403') =>\n      'You are not allowed to do this.',",
    );
    // Network errors are package:http's, which supabase_flutter does not export.
    expect(declaredPackages([...supabase].map(([path, content]) => ({ path, content }))).declared).toContain('http');

    const firebase = file(project(spec('firebase')), 'lib/core/user_message.dart');
    expect(firebase).toContain("import 'package:firebase_core/firebase_core.dart' show FirebaseException;");
    expect(firebase).toContain("    FirebaseException(code: 'permission-denied' || 'unauthenticated') =>");

    const graphql = file(project(spec('graphql')), 'lib/core/user_message.dart');
    expect(graphql).toContain('    if (error.linkException is NetworkException) {');
    expect(graphql).toContain("codes.contains('UNAUTHENTICATED') || codes.contains('FORBIDDEN')");

    // On the device there is nothing to tell apart.
    const local = file(project(spec('none')), 'lib/core/user_message.dart');
    expect(local).not.toContain('switch');
  });

  it('says it in the app’s language, and the generated tests expect those words', () => {
    expect(file(GERMAN, 'lib/core/user_message.dart')).toContain(
      "return 'Etwas ist schiefgelaufen. Bitte versuche es erneut.';",
    );
    expect(file(GERMAN, 'lib/core/records/record_form_scaffold.dart')).toContain(
      "content: Text('Speichern fehlgeschlagen: ${userMessage(error)}'),",
    );
    const tests = file(GERMAN, 'test/support/record_screen_tests.dart');
    expect(tests).toContain(
      "find.text('Speichern fehlgeschlagen: Etwas ist schiefgelaufen. Bitte versuche es erneut.')",
    );
    expect(tests).toContain("find.textContaining('Daten konnten nicht geladen werden: ')");
    expect(file(GERMAN, 'lib/core/records/record_list_screen.dart')).toContain("'Nichts passt zu diesem Filter.',");
  });

  it('has every message in all ten languages, translated', () => {
    const english = recordText({ locale: 'en' });
    for (const locale of APP_LOCALES.filter((candidate) => candidate !== 'en')) {
      const text = recordText({ locale });
      for (const key of ['errorOffline', 'errorNotAllowed', 'errorNotFound', 'errorOther', 'noMatches'] as const) {
        expect(text[key], `${locale}.${key}`).toBeTruthy();
        expect(text[key], `${locale}.${key}`).not.toBe(english[key]);
      }
    }
  });
});

describe('server data the app cannot read', () => {
  const rest = project(spec('rest'));

  it('refuses a record without a required field, naming it, instead of inventing a value', () => {
    const model = file(rest, 'lib/data/models/expense.dart');
    expect(model).toContain("import '../json_fields.dart';");
    expect(model).toContain("      id: json['id'] as String? ?? missingField('Expense', 'id'),");
    expect(model).toContain("      date: readDay(json['date']) ?? missingField('Expense', 'date'),");
    expect(model).not.toContain('DateTime.now()');
    expect(model).not.toContain("as String? ?? ''");
    expect(file(rest, 'lib/data/json_fields.dart')).toContain(
      'throw FormatException(\'$model: the required field "$field" is missing\');',
    );
    // Date helpers are written once, and only those some model uses.
    const products = project(simpleSpec({ name: 'Shop', description: '', features: ['Products'] }));
    expect([...products.keys()].filter((path) => path.startsWith('lib/data/models/'))).toEqual([
      'lib/data/models/product.dart',
    ]);
    expect(file(products, 'lib/data/json_fields.dart')).not.toContain('DateTime');
  });

  it('compares every field, so an edited copy is not equal to the original', () => {
    const pet = file(rest, 'lib/data/models/pet.dart');
    expect(pet).toContain(
      '  bool operator ==(Object other) =>\n      other is Pet &&\n      other.id == id &&\n      other.name == name &&\n',
    );
    expect(pet).toContain('      other.notes == notes;\n');
    expect(pet).toMatch(/ {2}int get hashCode => Object\.hash\(id, name, species, [^;]*notes\);/);
  });

  it('skips a bad server row with a log line, but never drops unreadable data stored on the device', () => {
    const repository = file(rest, 'lib/data/repositories/record_repository.dart');
    expect(repository).toContain('List<T> readRecords<R, T>(Iterable<R> rows, T Function(R row) read) {');
    expect(repository).toContain('} on FormatException catch (error) {');
    expect(file(rest, 'lib/data/rest/rest_expense_repository.dart')).toContain(
      '    return readRecords(\n      body,\n      (item) => Expense.fromJson(item as Map<String, Object?>),\n    );',
    );
    expect(file(rest, 'README.md')).toContain('`readRecords` (`lib/data/repositories/record_repository.dart`)');
    const local = project(spec('none'));
    expect(file(local, 'lib/data/local/shared_preferences_expense_repository.dart')).not.toContain('readRecords');
    expect(file(local, 'README.md')).toContain('makes loading fail with a message instead of being skipped');
  });

  it('tests every model: read back, edited copy, missing field', async () => {
    const tests = file(rest, 'test/data/models_test.dart');
    expect(tests).toContain("  group('Expense', () {");
    expect(tests).toContain('      expect(Expense.fromJson(json), sample);');
    expect(tests).toContain("      expect(sample.copyWith(name: 'Edited'), isNot(sample));");
    expect(tests).toContain('            contains(\'"name"\'),');
    expect((await parseDart(tests)).errors).toEqual([]);
  });
});
