/**
 * The server schemas agree with the models: a model refuses a row without a
 * required value (`fromJson` throws), so the Supabase SQL, the Firestore rules
 * and the REST / GraphQL contracts must never produce one, and say what
 * deleting a record others point at does.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { backendDocs } from '../docs.generator';
import { planApp } from '../plan/plan-app';
import { backendWiring } from './backends';
import { supabaseSql } from './backends/supabase-sql';

function appSpec(name: string, description: string, features: string[], backend: string): AppSpec {
  return { slug: name.toLowerCase(), name, description, platforms: ['android'], style: 'modern', backend, features };
}

const petVet = (backend: string): AppSpec =>
  appSpec(
    'PetVet',
    'Veterinary clinic: owners register pets, book visits, vets write visit notes and prescriptions',
    ['login', 'pets', 'visits', 'prescriptions', 'calendar', 'notifications'],
    backend,
  );
const flashcards = (backend: string): AppSpec =>
  appSpec('Flashcards', 'Study flashcards with spaced repetition', ['decks', 'cards', 'study', 'statistics'], backend);
const dogWalker = (backend: string): AppSpec =>
  appSpec('Dog Walker', 'Book dog walks with local walkers and pay in the app', [], backend);

function doc(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path}`);
  return file.content;
}

/** The lines of `sql`'s `create table` for `table`. */
function tableLines(sql: string, table: string): string[] {
  const start = sql.indexOf(`create table if not exists public."${table}" (`);
  expect(start).toBeGreaterThanOrEqual(0);
  return sql.slice(start, sql.indexOf(');', start)).split('\n').slice(1);
}

describe('Supabase SQL: no row the app cannot read', () => {
  it('deletes the visits and prescriptions of a deleted pet, and never leaves pet_id empty', () => {
    const sql = supabaseSql(planApp(petVet('supabase')));
    for (const table of ['visits', 'prescriptions']) {
      expect(tableLines(sql, table)).toContain(
        '  "pet_id" text not null references public."pets" ("id") on delete cascade,',
      );
    }
    expect(sql).not.toContain('on delete set null');
  });

  it('deletes the cards of a deleted deck', () => {
    const sql = supabaseSql(planApp(flashcards('supabase')));
    expect(sql).toContain('"deck_id" text not null references public."decks" ("id") on delete cascade');
  });

  it('makes every required column not null and leaves optional ones nullable', () => {
    for (const spec of [petVet('supabase'), flashcards('supabase'), dogWalker('supabase')]) {
      const plan = planApp(spec);
      const sql = supabaseSql(plan);
      for (const entity of plan.entities) {
        const lines = tableLines(sql, entity.tableName);
        for (const field of entity.fields) {
          const line = lines.find((candidate) => candidate.startsWith(`  "${field.column}" `));
          expect(line, `${entity.className}.${field.name}`).toBeDefined();
          expect(line?.includes(' not null'), `${entity.className}.${field.name}: ${line}`).toBe(
            field.required || field.type === 'bool',
          );
        }
      }
    }
  });

  it('stores a picked day as a date and a moment as a timestamptz', () => {
    const sql = supabaseSql(planApp(petVet('supabase')));
    expect(tableLines(sql, 'pets')).toContain('  "birthday" date,');
    // A visit is at a time of day; a prescription's date is a day.
    expect(tableLines(sql, 'visits')).toContain('  "date" timestamptz not null,');
    expect(tableLines(sql, 'prescriptions')).toContain('  "date" date not null');
  });

  it('tells the README reader what deleting a pet does', () => {
    const readme = backendWiring(planApp(petVet('supabase'))).readme;
    expect(readme).toContain('"pet_id" text not null');
    const links = doc(backendDocs(petVet('supabase')), 'docs/api_contract.md');
    expect(links).toContain('- Deleting one: also deletes its Visits (`Visit.petId`); also deletes its Prescriptions');
  });
});

describe('REST and GraphQL contracts: required fields and deleting', () => {
  it('OpenAPI requires the deck of a card and says deleting a deck deletes its cards', () => {
    const api = parse(doc(backendDocs(flashcards('rest')), 'docs/openapi.yaml'));
    expect(api.components.schemas.Flashcard.required).toEqual(expect.arrayContaining(['front', 'back', 'deckId']));
    const deleteDeck = api.paths['/decks/{id}'].delete;
    expect(deleteDeck.description).toBe('Also deletes its Cards (`Flashcard.deckId`).');
    // Nothing can refuse a delete here, so no 409 and no unused Conflict response.
    expect(deleteDeck.responses['409']).toBeUndefined();
    expect(api.components.responses.Conflict).toBeUndefined();
  });

  it('OpenAPI answers 409 when a walker with walks is deleted', () => {
    const api = parse(doc(backendDocs(dogWalker('rest')), 'docs/openapi.yaml'));
    const deleteWalker = api.paths['/walkers/{id}'].delete;
    expect(deleteWalker.description).toBe('Refused while Dog walks (`DogWalk.walkerId`) point at it.');
    expect(deleteWalker.responses['409']).toEqual({ $ref: '#/components/responses/Conflict' });
    expect(api.components.responses.Conflict.description).toBe('Not deleted: other records still point at this one');
    expect(doc(backendDocs(dogWalker('rest')), 'docs/api_contract.md')).toContain(
      '- Deleting one: refused while Dog walks (`DogWalk.walkerId`) point at it (`DELETE` answers `409 Conflict`)',
    );
  });

  it('GraphQL inputs make required fields non-null and the delete mutations describe their effect', () => {
    const schema = doc(backendDocs(petVet('graphql')), 'docs/schema.graphql');
    const input = schema.slice(schema.indexOf('input VisitInput {'), schema.indexOf('}', schema.indexOf('input VisitInput {')));
    expect(input).toContain('  petId: String!');
    expect(input).toContain('  reason: String!');
    expect(input).toContain('  notes: String\n');
    expect(schema).toContain(
      '"Delete by id; true when an item was deleted (GraphqlPetRepository.delete); also deletes its Visits (`Visit.petId`); also deletes its Prescriptions (`Prescription.petId`)"\n  deletePet(id: ID!): Boolean!',
    );
    const walker = doc(backendDocs(dogWalker('graphql')), 'docs/schema.graphql');
    expect(walker).toContain('(an error with extensions.code CONFLICT, nothing deleted)"\n  deleteWalker(id: ID!): Boolean!');
  });
});

describe('Firestore rules', () => {
  it('refuse a card written without its deck', () => {
    const readme = backendWiring(planApp(flashcards('firebase'))).readme;
    expect(readme).toContain('match /flashcards/{itemId} {\n      allow read, delete: if true;');
    expect(readme).toContain("allow create, update: if request.resource.data.keys().hasAll(['front', 'back', 'deckId']);");
  });
});
