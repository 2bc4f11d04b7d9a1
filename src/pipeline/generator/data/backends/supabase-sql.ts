/**
 * The SQL that sets up a Supabase project for the app (README and
 * docs/api_contract.md): one table per entity, row level security and a
 * policy each. A reference (a dog walk's walker) is a foreign key on the other
 * table's `id`, which is `text` because the app makes its ids (`newId()`),
 * and `not null` when the link is required (a card's deck), since the app
 * refuses rows that miss a required value;
 * tables are created after the tables they point at, and links in a cycle
 * are added once every table exists.
 */
import { deleteRule, linksOf, type EntityLink } from '../../docs/entity-links';
import type { AppPlan, EntityField, EntityPlan } from '../../plan/app-plan';
import { isMoment } from '../entity-files';
import { hasAuthFeature, sqlColumn, sqlIdentifier } from './backend-names';
import { senderIdField } from './chat-messages';
import {
  SUPABASE_OWNER_COLUMN,
  SUPABASE_STAFF_CHECK,
  hasCreator,
  isPersonal,
  providerLink,
  staffWritten,
  type ProviderLink,
} from './record-owner';
import { codeBlock } from './wiring';

function tableName(entity: EntityPlan): string {
  return `public.${sqlIdentifier(entity.tableName)}`;
}

/**
 * `references … on delete <rule>` (`deleteRule`): an optional link is cleared,
 * records of a subject go with it (a deck's cards), a person the records name
 * (a walk's walker) cannot be deleted while they do (error 23503).
 */
function referenceClause(plan: AppPlan, link: EntityLink): string {
  return `references ${tableName(link.target)} (${sqlIdentifier('id')}) on delete ${deleteRule(plan, link)}`;
}

/** The column of a reference without its constraint: `"walker_id" text not null` (required links are never cleared). */
function referenceColumn(field: EntityField): string {
  return `${sqlIdentifier(field.column)} text${field.required ? ' not null' : ''}`;
}

/**
 * A plain column; a day picked in a date picker (a due date, a birthday) is a
 * `date` (the app sends midnight UTC, Postgres keeps the day), a moment a
 * `timestamptz`.
 */
function scalarColumn(field: EntityField): string {
  if (field.type !== 'date' || isMoment(field)) return sqlColumn(field);
  return `${sqlIdentifier(field.column)} date${field.required ? ' not null' : ''}`;
}

/** One column's definition; a reference's includes its foreign key. */
export function supabaseColumn(plan: AppPlan, entity: EntityPlan, field: EntityField): string {
  const link = linksOf(plan, entity).find((candidate) => candidate.field === field);
  return link ? `${referenceColumn(field)} ${referenceClause(plan, link)}` : scalarColumn(field);
}

/** The entities in an order that creates referenced tables first; cycles keep the plan's order. */
function creationOrder(plan: AppPlan): EntityPlan[] {
  const remaining = [...plan.entities];
  const created = new Set<string>();
  const ordered: EntityPlan[] = [];
  while (remaining.length > 0) {
    const ready = remaining.find((entity) =>
      linksOf(plan, entity).every((link) => link.target === entity || created.has(link.target.className)),
    );
    const next = ready ?? remaining[0];
    remaining.splice(remaining.indexOf(next), 1);
    created.add(next.className);
    ordered.push(next);
  }
  return ordered;
}

/** Postgres's own name for a column's foreign key, so re-running the script finds it. */
function constraintName(entity: EntityPlan, field: EntityField): string {
  return sqlIdentifier(`${entity.tableName}_${field.column}_fkey`);
}

/**
 * The owner column of a personal table (`record-owner.ts`): `user_id`, or
 * `owner_user_id` when the entity has a field of that name.
 */
export function supabaseOwnerColumn(entity: EntityPlan): string {
  const taken = entity.fields.some((field) => field.column === SUPABASE_OWNER_COLUMN);
  return taken ? `owner_${SUPABASE_OWNER_COLUMN}` : SUPABASE_OWNER_COLUMN;
}

/**
 * A personal table's owner, or a posted table's creator: the signed-in user
 * who inserts the row (the app never sends it), whose rows go when their
 * account is deleted.
 */
function ownerColumn(entity: EntityPlan): string {
  const column = sqlIdentifier(supabaseOwnerColumn(entity));
  return `${column} uuid not null default auth.uid() references auth.users (id) on delete cascade`;
}

/**
 * `alter table … add column if not exists` for every column after `id`, so
 * re-running the script on a table an earlier version created adds the
 * owner and the new fields. They are added nullable (only a `bool` keeps
 * `not null default false`): existing rows have no value for them, and
 * `not null` would make the statement fail. A row without an owner matches
 * no `user_id = auth.uid()` check (the README says how to backfill them).
 */
