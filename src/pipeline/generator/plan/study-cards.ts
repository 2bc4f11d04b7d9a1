/**
 * Flashcards and decks in an app that studies: "Cards", "Karten", "Tarjetas"
 * or "Stapel" are gift cards, playing cards or piles in most apps, but next to
 * a study feature (or a flashcard or deck the table knows) they are the cards
 * the user learns and the decks holding them. Words that name flashcards in
 * any app ("flashcards", "Karteikarten", "decks") are rows of the domain table.
 */
import type { ArchetypeId, EntityPlan } from './app-plan';
import { DOMAIN_ENTITIES, type DomainEntity } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { tokens } from './text-match';

/** Folded label words that mean a flashcard when the app studies. */
const CARD_WORDS: ReadonlySet<string> = new Set([
  'card',
  'cards',
  'karte',
  'karten',
  'tarjeta',
  'tarjetas',
  'carte',
  'cartes',
  'fiche',
  'fiches',
  'carta',
  'cartas',
  'cartao',
  'cartoes',
  'scheda',
  'schede',
  'kartu',
  'the',
  '卡片',
  'カード',
]);

/** Folded label words that mean a deck of flashcards when the app studies. */
const DECK_WORDS: ReadonlySet<string> = new Set([
  'stapel',
  'kartenstapel',
  'paquet',
  'paquets',
  'stack',
  'stacks',
  'pile',
  'piles',
]);

/** What the planner knows of a feature candidate here. */
interface StudyCandidate {
  label: string;
  archetype: ArchetypeId;
  entity?: EntityRef;
}

function row(className: string): DomainEntity {
  const found = DOMAIN_ENTITIES.find((candidate) => candidate.className === className);
  if (!found) throw new Error(`no domain entity ${className}`);
  return found;
}

/** The study row a label's last word names in a studying app ("Karten" → Flashcard), if any. */
function studyRowOf(label: string): DomainEntity | undefined {
  const words = tokens(label);
  const last = words[words.length - 1] ?? '';
  if (CARD_WORDS.has(last)) return row('Flashcard');
  if (DECK_WORDS.has(last)) return row('Deck');
  return undefined;
}

/** The table rows of a studying app: its flashcards and their decks. */
const STUDY_ROWS: ReadonlySet<string> = new Set(['Flashcard', 'Deck']);

/**
 * `candidates` with the cards and decks of a studying app: a record list named by a bare card or deck
 * word gets the flashcard or deck entity instead of a generic record. A study word next to another
 * record of the table ("study sessions", "Lernzeiten" of a practice log) names those records, not a
 * study screen. Apps that do not study are left as they are.
 */
export function withStudyCards<C extends StudyCandidate>(candidates: readonly C[]): C[] {
  const named = candidates.map((candidate) =>
    candidate.archetype === 'study' && candidate.entity && !STUDY_ROWS.has(candidate.entity.key)
      ? { ...candidate, archetype: 'entity' as const }
      : candidate,
  );
  const studies = named.some(
    (candidate) => candidate.archetype === 'study' || STUDY_ROWS.has(candidate.entity?.key ?? ''),
  );
  if (!studies) return named;
  return named.map((candidate) => {
    if (candidate.archetype !== 'entity' || !candidate.entity?.key.startsWith('generic:')) return candidate;
    const studyRow = studyRowOf(candidate.label);
    return studyRow ? { ...candidate, entity: entityRef(studyRow) } : candidate;
  });
}

/**
 * A flashcard of an app without decks: its `deck` found no list to point at (`linkReferences` left it
 * plain text), so the card has no deck at all rather than a required name typed on every card.
 */
export function withoutLooseDeck(entity: EntityPlan): EntityPlan {
  const deck = entity.fields.find((field) => field.name === 'deck' && !field.refersTo);
  if (entity.fieldsFrom !== 'domain' || !deck || !entity.fields.some((field) => field.name === 'front')) return entity;
  return { ...entity, fields: entity.fields.filter((field) => field !== deck) };
}
