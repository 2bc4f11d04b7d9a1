/**
 * One archetype = one small typed builder of Dart files. The registry
 * (`registry.ts`) maps every ArchetypeId to its template; the project
 * generator asks each feature's template for its files, dependencies,
 * services and README notes, and wires the screen into the app shell.
 */
import type { GeneratedFile } from '../app-spec';
import type { AppPlan, ArchetypeId, PlannedFeature } from '../plan/app-plan';

export interface FeatureContext {
  plan: AppPlan;
  feature: PlannedFeature;
}

/**
 * A field of `AppServices` (lib/app_services.dart) that a feature needs, e.g.
 * the auth session. The shell declares it, creates it in `AppServices.create()`
 * and the test support builds it with `fake`.
 */
export interface ServiceDecl {
  /** lowerCamelCase field name, e.g. `auth`; unique in the app (two features asking for one field share it). */
  field: string;
  /** Dart type of the field, e.g. `AuthService`. */
  type: string;
  /** lib-relative path of the file declaring `type`, e.g. `features/sign_in/auth_service.dart`. */
  typeImport: string;
  /**
   * Dart expression creating the production instance inside the async
   * `AppServices.create()`; `prefs` (a SharedPreferences) is in scope.
   */
  create: string;
  /** lib-relative paths `create` needs (besides `typeImport`). */
  createImports: string[];
  /** Dart expression creating a test double, used by `test/support/test_services.dart`. */
  fake: string;
  /** Root-relative path (under `test/`) of the file declaring the fake's class; the template writes it. */
  fakeImport?: string;
}

/**
 * A screen the app shows in place of another until a condition holds: the
 * onboarding tour until it was seen once, sign-in while nobody is signed in.
 * The shell wraps its start screen in every gate (first-launch gates outside
 * sign-in gates), and every other route in the gates that `guardsRoutes`.
 * The gate's own feature gets no home card and stays unguarded.
 */
export interface AppGate {
  kind: 'firstLaunch' | 'signIn';
  /** The gate widget's class; it takes `child` plus `arguments`. */
  widget: string;
  /** Named arguments besides `child`, e.g. `auth: services.auth`; `services` is in scope. */
  arguments: string[];
  /** lib-relative path of the file declaring `widget`. */
  import: string;
  /** Also wrap every other feature's route (pushed screens, deep links), not only the start screen. */
  guardsRoutes: boolean;
  /** A home app-bar action opening the gate feature's own screen (instead of a home card). */
  homeAction?: { icon: string; tooltip: string };
  /** Dart statements taking a widget test's `services` (from `testServices()`) past the gate. */
  passInTests: string[];
  /** lib-relative paths `passInTests` needs. */
  passImports: string[];
}

export interface ArchetypeTemplate {
  readonly id: ArchetypeId;
  /** pub packages (name → version constraint) the feature's code imports, for the plan's backend. */
  dependencies(ctx: FeatureContext): Readonly<Record<string, string>>;
  /**
   * Every file of the feature: the screen at `feature.paths.screen` (class `feature.classes.screen`
   * with `static const String title` and `static const String routeName = feature.route`), any helper
   * files under `lib/features/<id>/`, test support under `test/support/`, and a widget test at
   * `feature.paths.test` that pumps the screen and exercises its main action.
   */
  files(ctx: FeatureContext): GeneratedFile[];
  /** Dart expression building the screen in the route table; `services` (an `AppServices`) is in scope. */
  screenBuilder(ctx: FeatureContext): string;
  /** Services the screen needs from the app (besides entity repositories, which always exist). */
  services?(ctx: FeatureContext): ServiceDecl[];
  /** The gate the feature puts in front of the app (onboarding, sign-in), if any. */
  gate?(ctx: FeatureContext): AppGate;
  /** Markdown for the README's setup section (permissions, keys, native steps), without a heading. */
  readme?(ctx: FeatureContext): string;
  /** One sentence on what the feature does, for the README and docs. */
  summary(ctx: FeatureContext): string;
}
