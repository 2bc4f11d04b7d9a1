/**
 * Settings: the theme mode (system / light / dark), persisted, applied by the
 * app at once. "Dark mode", "theme" and "settings" all fold into this screen,
 * and one System/Light/Dark control sets it (a separate dark-mode switch would
 * set the same thing twice, and switching it off could only mean Light).
 * With onboarding it shows the tour again. Signing out is not here: it lives
 * on the sign-in feature's Account screen (the home screen's account button
 * opens it), which every app with sign-in has, so the app offers it in
 * exactly one place.
 */
import { dartString, singleLine } from '../dart-string';
import { packageUri } from '../data/entity-dart';
import type { PlannedFeature } from '../plan/app-plan';
import { dartText, uiText, type UiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext } from './archetype';

/** The onboarding tour Settings replays, when the app has one. */
function tourOf(ctx: FeatureContext): PlannedFeature | undefined {
  return ctx.plan.features.find((feature) => feature.archetype === 'onboarding');
}

/** Settings' own folder is `lib/features/settings/`; a sibling feature's file is `../<id>/…`. */
function fromSettings(rootPath: string): string {
  return `../${rootPath.slice('lib/features/'.length)}`;
}

/** The tile that replays the tour, placed after the theme. */
function tourTile(onboarding: PlannedFeature | undefined, t: UiText): string {
  if (!onboarding) return '';
  const screen = onboarding.classes.screen;
  return `
            ListTile(
              key: const Key('settings-onboarding'),
              leading: const Icon(Icons.replay),
              title: const Text(${screen}.title),
              subtitle: const Text(${dartString(t.seeIntroAgain)}),
              onTap: () => Navigator.pushNamed(context, ${screen}.routeName),
            ),`;
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
  const onboarding = tourOf(ctx);
  const t = uiText(ctx.plan);
  const imports = [
    '../../config/app_info.dart',
    ...(onboarding ? [fromSettings(onboarding.paths.screen)] : []),
    'settings_controller.dart',
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.map((uri) => `import '${uri}';`).join('\n')}

class SettingsScreen extends StatelessWidget {
  const SettingsScreen({super.key, required this.controller});

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';

  final SettingsController controller;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(title)),
      body: ListenableBuilder(
        listenable: controller,
        builder: (context, _) => ListView(
          padding: const EdgeInsets.symmetric(vertical: 8),
          children: [
            const ListTile(
              leading: Icon(Icons.dark_mode_outlined),
              title: Text(${dartString(t.theme)}),
            ),
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
            const Divider(height: 32),${tourTile(onboarding, t)}
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

/** Widget test of the tour tile: the tour opens again and comes back to Settings. */
function tourTest(onboarding: PlannedFeature | undefined): string {
  if (!onboarding) return '';
  const screen = onboarding.classes.screen;
  return `

  testWidgets('shows the tour again and comes back', (tester) async {
    SharedPreferences.setMockInitialValues({${screen}.doneKey: true});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);
    await tester.pumpWidget(
      MaterialApp(
        home: SettingsScreen(controller: controller),
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
  });`;
}

function testDart(ctx: FeatureContext): string {
  const pkg = ctx.plan.packageName;
  const onboarding = tourOf(ctx);
  const t = uiText(ctx.plan);
  const imports = [
    `package:${pkg}/features/settings/settings_controller.dart`,
    `package:${pkg}/features/settings/settings_screen.dart`,
    'package:shared_preferences/shared_preferences.dart',
    ...(onboarding ? [packageUri(pkg, onboarding.paths.screen)] : []),
  ].sort();
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${imports.map((uri) => `import '${uri}';`).join('\n')}

void main() {
  testWidgets('switches to dark mode and remembers it', (tester) async {
    SharedPreferences.setMockInitialValues({});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);

    await tester.pumpWidget(
      MaterialApp(home: SettingsScreen(controller: controller)),
    );
    expect(find.byType(Switch), findsNothing);
    await tester.tap(find.text(${dartString(t.themeDark)}));
    await tester.pumpAndSettle();

    expect(controller.themeMode, ThemeMode.dark);
    expect(SettingsController(prefs).themeMode, ThemeMode.dark);
  });

  testWidgets('follows the system theme when chosen', (tester) async {
    SharedPreferences.setMockInitialValues({'theme_mode': 'dark'});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);

    await tester.pumpWidget(
      MaterialApp(home: SettingsScreen(controller: controller)),
    );
    await tester.tap(find.text(${dartString(t.themeSystem)}));
    await tester.pumpAndSettle();

    expect(controller.themeMode, ThemeMode.system);
    expect(prefs.getString('theme_mode'), 'system');
  });${tourTest(onboarding)}
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
  screenBuilder: () => 'SettingsScreen(controller: services.settings)',
  services: () => [
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
    const tour = tourOf(ctx) ? '; replays the tour' : '';
    const what = `system, light or dark theme, remembered on the device${tour}.`;
    return ctx.feature.requested.length
      ? `Settings (${ctx.feature.requested.map(singleLine).join(', ')}): ${what}`
      : `Settings: ${what}`;
  },
};
