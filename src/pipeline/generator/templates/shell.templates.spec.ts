import { describe, expect, it } from 'vitest';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { analyzeDartSource } from '../../qa/dart-parser';
import { namedSpec, simpleSpec } from '../testing/fixtures';

function fileOf(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file.content;
}

/** Every Dart file but app_services.dart that reads `services.prefs`. */
function readersOfPrefs(files: readonly GeneratedFile[]): string[] {
  return files
    .filter((file) => file.path.endsWith('.dart') && file.path !== 'lib/app_services.dart')
    .filter((file) => /\bservices\.prefs\b/.test(file.content))
    .map((file) => file.path);
}

const PLAIN_NOTES: AppSpec = simpleSpec({
  name: 'Plain',
  slug: 'plain',
  description: 'A simple notes app',
  features: [],
});

const SHIFT_LOG: AppSpec = namedSpec('Shift Log', 'Employees sign in to log their shifts', ['login', 'shifts'], {
  backend: 'firebase',
});

describe('AppServices.prefs', () => {
  it.each([
    ['notes only', PLAIN_NOTES],
    [
      'fleet on rest',
      namedSpec('Fleet', 'Track vehicles and drivers', ['vehicles', 'drivers', 'reports'], { backend: 'rest' }),
    ],
    ['German cards', namedSpec('Lernkarten', 'Karteikarten lernen', ['Stapel', 'Karten'], { backend: 'none' })],
  ])('is no member when no screen reads it (%s)', (_name, spec) => {
    const files = generateFlutterProject(spec);
    const services = fileOf(files, 'lib/app_services.dart');
    expect(readersOfPrefs(files)).toEqual([]);
    expect(services).not.toContain('this.prefs');
    expect(services).not.toContain('final SharedPreferences prefs;');
    // The repositories and settings still get the instance, made once in create().
    expect(services).toContain('final prefs = await SharedPreferences.getInstance();');
    expect(services).toContain('SettingsController(prefs, defaultThemeMode: AppTheme.defaultMode)');
    expect(fileOf(files, 'test/support/test_services.dart')).not.toContain('prefs: prefs,');
  });

  it.each([
    ['notifications', namedSpec('Remind', 'Reminders', ['notifications', 'tasks'])],
    ['scanner', namedSpec('Scan', 'Scan codes', ['scanner', 'products'], { backend: 'graphql' })],
    ['onboarding', namedSpec('Tour', 'A tour first', ['onboarding', 'notes'], { backend: 'none' })],
  ])('is a member when a screen or gate reads it (%s)', (_name, spec) => {
    const files = generateFlutterProject(spec);
    expect(readersOfPrefs(files).length).toBeGreaterThan(0);
    const services = fileOf(files, 'lib/app_services.dart');
    expect(services).toContain('    required this.prefs,');
    expect(services).toContain('  final SharedPreferences prefs;');
    expect(services).toContain('      prefs: prefs,');
    expect(fileOf(files, 'test/support/test_services.dart')).toContain('    prefs: prefs,');
  });
});

