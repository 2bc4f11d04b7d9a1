/**
 * Onboarding: three swipeable pages (a `PageView` with indicator dots, Skip,
 * Next and Get started) written from the app's name, description and
 * features. The app shows it once, at the first launch (`onboarding-gate.ts`);
 * completion is stored in SharedPreferences (`onboarding_done`). Opened again
 * from Settings, finishing it returns there.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString, singleLine } from '../dart-string';
import { packageUri } from '../data/entity-dart';
import { packages } from '../data/package-versions';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { isHomeCard } from '../feature-links';
import { dartText, fill, uiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { onboardingGate, onboardingGateFiles } from './onboarding-gate';

/** SharedPreferences key set to true once onboarding is completed or skipped. */
export const ONBOARDING_DONE_KEY = 'onboarding_done';

/** Longest description text shown on the first page. */
const MAX_INTRO = 220;

interface Page {
  icon: string;
  title: string;
  body: string;
  points: { icon: string; label: string }[];
}

/** The description's opening, cut at a sentence or word boundary. */
export function onboardingIntro(description: string): string {
  const text = singleLine(description);
  if (text.length <= MAX_INTRO) return text;
  const head = text.slice(0, MAX_INTRO);
  const sentence = head.search(/[.!?。！？](?=\s|$)[^.!?。！？]*$/u);
  if (sentence >= 60) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return `${(space >= 60 ? head.slice(0, space) : head).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** The features the second page lists: the home screen's cards (no settings, sign-in or onboarding itself). */
export function onboardingFeatures(plan: AppPlan): PlannedFeature[] {
  return plan.features.filter((feature) => isHomeCard(plan, feature));
}

function pages(plan: AppPlan): Page[] {
  const features = onboardingFeatures(plan);
  const t = uiText(plan);
  const storage = plan.backend === 'none' ? t.storedOnDevice : t.storedOnline;
  return [
    {
      icon: 'Icons.waving_hand_outlined',
      title: singleLine(fill(t.welcomeTo, { app: plan.displayName })),
      // Without a description, a welcome that leads to the next page beats the "X, a Flutter application." stand-in.
      body: plan.spec.description.trim()
        ? onboardingIntro(plan.description)
        : singleLine(fill(t.tourIntro, { app: plan.displayName })),
      points: [],
    },
    {
      icon: 'Icons.apps_outlined',
      title: t.whatYouCanDo,
      body: features.length ? t.eachOneTapAway : t.allOneTapAway,
      points: features.map((feature) => ({ icon: feature.icon, label: singleLine(feature.names.label) })),
    },
    {
      icon: 'Icons.rocket_launch_outlined',
      title: t.allSet,
      body: `${storage} ${fill(t.tourAgain, { settings: t.settings })}`,
      points: [],
    },
  ];
}

function pageDart(page: Page): string {
  const points = page.points.length
    ? `
    points: [
${page.points.map((point) => `      _OnboardingPoint(${point.icon}, ${dartString(point.label)}),`).join('\n')}
    ],`
    : '';
  return `  _OnboardingPage(
    icon: ${page.icon},
    title: ${dartString(page.title)},
    body: ${dartString(page.body)},${points}
  ),`;
}

function screenDart(ctx: FeatureContext): string {
  const { feature, plan } = ctx;
  const { screen } = feature.classes;
  const t = uiText(plan);
  const state = `_${screen}State`;
  return `import 'package:flutter/material.dart';
import 'package:shared_preferences/shared_preferences.dart';

/// A short tour of the app; finishing or skipping it is remembered on the device.
class ${screen} extends StatefulWidget {
  const ${screen}({super.key, required this.prefs, this.onFinished});

  static const String title = ${dartString(feature.names.label)};
  static const String routeName = '${feature.route}';

  /// SharedPreferences key set to true once onboarding is completed or skipped.
  static const String doneKey = '${ONBOARDING_DONE_KEY}';

  /// Whether onboarding was completed on this device (e.g. to skip it at launch).
  static bool isDone(SharedPreferences prefs) => prefs.getBool(doneKey) ?? false;

  final SharedPreferences prefs;

  /// Called once completion is stored; by default the screen closes (or opens home).
  final VoidCallback? onFinished;

  @override
  State<${screen}> createState() => ${state}();
}

class ${state} extends State<${screen}> {
  final _pageController = PageController();
  int _page = 0;
  bool _finishing = false;

  bool get _isLast => _page == _pages.length - 1;

  @override
  void dispose() {
    _pageController.dispose();
    super.dispose();
  }

  void _next() {
    _pageController.nextPage(
      duration: const Duration(milliseconds: 300),
      curve: Curves.easeOut,
    );
  }

  Future<void> _finish() async {
    if (_finishing) return;
    setState(() => _finishing = true);
    await widget.prefs.setBool(${screen}.doneKey, true);
    if (!mounted) return;
    final onFinished = widget.onFinished;
    if (onFinished != null) {
      onFinished();
      return;
    }
    final navigator = Navigator.of(context);
    if (navigator.canPop()) {
      navigator.pop();
    } else {
      navigator.pushReplacementNamed(Navigator.defaultRouteName);
    }
  }

  @override
  Widget build(BuildContext context) {
    final scheme = Theme.of(context).colorScheme;
    return Scaffold(
      body: SafeArea(
        child: Column(
          children: [
            Align(
              alignment: AlignmentDirectional.centerEnd,
              child: Padding(
                padding: const EdgeInsets.all(8),
                child: Visibility(
                  visible: !_isLast,
                  maintainSize: true,
                  maintainAnimation: true,
                  maintainState: true,
                  child: TextButton(
                    key: const Key('onboarding-skip'),
                    onPressed: _finishing ? null : _finish,
                    child: const Text(${dartString(t.skip)}),
                  ),
                ),
              ),
            ),
            Expanded(
              child: PageView(
                controller: _pageController,
                onPageChanged: (page) => setState(() => _page = page),
                children: [
                  for (final page in _pages) _OnboardingPageView(page: page),
                ],
              ),
            ),
            Semantics(
              label: ${dartText(t.pageOf, { page: '_page + 1', total: '_pages.length' })},
              child: ExcludeSemantics(
                child: Row(
                  mainAxisAlignment: MainAxisAlignment.center,
                  children: [
                    for (var i = 0; i < _pages.length; i++)
                      AnimatedContainer(
                        duration: const Duration(milliseconds: 200),
                        margin: const EdgeInsets.symmetric(horizontal: 4),
                        width: i == _page ? 24 : 8,
                        height: 8,
                        decoration: BoxDecoration(
                          color: i == _page
                              ? scheme.primary
                              : scheme.outlineVariant,
                          borderRadius: BorderRadius.circular(4),
                        ),
                      ),
                  ],
                ),
              ),
            ),
            Padding(
              padding: const EdgeInsets.fromLTRB(24, 24, 24, 16),
              child: SizedBox(
                width: double.infinity,
                child: FilledButton(
                  key: const Key('onboarding-next'),
                  onPressed: _finishing ? null : (_isLast ? _finish : _next),
                  child: Text(_isLast ? ${dartString(t.getStarted)} : ${dartString(t.next)}),
                ),
              ),
            ),
          ],
        ),
      ),
    );
  }
}

class _OnboardingPage {
  const _OnboardingPage({
    required this.icon,
    required this.title,
    required this.body,
    this.points = const [],
  });

  final IconData icon;
  final String title;
  final String body;
  final List<_OnboardingPoint> points;
}

class _OnboardingPoint {
  const _OnboardingPoint(this.icon, this.label);

  final IconData icon;
  final String label;
}

const List<_OnboardingPage> _pages = [
${pages(plan).map(pageDart).join('\n')}
];

class _OnboardingPageView extends StatelessWidget {
  const _OnboardingPageView({required this.page});

  final _OnboardingPage page;

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    return Center(
      child: SingleChildScrollView(
        padding: const EdgeInsets.symmetric(horizontal: 32, vertical: 16),
        child: ConstrainedBox(
          constraints: const BoxConstraints(maxWidth: 480),
          child: Column(
            mainAxisSize: MainAxisSize.min,
            children: [
              CircleAvatar(
                radius: 48,
                backgroundColor: theme.colorScheme.primaryContainer,
                child: Icon(
                  page.icon,
                  size: 48,
                  color: theme.colorScheme.onPrimaryContainer,
                ),
              ),
              const SizedBox(height: 24),
              Text(
                page.title,
                style: theme.textTheme.headlineSmall,
                textAlign: TextAlign.center,
              ),
              const SizedBox(height: 12),
              Text(
                page.body,
                style: theme.textTheme.bodyLarge,
                textAlign: TextAlign.center,
              ),
              if (page.points.isNotEmpty) const SizedBox(height: 16),
              for (final point in page.points)
                ListTile(
                  leading: Icon(point.icon),
                  title: Text(point.label),
                  dense: true,
                ),
            ],
          ),
        ),
      ),
    );
  }
}
`;
}

function testDart(ctx: FeatureContext): string {
  const { feature, plan } = ctx;
  const { screen } = feature.classes;
  const [first, second, last] = pages(plan);
  const t = uiText(plan);
  return `import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import '${packageUri(plan.packageName, feature.paths.screen)}';
