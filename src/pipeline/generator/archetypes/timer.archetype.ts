/**
 * Timer / countdown / pomodoro / stopwatch: a running clock with start, pause
 * and reset, measured against the wall clock in a ChangeNotifier
 * (timer.controller-dart.ts) so it survives the app going to the background. The words decide
 * the modes (countdown with preset chips, stopwatch with laps, or both), and
 * a meditation app that has a `PracticeSession` entity records every finished
 * countdown in its repository.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString, singleLine } from '../dart-string';
import { FAKE_REPOSITORIES_PATH, isDated, packageUri } from '../data/entity-dart';
import { IDS_PATH } from '../data/entity-files';
import { packages } from '../data/package-versions';
import type { EntityPlan, PlannedFeature } from '../plan/app-plan';
import { phraseIndex, tokens } from '../plan/text-match';
import { dartText, fill, uiText, type UiText } from '../ui-text';
import { snackBarDart } from './dart-wrap';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { fromFeatureDir } from './feature-dart.shared';
import { USER_MESSAGE_PATH } from './records-user-message';
import { timerControllerDart } from './timer.controller-dart';

/** Words that ask for a stopwatch (time counting up), in the languages the archetype table knows. */
const STOPWATCH_WORDS = [
  'stopwatch*',
  'stop watch*',
  'chronometer*',
  'chronograph*',
  'chronometre*',
  'cronometr*',
  'stoppuhr*',
  'bam gio',
  'dong ho bam gio',
  'lap timer*',
  'laps',
  '秒表',
  '码表',
  'ストップウォッチ',
];

/** Words that ask for a countdown explicitly (a plain "timer" does too, unless it names a stopwatch). */
const COUNTDOWN_WORDS = [
  'countdown*',
  'count down',
  'pomodoro*',
  'minuteur*',
  'temporizador*',
  'cuenta atras',
  'compte a rebours',
  'dem nguoc',
  'hen gio',
  'contagem regressiva',
  'conto alla rovescia',
  '倒计时',
  'タイマー',
];

const POMODORO_WORDS = ['pomodoro*', 'tomato timer*', 'focus timer*', 'focus session*'];

const MEDITATION_WORDS = ['meditat*', 'meditac*', 'mindful*', 'breath*', 'thien', 'yoga', '冥想', '瞑想'];

export interface TimerPreset {
  label: string;
  minutes: number;
}

export interface TimerModes {
  countdown: boolean;
  stopwatch: boolean;
}

function mentions(text: string, phrases: readonly string[]): boolean {
  const words = tokens(text);
  return phrases.some((phrase) => phraseIndex(words, phrase) >= 0);
}

/**
 * The texts that say what the user asked for: every label folded into the
 * feature or, for a feature mined from the description (whose label is just
 * the archetype's title), the app's name and description.
 */
function askedTexts(ctx: FeatureContext): string[] {
  if (ctx.feature.origin === 'description') return [`${ctx.plan.spec.name}\n${ctx.plan.description}`];
  return [...ctx.feature.requested, ctx.feature.names.label];
}

/** Countdown unless the words name a stopwatch; both when the labels ask for both. */
export function timerModes(ctx: FeatureContext): TimerModes {
  let countdown = false;
  let stopwatch = false;
  for (const text of askedTexts(ctx)) {
    const watch = mentions(text, STOPWATCH_WORDS);
    if (watch) stopwatch = true;
    if (!watch || mentions(text, COUNTDOWN_WORDS)) countdown = true;
  }
  return { countdown: countdown || !stopwatch, stopwatch };
}

/** Preset lengths of the countdown; the first is selected at start. */
export function timerPresets(ctx: FeatureContext): TimerPreset[] {
  const texts = askedTexts(ctx);
  const t = uiText(ctx.plan);
  if (texts.some((text) => mentions(text, POMODORO_WORDS))) {
    return [
      { label: fill(t.focusPreset, { minutes: 25 }), minutes: 25 },
      { label: fill(t.breakPreset, { minutes: 5 }), minutes: 5 },
    ];
  }
  const meditation =
    texts.some((text) => mentions(text, MEDITATION_WORDS)) || mentions(ctx.plan.description, MEDITATION_WORDS);
  const minutes = meditation ? [5, 10, 20] : [5, 15, 25];
  return minutes.map((value) => ({ label: fill(t.minutesLabel, { minutes: value }), minutes: value }));
}

/**
 * The `PracticeSession` entity of a meditation app, when every required field
 * can be filled from a finished countdown (a text title, an int of minutes, a
 * date) and the timer has a countdown; otherwise sessions are not recorded.
 */
