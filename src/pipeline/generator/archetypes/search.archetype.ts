/**
 * search / filter: a search field that filters the entity's records by every
 * text field (case-insensitive), filter chips (category values, a yes/no
 * field), a result count, empty states and a details sheet per result.
 */
import type { GeneratedFile } from '../app-spec';
import { requireEntity } from '../plan/app-plan';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { controllerDart, screenDart, searchNames } from './search.lib-dart';
import { searchTestDart } from './search.test-dart';

export const searchArchetype: ArchetypeTemplate = {
  id: 'search',

  dependencies: () => ({}),

  files(ctx: FeatureContext): GeneratedFile[] {
    const names = searchNames(ctx, requireEntity(ctx.plan, ctx.feature));
    return [
      { path: names.controllerPath, content: controllerDart(names) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, names) },
      { path: ctx.feature.paths.test, content: searchTestDart(ctx, names) },
    ];
  },

  screenBuilder(ctx: FeatureContext): string {
    const entity = requireEntity(ctx.plan, ctx.feature);
    return `${ctx.feature.classes.screen}(repository: services.${entity.collection})`;
  },

  summary(ctx: FeatureContext): string {
    const entity = requireEntity(ctx.plan, ctx.feature);
    const names = searchNames(ctx, entity);
    const filters = [names.category?.label.toLowerCase(), names.flag?.label.toLowerCase()].filter(Boolean);
    const chips = filters.length > 0 ? `, narrowed by ${filters.join(' and ')}` : '';
    return `Searches the ${entity.pluralLabel.toLowerCase()} by their text as you type${chips}, with a details sheet per result.`;
  },
};
