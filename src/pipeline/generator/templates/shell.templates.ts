/**
 * The app shell: entry point, `AppServices` (repositories and services made
 * once at start-up), `MainApp` with the theme and the route table, the home
 * screen that reaches every feature, and the smoke test. Features with a gate
 * (the onboarding tour, sign-in: `AppGate`) stand in front of the home screen,
 * and sign-in also in front of every other route.
 */
import type { AppGate, ServiceDecl } from '../archetypes/archetype';
import { dartString } from '../dart-string';
import type { EntityPlan } from '../plan/app-plan';
import type { ThemeModeToken, ThemeTokens } from '../theme-tokens';
import { dartLayout } from './dart-layout';
import { tapNavigationTab } from './home-layout';

/** A feature as the shell sees it. */
export interface ShellFeature {
  id: string;
  title: string;
  screenClass: string;
  /** lib-relative path of the screen. */
  screenImport: string;
  icon: string;
  /** Dart expression building the screen; `services` is in scope. */
  builder: string;
  isSettings: boolean;
  /** Shown as a home card: false for settings (app bar), gates, and data screens another feature opens. */
  homeCard: boolean;
  /** A data screen the app added for another feature: that screen's class and the tooltip of its action. */
  openedFrom?: { screenClass: string; action: string };
  /** The gate the feature puts in front of the app (onboarding, sign-in): no home card, an unguarded route. */
  gate?: AppGate;
}

export interface ShellInput {
  packageName: string;
  displayName: string;
  description: string;
  /** False when the spec had no description: the stand-in sentence (English) stays out of the home screen. */
  showDescription: boolean;
  theme: ThemeTokens;
  features: readonly ShellFeature[];
  entities: readonly EntityPlan[];
  services: readonly ServiceDecl[];
  /** Per entity: creation expression and lib-relative imports (from the backend wiring). */
  repositoryCreate: (entity: EntityPlan) => string;
  repositoryImports: (entity: EntityPlan) => string[];
  mainImports: readonly string[];
  mainSetup: readonly string[];
  /** Statements `AppServices.create()` runs first (the backend's shared API client); services they name are created before them. */
  createSetup: readonly string[];
  createImports: readonly string[];
  /** MaterialApp's locale and flutter_localizations delegates; absent for English, Flutter's default. */
  localization?: { uri: string; arguments: readonly string[] };
}

const THEME_MODES: Readonly<Record<ThemeModeToken, string>> = {
  system: 'ThemeMode.system',
  light: 'ThemeMode.light',
  dark: 'ThemeMode.dark',
};