export function practiceSessionEntity(ctx: FeatureContext): EntityPlan | undefined {
  if (!timerModes(ctx).countdown) return undefined;
  const entity = ctx.plan.entities.find((candidate) => candidate.className === 'PracticeSession');
  if (!entity) return undefined;
  return sessionArgs(entity, 'title', 'length', 'finishedAt') ? entity : undefined;
}

/** Constructor arguments of a session, or undefined when a required field has no source. */
function sessionArgs(entity: EntityPlan, title: string, length: string, finishedAt: string): string[] | undefined {
  const args = ['id: newId()'];
  for (const field of entity.fields) {
    if (!field.required) continue;
    if (field.name === entity.titleField) args.push(`${field.name}: ${title}`);
    else if (field.type === 'int' && /minute/i.test(field.name)) args.push(`${field.name}: ${length}.inMinutes`);
    else if (isDated(field)) args.push(`${field.name}: ${finishedAt}`);
    else return undefined;
  }
  return args;
}

interface TimerNames {
  screen: string;
  controller: string;
  mode: string;
  preset: string;
}

function names(feature: PlannedFeature): TimerNames {
  const { prefix, screen, controller } = feature.classes;
  return { screen, controller, mode: `${prefix}Mode`, preset: `${prefix}Preset` };
}

function controllerPath(feature: PlannedFeature): string {
  return `${feature.paths.dir}/${feature.names.id}_controller.dart`;
}

