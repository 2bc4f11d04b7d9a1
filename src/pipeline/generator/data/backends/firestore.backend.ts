/**
 * backend `firebase`: one Cloud Firestore collection per entity (document id =
 * item id). `lib/firebase_options.dart` is a placeholder that
 * `flutterfire configure` regenerates.
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
import { FIREBASE_OPTIONS_PATH, hasAuthFeature, libRelative, repositoryImplementation } from './backend-names';
import { senderIdField } from './chat-messages';
import {
  FIRESTORE_OWNER_FIELD,
  FIRESTORE_PROVIDER_OWNER_FIELD,
  FIRESTORE_STAFF_CHECK,
  hasCreator,
  hasOpenSharedLists,
  isPersonal,
  ownershipSentence,
  personalEntities,
  providerLink,
  staffWritten,
  type ProviderLink,
} from './record-owner';
import {
  NETWORK_PERMISSIONS,
  codeBlock,
  dartClassLine,
  dartImports,
  entityImports,
  indent,
  type BackendWiring,
} from './wiring';

/**
 * The repository of a personal collection (`record-owner.ts`): each document
 * carries its owner's uid, the list asks for the signed-in user's documents
 * only (the rules refuse any other query), and saving stamps the owner.
 * A posted collection's (`posted`, a listing's seller) lists every document
 * and remembers who created each, for `isMine`.
 */
/** After a load: who created each document, for `isMine`. */
const REMEMBER_CREATORS = `_creators
      ..clear()
      ..addAll({
        for (final doc in snapshot.docs) doc.id: doc.data()[ownerField],
      });`;

/** The constructor's initializer of a personal or posted collection. */
const OWNED_INITIALIZERS = `_collection = (firestore ?? FirebaseFirestore.instance)
           .collection(collectionName)`;

/** A two-party booking's: its collection and that of the people booked with, from one instance. */
const BOOKED_INITIALIZERS = `_collection = (firestore ?? FirebaseFirestore.instance)
           .collection(collectionName),
       _providers = (firestore ?? FirebaseFirestore.instance)
           .collection(providerCollection)`;

/**
 * A two-party booking's list (`providerLink`): the signed-in user's bookings
 * and the ones made with them, the query the rules allow.
 */
const BOOKED_QUERY = `final uid = _ownerId;
    final snapshot = await _collection
        .where(
          Filter.or(
            Filter(ownerField, isEqualTo: uid),
            Filter(providerOwnerField, isEqualTo: uid),
          ),
        )
        .get();`;

/** The repository's own words on a two-party booking. */
function bookedAbout(link: ProviderLink): string {
  const provider = link.provider.label.toLowerCase();
  return `/// Each document is its booker's: [save] stores their uid in [ownerField]
/// and, in [providerOwnerField], the uid of the user who created the
/// ${provider} it is booked with. [fetchAll] asks for the documents either
/// field names the signed-in user in, and the security rules (README.md)
/// let nobody else read them and only the booker change or delete them
/// ([isMine]).`;
}

/** A two-party booking repository's constants and the provider collection it reads. */
function providerFieldsDart(link: ProviderLink): string {
  return `

  /// The field holding the uid of the user who created the ${link.provider.label.toLowerCase()}
  /// a booking is made with, who sees the booking too.
  static const String providerOwnerField = ${dartString(FIRESTORE_PROVIDER_OWNER_FIELD)};

  /// The collection of the ${link.provider.pluralLabel.toLowerCase()} bookings are made with.
  static const String providerCollection = ${dartString(link.provider.tableName)};`;
}

/** `_providerOwner`: the uid the rules expect in `providerOwnerField`, read from the provider's document. */
function providerOwnerDart(link: ProviderLink): string {
  const provider = link.provider.label.toLowerCase();
  return `

  /// The uid of the user who created the ${provider} with [id], from its
  /// document (the rules compare the two); null without a ${provider}.
  Future<Object?> _providerOwner(String? id) async {
    if (id == null || id.isEmpty) return null;
    final provider = await _providers.doc(id).get();
    return provider.data()?[ownerField];
  }`;
}

