/**
 * chart / statistics / analytics / report / dashboard: an fl_chart BarChart
 * over the app's own records (sum per category, per month, or counts), with
 * summary cards and an empty state. See `chart.mode.ts` for what is plotted.
 */
import type { GeneratedFile } from '../app-spec';
import { packages } from '../data/package-versions';
import { requireEntity, type EntityPlan } from '../plan/app-plan';
import { HABIT_CHECK_ENTITY } from '../plan/domain-entities';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { controllerDart, screenDart, seriesDart, type ChartNames } from './chart.lib-dart';
import { ENGLISH, uiText } from '../ui-text';
import { chartHeading, chartMode, periodMode, type ChartMode } from './chart.mode';
import { chartPeriod } from './chart.period';
import { chartTestDart } from './chart.test-dart';

/**
 * The records the chart reads: the feature's entity, or for habits their check-offs (one per habit
 * and day, entered on the habit list), since a habit itself has nothing to count over time.
 */
export function chartEntity(ctx: FeatureContext): EntityPlan {
  const entity = requireEntity(ctx.plan, ctx.feature);
  const checks = ctx.plan.entities.find(
    (candidate) =>
      candidate.className === HABIT_CHECK_ENTITY.className &&
      candidate.fields.some((field) => field.refersTo === entity.className),
  );
  return checks ?? entity;
}

/**
 * What the feature plots, by day, week or month as its label or the description says ("weekly progress");
 * check-offs of daily habits by week unless the spec names another period.
 */
export function featureChartMode(ctx: FeatureContext): ChartMode {
  const entity = chartEntity(ctx);
  const named = chartPeriod([ctx.feature.names.label, ...ctx.feature.requested], ctx.plan.spec.description);
  return chartMode(entity, named ?? (entity.className === HABIT_CHECK_ENTITY.className ? 'week' : undefined));
}

export function chartNames(ctx: FeatureContext): ChartNames {
  const { feature } = ctx;
  const entity = chartEntity(ctx);
  const { dir } = feature.paths;
  const id = feature.names.id;
  return {
    entity,
    mode: featureChartMode(ctx),
    text: uiText(ctx.plan),
    items: ctx.plan.locale === 'en' ? entity.pluralLabel : feature.names.label,
    series: `${feature.classes.prefix}Series`,
    bucket: `${feature.classes.prefix}Bucket`,
    controller: feature.classes.controller,
    screen: feature.classes.screen,
    seriesPath: `${dir}/${id}_series.dart`,
    controllerPath: `${dir}/${id}_controller.dart`,
  };
}

export const chartArchetype: ArchetypeTemplate = {
  id: 'chart',

  dependencies: () => packages('fl_chart'),

  files(ctx: FeatureContext): GeneratedFile[] {
    const names = chartNames(ctx);
    return [
      { path: names.seriesPath, content: seriesDart(names) },
      { path: names.controllerPath, content: controllerDart(names) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, names) },
      { path: ctx.feature.paths.test, content: chartTestDart(ctx, names) },
    ];
  },

  screenBuilder(ctx: FeatureContext): string {
    const entity = chartEntity(ctx);
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection})`;
  },

  summary(ctx: FeatureContext): string {
    const entity = chartEntity(ctx);
    const mode = featureChartMode(ctx);
    const heading = chartHeading(mode, entity, ENGLISH, entity.pluralLabel);
    const shows = `A bar chart of the app's ${entity.pluralLabel.toLowerCase()}: ${heading.charAt(0).toLowerCase()}${heading.slice(1)}, with summary cards`;
    // Counts of a plain list: say why it is not a chart over time, so nobody looks for one.
    const measures = periodMode(mode) !== undefined || mode.kind === 'valueByCategory';
    return measures ? `${shows}.` : `${shows} (no records of the app have a date they happened on to chart over time).`;
  },
};