describe('home screen', () => {
  it('opens the one main feature directly, with settings in a navigation bar', async () => {
    const files = generateFlutterProject(PLAIN_NOTES);
    const app = fileOf(files, 'lib/app.dart');
    expect(app).toContain('HomeScreen.routeName: (context) => HomeScreen(services: services),');
    expect(app).toContain('class HomeScreen extends StatefulWidget {');
    expect(app).toContain('0 => NotesScreen(repository: services.notes),');
    expect(app).toContain('_ => SettingsScreen(controller: services.settings),');
    expect(app).toContain('bottomNavigationBar: NavigationBar(');
    expect(app).toContain('label: SettingsScreen.title,');
    // No hub: no card list, no single-card destinations table.
    expect(app).not.toContain('_destinations');
    expect(app).not.toContain('ListTile(');
    expect((await analyzeDartSource(app)).errors).toEqual([]);

    const test = fileOf(files, 'test/widget_test.dart');
    expect(test).toContain("testWidgets('opens NotesScreen as the home screen'");
    expect(test).toContain('expect(find.byType(NotesScreen), findsOneWidget);');
    // By its label: newer Flutter gives an always-labelled destination no tooltip.
    expect(test).toContain('of: find.byType(NavigationBar),\n        matching: find.text(SettingsScreen.title),');
    expect(test).not.toContain('byTooltip');
    // AppInfo is no longer checked in the app bar, so its import would be unused.
    expect(test).not.toContain('config/app_info.dart');
    expect((await analyzeDartSource(test)).errors).toEqual([]);

    const readme = fileOf(files, 'README.md');
    expect(readme).toContain('opens from the settings tab in the navigation bar');
    expect(readme).toContain("the home screen itself (the app's one main feature)");
  });

  it('puts the account between the feature and settings behind sign-in', async () => {
    const files = generateFlutterProject(SHIFT_LOG);
    const app = fileOf(files, 'lib/app.dart');
    expect(app).toContain('_guarded(HomeScreen(services: services))');
    expect(app).toContain('0 => ShiftsScreen(repository: services.shifts),');
    expect(app).toContain('1 => LoginScreen(auth: services.auth),');
    expect(app).toContain("label: 'Account',");
    expect((await analyzeDartSource(app)).errors).toEqual([]);
    expect(fileOf(files, 'README.md')).toContain('later from "Account" in the navigation bar');
    const gateTest = fileOf(files, 'test/sign_in_gate_test.dart');
    expect(gateTest).toContain("matching: find.text('Account'),");
    expect((await analyzeDartSource(gateTest)).errors).toEqual([]);
  });

  it('keeps the hub of cards with two or more main features', () => {
    const files = generateFlutterProject(simpleSpec({ features: ['Tasks', 'Notes'] }));
    const app = fileOf(files, 'lib/app.dart');
    expect(app).toContain('class HomeScreen extends StatelessWidget {');
    expect(app).toContain('HomeScreen.routeName: (context) => const HomeScreen(),');
    expect(app).toContain('for (final destination in _destinations)');
    expect(fileOf(files, 'test/widget_test.dart')).toContain("testWidgets('lists every feature on the home screen'");
  });

  it('opens the data screen a lone map adds from the map itself, no card to tap first', async () => {
    const files = generateFlutterProject(simpleSpec({ name: 'Wander', description: '', features: ['Map'] }));
    const app = fileOf(files, 'lib/app.dart');
    expect(app).toContain('0 => MapScreen(');
    const test = fileOf(files, 'test/widget_test.dart');
    const opened = test.slice(test.indexOf("testWidgets('opens PlacesScreen from MapScreen'"));
    expect(opened.length).toBeLessThan(test.length);
    expect(opened).not.toContain('find.widgetWithText(ListTile');
    expect(opened).toContain('await tester.tap(find.byTooltip(');
    expect((await analyzeDartSource(test)).errors).toEqual([]);
  });
});

describe('ApiConfig', () => {
  it('has no REST base URL in a GraphQL app without sign-in', () => {
    const files = generateFlutterProject(namedSpec('EventHub', '', ['events', 'tickets'], { backend: 'graphql' }));
    const config = fileOf(files, 'lib/config/api_config.dart');
    expect(config).not.toContain('baseUrl');
    expect(config).toContain('static const String graphqlEndpoint = String.fromEnvironment(');
    expect(config).toContain('abstract final class ApiConfig {\n  /// The GraphQL endpoint;');
  });

  it('keeps the base URL for sign-in in a GraphQL app, one blank line between the two', () => {
    const files = generateFlutterProject(namedSpec('EventHub', '', ['login', 'events'], { backend: 'graphql' }));
    const config = fileOf(files, 'lib/config/api_config.dart');
    expect(config).toContain("'API_BASE_URL',");
    expect(config).toContain(');\n\n  /// The GraphQL endpoint;');
    expect(files.some((file) => file.content.includes('ApiConfig.baseUrl'))).toBe(true);
  });
});
