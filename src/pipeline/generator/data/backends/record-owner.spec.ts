import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../../app-spec';
import { apiContractMd, graphqlSchema, openApiYaml } from '../../docs/api-docs';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { planApp } from '../../plan/plan-app';
import { backendWiring, repositoryImplementation } from '../backends';
import { personalEntities } from './record-owner';
import { supabaseSql } from './supabase-sql';

function spec(backend: string, features: string[], description = ''): AppSpec {
  return { slug: 'owners', name: 'Owners', description, platforms: [], style: '', backend, features };
}

function entity(plan: AppPlan, className: string): EntityPlan {
  const found = plan.entities.find((candidate) => candidate.className === className);
  if (!found) throw new Error(`no ${className} in ${plan.entities.map((e) => e.className).join(', ')}`);
  return found;
}

function repository(plan: AppPlan, className: string): string {
  const path = repositoryImplementation(plan.backend, entity(plan, className)).path;
  const file = backendWiring(plan).files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file.content;
}

/** The SQL of one table, from its `create table` to the next blank line. */
function tableSql(plan: AppPlan, table: string): string {
  const block = supabaseSql(plan)
    .split('\n\n')
    .find((part) => part.startsWith(`create table if not exists public."${table}"`));
  if (!block) throw new Error(`no table ${table}`);
  return block;
}

const MARKET = ['Login and register', 'Listings', 'Favorites', 'Orders'];
const MARKET_TEXT = 'A marketplace: people sign up, browse listings, keep favorites and place orders.';

describe('whose records', () => {
  it('keeps a person’s favorites, orders, decks and cards private and a marketplace’s listings shared', () => {
    expect([...personalEntities(planApp(spec('supabase', MARKET, MARKET_TEXT)))].sort()).toEqual([
      'Favorite',
      'OrderEntry',
    ]);
    const study = planApp(spec('supabase', ['Login', 'Decks', 'Flashcards', 'Study']));
    expect([...personalEntities(study)].sort()).toEqual(['Deck', 'Flashcard']);
  });

  it('shares the doctors patients book with, keeps the bookings private', () => {
    const plan = planApp(spec('rest', ['Login', 'Bookings', 'Doctors'], 'Patients book appointments with doctors.'));
    const personal = personalEntities(plan);
    expect(personal.has('Booking')).toBe(true);
    expect(personal.has('Doctor')).toBe(false);
  });

  it('shares a staff app’s business records with the team; notes stay their writer’s', () => {
    const plan = planApp(
      spec('supabase', ['Login', 'Work orders', 'Customers', 'Notes'], 'Employees sign in to log work orders.'),
    );
    expect([...personalEntities(plan)]).toEqual(['Note']);
  });

  it('gives nothing an owner without sign-in', () => {
    expect(personalEntities(planApp(spec('supabase', ['Notes', 'Favorites'])))).toEqual(new Set());
  });
});

