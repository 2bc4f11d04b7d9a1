/**
 * The generated tests of a study feature: unit tests of the SM-2 scheduler
 * (pure Dart, today fixed with `clock`) and widget tests of the session on
 * in-memory repositories: answer, grade, save, again, summary, decks, failure.
 */
import { dartString } from '../dart-string';
import { FAKE_REPOSITORIES_PATH, FORMATTERS_PATH, packageUri, sampleEntity, sampleValue } from '../data/entity-dart';
import type { EntityField } from '../plan/app-plan';
import { dartText, fill } from '../ui-text';
import { studyText } from '../ui-text-study';
import type { FeatureContext } from './archetype';
import { sampleKeyword } from './sample-keyword';
import type { StudyFeature } from './study.lib-dart';

/** `test/features/<id>_scheduler_test.dart`: the schedule each grade gives. */
export function schedulerTestDart(ctx: FeatureContext, study: StudyFeature): string {
  const P = ctx.feature.classes.prefix;
  const pkg = ctx.plan.packageName;
  return `import 'package:clock/clock.dart';
import 'package:flutter_test/flutter_test.dart';
import '${packageUri(pkg, study.schedulerPath)}';

void main() {
  final today = DateTime(2026, 3, 10);

  test('a new card is due at once', () {
    expect(const ${P}Schedule().isDueOn(today), isTrue);
  });

  test('a new card comes back tomorrow, or in four days when easy', () {
    final good = const ${P}Schedule().next(${P}Grade.good, today);
    expect(good.due, DateTime(2026, 3, 11));
    expect(good.intervalDays, 1);
    expect(good.repetitions, 1);
    expect(good.ease, ${P}Schedule.startingEase);

    final easy = const ${P}Schedule().next(${P}Grade.easy, today);
    expect(easy.due, DateTime(2026, 3, 14));
    expect(easy.ease, closeTo(2.65, 1e-9));
  });

  test('intervals grow by the ease factor after the second review', () {
    final second = const ${P}Schedule(intervalDays: 1, repetitions: 1)
        .next(${P}Grade.good, today);
    expect(second.intervalDays, 6);

    final third = second.next(${P}Grade.good, today);
    expect(third.intervalDays, 15);
    expect(third.due, DateTime(2026, 3, 25));
    expect(third.isDueOn(DateTime(2026, 3, 24)), isFalse);
    expect(third.isDueOn(DateTime(2026, 3, 25)), isTrue);
  });

  test('hard grows the interval a little and lowers the ease', () {
    const schedule = ${P}Schedule(intervalDays: 2, repetitions: 3);
    final hard = schedule.next(${P}Grade.hard, today);
    expect(hard.intervalDays, 3);
    expect(hard.ease, closeTo(2.35, 1e-9));
  });

  test('again starts over, due today, never below the lowest ease', () {
    const schedule = ${P}Schedule(
      intervalDays: 30,
      ease: 1.35,
      repetitions: 5,
    );
    final again = schedule.next(${P}Grade.again, today);
    expect(again.due, today);
    expect(again.repetitions, 0);
    expect(again.intervalDays, 0);
    expect(again.ease, ${P}Schedule.minimumEase);
  });

  test('takes today from the clock, without the time of day', () {
    withClock(Clock.fixed(DateTime(2026, 3, 10, 23, 59)), () {
      expect(studyToday(), today);
    });
  });
}
`;
}

/** Dart constructor arguments of a sample card: `values` by field name, sample values for the rest. */
function cardSample(study: StudyFeature, n: number, values: Readonly<Record<string, string | null>>): string {
  const { card } = study;
  const args = [`id: ${dartString(`${card.fileName}-${n}`)}`];
  for (const field of card.fields) {
    const value = field.name in values ? values[field.name] : sampleValue(field, n);
    if (value !== null) args.push(`${field.name}: ${value}`);
  }
  // Constant when it can be (prefer_const_constructors): no DateTime among the values.
  const keyword = args.some((arg) => arg.includes('DateTime(')) ? '' : 'const ';
  return `${keyword}${card.className}(\n${args.map((arg) => `      ${arg},`).join('\n')}\n    )`;
}

/** `expect(finder, matcher);` on one line at `indent` when it fits in 80 columns, else as `dart format` breaks it. */
function expectLine(finder: string, matcher: string, indent: string): string {
  const line = `${indent}expect(${finder}, ${matcher});`;
  if (line.length <= 80) return line;
  return `${indent}expect(\n${indent}  ${finder},\n${indent}  ${matcher},\n${indent});`;
}

/** A text field's sample value as `sampleValue` writes it (`Front 1`). */
function sampleText(field: EntityField, n: number): string {
  return `${field.label} ${n}`;
}