function addMissingColumns(name: string, columns: readonly string[]): string[] {
  if (columns.length === 0) return [];
  const nullable = (column: string) => (column.includes(' not null default false') ? column : column.replace(' not null', ''));
  return [
    `alter table ${name}`,
    columns.map((column) => `  add column if not exists ${nullable(column)}`).join(',\n') + ';',
  ];
}

/** A personal table's policy: its owner alone sees and changes a row (the index keeps the check fast). */
function ownerPolicies(entity: EntityPlan): string[] {
  const name = tableName(entity);
  const column = sqlIdentifier(supabaseOwnerColumn(entity));
  const own = sqlIdentifier(`${entity.tableName} own rows`);
  const mine = `${column} = auth.uid()`;
  return [
    `create index if not exists ${sqlIdentifier(`${entity.tableName}_${supabaseOwnerColumn(entity)}_idx`)}`,
    `  on ${name} (${column});`,
    `drop policy if exists ${own} on ${name};`,
    `create policy ${own} on ${name}`,
    `  for all to authenticated using (${mine}) with check (${mine});`,
  ];
}

/**
 * A two-party booking's extra policy (`providerLink`): the user who created
 * the provider row a booking points at (a dentist's own profile) selects it
 * too; inserting, changing and deleting stay with the booker (`ownerPolicies`).
 * The index keeps the lookup by provider fast.
 */
function providerPolicies(entity: EntityPlan, link: ProviderLink): string[] {
  const name = tableName(entity);
  const column = `${name}.${sqlIdentifier(link.field.column)}`;
  const policy = sqlIdentifier(`${entity.tableName} booked with me`);
  const providerOwner = sqlIdentifier(supabaseOwnerColumn(link.provider));
  return [
    `create index if not exists ${sqlIdentifier(`${entity.tableName}_${link.field.column}_idx`)}`,
    `  on ${name} (${sqlIdentifier(link.field.column)});`,
    `drop policy if exists ${policy} on ${name};`,
    `create policy ${policy} on ${name}`,
    `  for select to authenticated using (exists (`,
    `    select 1 from ${tableName(link.provider)} p`,
    `    where p.${sqlIdentifier('id')} = ${column} and p.${providerOwner} = auth.uid()`,
    '  ));',
  ];
}

/**
 * A posted table's policies (a listing's seller): every signed-in user reads
 * every row; a row is inserted with, changed and deleted by its creator only.
 */
function creatorPolicies(entity: EntityPlan): string[] {
  const name = tableName(entity);
  const column = sqlIdentifier(supabaseOwnerColumn(entity));
  const mine = `${column} = auth.uid()`;
  const policy = (what: string) => sqlIdentifier(`${entity.tableName} ${what}`);
  return [
    `create index if not exists ${sqlIdentifier(`${entity.tableName}_${supabaseOwnerColumn(entity)}_idx`)}`,
    `  on ${name} (${column});`,
    ...['read', 'insert own', 'update own', 'delete own'].map(
      (what) => `drop policy if exists ${policy(what)} on ${name};`,
    ),
    `create policy ${policy('read')} on ${name}`,
    '  for select to authenticated using (true);',
    `create policy ${policy('insert own')} on ${name}`,
    `  for insert to authenticated with check (${mine});`,
    `create policy ${policy('update own')} on ${name}`,
    `  for update to authenticated using (${mine}) with check (${mine});`,
    `create policy ${policy('delete own')} on ${name}`,
    `  for delete to authenticated using (${mine});`,
  ];
}

/**
 * A staff table's policies (`staffWritten`, a shop's products): every
 * signed-in user selects every row; inserting, updating and deleting need
 * the admin role in the user's `app_metadata`, which users cannot edit.
 */
function staffPolicies(entity: EntityPlan): string[] {
  const name = tableName(entity);
  const read = sqlIdentifier(`${entity.tableName} read`);
  const write = sqlIdentifier(`${entity.tableName} staff write`);
  return [
    `drop policy if exists ${read} on ${name};`,
    `drop policy if exists ${write} on ${name};`,
    `create policy ${read} on ${name}`,
    '  for select to authenticated using (true);',
    `create policy ${write} on ${name}`,
    `  for all to authenticated using (${SUPABASE_STAFF_CHECK}) with check (${SUPABASE_STAFF_CHECK});`,
  ];
}

/**
 * The policies after the table: everyone (`roles`) reads and writes every row,
 * except a chat's messages with sign-in: everyone reads them, only their
 * sender (`sender_id = auth.uid()`) writes them; a personal table's rows
 * (`ownerPolicies`), which only their owner reads and writes; and a staff
 * table's (`staffPolicies`), which only staff write.
 */
