/**
 * Settings: the theme mode (system / light / dark), persisted, applied by the
 * app at once. "Dark mode", "theme" and "settings" all fold into this screen.
 * With onboarding it shows the tour again; with sign-in it shows the account
 * and signs out.
 */
import { dartString, singleLine } from '../dart-string';
import { packageUri } from '../data/entity-dart';
import type { PlannedFeature } from '../plan/app-plan';
import { dartText, uiText, type UiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { FAKE_AUTH_SERVICE_PATH, authFeatureOf, authServiceDecl, authServicePath } from './auth.archetype';

/** The features Settings links to: the onboarding tour to replay, the sign-in to end. */
function linked(ctx: FeatureContext): { onboarding?: PlannedFeature; auth?: PlannedFeature } {
  return {
    onboarding: ctx.plan.features.find((feature) => feature.archetype === 'onboarding'),
    auth: authFeatureOf(ctx.plan),
  };
}

/** Settings' own folder is `lib/features/settings/`; a sibling feature's file is `../<id>/…`. */
function fromSettings(rootPath: string): string {
  return `../${rootPath.slice('lib/features/'.length)}`;
}

/** Tiles for the linked features, placed after the theme. */
function linkedTiles({ onboarding, auth }: ReturnType<typeof linked>, t: UiText): string {
  const tiles: string[] = [];
  if (onboarding) {
    const screen = onboarding.classes.screen;
    tiles.push(`            ListTile(
              key: const Key('settings-onboarding'),
              leading: const Icon(Icons.replay),
              title: const Text(${screen}.title),
              subtitle: const Text(${dartString(t.seeIntroAgain)}),
              onTap: () => Navigator.pushNamed(context, ${screen}.routeName),
            ),`);
  }
  if (auth) {
    tiles.push(`            ValueListenableBuilder<String?>(
              valueListenable: auth.currentEmail,
              builder: (context, email, _) => ListTile(
                key: const Key('settings-sign-out'),
                leading: const Icon(Icons.logout),
                title: const Text(${dartString(t.signOut)}),
                subtitle: email == null ? null : Text(email),
                onTap: email == null ? null : auth.signOut,
              ),
            ),`);
  }
  return tiles.map((tile) => `\n${tile}`).join('');
}

export const SETTINGS_CONTROLLER_PATH = 'lib/features/settings/settings_controller.dart';

function controllerDart(): string {
  return `import 'package:flutter/material.dart';
import 'package:shared_preferences/shared_preferences.dart';

/// User preferences, stored on the device; the app rebuilds its theme when they change.
class SettingsController extends ChangeNotifier {
  SettingsController(this._prefs, {ThemeMode defaultThemeMode = ThemeMode.system})
      : _themeMode = _parse(_prefs.getString(_themeModeKey)) ?? defaultThemeMode;

  static const String _themeModeKey = 'theme_mode';

  final SharedPreferences _prefs;
  ThemeMode _themeMode;

  ThemeMode get themeMode => _themeMode;

  bool get isDark => _themeMode == ThemeMode.dark;

  Future<void> updateThemeMode(ThemeMode mode) async {
    if (mode == _themeMode) return;
    _themeMode = mode;
    notifyListeners();
    await _prefs.setString(_themeModeKey, mode.name);
  }

  static ThemeMode? _parse(String? name) {
    for (final mode in ThemeMode.values) {
      if (mode.name == name) return mode;
    }
    return null;
  }
}
`;
}

function screenDart(ctx: FeatureContext): string {
  const links = linked(ctx);
  const t = uiText(ctx.plan);
  const imports = [
    '../../config/app_info.dart',
    ...(links.auth ? [fromSettings(authServicePath(links.auth))] : []),
    ...(links.onboarding ? [fromSettings(links.onboarding.paths.screen)] : []),
    'settings_controller.dart',
  ].sort();
  const authParam = links.auth ? ', required this.auth' : '';
  const authField = links.auth
    ? '\n\n  /// The session: the account shown here and signed out from here.\n  final AuthService auth;'
    : '';
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}

class SettingsScreen extends StatelessWidget {
  const SettingsScreen({super.key, required this.controller${authParam}});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final SettingsController controller;${authField}

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(title)),
      body: ListenableBuilder(
        listenable: controller,
        builder: (context, _) => ListView(
          padding: const EdgeInsets.symmetric(vertical: 8),
          children: [
            SwitchListTile(
              secondary: const Icon(Icons.dark_mode_outlined),
              title: const Text(${dartString(t.darkMode)}),
              value: controller.isDark,
              onChanged: (dark) => controller.updateThemeMode(
                dark ? ThemeMode.dark : ThemeMode.light,
              ),
            ),
            const ListTile(title: Text(${dartString(t.theme)})),
            Padding(
              padding: const EdgeInsets.symmetric(horizontal: 16),
              child: SegmentedButton<ThemeMode>(
                segments: const [
                  ButtonSegment(
                    value: ThemeMode.system,
                    label: Text(${dartString(t.themeSystem)}),
                    icon: Icon(Icons.brightness_auto),
                  ),
                  ButtonSegment(
                    value: ThemeMode.light,
                    label: Text(${dartString(t.themeLight)}),
                    icon: Icon(Icons.light_mode),
                  ),
                  ButtonSegment(
                    value: ThemeMode.dark,
                    label: Text(${dartString(t.themeDark)}),
                    icon: Icon(Icons.dark_mode),
                  ),
                ],
                selected: {controller.themeMode},
                onSelectionChanged: (selection) =>
                    controller.updateThemeMode(selection.first),
              ),
            ),
            const Divider(height: 32),${linkedTiles(links, t)}
            const ListTile(
              leading: Icon(Icons.info_outline),
              title: Text(AppInfo.name),
              subtitle: Text(${dartText(t.version, { version: 'AppInfo.version' })}),
            ),
          ],
        ),
      ),
    );
  }
}
`;
}

/** Widget tests of the linked tiles: the tour opens again, sign-out ends the session. */
function linkedTests({ onboarding, auth }: ReturnType<typeof linked>): string {
  const tests: string[] = [];
  if (onboarding) {
    const screen = onboarding.classes.screen;
    tests.push(`

  testWidgets('shows the tour again and comes back', (tester) async {
    SharedPreferences.setMockInitialValues({${screen}.doneKey: true});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);
    await tester.pumpWidget(
      MaterialApp(
        home: ${settingsScreen(auth)},
        routes: {
          ${screen}.routeName: (context) => ${screen}(prefs: prefs),
        },
      ),
    );

    await tester.tap(find.byKey(const Key('settings-onboarding')));
    await tester.pumpAndSettle();
    expect(find.byType(${screen}), findsOneWidget);

    await tester.tap(find.byKey(const Key('onboarding-skip')));
    await tester.pumpAndSettle();
    expect(find.byType(${screen}), findsNothing);
    expect(find.byType(SettingsScreen), findsOneWidget);
  });`);
  }
  if (auth) {
    tests.push(`

  testWidgets('shows the account and signs out', (tester) async {
    SharedPreferences.setMockInitialValues({});
    final prefs = await SharedPreferences.getInstance();
    final auth = FakeAuthService(signedInAs: 'ada@example.com');
    await tester.pumpWidget(
      MaterialApp(
        home: SettingsScreen(controller: SettingsController(prefs), auth: auth),
      ),
    );
    expect(find.text('ada@example.com'), findsOneWidget);

    await tester.tap(find.byKey(const Key('settings-sign-out')));
    await tester.pumpAndSettle();

    expect(auth.calls, ['signOut']);
    expect(find.text('ada@example.com'), findsNothing);
  });`);
  }
  return tests.join('');
}

/** The sign-in session, when Settings shows the account. */
function sessionService(ctx: FeatureContext): ServiceDecl[] {
  const auth = authServiceDecl(ctx.plan);
  return auth ? [auth] : [];
}

/** The screen as the tests build it, with a signed-out fake session when the app has sign-in. */
function settingsScreen(auth: PlannedFeature | undefined): string {
  return `SettingsScreen(controller: controller${auth ? ', auth: FakeAuthService()' : ''})`;
}

function testDart(ctx: FeatureContext): string {
  const pkg = ctx.plan.packageName;
  const links = linked(ctx);
  const t = uiText(ctx.plan);
  const imports = [
    `package:${pkg}/features/settings/settings_controller.dart`,
    `package:${pkg}/features/settings/settings_screen.dart`,
    'package:shared_preferences/shared_preferences.dart',
    ...(links.onboarding ? [packageUri(pkg, links.onboarding.paths.screen)] : []),
  ].sort();
  const fakeImport = links.auth
    ? `\nimport '../support/${FAKE_AUTH_SERVICE_PATH.slice('test/support/'.length)}';\n`
    : '';
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${imports.map((uri) => `import '${uri}';`).join('\n')}
${fakeImport}
void main() {
  testWidgets('switches to dark mode and remembers it', (tester) async {
    SharedPreferences.setMockInitialValues({});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);

    await tester.pumpWidget(
      MaterialApp(home: ${settingsScreen(links.auth)}),
    );
    await tester.tap(find.text(${dartString(t.darkMode)}));
    await tester.pumpAndSettle();

    expect(controller.themeMode, ThemeMode.dark);
    expect(SettingsController(prefs).themeMode, ThemeMode.dark);
  });

  testWidgets('follows the system theme when chosen', (tester) async {
    SharedPreferences.setMockInitialValues({'theme_mode': 'dark'});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);

    await tester.pumpWidget(
      MaterialApp(home: ${settingsScreen(links.auth)}),
    );
    await tester.tap(find.text(${dartString(t.themeSystem)}));
    await tester.pumpAndSettle();

    expect(controller.themeMode, ThemeMode.system);
    expect(prefs.getString('theme_mode'), 'system');
  });${linkedTests(links)}
}
`;
}

