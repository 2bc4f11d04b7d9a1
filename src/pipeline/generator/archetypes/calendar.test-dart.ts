/**
 * The calendar feature's test file: pick a day, submit the empty form (the
 * validator speaks), add an entry, see it listed and saved on that day, swipe
 * it away; edit an entry (a number typed the language's way, a switch
 * toggled); and a seeded calendar shows only the selected day's entries.
 */
import { dartString, withArticle } from '../dart-string';
import {
  FAKE_REPOSITORIES_PATH,
  FORMATTERS_PATH,
  packageUri,
  sampleEntity,
  sampleHour,
  sampleId,
  sampleTitle,
  titleField,
} from '../data/entity-dart';
import type { EntityField } from '../plan/app-plan';
import type { FeatureContext } from './archetype';
import { addTooltip, fieldKey, nothingOnDay, type CalendarNames } from './calendar.lib-dart';
import { dartText, fill, moneyFormat, type MoneyFormat } from '../ui-text';
import { recordText, type RecordText } from '../ui-text-records';
import { expectFoundOnceDart } from './dart-wrap';
import { dartImports } from './feature-dart.shared';
import { referencedTargets, targetSampleTitle, targetSamples, type ReferenceLink } from './reference-dart';

/** What the test types into a required field. */
function inputFor(field: EntityField): string {
  switch (field.type) {
    case 'email':
      return 'someone@example.com';
    case 'phone':
      return '+1 555 0100';
    case 'url':
      return 'https://example.com';
    case 'int':
      return '42';
    case 'decimal':
    case 'money':
      return '9.5';
    default:
      return `${field.label} A`;
  }
}

/**
 * The edit test: tap a seeded entry, change its title, type "1.250,5" (or
 * "1,250.5") into its first amount, toggle its first yes/no field, save.
 */
function editTest(n: CalendarNames, money: MoneyFormat): string {
  const { entity, screen, formFields, flags } = n;
  const E = entity.className;
  const title = titleField(entity);
  const edited = `${title.label} B`;
  const amount = formFields.find((field) => field.type === 'decimal' || field.type === 'money');
  const typed = money.decimalComma ? '1.250,5' : '1,250.5';
  const flag = flags[0];
  const steps = [
    `    await tester.enterText(find.byKey(const ValueKey(${dartString(fieldKey(title))})), ${dartString(edited)});`,
    ...(amount
      ? [
          `    await tester.enterText(find.byKey(const ValueKey(${dartString(fieldKey(amount))})), ${dartString(typed)});`,
        ]
      : []),
    ...(flag
      ? [
          `    await tester.ensureVisible(find.byKey(const ValueKey(${dartString(fieldKey(flag))})));`,
          `    await tester.tap(find.byKey(const ValueKey(${dartString(fieldKey(flag))})));`,
          '    await tester.pump();',
        ]
      : []),
  ];
  const checks = [
    `    expect(saved.single.id, sample.id);`,
    `    expect(saved.single.${title.name}, ${dartString(edited)});`,
    ...(amount ? [`    expect(saved.single.${amount.name}, 1250.5);`] : []),
    ...(flag ? [`    expect(saved.single.${flag.name}, !sample.${flag.name});`] : []),
  ];
  return `

  testWidgets(${dartString(`edits a tapped ${entity.label.toLowerCase()}`)}, (tester) async {
    final sample = ${sampleEntity(entity, 2)};
    final repository = InMemory${E}Repository(seed: [sample]);
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(repository: repository${others(n)}, initialDay: DateTime(2026, 1, 2)),
      ),
    );
    await tester.pumpAndSettle();

    await tester.tap(find.text(${dartString(sampleTitle(entity, 2))}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(fill(n.text.editItem, { item: entity.label.toLowerCase() }))}), findsOneWidget);
${steps.join('\n')}
    await tester.tap(find.text(${dartString(n.text.save)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(edited)}), findsOneWidget);
    final saved = await repository.fetchAll();
    expect(saved, hasLength(1));
${checks.join('\n')}
  });`;
}

/**
 * Moving an entry: open it, pick another day in the date picker, save; it
 * leaves the selected day and is saved on the new one. And a backend that
 * fails a delete: the entry stays and a SnackBar says why.
 */