function ownedRepositoryDart(entity: EntityPlan, posted = false, link?: ProviderLink): string {
  const impl = repositoryImplementation('firebase', entity);
  const model = entity.className;
  const about = link
    ? bookedAbout(link)
    : posted
      ? `/// Every signed-in user reads every document; [save] stores the creator's
/// uid in [ownerField], and the security rules (README.md) let only that
/// user change or delete the document ([isMine]).`
      : `/// Each document belongs to the signed-in user: [save] stores their uid in
/// [ownerField], [fetchAll] asks for their documents only, and the security
/// rules (README.md) let nobody else read or change them.`;
  const interfaces = [`${model}Repository`, ...(link ? [BOOKED_RECORDS] : posted ? [POSTED_RECORDS] : [])];
  const fetchAll = link
    ? `${BOOKED_QUERY}
    ${REMEMBER_CREATORS}`
    : posted
      ? `final snapshot = await _collection.get();
    ${REMEMBER_CREATORS}`
      : `final snapshot =
        await _collection.where(ownerField, isEqualTo: _ownerId).get();`;
  // A booking remembers its booker as a posted document its creator.
  const tracks = posted || link !== undefined;
  const creators = tracks
    ? `

  /// Who created each document of the last load or save, by id.
  final Map<String, Object?> _creators = {};`
    : '';
  const isMine = tracks
    ? `

  @override
  bool isMine(String id) {
    final user = _auth.currentUser;
    return user != null && _creators[id] == user.uid;
  }`
    : '';
  const stamps = link
    ? `{
      ...item.toJson(),
      ownerField: _ownerId,
      providerOwnerField: await _providerOwner(item.${link.field.name}),
    }`
    : '{...item.toJson(), ownerField: _ownerId}';
  const save = tracks
    ? `Future<void> save(${model} item) async {
    final json = <String, Object?>${stamps};
    await _collection.doc(item.id).set(json);
    // Saved: the rules let only its ${link ? 'booker' : 'creator'} write an existing document.
    _creators[item.id] = json[ownerField];
  }${link ? providerOwnerDart(link) : ''}`
    : `Future<void> save(${model} item) {
    final json = <String, Object?>{...item.toJson(), ownerField: _ownerId};
    return _collection.doc(item.id).set(json);
  }`;
  return `${dartImports(impl.path, {
    packages: ['package:cloud_firestore/cloud_firestore.dart', 'package:firebase_auth/firebase_auth.dart'],
    local: [...entityImports(entity), RECORD_REPOSITORY_PATH],
  })}

/// [${model}Repository] on the Cloud Firestore collection [collectionName]:
/// one document per item, its id being the item's id.
///
${about}
${dartClassLine(impl.className, interfaces)}
  ${impl.className}({
    FirebaseFirestore? firestore,
    FirebaseAuth? auth,
  }) : ${link ? BOOKED_INITIALIZERS : OWNED_INITIALIZERS},
       _auth = auth ?? FirebaseAuth.instance;

  static const String collectionName = ${dartString(entity.tableName)};

  /// The field holding the uid of the user ${link ? 'who made a booking' : posted ? 'who created a document' : 'a document belongs to'}.
  static const String ownerField = ${dartString(FIRESTORE_OWNER_FIELD)};${link ? providerFieldsDart(link) : ''}

  final CollectionReference<Map<String, dynamic>> _collection;${link ? '\n  final CollectionReference<Map<String, dynamic>> _providers;' : ''}
  final FirebaseAuth _auth;${creators}

  /// The signed-in user's uid (the app opens its screens after sign-in).
  String get _ownerId {
    final user = _auth.currentUser;
    if (user == null) {
      throw StateError('Nobody is signed in: sign in to see your records.');
    }
    return user.uid;
  }

  @override
  Future<List<${model}>> fetchAll() async {
    ${fetchAll}
    return readRecords(
      snapshot.docs,
      (doc) => ${model}.fromJson({...doc.data(), 'id': doc.id}),
    );
  }${isMine}

  @override
  ${save}

  @override
  Future<void> delete(String id) => _collection.doc(id).delete();
}
`;
}