function importLines(uris: Iterable<string>): string {
  const sorted = [...new Set(uris)].sort((a, b) => {
    const rank = (uri: string) => (uri.startsWith('dart:') ? 0 : uri.startsWith('package:') ? 1 : 2);
    return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
  let previousRank = -1;
  const lines: string[] = [];
  for (const uri of sorted) {
    const rank = uri.startsWith('dart:') ? 0 : uri.startsWith('package:') ? 1 : 2;
    if (previousRank >= 0 && rank !== previousRank) lines.push('');
    previousRank = rank;
    lines.push(`import '${uri}';`);
  }
  return lines.join('\n');
}

export function mainDart(input: ShellInput): string {
  const setup = input.mainSetup.map((line) => `  ${line}`).join('\n');
  return `${importLines(['package:flutter/material.dart', ...input.mainImports, 'app.dart', 'app_services.dart'])}

Future<void> main() async {
  WidgetsFlutterBinding.ensureInitialized();
${setup ? `${setup}\n` : ''}  final services = await AppServices.create();
  runApp(MainApp(services: services));
}
`;
}

interface ServiceField {
  name: string;
  type: string;
  create: string;
}

function serviceFields(input: ShellInput): ServiceField[] {
  return [
    ...input.entities.map((entity) => ({
      name: entity.collection,
      type: `${entity.className}Repository`,
      create: input.repositoryCreate(entity),
    })),
    ...input.services.map((service) => ({ name: service.field, type: service.type, create: service.create })),
  ];
}

/** Services the setup statements use (`auth.token`): created as locals first, then passed on. */
function hoistedServices(input: ShellInput): ServiceDecl[] {
  return input.services.filter((service) =>
    input.createSetup.some((line) => new RegExp(`\\b${service.field}\\.`).test(line)),
  );
}

/** Whether any screen or gate reads `services.prefs`: only then is it an AppServices member. */
function sharesPrefs(input: ShellInput): boolean {
  const uses = input.features.flatMap((feature) => [
    feature.builder,
    ...(feature.gate ? [...feature.gate.arguments, ...feature.gate.passInTests] : []),
  ]);
  return uses.some((code) => /\bservices\.prefs\b/.test(code));
}

/** Whether `code` passes the local `prefs` on (`SettingsController(prefs)`). */
function readsPrefs(code: readonly string[]): boolean {
  return code.some((line) => /\bprefs\b/.test(line));
}

export function appServicesDart(input: ShellInput): string {
  const hoisted = hoistedServices(input);
  const fields = serviceFields(input).map((field) =>
    hoisted.some((service) => service.field === field.name) ? { ...field, create: field.name } : field,
  );
  const locals = hoisted.map((service) => `final ${service.field} = ${service.create};`);
  const setup = [...locals, ...input.createSetup].map((line) => `    ${line}\n`);
  const member = sharesPrefs(input);
  const needsPrefs = member || readsPrefs([...setup, ...fields.map((field) => field.create)]);
  const prefsField = member ? '    required this.prefs,\n' : '';
  const prefsDecl = member ? '  final SharedPreferences prefs;\n' : '';
  const prefsLocal = needsPrefs ? '    final prefs = await SharedPreferences.getInstance();\n' : '';
  const prefsArg = member ? '      prefs: prefs,\n' : '';
  const imports = [
    ...input.createImports,
    ...(needsPrefs ? ['package:shared_preferences/shared_preferences.dart'] : []),
    ...input.entities.flatMap((entity) => [
      entity.paths.repository.slice('lib/'.length),
      ...input.repositoryImports(entity),
    ]),
    ...input.services.flatMap((service) => [service.typeImport, ...service.createImports]),
  ];
  return `${importLines(imports)}

/// The repositories and services the screens use, created once at start-up.
/// Tests build one with in-memory fakes (\`test/support/test_services.dart\`).
class AppServices {
  AppServices({
${prefsField}${fields.map((field) => `    required this.${field.name},`).join('\n')}
  });

${prefsDecl}${fields.map((field) => `  final ${field.type} ${field.name};`).join('\n')}

  static Future<AppServices> create() async {
${prefsLocal}${setup.join('')}    return AppServices(
${prefsArg}${fields.map((field) => `      ${field.name}: ${field.create},`).join('\n')}
    );
  }
}
`;
}

export function testServicesDart(input: ShellInput, fakeRepositoriesImport: string | undefined): string {
  const pkg = input.packageName;
  const imports = [
    `package:${pkg}/app_services.dart`,
    'package:shared_preferences/shared_preferences.dart',
    // A fake from test/support is all the file names; otherwise the fake is built from the lib type.
    ...input.services.map((service) =>
      service.fakeImport ? service.fakeImport.replace(/^test\/support\//, '') : `package:${pkg}/${service.typeImport}`,
    ),
    ...(fakeRepositoriesImport ? [fakeRepositoriesImport] : []),
  ];
  const args = [
    ...input.entities.map((entity) => `    ${entity.collection}: InMemory${entity.className}Repository(),`),
    ...input.services.map((service) => `    ${service.field}: ${service.fake},`),
  ];
  const gates = gatesOf(input);
  const passImports = gates.flatMap((gate) => gate.passImports.map((lib) => `package:${pkg}/${lib}`));
  const fresh = gates.length ? 'firstLaunchServices' : 'testServices';
  const freshDoc = gates.length
    ? `AppServices of a first launch: in-memory repositories and fakes, nothing\n/// stored on the device${gates.some((gate) => gate.kind === 'signIn') ? ', nobody signed in' : ''}.`
    : 'AppServices for widget tests: in-memory repositories and fakes, empty preferences.';
  const member = sharesPrefs(input);
  const prefsLocal = member || readsPrefs(args) ? '  final prefs = await SharedPreferences.getInstance();\n' : '';
  return `${importLines([...imports, ...passImports])}

/// ${freshDoc}
Future<AppServices> ${fresh}() async {
  SharedPreferences.setMockInitialValues({});
${prefsLocal}  return AppServices(
${member ? '    prefs: prefs,\n' : ''}${args.join('\n')}
  );
}
${returningUserDart(gates)}`;
}

const GATE_PASSED: Readonly<Record<AppGate['kind'], string>> = {
  firstLaunch: 'the tour already seen',
  signIn: 'signed in',
};

/** `testServices()` past every gate, for the tests of the screens behind them. */
function returningUserDart(gates: readonly AppGate[]): string {
  if (gates.length === 0) return '';
  return `
/// AppServices of someone who used the app before, what most tests need to
/// reach the home screen: ${gates.map((gate) => GATE_PASSED[gate.kind]).join(', ')}.
Future<AppServices> testServices() async {
  final services = await firstLaunchServices();
${gates.flatMap((gate) => gate.passInTests.map((line) => `  ${line}`)).join('\n')}
  return services;
}
`;
}

export function appInfoDart({ displayName, description }: ShellInput): string {
  return `/// App-wide texts from the product brief.
abstract final class AppInfo {
  static const String name = ${dartString(displayName)};
  static const String description = ${dartString(description)};
  static const String version = '1.0.0';
}
`;
}

const DESCRIPTION_LINE = `
          Padding(
            padding: const EdgeInsets.only(bottom: 16),
            child: Text(
              AppInfo.description,
              style: Theme.of(context).textTheme.bodyLarge,
            ),
          ),`;

function homeBody(features: readonly ShellFeature[], showDescription: boolean): string {
  if (features.length === 0) {
    return `      body: const Center(
        child: Padding(
          padding: EdgeInsets.all(24),
          child: Text(AppInfo.description, textAlign: TextAlign.center),
        ),
      ),`;
  }
  return `      body: ListView(
        padding: const EdgeInsets.all(16),
        children: [${showDescription ? DESCRIPTION_LINE : ''}
          for (final destination in _destinations)
            Card(
              child: ListTile(
                leading: Icon(destination.icon),
                title: Text(destination.title),
                trailing: const Icon(Icons.chevron_right),
                onTap: () =>
                    Navigator.pushNamed(context, destination.routeName),
              ),
            ),
        ],
      ),`;
}

function destinations(features: readonly ShellFeature[]): string {
  if (features.length === 0) return '';
  const entries = features
    .map((feature) => {
      const entry = `(title: ${feature.screenClass}.title, icon: ${feature.icon}, routeName: ${feature.screenClass}.routeName)`;
      return `  ${dartLayout(entry, 2, ',')},`;
    })
    .join('\n');
  return `
typedef _Destination = ({String title, IconData icon, String routeName});

const List<_Destination> _destinations = [
${entries}
];
`;
}

/** Gated features (sign-in, onboarding) open by themselves or from the app bar, not from a card. */
function isOnHome(feature: ShellFeature): boolean {
  return feature.homeCard && !feature.gate;
}

/** The app's gates, first-launch ones first: the tour comes before sign-in. */
function gatesOf(input: ShellInput): AppGate[] {
  const rank = (gate: AppGate) => (gate.kind === 'firstLaunch' ? 0 : 1);
  return input.features.flatMap((feature) => (feature.gate ? [feature.gate] : [])).sort((a, b) => rank(a) - rank(b));
}

/** `child` inside each gate (the first outermost), as Dart starting at column `indent`. */
function wrapInGates(gates: readonly AppGate[], child: string, indent: number): string {
  if (gates.length === 0) return child;
  const [outer, ...inner] = gates;
  const pad = ' '.repeat(indent + 2);
  const args = [...outer.arguments, `child: ${wrapInGates(inner, child, indent + 2)}`];
  return `${outer.widget}(\n${args.map((arg) => `${pad}${arg},`).join('\n')}\n${' '.repeat(indent)})`;
}

/** `MainApp._guarded`: every route but the gates' own screens passes the route-guarding gates. */
function guardedMethod(guards: readonly AppGate[]): string {
  if (guards.length === 0) return '';
  return `
  /// [screen] for a signed-in user, the sign-in screen for anyone else (also
  /// when the route is opened directly, e.g. a deep link on the web).
  Widget _guarded(Widget screen) {
    return ${wrapInGates(guards, 'screen', 4)};
  }
`;
}

/** `_guarded(builder)` in the route table (at column 16), split when it would pass 80 columns. */
function guardedCall(builder: string): string {
  return dartLayout(`_guarded(${builder})`, 16, ',');
}

/** The home route's builder body after `=>`: on the same line when the route fits in 80 columns, else on the next. */
function homeRouteBody(start: string): string {
  const sameLine = `            HomeScreen.routeName: (context) => ${start},`;
  if (!start.includes('\n') && sameLine.length <= 80) return ` ${start}`;
  return `\n                ${start.includes('\n') ? start : dartLayout(start, 16, ',')}`;
}

/** App-bar actions opening gated features' own screens (the account behind sign-in). */
function gateActions(features: readonly ShellFeature[]): string {
  return features
    .map((feature) => {
      const action = feature.gate?.homeAction;
      if (!action) return '';
      return `
          IconButton(
            icon: const Icon(${action.icon}),
            tooltip: ${dartString(action.tooltip)},
            onPressed: () =>
                Navigator.pushNamed(context, ${feature.screenClass}.routeName),
          ),`;
    })
    .join('');
}

export function appDart(input: ShellInput): string {
  const settings = input.features.find((feature) => feature.isSettings);
  if (!settings) throw new Error('the plan has no settings feature');
  const home = input.features.filter(isOnHome);
  const gates = gatesOf(input);
  const guards = gates.filter((gate) => gate.guardsRoutes);
  const routes = input.features
    .map((feature) => {
      const screen =
        guards.length && !feature.gate ? guardedCall(feature.builder) : dartLayout(feature.builder, 16, ',');
      return `            ${feature.screenClass}.routeName: (context) =>\n                ${screen},`;
    })
    .join('\n');
  // One main feature opens as home itself: a hub with a single card would be a needless tap.
  const single = singleFeature(input.features);
  const homeWidget = single ? 'HomeScreen(services: services)' : 'const HomeScreen()';
  const start = wrapInGates(
    gates.filter((gate) => !gate.guardsRoutes),
    guards.length ? `_guarded(${homeWidget})` : homeWidget,
    16,
  );
  const imports = [
    'package:flutter/material.dart',
    'app_services.dart',
    'config/app_info.dart',
    'theme/app_theme.dart',
    ...input.features.map((feature) => feature.screenImport),
    ...gates.map((gate) => gate.import),
    ...(input.localization ? [input.localization.uri] : []),
  ];
  const localization = (input.localization?.arguments ?? []).map((line) => `\n          ${line}`).join('');
  return `${importLines(imports)}

/// Root widget: theme, theme mode from the settings, and the route table.
class MainApp extends StatelessWidget {
  const MainApp({super.key, required this.services});

  final AppServices services;

  @override
  Widget build(BuildContext context) {
    return ListenableBuilder(
      listenable: services.settings,
      builder: (context, _) {
        return MaterialApp(
          title: AppInfo.name,${localization}
          debugShowCheckedModeBanner: false,
          theme: AppTheme.light,
          darkTheme: AppTheme.dark,
          themeMode: services.settings.themeMode,
          initialRoute: HomeScreen.routeName,
          routes: {
            HomeScreen.routeName: (context) =>${homeRouteBody(start)},
${routes}
          },
        );
      },
    );
  }
${guardedMethod(guards)}}
${single ? singleFeatureHome(single, input.features, settings) : hubHome(input, home, settings)}`;
}

/** The hub: one card per requested feature; settings (and the account) in the app bar. */
function hubHome(input: ShellInput, home: readonly ShellFeature[], settings: ShellFeature): string {
  return `
/// Start screen: one card per requested feature; settings in the app bar.
class HomeScreen extends StatelessWidget {
  const HomeScreen({super.key});

  static const String routeName = '/';

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text(AppInfo.name),
        actions: [${gateActions(input.features)}
          IconButton(
            icon: const Icon(Icons.settings_outlined),
            tooltip: ${settings.screenClass}.title,
            onPressed: () =>
                Navigator.pushNamed(context, ${settings.screenClass}.routeName),
          ),
        ],
      ),
${homeBody(home, input.showDescription)}
    );
  }
}
${destinations(home)}`;
}

/** The one feature the home screen is, when there is exactly one home card; else undefined (the hub). */
function singleFeature(features: readonly ShellFeature[]): ShellFeature | undefined {
  const home = features.filter(isOnHome);
  return home.length === 1 ? home[0] : undefined;
}

/** `case => builder,` in the home's tab switch (at column 8), split the way `dart format` would. */
function tabCase(pattern: string, builder: string): string {
  const prefix = `${pattern} => `;
  // The suffix only widens the fit check by the pattern: a split breaks after the call's `(`.
  return `        ${prefix}${dartLayout(builder, 8, ','.padEnd(prefix.length + 1))},`;
}

const SETTINGS_TAB_DOC = "/// Start screen: the app's one feature, with settings in the navigation bar.";
const ACCOUNT_TABS_DOC = `/// Start screen: the app's one feature, with the account and settings in the
/// navigation bar.`;

/**
 * Home of an app with one main feature: that feature's own screen, with a
 * navigation bar to the account (behind sign-in) and settings. Each tab is a
 * whole screen with its own app bar, so the home adds none.
 */
function singleFeatureHome(single: ShellFeature, features: readonly ShellFeature[], settings: ShellFeature): string {
  const accounts = features.filter((feature) => feature.gate?.homeAction);
  const tabs = [
    { feature: single, icon: single.icon, label: `${single.screenClass}.title` },
    ...accounts.map((feature) => ({
      feature,
      icon: feature.gate?.homeAction?.icon ?? feature.icon,
      label: dartString(feature.gate?.homeAction?.tooltip ?? feature.title),
    })),
    { feature: settings, icon: 'Icons.settings_outlined', label: `${settings.screenClass}.title` },
  ];
  const cases = tabs.map((tab, index) => tabCase(index === tabs.length - 1 ? '_' : String(index), tab.feature.builder));
  const destinations = tabs.map((tab) => {
    const entry = `NavigationDestination(icon: Icon(${tab.icon}), label: ${tab.label})`;
    return `          ${dartLayout(entry, 10, ',')},`;
  });
  return `
${accounts.length ? ACCOUNT_TABS_DOC : SETTINGS_TAB_DOC}
class HomeScreen extends StatefulWidget {
  const HomeScreen({super.key, required this.services});

  static const String routeName = '/';

  final AppServices services;

  @override
  State<HomeScreen> createState() => _HomeScreenState();
}

class _HomeScreenState extends State<HomeScreen> {
  int _tab = 0;

  @override
  Widget build(BuildContext context) {
    final services = widget.services;
    return Scaffold(
      body: switch (_tab) {
${cases.join('\n')}
      },
      bottomNavigationBar: NavigationBar(
        selectedIndex: _tab,
        onDestinationSelected: (tab) => setState(() => _tab = tab),
        destinations: const [
${destinations.join('\n')}
        ],
      ),
    );
  }
}
`;
}

export function appThemeDart({ theme }: ShellInput): string {
  return `import 'package:flutter/material.dart';

/// Theme tokens for the "${theme.key}" style.
abstract final class AppTheme {
  static const Color seedColor = Color(${theme.seedColor});
  static const ThemeMode defaultMode = ${THEME_MODES[theme.themeMode]};
  static const double cornerRadius = ${theme.cornerRadius.toFixed(1)};

  static ThemeData get light => _build(Brightness.light);
  static ThemeData get dark => _build(Brightness.dark);

  static ThemeData _build(Brightness brightness) {
    final colorScheme = ColorScheme.fromSeed(
      seedColor: seedColor,
      brightness: brightness,
    );
    final shape = RoundedRectangleBorder(
      borderRadius: BorderRadius.circular(cornerRadius),
    );
    return ThemeData(
      colorScheme: colorScheme,
      visualDensity: VisualDensity.adaptivePlatformDensity,
      filledButtonTheme: FilledButtonThemeData(
        style: FilledButton.styleFrom(shape: shape),
      ),
      listTileTheme: ListTileThemeData(shape: shape),
    );
  }
}
`;
}

/** Opens the app, checks every feature is listed on the home screen, and opens settings. */
export function appWidgetTestDart(input: ShellInput): string {
  const pkg = input.packageName;
  const home = input.features.filter(isOnHome);
  const settings = input.features.find((feature) => feature.isSettings);
  if (!settings) throw new Error('the plan has no settings feature');
  const single = singleFeature(input.features);
  const checks = home
    .map(
      (feature) => `    await tester.scrollUntilVisible(find.text(${feature.screenClass}.title), 100);
    expect(find.text(${feature.screenClass}.title), findsWidgets);`,
    )
    .join('\n');
  const imports = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    `package:${pkg}/app.dart`,
    ...(single ? [] : [`package:${pkg}/config/app_info.dart`]),
    ...[...home, settings].map((feature) => `package:${pkg}/${feature.screenImport}`),
    ...input.features
      .filter((feature) => feature.openedFrom)
      .map((feature) => `package:${pkg}/${feature.screenImport}`),
    'support/test_services.dart',
  ];
  return `${importLines(imports)}

void main() {
${single ? singleHomeTest(single) : hubTest(checks)}

  testWidgets('opens settings from the ${single ? 'navigation bar' : 'app bar'}', (tester) async {
    await tester.pumpWidget(MainApp(services: await testServices()));
    await tester.pumpAndSettle();

${single ? tapNavigationTab(`${settings.screenClass}.title`) : `    await tester.tap(find.byTooltip(${settings.screenClass}.title));`}
    await tester.pumpAndSettle();

    expect(find.widgetWithText(AppBar, ${settings.screenClass}.title), findsOneWidget);
  });
${input.features.map((feature) => openedFromTest(feature, single)).join('')}}
`;
}

function hubTest(checks: string): string {
  return `  testWidgets('lists every feature on the home screen', (tester) async {
    await tester.pumpWidget(MainApp(services: await testServices()));
    await tester.pumpAndSettle();

    expect(find.widgetWithText(AppBar, AppInfo.name), findsOneWidget);
${checks}
  });`;
}

function singleHomeTest(single: ShellFeature): string {
  return `  testWidgets('opens ${single.screenClass} as the home screen', (tester) async {
    await tester.pumpWidget(MainApp(services: await testServices()));
    await tester.pumpAndSettle();

    expect(find.byType(${single.screenClass}), findsOneWidget);
    expect(find.widgetWithText(AppBar, ${single.screenClass}.title), findsOneWidget);
  });`;
}

/** A data screen without a home card must still open, from the feature that needs it. */
function openedFromTest(feature: ShellFeature, single: ShellFeature | undefined): string {
  if (!feature.openedFrom) return '';
  const { screenClass: host, action } = feature.openedFrom;
  // The host is the home screen itself in a one-feature app; else its card opens it.
  const openHost =
    single?.screenClass === host
      ? ''
      : `
    final card = find.widgetWithText(ListTile, ${host}.title).first;
    await tester.scrollUntilVisible(card, 100);
    await tester.tap(card);
    await tester.pumpAndSettle();`;
  return `
  testWidgets('opens ${feature.screenClass} from ${host}', (tester) async {
    await tester.pumpWidget(MainApp(services: await testServices()));
    await tester.pumpAndSettle();
${openHost}
    await tester.tap(find.byTooltip(${dartString(action)}));
    await tester.pumpAndSettle();

    expect(find.widgetWithText(AppBar, ${feature.screenClass}.title), findsOneWidget);
  });
`;
}