describe('supabase', () => {
  const plan = planApp(spec('supabase', MARKET, MARKET_TEXT));

  it('gives a personal table a user_id owner, its index and an owner-only policy', () => {
    const sql = tableSql(plan, 'favorites');
    expect(sql).toContain(
      '  "user_id" uuid not null default auth.uid() references auth.users (id) on delete cascade,',
    );
    expect(sql).toContain('create index if not exists "favorites_user_id_idx"\n  on public."favorites" ("user_id");');
    expect(sql).toContain('drop policy if exists "favorites read and write" on public."favorites";');
    expect(sql).toContain(
      'create policy "favorites own rows" on public."favorites"\n  for all to authenticated using ("user_id" = auth.uid()) with check ("user_id" = auth.uid());',
    );
    expect(sql).not.toContain('using (true)');
  });

  it('leaves a shared catalog readable and writable by every signed-in user', () => {
    const sql = tableSql(plan, 'listings');
    expect(sql).not.toContain('user_id');
    expect(sql).toContain('for all to authenticated using (true) with check (true);');
  });

  it('keeps the Dart repository sending no owner: the column default and RLS do it', () => {
    const dart = repository(plan, 'Favorite');
    expect(dart).toContain('await _client.from(tableName).select();');
    expect(dart).toContain('await _client.from(tableName).upsert(_toRow(item));');
    expect(dart).not.toContain("'user_id'");
    expect(dart).toContain('/// Each row belongs to the signed-in user: the table fills its');
    expect(repository(plan, 'Listing')).not.toContain('belongs to the signed-in user');
    for (const line of dart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says in the README which tables are private, and no longer asks the user to add user_id', () => {
    const { readme } = backendWiring(plan);
    expect(readme).toContain('Private to the signed-in user who created them: Favorites, Orders.');
    expect(readme).toContain('Shared by every signed-in user: Listings.');
    expect(readme).toContain('using (user_id = auth.uid()) with check (user_id = auth.uid())');
    expect(readme).not.toContain('To keep rows private, add');
  });

  it('documents the owner of each table in api_contract.md', () => {
    const md = apiContractMd(plan);
    expect(md).toContain("- Owner: the signed-in user; column `user_id` defaults to `auth.uid()`");
    expect(md).toContain('- Owner: none; shared by every signed-in user');
  });
});

describe('firebase', () => {
  const plan = planApp(spec('firebase', MARKET, MARKET_TEXT));
  const { readme, dependencies } = backendWiring(plan);

  it('lets only the owner read, create, change or delete a personal document', () => {
    const rules = readme.slice(readme.indexOf('match /favorites/{itemId}'));
    const favorites = rules.slice(0, rules.indexOf('\n    }'));
    expect(favorites).toContain(
      'allow read, delete: if request.auth != null && resource.data.owner_id == request.auth.uid;',
    );
    expect(favorites).toContain(
      'allow create: if request.auth != null && request.resource.data.owner_id == request.auth.uid && request.resource.data.keys().hasAll([',
    );
    expect(favorites).toContain(
      'allow update: if request.auth != null && resource.data.owner_id == request.auth.uid && request.resource.data.owner_id == request.auth.uid && ',
    );
  });

  it('keeps a shared collection open to every signed-in user', () => {
    const rules = readme.slice(readme.indexOf('match /listings/{itemId}'));
    const listings = rules.slice(0, rules.indexOf('\n    }'));
    expect(listings).toContain('allow read, delete: if request.auth != null;');
    expect(listings).not.toContain('owner_id');
  });

  it('stamps owner_id from FirebaseAuth on save and lists the signed-in user’s documents only', () => {
    expect(dependencies).toHaveProperty('firebase_auth');
    const dart = repository(plan, 'Favorite');
    expect(dart).toContain("import 'package:firebase_auth/firebase_auth.dart';");
    expect(dart).toContain("static const String ownerField = 'owner_id';");
    expect(dart).toContain('_auth = auth ?? FirebaseAuth.instance;');
    expect(dart).toContain('final user = _auth.currentUser;');
    expect(dart).toContain('await _collection.where(ownerField, isEqualTo: _ownerId).get();');
    expect(dart).toContain('final json = <String, Object?>{...item.toJson(), ownerField: _ownerId};');
    expect(dart).toContain('return _collection.doc(item.id).set(json);');
    for (const line of dart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const listing = repository(plan, 'Listing');
    expect(listing).not.toContain('owner_id');
    expect(listing).toContain('final snapshot = await _collection.get();');
  });

  it('explains the owner field in the README', () => {
    expect(readme).toContain('Private to the signed-in user who created them: Favorites, Orders.');
    expect(readme).toContain("A private document carries its owner's uid in `owner_id`");
    expect(readme).not.toContain('narrow them');
  });

  it('adds no owner and no firebase_auth without sign-in', () => {
    const open = backendWiring(planApp(spec('firebase', ['Notes'])));
    expect(open.dependencies).not.toHaveProperty('firebase_auth');
    expect(open.readme).not.toContain('owner_id');
  });
});

describe('rest and graphql', () => {
  it('REST: the contract scopes personal lists to the bearer token’s user and lets the server set the owner', () => {
    const plan = planApp(spec('rest', MARKET, MARKET_TEXT));
    const sentence =
      'The server keeps the owner of each private item: the user of the request’s bearer token when the item is first saved (the app sends no owner field).';
    const { readme } = backendWiring(plan);
    expect(readme).toContain('Private to the signed-in user who created them: Favorites, Orders.');
    expect(readme).toContain(sentence);
    expect(readme).toContain('saving or deleting another user’s item answers `404 Not Found`');
    expect(apiContractMd(plan)).toContain(sentence);
    expect(apiContractMd(plan)).toContain("- Owner: the bearer token's user; the server sets it");
    const yaml = openApiYaml(plan);
    expect(yaml).toContain("summary: List the signed-in user's Favorites");
    expect(yaml).toContain('summary: List all Listings');
    // Saving another user's favorite answers 404, as the README says.
    const item = yaml.indexOf('/favorites/{id}:');
    expect(yaml.slice(item, yaml.indexOf('delete:', item))).toContain('"404":');
    // The Dart client sends no owner: its list call has no parameter.
    expect(repository(plan, 'Favorite')).not.toMatch(/owner/i);
  });

  it('GraphQL: the schema says whose items a personal list returns', () => {
    const plan = planApp(spec('graphql', MARKET, MARKET_TEXT));
    const schema = graphqlSchema(plan);
    expect(schema).toContain(`"All Favorites of the bearer token's user (GraphqlFavoriteRepository.fetchAll)"`);
    expect(schema).toContain('"All Listings (GraphqlListingRepository.fetchAll)"');
    expect(backendWiring(plan).readme).toContain('fails as for an unknown id');
  });
});
