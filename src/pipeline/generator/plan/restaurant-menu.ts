/**
 * "Carte" is a map in French and a restaurant's menu ("la carte"), as "Carta" is a menu in Spanish and
 * Italian; "Dishes", "Plats" or "Gerichte" are washed up in a family's chores. In the app of a
 * restaurant, a café or a bar that lists no other menu, a screen named so is the menu (`MenuItem`: the
 * dishes, their prices, whether they are available), not a map or a chore.
 */
import type { ArchetypeId } from './app-plan';
import { DOMAIN_ENTITIES, type DomainEntity } from './domain-entities';
import { entityRef, type EntityRef } from './entity-ref';
import { phraseIndex, singular, tokens } from './text-match';

/** The parts of a planner candidate this file reads and sets. */
interface MenuCandidate {
  label: string;
  archetype: ArchetypeId;
  entity?: EntityRef;
}

/**
 * A label's words that name the menu in a restaurant (folded, singular): the menu ("carte", "carta"),
 * or its dishes ("Dishes", "Plats", "Platos", "Pratos", "Piatti", "Gerichte").
 */
const MENU_NAMES: ReadonlySet<string> = new Set([
  'carte',
  'carta',
  'dish',
  'plat',
  'plato',
  'prato',
  'piatto',
  'piatti',
  'gericht',
  'gerichte',
]);

/** Words a menu's label may add ("La carte", "Notre carte", "Nuestra carta"), folded. */
const MENU_LABEL_FILLERS: ReadonlySet<string> = new Set(['la', 'notre', 'nuestra', 'nossa', 'nostra', 'a']);

/** Words (folded, singular) of a place that serves food and drink, or of its guests. */
const RESTAURANT_WORDS: readonly string[] = [
  'restaurant',
  'resto',
  'cafe',
  'coffee shop',
  'bistro',
  'brasserie',
  'bar',
  'pizzeria',
  'trattoria',
  'osteria',
  'ristorante',
  'restaurante',
  'cafeteria',
  'lanchonete',
  'taberna',
  'gaststatte',
  'nha hang',
  'quan an',
  'rumah makan',
  'warung',
  'menu',
  'speisekarte',
  'cardapio',
];

function menuRow(): DomainEntity {
  const row = DOMAIN_ENTITIES.find((candidate) => candidate.className === 'MenuItem');
  if (!row) throw new Error('no MenuItem row in the domain table');
  return row;
}

/** Whether `label` only names the menu as a restaurant calls it: "Carte", "La carte", "Carta", "Dishes". */
function namesCarte(label: string): boolean {
  const words = tokens(label).filter((word) => !MENU_LABEL_FILLERS.has(word));
  return words.length === 1 && (MENU_NAMES.has(words[0]) || MENU_NAMES.has(singular(words[0])));
}

/** `candidates` with a "Carte" or "Carta" the restaurant's menu, when the app is a restaurant's and has none. */
export function withRestaurantMenu<C extends MenuCandidate>(candidates: readonly C[], texts: readonly string[]): C[] {
  if (!candidates.some((candidate) => namesCarte(candidate.label))) return [...candidates];
  if (candidates.some((candidate) => candidate.entity?.row.className === 'MenuItem')) return [...candidates];
  const words = texts.flatMap((text) => tokens(text)).map(singular);
  if (!RESTAURANT_WORDS.some((phrase) => phraseIndex(words, phrase) >= 0)) return [...candidates];
  const menu = entityRef(menuRow());
  return candidates.map((candidate) =>
    namesCarte(candidate.label) ? { ...candidate, archetype: 'entity' as const, entity: menu } : candidate,
  );
}
