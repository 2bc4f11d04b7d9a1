/**
 * The sign-in gate of an app with an auth feature: `AuthGate` shows the
 * sign-in screen until someone is signed in, the app wraps its start screen
 * and every other route in it (so a deep link asks to sign in first), and
 * signing out anywhere returns to the first route. Its app-level widget test
 * drives the real `MainApp` with the fake session.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import { packageUri } from '../data/entity-dart';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { uiText } from '../ui-text';
import type { AppGate, FeatureContext } from './archetype';
import { fileNameOf, libRelative } from './feature-dart.shared';
import { singleHomeFeature, tapNavigationTab } from '../templates/home-layout';

/** The signed-in screen's title and the home app-bar action that opens it, in the app's language. */
export function accountTitle(plan: AppPlan): string {
  return uiText(plan).account;
}

/** Root-relative path of `auth_gate.dart` (beside the auth service). */
export function authGatePath(feature: PlannedFeature): string {
  return `${feature.paths.dir}/auth_gate.dart`;
}

/** App-level tests sit beside test/widget_test.dart: they pump MainApp, not one screen. */
export const SIGN_IN_GATE_TEST_PATH = 'test/sign_in_gate_test.dart';

/** How the shell puts the sign-in gate in front of the app. */
export function authGate({ feature, plan }: FeatureContext): AppGate {
  return {
    kind: 'signIn',
    widget: 'AuthGate',
    arguments: ['auth: services.auth'],
    import: libRelative(authGatePath(feature)),
    guardsRoutes: true,
    homeAction: { icon: 'Icons.account_circle_outlined', tooltip: accountTitle(plan) },
    passInTests: ["await services.auth.signIn('ada@example.com', 'correct horse');"],
    passImports: [],
  };
}

function gateDart(feature: PlannedFeature): string {
  const screen = feature.classes.screen;
  return `import 'package:flutter/material.dart';

import 'auth_service.dart';
import '${fileNameOf(feature.paths.screen)}';

/// Shows [child] to a signed-in user and [${screen}] to everyone else.
///
/// The app wraps its start screen and every screen with the user's data in
/// one, so a screen opened while signed out (a deep link, a restored route)
/// asks to sign in first. [AuthService.currentEmail] follows the backend's
/// own session (Firebase \`authStateChanges()\`, Supabase
/// \`onAuthStateChange\`, or the app's session), so an expired session also
/// lands here.
class AuthGate extends StatefulWidget {
  const AuthGate({super.key, required this.auth, required this.child});

  final AuthService auth;
  final Widget child;

  @override
  State<AuthGate> createState() => _AuthGateState();
}

class _AuthGateState extends State<AuthGate> {
  @override
  void initState() {
    super.initState();
    widget.auth.currentEmail.addListener(_onSessionChanged);
  }

  @override
  void didUpdateWidget(AuthGate oldWidget) {
    super.didUpdateWidget(oldWidget);
    if (oldWidget.auth == widget.auth) return;
    oldWidget.auth.currentEmail.removeListener(_onSessionChanged);
    widget.auth.currentEmail.addListener(_onSessionChanged);
  }

  @override
  void dispose() {
    widget.auth.currentEmail.removeListener(_onSessionChanged);
    super.dispose();
  }

  /// Signing out closes every screen above the first, which then asks to
  /// sign in: no screen of the previous user stays on the stack.
  void _onSessionChanged() {
    if (!mounted || widget.auth.currentEmail.value != null) return;
    Navigator.of(context).popUntil((route) => route.isFirst);
  }

  @override
  Widget build(BuildContext context) {
    return ValueListenableBuilder<String?>(
      valueListenable: widget.auth.currentEmail,
      builder: (context, email, _) =>
          email == null ? ${screen}(auth: widget.auth) : widget.child,
    );
  }
}
`;
}