/** A shared collection's constructor: its collection only. */
const PLAIN_CONSTRUCTOR = (className: string) => `${className}({FirebaseFirestore? firestore})
      : _collection = (firestore ?? FirebaseFirestore.instance)
            .collection(collectionName);`;

/** A staff collection's constructor (`staffWritten`): its collection and the auth whose claims it reads. */
const STAFF_CONSTRUCTOR = (className: string) => `${className}({
    FirebaseFirestore? firestore,
    FirebaseAuth? auth,
  }) : ${OWNED_INITIALIZERS},
       _auth = auth ?? FirebaseAuth.instance;`;

/** A staff collection's own words: who writes it. */
const STAFF_ABOUT = `
///
/// Every signed-in user reads every document; the security rules
/// (README.md) let only staff (the \`admin\` custom claim) add, change or
/// delete one, so the record screens offer that to staff only ([canEdit]).`;

/** A staff collection's auth and what it last read of the user's claims. */
const STAFF_FIELDS = `
  final FirebaseAuth _auth;

  /// Whether the signed-in user was staff at the last load.
  bool _staff = false;

  @override
  bool get canEdit => _staff;`;

/** On load: whether the user's ID token carries the claim the rules check. */
const READ_STAFF = `
    final token = await _auth.currentUser?.getIdTokenResult();
    _staff = token?.claims?['admin'] == true;`;

function repositoryDart(plan: AppPlan, entity: EntityPlan): string {
  if (isPersonal(plan, entity)) return ownedRepositoryDart(entity, false, providerLink(plan, entity));
  if (hasCreator(plan, entity)) return ownedRepositoryDart(entity, true);
  const impl = repositoryImplementation('firebase', entity);
  const model = entity.className;
  const staff = staffWritten(plan, entity);
  return `${dartImports(impl.path, {
    packages: [
      'package:cloud_firestore/cloud_firestore.dart',
      ...(staff ? ['package:firebase_auth/firebase_auth.dart'] : []),
    ],
    local: [...entityImports(entity), RECORD_REPOSITORY_PATH],
  })}

/// [${model}Repository] on the Cloud Firestore collection [collectionName]:
/// one document per item, its id being the item's id.${staff ? STAFF_ABOUT : ''}
${dartClassLine(impl.className, [`${model}Repository`, ...(staff ? [STAFF_RECORDS] : [])])}
  ${staff ? STAFF_CONSTRUCTOR(impl.className) : PLAIN_CONSTRUCTOR(impl.className)}

  static const String collectionName = ${dartString(entity.tableName)};

  final CollectionReference<Map<String, dynamic>> _collection;${staff ? STAFF_FIELDS : ''}

  @override
  Future<List<${model}>> fetchAll() async {
    final snapshot = await _collection.get();${staff ? READ_STAFF : ''}
    return readRecords(
      snapshot.docs,
      (doc) => ${model}.fromJson({...doc.data(), 'id': doc.id}),
    );
  }

  @override
  Future<void> save(${model} item) =>
      _collection.doc(item.id).set(item.toJson());

  @override
  Future<void> delete(String id) => _collection.doc(id).delete();
}
`;
}

function firebaseOptionsDart(): string {
  return `import 'package:firebase_core/firebase_core.dart' show FirebaseOptions;

/// Placeholder until the app is connected to a Firebase project:
/// \`flutterfire configure\` regenerates this file with the project's options.
class DefaultFirebaseOptions {
  static FirebaseOptions get currentPlatform {
    throw UnsupportedError(
      'Firebase is not configured for this app yet. Run '
      '\`dart pub global activate flutterfire_cli\` and then '
      '\`flutterfire configure\` in the project folder: it regenerates '
      'lib/firebase_options.dart for your Firebase project.',
    );
  }
}
`;
}

/**
 * `&& request.resource.data.keys().hasAll([…])`: a write must carry the
 * entity's required fields (and its bools, which `toJson()` always writes),
 * since the app refuses a document that misses one (`fromJson` throws).
 */
