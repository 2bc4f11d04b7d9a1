/**
 * The chart feature's test file: unit tests of the pure series and widget
 * tests that pump the screen over an in-memory repository.
 */
import { dartString } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  isDated,
  packageUri,
  sampleEntity,
  sampleValue,
} from '../data/entity-dart';
import type { EntityPlan } from '../plan/app-plan';
import type { FeatureContext } from './archetype';
import { chartEmptyText, type ChartNames } from './chart.lib-dart';
import { dartImports } from './feature-dart.shared';
import { modeValue, periodMode, type ChartMode } from './chart.mode';
import { PERIOD_BARS } from './chart.period';

const SAMPLES = [1, 2, 3];

/**
 * `final samples = [...]`, `const` when no field needs a runtime value (DateTime). A chart over a
 * text day (a habit check-off's `yyyy-MM-dd`) gets the same days as dated samples: 1–3 January 2026.
 */
export function samplesDeclaration(entity: EntityPlan, mode?: ChartMode): string {
  const constant = !entity.fields.some(isDated);
  const day = mode && periodMode(mode)?.date;
  const sample = (n: number) =>
    day?.type === 'text'
      ? sampleEntity(entity, n).replace(
          `${day.name}: ${sampleValue(day, n)}`,
          `${day.name}: ${dartString(`2026-01-${String(n).padStart(2, '0')}`)}`,
        )
      : sampleEntity(entity, n);
  const items = SAMPLES.map((n) => `    ${sample(n)},`).join('\n');
  return `  ${constant ? 'const' : 'final'} samples = [\n${items}\n  ];`;
}

/** The samples' expected total (sum of the summed field, or their count). */
function expectedTotal(mode: ChartMode): number {
  const value = modeValue(mode);
  if (!value) return SAMPLES.length;
  return SAMPLES.reduce((sum, n) => sum + Number(sampleValue(value, n)), 0);
}

function expectedBars(mode: ChartMode): number {
  switch (mode.kind) {
    case 'valueByPeriod':
    case 'countByPeriod':
      return PERIOD_BARS[mode.period];
    case 'countByFlag':
      return 2;
    case 'countByInitial':
      // Every sample title is "<label> <n>": one initial.
      return 1;
    default:
      return SAMPLES.length;
  }
}

/** A Dart double literal. */
function dartDouble(value: number): string {
  return value.toFixed(2);
}

function seriesChecks(mode: ChartMode, total: number): string {
  const checks = [
    `    expect(series.count, ${SAMPLES.length});`,
    // A count chart has no `total`: it would repeat `count`.
    ...(modeValue(mode) ? [`    expect(series.total, closeTo(${dartDouble(total)}, 0.001));`] : []),
    `    expect(series.bars, hasLength(${expectedBars(mode)}));`,
  ];
  const overTime = periodMode(mode);
  if (overTime?.period === 'day') {
    // The samples are dated the 1st, 2nd and 3rd: one bar each, the last one on "today".
    const value = modeValue(mode);
    const last = value ? Number(sampleValue(value, SAMPLES.length)) : 1;
    checks.push(`    // Every sample falls in the days shown, the last one today.`);
    checks.push(`    final shown = series.bars.fold<double>(0, (sum, bar) => sum + bar.value);`);
    checks.push(`    expect(shown, closeTo(${dartDouble(total)}, 0.001));`);
    checks.push(`    expect(series.bars.last.value, closeTo(${dartDouble(last)}, 0.001));`);
  } else if (overTime) {
    checks.push(`    // Every sample falls in the last ${overTime.period} shown.`);
    checks.push(`    expect(series.bars.last.value, closeTo(${dartDouble(total)}, 0.001));`);
  }
  if (mode.kind === 'countByFlag') {
    const yes = SAMPLES.filter((n) => sampleValue(mode.flag, n) === 'true').length;
    checks.push(`    expect(series.bars.first.value, ${dartDouble(yes)});`);
  }
  return checks.join('\n');
}

export function chartTestDart(ctx: FeatureContext, n: ChartNames): string {
  const { plan, feature } = ctx;
  const { entity, mode, screen, series } = n;
  const pkg = plan.packageName;
  const overTime = periodMode(mode);
  const value = modeValue(mode);
  const total = expectedTotal(mode);
  // The samples are dated 1–3 January 2026 (a Thursday to a Saturday): late in their month, in one week.
  const today = overTime?.period === 'month' ? 'DateTime(2026, 1, 28)' : 'DateTime(2026, 1, 3)';
  const todayDecl = overTime ? `\n  final today = ${today};` : '';
  const todayArg = overTime ? ', today: today' : '';
  const expectedText = !value
    ? `'${total}'`
    : value.type === 'money'
      ? `formatMoney(${dartDouble(total)})`
      : `formatNumber(${dartDouble(total)})`;
  const countCheck = value
    ? `
    expect(
      find.descendant(
        of: find.byKey(const ValueKey('summary-count')),
        matching: find.text('${SAMPLES.length}'),
      ),
      findsOneWidget,
    );`
    : '';
  const uris = [
    'package:fl_chart/fl_chart.dart',
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, feature.paths.screen),
    packageUri(pkg, n.seriesPath),
    `../${FAKE_REPOSITORIES_PATH.slice('test/'.length)}`,
  ];
  if (value) uris.push(packageUri(pkg, FORMATTERS_PATH));
  const empty = chartEmptyText(n);
  return `${dartImports(uris)}

void main() {
${samplesDeclaration(entity, mode)}${todayDecl}

  test('${series} adds up the samples', () {
    final series = ${series}.from(samples${todayArg});
${seriesChecks(mode, total)}
  });

  test('${series} of no data is empty', () {
    final series = ${series}.from(const []${todayArg});
    expect(series.isEmpty, isTrue);
    expect(series.maxValue, 0);
  });

  testWidgets('shows the totals and a bar chart of the data', (tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(
          repository: InMemory${entity.className}Repository(seed: samples)${todayArg},
        ),
      ),
    );
    await tester.pumpAndSettle();

    expect(find.byType(BarChart), findsOneWidget);
    expect(
      find.descendant(
        of: find.byKey(const ValueKey('summary-total')),
        matching: find.text(${expectedText}),
      ),
      findsOneWidget,
    );${countCheck}
  });

  testWidgets('shows the empty state without data', (tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(repository: InMemory${entity.className}Repository()${todayArg}),
      ),
    );
    await tester.pumpAndSettle();

    expect(find.text(${dartString(empty)}), findsOneWidget);
    expect(find.byType(BarChart), findsNothing);
  });

  testWidgets('shows new data after a refresh', (tester) async {
    final repository = InMemory${entity.className}Repository();
    await tester.pumpWidget(
      MaterialApp(home: ${screen}(repository: repository${todayArg})),
    );
    await tester.pumpAndSettle();
    expect(find.byType(BarChart), findsNothing);

    for (final sample in samples) {
      await repository.save(sample);
    }
    await tester.tap(find.byTooltip(${dartString(n.text.refresh)}));
    await tester.pumpAndSettle();

    expect(find.byType(BarChart), findsOneWidget);
    expect(find.text(${dartString(empty)}), findsNothing);
  });
}
`;
}