function moveAndFailTests(n: CalendarNames, r: RecordText): string {
  const { entity, screen, date } = n;
  const E = entity.className;
  const singular = entity.label.toLowerCase();
  const title = dartString(sampleTitle(entity, 2));
  const pump = `    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(repository: repository${others(n)}, initialDay: DateTime(2026, 1, 2)),
      ),
    );
    await tester.pumpAndSettle();`;
  return `

  testWidgets(${dartString(`moves ${withArticle(singular)} to another day`)}, (tester) async {
    final repository = InMemory${E}Repository(seed: [${sampleEntity(entity, 2)}]);
${pump}

    await tester.tap(find.text(${title}));
    await tester.pumpAndSettle();
    await tester.tap(find.byKey(const ValueKey(${dartString(fieldKey(date))})));
    await tester.pumpAndSettle();
    // The date picker opens over the calendar, which shows the same days.
    await tester.tap(find.text('20').last);
    await tester.tap(find.text('OK'));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(n.text.save)}));
    await tester.pumpAndSettle();

    expect(find.text(${title}), findsNothing);
    expect((await repository.fetchAll()).single.${date.name}, ${n.timed ? `DateTime(2026, 1, 20, ${sampleHour(2)}, 30)` : 'DateTime(2026, 1, 20)'});
  });

  testWidgets(${dartString(`keeps ${withArticle(singular)} whose delete failed`)}, (tester) async {
    final repository = InMemory${E}Repository(seed: [${sampleEntity(entity, 2)}], failing: true);
${pump}

    await tester.tap(find.byTooltip(${dartString(n.text.delete)}));
    await tester.pumpAndSettle();

    // Told in words (the fake throws a plain Exception: the generic sentence), not as the exception.
${expectFoundOnceDart('    ', `find.text(${dartString(fill(n.text.couldNotDelete, { error: r.errorOther }))})`)}
    expect(find.text(${title}), findsOneWidget);
  });`;
}

/**
 * With `booked` (bookings both parties see): a booking someone else made
 * with the user says so, and neither a tap nor the delete button is offered.
 */
function bookedTest(n: CalendarNames): string {
  if (!n.booked) return '';
  const { entity, screen } = n;
  const title = dartString(sampleTitle(entity, 2));
  return `

  testWidgets(${dartString(`marks ${withArticle(entity.label.toLowerCase())} booked with the user, who cannot change it`)}, (tester) async {
    final sample = ${sampleEntity(entity, 2)};
    final repository = InMemory${entity.className}Repository(seed: [sample])
      ..othersRecords.add(sample.id);
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(repository: repository${others(n)}, initialDay: DateTime(2026, 1, 2)),
      ),
    );
    await tester.pumpAndSettle();

    expect(find.text(${title}), findsOneWidget);
    expect(find.text(${dartString(recordText(n.plan).bookedWithYou)}), findsOneWidget);
    expect(find.byTooltip(${dartString(n.text.delete)}), findsNothing);
    await tester.tap(find.text(${title}));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(n.text.save)}), findsNothing);
  });`;
}

/** The reference repositories a test's screen gets, seeded with two records each. */
function others(n: CalendarNames): string {
  return referencedTargets(n.links)
    .map((link) => `, ${link.param}: InMemory${link.target.className}Repository(seed: ${targetSamples(link)})`)
    .join('');
}

/** Picks the second record of every required reference's list (but `skip`) in the open dialog. */
function picks(n: CalendarNames, skip?: ReferenceLink): string {
  return n.links
    .filter((link) => link.field.required && link !== skip)
    .map((link) => {
      const key = `find.byKey(const Key(${dartString(fieldKey(link.field))}))`;
      return `    await tester.ensureVisible(${key});
    await tester.tap(${key});
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(targetSampleTitle(link, 2))}).last);
    await tester.pumpAndSettle();
`;
    })
    .join('');
}

/** The picked records are saved by id, and the day's list names them. */
function pickedChecks(n: CalendarNames): string {
  return n.links
    .filter((link) => link.field.required)
    .map(
      (link) => `    expect(saved.single.${link.field.name}, ${dartString(sampleId(link.target.className, 2))});
${
  n.subtitle === link.field
    ? `    expect(find.text(${dartString(targetSampleTitle(link, 2))}), findsOneWidget);
`
    : ''
}`,
    )
    .join('');
}

