/**
 * The timer feature's controller: a countdown, a stopwatch, or both with a
 * mode switch. Only what the screen's modes use is written (no laps without a
 * stopwatch, no presets without a countdown), so the app carries no dead code.
 *
 * Time is read from the wall clock (package:clock's `clock.now()`), not counted
 * in timer ticks: `Timer.periodic` stops firing while the app is in the
 * background, and a run that remembers when it started shows the right time
 * again on the first tick after the app comes back. Widget tests drive the
 * same clock with fake time (`tester.pump`).
 */
export interface TimerControllerNames {
  controller: string;
  mode: string;
  preset: string;
}

export interface TimerControllerModes {
  countdown: boolean;
  stopwatch: boolean;
}

/** `text` when `on`, else nothing: one optional member of the class. */
function when(on: boolean, text: string): string {
  return on ? text : '';
}

/** With both modes the clock starts as a countdown; the screen's segmented button switches. */
function constructorDart(n: TimerControllerNames, countdown: boolean): string {
  if (!countdown) return `  ${n.controller}({this.tick = const Duration(seconds: 1)});`;
  return `  ${n.controller}({
    required Duration duration,
    this.tick = const Duration(seconds: 1),
    this.onFinished,
  }) : _duration = duration;`;
}

/** The big clock: time left (rounded up to the second) and/or time elapsed. */
function displayDart(n: TimerControllerNames, countdown: boolean, stopwatch: boolean): string {
  const left = 'Duration(seconds: (remaining.inMilliseconds / 1000).ceil())';
  if (!stopwatch) {
    return `  /// What the big clock shows: the time left, rounded up to the second.
  Duration get display =>
      ${left};`;
  }
  if (!countdown) {
    return `  /// What the big clock shows: the time elapsed.
  Duration get display => elapsed;`;
  }
  return `  /// What the big clock shows: time left (rounded up to the second) or time elapsed.
  Duration get display {
    if (_mode == ${n.mode}.stopwatch) return elapsed;
    return ${left};
  }`;
}

/** The ring around the clock: 1 down to 0 for a countdown, a seconds hand for a stopwatch. */
function dialDart(n: TimerControllerNames, countdown: boolean, stopwatch: boolean): string {
  const hand = '(elapsed.inMilliseconds % 60000) / 60000';
  const left = `if (_duration <= Duration.zero) return 0;
    return remaining.inMilliseconds / _duration.inMilliseconds;`;
  if (!stopwatch) {
    return `  /// The ring: from 1 down to 0 as the countdown runs.
  double get dial {
    ${left}
  }`;
  }
  if (!countdown) {
    return `  /// The ring: a seconds hand that goes round once a minute.
  double get dial => ${hand};`;
  }
  return `  /// The ring: from 1 down to 0 as a countdown runs; the seconds hand of a stopwatch.
  double get dial {
    if (_mode == ${n.mode}.stopwatch) {
      return ${hand};
    }
    ${left}
  }`;
}

function tickDart(countdown: boolean): string {
  if (!countdown) return '';
  return `

  void _onTick() {
    if (isFinished) {
      _stop();
      notifyListeners();
      onFinished?.call(_duration);
      return;
    }
    notifyListeners();
  }`;
}

export function timerControllerDart(n: TimerControllerNames, modes: TimerControllerModes): string {
  const { countdown, stopwatch } = modes;
  const both = countdown && stopwatch;
  const kind = both ? 'A countdown or stopwatch' : countdown ? 'A countdown' : 'A stopwatch';
  const onTick = countdown ? '(_) => _onTick()' : '(_) => notifyListeners()';
  const preset = `/// A countdown length the user can pick with one tap.
class ${n.preset} {
  const ${n.preset}(this.label, this.duration);

  final String label;
  final Duration duration;
}`;
  const header = [
    "import 'dart:async';",
    "import 'package:clock/clock.dart';\nimport 'package:flutter/foundation.dart';",
    ...(both ? [`enum ${n.mode} { countdown, stopwatch }`] : []),
    ...(countdown ? [preset] : []),
  ].join('\n\n');
  return `${header}

/// ${kind}, measured against the wall clock.
///
/// A run remembers when it started, so the time is right again as soon as the
/// app comes back from the background, where [Timer.periodic] does not fire.
/// The timer only repaints.
class ${n.controller} extends ChangeNotifier {
${constructorDart(n, countdown)}

  /// How often the screen repaints while the clock runs.
  final Duration tick;
${when(
  countdown,
  `
  /// Called once when the countdown reaches zero, with its length.
  final void Function(Duration length)? onFinished;

  Duration _duration;`,
)}${when(both, `\n  ${n.mode} _mode = ${n.mode}.countdown;`)}
  Timer? _timer;

  /// When the current run started; null while paused or reset.
  DateTime? _startedAt;

  /// Time counted by the runs before the current one.
  Duration _banked = Duration.zero;${when(
    stopwatch,
    `
  final List<Duration> _laps = [];
  Duration _lastLapAt = Duration.zero;`,
  )}
${when(both, `\n  ${n.mode} get mode => _mode;`)}${when(countdown, `\n  Duration get duration => _duration;`)}
  Duration get elapsed {
    final startedAt = _startedAt;
    if (startedAt == null) return _banked;
    return _banked + clock.now().difference(startedAt);
  }

  bool get isRunning => _startedAt != null;
  bool get hasStarted => isRunning || _banked > Duration.zero;${when(
    countdown,
    `
  bool get isFinished => ${both ? `_mode == ${n.mode}.countdown && ` : ''}elapsed >= _duration;
  Duration get remaining => isFinished ? Duration.zero : _duration - elapsed;`,
  )}${when(stopwatch, `\n  List<Duration> get laps => List.unmodifiable(_laps);`)}

${displayDart(n, countdown, stopwatch)}

${dialDart(n, countdown, stopwatch)}

  void start() {
    if (isRunning${countdown ? ' || isFinished' : ''}) return;
    _startedAt = clock.now();
    _timer = Timer.periodic(tick, ${onTick});
    notifyListeners();
  }

  void pause() {
    if (!isRunning) return;
    _stop();
    notifyListeners();
  }

  void reset() {
    _stop();
    _banked = Duration.zero;${when(stopwatch, `\n    _laps.clear();\n    _lastLapAt = Duration.zero;`)}
    notifyListeners();
  }${when(
    stopwatch,
    `

  /// Records the time since the previous lap.
  void lap() {
    if (!isRunning) return;
    final now = elapsed;
    _laps.add(now - _lastLapAt);
    _lastLapAt = now;
    notifyListeners();
  }`,
  )}${when(
    countdown,
    `

  void selectDuration(Duration value) {
    if (isRunning) return;
    _duration = value;
    reset();
  }`,
  )}${when(
    both,
    `

  void selectMode(${n.mode} value) {
    if (value == _mode) return;
    _mode = value;
    reset();
  }`,
  )}${tickDart(countdown)}

  /// Stops the run and banks its time.
  void _stop() {
    _timer?.cancel();
    _timer = null;
    _banked = elapsed;
    _startedAt = null;
  }

  @override
  void dispose() {
    _timer?.cancel();
    _timer = null;
    super.dispose();
  }
}
`;
}