function senderPolicies(plan: AppPlan, entity: EntityPlan, roles: string): string[] {
  if (isPersonal(plan, entity)) return ownerPolicies(entity);
  if (hasCreator(plan, entity)) return creatorPolicies(entity);
  if (staffWritten(plan, entity)) return staffPolicies(entity);
  const name = tableName(entity);
  const policy = sqlIdentifier(`${entity.tableName} read and write`);
  const sender = hasAuthFeature(plan) ? senderIdField(plan, entity) : undefined;
  if (!sender) return [`create policy ${policy} on ${name}`, `  for all to ${roles} using (true) with check (true);`];
  const read = sqlIdentifier(`${entity.tableName} read`);
  const own = sqlIdentifier(`${entity.tableName} write own`);
  const mine = `${sqlIdentifier(sender.column)} = auth.uid()::text`;
  return [
    `drop policy if exists ${read} on ${name};`,
    `drop policy if exists ${own} on ${name};`,
    `create policy ${read} on ${name}`,
    `  for select to ${roles} using (true);`,
    `create policy ${own} on ${name}`,
    `  for all to ${roles} using (${mine}) with check (${mine});`,
  ];
}

/**
 * README: re-running the script on a database an earlier version made adds
 * the missing columns nullable; rows from before have no owner, which no
 * policy lets anyone change (nor see, in a private table), so the user
 * backfills or deletes them, then makes the owner `not null`.
 */
export function supabaseRerunNote(plan: AppPlan): string {
  if (plan.entities.length === 0) return '';
  const owned = plan.entities.find((entity) => isPersonal(plan, entity) || hasCreator(plan, entity));
  const rerun =
    'The script can be run again, e.g. on a database made by an earlier version of the app: it keeps existing rows, adds any missing column (nullable, since existing rows have no value for it; fill a required one with `update … set … where … is null`) and replaces the policies.';
  if (!owned) return rerun;
  const name = tableName(owned);
  const column = sqlIdentifier(supabaseOwnerColumn(owned));
  return [
    rerun,
    `Rows created before a table had its \`${supabaseOwnerColumn(owned)}\` column have none: no policy lets anyone change them, and a private table hides them. Give them their owner (the user’s id from Authentication → Users) or delete them, then make the column required as on a new database, e.g. for ${owned.pluralLabel}:`,
    codeBlock(
      'sql',
      [
        `update ${name} set ${column} = '<user id>' where ${column} is null;`,
        `-- or: delete from ${name} where ${column} is null;`,
        `alter table ${name} alter column ${column} set not null;`,
      ].join('\n'),
    ),
  ].join('\n\n');
}

/** `create table` statements, RLS and a policy per entity, then the links of any cycle. */
export function supabaseSql(plan: AppPlan): string {
  const roles = hasAuthFeature(plan) ? 'authenticated' : 'anon, authenticated';
  const created = new Set<string>();
  const later: string[] = [];
  const tables = creationOrder(plan).map((entity) => {
    created.add(entity.className);
    const name = tableName(entity);
    const fields = [
      ...(isPersonal(plan, entity) || hasCreator(plan, entity) ? [ownerColumn(entity)] : []),
      ...entity.fields.map((field) => {
        const link = linksOf(plan, entity).find((candidate) => candidate.field === field);
        if (!link || created.has(link.target.className)) return supabaseColumn(plan, entity, field);
        // Its table comes later: the constraint is added once both exist.
        const constraint = constraintName(entity, field);
        later.push(
          [
            `alter table ${name} drop constraint if exists ${constraint};`,
            `alter table ${name} add constraint ${constraint}`,
            `  foreign key (${sqlIdentifier(field.column)}) ${referenceClause(plan, link)};`,
          ].join('\n'),
        );
        return referenceColumn(field);
      }),
    ];
    const columns = [`${sqlIdentifier('id')} text primary key`, ...fields];
    const policy = sqlIdentifier(`${entity.tableName} read and write`);
    const link = providerLink(plan, entity);
    // The provider's policy reads the provider's table: after it, in a cycle.
    const booked = link ? providerPolicies(entity, link) : [];
    if (link && !created.has(link.provider.className)) later.push(booked.splice(0).join('\n'));
    return [
      `create table if not exists ${name} (`,
      columns.map((column) => `  ${column}`).join(',\n'),
      ');',
      ...addMissingColumns(name, fields),
      `alter table ${name} enable row level security;`,
      `drop policy if exists ${policy} on ${name};`,
      ...senderPolicies(plan, entity, roles),
      ...booked,
    ].join('\n');
  });
  if (later.length > 0) tables.push(['-- Links between tables that point at each other', ...later].join('\n'));
  return tables.join('\n\n');
}
