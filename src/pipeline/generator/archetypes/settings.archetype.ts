/**
 * Settings: the theme mode (system / light / dark), persisted, applied by the
 * app at once. "Dark mode", "theme" and "settings" all fold into this screen.
 */
import { singleLine } from '../dart-string';
import type { ArchetypeTemplate, FeatureContext } from './archetype';

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
  return `import 'package:flutter/material.dart';

import '../../config/app_info.dart';
import 'settings_controller.dart';

class SettingsScreen extends StatelessWidget {
  const SettingsScreen({super.key, required this.controller});

  static const String title = 'Settings';
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
            SwitchListTile(
              secondary: const Icon(Icons.dark_mode_outlined),
              title: const Text('Dark mode'),
              value: controller.isDark,
              onChanged: (dark) => controller.updateThemeMode(
                dark ? ThemeMode.dark : ThemeMode.light,
              ),
            ),
            const ListTile(title: Text('Theme')),
            Padding(
              padding: const EdgeInsets.symmetric(horizontal: 16),
              child: SegmentedButton<ThemeMode>(
                segments: const [
                  ButtonSegment(
                    value: ThemeMode.system,
                    label: Text('System'),
                    icon: Icon(Icons.brightness_auto),
                  ),
                  ButtonSegment(
                    value: ThemeMode.light,
                    label: Text('Light'),
                    icon: Icon(Icons.light_mode),
                  ),
                  ButtonSegment(
                    value: ThemeMode.dark,
                    label: Text('Dark'),
                    icon: Icon(Icons.dark_mode),
                  ),
                ],
                selected: {controller.themeMode},
                onSelectionChanged: (selection) =>
                    controller.updateThemeMode(selection.first),
              ),
            ),
            const Divider(height: 32),
            const ListTile(
              leading: Icon(Icons.info_outline),
              title: Text(AppInfo.name),
              subtitle: Text('Version \${AppInfo.version}'),
            ),
          ],
        ),
      ),
    );
  }
}
`;
}

function testDart(ctx: FeatureContext): string {
  const pkg = ctx.plan.packageName;
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:${pkg}/features/settings/settings_controller.dart';
import 'package:${pkg}/features/settings/settings_screen.dart';
import 'package:shared_preferences/shared_preferences.dart';

void main() {
  testWidgets('switches to dark mode and remembers it', (tester) async {
    SharedPreferences.setMockInitialValues({});
    final prefs = await SharedPreferences.getInstance();
    final controller = SettingsController(prefs);

    await tester.pumpWidget(
      MaterialApp(home: SettingsScreen(controller: controller)),
    );
    await tester.tap(find.text('Dark mode'));
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
    await tester.tap(find.text('System'));
    await tester.pumpAndSettle();

    expect(controller.themeMode, ThemeMode.system);
    expect(prefs.getString('theme_mode'), 'system');
  });
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
  summary: (ctx) =>
    ctx.feature.requested.length
      ? `Settings (${ctx.feature.requested.map(singleLine).join(', ')}): dark mode and theme, remembered on the device.`
      : 'Settings: dark mode and theme, remembered on the device.',
};
