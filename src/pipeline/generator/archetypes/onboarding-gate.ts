/**
 * The first-launch gate of an app with onboarding: `<Prefix>Gate` shows the
 * tour until it was finished or skipped once (a SharedPreferences flag), then
 * the start screen (sign-in first when the app has it). Its app-level widget
 * test launches the real `MainApp` twice on the same stored preferences.
 */
import type { GeneratedFile } from '../app-spec';
import { packageUri } from '../data/entity-dart';
import type { PlannedFeature } from '../plan/app-plan';
import type { AppGate, FeatureContext } from './archetype';
import { authFeatureOf } from './auth.archetype';
import { fileNameOf, libRelative } from './feature-dart.shared';

function gateClass(feature: PlannedFeature): string {
  return `${feature.classes.prefix}Gate`;
}

function gatePath(feature: PlannedFeature): string {
  return `${feature.paths.dir}/${feature.names.id}_gate.dart`;
}

/** App-level tests sit beside test/widget_test.dart: they pump MainApp, not one screen. */
export const FIRST_LAUNCH_TEST_PATH = 'test/first_launch_test.dart';

/** How the shell shows the tour before anything else at first launch. */
export function onboardingGate(feature: PlannedFeature): AppGate {
  return {
    kind: 'firstLaunch',
    widget: gateClass(feature),
    arguments: ['prefs: services.prefs'],
    import: libRelative(gatePath(feature)),
    guardsRoutes: false,
    passInTests: [`await services.prefs.setBool(${feature.classes.screen}.doneKey, true);`],
    passImports: [libRelative(feature.paths.screen)],
  };
}

function gateDart(feature: PlannedFeature): string {
  const gate = gateClass(feature);
  const screen = feature.classes.screen;
  return `import 'package:flutter/widgets.dart';
import 'package:shared_preferences/shared_preferences.dart';

import '${fileNameOf(feature.paths.screen)}';

/// Shows [${screen}] at the first launch and [child] once the tour was
/// finished or skipped; Settings can show the tour again.
class ${gate} extends StatefulWidget {
  const ${gate}({super.key, required this.prefs, required this.child});

  final SharedPreferences prefs;
  final Widget child;

  @override
  State<${gate}> createState() => _${gate}State();
}

class _${gate}State extends State<${gate}> {
  late bool _done = ${screen}.isDone(widget.prefs);

  @override
  Widget build(BuildContext context) {
    if (_done) return widget.child;
    return ${screen}(
      prefs: widget.prefs,
      onFinished: () => setState(() => _done = true),
    );
  }
}
`;
}

function firstLaunchTestDart(ctx: FeatureContext): string {
  const { plan, feature } = ctx;
  const pkg = plan.packageName;
  const screen = feature.classes.screen;
  const auth = authFeatureOf(plan);
  // Without sign-in the tour leads home; with it, to the sign-in screen.
  const start = auth ? auth.classes.screen : 'HomeScreen';
  const imports = [
    `package:${pkg}/app.dart`,
    packageUri(pkg, feature.paths.screen),
    ...(auth ? [packageUri(pkg, auth.paths.screen)] : []),
  ].sort();
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${imports.map((uri) => `import '${uri}';`).join('\n')}

import 'support/test_services.dart';

void main() {
  testWidgets('the first launch shows the tour, then ${auth ? 'sign-in' : 'home'}', (tester) async {
    final services = await firstLaunchServices();
    await tester.pumpWidget(MainApp(services: services));
    await tester.pumpAndSettle();

    expect(find.byType(${screen}), findsOneWidget);
    expect(find.byType(${start}), findsNothing);

    await tester.tap(find.byKey(const Key('onboarding-skip')));
    await tester.pumpAndSettle();

    expect(find.byType(${screen}), findsNothing);
    expect(find.byType(${start}), findsOneWidget);
    expect(${screen}.isDone(services.prefs), isTrue);
  });

  testWidgets('the next launch skips the tour', (tester) async {
    final services = await firstLaunchServices();
    await tester.pumpWidget(MainApp(services: services));
    await tester.pumpAndSettle();
    await tester.tap(find.byKey(const Key('onboarding-skip')));
    await tester.pumpAndSettle();

    // A restart: a new widget tree on the preferences the first launch stored.
    await tester.pumpWidget(const SizedBox.shrink());
    await tester.pumpWidget(MainApp(services: services));
    await tester.pumpAndSettle();

    expect(find.byType(${screen}), findsNothing);
    expect(find.byType(${start}), findsOneWidget);
  });
}
`;
}

/** The gate widget and its app-level test. */
export function onboardingGateFiles(ctx: FeatureContext): GeneratedFile[] {
  return [
    { path: gatePath(ctx.feature), content: gateDart(ctx.feature) },
    { path: FIRST_LAUNCH_TEST_PATH, content: firstLaunchTestDart(ctx) },
  ];
}
