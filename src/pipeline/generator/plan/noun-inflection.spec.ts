import { describe, expect, it } from 'vitest';
import type { AppLocale } from './app-language';
import { pluralNoun, singularNoun } from './noun-inflection';
import { foldText } from './text-match';

/** (locale, singular, plural): each row is read both ways. */
const PAIRS: ReadonlyArray<readonly [AppLocale, string, string]> = [
  ['de', 'hundespaziergang', 'hundespaziergänge'],
  ['de', 'termin', 'termine'],
  ['de', 'kunde', 'kunden'],
  ['de', 'buchung', 'buchungen'],
  ['de', 'kanal', 'kanäle'],
  ['de', 'aufgabe', 'aufgaben'],
  ['de', 'karte', 'karten'],
  ['de', 'lernkarte', 'lernkarten'],
  ['de', 'mannschaft', 'mannschaften'],
  ['de', 'fußballplatz', 'fußballplätze'],
  ['de', 'mieter', 'mieter'],
  ['de', 'foto', 'fotos'],
  ['it', 'prenotazione', 'prenotazioni'],
  ['it', 'cliente', 'clienti'],
  ['it', 'campo', 'campi'],
  ['it', 'squadra', 'squadre'],
  ['it', 'negozio', 'negozi'],
  ['it', 'parco', 'parchi'],
  ['it', 'attività', 'attività'],
  ['es', 'reserva', 'reservas'],
  ['es', 'cliente', 'clientes'],
  ['es', 'jugador', 'jugadores'],
  ['es', 'canción', 'canciones'],
  ['es', 'ciudad', 'ciudades'],
  ['es', 'lápiz', 'lápices'],
  ['pt', 'tarefa', 'tarefas'],
  ['pt', 'serviço', 'serviços'],
  ['pt', 'reunião', 'reuniões'],
  ['pt', 'animal', 'animais'],
  ['pt', 'papel', 'papéis'],
  ['pt', 'item', 'itens'],
  ['pt', 'professor', 'professores'],
  ['fr', 'réservation', 'réservations'],
  ['fr', 'client', 'clients'],
  ['fr', 'château', 'châteaux'],
  ['fr', 'cheval', 'chevaux'],
  ['fr', 'prix', 'prix'],
  ['en', 'category', 'categories'],
  ['en', 'box', 'boxes'],
];

describe('noun inflection', () => {
  it.each(PAIRS)('%s: "%s" and "%s" are one noun', (locale, one, many) => {
    expect(singularNoun(many, locale)).toBe(one);
    expect(pluralNoun(one, locale)).toBe(many);
    // A singular stays singular: the planner reads "no change" as "not a plural".
    expect(singularNoun(one, locale)).toBe(one);
  });

  it.each(PAIRS.filter(([, one]) => foldText(one) !== one))(
    '%s: reads the folded "%s" (no diacritics) the same way',
    (locale, one, many) => {
      expect(foldText(singularNoun(foldText(many), locale))).toBe(foldText(one));
    },
  );

  it('keeps singulars that end like a plural', () => {
    expect(singularNoun('tenis', 'es')).toBe('tenis');
    expect(singularNoun('ônibus', 'pt')).toBe('ônibus');
    expect(singularNoun('gestione', 'it')).toBe('gestione');
    expect(singularNoun('cours', 'fr')).toBe('cours');
  });

  it('reads the German dative plural after "mit" as the plural it is', () => {
    expect(singularNoun('gassigehern', 'de')).toBe('gassigeher');
  });

  it('leaves languages without plural forms alone', () => {
    expect(singularNoun('học viên', 'vi')).toBe('học viên');
    expect(pluralNoun('pelanggan', 'id')).toBe('pelanggan');
    expect(pluralNoun('会員', 'ja')).toBe('会員');
  });
});