/** A screen behind the gate for the deep-link test: a data screen when there is one, else settings. */
function guardedScreen(plan: AppPlan): PlannedFeature {
  const screen =
    plan.features.find((feature) => feature.archetype === 'entity') ??
    plan.features.find((feature) => feature.archetype === 'settings');
  if (!screen) throw new Error('the plan has no settings feature');
  return screen;
}

/** Taps the home's account button: an app-bar action on the hub, a navigation-bar tab when one feature is home. */
function tapAccountButton(plan: AppPlan): string {
  const title = dartString(accountTitle(plan));
  return singleHomeFeature(plan) ? tapNavigationTab(title) : `    await tester.tap(find.byTooltip(${title}));`;
}

function gateTestDart(ctx: FeatureContext): string {
  const { plan, feature } = ctx;
  const pkg = plan.packageName;
  const guarded = guardedScreen(plan).classes.screen;
  const imports = [
    `package:${pkg}/app.dart`,
    `package:${pkg}/app_services.dart`,
    packageUri(pkg, feature.paths.screen),
    packageUri(pkg, guardedScreen(plan).paths.screen),
  ];
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
${[...new Set(imports)]
  .sort()
  .map((uri) => `import '${uri}';`)
  .join('\n')}

import 'support/test_services.dart';

void main() {
  /// Someone who used the app before and signed out.
  Future<AppServices> signedOut() async {
    final services = await testServices();
    await services.auth.signOut();
    return services;
  }

  Future<void> signIn(WidgetTester tester) async {
    await tester.enterText(find.byKey(const Key('auth-email')), 'ada@example.com');
    await tester.enterText(find.byKey(const Key('auth-password')), 'correct horse');
    await tester.tap(find.byKey(const Key('auth-submit')));
    await tester.pumpAndSettle();
  }

  testWidgets('a signed-out start shows sign-in, not home', (tester) async {
    await tester.pumpWidget(MainApp(services: await signedOut()));
    await tester.pumpAndSettle();

    expect(find.byType(${feature.classes.screen}), findsOneWidget);
    expect(find.byKey(const Key('auth-submit')), findsOneWidget);
    expect(find.byType(HomeScreen), findsNothing);
  });

  testWidgets('signing in opens home, signing out returns to sign-in', (tester) async {
    final services = await signedOut();
    await tester.pumpWidget(MainApp(services: services));
    await tester.pumpAndSettle();

    await signIn(tester);
    expect(find.byType(HomeScreen), findsOneWidget);

${tapAccountButton(plan)}
    await tester.pumpAndSettle();
    expect(find.widgetWithText(AppBar, ${dartString(accountTitle(plan))}), findsOneWidget);
    await tester.tap(find.byKey(const Key('auth-sign-out')));
    await tester.pumpAndSettle();

    expect(services.auth.currentEmail.value, isNull);
    expect(find.byType(HomeScreen), findsNothing);
    expect(find.byKey(const Key('auth-sign-out')), findsNothing);
    expect(find.byKey(const Key('auth-submit')), findsOneWidget);
  });

  testWidgets('a screen opened while signed out asks to sign in first', (tester) async {
    await tester.pumpWidget(MainApp(services: await signedOut()));
    await tester.pumpAndSettle();

    tester.state<NavigatorState>(find.byType(Navigator)).pushNamed(${guarded}.routeName);
    await tester.pumpAndSettle();
    expect(find.byType(${guarded}), findsNothing);
    expect(find.byKey(const Key('auth-submit')), findsOneWidget);

    await signIn(tester);
    expect(find.byType(${guarded}), findsOneWidget);
  });
}
`;
}

/** The gate widget and its app-level test. */
export function authGateFiles(ctx: FeatureContext): GeneratedFile[] {
  return [
    { path: authGatePath(ctx.feature), content: gateDart(ctx.feature) },
    { path: SIGN_IN_GATE_TEST_PATH, content: gateTestDart(ctx) },
  ];
}
