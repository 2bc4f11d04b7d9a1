import { describe, expect, it } from 'vitest';
import type { AppSpec } from '../../app-spec';
import { recordsLibraryFiles } from '../../archetypes/records-library';
import { apiContractMd, graphqlSchema, openApiDocument, openApiYaml } from '../../docs/api-docs';
import { userStoriesMd } from '../../docs/product-docs';
import { generateFlutterProject } from '../../flutter-project.generator';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { planApp } from '../../plan/plan-app';
import { backendWiring, repositoryImplementation } from '../backends';
import {
  hasCreator,
  personalEntities,
  providerLink,
  showsBookedWithMe,
  showsCreator,
  showsStaff,
  staffWritten,
} from './record-owner';
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

/** One generated file of the whole app. */
function appFile(app: AppSpec, path: string): string {
  const file = generateFlutterProject(app).find((candidate) => candidate.path === path);
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
const MERCADILLO =
  'Compra y venta de segunda mano entre vecinos: anuncios con fotos, precio y chat con el vendedor. Registro con email.';

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

  it('gives what people post a creator, not what a shop sells, and nothing without sign-in', () => {
    const market = planApp(spec('firebase', ['auth', 'anuncios', 'chat'], MERCADILLO));
    const creators = market.entities.filter((candidate) => hasCreator(market, candidate)).map((e) => e.className);
    expect(creators).toEqual(['ClassifiedAd']);
    expect(showsCreator(market)).toBe(true);
    const shop = planApp(spec('supabase', ['Login', 'Products'], 'A shop app: staff sign in to keep the products.'));
    expect(shop.entities.some((candidate) => hasCreator(shop, candidate))).toBe(false);
    const open = planApp(spec('supabase', ['Listings']));
    expect(hasCreator(open, entity(open, 'Listing'))).toBe(false);
    // The REST/GraphQL server keeps the creator to itself: the app cannot tell whose an item is.
    expect(showsCreator(planApp(spec('rest', MARKET, MARKET_TEXT)))).toBe(false);
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

  it('leaves a shop’s products readable and writable by every signed-in user', () => {
    const shop = planApp(spec('supabase', ['Login', 'Products'], 'A shop app: staff sign in to keep the products.'));
    const sql = tableSql(shop, 'products');
    expect(sql).not.toContain('user_id');
    expect(sql).toContain('for all to authenticated using (true) with check (true);');
  });

  it('gives a listing its seller: everyone reads, only the creator inserts, updates or deletes', () => {
    const sql = tableSql(plan, 'listings');
    expect(sql).toContain(
      '  "user_id" uuid not null default auth.uid() references auth.users (id) on delete cascade,',
    );
    expect(sql).toContain('create policy "listings read" on public."listings"\n  for select to authenticated using (true);');
    expect(sql).toContain(
      'create policy "listings insert own" on public."listings"\n  for insert to authenticated with check ("user_id" = auth.uid());',
    );
    expect(sql).toContain(
      'create policy "listings update own" on public."listings"\n  for update to authenticated using ("user_id" = auth.uid()) with check ("user_id" = auth.uid());',
    );
    expect(sql).toContain(
      'create policy "listings delete own" on public."listings"\n  for delete to authenticated using ("user_id" = auth.uid());',
    );
    // Re-running the script replaces the open policy of an earlier version.
    expect(sql).toContain('drop policy if exists "listings read and write" on public."listings";');
    expect(sql).not.toContain('using (true) with check (true)');
  });

  it('remembers who created each listing for isMine, and lists every listing', () => {
    const dart = repository(plan, 'Listing');
    expect(dart).toContain('class SupabaseListingRepository implements ListingRepository, PostedRecords {');
    expect(dart).toContain("static const String creatorColumn = 'user_id';");
    expect(dart).toContain('final rows = await _client.from(tableName).select();');
    expect(dart).toContain("if (row['id'] case final String id) id: row[creatorColumn],");
    expect(dart).toContain('return user != null && _creators[id] == user.id;');
    expect(dart).toContain('_creators[item.id] = _client.auth.currentUser?.id;');
    // The column default fills the creator: the app never sends it.
    expect(dart).not.toContain("'user_id':");
    for (const line of dart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
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
    expect(readme).toContain(
      'Read by every signed-in user, changed or deleted only by the user who created them: Listings.',
    );
    expect(readme).toContain('the app offers edit and delete on the signed-in user’s own rows only');
    expect(readme).toContain('using (user_id = auth.uid()) with check (user_id = auth.uid())');
    expect(readme).not.toContain('To keep rows private, add');
  });

  it('adds the owner and new fields to a table an older script created, nullable', () => {
    const sql = tableSql(plan, 'favorites');
    expect(sql).toContain(
      [
        'alter table public."favorites"',
        '  add column if not exists "user_id" uuid default auth.uid() references auth.users (id) on delete cascade,',
        '  add column if not exists "title" text,',
      ].join('\n'),
    );
    expect(sql).toContain('  add column if not exists "added_on" date,');
    expect(sql).not.toMatch(/add column if not exists [^,;]* not null/);
    // After the create table, before the policies that use the column.
    expect(sql.indexOf('add column if not exists "user_id"')).toBeGreaterThan(sql.indexOf(');'));
    expect(sql.indexOf('add column if not exists "user_id"')).toBeLessThan(sql.indexOf('create index'));
    const shop = planApp(spec('supabase', ['Login', 'Products'], 'A shop app: staff sign in to keep the products.'));
    expect(tableSql(shop, 'products')).toMatch(/alter table public\."products"\n {2}add column if not exists "name" text,/);
  });

  it('tells the README reader how to give rows from before an owner', () => {
    const { readme } = backendWiring(plan);
    expect(readme).toContain('The script can be run again');
    expect(readme).toContain('update public."listings" set "user_id" = \'<user id>\' where "user_id" is null;');
    expect(readme).toContain('-- or: delete from public."listings" where "user_id" is null;');
    expect(readme).toContain('alter table public."listings" alter column "user_id" set not null;');
    const open = backendWiring(planApp(spec('supabase', ['Notes'], 'Keep notes.'))).readme;
    expect(open).toContain('The script can be run again');
    expect(open).not.toContain('set not null');
  });

  it('documents the owner of each table in api_contract.md', () => {
    const md = apiContractMd(plan);
    expect(md).toContain("- Owner: the signed-in user; column `user_id` defaults to `auth.uid()`");
    expect(md).toContain(
      "- Creator: the signed-in user who inserts a row; column `user_id` defaults to `auth.uid()` (the app sends none); every signed-in user reads every item; only its creator updates or deletes it",
    );
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

  it('lets every signed-in user read a listing, only its creator create, change or delete it', () => {
    const rules = readme.slice(readme.indexOf('match /listings/{itemId}'));
    const listings = rules.slice(0, rules.indexOf('\n    }'));
    expect(listings).toContain('allow read: if request.auth != null;');
    expect(listings).toContain(
      'allow create: if request.auth != null && request.resource.data.owner_id == request.auth.uid && ',
    );
    expect(listings).toContain(
      'allow update: if request.auth != null && resource.data.owner_id == request.auth.uid && request.resource.data.owner_id == request.auth.uid && ',
    );
    expect(listings).toContain('allow delete: if request.auth != null && resource.data.owner_id == request.auth.uid;');
    expect(readme).toContain('the app offers edit and delete on the signed-in user\'s own items only');
  });

  it('keeps a shop’s products open to every signed-in user', () => {
    const shop = backendWiring(planApp(spec('firebase', ['Login', 'Products'], 'Staff sign in to keep the products.')));
    const rules = shop.readme.slice(shop.readme.indexOf('match /products/{itemId}'));
    const products = rules.slice(0, rules.indexOf('\n    }'));
    expect(products).toContain('allow read, delete: if request.auth != null;');
    expect(products).not.toContain('owner_id');
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
  });

  it('stamps a listing’s creator on save, lists every listing and remembers whose each is', () => {
    const listing = repository(plan, 'Listing');
    expect(listing).toContain('class FirestoreListingRepository implements ListingRepository, PostedRecords {');
    expect(listing).toContain('final snapshot = await _collection.get();');
    expect(listing).not.toContain('where(ownerField');
    expect(listing).toContain('for (final doc in snapshot.docs) doc.id: doc.data()[ownerField],');
    expect(listing).toContain('final json = <String, Object?>{...item.toJson(), ownerField: _ownerId};');
    expect(listing).toContain('_creators[item.id] = json[ownerField];');
    expect(listing).toContain('return user != null && _creators[id] == user.uid;');
    for (const line of listing.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
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
    // Another user's listing: 403 on save and delete, and the contract says who sets the creator.
    const listing = yaml.indexOf('/listings/{id}:');
    const listingOps = yaml.slice(listing, yaml.indexOf('\n  /', listing + 1));
    expect(listingOps.match(/"403":\n {10}\$ref: "#\/components\/responses\/Forbidden"/g)).toHaveLength(2);
    expect(yaml).toContain('description: Another user created this item; only they may change or delete it');
    expect(readme).toContain('saving or deleting an item another user created answers `403 Forbidden`');
    expect(apiContractMd(plan)).toContain(
      "- Creator: the bearer token's user; the server sets it when the item is first saved (the app sends none)",
    );
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
    expect(schema).toContain(
      "(GraphqlListingRepository.delete); for an item another user created, an error with extensions.code FORBIDDEN",
    );
  });
});

describe('bookings both parties see', () => {
  const DENTISTS = 'Patients book appointments with dentists';
  const DENTAL = ['Sign in', 'Appointments', 'Dentists'];

  it('gives the dentist row its creator and lets the dentist’s account read the appointments made with it', () => {
    const plan = planApp(spec('supabase', DENTAL, DENTISTS));
    expect(providerLink(plan, entity(plan, 'Appointment'))?.provider.className).toBe('Dentist');
    expect(hasCreator(plan, entity(plan, 'Dentist'))).toBe(true);
    expect(tableSql(plan, 'dentists')).toContain(
      'create policy "dentists update own" on public."dentists"\n  for update to authenticated using ("user_id" = auth.uid()) with check ("user_id" = auth.uid());',
    );
    const sql = tableSql(plan, 'appointments');
    // The booker alone writes; the dentist's account only selects.
    expect(sql).toContain('create policy "appointments own rows" on public."appointments"\n  for all to authenticated');
    expect(sql).toContain(
      [
        'create policy "appointments booked with me" on public."appointments"',
        '  for select to authenticated using (exists (',
        '    select 1 from public."dentists" p',
        '    where p."id" = public."appointments"."dentist_id" and p."user_id" = auth.uid()',
        '  ));',
      ].join('\n'),
    );
    expect(sql).toContain('create index if not exists "appointments_dentist_id_idx"');
    const dart = repository(plan, 'Appointment');
    expect(dart).toMatch(/implements AppointmentRepository, BookedRecords \{/);
    expect(dart).toContain('return user != null && _creators[id] == user.id;');
    const readme = backendWiring(plan).readme;
    expect(readme).toContain(
      'Seen by the signed-in user who booked them and by the user who created the Dentist they are booked with; only the user who booked one changes or deletes it: Appointments.',
    );
    expect(readme).toContain('Read by every signed-in user, changed or deleted only by the user who created them: Dentists.');
    expect(readme).toContain('They can neither change nor delete one');
  });

  it('lets the walker see the walks booked with them, in English and in German', () => {
    const cases = [
      { description: 'Dog owners book walks with dog walkers', features: ['Sign up', 'Dog walks', 'Walkers'] },
      {
        description: 'Hundebesitzer buchen Gassigänge bei Gassigehern',
        features: ['Anmeldung', 'Gassigänge', 'Gassigeher'],
      },
    ];
    const [walks, gassi] = cases.map(({ description, features }) => planApp(spec('supabase', features, description)));
    expect(providerLink(walks, entity(walks, 'Walk'))?.provider.className).toBe('Walker');
    expect(tableSql(walks, 'walks')).toContain('create policy "walks booked with me" on public."walks"');
    expect(providerLink(gassi, entity(gassi, 'Gassigang'))?.provider.className).toBe('Gassigeher');
    expect(tableSql(gassi, 'gassigaenge')).toContain(
      'where p."id" = public."gassigaenge"."gassigeher_id" and p."user_id" = auth.uid()',
    );
  });

  it('Firestore: stamps the dentist’s account on an appointment, checks it with get() and asks for both parties', () => {
    const plan = planApp(spec('firebase', DENTAL, DENTISTS));
    const readme = backendWiring(plan).readme;
    expect(readme).toContain(
      'allow read: if request.auth != null && (resource.data.owner_id == request.auth.uid || resource.data.provider_owner_id == request.auth.uid);',
    );
    expect(readme).toContain(
      'request.resource.data.provider_owner_id == get(/databases/$(database)/documents/dentists/$(request.resource.data.dentistId)).data.owner_id',
    );
    expect(readme).toContain('allow delete: if request.auth != null && resource.data.owner_id == request.auth.uid;');
    const dart = repository(plan, 'Appointment');
    // The query the rules allow: the rules hold for each side of the `or`.
    expect(dart).toContain(
      'Filter.or(\n            Filter(ownerField, isEqualTo: uid),\n            Filter(providerOwnerField, isEqualTo: uid),\n          ),',
    );
    expect(dart).toContain('providerOwnerField: await _providerOwner(item.dentistId),');
    expect(dart).toContain("static const String providerCollection = 'dentists';");
    expect(dart).toContain('final provider = await _providers.doc(id).get();');
    for (const line of dart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('REST and GraphQL: the contract says the server lists a booking to its booker and to the dentist’s account', () => {
    const rest = planApp(spec('rest', DENTAL, DENTISTS));
    expect(backendWiring(rest).readme).toContain(
      'Listing Appointments also returns the ones booked with a Dentist the user created, so both parties see a booking; saving or deleting one of those answers `403 Forbidden`',
    );
    expect(apiContractMd(rest)).toContain('- Also seen by: the user who created the Dentist it is booked with');
    const yaml = openApiYaml(rest);
    expect(yaml).toContain("the ones booked with a Dentist that user created (`dentistId`), which that user may read");
    const item = yaml.indexOf('/appointments/{id}:');
    expect(yaml.slice(item, yaml.indexOf('\n  /', item + 1))).toContain('"403":');
    const medicos = planApp(spec('graphql', ['Iniciar sesión', 'Citas', 'Médicos'], 'Pacientes reservan citas con médicos'));
    expect(backendWiring(medicos).readme).toContain('booked with a Médico the user created');
    expect(backendWiring(medicos).readme).toContain('`FORBIDDEN`');
  });

  it('marks a booking made with the user in the calendar and lets only its booker change it', () => {
    const app = spec('supabase', ['Iniciar sesión', 'Citas', 'Médicos'], 'Pacientes reservan citas con médicos');
    const screen = appFile(app, 'lib/features/citas/citas_screen.dart');
    expect(screen).toContain('final BookedRecords booked => !booked.isMine(entry.id),');
    expect(screen).toContain(
      "if (_bookedWithMe(entry))\n                  ListTile(\n                    leading: Text(formatTime(entry.date)),\n                    title: Text(entry.displayTitle),\n                    subtitle: const Text('Reservado contigo'),\n                  )\n                else\n                  Dismissible(",
    );
    const test = appFile(app, 'test/features/citas_screen_test.dart');
    expect(test).toContain("expect(find.text('Reservado contigo'), findsOneWidget);");
    expect(appFile(app, 'test/support/fake_repositories.dart')).toContain(
      'implements BookingRepository, BookedRecords {',
    );
    expect(appFile(app, 'lib/data/repositories/record_repository.dart')).toContain(
      'abstract interface class BookedRecords implements PostedRecords {}',
    );
  });

  it('shows “Booked with you” in a record list of bookings, not “Posted by you”', () => {
    const list = recordsLibraryFiles({ locale: 'de' }, true, undefined, true).find(
      (file) => file.path === 'lib/core/records/record_list_screen.dart',
    )?.content;
    expect(list).toContain("return mine == false ? 'Bei dir gebucht' : null;");
    expect(list).toContain("return (mine ?? false) ? 'Von dir veröffentlicht' : null;");
    expect(list).toContain('ownerNote: _ownerNote(item),');
  });

  it('leaves one-party apps and staff apps as they were', () => {
    const notes = planApp(spec('supabase', ['Sign in', 'Notes'], 'Write private notes'));
    expect(supabaseSql(notes)).not.toContain('booked with me');
    expect(backendWiring(notes).readme).toContain('Private to the signed-in user who created them: Notes.');
    expect(showsBookedWithMe(notes)).toBe(false);
    const notesFire = planApp(spec('firebase', ['Sign in', 'Notes'], 'Write private notes'));
    expect(repository(notesFire, 'Note')).toContain(
      'final snapshot =\n        await _collection.where(ownerField, isEqualTo: _ownerId).get();',
    );
    expect(backendWiring(notesFire).readme).not.toContain('provider_owner_id');
    // Accounts handed out by staff: the team shares the bookings, nobody owns a doctor.
    const staff = planApp(spec('supabase', ['Login', 'Appointments', 'Doctors'], 'Staff sign in to book appointments with doctors'));
    expect(staff.entities.some((candidate) => providerLink(staff, candidate))).toBe(false);
    expect(hasCreator(staff, entity(staff, 'Doctor'))).toBe(false);
  });
});

describe('a catalogue only staff change', () => {
  const SHOP = ['Sign up', 'Products', 'Cart', 'Payments'];
  const SHOP_TEXT = 'A small shop: customers sign up, browse products, add them to a cart and pay.';
  const RESTO = ['Connexion', 'Menu', 'Commandes', 'Paiement'];
  const RESTO_TEXT = 'Restaurant : les clients créent un compte, consultent le menu, commandent et paient.';
  const ADMIN = "(auth.jwt() -> 'app_metadata' ->> 'role') = 'admin'";

  it('keeps what a shop sells, a restaurant’s menu and a gym’s classes for staff, not what people post', () => {
    const staffOf = (plan: AppPlan) =>
      plan.entities.filter((candidate) => staffWritten(plan, candidate)).map((e) => e.className);
    expect(staffOf(planApp(spec('supabase', SHOP, SHOP_TEXT)))).toEqual(['Product']);
    expect(staffOf(planApp(spec('firebase', RESTO, RESTO_TEXT)))).toEqual(['MenuItem']);
    // A gym's classes are sessions on its timetable (`class-sessions.ts`), kept by staff as courses are.
    expect(staffOf(planApp(spec('supabase', ['Sign up', 'Classes', 'Trainers'], 'A gym: members sign up.')))).toEqual([
      'ClassSession',
    ]);
    expect(staffOf(planApp(spec('supabase', MARKET, MARKET_TEXT)))).toEqual([]);
    // A trip planner's places are its users' to add.
    expect(staffOf(planApp(spec('supabase', ['Sign up', 'Places', 'Map'], 'Plan trips and places to visit')))).toEqual(
      [],
    );
  });

  it('does not tell a customer to tap an add button they do not have when the catalogue is empty', () => {
    const app = generateFlutterProject(spec('supabase', SHOP, SHOP_TEXT));
    const screen = app.find((file) => file.path === 'lib/features/products/products_screen.dart')?.content ?? '';
    expect(screen).toContain("readOnlyEmptyMessage: 'No products yet',");
    const list = app.find((file) => file.path.endsWith('record_list_screen.dart'))?.content ?? '';
    expect(list).toContain(': widget.readOnlyEmptyMessage ?? widget.emptyMessage,');
  });

  it('Supabase: every signed-in user selects products, only an admin in app_metadata writes them', () => {
    const plan = planApp(spec('supabase', SHOP, SHOP_TEXT));
    const sql = tableSql(plan, 'products');
    expect(sql).toContain('create policy "products read" on public."products"\n  for select to authenticated using (true);');
    expect(sql).toContain(
      `create policy "products staff write" on public."products"\n  for all to authenticated using (${ADMIN}) with check (${ADMIN});`,
    );
    expect(sql).not.toContain('using (true) with check (true)');
    expect(sql).not.toContain('user_metadata');
    const { readme } = backendWiring(plan);
    expect(readme).toContain('Read by every signed-in user, added, changed or deleted only by staff (an admin account): Products.');
    expect(readme).toContain(`set raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || '{"role": "admin"}'::jsonb`);
    expect(readme).toContain('at the next sign-in or token refresh');
    expect(readme).not.toContain('The policies let every signed-in user read and write every row.');
    const dart = repository(plan, 'Product');
    expect(dart).toContain('class SupabaseProductRepository implements ProductRepository, StaffRecords {');
    expect(dart).toContain("      _client.auth.currentUser?.appMetadata['role'] == 'admin';");
    for (const line of dart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('Firestore: a French restaurant’s menu is read by everyone, written only with the admin claim', () => {
    const plan = planApp(spec('firebase', RESTO, RESTO_TEXT));
    const wiring = backendWiring(plan);
    const rules = wiring.readme.slice(wiring.readme.indexOf('match /menu_items/{itemId}'));
    const menu = rules.slice(0, rules.indexOf('\n    }'));
    expect(menu).toContain('allow read: if request.auth != null;');
    expect(menu).toContain(
      "allow create, update: if request.auth != null && request.auth.token.admin == true && request.resource.data.keys().hasAll(['name', 'price']);",
    );
    expect(menu).toContain('allow delete: if request.auth != null && request.auth.token.admin == true;');
    expect(wiring.readme).toContain('.setCustomUserClaims(process.argv[2], { admin: true })');
    expect(wiring.readme).not.toContain('Shared collections let every signed-in user read and write every item.');
    expect(wiring.dependencies).toHaveProperty('firebase_auth');
    const dart = repository(plan, 'MenuItem');
    expect(dart).toContain('implements MenuItemRepository, StaffRecords {');
    expect(dart).toContain('final token = await _auth.currentUser?.getIdTokenResult();');
    expect(dart).toContain("_staff = token?.claims?['admin'] == true;");
    for (const line of dart.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('REST and GraphQL: the README says writes need a staff token', () => {
    expect(backendWiring(planApp(spec('rest', SHOP, SHOP_TEXT))).readme).toContain(
      'Saving or deleting Products needs the bearer token of a staff user (an admin account; the server decides who is staff): for anyone else the server answers `403 Forbidden`.',
    );
    expect(apiContractMd(planApp(spec('graphql', SHOP, SHOP_TEXT)))).toContain(
      'for anyone else the server fails with an error whose `extensions.code` is `FORBIDDEN`',
    );
  });

  it('the REST contract declares the 403 a customer’s write gets, and the docs say who keeps the list', () => {
    const rest = planApp(spec('rest', SHOP, SHOP_TEXT));
    const openApi = openApiDocument(rest) as {
      paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>;
      components: { responses: Record<string, { description: string }> };
    };
    const item = openApi.paths['/products/{id}'];
    expect(item.put.responses).toHaveProperty('403');
    expect(item.delete.responses).toHaveProperty('403');
    expect(item.put.description).toContain('Only a staff user (an admin account; the server decides who is staff)');
    expect(openApi.components.responses.Forbidden.description).toBe(
      'Only staff (an admin account) may change or delete these items',
    );
    // Open shared lists refuse no write: no 403 there.
    const open = openApiDocument(planApp(spec('rest', ['Sign up', 'Places', 'Map'], 'Plan trips and places to visit'))) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(open.paths['/places/{id}'].put.responses).not.toHaveProperty('403');
    expect(apiContractMd(rest)).toContain(
      'Owner: none; every signed-in user reads every item; only staff (an admin account) add, update or delete: the server decides who is staff; anyone else saving or deleting gets `403 Forbidden`',
    );
    expect(apiContractMd(planApp(spec('supabase', SHOP, SHOP_TEXT)))).toContain(
      `the row level security policies check \`${ADMIN}\``,
    );
    expect(apiContractMd(rest)).not.toMatch(/Products[^\n]*Owner: none; shared by every signed-in user/);
  });

  it('user stories say a customer cannot change the catalogue: hidden actions (Supabase), a refusal (REST)', () => {
    const supabase = userStoriesMd(planApp(spec('supabase', SHOP, SHOP_TEXT)));
    const products = supabase.slice(supabase.indexOf('— Products'), supabase.indexOf('Screen:', supabase.indexOf('— Products')));
    expect(products).toContain('so that a list of products kept by staff with validation');
    expect(products).toContain(
      'Given I am signed in without the admin role, then I see the products but no add, edit or delete action, and an empty list says "No products yet".',
    );
    expect(products).toContain('Given I am signed in as staff (the admin role; see the README), when I fill in the form (');
    expect(products).not.toContain('an empty state invites me to add one');
    const rest = userStoriesMd(planApp(spec('rest', SHOP, SHOP_TEXT)));
    expect(rest).toContain(
      'Given I am signed in without the admin role, when I save or delete one of the products, then the server refuses it and the app says "You are not allowed to do this".',
    );
  });

  it('offers add, edit and delete on the staff’s lists to staff only', () => {
    const app = spec('supabase', SHOP, SHOP_TEXT);
    const list = appFile(app, 'lib/core/records/record_list_screen.dart');
    expect(list).toContain('final StaffRecords staff => staff.canEdit,');
    expect(list).toContain('builder: (context, _) => _canEdit\n            ? FloatingActionButton.extended(');
    expect(list).toContain('trailing: _canEdit\n          ? IconButton(');
    expect(list).toContain('canEdit: _canEdit,');
    const detail = appFile(app, 'lib/core/records/record_detail_screen.dart');
    expect(detail).toContain('if (widget.canEdit) ...[');
    expect(appFile(app, 'lib/data/repositories/record_repository.dart')).toContain(
      'abstract interface class StaffRecords {\n  /// Whether the signed-in user is staff, as of the last load.\n  bool get canEdit;\n}',
    );
  });

  it('leaves a shop without sign-in and a staff app (accounts handed out) as they were', () => {
    for (const plan of [
      planApp(spec('supabase', ['Products', 'Cart', 'Payments'], 'A shop without accounts.')),
      planApp(spec('supabase', ['Login', 'Products'], 'A shop app: staff sign in to keep the products.')),
    ]) {
      expect(showsStaff(plan)).toBe(false);
      expect(tableSql(plan, 'products')).toContain('using (true) with check (true);');
      expect(repository(plan, 'Product')).not.toContain('StaffRecords');
    }
    const staffFire = backendWiring(planApp(spec('firebase', ['Login', 'Products'], 'Staff sign in to keep the products.')));
    expect(staffFire.readme).not.toContain('request.auth.token.admin');
    const list = appFile(spec('supabase', ['Login', 'Products'], 'Staff sign in.'), 'lib/core/records/record_list_screen.dart');
    expect(list).not.toContain('_canEdit');
  });
});
