/**
 * backend `supabase`: one Postgres table per entity, rows keyed by the
 * snake_case `column` names (the Dart model's JSON uses the field names).
 * The project URL and anon key come from `--dart-define`.
 */
import type { GeneratedFile } from '../../app-spec';
import {
  BOOKED_RECORDS,
  POSTED_RECORDS,
  RECORD_REPOSITORY_PATH,
  SERVER_READ_ERRORS_README,
  STAFF_RECORDS,
} from '../../archetypes/records-library';
import { dartString } from '../../dart-string';
import { NO_DATA, table } from '../../docs/markdown';
import type { AppPlan, EntityPlan } from '../../plan/app-plan';
import { recordText } from '../../ui-text-records';
import { packages } from '../package-versions';
import { SUPABASE_CONFIG_PATH, hasAuthFeature, libRelative, repositoryImplementation } from './backend-names';
import {
  SUPABASE_STAFF_CHECK,
  hasCreator,
  hasOpenSharedLists,
  isPersonal,
  ownershipSentence,
  providerLink,
  staffWritten,
} from './record-owner';
import { supabaseOwnerColumn, supabaseRerunNote, supabaseSql } from './supabase-sql';
import { NETWORK_PERMISSIONS, codeBlock, dartClassLine, dartImports, entityImports, type BackendWiring } from './wiring';

function repositoryDart(plan: AppPlan, entity: EntityPlan): string {
  const impl = repositoryImplementation('supabase', entity);
  const link = providerLink(plan, entity);
  // A two-party booking remembers its booker as a posted row its creator.
  const posted = hasCreator(plan, entity) || link !== undefined;
  const staff = staffWritten(plan, entity);
  // The table's owner column defaults to auth.uid() and its policy hides other users' rows.
  const owner = link
    ? `
///
/// Each row is its booker's: the table fills its [creatorColumn] with
/// \`auth.uid()\` on insert. Its row level security policies return the
/// signed-in user's bookings and the ones made with the ${link.provider.label.toLowerCase()} they
/// created, and let only the booker change or delete a row ([isMine]).`
    : isPersonal(plan, entity)
    ? `
///
/// Each row belongs to the signed-in user: the table fills its
/// \`${supabaseOwnerColumn(entity)}\` column with \`auth.uid()\` on insert and its row level
/// security policy returns, changes and deletes that user's rows only.`
    : posted
      ? `
///
/// Every signed-in user reads every row; the table fills its
/// [creatorColumn] with \`auth.uid()\` on insert, and its row level security
/// policies let only that user change or delete the row ([isMine]).`
      : staff
        ? `
///
/// Every signed-in user reads every row; its row level security policies
/// let only staff (\`app_metadata.role\` 'admin') add, change or delete
/// one, so the record screens offer that to staff only ([canEdit]).`
        : '';
  const model = entity.className;
  const interfaces = [
    `${model}Repository`,
    ...(link ? [BOOKED_RECORDS] : posted ? [POSTED_RECORDS] : staff ? [STAFF_RECORDS] : []),
  ];
  const canEdit = staff
    ? `

  /// Whether the signed-in user is staff: the role only the project sets
  /// (README.md), read from the session, as the policies read it.
  @override
  bool get canEdit =>
      _client.auth.currentUser?.appMetadata['role'] == 'admin';`
    : '';
  const creators = posted
    ? `

  /// The column holding the id of the user who created a row.
  static const String creatorColumn = ${dartString(supabaseOwnerColumn(entity))};`
    : '';
  const creatorMap = posted
    ? `

  /// Who created each row of the last load or save, by id.
  final Map<String, Object?> _creators = {};`
    : '';
  const rememberCreators = posted
    ? `
    _creators
      ..clear()
      ..addAll({
        for (final row in rows)
          if (row['id'] case final String id) id: row[creatorColumn],
      });`
    : '';
  const isMine = posted
    ? `

  @override
  bool isMine(String id) {
    final user = _client.auth.currentUser;
    return user != null && _creators[id] == user.id;
  }`
    : '';
  const rememberSaved = posted
    ? `
    // Saved: the policies let only its creator write an existing row.
    _creators[item.id] = _client.auth.currentUser?.id;`
    : '';
  // A link to no record is NULL in the table: its foreign key accepts no ''.
  const toRow = entity.fields.map((field) =>
    field.refersTo
      ? `      ${dartString(field.column)}: _link(json[${dartString(field.name)}]),`
      : `      ${dartString(field.column)}: json[${dartString(field.name)}],`,
  );
  const linkHelper = entity.fields.some((field) => field.refersTo)
    ? `

  /// The id of a linked record, or null for none (the column's foreign key rejects '').
  static Object? _link(Object? id) => id == '' ? null : id;`
    : '';
  const fromRow = entity.fields.map((field) => `      ${dartString(field.name)}: row[${dartString(field.column)}],`);
  return `${dartImports(impl.path, {
    packages: ['package:supabase_flutter/supabase_flutter.dart'],
    local: [...entityImports(entity), RECORD_REPOSITORY_PATH],
  })}

/// [${model}Repository] on the Supabase table [tableName] (see the SQL in
/// README.md): rows use snake_case columns, the model's JSON its field names.${owner}
${dartClassLine(impl.className, interfaces)}
  ${impl.className}({SupabaseClient? client})
      : _client = client ?? Supabase.instance.client;

  static const String tableName = ${dartString(entity.tableName)};${creators}

  final SupabaseClient _client;${creatorMap}

  @override
  Future<List<${model}>> fetchAll() async {
    final rows = await _client.from(tableName).select();${rememberCreators}
    return readRecords(rows, _fromRow);
  }${isMine}${canEdit}

  @override
  Future<void> save(${model} item) async {
    await _client.from(tableName).upsert(_toRow(item));${rememberSaved}
  }

  @override
  Future<void> delete(String id) async {
    await _client.from(tableName).delete().eq('id', id);
  }

  static Map<String, Object?> _toRow(${model} item) {
    final json = item.toJson();
    return <String, Object?>{
      'id': json['id'],
${toRow.join('\n')}
    };
  }${linkHelper}

  static ${model} _fromRow(Map<String, dynamic> row) {
    return ${model}.fromJson(<String, Object?>{
      'id': row['id'],
${fromRow.join('\n')}
    });
  }
}
`;
}

