/**
 * chart / statistics / analytics / report / dashboard: an fl_chart BarChart
 * over the app's own records (sum per category, per month, or counts), with
 * summary cards and an empty state. See `chart.mode.ts` for what is plotted.
 */
import type { GeneratedFile } from '../app-spec';
import { packages } from '../data/package-versions';
import { requireEntity } from '../plan/app-plan';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { controllerDart, screenDart, seriesDart, type ChartNames } from './chart.lib-dart';
import { ENGLISH, uiText } from '../ui-text';
import { chartHeading, chartMode, type ChartMode } from './chart.mode';
import { chartPeriod } from './chart.period';
import { chartTestDart } from './chart.test-dart';

/** What the feature plots, by day, week or month as its label or the description says ("weekly progress"). */
export function featureChartMode(ctx: FeatureContext): ChartMode {
  const period = chartPeriod([ctx.feature.names.label, ...ctx.feature.requested], ctx.plan.spec.description);
  return chartMode(requireEntity(ctx.plan, ctx.feature), period);
}

export function chartNames(ctx: FeatureContext): ChartNames {
  const { feature } = ctx;
  const entity = requireEntity(ctx.plan, feature);
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
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection})`;
  },

  summary(ctx: FeatureContext): string {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const heading = chartHeading(featureChartMode(ctx), entity, ENGLISH, entity.pluralLabel);
    return `A bar chart of the app's ${entity.pluralLabel.toLowerCase()} (${heading.charAt(0).toLowerCase()}${heading.slice(1)}) and summary cards.`;
  },
};