import 'package:shared_preferences/shared_preferences.dart';

void main() {
  late SharedPreferences prefs;

  setUp(() async {
    SharedPreferences.setMockInitialValues({});
    prefs = await SharedPreferences.getInstance();
  });

  /// Opens onboarding on top of a home route, as the app's navigation does.
  Future<void> pumpOnboarding(WidgetTester tester) async {
    await tester.pumpWidget(
      MaterialApp(
        routes: {
          '/': (context) => const Scaffold(body: Center(child: Text('Home'))),
          ${screen}.routeName: (context) => ${screen}(prefs: prefs),
        },
        initialRoute: ${screen}.routeName,
      ),
    );
    await tester.pumpAndSettle();
  }

  Finder buttonLabel(String key, String label) => find.descendant(
        of: find.byKey(Key(key)),
        matching: find.text(label),
      );

  testWidgets('Next leads through the pages to Get started', (tester) async {
    await pumpOnboarding(tester);
    expect(find.text(${dartString(first.title)}), findsOneWidget);
    expect(buttonLabel('onboarding-next', ${dartString(t.next)}), findsOneWidget);

    await tester.tap(find.byKey(const Key('onboarding-next')));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(second.title)}), findsOneWidget);

    await tester.tap(find.byKey(const Key('onboarding-next')));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(last.title)}), findsOneWidget);
    expect(buttonLabel('onboarding-next', ${dartString(t.getStarted)}), findsOneWidget);
    expect(${screen}.isDone(prefs), isFalse);
  });

  testWidgets('swiping changes the page', (tester) async {
    await pumpOnboarding(tester);

    await tester.drag(find.byType(PageView), const Offset(-600, 0));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(second.title)}), findsOneWidget);
    expect(find.text(${dartString(first.title)}), findsNothing);
  });

  testWidgets('Get started stores completion and goes home', (tester) async {
    await pumpOnboarding(tester);
    for (var i = 0; i < 2; i++) {
      await tester.tap(find.byKey(const Key('onboarding-next')));
      await tester.pumpAndSettle();
    }

    await tester.tap(find.byKey(const Key('onboarding-next')));
    await tester.pumpAndSettle();

    expect(prefs.getBool(${screen}.doneKey), isTrue);
    expect(${screen}.isDone(prefs), isTrue);
    expect(find.text('Home'), findsOneWidget);
    expect(find.byType(${screen}), findsNothing);
  });

  testWidgets('Skip also stores completion', (tester) async {
    await pumpOnboarding(tester);

    await tester.tap(find.byKey(const Key('onboarding-skip')));
    await tester.pumpAndSettle();

    expect(${screen}.isDone(prefs), isTrue);
    expect(find.text('Home'), findsOneWidget);
  });
}
`;
}

export const onboardingArchetype: ArchetypeTemplate = {
  id: 'onboarding',

  dependencies() {
    return packages('shared_preferences');
  },

  files(ctx): GeneratedFile[] {
    return [
      { path: ctx.feature.paths.screen, content: screenDart(ctx) },
      { path: ctx.feature.paths.test, content: testDart(ctx) },
      ...onboardingGateFiles(ctx),
    ];
  },

  screenBuilder(ctx) {
    return `${ctx.feature.classes.screen}(prefs: services.prefs)`;
  },

  gate(ctx) {
    return onboardingGate(ctx.feature);
  },

  readme(ctx) {
    return `The tour opens by itself at the first launch, before anything else. Completing or skipping it stores \`${ONBOARDING_DONE_KEY}\` = true in \`shared_preferences\` (\`${ctx.feature.classes.screen}.isDone(prefs)\` reads it), so later launches go straight in; Settings shows the tour again.`;
  },

  summary() {
    return "A three-page welcome tour built from the app's description and features, shown once at the first launch (Skip, Next, Get started) and again from Settings.";
  },
};