/** `feature.paths.test`: the study session on in-memory cards (and decks). */
export function screenTestDart(ctx: FeatureContext, study: StudyFeature): string {
  const s = studyText(ctx.plan);
  const { screen } = ctx.feature.classes;
  const pkg = ctx.plan.packageName;
  const { card, deck, fields } = study;
  const C = card.className;
  const deckId = fields.deckId?.name;
  const scheduled = (due: string, interval: number, repetitions: number) => ({
    [fields.due.name]: due,
    [fields.intervalDays.name]: `${interval}`,
    [fields.ease.name]: '2.5',
    [fields.repetitions.name]: `${repetitions}`,
  });
  const unscheduled = {
    [fields.due.name]: null,
    [fields.intervalDays.name]: null,
    [fields.ease.name]: null,
    [fields.repetitions.name]: null,
  };
  const inDeck = (n: number) => (deckId ? { [deckId]: dartString(`${deck?.fileName}-${n}`) } : {});
  // Due yesterday; new (never studied); due in four days.
  const samples = [
    cardSample(study, 1, { ...scheduled('DateTime(2026, 3, 9)', 6, 2), ...inDeck(1) }),
    cardSample(study, 2, { ...unscheduled, ...inDeck(2) }),
    cardSample(study, 3, { ...scheduled('DateTime(2026, 3, 14)', 4, 2), ...inDeck(1) }),
  ];
  const front = (n: number) => dartString(sampleText(fields.front, n));
  const back = (n: number) => dartString(sampleText(fields.back, n));
  const progress = (done: number, left: number) => dartString(fill(s.progress, { done, left }));
  const nextDue = dartText(s.nextDue, { date: 'nextDay' });
  const found = (text: string, indent = '      ') => expectLine(`find.text(${text})`, 'findsOneWidget', indent);
  const imports = [
    'package:clock/clock.dart',
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, FORMATTERS_PATH),
    packageUri(pkg, card.paths.model),
    ...(deck ? [packageUri(pkg, deck.paths.model)] : []),
    packageUri(pkg, ctx.feature.paths.screen),
  ].sort();
  const deckArg = deck ? `\n          decks: InMemory${deck.className}Repository(seed: decks),` : '';
  const decks = deck
    ? `\n  ${sampleKeyword(deck)} decks = [\n    ${sampleEntity(deck, 1)},\n    ${sampleEntity(deck, 2)},\n  ];`
    : '';
  const deckTest =
    deck && deckId
      ? `

  testWidgets('studies only the chosen deck', (tester) async {
    await withClock(Clock.fixed(today), () async {
      await pumpScreen(tester, InMemory${C}Repository(seed: cards));
${found(progress(0, 2))}

      await tester.tap(find.text(${dartString(`${deckTitle(study, 2)}`)}));
      await tester.pumpAndSettle();

${found(front(2))}
${found(progress(0, 1))}
    });
  });`
      : '';
  return `${imports.map((uri) => `import '${uri}';`).join('\n')}

import '../support/${FAKE_REPOSITORIES_PATH.slice('test/support/'.length)}';

void main() {
  // Card 1 was due yesterday, card 2 is new, card 3 is due in four days.
  final today = DateTime(2026, 3, 10, 9);
  final nextDay = formatDate(DateTime(2026, 3, 14));
  final cards = [
    ${samples.join(',\n    ')},
  ];${decks}

  Future<void> pumpScreen(
    WidgetTester tester,
    InMemory${C}Repository repository,
  ) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(
          cards: repository,${deckArg}
        ),
      ),
    );
    await tester.pumpAndSettle();
  }

  Future<void> answer(WidgetTester tester, String grade) async {
    await tester.tap(find.text(${dartString(s.showAnswer)}));
    await tester.pumpAndSettle();
    await tester.tap(find.text(grade));
    await tester.pumpAndSettle();
  }

  testWidgets('shows the due cards one at a time and schedules them',
      (tester) async {
    await withClock(Clock.fixed(today), () async {
      final repository = InMemory${C}Repository(seed: cards);
      await pumpScreen(tester, repository);

${found(front(1))}
${expectLine(`find.text(${back(1)})`, 'findsNothing', '      ')}
${found(progress(0, 2))}
      await tester.tap(find.text(${dartString(s.showAnswer)}));
      await tester.pumpAndSettle();
${found(back(1))}

      await tester.tap(find.text(${dartString(s.good)}));
      await tester.pumpAndSettle();
      final first = (await repository.fetchAll()).first;
      expect(first.${fields.due.name}, DateTime(2026, 3, 25));
      expect(first.${fields.intervalDays.name}, 15);
      expect(first.${fields.repetitions.name}, 3);
${found(front(2))}
    });
  });

  testWidgets('shows a card again until it is known, then sums up',
      (tester) async {
    await withClock(Clock.fixed(today), () async {
      final repository = InMemory${C}Repository(seed: cards);
      await pumpScreen(tester, repository);

      await answer(tester, ${dartString(s.good)});
      await answer(tester, ${dartString(s.again)});
${found(front(2))}
${found(progress(2, 1))}

      await answer(tester, ${dartString(s.easy)});
${found(dartString(s.sessionDone))}
${found(dartString(fill(s.reviewed, { count: 2 })))}
${found(nextDue)}
      final second = (await repository.fetchAll())[1];
      expect(second.${fields.due.name}, DateTime(2026, 3, 14));
    });
  });

  testWidgets('says when the next card is due when none is due now',
      (tester) async {
    await withClock(Clock.fixed(today), () async {
      await pumpScreen(
        tester,
        InMemory${C}Repository(seed: cards.skip(2).toList()),
      );

${found(dartString(s.noneDue))}
${found(nextDue)}
    });
  });

  testWidgets('keeps the card when its review cannot be saved',
      (tester) async {
    await withClock(Clock.fixed(today), () async {
      final repository = InMemory${C}Repository(
        seed: cards,
        failing: true,
      );
      await pumpScreen(tester, repository);

      await answer(tester, ${dartString(s.good)});

${found(dartString(s.couldNotSaveReview))}
${found(front(1))}
      expect((await repository.fetchAll()).first.${fields.repetitions.name}, 2);
    });
  });${deckTest}
}
`;
}

/** The title of deck sample `n` (`sampleEntity`), for tapping its chip. */
function deckTitle(study: StudyFeature, n: number): string {
  const deck = study.deck;
  if (!deck) return '';
  const title = deck.fields.find((field) => field.name === deck.titleField);
  return title ? sampleText(title, n) : '';
}