function configDart(): string {
  return `/// The Supabase project the app talks to, given at build time with
/// \`--dart-define=SUPABASE_URL=...\` and \`--dart-define=SUPABASE_ANON_KEY=...\`
/// (see README.md).
abstract final class SupabaseConfig {
  static const String url = String.fromEnvironment('SUPABASE_URL');
  static const String anonKey = String.fromEnvironment('SUPABASE_ANON_KEY');

  /// Throws a [StateError] naming the missing \`--dart-define\` values.
  static void ensureConfigured() {
    final missing = [
      if (url.isEmpty) 'SUPABASE_URL',
      if (anonKey.isEmpty) 'SUPABASE_ANON_KEY',
    ];
    if (missing.isEmpty) return;
    final flags = missing.map((name) => '--dart-define=$name=...').join(' ');
    throw StateError(
      'Supabase is not configured: run the app with $flags (see README.md).',
    );
  }
}
`;
}

/**
 * README: how the policies let both parties of a booking see it
 * (`providerLink`), and that only its booker changes or cancels it; empty
 * for any other table.
 */
function twoPartyNote(plan: AppPlan, entity: EntityPlan): string {
  const link = providerLink(plan, entity);
  if (!link) return '';
  const booking = `\`${entity.tableName}\``;
  const providers = `\`${link.provider.tableName}\``;
  return `A row of ${booking} is its booker’s (\`user_id\`), and the policy \`${entity.tableName} booked with me\` also lets the user who created the row of ${providers} it points at (\`${link.field.column}\`, that row’s \`${supabaseOwnerColumn(link.provider)}\`) select it: a ${link.provider.label} who registered and created their own profile sees the ${entity.pluralLabel.toLowerCase()} made with them, marked “${recordText(plan).bookedWithYou}” in the app. They can neither change nor delete one (no edit or delete button, and the policies refuse it); only the booker changes or cancels it.`;
}

/**
 * README: who may write the tables only staff change (`staffWritten`, a
 * shop's products), and how to make a user staff with the role users
 * cannot give themselves; empty without such a table.
 */
