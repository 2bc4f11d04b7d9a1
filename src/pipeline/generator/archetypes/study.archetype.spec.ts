import { generatedProject as project, projectFile as file } from './testing/archetype-spec-helpers';
import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { planApp } from '../plan/plan-app';
import { simpleSpec } from '../testing/fixtures';
import { unresolvedImports } from '../testing/project-checks';
import { ARCHETYPES } from './registry';
import {
  contextFor,
  expectDependenciesUsed,
  expectImportsResolve,
  expectOwnTypesImported,
  expectParses,
  expectPrefixedTypes,
  expectScreenAndTest,
} from './testing/archetype-spec-helpers';

const LERNKARTEN = simpleSpec({
  name: 'Lernkarten',
  description: 'Karteikarten lernen mit Wiederholung, Stapel verwalten, Fortschritt ansehen',
  features: ['Stapel', 'Karten', 'Lernen', 'Statistik', 'Einstellungen'],
  backend: 'none',
});
const FLASHCARDS = simpleSpec({
  name: 'Flashcards',
  description: 'Study flashcards with spaced repetition',
  features: ['decks', 'cards', 'study', 'statistics'],
  backend: 'firebase',
});
const TARJETAS = simpleSpec({
  name: 'Tarjetas',
  description: 'Estudia vocabulario con tarjetas y repetición espaciada',
  features: ['mazos', 'tarjetas', 'estudiar'],
  backend: 'supabase',
});
const STUDY_ONLY = simpleSpec({ name: 'Vocab', description: 'Vocabulary', features: ['study'], backend: 'rest' });

const fieldsOf = (spec: AppSpec, className: string) =>
  planApp(spec)
    .entities.find((entity) => entity.className === className)
    ?.fields.map(
      (field) =>
        `${field.name}:${field.type}${field.required ? '!' : ''}${field.refersTo ? `→${field.refersTo}` : ''}${field.managed ? ' (kept)' : ''}`,
    );

const CARD_FIELDS = [
  'front:text!',
  'back:longText!',
  'deckId:text!→Deck',
  'due:date (kept)',
  'intervalDays:int (kept)',
  'ease:decimal (kept)',
  'repetitions:int (kept)',
];

describe('study: the plan', () => {
  it('makes "Karten" flashcards in "Stapel" and "Lernen" a study screen of them', () => {
    const plan = planApp(LERNKARTEN);
    const archetypes = Object.fromEntries(plan.features.map((feature) => [feature.names.id, feature.archetype]));
    expect(archetypes).toMatchObject({ stapel: 'entity', karten: 'entity', lernen: 'study' });
    expect(plan.features.find((feature) => feature.names.id === 'lernen')?.entity).toBe('Flashcard');
    expect(fieldsOf(LERNKARTEN, 'Flashcard')).toEqual(CARD_FIELDS);
    expect(fieldsOf(LERNKARTEN, 'Deck')).toEqual(['name:text!', 'description:longText']);
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Karten');
  });

  it('labels the card fields in the app’s language', () => {
    const labels = planApp(LERNKARTEN)
      .entities.find((entity) => entity.className === 'Flashcard')
      ?.fields.map((field) => field.label);
    expect(labels).toEqual([
      'Vorderseite',
      'Rückseite',
      'Stapel',
      'Fällig am',
      'Intervall (Tage)',
      'Leichtigkeit',
      'Wiederholungen',
    ]);
  });

  it('plans the same cards and decks in English and Spanish', () => {
    expect(fieldsOf(FLASHCARDS, 'Flashcard')).toEqual(CARD_FIELDS);
    expect(fieldsOf(TARJETAS, 'Flashcard')).toEqual(CARD_FIELDS);
    expect(planApp(TARJETAS).features.find((feature) => feature.names.id === 'estudiar')?.archetype).toBe('study');
  });

  it('adds a card screen to a lone study feature, and no deck field without decks', () => {
    const plan = planApp(STUDY_ONLY);
    expect(plan.features.map((feature) => `${feature.names.label}:${feature.archetype}`)).toEqual([
      'Cards:entity',
      'Study:study',
      'Settings:settings',
    ]);
    expect(fieldsOf(STUDY_ONLY, 'Flashcard')?.slice(0, 3)).toEqual([
      'front:text!',
      'back:longText!',
      'due:date (kept)',
    ]);
  });

  it('leaves cards of apps that do not study alone', () => {
    const plan = planApp(simpleSpec({ features: ['gift cards', 'reviews'] }));
    expect(plan.entities.map((entity) => entity.className)).not.toContain('Flashcard');
    expect(plan.features.map((feature) => feature.archetype)).not.toContain('study');
    // "Study sessions" of a student planner are session records, not flashcards.
    const planner = planApp(simpleSpec({ features: ['study sessions', 'grades'] }));
    expect(planner.features[0]).toMatchObject({ archetype: 'entity', entity: 'PracticeSession' });
    expect(planner.entities.map((entity) => entity.className)).not.toContain('Flashcard');
  });

  it('finds Vietnamese decks, cards and review', () => {
    const plan = planApp(
      simpleSpec({ name: 'Thẻ', description: 'Học từ vựng', features: ['bộ thẻ', 'thẻ', 'ôn tập'] }),
    );
    expect(plan.features.map((feature) => `${feature.archetype}:${feature.entity}`).slice(0, 3)).toEqual([
      'entity:Deck',
      'entity:Flashcard',
      'study:Flashcard',
    ]);
    expect(plan.entities.find((entity) => entity.className === 'Flashcard')?.fields[0].label).toBe('Mặt trước');
  });
});

