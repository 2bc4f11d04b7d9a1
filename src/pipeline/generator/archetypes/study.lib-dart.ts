/**
 * The Dart of a study feature: the SM-2 scheduler in pure Dart
 * (`<id>_scheduler.dart`), the session controller that picks the due cards of
 * a deck and saves each graded card through the card repository
 * (`<id>_controller.dart`), and the screen showing one card at a time.
 */
import { dartString } from '../dart-string';
import { FORMATTERS_PATH } from '../data/entity-dart';
import type { EntityField, EntityPlan } from '../plan/app-plan';
import { dartText, uiText } from '../ui-text';
import { studyText } from '../ui-text-study';
import type { FeatureContext } from './archetype';
import { dartImports, fileNameOf, fromFeatureDir } from './feature-dart.shared';

/** The flashcard entity, its decks and where the feature's files go. */
export interface StudyFeature {
  card: EntityPlan;
  /** The decks the cards belong to, when the app keeps a list of them. */
  deck?: EntityPlan;
  /** The card's fields the study screen reads and writes. */
  fields: {
    front: EntityField;
    back: EntityField;
    /** The card's deck (`deckId`), when there are decks. */
    deckId?: EntityField;
    due: EntityField;
    intervalDays: EntityField;
    ease: EntityField;
    repetitions: EntityField;
  };
  schedulerPath: string;
  controllerPath: string;
  /** The scheduler's unit tests. */
  schedulerTestPath: string;
}

/** `lib/features/<id>/<id>_scheduler.dart`: the review schedule and the SM-2 step, no Flutter. */
export function schedulerDart(ctx: FeatureContext): string {
  const P = ctx.feature.classes.prefix;
  return `import 'dart:math' as math;

import 'package:clock/clock.dart';

/// How well a card was recalled, worst to best.
enum ${P}Grade { again, hard, good, easy }

/// Today (midnight, local time) by \`clock\`, which tests can fix.
DateTime studyToday() {
  final now = clock.now();
  return DateTime(now.year, now.month, now.day);
}

/// When a card is due and what its next interval grows from: SM-2, the
/// algorithm of SuperMemo 2, with the four answer buttons Anki made common.
class ${P}Schedule {
  const ${P}Schedule({
    this.due,
    this.intervalDays = 0,
    this.ease = startingEase,
    this.repetitions = 0,
  });

  /// The ease factor of a new card: each good review multiplies the interval
  /// by it.
  static const double startingEase = 2.5;

  /// Below this the intervals would barely grow, and a hard card would come
  /// back almost daily forever.
  static const double minimumEase = 1.3;

  /// The day the card is due; null for a card never studied, due at once.
  final DateTime? due;

  /// Days from the last review to [due].
  final int intervalDays;

  final double ease;

  /// Reviews in a row that were not "again".
  final int repetitions;

  /// Whether the card is due on [today] (a local midnight) or earlier.
  bool isDueOn(DateTime today) => due == null || !due!.isAfter(today);

  /// The schedule after a review on [today] graded [grade].
  ///
  /// Again: learned from the start, due today (the session shows it once
  /// more) and a little harder from now on. Otherwise the interval grows:
  /// 1 day after the first review (4 when easy), 6 after the second (3 when
  /// hard, 8 when easy), then the last interval times the ease (hard: 1.2
  /// times, easy: 1.3 times more), and at least one day more than before.
  /// Hard lowers the ease by 0.15, easy raises it by 0.15.
  ${P}Schedule next(${P}Grade grade, DateTime today) {
    final nextEase = math.max(
      minimumEase,
      switch (grade) {
        ${P}Grade.again => ease - 0.2,
        ${P}Grade.hard => ease - 0.15,
        ${P}Grade.good => ease,
        ${P}Grade.easy => ease + 0.15,
      },
    );
    if (grade == ${P}Grade.again) {
      return ${P}Schedule(due: today, ease: nextEase);
    }
    final int grown;
    if (repetitions == 0) {
      grown = grade == ${P}Grade.easy ? 4 : 1;
    } else if (repetitions == 1) {
      grown = switch (grade) {
        ${P}Grade.hard => 3,
        ${P}Grade.easy => 8,
        _ => 6,
      };
    } else {
      final factor = switch (grade) {
        ${P}Grade.hard => 1.2,
        ${P}Grade.easy => nextEase * 1.3,
        _ => nextEase,
      };
      grown = (intervalDays * factor).round();
    }
    final interval = math.max(grown, intervalDays + 1);
    return ${P}Schedule(
      // By the calendar, so a daylight saving change never moves the day.
      due: DateTime(today.year, today.month, today.day + interval),
      intervalDays: interval,
      ease: nextEase,
      repetitions: repetitions + 1,
    );
  }
}
`;
}