/** With nothing to pick from, the dialog says so and offers the other list. */
function emptyReferenceTest(n: CalendarNames): string {
  const link = n.links[0];
  if (!link) return '';
  const empties = referencedTargets(n.links)
    .map((other) => `, ${other.param}: InMemory${other.target.className}Repository()`)
    .join('');
  const open = link.route ? `\n    expect(find.text(${dartString(link.openLabel)}), findsOneWidget);` : '';
  return `

  testWidgets(${dartString(`says when there is no ${link.field.label.toLowerCase()} to choose yet`)}, (tester) async {
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(repository: InMemory${n.entity.className}Repository()${empties}, initialDay: DateTime(2026, 1, 2)),
      ),
    );
    await tester.pumpAndSettle();

    await tester.tap(find.byTooltip(${dartString(addTooltip(n))}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(link.emptyMessage)}), findsOneWidget);${open}
  });`;
}

/**
 * A pick names a new entry: the picked record's title fills the empty title,
 * follows the next pick, and stays once the user typed their own.
 */
function namedAfterTest(n: CalendarNames): string {
  const link = n.namedAfter;
  if (!link) return '';
  const title = `find.byKey(const ValueKey(${dartString('field-title')}))`;
  const picker = `find.byKey(const Key(${dartString(fieldKey(link.field))}))`;
  const pick = (k: number) => `    await tester.ensureVisible(${picker});
    await tester.tap(${picker});
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(targetSampleTitle(link, k))}).last);
    await tester.pumpAndSettle();`;
  const typed = `${n.entity.label} A`;
  const showsTitle = (text: string) =>
    `    expect(find.descendant(of: ${title}, matching: find.text(${dartString(text)})), findsOneWidget);`;
  return `

  testWidgets(${dartString(`names ${withArticle(n.entity.label.toLowerCase())} after the picked ${link.target.label.toLowerCase()}`)}, (tester) async {
    final repository = InMemory${n.entity.className}Repository();
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(repository: repository${others(n)}, initialDay: DateTime(2026, 1, 2)),
      ),
    );
    await tester.pumpAndSettle();
    await tester.tap(find.byTooltip(${dartString(addTooltip(n))}));
    await tester.pumpAndSettle();

${pick(2)}
${showsTitle(targetSampleTitle(link, 2))}
${pick(1)}
${showsTitle(targetSampleTitle(link, 1))}

    await tester.enterText(${title}, ${dartString(typed)});
${pick(2)}
${showsTitle(typed)}
${fillsRequired(n, ['title'])}${picks(n, link)}    await tester.tap(find.text(${dartString(n.text.save)}));
    await tester.pumpAndSettle();

    // The row says the typed title with the picked ${link.target.label.toLowerCase()} under it.
    expect(find.text(${dartString(typed)}), findsOneWidget);
    expect(find.text(${dartString(targetSampleTitle(link, 2))}), findsOneWidget);
    final saved = (await repository.fetchAll()).single;
    expect(saved.title, ${dartString(typed)});
    expect(saved.${link.field.name}, ${dartString(sampleId(link.target.className, 2))});
  });`;
}

/**
 * Each row shows its amount in the app's currency and the day header what the
 * day's entries cost together.
 */
function amountTest(n: CalendarNames): string {
  const { amount } = n;
  if (!amount?.required) return '';
  const E = n.entity.className;
  const total = n.dayTotal
    ? `
    expect(find.text(${dartText(n.text.dayTotal, { amount: `formatMoney(first.${amount.name} + 5)` })}), findsOneWidget);`
    : '';
  return `

  testWidgets(${dartString(n.dayTotal ? `shows each ${amount.label.toLowerCase()} and what the day costs` : `shows each ${amount.label.toLowerCase()}`)}, (tester) async {
    final first = ${sampleEntity(n.entity, 2)};
    final second = first.copyWith(id: 'second', ${amount.name}: 5);
    await tester.pumpWidget(
      MaterialApp(
        home: ${n.screen}(repository: InMemory${E}Repository(seed: [first, second])${others(n)}, initialDay: DateTime(2026, 1, 2)),
      ),
    );
    await tester.pumpAndSettle();

    expect(find.text(formatMoney(first.${amount.name})), findsOneWidget);
    expect(find.text(formatMoney(5)), findsOneWidget);${total}
  });`;
}