function requiredFieldsCheck(entity: EntityPlan): string | undefined {
  const keys = entity.fields.filter((field) => field.required || field.type === 'bool').map((field) => field.name);
  if (keys.length === 0) return undefined;
  return `request.resource.data.keys().hasAll([${keys.map((key) => `'${key}'`).join(', ')}])`;
}

/** `allow …: if a && b;` without a needless `true &&` (an app without sign-in). */
function allow(operations: string, ...conditions: (string | undefined)[]): string {
  const parts = conditions.filter((condition): condition is string => condition !== undefined && condition !== 'true');
  return `allow ${operations}: if ${parts.length > 0 ? parts.join(' && ') : 'true'};`;
}

/**
 * The rule that a booking names the right provider account: its
 * `provider_owner_id` is the `owner_id` of the provider document its link
 * points at (`get()`), or null when an optional link points nowhere.
 */
function providerStamped(link: ProviderLink): string {
  const data = 'request.resource.data';
  const field = `${data}.${link.field.name}`;
  const providerOwner = `${data}.${FIRESTORE_PROVIDER_OWNER_FIELD}`;
  const path = `/databases/$(database)/documents/${link.provider.tableName}/$(${field})`;
  const matches = `${providerOwner} == get(${path}).data.${FIRESTORE_OWNER_FIELD}`;
  if (link.field.required) return matches;
  return `((${field} in [null, ''] && ${providerOwner} == null) || ${matches})`;
}

/**
 * A two-party booking's rules (`providerLink`): its booker and the user who
 * created the provider it is booked with read it, which the repository's
 * `Filter.or` query asks for; only the booker writes it, naming the right
 * provider account.
 */
function bookedAllowLines(link: ProviderLink, condition: string, complete: string | undefined): string[] {
  const own = `resource.data.${FIRESTORE_OWNER_FIELD} == request.auth.uid`;
  const theirs = `resource.data.${FIRESTORE_PROVIDER_OWNER_FIELD} == request.auth.uid`;
  const stamped = `request.resource.data.${FIRESTORE_OWNER_FIELD} == request.auth.uid`;
  return [
    allow('read', condition, `(${own} || ${theirs})`),
    allow('create', condition, stamped, providerStamped(link), complete),
    allow('update', condition, own, stamped, providerStamped(link), complete),
    allow('delete', condition, own),
  ];
}

/** The `allow` lines of one collection. */
function allowLines(plan: AppPlan, entity: EntityPlan, condition: string): string[] {
  const sender = hasAuthFeature(plan) ? senderIdField(plan, entity) : undefined;
  const complete = requiredFieldsCheck(entity);
  const link = providerLink(plan, entity);
  if (link) return bookedAllowLines(link, condition, complete);
  // A personal document: its owner alone reads, changes or deletes it, and may not give it away.
  if (isPersonal(plan, entity)) {
    const own = `resource.data.${FIRESTORE_OWNER_FIELD} == request.auth.uid`;
    const stamped = `request.resource.data.${FIRESTORE_OWNER_FIELD} == request.auth.uid`;
    return [
      allow('read, delete', condition, own),
      allow('create', condition, stamped, complete),
      allow('update', condition, own, stamped, complete),
    ];
  }
  // A posted document (a listing): everyone reads it, its creator alone changes or deletes it.
  if (hasCreator(plan, entity)) {
    const own = `resource.data.${FIRESTORE_OWNER_FIELD} == request.auth.uid`;
    const stamped = `request.resource.data.${FIRESTORE_OWNER_FIELD} == request.auth.uid`;
    return [
      allow('read', condition),
      allow('create', condition, stamped, complete),
      allow('update', condition, own, stamped, complete),
      allow('delete', condition, own),
    ];
  }
  // A shop's catalogue: everyone reads it, staff alone (the `admin` custom claim) write it.
  if (staffWritten(plan, entity)) {
    return [
      allow('read', condition),
      allow('create, update', condition, FIRESTORE_STAFF_CHECK, complete),
      allow('delete', condition, FIRESTORE_STAFF_CHECK),
    ];
  }
  // A chat message is posted, changed and deleted by its sender only.
  if (sender) {
    const own = `resource.data.${sender.name} == request.auth.uid`;
    return [
      allow('read', condition),
      allow('create', condition, `request.resource.data.${sender.name} == request.auth.uid`, complete),
      allow('update', condition, own, complete),
      allow('delete', condition, own),
    ];
  }
  if (!complete) return [allow('read, write', condition)];
  return [allow('read, delete', condition), allow('create, update', condition, complete)];
}