/** `mm:ss` (or `h:mm:ss`) as the screen shows it. */
export function clockText(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = String(Math.floor(totalSeconds / 60) % 60).padStart(2, '0');
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${minutes}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * `widget`, a list element starting with a new line, guarded by `if (condition)`
 * when the screen switches between countdown and stopwatch.
 */
function shownIn(both: boolean, condition: string, widget: string): string {
  if (!both) return widget;
  const indent = /^\n( *)/.exec(widget)?.[1] ?? '';
  return `\n${indent}if (${condition})${widget.replace(/\n/g, '\n  ')}`;
}

/** Dart that differs between a screen with a countdown (it can finish) and a stopwatch-only one. */
function finishDart(countdown: boolean, n: TimerNames, presets: TimerPreset[], t: UiText) {
  if (!countdown) {
    return {
      presets: '',
      create: 'tick: widget.tick,',
      status: '',
      startPressed: 'timer.start',
      startLabel: `timer.hasStarted ? ${dartString(t.resume)} : ${dartString(t.start)}`,
      statusColor: 'theme.colorScheme.onSurfaceVariant',
    };
  }
  const presetList = presets
    .map((preset) => `    ${n.preset}(${dartString(preset.label)}, Duration(minutes: ${preset.minutes})),`)
    .join('\n');
  return {
    presets: `

  static const List<${n.preset}> presets = [
${presetList}
  ];`,
    create: `duration: ${n.screen}.presets.first.duration,
      tick: widget.tick,`,
    status: `\n    if (timer.isFinished) return ${dartString(t.timesUp)};`,
    startPressed: 'timer.isFinished ? null : timer.start',
    startLabel: `timer.hasStarted && !timer.isFinished ? ${dartString(t.resume)} : ${dartString(t.start)}`,
    statusColor: `timer.isFinished
                                  ? theme.colorScheme.primary
                                  : theme.colorScheme.onSurfaceVariant`,
  };
}

function screenDart(ctx: FeatureContext, n: TimerNames, modes: TimerModes, presets: TimerPreset[]): string {
  const t = uiText(ctx.plan);
  const session = practiceSessionEntity(ctx);
  const both = modes.countdown && modes.stopwatch;
  const finish = finishDart(modes.countdown, n, presets, t);
  const imports = [
    ...(session
      ? [
          fromFeatureDir(USER_MESSAGE_PATH),
          fromFeatureDir(IDS_PATH),
          fromFeatureDir(session.paths.model),
          fromFeatureDir(session.paths.repository),
        ]
      : []),
    controllerPath(ctx.feature).slice(ctx.feature.paths.dir.length + 1),
  ].map((uri) => `import '${uri}';`);
  const sessionField = session
    ? `

  /// Where finished countdowns are recorded; nothing is recorded when null.
  final ${session.className}Repository? sessions;`
    : '';
  const sessionParam = session ? '\n    this.sessions,' : '';
  const onFinished = session ? '\n      onFinished: _recordSession,' : '';
  const recordSession = session
    ? `

  Future<void> _recordSession(Duration length) async {
    final sessions = widget.sessions;
    if (sessions == null) return;
    final finishedAt = DateTime.now();
    final messenger = ScaffoldMessenger.of(context);
    try {
      await sessions.save(
        ${session.className}(
${(sessionArgs(session, `${n.screen}.title`, 'length', 'finishedAt') ?? []).map((arg) => `          ${arg},`).join('\n')}
        ),
      );
      messenger.showSnackBar(const SnackBar(content: Text(${dartString(t.sessionSaved)})));
    } catch (error) {
      messenger.showSnackBar(
${snackBarDart('        ', dartText(t.couldNotSaveSession, { error: 'userMessage(error)' }), ',')}
      );
    }
  }`
    : '';
  const modeSwitch = both
    ? `
              Center(
                child: SegmentedButton<${n.mode}>(
                  segments: const [
                    ButtonSegment(
                      value: ${n.mode}.countdown,
                      label: Text(${dartString(t.countdown)}),
                      icon: Icon(Icons.hourglass_bottom),
                    ),
                    ButtonSegment(
                      value: ${n.mode}.stopwatch,
                      label: Text(${dartString(t.stopwatch)}),
                      icon: Icon(Icons.timer_outlined),
                    ),
                  ],
                  selected: {timer.mode},
                  onSelectionChanged: (selection) => timer.selectMode(selection.first),
                ),
              ),
              const SizedBox(height: 16),`
    : '';
  const presetChips = modes.countdown
    ? shownIn(
        both,
        `timer.mode == ${n.mode}.countdown`,
        `
              Wrap(
                alignment: WrapAlignment.center,
                spacing: 8,
                runSpacing: 8,
                children: [
                  for (final preset in ${n.screen}.presets)
                    ChoiceChip(
                      label: Text(preset.label),
                      selected: timer.duration == preset.duration,
                      onSelected: timer.isRunning
                          ? null
                          : (_) => timer.selectDuration(preset.duration),
                    ),
                ],
              ),`,
      )
    : '';
  const lapButton = modes.stopwatch
    ? shownIn(
        both,
        `timer.mode == ${n.mode}.stopwatch`,
        `
                  OutlinedButton.icon(
                    onPressed: timer.isRunning ? timer.lap : null,
                    icon: const Icon(Icons.flag_outlined),
                    label: const Text(${dartString(t.lap)}),
                  ),`,
      )
    : '';
  const lapList = modes.stopwatch
    ? `
              if (${both ? `timer.mode == ${n.mode}.stopwatch && ` : ''}timer.laps.isNotEmpty) ...[
                const SizedBox(height: 24),
                for (final (index, lap) in timer.laps.indexed.toList().reversed)
                  ListTile(
                    dense: true,
                    leading: const Icon(Icons.flag_outlined),
                    title: Text(${dartText(t.lapN, { n: 'index + 1' })}),
                    trailing: Text(_clockText(lap), style: const TextStyle(fontFeatures: _tabular)),
                  ),
              ],`
    : '';
  return `import 'package:flutter/material.dart';

${imports.join('\n')}

class ${n.screen} extends StatefulWidget {
  const ${n.screen}({
    super.key,
    this.tick = const Duration(seconds: 1),${sessionParam}
  });

  static const String title = ${dartString(ctx.feature.names.label)};
  static const String routeName = '${ctx.feature.route}';${finish.presets}

  /// How often the screen repaints while the clock runs.
  final Duration tick;${sessionField}

  @override
  State<${n.screen}> createState() => _${n.screen}State();
}

class _${n.screen}State extends State<${n.screen}> {
  late final ${n.controller} _timer;

  @override
  void initState() {
    super.initState();
    _timer = ${n.controller}(
      ${finish.create}${onFinished}
    );
  }

  @override
  void dispose() {
    _timer.dispose();
    super.dispose();
  }${recordSession}

  String _status(${n.controller} timer) {${finish.status}
    if (timer.isRunning) return ${dartString(t.running)};
    return timer.hasStarted ? ${dartString(t.paused)} : ${dartString(t.ready)};
  }

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    return Scaffold(
      appBar: AppBar(title: const Text(${n.screen}.title)),
      body: ListenableBuilder(
        listenable: _timer,
        builder: (context, _) {
          final timer = _timer;
          return ListView(
            padding: const EdgeInsets.all(24),
            children: [${modeSwitch}${presetChips}
              const SizedBox(height: 32),
              Center(
                child: SizedBox.square(
                  dimension: 260,
                  child: Stack(
                    alignment: Alignment.center,
                    children: [
                      SizedBox.expand(
                        child: CircularProgressIndicator(
                          value: timer.dial,
                          strokeWidth: 8,
                          backgroundColor: theme.colorScheme.surfaceContainerHighest,
                        ),
                      ),
                      Column(
                        mainAxisSize: MainAxisSize.min,
                        children: [
                          Text(
                            _clockText(timer.display),
                            style: theme.textTheme.displayMedium?.copyWith(
                              fontFeatures: _tabular,
                            ),
                          ),
                          const SizedBox(height: 4),
                          Text(
                            _status(timer),
                            style: theme.textTheme.titleMedium?.copyWith(
                              color: ${finish.statusColor},
                            ),
                          ),
                        ],
                      ),
                    ],
                  ),
                ),
              ),
              const SizedBox(height: 32),
              Wrap(
                alignment: WrapAlignment.center,
                spacing: 12,
                runSpacing: 12,
                children: [
                  OutlinedButton.icon(
                    onPressed: timer.hasStarted ? timer.reset : null,
                    icon: const Icon(Icons.restart_alt),
                    label: const Text(${dartString(t.reset)}),
                  ),
                  if (timer.isRunning)
                    FilledButton.icon(
                      onPressed: timer.pause,
                      icon: const Icon(Icons.pause),
                      label: const Text(${dartString(t.pause)}),
                    )
                  else
                    FilledButton.icon(
                      onPressed: ${finish.startPressed},
                      icon: const Icon(Icons.play_arrow),
                      label: Text(${finish.startLabel}),
                    ),${lapButton}
                ],
              ),${lapList}
            ],
          );
        },
      ),
    );
  }
}

const List<FontFeature> _tabular = [FontFeature.tabularFigures()];

String _clockText(Duration value) {
  final hours = value.inHours;
  final minutes = value.inMinutes.remainder(60).toString().padLeft(2, '0');
  final seconds = value.inSeconds.remainder(60).toString().padLeft(2, '0');
  return hours > 0 ? '$hours:$minutes:$seconds' : '$minutes:$seconds';
}
`;
}

function testDart(ctx: FeatureContext, n: TimerNames, modes: TimerModes, presets: TimerPreset[]): string {
  const t = uiText(ctx.plan);
  const pkg = ctx.plan.packageName;
  const session = practiceSessionEntity(ctx);
  const both = modes.countdown && modes.stopwatch;
  const plain = `const MaterialApp(home: ${n.screen}())`;
  const tests: string[] = [];
  if (modes.countdown) {
    const first = presets[0].minutes * 60;
    const shortest = presets.reduce((a, b) => (b.minutes < a.minutes ? b : a));
    tests.push(`  testWidgets('starts, pauses and resets the countdown', (tester) async {
    await tester.pumpWidget(${plain});
    expect(find.text('${clockText(first)}'), findsOneWidget);
    expect(find.text(${dartString(t.ready)}), findsOneWidget);

    await tester.tap(find.text(${dartString(t.start)}));
    await tester.pump(const Duration(seconds: 3));
    expect(find.text('${clockText(first - 3)}'), findsOneWidget);

    await tester.tap(find.text(${dartString(t.pause)}));
    await tester.pump(const Duration(seconds: 2));
    expect(find.text('${clockText(first - 3)}'), findsOneWidget);
    expect(find.text(${dartString(t.paused)}), findsOneWidget);

    await tester.tap(find.text(${dartString(t.reset)}));
    await tester.pump();
    expect(find.text('${clockText(first)}'), findsOneWidget);
  });`);
    const pumpApp = session
      ? `final sessions = InMemory${session.className}Repository();
    await tester.pumpWidget(MaterialApp(home: ${n.screen}(sessions: sessions)));`
      : `await tester.pumpWidget(${plain});`;
    const sessionCheck = session
      ? `
    final recorded = await sessions.fetchAll();
    expect(recorded, hasLength(1));
    expect(recorded.single.${practiceMinutesField(session)}, ${shortest.minutes});`
      : '';
    tests.push(`  testWidgets('counts down to zero and stops', (tester) async {
    ${pumpApp}
    await tester.tap(find.text(${dartString(shortest.label)}));
    await tester.pump();
    expect(find.text('${clockText(shortest.minutes * 60)}'), findsOneWidget);

    await tester.tap(find.text(${dartString(t.start)}));
    await tester.pump(const Duration(minutes: ${shortest.minutes}, seconds: 2));
    await tester.pump();

    expect(find.text('00:00'), findsOneWidget);
    expect(find.text(${dartString(t.timesUp)}), findsOneWidget);

    await tester.tap(find.text(${dartString(t.start)}));
    await tester.pump(const Duration(seconds: 2));
    expect(find.text('00:00'), findsOneWidget);${sessionCheck}
  });`);
  }
  if (modes.stopwatch) {
    const select = both
      ? `
    await tester.tap(
      find.descendant(of: find.byType(SegmentedButton<${n.mode}>), matching: find.text(${dartString(t.stopwatch)})),
    );
    await tester.pump();`
      : '';
    tests.push(`  testWidgets('runs the stopwatch with laps, pauses and resets it', (tester) async {
    await tester.pumpWidget(${plain});${select}
    expect(find.text('00:00'), findsOneWidget);

    await tester.tap(find.text(${dartString(t.start)}));
    await tester.pump(const Duration(seconds: 3));
    expect(find.text('00:03'), findsOneWidget);

    await tester.tap(find.text(${dartString(t.lap)}));
    await tester.pump();
    expect(find.text(${dartString(fill(t.lapN, { n: 1 }))}), findsOneWidget);

    await tester.tap(find.text(${dartString(t.pause)}));
    await tester.pump(const Duration(seconds: 2));
    expect(find.text('00:03'), findsNWidgets(2));

    await tester.tap(find.text(${dartString(t.reset)}));
    await tester.pump();
    expect(find.text('00:00'), findsOneWidget);
    expect(find.text(${dartString(fill(t.lapN, { n: 1 }))}), findsNothing);
  });`);
  }
  tests.push(backgroundTest(n, modes));
  const imports = [
    'package:clock/clock.dart',
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, controllerPath(ctx.feature)),
    packageUri(pkg, ctx.feature.paths.screen),
  ].sort();
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}${session ? `\n\nimport '../support/${FAKE_REPOSITORIES_PATH.slice('test/support/'.length)}';` : ''}

