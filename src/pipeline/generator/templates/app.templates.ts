/**
 * App-level Dart sources: entry point, MaterialApp with named routes, home
 * list, theme, app constants and the app smoke test.
 */
import { dartString } from '../dart-string';
import type { ThemeModeToken, ThemeTokens } from '../theme-tokens';

/** What the home list and the route table need to know about a feature. */
export interface AppFeatureEntry {
  id: string;
  screenClass: string;
  icon: string;
}

export interface AppTemplateInput {
  packageName: string;
  displayName: string;
  description: string;
  features: readonly AppFeatureEntry[];
  theme: ThemeTokens;
}

const THEME_MODES: Readonly<Record<ThemeModeToken, string>> = {
  system: 'ThemeMode.system',
  light: 'ThemeMode.light',
  dark: 'ThemeMode.dark',
};

export function mainDart(): string {
  return `import 'package:flutter/material.dart';

import 'app.dart';

void main() {
  runApp(const MainApp());
}
`;
}

export function appInfoDart({ displayName, description }: AppTemplateInput): string {
  return `/// App-wide texts from the product brief.
abstract final class AppInfo {
  static const String name = ${dartString(displayName)};
  static const String description = ${dartString(description)};
  static const String version = '1.0.0';
}
`;
}

function featureImports(features: readonly AppFeatureEntry[]): string[] {
  return features.map((feature) => `import 'features/${feature.id}/${feature.id}_screen.dart';`);
}

function routeEntries(features: readonly AppFeatureEntry[]): string {
  return features
    .map((feature) => `            ${feature.screenClass}.routeName: (context) => const ${feature.screenClass}(),\n`)
    .join('');
}

function destinationEntries(features: readonly AppFeatureEntry[]): string {
  return features
    .map(
      (feature) =>
        `  _Destination(\n    ${feature.screenClass}.title,\n    ${feature.icon},\n    ${feature.screenClass}.routeName,\n  ),\n`,
    )
    .join('');
}

/** Home body: feature cards (with the description on top), or an empty state when there are none. */
function homeBody(features: readonly AppFeatureEntry[]): string {
  if (features.length === 0) {
    return `      body: const Center(
        child: Padding(
          padding: EdgeInsets.all(24),
          child: Text(
            AppInfo.description,
            textAlign: TextAlign.center,
          ),
        ),
      ),`;
  }
  return `      body: ListView(
        padding: const EdgeInsets.all(16),
        children: [
          Padding(
            padding: const EdgeInsets.only(bottom: 16),
            child: Text(
              AppInfo.description,
              style: Theme.of(context).textTheme.bodyLarge,
            ),
          ),
          for (final destination in _destinations)
            _DestinationCard(destination: destination),
        ],
      ),`;
}

function destinationTypes(features: readonly AppFeatureEntry[]): string {
  if (features.length === 0) return '';
  return `
class _Destination {
  const _Destination(this.title, this.icon, this.routeName);

  final String title;
  final IconData icon;
  final String routeName;
}

const List<_Destination> _destinations = [
${destinationEntries(features)}];

class _DestinationCard extends StatelessWidget {
  const _DestinationCard({required this.destination});

  final _Destination destination;

  @override
  Widget build(BuildContext context) {
    return Card(
      child: ListTile(
        leading: Icon(destination.icon),
        title: Text(destination.title),
        trailing: const Icon(Icons.chevron_right),
        onTap: () => Navigator.pushNamed(context, destination.routeName),
      ),
    );
  }
}
`;
}

export function appDart(input: AppTemplateInput): string {
  const imports = [
    "import 'config/app_info.dart';",
    ...featureImports(input.features),
    "import 'features/settings/settings_controller.dart';",
    "import 'features/settings/settings_screen.dart';",
    "import 'theme/app_theme.dart';",
  ].sort();
  return `import 'package:flutter/material.dart';

${imports.join('\n')}

/// Root widget: theme, theme mode from the settings, and the route table.
class MainApp extends StatefulWidget {
  const MainApp({super.key});

  @override
  State<MainApp> createState() => _MainAppState();
}

class _MainAppState extends State<MainApp> {
  final SettingsController _settings =
      SettingsController(themeMode: AppTheme.defaultMode);

  @override
  void dispose() {
    _settings.dispose();
    super.dispose();
  }

  @override
  Widget build(BuildContext context) {
    return ListenableBuilder(
      listenable: _settings,
      builder: (context, _) {
        return MaterialApp(
          title: AppInfo.name,
          debugShowCheckedModeBanner: false,
          theme: AppTheme.light,
          darkTheme: AppTheme.dark,
          themeMode: _settings.themeMode,
          initialRoute: HomeScreen.routeName,
          routes: {
            HomeScreen.routeName: (context) => const HomeScreen(),
${routeEntries(input.features)}            SettingsScreen.routeName: (context) =>
                SettingsScreen(controller: _settings),
          },
        );
      },
    );
  }
}

/// Start screen: one card per feature; settings in the app bar.
class HomeScreen extends StatelessWidget {
  const HomeScreen({super.key});

  static const String routeName = '/';

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(
        title: const Text(AppInfo.name),
        actions: [
          IconButton(
            icon: const Icon(Icons.settings_outlined),
            tooltip: SettingsScreen.title,
            onPressed: () =>
                Navigator.pushNamed(context, SettingsScreen.routeName),
          ),
        ],
      ),
${homeBody(input.features)}
    );
  }
}
${destinationTypes(input.features)}`;
}

export function appThemeDart({ theme }: AppTemplateInput): string {
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

export function appWidgetTestDart({ packageName }: AppTemplateInput): string {
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:${packageName}/app.dart';
import 'package:${packageName}/config/app_info.dart';

void main() {
  testWidgets('starts on the home screen and opens settings', (tester) async {
    await tester.pumpWidget(const MainApp());

    expect(find.widgetWithText(AppBar, AppInfo.name), findsOneWidget);

    await tester.tap(find.byTooltip('Settings'));
    await tester.pumpAndSettle();

    expect(find.widgetWithText(AppBar, 'Settings'), findsOneWidget);
  });
}
`;
}
