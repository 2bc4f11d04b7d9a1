import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import {
  clockText,
  practiceSessionEntity,
  timerArchetype as template,
  timerModes,
  timerPresets,
} from './timer.archetype';
import {
  BACKENDS,
  contextFor,
  expectSoundFeature,
  fileContent,
  hostile,
  appSpec,
} from './testing/archetype-spec-helpers';

const LABELS = [
  'Timer',
  'Pomodoro',
  'Stopwatch',
  hostile('timer'),
  'Cronómetro',
  'Temporizador',
  'Đếm ngược',
  'タイマー',
  '计时器',
];

describe('timerArchetype', () => {
  for (const backend of BACKENDS) {
    for (const label of LABELS) {
      it(`writes a sound feature for ${JSON.stringify(label)} on ${backend}`, async () => {
        const ctx = contextFor(appSpec([label, 'Notes'], { backend }), 'timer');
        await expectSoundFeature(template, ctx);
      });
    }
  }

  it('decides countdown or stopwatch from the words', () => {
    expect(timerModes(contextFor(appSpec(['Timer']), 'timer'))).toEqual({ countdown: true, stopwatch: false });
    expect(timerModes(contextFor(appSpec(['Countdown']), 'timer'))).toEqual({ countdown: true, stopwatch: false });
    expect(timerModes(contextFor(appSpec(['Stopwatch']), 'timer'))).toEqual({ countdown: false, stopwatch: true });
    expect(timerModes(contextFor(appSpec(['Cronómetro']), 'timer'))).toEqual({ countdown: false, stopwatch: true });
    expect(timerModes(contextFor(appSpec(['Stoppuhr']), 'timer'))).toEqual({ countdown: false, stopwatch: true });
    expect(timerModes(contextFor(appSpec(['Pomodoro timer', 'Stopwatch']), 'timer'))).toEqual({
      countdown: true,
      stopwatch: true,
    });
    expect(timerModes(contextFor(appSpec(['Countdown and stopwatch']), 'timer'))).toEqual({
      countdown: true,
      stopwatch: true,
    });
    const mined = contextFor(appSpec([], { description: 'A stopwatch for runners' }), 'timer');
    expect(mined.feature.origin).toBe('description');
    expect(timerModes(mined)).toEqual({ countdown: false, stopwatch: true });
  });

  it('offers pomodoro, meditation and plain presets', () => {
    expect(timerPresets(contextFor(appSpec(['Pomodoro']), 'timer')).map((p) => p.minutes)).toEqual([25, 5]);
    expect(timerPresets(contextFor(appSpec(['Meditation timer']), 'timer')).map((p) => p.minutes)).toEqual([5, 10, 20]);
    expect(timerPresets(contextFor(appSpec(['Timer']), 'timer')).map((p) => p.minutes)).toEqual([5, 15, 25]);
  });

  it('measures time against the wall clock, so a countdown is right after the app was in the background', () => {
    const ctx = contextFor(appSpec(['Pomodoro']), 'timer');
    const files = template.files(ctx);
    const controller = fileContent(files, `${ctx.feature.paths.dir}/pomodoro_controller.dart`);
    expect(controller).toContain("import 'package:clock/clock.dart';");
    expect(controller).toContain(`class ${ctx.feature.classes.controller} extends ChangeNotifier`);
    expect(controller).toContain('_startedAt = clock.now();');
    expect(controller).toContain('return _banked + clock.now().difference(startedAt);');
    // Ticks only repaint: no time is counted in them.
    expect(controller).toContain('Timer.periodic(tick, (_) => _onTick())');
    expect(controller).not.toContain('timer.tick');
    expect(controller).toMatch(/void dispose\(\) \{\s+_timer\?\.cancel\(\);/);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain("PomodoroPreset('Focus · 25 min', Duration(minutes: 25))");
    expect(screen).toContain('ChoiceChip(');
    expect(screen).toContain('_timer.dispose();');
    expect(screen).not.toContain('SegmentedButton');
    expect(template.screenBuilder(ctx)).toBe('const PomodoroScreen()');
    expect(template.dependencies(ctx)).toEqual({ clock: '^1.1.1' });
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain("test('keeps the right time while the app is in the background'");
    expect(test).toContain('withClock(Clock(() => now), () {');
    expect(test).toContain('expect(timer.display, const Duration(minutes: 14, seconds: 30));');
  });

  it('writes only the mode the screen offers: no stopwatch code in a countdown, no presets in a stopwatch', () => {
    const countdown = contextFor(appSpec(['Timer']), 'timer');
    const countdownFiles = template.files(countdown);
    const countdownCode = countdownFiles
      .filter((file) => file.path.startsWith('lib/'))
      .map((file) => file.content)
      .join('\n');
    for (const unused of ['TimerMode', 'stopwatch', 'lap(', '_laps', 'selectMode']) {
      expect(countdownCode).not.toContain(unused);
    }
    expect(countdownCode).toContain('selectDuration');

    const stopwatch = contextFor(appSpec(['Stopwatch']), 'timer');
    const stopwatchCode = template
      .files(stopwatch)
      .filter((file) => file.path.startsWith('lib/'))
      .map((file) => file.content)
      .join('\n');
    for (const unused of [
      'StopwatchMode',
      'StopwatchPreset',
      'presets',
      'isFinished',
      'onFinished',
      'selectDuration',
    ]) {
      expect(stopwatchCode).not.toContain(unused);
    }
    expect(stopwatchCode).toContain('void lap()');
    const stopwatchTest = fileContent(template.files(stopwatch), stopwatch.feature.paths.test);
    expect(stopwatchTest).toContain('expect(timer.display, const Duration(minutes: 10, seconds: 30));');
  });

  it('tests start, 3 seconds of fake time, pause and reset', () => {
    const ctx = contextFor(appSpec(['Timer']), 'timer');
    const test = fileContent(template.files(ctx), ctx.feature.paths.test);
    expect(test).toContain("await tester.tap(find.text('Start'));\n    await tester.pump(const Duration(seconds: 3));");
    expect(test).toContain(`expect(find.text('${clockText(297)}'), findsOneWidget);`);
    expect(test).toContain("await tester.tap(find.text('Pause'));");
    expect(test).toContain("await tester.tap(find.text('Reset'));");
    expect(test).toContain(`expect(find.text('Time\\'s up!'), findsOneWidget);`);
    expect(clockText(297)).toBe('04:57');
    expect(clockText(3725)).toBe('1:02:05');
  });

  it('gives a stopwatch laps and a switch when both modes are asked for', async () => {
    const ctx = contextFor(appSpec(['Stopwatch', 'Countdown']), 'timer');
    await expectSoundFeature(template, ctx);
    const files = template.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('SegmentedButton<StopwatchMode>');
    expect(screen).toContain("label: const Text('Lap')");
    expect(screen).toContain('if (timer.mode == StopwatchMode.countdown)\n                Wrap(');
    const controller = fileContent(files, `${ctx.feature.paths.dir}/stopwatch_controller.dart`);
    expect(controller).toContain('void selectMode(StopwatchMode value)');
    expect(controller).toContain('bool get isFinished => _mode == StopwatchMode.countdown && elapsed >= _duration;');
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain('find.byType(SegmentedButton<StopwatchMode>)');
    expect(test).toContain("expect(find.text('00:03'), findsOneWidget);");
    expect(test).toContain("expect(find.text('Lap 1'), findsOneWidget);");
  });

  it('records finished countdowns when the app has practice sessions', async () => {
    const ctx = contextFor(appSpec(['Temporizador', 'Sesiones de meditación'], { backend: 'firebase' }), 'timer');
    const session = practiceSessionEntity(ctx);
    expect(session?.className).toBe('PracticeSession');
    await expectSoundFeature(template, ctx);
    const files = template.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('final PracticeSessionRepository? sessions;');
    expect(screen).toContain('await sessions.save(');
    expect(screen).toContain('minutes: length.inMinutes,');
    expect(template.screenBuilder(ctx)).toBe(`${ctx.feature.classes.screen}(sessions: services.practiceSessions)`);
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain('InMemoryPracticeSessionRepository()');
    expect(test).toContain('expect(recorded.single.minutes, 5);');

    const stopwatchOnly = contextFor(appSpec(['Cronómetro', 'Sesiones de meditación']), 'timer');
    expect(practiceSessionEntity(stopwatchOnly)).toBeUndefined();
    expect(fileContent(template.files(stopwatchOnly), stopwatchOnly.feature.paths.screen)).not.toContain('sessions');
  });

  it('escapes the label', () => {
    const label = hostile('timer');
    const ctx = contextFor(appSpec([label]), 'timer');
    expect(fileContent(template.files(ctx), ctx.feature.paths.screen)).toContain(
      `static const String title = ${dartString(label)};`,
    );
    for (const file of template.files(ctx)) expect(file.content).not.toContain(label);
  });
});
