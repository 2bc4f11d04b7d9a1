import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../app-spec';
import { generateFlutterProject } from '../flutter-project.generator';
import { unresolvedImports } from '../testing/project-checks';
import type { AppLocale } from './app-language';
import type { EntityPlan } from './app-plan';
import { planApp } from './plan-app';

/** A description that says which language the app speaks, and nothing the planner would mine. */
const LANGUAGE_OF: Readonly<Partial<Record<AppLocale, string>>> = {
  en: 'An app for my club',
  de: 'Eine App für meine Vereinsarbeit',
  it: 'Una app per il mio circolo',
  es: 'Una aplicación para mi club',
  pt: 'Um aplicativo para o meu salão',
  fr: 'Une application pour mon hôtel',
  vi: 'Ứng dụng của tôi',
};

function spec(locale: AppLocale, description: string, features: string[]): AppSpec {
  return {
    slug: `names-${locale}`,
    name: 'Verein',
    description,
    platforms: ['android', 'ios'],
    style: 'modern',
    backend: 'supabase',
    features,
  };
}

/** What a Flutter developer and a user see of an entity: its Dart names, its table and its labels. */
function names(entity: EntityPlan): string[] {
  return [entity.className, entity.fileName, entity.tableName, entity.label, entity.pluralLabel];
}

function entityFor(locale: AppLocale, description: string, features: string[], className: string): EntityPlan {
  const plan = planApp(spec(locale, description, features));
  expect(plan.locale).toBe(locale);
  const entity = plan.entities.find((candidate) => candidate.className === className);
  if (!entity) throw new Error(`no ${className} in ${plan.entities.map((e) => e.className).join(', ')}`);
  return entity;
}