function rules(plan: AppPlan): string {
  const condition = hasAuthFeature(plan) ? 'request.auth != null' : 'true';
  const matches = plan.entities.map((entity) => {
    const allow = allowLines(plan, entity, condition);
    return `    match /${entity.tableName}/{itemId} {\n${allow.map((line) => `      ${line}\n`).join('')}    }`;
  });
  return [
    "rules_version = '2';",
    'service cloud.firestore {',
    '  match /databases/{database}/documents {',
    matches.join('\n'),
    '  }',
    '}',
  ].join('\n');
}

/**
 * README: how a booking both parties see (`providerLink`) carries the
 * provider's account and what the rules and the query do with it; empty for
 * any other collection.
 */
function bookedReadme(plan: AppPlan, entity: EntityPlan): string {
  const link = providerLink(plan, entity);
  if (!link) return '';
  const provider = link.provider.label;
  return `A document of \`${entity.tableName}\` is its booker's (\`${FIRESTORE_OWNER_FIELD}\`) and also carries, in \`${FIRESTORE_PROVIDER_OWNER_FIELD}\`, the uid of the user who created the ${provider} it is booked with: the repository copies it on save from that document of \`${link.provider.tableName}\`, and the rules check it there with \`get()\` (one extra document read per write), so nobody can name another account. Both users read the booking, and the repository asks for \`Filter.or(${FIRESTORE_OWNER_FIELD} == uid, ${FIRESTORE_PROVIDER_OWNER_FIELD} == uid)\`, a query the rules allow: a ${provider} who registered and created their own profile sees the ${entity.pluralLabel.toLowerCase()} made with them, marked “${recordText(plan).bookedWithYou}” in the app. Only the booker changes or deletes one; the ${provider} gets no edit or delete button, and the rules refuse it.`;
}

/**
 * README: who may write the collections only staff change (`staffWritten`,
 * a shop's products), and the Admin SDK script that makes a user staff with
 * a custom claim users cannot set themselves; empty without such a collection.
 */
function staffReadme(plan: AppPlan): string {
  const collections = plan.entities
    .filter((entity) => staffWritten(plan, entity))
    .map((entity) => `\`${entity.tableName}\``);
  if (collections.length === 0) return '';
  const script = [
    "// set-staff.js: node set-staff.js <uid>, with GOOGLE_APPLICATION_CREDENTIALS set to a service account key",
    "const { initializeApp } = require('firebase-admin/app');",
    "const { getAuth } = require('firebase-admin/auth');",
    '',
    'initializeApp();',
    'getAuth()',
    '  .setCustomUserClaims(process.argv[2], { admin: true })',
    "  .then(() => console.log('Staff from the next sign-in or token refresh.'));",
  ].join('\n');
  return [
    `Only staff change ${collections.join(', ')}: every signed-in user reads them, and the rules let a user create, update or delete a document only when \`${FIRESTORE_STAFF_CHECK}\`, a custom claim only the Firebase Admin SDK sets, so nobody makes themselves staff; the app offers add, edit and delete on those lists to staff only. To make a user staff (their uid is under Authentication → Users), run this Node script once (\`npm install firebase-admin\`), on your machine or a server, never in the app:`,
    codeBlock('js', script),
    'The claim reaches the app with the user’s next ID token, at the next sign-in or token refresh (within the hour): sign out and in again to use it at once. `setCustomUserClaims(uid, {})` takes it back the same way.',
  ].join('\n\n');
}