/** The Dart expression of a card's field, e.g. `card.ease`. */
function field(name: EntityField, item = 'card'): string {
  return `${item}.${name.name}`;
}

/** `lib/features/<id>/<id>_controller.dart`: one study session of the chosen deck's due cards. */
export function controllerDart(ctx: FeatureContext, study: StudyFeature): string {
  const P = ctx.feature.classes.prefix;
  const { card, deck, fields } = study;
  const C = card.className;
  const imports = dartImports([
    'package:flutter/foundation.dart',
    fromFeatureDir(card.paths.model),
    fromFeatureDir(card.paths.repository),
    ...(deck ? [fromFeatureDir(deck.paths.model), fromFeatureDir(deck.paths.repository)] : []),
    fileNameOf(study.schedulerPath),
  ]);
  const deckParams = deck ? ['required this.deckRepository'] : [];
  // `decks` is the list the screen shows, so the repository is `deckRepository`.
  const deckFields = deck
    ? `
  final ${deck.className}Repository deckRepository;

  List<${deck.className}> _decks = const [];
  String? _deckId;
`
    : '';
  const deckApi =
    deck && fields.deckId
      ? `
  /// The decks to choose from.
  List<${deck.className}> get decks => _decks;

  /// The chosen deck's id; null: every deck.
  String? get deckId => _deckId;

  /// Studies the due cards of the deck [deckId] (null: of every deck).
  void chooseDeck(String? deckId) {
    _deckId = deckId;
    _startSession();
    _notify();
  }
`
      : '';
  const load = deck
    ? `      _cards = await cards.fetchAll();
      _decks = await deckRepository.fetchAll();`
    : '      _cards = await cards.fetchAll();';
  const inDeck =
    deck && fields.deckId
      ? `_deckId == null
      ? _cards
      : _cards.where((card) => ${field(fields.deckId)} == _deckId)`
      : '_cards';
  return `${imports}

/// One study session: the due cards of the chosen deck, shown one at a time.
/// A graded card gets its next schedule (SM-2) and is saved at once; a card
/// graded "again" comes back at the end of the session.
class ${P}Controller extends ChangeNotifier {
  ${constructor(`${P}Controller`, ['required this.cards', ...deckParams], '  ')}

  final ${C}Repository cards;
${deckFields}
  List<${C}> _cards = const [];
  final List<${C}> _queue = [];
  final Set<String> _reviewed = {};
  final Map<${P}Grade, int> _grades = {};
  bool _loading = true;
  bool _failed = false;
  bool _revealed = false;
  bool _saving = false;
  bool _disposed = false;

  bool get loading => _loading;

  /// Whether loading failed; the screen offers a retry.
  bool get failed => _failed;
${deckApi}
  /// Whether the chosen deck has any card at all.
  bool get hasCards => _inDeck.isNotEmpty;

  /// The card to answer now; null when none is due.
  ${C}? get current => _queue.isEmpty ? null : _queue.first;

  /// Whether the current card shows its back.
  bool get revealed => _revealed;

  /// Whether a review is being saved (the grade buttons wait).
  bool get saving => _saving;

  /// Cards reviewed in this session, and how many are still due in it.
  int get reviewedCount => _reviewed.length;
  int get leftCount => _queue.length;

  /// Whether this session reviewed cards and none is left.
  bool get finished => _queue.isEmpty && _reviewed.isNotEmpty;

  /// How often [grade] was given in this session.
  int countOf(${P}Grade grade) => _grades[grade] ?? 0;

  /// The first day after today a card of the chosen deck is due, if any.
  DateTime? get nextDue {
    final today = studyToday();
    final days = [
      for (final card in _inDeck)
        if (${field(fields.due)} case final due? when due.isAfter(today)) due,
    ]..sort();
    return days.isEmpty ? null : days.first;
  }

  Iterable<${C}> get _inDeck => ${inDeck};

  Future<void> load() async {
    _loading = true;
    _failed = false;
    _notify();
    try {
${load}
      _startSession();
    } catch (error, stackTrace) {
      debugPrint('Could not load the cards: $error\\n$stackTrace');
      _failed = true;
    }
    _loading = false;
    _notify();
  }

  /// Starts over with the chosen deck's due cards, the longest due first.
  void restart() {
    _startSession();
    _notify();
  }

  void reveal() {
    _revealed = true;
    _notify();
  }

  /// Grades the current card and saves its next schedule; false when the
  /// save failed (the card stays, to be graded again).
  Future<bool> grade(${P}Grade grade) async {
    final card = current;
    if (card == null || _saving) return true;
    final next = _scheduleOf(card).next(grade, studyToday());
    final graded = card.copyWith(
      ${fields.due.name}: next.due,
      ${fields.intervalDays.name}: next.intervalDays,
      ${fields.ease.name}: next.ease,
      ${fields.repetitions.name}: next.repetitions,
    );
    _saving = true;
    _notify();
    try {
      await cards.save(graded);
    } catch (error, stackTrace) {
      debugPrint('Could not save the review: $error\\n$stackTrace');
      _saving = false;
      _notify();
      return false;
    }
    _saving = false;
    _cards = [
      for (final other in _cards) other.id == graded.id ? graded : other,
    ];
    _queue.removeAt(0);
    if (grade == ${P}Grade.again) _queue.add(graded);
    _reviewed.add(graded.id);
    _grades[grade] = countOf(grade) + 1;
    _revealed = false;
    _notify();
    return true;
  }

  void _startSession() {
    final today = studyToday();
    // New cards (never due) after the ones waiting longest.
    final far = DateTime(9999);
    _queue
      ..clear()
      ..addAll(_inDeck.where((card) => _scheduleOf(card).isDueOn(today)))
      ..sort((a, b) => (${field(fields.due, 'a')} ?? far).compareTo(${field(fields.due, 'b')} ?? far));
    _reviewed.clear();
    _grades.clear();
    _revealed = false;
  }

  ${P}Schedule _scheduleOf(${C} card) => ${P}Schedule(
        due: ${field(fields.due)},
        intervalDays: ${field(fields.intervalDays)} ?? 0,
        ease: ${field(fields.ease)} ?? ${P}Schedule.startingEase,
        repetitions: ${field(fields.repetitions)} ?? 0,
      );

  void _notify() {
    if (!_disposed) notifyListeners();
  }

  @override
  void dispose() {
    _disposed = true;
    super.dispose();
  }
}
`;
}

