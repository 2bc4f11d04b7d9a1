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
  ALL_BACKENDS,
  ctxFor,
  expectSoundFeature,
  fileAt,
  hostile,
  specWith,
} from './notifications-timer-chat-checkout.spec-helpers';

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
  for (const backend of ALL_BACKENDS) {
    for (const label of LABELS) {
      it(`writes a sound feature for ${JSON.stringify(label)} on ${backend}`, async () => {
        const ctx = ctxFor(specWith([label, 'Notes'], { backend }), 'timer');
        await expectSoundFeature(template, ctx);
      });
    }
  }

  it('decides countdown or stopwatch from the words', () => {
    expect(timerModes(ctxFor(specWith(['Timer']), 'timer'))).toEqual({ countdown: true, stopwatch: false });
    expect(timerModes(ctxFor(specWith(['Countdown']), 'timer'))).toEqual({ countdown: true, stopwatch: false });
    expect(timerModes(ctxFor(specWith(['Stopwatch']), 'timer'))).toEqual({ countdown: false, stopwatch: true });
    expect(timerModes(ctxFor(specWith(['Cronómetro']), 'timer'))).toEqual({ countdown: false, stopwatch: true });
    expect(timerModes(ctxFor(specWith(['Stoppuhr']), 'timer'))).toEqual({ countdown: false, stopwatch: true });
    expect(timerModes(ctxFor(specWith(['Pomodoro timer', 'Stopwatch']), 'timer'))).toEqual({
      countdown: true,
      stopwatch: true,
    });
    expect(timerModes(ctxFor(specWith(['Countdown and stopwatch']), 'timer'))).toEqual({
      countdown: true,
      stopwatch: true,
    });
    const mined = ctxFor(specWith([], { description: 'A stopwatch for runners' }), 'timer');
    expect(mined.feature.origin).toBe('description');
    expect(timerModes(mined)).toEqual({ countdown: false, stopwatch: true });
  });

  it('offers pomodoro, meditation and plain presets', () => {
    expect(timerPresets(ctxFor(specWith(['Pomodoro']), 'timer')).map((p) => p.minutes)).toEqual([25, 5]);
    expect(timerPresets(ctxFor(specWith(['Meditation timer']), 'timer')).map((p) => p.minutes)).toEqual([5, 10, 20]);
    expect(timerPresets(ctxFor(specWith(['Timer']), 'timer')).map((p) => p.minutes)).toEqual([5, 15, 25]);
  });

  it('runs Timer.periodic in a ChangeNotifier that cancels it on dispose', () => {
    const ctx = ctxFor(specWith(['Pomodoro']), 'timer');
    const files = template.files(ctx);
    const controller = fileAt(files, `${ctx.feature.paths.dir}/pomodoro_controller.dart`);
    expect(controller).toContain("import 'dart:async';");
    expect(controller).toContain(`class ${ctx.feature.classes.controller} extends ChangeNotifier`);
    expect(controller).toContain('Timer.periodic(tick, _onTick)');
    expect(controller).toContain('this.tick = const Duration(seconds: 1)');
    expect(controller).toMatch(/void dispose\(\) \{\s+_timer\?\.cancel\(\);/);
    const screen = fileAt(files, ctx.feature.paths.screen);
    expect(screen).toContain("PomodoroPreset('Focus · 25 min', Duration(minutes: 25))");
    expect(screen).toContain('ChoiceChip(');
    expect(screen).toContain('_timer.dispose();');
    expect(screen).not.toContain('SegmentedButton');
    expect(template.screenBuilder(ctx)).toBe('const PomodoroScreen()');
    expect(template.dependencies(ctx)).toEqual({});
  });

  it('tests start, 3 seconds of fake time, pause and reset', () => {
    const ctx = ctxFor(specWith(['Timer']), 'timer');
    const test = fileAt(template.files(ctx), ctx.feature.paths.test);
    expect(test).toContain("await tester.tap(find.text('Start'));\n    await tester.pump(const Duration(seconds: 3));");
    expect(test).toContain(`expect(find.text('${clockText(297)}'), findsOneWidget);`);
    expect(test).toContain("await tester.tap(find.text('Pause'));");
    expect(test).toContain("await tester.tap(find.text('Reset'));");
    expect(test).toContain(`expect(find.text("Time's up!"), findsOneWidget);`);
    expect(clockText(297)).toBe('04:57');
    expect(clockText(3725)).toBe('1:02:05');
  });

  it('gives a stopwatch laps and a switch when both modes are asked for', async () => {
    const ctx = ctxFor(specWith(['Stopwatch', 'Countdown']), 'timer');
    await expectSoundFeature(template, ctx);
    const files = template.files(ctx);
    const screen = fileAt(files, ctx.feature.paths.screen);
    expect(screen).toContain('SegmentedButton<StopwatchMode>');
    expect(screen).toContain("label: const Text('Lap')");
    const test = fileAt(files, ctx.feature.paths.test);
    expect(test).toContain('find.byType(SegmentedButton<StopwatchMode>)');
    expect(test).toContain("expect(find.text('00:03'), findsOneWidget);");
    expect(test).toContain("expect(find.text('Lap 1'), findsOneWidget);");
  });

  it('records finished countdowns when the app has practice sessions', async () => {
    const ctx = ctxFor(specWith(['Temporizador', 'Sesiones de meditación'], { backend: 'firebase' }), 'timer');
    const session = practiceSessionEntity(ctx);
    expect(session?.className).toBe('PracticeSession');
    await expectSoundFeature(template, ctx);
    const files = template.files(ctx);
    const screen = fileAt(files, ctx.feature.paths.screen);
    expect(screen).toContain('final PracticeSessionRepository? sessions;');
    expect(screen).toContain('await sessions.save(');
    expect(screen).toContain('minutes: length.inMinutes,');
    expect(template.screenBuilder(ctx)).toBe(`${ctx.feature.classes.screen}(sessions: services.practiceSessions)`);
    const test = fileAt(files, ctx.feature.paths.test);
    expect(test).toContain('InMemoryPracticeSessionRepository()');
    expect(test).toContain('expect(recorded.single.minutes, 5);');

    const stopwatchOnly = ctxFor(specWith(['Cronómetro', 'Sesiones de meditación']), 'timer');
    expect(practiceSessionEntity(stopwatchOnly)).toBeUndefined();
    expect(fileAt(template.files(stopwatchOnly), stopwatchOnly.feature.paths.screen)).not.toContain('sessions');
  });

  it('escapes the label', () => {
    const label = hostile('timer');
    const ctx = ctxFor(specWith([label]), 'timer');
    expect(fileAt(template.files(ctx), ctx.feature.paths.screen)).toContain(
      `static const String title = ${dartString(label)};`,
    );
    for (const file of template.files(ctx)) expect(file.content).not.toContain(label);
  });
});
