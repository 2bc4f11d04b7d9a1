/**
 * The built-in settings feature: a theme-mode preference shared with MainApp.
 * It needs no user text, so the templates take no input.
 */

export function settingsControllerDart(): string {
  return `import 'package:flutter/material.dart';

/// User preferences; the app rebuilds its theme when they change.
class SettingsController extends ChangeNotifier {
  SettingsController({ThemeMode themeMode = ThemeMode.system})
      : _themeMode = themeMode;

  ThemeMode _themeMode;

  ThemeMode get themeMode => _themeMode;

  void updateThemeMode(ThemeMode mode) {
    if (mode == _themeMode) return;
    _themeMode = mode;
    notifyListeners();
  }
}
`;
}

export function settingsScreenDart(): string {
  return `import 'package:flutter/material.dart';

import '../../config/app_info.dart';
import 'settings_controller.dart';

class SettingsScreen extends StatelessWidget {
  const SettingsScreen({super.key, required this.controller});

  static const String title = 'Settings';
  static const String routeName = '/settings';

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
