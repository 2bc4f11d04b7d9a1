import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppSpec, GeneratedFile } from '../app-spec';
import { supabaseSql } from '../data/backends/supabase-sql';
import { backendDocs } from '../docs.generator';
import { generateFlutterProject } from '../flutter-project.generator';
import type { AppPlan, BackendKind, EntityField, EntityPlan } from '../plan/app-plan';
import { planApp } from '../plan/plan-app';
import { simpleSpec } from '../testing/fixtures';

function content(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not generated`);
  return file.content;
}

/** The Markdown from `heading` up to the next heading of the same level or above. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) return '';
  const level = heading.split(' ')[0];
  const end = markdown.slice(start + heading.length).search(new RegExp(`\\n#{1,${level.length}} `));
  return markdown.slice(start, end < 0 ? undefined : start + heading.length + end);
}

function dogWalker(backend: BackendKind): AppSpec {
  // The description alone gives the dog walks (a calendar) and their walkers.
  return simpleSpec({
    name: 'Dog Walker',
    description: 'Dog Walker: Book dog walks with local walkers and pay in the app',
    backend,
    features: [],
  });
}

const LANDLORD = simpleSpec({
  name: 'Landlord',
  description: 'Track tenants, leases and rent payments',
  backend: 'supabase',
  features: [],
});

function readme(spec: AppSpec): string {
  return content(generateFlutterProject(spec), 'README.md');
}

/** The SQL block of the README's backend section. */
function readmeSql(spec: AppSpec): string {
  const text = readme(spec);
  const start = text.indexOf('```sql\n') + '```sql\n'.length;
  return text.slice(start, text.indexOf('\n```', start));
}

/** `[table, referenced table]` for every foreign key of the SQL, inline or added later. */
function foreignKeys(sql: string): [string, string][] {
  const keys: [string, string][] = [];
  for (const statement of sql.split(/;\n/)) {
    const table = /^(?:create table if not exists|alter table) public\."(\w+)"/m.exec(statement.trim())?.[1];
    for (const match of statement.matchAll(/references public\."(\w+)"/g)) keys.push([table as string, match[1]]);
  }
  return keys;
}

describe('the plan behind these specs has references', () => {
  it('links a dog walk to its walker and leases and rent payments to their tenant', () => {
    const links = (spec: AppSpec) =>
      planApp(spec).entities.flatMap((entity) =>
        entity.fields.filter((field) => field.refersTo).map((field) => `${entity.className}.${field.name}`),
      );
    expect(links(dogWalker('supabase'))).toEqual(['DogWalk.walkerId']);
    expect(links(LANDLORD)).toEqual(expect.arrayContaining(['Lease.tenantId', 'RentPayment.tenantId']));
  });
});

describe('README: links between records', () => {
  it('names each link, the list it is picked from and the column it is stored in', () => {
    const links = section(readme(dogWalker('supabase')), '### Links between records');
    expect(links).toContain(
      '- **Dog walk → Walker**: a `Walker` picked from the Walkers list, stored as its id in `walker_id` (`DogWalk.walkerId`)',
    );
    expect(links).toContain("a required link's column is `not null`");
    // A walker serves the walks: deleting one they still name is refused, not silently emptied.
    expect(links).toContain(
      '- Deleting a **Walker** is refused while Dog walks name it (`on delete restrict`): Postgres refuses with error 23503',
    );
  });

  it('says what the REST and GraphQL servers should do on delete, and nothing for Firestore', () => {
    const rest = section(readme(dogWalker('rest')), '### Links between records');
    expect(rest).toContain(
      '- Deleting a **Walker** is refused while Dog walks name it: `DELETE` answers `409 Conflict`',
    );
    const graphql = section(readme(dogWalker('graphql')), '### Links between records');
    expect(graphql).toContain('the delete mutation fails with `extensions.code` `CONFLICT`');
    expect(section(readme(dogWalker('firebase')), '### Links between records')).not.toContain('Deleting a');
  });

  it('lists every link of the landlord app under "What was guessed"', () => {
    const guessed = section(readme(LANDLORD), '## What was guessed');
    expect(guessed).toContain('**Lease → Tenant**: a `Tenant` picked from the Tenants list');
    expect(guessed).toContain('**Rent payment → Tenant**: a `Tenant` picked from the Tenants list');
    // The guessed-fields table says where a reference points instead of calling it text.
    expect(guessed).toContain('Tenant (→ Tenant, required)');
  });

  it('tells Firestore users a link is a document id in the other collection, with no joins', () => {
    const links = section(readme(dogWalker('firebase')), '### Links between records');
    expect(links).toContain('stored as its id in `walkerId`');
    expect(links).toContain(
      'In Firestore a link is the document id of a record in the other collection (e.g. `walkers`)',
    );
    expect(links).toContain('Firestore has no joins');
    expect(links).toContain('A link to a deleted record shows "(removed)"');
  });

  it('says nothing about links in an app without any', () => {
    const spec = simpleSpec({ backend: 'supabase' });
    expect(readme(spec)).not.toContain('Links between records');
    expect(readmeSql(spec)).toContain('create table if not exists');
    expect(readmeSql(spec)).not.toContain('references');
  });
});