function staffReadme(plan: AppPlan): string {
  const tables = plan.entities.filter((entity) => staffWritten(plan, entity)).map((entity) => `\`${entity.tableName}\``);
  if (tables.length === 0) return '';
  return [
    `Only staff change ${tables.join(', ')}: every signed-in user selects the rows, and the policy \`… staff write\` lets a user insert, update or delete them only when \`${SUPABASE_STAFF_CHECK}\`. The role lives in the user’s \`app_metadata\`, which only the project sets (never \`user_metadata\`, which every user can change), so nobody makes themselves staff; the app offers add, edit and delete on those lists to staff only. To make a user staff, run in the SQL editor:`,
    codeBlock(
      'sql',
      [
        'update auth.users',
        `set raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || '{"role": "admin"}'::jsonb`,
        "where email = 'staff@example.com';",
      ].join('\n'),
    ),
    'The role reaches the app with the user’s next token, at the next sign-in or token refresh (within the hour): sign out and in again to use it at once. Removing the key (`raw_app_meta_data - \'role\'`) takes the role back the same way.',
  ].join('\n\n');
}

function readme(plan: AppPlan): string {
  const rows = plan.entities.map((entity) => [
    entity.pluralLabel,
    `\`${entity.tableName}\``,
    `\`${repositoryImplementation('supabase', entity).className}\``,
  ]);
  const rlsNote = hasAuthFeature(plan)
    ? [
        'Row level security is on and only signed-in users (`authenticated`) get through.',
        ownershipSentence(plan),
        plan.entities.some((entity) => isPersonal(plan, entity))
          ? `A private table has a \`user_id\` column that Postgres fills with \`auth.uid()\` on insert (the app never sends it) and a policy \`using (user_id = auth.uid()) with check (user_id = auth.uid())\`, so each user reads, changes and deletes their own rows only; deleting the account deletes them.${hasOpenSharedLists(plan) ? ' Shared tables let every signed-in user read and write every row.' : ''}`
          : plan.entities.some((entity) => hasCreator(plan, entity)) || !hasOpenSharedLists(plan)
            ? ''
            : 'The policies let every signed-in user read and write every row.',
        plan.entities.some((entity) => hasCreator(plan, entity))
          ? 'A table that everyone reads but only the creator of a row changes also has a `user_id` column filled with `auth.uid()` on insert: its policies let every signed-in user select every row and insert, update or delete only rows whose `user_id = auth.uid()`, and the app offers edit and delete on the signed-in user’s own rows only. (A delete the policy refuses removes no row and raises no error.)'
          : '',
        ...plan.entities.map((entity) => twoPartyNote(plan, entity)),
      ]
        .filter(Boolean)
        .join(' ')
    : 'Row level security is on; since the app has no sign-in, the policies let anyone with the anon key read and write every row: fine for a prototype, not for production (add Supabase Auth, restrict the policies to `authenticated` and give each personal table an owner, `user_id uuid not null default auth.uid()`, with `using (user_id = auth.uid()) with check (user_id = auth.uid())`).';
  return [
    'The app stores its data in Supabase (Postgres), one table per kind of item:',
    table(['Data', 'Table', 'Repository'], rows, NO_DATA),
    '1. Create a Supabase project, open the SQL editor and run:',
    codeBlock('sql', supabaseSql(plan)),
    rlsNote,
    staffReadme(plan),
    supabaseRerunNote(plan),
    '2. Run the app with the project URL and anon key (Project Settings → API); the app stops at start-up with an error naming any value that is missing:',
    codeBlock(
      'sh',
      'flutter run \\\n  --dart-define=SUPABASE_URL=https://<project-ref>.supabase.co \\\n  --dart-define=SUPABASE_ANON_KEY=<anon key>',
    ),
    'Pass the same `--dart-define` flags to `flutter build`. The anon key is meant to ship in apps; never put the service-role key in the app.',
    SERVER_READ_ERRORS_README,
    NETWORK_PERMISSIONS,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function supabaseWiring(plan: AppPlan): BackendWiring {
  const files: GeneratedFile[] = [
    { path: SUPABASE_CONFIG_PATH, content: configDart() },
    ...plan.entities.map((entity) => ({
      path: repositoryImplementation('supabase', entity).path,
      content: repositoryDart(plan, entity),
    })),
  ];
  return {
    // http: `userMessage` tells network errors (package:http's ClientException) apart.
    dependencies: packages('supabase_flutter', 'http'),
    files,
    mainImports: ['package:supabase_flutter/supabase_flutter.dart', libRelative(SUPABASE_CONFIG_PATH)],
    mainSetup: [
      'SupabaseConfig.ensureConfigured();',
      'await Supabase.initialize(url: SupabaseConfig.url, anonKey: SupabaseConfig.anonKey);',
    ],
    repositoryCreate: (entity) => `${repositoryImplementation('supabase', entity).className}()`,
    repositoryImports: (entity) => [libRelative(repositoryImplementation('supabase', entity).path)],
    readme: readme(plan),
  };
}
