import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { PACKAGE_VERSIONS } from '../data/package-versions';
import { requireEntity } from '../plan/app-plan';
import { chartArchetype, chartNames, featureChartMode } from './chart.archetype';
import { chartMode, modeValue, periodMode, type ChartMode } from './chart.mode';
import { chartPeriod } from './chart.period';
import {
  BACKENDS,
  HOSTILE,
  appSpec,
  contextFor,
  expectImportsResolve,
  expectParses,
  expectPrefixedTypes,
  expectScreenContract,
  fileContent,
} from './testing/archetype-spec-helpers';

/** One app per way of plotting, each on another backend. */
const MODES: [ChartMode['kind'], string[], string][] = [
  ['valueByCategory', ['Expenses', 'Statistics'], 'firebase'],
  ['valueByPeriod', ['Workouts', 'Reports'], 'supabase'],
  ['countByPeriod', ['Inspections', 'Dashboard'], 'rest'],
  ['countByCategory', ['Employees', 'Analytics'], 'graphql'],
  ['valueByItem', ['Products', 'Statistics'], 'none'],
  ['countByFlag', ['Movie', 'Stats'], 'firebase'],
  ['countByInitial', ['Customers', 'Report'], 'supabase'],
];

describe('chartArchetype', () => {
  it.each(MODES)('plots %s for %j (%s)', async (kind, features, backend) => {
    const ctx = contextFor(appSpec(features, { backend }), 'chart');
    expect(chartMode(requireEntity(ctx.plan, ctx.feature)).kind).toBe(kind);
    const files = chartArchetype.files(ctx);
    await expectParses(files);
    await expectImportsResolve(chartArchetype, ctx);
    expectPrefixedTypes(chartArchetype, ctx);
    expectScreenContract(chartArchetype, ctx, dartString(ctx.feature.names.label));

    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('BarChart(');
    expect(screen).toContain('BarChartRodData(');
    expect(screen).toContain("ValueKey('summary-total')");
    expect(screen).toContain('No data yet — add some');

    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain(`${ctx.feature.classes.screen}(`);
    expect(test).toContain(`InMemory${requireEntity(ctx.plan, ctx.feature).className}Repository(seed: samples)`);
    expect(test).toContain('find.byType(BarChart)');
    expect(test).toContain(`${chartNames(ctx).series}.from(samples`);
  });

  it.each(MODES)('declares only the series members %s reads (%j)', (kind, features) => {
    const ctx = contextFor(appSpec(features), 'chart');
    const files = chartArchetype.files(ctx);
    const series = fileContent(files, chartNames(ctx).seriesPath);
    const code = files.map((file) => file.content).join('\n');
    const uses = (pattern: RegExp) => (code.match(pattern) ?? []).length;
    // Declared once, so a member the chart reads appears at least twice.
    if (series.includes('static const int maxBars')) expect(uses(/\bmaxBars\b/g)).toBeGreaterThan(1);
    if (series.includes(' get top ')) expect(uses(/\.top\b/g)).toBeGreaterThan(0);
    const capped = ['valueByItem', 'valueByCategory', 'countByCategory', 'countByInitial'].includes(kind);
    expect(series.includes('static const int maxBars'), 'maxBars').toBe(capped);
    const mode = chartMode(requireEntity(ctx.plan, ctx.feature));
    // "Most common" names a group: never a month of a chart over time, never a sum.
    const top = !modeValue(mode) && !periodMode(mode);
    expect(series.includes(' get top '), 'top').toBe(top);
    expect(code.includes("'Most common'"), 'most common card').toBe(top);
    // A count's total would repeat `count`: only a summed value has one, shown on the "Total" card.
    expect(series.includes('final double total;'), 'total').toBe(modeValue(mode) !== undefined);
    if (series.includes('final double total;')) expect(uses(/series\.total\b/g)).toBeGreaterThan(0);
    else expect(code).not.toMatch(/\btotal:|\.total\b/);
  });

  it('depends on fl_chart for every backend', () => {
    for (const backend of BACKENDS) {
      const ctx = contextFor(appSpec(['Expenses', 'Statistics'], { backend }), 'chart');
      expect(chartArchetype.dependencies(ctx)).toEqual({ fl_chart: PACKAGE_VERSIONS.fl_chart });
    }
  });

  it('sums the amount per category and checks the total the samples add up to', () => {
    const ctx = contextFor(appSpec(['Expenses', 'Statistics']), 'chart');
    const files = chartArchetype.files(ctx);
    const series = fileContent(files, chartNames(ctx).seriesPath);
    expect(series).toContain('static double _valueOf(Expense item) => item.amount;');
    expect(series).toContain('item.category.trim()');
    const test = fileContent(files, ctx.feature.paths.test);
    // 12.50 + 25.00 + 37.50
    expect(test).toContain('closeTo(75.00, 0.001)');
    expect(test).toContain('find.text(formatMoney(75.00))');
    expect(chartArchetype.screenBuilder(ctx)).toBe('StatisticsScreen(repository: services.expenses)');
  });

  it('pins the last month in the monthly chart and its test', () => {
    const ctx = contextFor(appSpec(['Workouts', 'Reports']), 'chart');
    const files = chartArchetype.files(ctx);
    expect(fileContent(files, ctx.feature.paths.screen)).toContain('final DateTime? today;');
    expect(fileContent(files, chartNames(ctx).seriesPath)).toContain('DateTime(today.year, today.month - back)');
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain('final today = DateTime(2026, 1, 28);');
    expect(test).toContain('expect(series.bars, hasLength(6));');
  });

  it('plots weekly progress per week when the description asks for it', async () => {
    const description = 'Log workouts with sets, reps and weight, see weekly progress charts and set reminders';
    const ctx = contextFor(appSpec(['Workouts', 'Progress chart'], { description }), 'chart');
    const mode = featureChartMode(ctx);
    expect(mode).toMatchObject({ kind: 'valueByPeriod', period: 'week' });
    expect(modeValue(mode)?.name).toBe('sets');
    const files = chartArchetype.files(ctx);
    await expectParses(files);
    const series = fileContent(files, chartNames(ctx).seriesPath);
    expect(series).toContain('DateTime(date.year, date.month, date.day - (date.weekday - 1))');
    expect(series).toContain('static const int periodCount = 6;');
    expect(fileContent(files, ctx.feature.paths.screen)).toContain("'Sets per week (last 6 weeks)'");
    // 1–3 January 2026 is one week: the test's "today" is in it, so every sample lands in the last bar.
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain('final today = DateTime(2026, 1, 3);');
    // 3 + 6 + 9 sets.
    expect(test).toContain('expect(series.bars.last.value, closeTo(18.00, 0.001));');
  });

  it('plots per day in the app language, and labels each day', async () => {
    const spec = appSpec(['Diario', 'Estadísticas'], { description: 'Escribe tu diario y mira gráficos diarios' });
    const ctx = contextFor(spec, 'chart');
    expect(featureChartMode(ctx)).toMatchObject({ kind: 'countByPeriod', period: 'day' });
    const files = chartArchetype.files(ctx);
    await expectParses(files);
    expect(fileContent(files, chartNames(ctx).seriesPath)).toContain("'${start.day} ${_monthNames[start.month - 1]}'");
    expect(fileContent(files, ctx.feature.paths.screen)).toContain('por día (últimos 7 días)');
    expect(fileContent(files, ctx.feature.paths.test)).toContain('final shown = series.bars.fold');
  });

  it('reads the period next to the chart, from its label first', () => {
    expect(chartPeriod(['Progress'], 'Log workouts, see weekly progress charts')).toBe('week');
    expect(chartPeriod(['Weekly report'], 'Track daily spending with monthly charts')).toBe('week');
    expect(chartPeriod(['Charts'], 'Track daily spending with monthly charts')).toBe('month');
    // "Daily habits" says how often a habit is done, not how the chart groups.
    expect(chartPeriod(['Stats'], 'Daily habits with streaks, reminders and nice charts')).toBeUndefined();
    expect(chartPeriod(['统计'], '记录每天的支出，查看每周统计')).toBe('week');
    expect(chartPeriod(['Statistik'], 'Ausgaben erfassen und Statistik pro Tag ansehen')).toBe('day');
  });

  it('draws the weekly chart a Vietnamese expense app asks for instead of sums per category', () => {
    const description = 'Theo dõi chi tiêu theo danh mục, xem biểu đồ hàng tuần';
    const weekly = contextFor(appSpec(['chi tiêu', 'biểu đồ'], { description }), 'chart');
    expect(featureChartMode(weekly)).toMatchObject({ kind: 'valueByPeriod', period: 'week' });
    expect(fileContent(chartArchetype.files(weekly), weekly.feature.paths.screen)).not.toContain('theo danh mục');
    // No period named: an amount and a category still plot sums per category.
    const plain = contextFor(
      appSpec(['chi tiêu', 'biểu đồ'], { description: 'Theo dõi chi tiêu theo danh mục' }),
      'chart',
    );
    expect(featureChartMode(plain).kind).toBe('valueByCategory');
  });

  it('does not group by text that identifies single records', () => {
    const ctx = contextFor(appSpec(['Real estate listings', 'Statistics']), 'chart');
    const entity = requireEntity(ctx.plan, ctx.feature);
    expect(entity.fields.map((field) => field.name)).toContain('address');
    expect(chartMode(entity).kind).toBe('valueByItem');
  });

  it('declares const samples when no field needs a runtime value', () => {
    const ctx = contextFor(appSpec(['Customers', 'Report']), 'chart');
    expect(fileContent(chartArchetype.files(ctx), ctx.feature.paths.test)).toContain('const samples = [');
  });

  it('escapes hostile feature labels', async () => {
    const ctx = contextFor(appSpec([HOSTILE, 'Expenses']), 'chart');
    const files = chartArchetype.files(ctx);
    await expectParses(files);
    const screen = fileContent(files, ctx.feature.paths.screen);
    // Titles are one line: the planner folds the label's whitespace.
    expect(ctx.feature.names.label).toBe(HOSTILE.replace(/\s+/g, ' '));
    expect(screen).toContain(`static const String title = ${dartString(ctx.feature.names.label)};`);
    // Only the escaped `\${x}` may appear, never an interpolation.
    expect(screen).not.toMatch(/(?<!\\)\$\{x\}/);
  });

  it('works for non-Latin labels', async () => {
    const ctx = contextFor(appSpec(['Thống kê', 'Chi tiêu'], { backend: 'graphql' }), 'chart');
    await expectParses(chartArchetype.files(ctx));
    await expectImportsResolve(chartArchetype, ctx);
    expect(chartArchetype.summary(ctx)).toMatch(/^A bar chart of the app's /);
  });
});
