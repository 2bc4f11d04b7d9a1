/**
 * Study / learn / review flashcards: pick a deck (or all), see the due cards
 * one at a time (front, "Show answer", back), grade each Again / Hard / Good /
 * Easy, and the card's next review is scheduled by SM-2 and saved through the
 * card repository. The planner gives the feature the flashcard entity
 * (`Flashcard`: front, back, deck, and the schedule the form never shows);
 * adding and editing cards stays with the cards' record screen.
 */
import type { GeneratedFile } from '../app-spec';
import { packages } from '../data/package-versions';
import { requireEntity, type EntityField, type EntityPlan } from '../plan/app-plan';
import type { ArchetypeTemplate, FeatureContext } from './archetype';
import { featureLabel, featurePaths, fileNameOf } from './feature-dart.shared';
import { controllerDart, schedulerDart, screenDart, type StudyFeature } from './study.lib-dart';
import { schedulerTestDart, screenTestDart } from './study.test-dart';

function requireField(card: EntityPlan, name: string): EntityField {
  const field = card.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`study entity ${card.className} has no ${name} field`);
  return field;
}

/** The study feature of `ctx`: its flashcards, their decks and the files it writes. */
export function studyFeature(ctx: FeatureContext): StudyFeature {
  const card = requireEntity(ctx.plan, ctx.feature);
  const deckId = card.fields.find((field) => field.name === 'deckId' && field.refersTo);
  const deck = deckId && ctx.plan.entities.find((entity) => entity.className === deckId.refersTo);
  const paths = featurePaths(ctx, { scheduler: 'scheduler' });
  return {
    card,
    deck: deck || undefined,
    fields: {
      front: requireField(card, 'front'),
      back: requireField(card, 'back'),
      deckId: deck ? deckId : undefined,
      due: requireField(card, 'due'),
      intervalDays: requireField(card, 'intervalDays'),
      ease: requireField(card, 'ease'),
      repetitions: requireField(card, 'repetitions'),
    },
    schedulerPath: paths.scheduler,
    controllerPath: paths.controller,
    schedulerTestPath: ctx.feature.paths.test.replace(/_screen_test\.dart$/, '_scheduler_test.dart'),
  };
}

export const studyArchetype: ArchetypeTemplate = {
  id: 'study',
  // clock: "today" as the tests fix it.
  dependencies: () => packages('clock'),
  files(ctx): GeneratedFile[] {
    const study = studyFeature(ctx);
    return [
      { path: study.schedulerPath, content: schedulerDart(ctx) },
      { path: study.controllerPath, content: controllerDart(ctx, study) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx, study) },
      { path: ctx.feature.paths.test, content: screenTestDart(ctx, study) },
      { path: study.schedulerTestPath, content: schedulerTestDart(ctx, study) },
    ];
  },
  screenBuilder(ctx) {
    const study = studyFeature(ctx);
    const decks = study.deck ? `, decks: services.${study.deck.collection}` : '';
    return `${ctx.feature.classes.screen}(cards: services.${study.card.collection}${decks})`;
  },
  readme(ctx) {
    const { card, fields, schedulerPath } = studyFeature(ctx);
    const f = (field: EntityField) => `\`${field.name}\``;
    return [
      `**How ${featureLabel(ctx)} schedules reviews.** Each ${card.label.toLowerCase()} keeps its own schedule: `,
      `${f(fields.due)} (the day it is due next; empty for a new card, which is due at once), `,
      `${f(fields.intervalDays)} (days between the last two reviews), ${f(fields.ease)} (the ease factor, 2.5 `,
      `for a new card) and ${f(fields.repetitions)} (reviews in a row not graded Again). The form never shows `,
      'them; the study screen updates them with SM-2 (the SuperMemo 2 algorithm, with Anki-style buttons) ',
      `in \`${fileNameOf(schedulerPath)}\`:\n\n`,
      '- **Again**: the card starts over, is due today and comes back at the end of the session; ease −0.2.\n',
      '- **Hard**: the interval grows 1.2 times (3 days after the second review); ease −0.15.\n',
      '- **Good**: 1 day after the first review, 6 after the second, then the last interval times the ease.\n',
      '- **Easy**: 4 days after the first review, 8 after the second, then 1.3 times more than Good; ease +0.15.\n\n',
      'The ease never falls below 1.3 and each interval is at least a day longer than the last. Days are ',
      'calendar days in the device\'s time zone; "today" comes from `clock.now()`, so tests fix it with ',
      '`withClock`. Each grade is saved at once through the card repository, so a session can stop at any card.',
    ].join('');
  },
  summary(ctx) {
    const { card, deck } = studyFeature(ctx);
    const items = card.pluralLabel.toLowerCase();
    const choice = deck ? `Pick a ${deck.label.toLowerCase()} (or all) and study` : 'Study';
    return (
      `${choice} the due ${items} one at a time: the front, then the back after "Show answer", ` +
      'graded Again, Hard, Good or Easy, which schedules the next review (spaced repetition, SM-2) and ' +
      'saves it; when nothing is due it says when the next card is, and a session ends with a summary.'
    );
  },
};
