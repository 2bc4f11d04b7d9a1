import { describe, expect, it } from 'vitest';
import { chartArchetype, chartEntity, chartNames, featureChartMode } from '../archetypes/chart.archetype';
import { appSpec, contextFor, expectParses, fileContent } from '../archetypes/testing/archetype-spec-helpers';
import { namedSpec } from '../testing/fixtures';
import { amountField, chartMeasure, eventDateField } from './chart-source';
import { parseFieldSpecs } from './domain-entities';
import { planApp } from './plan-app';

const fields = (spec: string) => parseFieldSpecs(spec);

describe('chartMeasure', () => {
  it('ranks dated amounts over dated events over a list of things', () => {
    expect(
      chartMeasure({ className: 'FuelLog' }, fields('station:text!, date:date!, liters:decimal!, cost:money!')),
    ).toBe('amounts');
    expect(chartMeasure({ className: 'Inspection' }, fields('title:text!, date:date!, completed:bool'))).toBe('events');
    // A next service, a birthday or a generic list's date are properties of a thing, not events.
    expect(
      chartMeasure({ className: 'Vehicle' }, fields('name:text!, plate:text!, mileageKm:int, nextService:date')),
    ).toBe('list');
    expect(chartMeasure({ className: 'Stapel' }, fields('title:text!, notes:longText, date:date'))).toBe('list');
    // A habit has no date, but its check-offs do.
    expect(chartMeasure({ className: 'Habit' }, fields('name:text!, timesPerWeek:int!'))).toBe('events');
  });

  it('sums money before other numbers, and never an optional int, a coordinate or a rate', () => {
    expect(amountField(fields('station:text!, liters:decimal!, cost:money!'))?.name).toBe('cost');
    expect(amountField(fields('activity:text!, minutes:int!, distanceKm:decimal'))?.name).toBe('minutes');
    expect(amountField(fields('title:text!, rating:int, latitude:decimal!'))).toBeUndefined();
    expect(amountField(fields('name:text!, waterEveryDays:int!, timesPerWeek:int!'))).toBeUndefined();
    expect(eventDateField(fields('name:text!, birthday:date'))).toBeUndefined();
    // Kept up to date on the thing itself: no day something happened.
    expect(eventDateField(fields('name:text!, lastWatered:date!'))).toBeUndefined();
    expect(eventDateField(fields('reason:text!, date:dateTime!'))?.name).toBe('date');
  });
});