void main() {
${tests.join('\n\n')}
}
`;
}

/**
 * The clock moves on while no tick runs (the app in the background): the
 * controller still shows the right time. A countdown of 25 minutes shows
 * 14:30 left after 10:30; a stopwatch shows 10:30.
 */
function backgroundTest(n: TimerNames, modes: TimerModes): string {
  const create = modes.countdown ? `${n.controller}(duration: const Duration(minutes: 25))` : `${n.controller}()`;
  const expected = modes.countdown ? 'Duration(minutes: 14, seconds: 30)' : 'Duration(minutes: 10, seconds: 30)';
  return `  test('keeps the right time while the app is in the background', () {
    var now = DateTime(2030, 1, 1, 9);
    withClock(Clock(() => now), () {
      final timer = ${create};
      timer.start();
      // In the background no tick runs, but the clock moves on.
      now = now.add(const Duration(minutes: 10, seconds: 30));
      expect(timer.display, const ${expected});
      timer.dispose();
    });
  });`;
}

function practiceMinutesField(entity: EntityPlan): string {
  const field = entity.fields.find(
    (candidate) => candidate.required && candidate.type === 'int' && /minute/i.test(candidate.name),
  );
  if (!field) throw new Error(`entity ${entity.className} has no minutes field`);
  return field.name;
}

function files(ctx: FeatureContext): GeneratedFile[] {
  const n = names(ctx.feature);
  const modes = timerModes(ctx);
  const presets = timerPresets(ctx);
  return [
    { path: controllerPath(ctx.feature), content: timerControllerDart(n, modes) },
    { path: ctx.feature.paths.screen, content: screenDart(ctx, n, modes, presets) },
    { path: ctx.feature.paths.test, content: testDart(ctx, n, modes, presets) },
  ];
}

function describeModes(modes: TimerModes): string {
  if (modes.countdown && modes.stopwatch) return 'a countdown with preset lengths and a stopwatch with laps';
  return modes.stopwatch ? 'a stopwatch with laps' : 'a countdown with preset lengths';
}

export const timerArchetype: ArchetypeTemplate = {
  id: 'timer',
  // clock: the wall clock the controller reads, which widget tests fake.
  dependencies: () => packages('clock'),
  files,
  screenBuilder(ctx) {
    const n = names(ctx.feature);
    const session = practiceSessionEntity(ctx);
    return session ? `${n.screen}(sessions: services.${session.collection})` : `const ${n.screen}()`;
  },
  summary(ctx) {
    const session = practiceSessionEntity(ctx);
    return `${singleLine(ctx.feature.names.label)}: ${describeModes(timerModes(ctx))}, with start, pause and reset${
      session ? `; finished countdowns are saved as ${session.pluralLabel.toLowerCase()}` : ''
    }.`;
  },
};