export const settingsArchetype: ArchetypeTemplate = {
  id: 'settings',
  dependencies: () => ({}),
  files: (ctx) => [
    { path: SETTINGS_CONTROLLER_PATH, content: controllerDart() },
    { path: ctx.feature.paths.screen, content: screenDart(ctx) },
    { path: ctx.feature.paths.test, content: testDart(ctx) },
  ],
  screenBuilder: (ctx) =>
    `SettingsScreen(controller: services.settings${authFeatureOf(ctx.plan) ? ', auth: services.auth' : ''})`,
  services: (ctx) => [
    ...sessionService(ctx),
    {
      field: 'settings',
      type: 'SettingsController',
      typeImport: SETTINGS_CONTROLLER_PATH.slice('lib/'.length),
      create: 'SettingsController(prefs, defaultThemeMode: AppTheme.defaultMode)',
      createImports: ['theme/app_theme.dart'],
      fake: 'SettingsController(prefs)',
    },
  ],
  summary: (ctx) => {
    const { onboarding, auth } = linked(ctx);
    const tour = onboarding ? '; replays the tour' : '';
    const account = auth ? '; shows the account and signs out' : '';
    const what = `dark mode and theme, remembered on the device${tour}${account}.`;
    return ctx.feature.requested.length
      ? `Settings (${ctx.feature.requested.map(singleLine).join(', ')}): ${what}`
      : `Settings: ${what}`;
  },
};
