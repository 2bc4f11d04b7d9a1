import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { requireEntity } from '../plan/app-plan';
import { dartText, uiText } from '../ui-text';
import {
  BACKENDS,
  appSpec,
  contextFor,
  expectImportsResolve,
  expectParses,
  expectPrefixedTypes,
  expectScreenContract,
  fileContent,
} from './testing/archetype-spec-helpers';
import { searchArchetype } from './search.archetype';

const HOSTILE_SEARCH = `Boss's "\${x}" $y \\ search\nnext`;

const APPS: [string[], string][] = [
  [['Expenses', 'Search'], 'firebase'],
  [['Tasks', 'Search'], 'supabase'],
  [['Customers', 'Filter'], 'rest'],
  [['Products', 'Search products'], 'graphql'],
  [['Movie', 'Search'], 'none'],
  [['Budgets', 'Search'], 'firebase'],
  [['Tìm kiếm', 'Chi tiêu'], 'supabase'],
  [[HOSTILE_SEARCH], 'rest'],
];

function controllerPath(ctx: ReturnType<typeof contextFor>): string {
  return `${ctx.feature.paths.dir}/${ctx.feature.names.id}_controller.dart`;
}

describe('searchArchetype', () => {
  it.each(APPS)('writes a working search for %j (%s)', async (features, backend) => {
    const ctx = contextFor(appSpec(features, { backend }), 'search');
    const files = searchArchetype.files(ctx);
    await expectParses(files);
    await expectImportsResolve(searchArchetype, ctx);
    expectPrefixedTypes(searchArchetype, ctx);
    expectScreenContract(searchArchetype, ctx, dartString(ctx.feature.names.label));

    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('TextField(');
    expect(screen).toContain('onChanged: _controller.setQuery');
    expect(screen).toContain('showModalBottomSheet<void>(');
    // The result count speaks the app's language, and the test finds it in that language.
    const t = uiText(ctx.plan);
    expect(screen).toContain(dartText(t.resultCount, { count: 'count' }));
    const oneResult = dartString(t.oneResult);

    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain(`${ctx.feature.classes.screen}(`);
    expect(test).toContain('await tester.enterText(find.byType(TextField),');
    expect(test).toContain('findsNothing');
    expect(test).toContain(`find.text(${oneResult})`);
  });

  it('needs no package for any backend', () => {
    for (const backend of BACKENDS) {
      const ctx = contextFor(appSpec(['Expenses', 'Search'], { backend }), 'search');
      expect(searchArchetype.dependencies(ctx)).toEqual({});
    }
  });

  it('searches every text field, ignoring case, and filters by category chips', () => {
    const ctx = contextFor(appSpec(['Expenses', 'Search']), 'search');
    const files = searchArchetype.files(ctx);
    const controller = fileContent(files, controllerPath(ctx));
    expect(ctx.feature.classes.controller).toBe('SearchFeatureController');
    expect(controller).toContain('class SearchFeatureController extends ChangeNotifier');
    expect(controller).toContain('<String?>[item.title, item.category, item.note]');
    expect(controller).toContain('.toLowerCase().contains(needle)');
    expect(controller).toContain('item.category.trim() != _category');
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('ChoiceChip(');
    expect(screen).toContain("if (item.note != null)\n              _DetailRow(label: 'Note', value: item.note!),");
    expect(screen).toContain("_DetailRow(label: 'Amount', value: formatMoney(item.amount)),");
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("await tester.enterText(find.byType(TextField), 'TITLE 2');");
    expect(test).toContain("expect(find.text('Title 1'), findsNothing);");
    expect(test).toContain("find.widgetWithText(ChoiceChip, 'Category 1')");
  });

  it('offers a chip for a yes/no field', () => {
    const ctx = contextFor(appSpec(['Tasks', 'Search']), 'search');
    const files = searchArchetype.files(ctx);
    expect(fileContent(files, controllerPath(ctx))).toContain('if (_onlyDone && !item.done) return false;');
    expect(fileContent(files, ctx.feature.paths.screen)).toContain('onSelected: _controller.setOnlyDone');
    expect(fileContent(files, ctx.feature.paths.test)).toContain("find.widgetWithText(FilterChip, 'Done')");
  });

  it('counts results only once loaded, offers "Clear search" for a lone query, and does not repeat the title', () => {
    const ctx = contextFor(appSpec(['Expenses', 'Search']), 'search');
    const files = searchArchetype.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('if (_controller.items.isNotEmpty)\n                Padding(');
    expect(screen).toContain(
      "_controller.hasFilters\n                ? 'Clear filters'\n                : 'Clear search',",
    );
    expect(screen).not.toContain("_DetailRow(label: 'Title'");
    const controller = fileContent(files, controllerPath(ctx));
    expect(controller).toContain('bool get hasFilters => _category != null;');
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("await tester.tap(find.text('Clear search'));");
    expect(test).toContain("testWidgets('clears the filters too when a chip is on'");
    expect(test).toContain("expect(find.text('Title'), findsNothing);");

    // Without chips there is nothing but the query to clear.
    const plain = contextFor(appSpec(['Budgets', 'Search']), 'search');
    const plainFiles = searchArchetype.files(plain);
    expect(fileContent(plainFiles, controllerPath(plain))).not.toContain('hasFilters');
    expect(fileContent(plainFiles, plain.feature.paths.screen)).not.toContain('Clear filters');
  });

  it('uses a non-nullable text list when every text field is required', () => {
    const ctx = contextFor(appSpec(['Budgets', 'Search']), 'search');
    const controller = fileContent(searchArchetype.files(ctx), controllerPath(ctx));
    expect(controller).toContain('final texts = <String>[item.category];');
    expect(controller).not.toContain('text != null');
  });

  it('escapes hostile labels', async () => {
    const ctx = contextFor(appSpec([HOSTILE_SEARCH]), 'search');
    const files = searchArchetype.files(ctx);
    await expectParses(files);
    const screen = fileContent(files, ctx.feature.paths.screen);
    // Titles are one line: the planner folds the label's whitespace.
    expect(ctx.feature.names.label).toBe(HOSTILE_SEARCH.replace(/\s+/g, ' '));
    expect(screen).toContain(`static const String title = ${dartString(ctx.feature.names.label)};`);
    expect(screen).not.toMatch(/(?<!\\)\$\{x\}/);
    expect(searchArchetype.summary(ctx)).toContain(requireEntity(ctx.plan, ctx.feature).pluralLabel.toLowerCase());
  });
});
