/**
 * The search feature's test file: the query matcher alone, then the screen
 * over three seeded records (type a query, see exactly one; no match; chips).
 */
import { dartString, withArticle } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  packageUri,
  sampleEntity,
  isDated,
  sampleTitle,
  sampleValue,
  titleField,
} from '../data/entity-dart';
import type { EntityPlan } from '../plan/app-plan';
import type { FeatureContext } from './archetype';
import { noMatches, resultCountText, type SearchNames } from './search.lib-dart';
import { dartImports } from './feature-dart.shared';

const SAMPLES = [1, 2, 3];

function samplesDeclaration(entity: EntityPlan): string {
  const constant = !entity.fields.some(isDated);
  const items = SAMPLES.map((n) => `    ${sampleEntity(entity, n)},`).join('\n');
  return `  ${constant ? 'const' : 'final'} samples = [\n${items}\n  ];`;
}

/** `expect(find.text(<title n>), …)` for every sample: `shown` ones once, the others not at all. */
function visibleTitles(entity: EntityPlan, shown: readonly number[]): string {
  return SAMPLES.map(
    (n) =>
      `    expect(find.text(${dartString(sampleTitle(entity, n))}), ${shown.includes(n) ? 'findsOneWidget' : 'findsNothing'});`,
  ).join('\n');
}

/** `expect` of a field the details sheet always lists (required, not the title), by its label. */
function detailLabelCheck(entity: EntityPlan): string {
  const title = titleField(entity);
  const other = entity.fields.find((field) => field !== title && field.required && field.type !== 'bool');
  return other ? `\n    expect(find.text(${dartString(other.label)}), findsOneWidget);` : '';
}

export function searchTestDart(ctx: FeatureContext, n: SearchNames): string {
  const { plan, feature } = ctx;
  const { entity, screen, controller, category, flag } = n;
  const pkg = plan.packageName;
  const plural = entity.pluralLabel.toLowerCase();
  // Upper case: the search is case-insensitive, and the field's text never equals the title shown.
  const query = sampleTitle(entity, 2).toUpperCase();
  const results = (count: number) => dartString(resultCountText(n.text, count));
  const tests: string[] = [];
  tests.push(`  test('${controller}.matchesQuery ignores case', () {
    expect(${controller}.matchesQuery(samples[1], ${dartString(query)}), isTrue);
    expect(${controller}.matchesQuery(samples[0], ${dartString(query)}), isFalse);
    expect(${controller}.matchesQuery(samples[0], '  '), isTrue);
  });`);
  tests.push(`  testWidgets(${dartString(`typing a query shows only the matching ${plural}`)}, (tester) async {
    await pumpScreen(tester);
${visibleTitles(entity, SAMPLES)}
    expect(find.text(${results(3)}), findsOneWidget);

    await tester.enterText(find.byType(TextField), ${dartString(query)});
    await tester.pumpAndSettle();

${visibleTitles(entity, [2])}
    expect(find.text(${results(1)}), findsOneWidget);

    await tester.tap(find.text(${dartString(sampleTitle(entity, 2))}));
    await tester.pumpAndSettle();
    // The details sheet is headed by the title and lists the other fields with their labels.
    expect(find.text(${dartString(sampleTitle(entity, 2))}), findsNWidgets(2));
    expect(find.text(${dartString(titleField(entity).label)}), findsNothing);${detailLabelCheck(entity)}
  });`);
  tests.push(`  testWidgets('shows a message when nothing matches, and clears it', (tester) async {
    await pumpScreen(tester);

    await tester.enterText(find.byType(TextField), 'zzzz no such text');
    await tester.pumpAndSettle();
${visibleTitles(entity, [])}
    expect(find.text(${results(0)}), findsOneWidget);
    expect(find.text(${dartString(noMatches(n))}), findsOneWidget);

    // Only a query is set, so the button clears the search.
    expect(find.text(${dartString(n.text.clearFilters)}), findsNothing);
    await tester.tap(find.text(${dartString(n.text.clearSearch)}));
    await tester.pumpAndSettle();
    expect(find.text(${results(3)}), findsOneWidget);
  });`);
  const chip = category
    ? `find.widgetWithText(ChoiceChip, ${sampleValue(category, 1)})`
    : flag
      ? `find.widgetWithText(FilterChip, ${dartString(flag.label)})`
      : undefined;
  if (chip) {
    tests.push(`  testWidgets('clears the filters too when a chip is on', (tester) async {
    await pumpScreen(tester);
    await tester.tap(${chip});
    await tester.pumpAndSettle();

    await tester.enterText(find.byType(TextField), 'zzzz no such text');
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(n.text.clearFilters)}));
    await tester.pumpAndSettle();

    expect(find.text(${results(3)}), findsOneWidget);
  });`);
  }
  if (category) {
    tests.push(`  testWidgets(${dartString(`${withArticle(category.label.toLowerCase())} chip narrows the results`)}, (tester) async {
    await pumpScreen(tester);

    await tester.tap(find.widgetWithText(ChoiceChip, ${sampleValue(category, 1)}));
    await tester.pumpAndSettle();
${visibleTitles(entity, [1])}
  });`);
  }
  if (flag) {
    const yes = SAMPLES.filter((k) => sampleValue(flag, k) === 'true');
    tests.push(`  testWidgets(${dartString(`the ${flag.label.toLowerCase()} chip keeps only those ${plural}`)}, (tester) async {
    await pumpScreen(tester);

    await tester.tap(find.widgetWithText(FilterChip, ${dartString(flag.label)}));
    await tester.pumpAndSettle();
${visibleTitles(entity, yes)}
  });`);
  }
  const uris = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, feature.paths.screen),
    packageUri(pkg, n.controllerPath),
    `../${FAKE_REPOSITORIES_PATH.slice('test/'.length)}`,
  ];
  return `${dartImports(uris)}

void main() {
${samplesDeclaration(entity)}

  Future<void> pumpScreen(WidgetTester tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(
          repository: InMemory${entity.className}Repository(seed: samples),
        ),
      ),
    );
    await tester.pumpAndSettle();
  }

${tests.join('\n\n')}
}
`;
}