/** Types into every required text and number field but `skip`. */
function fillsRequired(n: CalendarNames, skip: readonly string[] = []): string {
  return n.formFields
    .filter((field) => field.required && !skip.includes(field.name))
    .map(
      (field) =>
        `    await tester.enterText(find.byKey(const ValueKey(${dartString(fieldKey(field))})), ${dartString(inputFor(field))});
`,
    )
    .join('');
}

/** A new timed entry starts at 9:00 on its day, and its row shows the time. */
const NEW_ENTRY_TIME_CHECK = `
    expect(find.text('09:00'), findsOneWidget);`;

export function calendarTestDart(ctx: FeatureContext, n: CalendarNames): string {
  const { plan, feature } = ctx;
  const { entity, screen, date } = n;
  const pkg = plan.packageName;
  const E = entity.className;
  const singular = entity.label.toLowerCase();
  const plural = entity.pluralLabel.toLowerCase();
  const title = titleField(entity);
  const entered = inputFor(title);
  const fills = fillsRequired(n);
  const samples = [1, 2, 3].map((k) => `      ${sampleEntity(entity, k)},`).join('\n');
  const uris = [
    'package:flutter/material.dart',
    'package:flutter_test/flutter_test.dart',
    packageUri(pkg, FORMATTERS_PATH),
    packageUri(pkg, entity.paths.model),
    packageUri(pkg, feature.paths.screen),
    `../${FAKE_REPOSITORIES_PATH.slice('test/'.length)}`,
    ...referencedTargets(n.links).map((link) => packageUri(pkg, link.target.paths.model)),
  ];
  return `${dartImports(uris)}

void main() {
  testWidgets(${dartString(`adds ${withArticle(singular)} on the tapped day and deletes it by swiping`)}, (tester) async {
    final repository = InMemory${E}Repository();
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(repository: repository${others(n)}, initialDay: DateTime(2026, 1, 10)),
      ),
    );
    await tester.pumpAndSettle();

    await tester.tap(find.text('15'));
    await tester.pumpAndSettle();
    expect(find.text(formatDate(DateTime(2026, 1, 15))), findsOneWidget);
    expect(find.text(${dartString(nothingOnDay(n))}), findsOneWidget);

    await tester.tap(find.byTooltip(${dartString(addTooltip(n))}));
    await tester.pumpAndSettle();
    await tester.tap(find.text(${dartString(n.text.save)}));
    await tester.pump();
    expect(find.text(${dartString(fill(n.text.required, { label: title.label }))}), findsOneWidget);

${fills}${picks(n)}    await tester.tap(find.text(${dartString(n.text.save)}));
    await tester.pumpAndSettle();

    expect(find.text(${dartString(entered)}), findsOneWidget);
    final saved = await repository.fetchAll();
    expect(saved, hasLength(1));
${pickedChecks(n)}    expect(saved.single.${date.name}, ${n.timed ? 'DateTime(2026, 1, 15, 9)' : 'DateTime(2026, 1, 15)'});${n.timed ? NEW_ENTRY_TIME_CHECK : ''}

    await tester.drag(find.text(${dartString(entered)}), const Offset(-600, 0));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(entered)}), findsNothing);
    expect(await repository.fetchAll(), isEmpty);
  });

  testWidgets(${dartString(`shows the ${plural} of the selected day only`)}, (tester) async {
    final samples = <${E}>[
${samples}
    ];
    await tester.pumpWidget(
      MaterialApp(
        home: ${screen}(
          repository: InMemory${E}Repository(seed: samples),${others(n).replace(/^, /, '\n          ')}${n.links.length ? ',' : ''}
          initialDay: DateTime(2026, 1, 2),
        ),
      ),
    );
    await tester.pumpAndSettle();
    expect(find.text(${dartString(sampleTitle(entity, 2))}), findsOneWidget);
    expect(find.text(${dartString(sampleTitle(entity, 3))}), findsNothing);

    await tester.tap(find.text('3'));
    await tester.pumpAndSettle();
    expect(find.text(${dartString(sampleTitle(entity, 3))}), findsOneWidget);
    expect(find.text(${dartString(sampleTitle(entity, 2))}), findsNothing);
  });${editTest(n, moneyFormat(plan))}${moveAndFailTests(n, recordText(plan))}${bookedTest(n)}${emptyReferenceTest(n)}${namedAfterTest(n)}${amountTest(n)}
}
`;
}