describe('entity names from nouns in the app language', () => {
  // (locale, feature label) → class, file, table, label, plural label.
  it.each([
    ['de', 'Spaziergänge', 'Spaziergang', 'spaziergang', 'spaziergaenge', 'Spaziergang', 'Spaziergänge'],
    [
      'de',
      'Hundespaziergänge',
      'Hundespaziergang',
      'hundespaziergang',
      'hundespaziergaenge',
      'Hundespaziergang',
      'Hundespaziergänge',
    ],
    ['de', 'Gassigeher', 'Gassigeher', 'gassigeher', 'gassigeher', 'Gassigeher', 'Gassigeher'],
    ['de', 'Prüfungen', 'Pruefung', 'pruefung', 'pruefungen', 'Prüfung', 'Prüfungen'],
    ['de', 'Mannschaften', 'Mannschaft', 'mannschaft', 'mannschaften', 'Mannschaft', 'Mannschaften'],
    ['de', 'Fußballplätze', 'Fussballplatz', 'fussballplatz', 'fussballplaetze', 'Fußballplatz', 'Fußballplätze'],
    ['it', 'Lezioni', 'Lezione', 'lezione', 'lezioni', 'Lezione', 'Lezioni'],
    ['it', 'Squadre', 'Squadra', 'squadra', 'squadre', 'Squadra', 'Squadre'],
    ['it', 'Tornei', 'Torneo', 'torneo', 'tornei', 'Torneo', 'Tornei'],
    ['it', 'Negozi', 'Negozio', 'negozio', 'negozi', 'Negozio', 'Negozi'],
    ['es', 'Pistas de pádel', 'PistaPadel', 'pista_padel', 'pistas_padel', 'Pista de pádel', 'Pistas de pádel'],
    ['es', 'Jugadores', 'Jugador', 'jugador', 'jugadores', 'Jugador', 'Jugadores'],
    // "Canciones" is the table's songs ("canción"): a word the table does not know keeps the user's.
    ['es', 'Estaciones', 'Estacion', 'estacion', 'estaciones', 'Estación', 'Estaciones'],
    ['es', 'Pingüinos', 'Pinguino', 'pinguino', 'pinguinos', 'Pingüino', 'Pingüinos'],
    ['pt', 'Serviços', 'Servico', 'servico', 'servicos', 'Serviço', 'Serviços'],
    ['pt', 'Canções', 'Cancao', 'cancao', 'cancoes', 'Canção', 'Canções'],
    ['pt', 'Papéis', 'Papel', 'papel', 'papeis', 'Papel', 'Papéis'],
    ['pt', 'Jogadores', 'Jogador', 'jogador', 'jogadores', 'Jogador', 'Jogadores'],
    // A hotel's chambres are the table's rooms (`household-school-rows.ts`), named like its other rows.
    ['fr', 'Chambres', 'HotelRoom', 'hotel_room', 'hotel_rooms', 'Room', 'Rooms'],
    ['fr', 'Œuvres', 'Oeuvre', 'oeuvre', 'oeuvres', 'Œuvre', 'Œuvres'],
    ['fr', 'Bateaux', 'Bateau', 'bateau', 'bateaux', 'Bateau', 'Bateaux'],
    ['fr', 'Chevaux', 'Cheval', 'cheval', 'chevaux', 'Cheval', 'Chevaux'],
    ['vi', 'Học viên', 'HocVien', 'hoc_vien', 'hoc_vien', 'Học viên', 'Học viên'],
    ['vi', 'Đồ đạc', 'DoDac', 'do_dac', 'do_dac', 'Đồ đạc', 'Đồ đạc'],
    ['en', 'Game boards', 'GameBoard', 'game_board', 'game_boards', 'Game board', 'Game boards'],
    ['en', 'Zorbs', 'Zorb', 'zorb', 'zorbs', 'Zorb', 'Zorbs'],
  ] as const)('%s "%s" → %s', (locale, label, ...expected) => {
    const description = LANGUAGE_OF[locale] ?? '';
    expect(names(entityFor(locale, description, [label], expected[0]))).toEqual(expected);
  });

  // (locale, description) → the entity the planner mines from it.
  it.each([
    [
      'de',
      'Hundespaziergänge buchen mit Gassigehern, Termine und Kunden verwalten',
      ['Hundespaziergang', 'hundespaziergang', 'hundespaziergaenge', 'Hundespaziergang', 'Hundespaziergänge'],
    ],
    [
      'it',
      'Gestione prenotazioni dei campi da tennis per i clienti del circolo',
      ['CampoDaTennis', 'campo_da_tennis', 'campi_da_tennis', 'Campo da tennis', 'Campi da tennis'],
    ],
    [
      'es',
      'Gestionar reservas de pistas de pádel y los clientes del club',
      ['PistaPadel', 'pista_padel', 'pistas_padel', 'Pista de pádel', 'Pistas de pádel'],
    ],
    [
      'fr',
      'Gérer les réservations des chambres et les clients de l’hôtel',
      ['HotelRoom', 'hotel_room', 'hotel_rooms', 'Room', 'Rooms'],
    ],
  ] as const)('%s: mines "%s"', (locale, description, expected) => {
    expect(names(entityFor(locale, description, [], expected[0]))).toEqual(expected);
  });

  it('titles screens mined from a description with the user’s words, not the table’s English', () => {
    const titles = (locale: AppLocale, description: string) =>
      planApp(spec(locale, description, [])).features.map((feature) => feature.names.label);
    expect(titles('it', 'Gestione prenotazioni dei campi da tennis per i clienti del circolo')).toContain(
      'Prenotazioni',
    );
    // "mit Gassigehern" is a dative: the walkers' list is titled "Gassigeher".
    expect(titles('de', 'Hundespaziergänge buchen mit Gassigehern, Termine und Kunden verwalten')).toEqual([
      'Hundespaziergänge',
      'Gassigeher',
      'Termine',
      'Kunden',
      'Einstellungen',
    ]);
    // One word that is both a calendar word and a table row gives one screen, not two called "Reservas".
    const reservas = titles('pt', 'Organizar tarefas e reservas dos clientes do salão');
    expect(reservas.filter((title) => title === 'Reservas')).toHaveLength(1);
  });

  it('writes a German app whose imports all resolve', () => {
    const files = generateFlutterProject(
      spec('de', 'Hundespaziergänge buchen mit Gassigehern, Termine und Kunden verwalten', []),
    );
    expect(unresolvedImports(files)).toEqual([]);
    const model = files.find((file) => file.path === 'lib/data/models/hundespaziergang.dart');
    expect(model?.content).toContain('class Hundespaziergang {');
    // Supabase reads the plural table the German word names.
    expect(files.some((file) => file.content.includes("'hundespaziergaenge'"))).toBe(true);
    expect(files.every((file) => /^[\x20-\x7e]*$/.test(file.path))).toBe(true);
  });
});