function readme(plan: AppPlan): string {
  const rows = plan.entities.map((entity) => [
    entity.pluralLabel,
    `\`${entity.tableName}\``,
    `\`${repositoryImplementation('firebase', entity).className}\``,
  ]);
  const rulesNote = hasAuthFeature(plan)
    ? [
        'A write must carry the required fields (`hasAll`), since the app cannot read a document without them.',
        ownershipSentence(plan),
        personalEntities(plan).size > 0
          ? `A private document carries its owner's uid in \`${FIRESTORE_OWNER_FIELD}\`, which the app's repository sets on save from \`FirebaseAuth.instance.currentUser\`; the rules let only that user read, change or delete it, and the repository lists only the signed-in user's documents (\`where('${FIRESTORE_OWNER_FIELD}', isEqualTo: uid)\`), a query the rules allow.${hasOpenSharedLists(plan) ? ' Shared collections let every signed-in user read and write every item.' : ''}`
          : plan.entities.some((entity) => hasCreator(plan, entity)) || !hasOpenSharedLists(plan)
            ? ''
            : 'These rules let every signed-in user read and write every item.',
        plan.entities.some((entity) => hasCreator(plan, entity))
          ? `An item that everyone reads but only its creator changes also carries its creator's uid in \`${FIRESTORE_OWNER_FIELD}\`, set by the repository on save; the rules refuse a write by anyone else (\`permission-denied\`), and the app offers edit and delete on the signed-in user's own items only.`
          : '',
        ...plan.entities.map((entity) => bookedReadme(plan, entity)),
      ]
        .filter(Boolean)
        .join(' ')
    : 'A write must carry the required fields (`hasAll`), since the app cannot read a document without them. The app has no sign-in, so these rules let anyone who has the app read and write every item: fine for a prototype, not for production (add Firebase Authentication, require `request.auth != null`, and give personal documents an owner uid that the rules compare with `request.auth.uid`).';
  return [
    'The app stores its data in Cloud Firestore, one collection per kind of item (document id = item id, dates as ISO-8601 strings):',
    table(['Data', 'Firestore collection', 'Repository'], rows, NO_DATA),
    [
      '1. Create a Firebase project in the Firebase console and add a Cloud Firestore database to it.',
      '2. Install the FlutterFire CLI (it needs the Firebase CLI, `npm install -g firebase-tools`, and `firebase login`):',
      '',
      indent(codeBlock('sh', 'dart pub global activate flutterfire_cli\nflutterfire configure'), 3),
      '',
      '   `flutterfire configure` registers the app for the platforms you pick and regenerates `lib/firebase_options.dart`; until then the app stops at start-up with an error telling you to run it.',
      '3. Publish security rules for the collections (Firestore → Rules):',
    ].join('\n'),
    codeBlock('', rules(plan)),
    rulesNote,
    staffReadme(plan),
    'iOS/macOS: the Firebase SDKs need iOS 13 / macOS 10.15 or later; if `pod install` complains, set `platform :ios, \'13.0\'` in `ios/Podfile` (and `platform :osx, \'10.15\'` in `macos/Podfile`).',
    SERVER_READ_ERRORS_README,
    NETWORK_PERMISSIONS,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function firestoreWiring(plan: AppPlan): BackendWiring {
  const files: GeneratedFile[] = [
    { path: FIREBASE_OPTIONS_PATH, content: firebaseOptionsDart() },
    ...plan.entities.map((entity) => ({
      path: repositoryImplementation('firebase', entity).path,
      content: repositoryDart(plan, entity),
    })),
  ];
  return {
    // firebase_auth: personal collections stamp and query the signed-in user's uid; staff ones read its claims.
    dependencies: packages(
      'firebase_core',
      'cloud_firestore',
      ...(personalEntities(plan).size > 0 ||
      plan.entities.some((entity) => hasCreator(plan, entity) || staffWritten(plan, entity))
        ? (['firebase_auth'] as const)
        : []),
    ),
    files,
    mainImports: ['package:firebase_core/firebase_core.dart', libRelative(FIREBASE_OPTIONS_PATH)],
    mainSetup: ['await Firebase.initializeApp(options: DefaultFirebaseOptions.currentPlatform);'],
    repositoryCreate: (entity) => `${repositoryImplementation('firebase', entity).className}()`,
    repositoryImports: (entity) => [libRelative(repositoryImplementation('firebase', entity).path)],
    readme: readme(plan),
  };
}