describe('study: the template', () => {
  const template = ARCHETYPES.study;
  for (const spec of [LERNKARTEN, FLASHCARDS, STUDY_ONLY]) {
    const ctx = contextFor(spec, 'study');
    it(`writes parseable Dart with resolved imports (${spec.name})`, async () => {
      expectScreenAndTest(template, ctx);
      expectPrefixedTypes(template, ctx);
      await expectParses(template.files(ctx));
      await expectImportsResolve(template, ctx);
      await expectDependenciesUsed(template, ctx);
      await expectOwnTypesImported(template, ctx);
    });
  }

  it('builds the screen on the card and deck repositories', () => {
    expect(template.screenBuilder(contextFor(LERNKARTEN, 'study'))).toBe(
      'LernenScreen(cards: services.flashcards, decks: services.decks)',
    );
    expect(template.screenBuilder(contextFor(STUDY_ONLY, 'study'))).toBe('StudyScreen(cards: services.flashcards)');
  });
});

describe('study: the generated app', () => {
  const files = project(LERNKARTEN);
  const scheduler = file(files, 'lib/features/lernen/lernen_scheduler.dart');
  const controller = file(files, 'lib/features/lernen/lernen_controller.dart');
  const screen = file(files, 'lib/features/lernen/lernen_screen.dart');
  const form = file(files, 'lib/features/karten/karten_form_screen.dart');

  it('schedules with SM-2 in pure Dart, today from the clock', () => {
    expect(scheduler).toContain("import 'package:clock/clock.dart';");
    expect(scheduler).not.toContain('package:flutter/');
    expect(scheduler).toContain('enum LernenGrade { again, hard, good, easy }');
    expect(scheduler).toContain('static const double startingEase = 2.5;');
    expect(scheduler).toContain('static const double minimumEase = 1.3;');
    expect(scheduler).toContain('grown = (intervalDays * factor).round();');
    expect(scheduler).toContain('due: DateTime(today.year, today.month, today.day + interval),');
  });

  it('saves each graded card through the card repository and repeats "again" cards', () => {
    expect(controller).toContain('await cards.save(graded);');
    expect(controller).toContain('if (grade == LernenGrade.again) _queue.add(graded);');
    expect(controller).toContain('_cards.where((card) => card.deckId == _deckId)');
  });

  it('shows front, answer, four German grades, the next due day and a summary', () => {
    for (const text of [
      "'Antwort zeigen'",
      "'Nochmal'",
      "'Schwer'",
      "'Gut'",
      "'Einfach'",
      "'Keine Karten fällig — komm morgen wieder'",
      "'Nächste Karte fällig am ${formatDate(nextDue)}'",
      "'Runde geschafft'",
      "'Alle Stapel'",
    ]) {
      expect(screen).toContain(text);
    }
    expect(screen).toContain('ChoiceChip(');
  });

  it('keeps the schedule out of the card form, and an edit keeps it', () => {
    expect(form).toContain("key: const Key('frontField'),");
    expect(form).toContain("key: const Key('deckIdField'),");
    expect(form).not.toContain("Key('dueField')");
    expect(form).not.toContain("Key('easeField')");
    expect(form).toContain('ease: widget.initial?.ease,');
  });

  it('tests the scheduler and the session in the generated test folder', () => {
    const unit = file(files, 'test/features/lernen_scheduler_test.dart');
    expect(unit).toContain('withClock(Clock.fixed(DateTime(2026, 3, 10, 23, 59)), () {');
    expect(unit).toContain('expect(third.intervalDays, 15);');
    const widget = file(files, 'test/features/lernen_screen_test.dart');
    expect(widget).toContain("await tester.tap(find.text('Antwort zeigen'));");
    expect(widget).toContain('expect(first.due, DateTime(2026, 3, 25));');
    expect(widget).toContain("expect(find.text('Gelernt: 0 · Übrig: 2'), findsOneWidget);");
    expect(widget).toContain("await tester.tap(find.text('Name 2'));");
  });

  it('explains the scheduling in the README and depends on clock', () => {
    const readme = file(files, 'README.md');
    expect(readme).toContain('SM-2');
    expect(readme).toContain('**Again**');
    expect(file(files, 'pubspec.yaml')).toMatch(/^ {2}clock: /m);
  });

  it('leaves no import unresolved on any backend', () => {
    for (const spec of [LERNKARTEN, FLASHCARDS, TARJETAS, STUDY_ONLY]) {
      expect(unresolvedImports(generateFlutterProject(spec))).toEqual([]);
    }
  });
});
