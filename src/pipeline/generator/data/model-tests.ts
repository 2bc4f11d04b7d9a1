/**
 * `test/data/models_test.dart`: every model against its JSON. What a model
 * writes it reads back as an equal value, an edited copy is a different value
 * (`==` compares every field), and data without a required field is refused
 * with a `FormatException` naming it instead of turning into '' or today.
 */
import { dartString } from '../dart-string';
import type { AppPlan, EntityPlan } from '../plan/app-plan';
import { sampleKeyword } from '../archetypes/sample-keyword';
import { packageUri, sampleValue, titleField } from './entity-dart';

export const MODEL_TESTS_PATH = 'test/data/models_test.dart';

/** The entity's first sample, one argument a line as `dart format` lays out a long call. */
function sampleDart(entity: EntityPlan): string {
  const args = [
    `id: ${dartString(`${entity.fileName}-1`)}`,
    ...entity.fields.map((field) => `${field.name}: ${sampleValue(field, 1)}`),
  ];
  return `${entity.className}(\n${args.map((arg) => `      ${arg},`).join('\n')}\n    )`;
}

function groupDart(entity: EntityPlan): string {
  const E = entity.className;
  const title = titleField(entity);
  return `  group('${E}', () {
    ${sampleKeyword(entity)} sample = ${sampleDart(entity)};

    test('reads back what it writes', () {
      final json =
          jsonDecode(jsonEncode(sample.toJson())) as Map<String, Object?>;
      expect(${E}.fromJson(json), sample);
    });

    test('is a different value once edited', () {
      expect(sample.copyWith(${title.name}: 'Edited'), isNot(sample));
      expect(sample.copyWith(), sample);
      expect(sample.copyWith().hashCode, sample.hashCode);
    });

    test('refuses data without its ${title.name}', () {
      final json = sample.toJson()..remove('${title.name}');
      expect(
        () => ${E}.fromJson(json),
        throwsA(
          isA<FormatException>().having(
            (error) => error.message,
            'message',
            contains('"${title.name}"'),
          ),
        ),
      );
    });
  });`;
}

export function modelTestsDart(plan: Pick<AppPlan, 'packageName' | 'entities'>): string {
  const imports = plan.entities.map((entity) => `import '${packageUri(plan.packageName, entity.paths.model)}';`).sort();
  return `import 'dart:convert';

import 'package:flutter_test/flutter_test.dart';
${imports.join('\n')}

void main() {
${plan.entities.map(groupDart).join('\n\n')}
}
`;
}
