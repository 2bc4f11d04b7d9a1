/**
 * The home screen's layout, as the shell builds it and the docs describe it:
 * a hub of cards with settings (and the account) in its app bar, or, when the
 * app has exactly one main feature, that feature's screen itself with those
 * buttons in a navigation bar (a hub with a single card is a needless tap).
 */
import { isHomeCard } from '../feature-links';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { dartLayout } from './dart-layout';

/** The one feature the home screen is, or undefined when the home is a hub (none or several). */
export function singleHomeFeature(plan: AppPlan): PlannedFeature | undefined {
  const home = plan.features.filter((feature) => isHomeCard(plan, feature));
  return home.length === 1 ? home[0] : undefined;
}

/** Where the settings and account buttons sit: "the home app bar" or "the navigation bar". */
export function homeButtonsPlace(plan: AppPlan): string {
  return singleHomeFeature(plan) ? 'the navigation bar' : 'the home app bar';
}

/** The home's button for `name` (settings, account), for the docs: "the settings button in the home app bar". */
export function homeButton(plan: AppPlan, name: string): string {
  return singleHomeFeature(plan) ? `the ${name} tab in the navigation bar` : `the ${name} button in the home app bar`;
}

/**
 * `await tester.tap(…);` at column 4 on a navigation-bar tab found by its label (a Dart String
 * expression), wrapped the way `dart format` wraps it. Not by tooltip: newer Flutter shows none
 * on a destination whose label is always shown.
 */
export function tapNavigationTab(label: string): string {
  const finder = `find.descendant(of: find.byType(NavigationBar), matching: find.text(${label}))`;
  // The suffix stands for "await " and ";": the check counts them, the split ignores them.
  return `    await ${dartLayout(`tester.tap(${finder})`, 4, ''.padEnd('await ;'.length))};`;
}
