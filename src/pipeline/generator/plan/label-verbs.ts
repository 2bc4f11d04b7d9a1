/**
 * Feature labels that say what the user does ("Book a class", "Place an order",
 * "Request a ride", "Réserver une table", "Tisch reservieren") rather than name
 * the records. The verb must not name the record ("Book a class" is no reading
 * list, "Place an order" no map of places): the planner takes the object
 * instead, and for booking, ordering and requesting verbs the record is the
 * booking, order or request of that object. Words that are nouns as well as
 * verbs ("Books", "Book list", "Order history", "Places to visit") stay nouns
 * unless an article, "now", or a record the object names says they are verbs.
 */
import { foldText } from './text-match';

/** What the label's verb makes of its object: a booking, an order, a request, or the object itself. */
export type VerbKind = 'book' | 'order' | 'request' | 'act';

export interface VerbPhrase {
  kind: VerbKind;
  /** The verb, folded ("request", "demander"). */
  verb: string;
  /** The object's words as written (case and marks kept), without articles; empty for "Book now". */
  object: string[];
  /** The same words folded like `tokens` (lower case, no diacritics). */
  folded: string[];
}

/** Verbs that come first (English and the Romance languages), folded. */
const VERBS_FIRST: Readonly<Record<VerbKind, readonly string[]>> = {
  book: ['book', 'reserve', 'rebook', 'reserver', 'reservar', 'prenotare', 'prenota', 'agendar', 'marcar'],
  order: ['order', 'commander', 'pedir', 'encargar', 'encomendar', 'ordinare'],
  request: ['request', 'demander', 'solicitar', 'richiedere'],
  act: [
    'place',
    'make',
    'create',
    'add',
    'submit',
    'send',
    'view',
    'see',
    'manage',
    'find',
    'track',
    'log',
    'record',
    'edit',
    'browse',
    'buy',
    'purchase',
    'sell',
    'rent',
    'hire',
    'write',
    'post',
    'upload',
    'ajouter',
    'gerer',
    'voir',
    'suivre',
    'creer',
    'trouver',
    'acheter',
    'vendre',
    'agregar',
    'anadir',
    'gestionar',
    'crear',
    'comprar',
    'vender',
    'registrar',
    'adicionar',
    'gerenciar',
    'criar',
    'aggiungere',
    'gestire',
    'creare',
    'trovare',
    'comprare',
    'vendere',
  ],
};

/** German verbs, which come last ("Tisch reservieren", "Termin buchen"), folded. */
const VERBS_LAST: Readonly<Record<VerbKind, readonly string[]>> = {
  book: ['reservieren', 'buchen'],
  order: ['bestellen'],
  request: ['anfragen', 'beantragen'],
  act: ['verwalten', 'hinzufugen', 'erstellen', 'kaufen', 'verkaufen', 'erfassen'],
};

/** Verbs that are nouns too ("Books", "Order history", "Track list"): verbs only when the words after say so. */
const NOUNS_TOO: ReadonlySet<string> = new Set([
  'book',
  'place',
  'order',
  'track',
  'log',
  'record',
  'request',
  'post',
  'rent',
  'reserva',
]);

/** Articles and possessives between a verb and its object, folded. */
const DETERMINERS: ReadonlySet<string> = new Set(
  `a an the my your our some new un une le la les l des du mon ma mes votre vos notre nos el los las una unos unas
  mi mis tu tus su sus nuestro nuestra o os as um uma meu minha meus minhas seu sua il lo gli i uno mio mia tuo tua
  ein eine einen einem den der die das dem mein meine meinen ihr ihre ihren`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words after a verb that name no object ("Book now", "Réserver maintenant"), folded. */
const NO_OBJECT: ReadonlySet<string> = new Set([
  'now',
  'online',
  'here',
  'today',
  'maintenant',
  'ahora',
  'agora',
  'ora',
  'subito',
  'jetzt',
  'sekarang',
]);

function kindOf(verb: string | undefined, table: Readonly<Record<VerbKind, readonly string[]>>): VerbKind | undefined {
  if (verb === undefined) return undefined;
  return (Object.keys(table) as VerbKind[]).find((kind) => table[kind].includes(verb));
}

/**
 * The verb phrase a feature label is, or undefined when it names its records.
 * `namesRecord` says whether a verb of `kind` takes these words as the records it
 * works on: "Book classes" and "Track expenses" are verbs because classes are
 * booked and expenses are records, while "Order history" stays the orders and
 * "Book notes" the books.
 */
export function verbPhrase(
  label: string,
  namesRecord: (kind: VerbKind, words: string[]) => boolean,
): VerbPhrase | undefined {
  const written = label
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  const folded = written.map(foldText);
  if (folded.length < 2) return undefined;
  const first = kindOf(folded[0], VERBS_FIRST);
  const last = first ? undefined : kindOf(folded[folded.length - 1], VERBS_LAST);
  const kind = first ?? last;
  if (!kind) return undefined;
  const rest = first ? folded.slice(1) : folded.slice(0, -1);
  const restWritten = first ? written.slice(1) : written.slice(0, -1);
  let start = 0;
  while (start < rest.length && DETERMINERS.has(rest[start])) start++;
  const objectWords = rest.slice(start).filter((word) => !NO_OBJECT.has(word));
  const object = restWritten.slice(start).filter((_, index) => !NO_OBJECT.has(rest[start + index]));
  const marked = start > 0 || objectWords.length < rest.length - start;
  if (first && NOUNS_TOO.has(folded[0]) && !marked && !namesRecord(kind, objectWords)) return undefined;
  if (!objectWords.length && !marked) return undefined;
  return { kind, verb: first ? folded[0] : folded[folded.length - 1], object, folded: objectWords };
}