describe('the records a chart plots', () => {
  it('charts the fleet fill-ups cost per month, not vehicles per month of their next service', async () => {
    const spec = namedSpec(
      'Fleet',
      'Track vehicles, drivers, fuel fill-ups and maintenance',
      ['vehicles', 'drivers', 'fuel log', 'maintenance', 'map', 'reports'],
      { backend: 'rest' },
    );
    const ctx = contextFor(spec, 'chart');
    const entity = chartEntity(ctx);
    expect(entity.className).toBe('FuelLog');
    expect(featureChartMode(ctx)).toMatchObject({ kind: 'valueByPeriod', period: 'month', value: { name: 'cost' } });
    const files = chartArchetype.files(ctx);
    await expectParses(files);
    const series = fileContent(files, chartNames(ctx).seriesPath);
    expect(series).toContain('static double _valueOf(FuelLog item) => item.cost;');
    expect(files.map((file) => file.content).join('\n')).not.toContain('nextService');
    expect(fileContent(files, ctx.feature.paths.screen)).toContain("'Cost per month (last 6 months)'");
    expect(chartArchetype.screenBuilder(ctx)).toBe(`ReportsScreen(repository: services.${entity.collection})`);
    expect(chartArchetype.summary(ctx)).toBe(
      `A bar chart of the app's ${entity.pluralLabel.toLowerCase()}: cost per month (last 6 months), with summary cards.`,
    );
  });

  it('counts dated events per period before a list of things', () => {
    const ctx = contextFor(appSpec(['Vehicles', 'Inspections', 'Statistics']), 'chart');
    expect(chartEntity(ctx).className).toBe('Inspection');
    expect(featureChartMode(ctx)).toMatchObject({ kind: 'countByPeriod', date: { name: 'date' } });
    // "Most common" would name a month: a chart over time has no such card.
    expect(fileContent(chartArchetype.files(ctx), ctx.feature.paths.screen)).not.toContain('Most common');
  });

  it('charts what a calendar keeps, with no second screen to enter it', () => {
    const plan = planApp(appSpec(['Pets', 'Calendar', 'Statistics']));
    const users = plan.features.filter((feature) => feature.entity === 'CalendarEvent');
    expect(users.map((feature) => feature.archetype)).toEqual(['calendar', 'chart']);
  });

  it('keeps the records the chart names itself', () => {
    const ctx = contextFor(appSpec(['Fuel log', 'Vehicles', 'Vehicle statistics']), 'chart');
    expect(chartEntity(ctx).className).toBe('Vehicle');
  });

  it('counts a list of things per group, never per month of a date it merely has, and says so', () => {
    const ctx = contextFor(appSpec(['Vehicles', 'Reports']), 'chart');
    expect(featureChartMode(ctx).kind).not.toMatch(/ByPeriod$/);
    expect(fileContent(chartArchetype.files(ctx), chartNames(ctx).seriesPath)).not.toContain('nextService');
    expect(chartArchetype.summary(ctx)).toContain('no records of the app have a date they happened on');
  });

  it('charts habit check-offs per week from their yyyy-MM-dd day', async () => {
    const spec = namedSpec('Habit Hero', 'Build daily habits and keep your streak', ['habits', 'statistics'], {
      backend: 'none',
    });
    const ctx = contextFor(spec, 'chart');
    expect(chartEntity(ctx).className).toBe('HabitCheck');
    expect(featureChartMode(ctx)).toMatchObject({ kind: 'countByPeriod', period: 'week' });
    expect(chartArchetype.screenBuilder(ctx)).toBe('StatisticsScreen(repository: services.habitChecks)');
    const files = chartArchetype.files(ctx);
    await expectParses(files);
    const series = fileContent(files, chartNames(ctx).seriesPath);
    expect(series).toContain('factory StatisticsSeries.from(List<HabitCheck> items, {DateTime? today})');
    expect(series).toContain('final date = DateTime.tryParse(item.day);\n      if (date == null) continue;');
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain("'Habit check-offs per week (last 6 weeks)'");
    expect(screen).toContain("'Average per week'");
    expect(screen).not.toContain('Most common');
    // The samples are days of one week (1–3 January 2026), all in the last bar.
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("HabitCheck(id: 'habit_check-1', habitId: 'habit-1', day: '2026-01-01')");
    expect(test).toContain('InMemoryHabitCheckRepository(seed: samples)');
    expect(test).toContain('expect(series.bars.last.value, closeTo(3.00, 0.001));');
    expect(chartArchetype.summary(ctx)).toContain('habit check-offs per week (last 6 weeks)');
  });

  it('still sums expenses per category, in the app language', () => {
    const budget = contextFor(
      namedSpec('Budget', 'Track expenses by category', ['expenses', 'charts'], { backend: 'supabase' }),
      'chart',
    );
    expect(featureChartMode(budget)).toMatchObject({ kind: 'valueByCategory', value: { name: 'amount' } });
    const vietnamese = contextFor(
      namedSpec('Chi tiêu', 'Theo dõi chi tiêu hàng ngày', ['chi tiêu', 'biểu đồ'], { backend: 'none' }),
      'chart',
    );
    expect(chartEntity(vietnamese).className).toBe('Expense');
    expect(fileContent(chartArchetype.files(vietnamese), vietnamese.feature.paths.screen)).toContain(
      "'Số tiền theo danh mục'",
    );
  });
});
