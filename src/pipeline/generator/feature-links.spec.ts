import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from './app-spec';
import { baDocs } from './docs.generator';
import { isHomeCard, openedFrom } from './feature-links';
import { generateFromPlan } from './flutter-project.generator';
import { planApp } from './plan/plan-app';
import { unresolvedImports } from './testing/project-checks';
import { simpleSpec } from './testing/fixtures';

function content(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file.content;
}

/** Screen classes of the home cards, in order, from the `_destinations` list of app.dart (or the one home tab). */
function homeCards(appDart: string): string[] {
  // One main feature is the home screen itself, its first tab: no cards, but it is on the home screen.
  const single = /^ +0 => (\w+)\(/m.exec(appDart);
  if (single) return [single[1]];
  const list = appDart.slice(appDart.indexOf('const List<_Destination> _destinations'));
  return [...list.matchAll(/\(\s*title: (\w+)\.title,/g)].map((match) => match[1]);
}

describe('home cards and data screens the app adds', () => {
  const plan = planApp(simpleSpec({ features: ['Map', 'Checkout', 'Expenses'] }));
  const files = generateFromPlan(plan);
  const app = content(files, 'lib/app.dart');

  it('shows only requested features on the home screen', () => {
    expect(homeCards(app)).toEqual(['MapScreen', 'CheckoutScreen', 'ExpensesScreen']);
  });

  it('still routes the added Places and Products screens', () => {
    expect(app).toContain('PlacesScreen.routeName: (context) =>');
    expect(app).toContain('ProductsScreen.routeName: (context) =>');
    expect(unresolvedImports(files)).toEqual([]);
  });

  it('opens each added screen from the feature that needs it in the app smoke test', () => {
    const smoke = content(files, 'test/widget_test.dart');
    const test = (name: string) => smoke.slice(smoke.indexOf(`testWidgets('${name}'`)).split('\n  });')[0];
    const places = test('opens PlacesScreen from MapScreen');
    expect(places).toContain('final card = find.widgetWithText(ListTile, MapScreen.title).first;');
    expect(places).toMatch(
      /tap\(find\.byTooltip\('Manage places'\)\);[^]*AppBar, PlacesScreen\.title\), findsOneWidget/,
    );
    expect(test('opens ProductsScreen from CheckoutScreen')).toContain("find.byTooltip('Manage products')");
    expect(smoke).toContain("import 'package:todo_app/features/places/places_screen.dart';");
    // The smoke test no longer looks for them on the home screen.
    expect(smoke).not.toContain('scrollUntilVisible(find.text(PlacesScreen.title)');
  });

  it('counts no gate (sign-in, first-launch tour) as a home card, here and in the requirements', () => {
    const spec = simpleSpec({ features: ['Login', 'Onboarding', 'Tasks'] });
    const gated = planApp(spec);
    const cards = gated.features.filter((feature) => isHomeCard(gated, feature)).map((feature) => feature.names.id);
    expect(cards).toEqual(['tasks']);
    expect(homeCards(content(generateFromPlan(gated), 'lib/app.dart'))).toEqual(['TasksScreen']);
    const product = JSON.parse(content(baDocs(spec), 'docs/product_spec.json')) as {
      features: { id: string; homeCard: boolean }[];
    };
    expect(product.features.filter((feature) => feature.homeCard).map((feature) => feature.id)).toEqual(['tasks']);
  });

  it('keeps a data screen the user asked for on the home screen', () => {
    const asked = planApp(simpleSpec({ features: ['Places', 'Map'] }));
    const places = asked.features.find((feature) => feature.names.id === 'places');
    expect(places && isHomeCard(asked, places)).toBe(true);
    expect(homeCards(content(generateFromPlan(asked), 'lib/app.dart'))).toEqual(['PlacesScreen', 'MapScreen']);
  });

  it('keeps added screens that no feature links to (a chart over entries, the only screen) on the home screen', () => {
    for (const features of [['Statistics'], []]) {
      const added = planApp(simpleSpec({ features, description: 'Zzz.', name: 'Zzz' }));
      const entries = added.features.find((feature) => feature.archetype === 'entity');
      expect(entries?.origin).toBe('app');
      expect(entries && openedFrom(added, entries)).toBeUndefined();
      expect(homeCards(content(generateFromPlan(added), 'lib/app.dart'))).toContain(entries?.classes.screen);
    }
  });
});