describe('Supabase SQL: references as foreign keys', () => {
  it('makes walker_id a required text foreign key that refuses deleting a walker with walks', () => {
    const sql = readmeSql(dogWalker('supabase'));
    // Text like the ids the app makes (`newId()`), never null: the app cannot read a walk without its walker.
    expect(sql).toContain('  "walker_id" text not null references public."walkers" ("id") on delete restrict,\n');
    expect(sql).toContain('create table if not exists public."walkers" (\n  "id" text primary key,');
    expect(sql.indexOf('public."walkers" (')).toBeLessThan(sql.indexOf('public."dog_walks" ('));
  });

  it('creates every referenced table before the tables pointing at it (landlord)', () => {
    const sql = readmeSql(LANDLORD);
    const keys = foreignKeys(sql);
    expect(keys).toEqual(
      expect.arrayContaining([
        ['leases', 'tenants'],
        ['rent_payments', 'tenants'],
      ]),
    );
    for (const [table, target] of keys) {
      expect(sql.indexOf(`create table if not exists public."${target}"`)).toBeLessThan(
        sql.indexOf(`create table if not exists public."${table}"`),
      );
    }
    expect(sql).not.toContain('alter table public."leases" add constraint');
  });

  it('adds the links of a cycle once both tables exist, so the script runs and re-runs', () => {
    const plan = planApp(LANDLORD);
    // A tenant pointing at their current lease, while leases point at tenants.
    const withCycle: AppPlan = {
      ...plan,
      entities: plan.entities.map((entity): EntityPlan => {
        if (entity.className !== 'Tenant') return entity;
        const lease: EntityField = {
          name: 'leaseId',
          column: 'lease_id',
          label: 'Lease',
          type: 'text',
          required: false,
          refersTo: 'Lease',
        };
        return { ...entity, fields: [...entity.fields, lease] };
      }),
    };
    const sql = supabaseSql(withCycle);
    // The tenants table comes first (leases point at it), so its link is added at the end.
    expect(sql).toContain('  "lease_id" text\n);');
    const added = [
      'alter table public."tenants" drop constraint if exists "tenants_lease_id_fkey";',
      'alter table public."tenants" add constraint "tenants_lease_id_fkey"',
      '  foreign key ("lease_id") references public."leases" ("id") on delete set null;',
    ].join('\n');
    expect(sql).toContain(added);
    expect(sql.indexOf(added)).toBeGreaterThan(sql.lastIndexOf('create table if not exists'));
    expect(sql).toContain('"tenant_id" text not null references public."tenants" ("id") on delete restrict');
  });

  it('shows the foreign key in the Column of docs/api_contract.md', () => {
    const contract = content(backendDocs(dogWalker('supabase')), 'docs/api_contract.md');
    expect(contract).toContain(
      '| `walkerId` | Walker | String | yes | `"walker_id" text not null references public."walkers" ("id") on delete restrict` |',
    );
  });
});

describe('API docs: references as ids of another entity', () => {
  it('describes walkerId in openapi.yaml as the id of a Walker from GET /walkers', () => {
    const openapi = parse(content(backendDocs(dogWalker('rest')), 'docs/openapi.yaml')) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    expect(openapi.components.schemas.DogWalk.properties.walkerId.description).toBe('Id of a Walker (GET /walkers)');
    expect(Object.keys(openapi.paths)).toContain('/walkers');
  });

  it('comments walkerId in schema.graphql with the query listing walkers, on the type and the input', () => {
    const sdl = content(backendDocs(dogWalker('graphql')), 'docs/schema.graphql');
    const comment = '  "Id of a Walker (listed by the walkers query)"\n  walkerId: String!';
    expect(sdl.split(comment)).toHaveLength(3);
    expect(sdl).toContain('  walkers: [Walker!]!');
  });

  it('names the referenced entity in data_model.json and the contract', () => {
    const docs = backendDocs(dogWalker('graphql'));
    const model = JSON.parse(content(docs, 'docs/data_model.json')) as {
      entities: { name: string; fields: { name: string; refersTo?: string }[] }[];
    };
    const walk = model.entities.find((entity) => entity.name === 'DogWalk');
    expect(walk?.fields.find((field) => field.name === 'walkerId')?.refersTo).toBe('Walker');
    expect(walk?.fields.filter((field) => field.refersTo)).toHaveLength(1);
    expect(content(docs, 'docs/api_contract.md')).toContain('| `walkerId` | Walker | String | yes | `Walker` id |');
  });
});