/** `lib/features/<id>/<id>_screen.dart`: the deck choice, the card, its answer and the grades. */
export function screenDart(ctx: FeatureContext, study: StudyFeature): string {
  const t = uiText(ctx.plan);
  const s = studyText(ctx.plan);
  const { classes, names, route } = ctx.feature;
  const P = classes.prefix;
  const { card, deck, fields } = study;
  const C = card.className;
  const imports = dartImports([
    'package:flutter/material.dart',
    fromFeatureDir(FORMATTERS_PATH),
    fromFeatureDir(card.paths.repository),
    ...(deck ? [fromFeatureDir(deck.paths.repository)] : []),
    fileNameOf(study.controllerPath),
    fileNameOf(study.schedulerPath),
  ]);
  const params = ['super.key', 'required this.cards', ...(deck ? ['required this.decks'] : [])];
  const repositoryFields = deck
    ? `  final ${C}Repository cards;\n  final ${deck.className}Repository decks;`
    : `  final ${C}Repository cards;`;
  const create = deck
    ? `${P}Controller(\n    cards: widget.cards,\n    deckRepository: widget.decks,\n  )`
    : `${P}Controller(cards: widget.cards)`;
  const head = `late final ${P}Controller _controller =`;
  const controllerField =
    deck || `  ${head} ${create}..load();`.length <= 80
      ? `${head} ${create}..load();`
      : `${head}\n      ${create}..load();`;
  const picker =
    deck && fields.deckId
      ? `
              if (controller.decks.isNotEmpty)
                _DeckChoice(controller: controller),`
      : '';
  const deckChoice =
    deck && fields.deckId
      ? `

/// Chips choosing the deck to study: every deck, or one of them.
class _DeckChoice extends StatelessWidget {
  const _DeckChoice({required this.controller});

  final ${P}Controller controller;

  @override
  Widget build(BuildContext context) {
    return SingleChildScrollView(
      scrollDirection: Axis.horizontal,
      padding: const EdgeInsets.fromLTRB(16, 12, 16, 0),
      child: Row(
        children: [
          ChoiceChip(
            label: const Text(${dartString(s.allDecks)}),
            selected: controller.deckId == null,
            onSelected: (_) => controller.chooseDeck(null),
          ),
          for (final deck in controller.decks)
            Padding(
              padding: const EdgeInsetsDirectional.only(start: 8),
              child: ChoiceChip(
                label: Text(deck.displayTitle),
                selected: controller.deckId == deck.id,
                onSelected: (_) => controller.chooseDeck(deck.id),
              ),
            ),
        ],
      ),
    );
  }
}`
      : '';
  return `${imports}

/// Studies the due ${dartComment(card.pluralLabel)} one at a time: the front, then the back with
/// four grades that schedule each card's next review (see
/// \`${fileNameOf(study.schedulerPath)}\`).
class ${classes.screen} extends StatefulWidget {
  ${constructor(`const ${classes.screen}`, params, '  ')}

  static const String title = ${dartString(names.label)};
  static const String routeName = '${route}';

${repositoryFields}

  @override
  State<${classes.screen}> createState() => _${classes.screen}State();
}

class _${classes.screen}State extends State<${classes.screen}> {
  ${controllerField}

  @override
  void dispose() {
    _controller.dispose();
    super.dispose();
  }

  Future<void> _grade(${P}Grade grade) async {
    final saved = await _controller.grade(grade);
    if (saved || !mounted) return;
    ScaffoldMessenger.of(context).showSnackBar(
      const SnackBar(
        content: Text(${dartString(s.couldNotSaveReview)}),
      ),
    );
  }

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text(${classes.screen}.title)),
      body: ListenableBuilder(
        listenable: _controller,
        builder: (context, _) {
          final controller = _controller;
          if (controller.loading) {
            return const Center(child: CircularProgressIndicator());
          }
          if (controller.failed) {
            return _Message(
              icon: Icons.cloud_off_outlined,
              text: ${dartString(s.couldNotLoadCards)},
              action: FilledButton(
                onPressed: controller.load,
                child: const Text(${dartString(t.retry)}),
              ),
            );
          }
          return Column(
            crossAxisAlignment: CrossAxisAlignment.stretch,
            children: [${picker}
              Expanded(child: _session(controller)),
            ],
          );
        },
      ),
    );
  }

  Widget _session(${P}Controller controller) {
    final card = controller.current;
    if (!controller.hasCards) {
      return const _Message(
        icon: Icons.style_outlined,
        text: ${dartString(s.noCards)},
      );
    }
    if (controller.finished) return _Summary(controller: controller);
    if (card == null) {
      final nextDue = controller.nextDue;
      return _Message(
        icon: Icons.event_available_outlined,
        text: ${dartString(s.noneDue)},
        detail: nextDue == null
            ? null
            : ${dartText(s.nextDue, { date: 'formatDate(nextDue)' })},
      );
    }
    final done = controller.reviewedCount;
    final left = controller.leftCount;
    return ListView(
      padding: const EdgeInsets.all(16),
      children: [
        Text(
          ${dartText(s.progress, { done: 'done', left: 'left' })},
          style: Theme.of(context).textTheme.labelLarge,
        ),
        const SizedBox(height: 12),
        Card(
          child: Padding(
            padding: const EdgeInsets.all(24),
            child: Column(
              children: [
                Text(
                  ${field(fields.front)},
                  textAlign: TextAlign.center,
                  style: Theme.of(context).textTheme.headlineSmall,
                ),
                if (controller.revealed) ...[
                  const Divider(height: 32),
                  Text(
                    ${field(fields.back)},
                    textAlign: TextAlign.center,
                    style: Theme.of(context).textTheme.titleMedium,
                  ),
                ],
              ],
            ),
          ),
        ),
        const SizedBox(height: 16),
        if (controller.revealed)
          _Grades(onGrade: controller.saving ? null : _grade)
        else
          FilledButton(
            onPressed: controller.reveal,
            child: const Text(${dartString(s.showAnswer)}),
          ),
      ],
    );
  }
}

/// The button text of each grade.
String _gradeLabel(${P}Grade grade) => switch (grade) {
      ${P}Grade.again => ${dartString(s.again)},
      ${P}Grade.hard => ${dartString(s.hard)},
      ${P}Grade.good => ${dartString(s.good)},
      ${P}Grade.easy => ${dartString(s.easy)},
    };

/// Again, Hard, Good and Easy side by side; disabled while a review saves.
class _Grades extends StatelessWidget {
  const _Grades({required this.onGrade});

  final void Function(${P}Grade grade)? onGrade;

  @override
  Widget build(BuildContext context) {
    final onGrade = this.onGrade;
    return Row(
      children: [
        for (final grade in ${P}Grade.values)
          Expanded(
            child: Padding(
              padding: const EdgeInsets.symmetric(horizontal: 4),
              child: FilledButton.tonal(
                onPressed: onGrade == null ? null : () => onGrade(grade),
                child: Text(_gradeLabel(grade), textAlign: TextAlign.center),
              ),
            ),
          ),
      ],
    );
  }
}

/// What the session did: cards reviewed, each grade's count, the next due day.
class _Summary extends StatelessWidget {
  const _Summary({required this.controller});

  final ${P}Controller controller;

  @override
  Widget build(BuildContext context) {
    final nextDue = controller.nextDue;
    return ListView(
      padding: const EdgeInsets.all(24),
      children: [
        const Icon(Icons.emoji_events_outlined, size: 48),
        const SizedBox(height: 12),
        Text(
          ${dartString(s.sessionDone)},
          textAlign: TextAlign.center,
          style: Theme.of(context).textTheme.headlineSmall,
        ),
        const SizedBox(height: 8),
        Text(
          ${dartText(s.reviewed, { count: 'controller.reviewedCount' })},
          textAlign: TextAlign.center,
        ),
        const SizedBox(height: 16),
        for (final grade in ${P}Grade.values)
          ListTile(
            dense: true,
            title: Text(_gradeLabel(grade)),
            trailing: Text('\${controller.countOf(grade)}'),
          ),
        if (nextDue != null) ...[
          const SizedBox(height: 8),
          Text(
            ${dartText(s.nextDue, { date: 'formatDate(nextDue)' })},
            textAlign: TextAlign.center,
          ),
        ],
        const SizedBox(height: 24),
        FilledButton(
          onPressed: controller.restart,
          child: const Text(${dartString(s.studyAgain)}),
        ),
      ],
    );
  }
}${deckChoice}

/// A centred icon and message, with an optional detail line and action.
class _Message extends StatelessWidget {
  const _Message({
    required this.icon,
    required this.text,
    this.detail,
    this.action,
  });

  final IconData icon;
  final String text;
  final String? detail;
  final Widget? action;

  @override
  Widget build(BuildContext context) {
    final detail = this.detail;
    final action = this.action;
    return Center(
      child: Padding(
        padding: const EdgeInsets.all(24),
        child: Column(
          mainAxisSize: MainAxisSize.min,
          children: [
            Icon(icon, size: 48),
            const SizedBox(height: 12),
            Text(text, textAlign: TextAlign.center),
            if (detail != null) ...[
              const SizedBox(height: 8),
              Text(detail, textAlign: TextAlign.center),
            ],
            if (action != null) ...[const SizedBox(height: 16), action],
          ],
        ),
      ),
    );
  }
}
`;
}

/**
 * A constructor's head with its named parameters: on one line when it fits in
 * 80 columns, else one a line with a trailing comma, as \`dart format\` keeps it.
 */
function constructor(head: string, params: readonly string[], indent: string): string {
  const line = `${head}({${params.join(', ')}});`;
  if (indent.length + line.length <= 80) return line;
  return `${head}({\n${params.map((param) => `${indent}  ${param},`).join('\n')}\n${indent}});`;
}

/** A label inside a `///` comment, on one line. */
function dartComment(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}
