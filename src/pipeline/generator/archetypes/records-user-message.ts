/**
 * `lib/core/user_message.dart`: the one place that turns whatever a backend
 * threw (a `PostgrestException`, an `ApiException(403)`, a socket error) into
 * a short sentence in the app's language. Screens show that sentence and
 * never `$error`; the error itself goes to the debug log for developers.
 * Each backend knows its own error shapes, as the sign-in services map their
 * own error codes. Written with the data layer (every app with records has
 * it, and so does any app with a feature that saves outside records), so any
 * feature's screen may use it; the Supabase backend declares package:http for it.
 */
import type { GeneratedFile } from '../app-spec';
import { API_EXCEPTION_PATH, relativeImport } from '../data/backends/backend-names';
import { dartString } from '../dart-string';
import type { AppPlan, ArchetypeId, BackendKind } from '../plan/app-plan';
import { recordText, type RecordText } from '../ui-text-records';

export const USER_MESSAGE_PATH = 'lib/core/user_message.dart';

type Plan = Pick<AppPlan, 'locale' | 'backend'>;

interface Texts {
  offline: string;
  notAllowed: string;
  notFound: string;
  inUse: string;
  other: string;
}

function texts(r: RecordText): Texts {
  return {
    offline: dartString(r.errorOffline),
    notAllowed: dartString(r.errorNotAllowed),
    notFound: dartString(r.errorNotFound),
    inUse: dartString(r.errorInUse),
    other: dartString(r.errorOther),
  };
}

const DOC = `/// What to tell the user when loading, saving or deleting data failed: one
/// short sentence in the app's language, whatever the backend threw. The
/// error itself is meant for developers, so it goes to the debug log.`;

/** One case of the switch: on one line when it fits in 80 columns, else the value on the next, as `dart format` lays it out. */
function arm(pattern: string, value: string): string {
  const line = `    ${pattern} => ${value},`;
  return line.length <= 80 ? line : `    ${pattern} =>\n      ${value},`;
}

/** `return switch (error) { … };` over the backend's error cases (`arm`s and `comment`s), then the generic sentence. */
function switchBody(cases: string[], s: Texts): string {
  return `String userMessage(Object error) {
  debugPrint('$error');
  return switch (error) {
${cases.join('\n')}
${arm('_', s.other)}
  };
}`;
}

const comment = (text: string): string => `    // ${text}`;

function restDart(s: Texts): string {
  return `import 'package:flutter/foundation.dart';
import 'package:http/http.dart' as http;

import '${relativeImport(USER_MESSAGE_PATH, API_EXCEPTION_PATH)}';

${DOC}
${switchBody(
  [
    comment('No network, or nothing listens at ApiConfig.baseUrl.'),
    arm('http.ClientException()', s.offline),
    arm('ApiException(statusCode: 401 || 403)', s.notAllowed),
    arm('ApiException(statusCode: 404 || 410)', s.notFound),
    arm('ApiException(statusCode: 409)', s.inUse),
  ],
  s,
)}
`;
}

function supabaseDart(s: Texts): string {
  return `import 'package:flutter/foundation.dart';
import 'package:http/http.dart' as http;
import 'package:supabase_flutter/supabase_flutter.dart'
    show PostgrestException;

${DOC}
${switchBody(
  [
    comment('No network, or the project URL cannot be reached.'),
    arm('http.ClientException()', s.offline),
    comment('A row-level security policy refused, or the session has expired.'),
    arm("PostgrestException(code: '42501' || 'PGRST301' || '401' || '403')", s.notAllowed),
    arm("PostgrestException(code: 'PGRST116' || '404')", s.notFound),
    comment('A foreign key refused a delete: other records still point at this one.'),
    arm("PostgrestException(code: '23503')", s.inUse),
  ],
  s,
)}
`;
}

function firestoreDart(s: Texts): string {
  return `import 'package:firebase_core/firebase_core.dart' show FirebaseException;
import 'package:flutter/foundation.dart';

${DOC}
${switchBody(
  [
    arm("FirebaseException(code: 'unavailable' || 'deadline-exceeded')", s.offline),
    arm("FirebaseException(code: 'permission-denied' || 'unauthenticated')", s.notAllowed),
    arm("FirebaseException(code: 'not-found')", s.notFound),
  ],
  s,
)}
`;
}

function graphqlDart(s: Texts): string {
  return `import 'package:flutter/foundation.dart';
import 'package:graphql_flutter/graphql_flutter.dart'
    show NetworkException, OperationException;

${DOC}
String userMessage(Object error) {
  debugPrint('$error');
  if (error is OperationException) {
    if (error.linkException is NetworkException) {
      return ${s.offline};
    }
    // The error codes Apollo Server and most GraphQL servers send.
    final codes = {
      for (final graphqlError in error.graphqlErrors)
        graphqlError.extensions?['code'],
    };
    if (codes.contains('UNAUTHENTICATED') || codes.contains('FORBIDDEN')) {
      return ${s.notAllowed};
    }
    if (codes.contains('NOT_FOUND')) {
      return ${s.notFound};
    }
    if (codes.contains('CONFLICT')) {
      return ${s.inUse};
    }
  }
  return ${s.other};
}
`;
}

function localDart(s: Texts): string {
  return `import 'package:flutter/foundation.dart';

${DOC}
///
/// The data lives on the device, so there is no network or permission to
/// blame: a failure is full storage or stored data the app cannot read.
String userMessage(Object error) {
  debugPrint('$error');
  return ${s.other};
}
`;
}

const WRITERS: Readonly<Record<BackendKind, (s: Texts) => string>> = {
  none: localDart,
  rest: restDart,
  supabase: supabaseDart,
  firebase: firestoreDart,
  graphql: graphqlDart,
};

/** Features whose screens report failures through `userMessage` even in an app without records (reminders kept on the device). */
const USED_WITHOUT_RECORDS: ReadonlySet<ArchetypeId> = new Set<ArchetypeId>(['notifications']);

/** Whether any screen calls `userMessage`: every record screen does, and so do the features above. */
export function needsUserMessage(plan: Pick<AppPlan, 'entities' | 'features'>): boolean {
  return plan.entities.length > 0 || plan.features.some((feature) => USED_WITHOUT_RECORDS.has(feature.archetype));
}

export function userMessageFile(plan: Plan): GeneratedFile {
  return { path: USER_MESSAGE_PATH, content: WRITERS[plan.backend](texts(recordText(plan))) };
}
