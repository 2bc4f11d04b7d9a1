/**
 * The production `AuthService` of the auth archetype, one per backend:
 * Firebase Authentication, Supabase Auth, the app's own HTTP API (REST and
 * GraphQL apps both sign in over plain JSON endpoints) or, without a backend,
 * a local demo session that stores no password at all.
 */
import type { BackendKind } from '../plan/app-plan';
import { packages } from '../data/package-versions';
import { dartText, type UiText } from '../ui-text';

/** Root-relative path of the API base URL the backend engineer writes (`abstract final class ApiConfig`). */
export const API_CONFIG_PATH = 'lib/config/api_config.dart';

export interface AuthBackend {
  /** Dart class implementing `AuthService`. */
  className: string;
  /** File stem beside `auth_service.dart`. */
  fileName: string;
  /** pub packages the implementation imports (besides flutter). */
  dependencies: Record<string, string>;
  /**
   * Dart source of the implementation (imports `auth_service.dart` from the same folder);
   * the errors it reports to the user are in the app's language (`t`).
   */
  dart: (registration: boolean, t: UiText) => string;
  /** Markdown setup notes for the README. */
  readme: (registration: boolean) => string;
}

const LAST_EMAIL_KEY = 'auth_last_email';

/** The `currentEmail` and `lastEmail` getters every implementation shares. */
const EMAIL_GETTERS = `  @override
  ValueListenable<String?> get currentEmail => _email;

  @override
  String? get lastEmail => _prefs.getString(_lastEmailKey);
`;

/** Fields and getters of an implementation on an SDK's auth client `_auth` of type `authType`. */
function sdkSessionFields(authType: string): string {
  return `  static const String _lastEmailKey = '${LAST_EMAIL_KEY}';

  final SharedPreferences _prefs;
  final ${authType} _auth;
  final ValueNotifier<String?> _email = ValueNotifier<String?>(null);

${EMAIL_GETTERS}`;
}

/**
 * `throw const AuthFailure(…);` with `text` (a ui-text template, its gaps filled by the
 * Dart expressions in `exprs`) at `indent`, wrapped the way `dart format` wraps it.
 */
function throwFailure(text: string, indent: string, exprs: Readonly<Record<string, string>> = {}): string {
  const literal = dartText(text, exprs);
  const oneLine = `${indent}throw const AuthFailure(${literal});`;
  if (oneLine.length <= 80) return oneLine;
  return `${indent}throw const AuthFailure(\n${indent}  ${literal},\n${indent});`;
}

/** `signOut` of an implementation on an SDK's auth client. */
const SDK_SIGN_OUT = `  @override
  Future<void> signOut() async {
    await _auth.signOut();
    _email.value = null;
  }
`;

function firebaseDart(registration: boolean, t: UiText): string {
  const register = registration
    ? `
  @override
  Future<void> register(String email, String password) async {
    try {
      final credential = await _auth.createUserWithEmailAndPassword(
        email: email,
        password: password,
      );
      _email.value = credential.user?.email ?? email;
    } on FirebaseAuthException catch (error) {
      throw AuthFailure(_messageFor(error));
    }
    await _prefs.setString(_lastEmailKey, email);
  }
`
    : '';
  return `import 'package:firebase_auth/firebase_auth.dart'
    show FirebaseAuth, FirebaseAuthException;
import 'package:flutter/foundation.dart';
import 'package:shared_preferences/shared_preferences.dart';

import 'auth_service.dart';

/// [AuthService] on Firebase Authentication (email/password provider).
///
/// Firebase keeps the session on the device; [currentEmail] follows
/// \`authStateChanges()\`. \`Firebase.initializeApp\` must have run first.
class FirebaseAuthService implements AuthService {
  FirebaseAuthService(this._prefs, {FirebaseAuth? auth})
      : _auth = auth ?? FirebaseAuth.instance {
    _email.value = _auth.currentUser?.email;
    // AppServices creates one instance for the app's lifetime, so the
    // subscription is never cancelled.
    _auth.authStateChanges().listen((user) => _email.value = user?.email);
  }

${sdkSessionFields('FirebaseAuth')}
  @override
  Future<void> signIn(String email, String password) async {
    try {
      final credential = await _auth.signInWithEmailAndPassword(
        email: email,
        password: password,
      );
      _email.value = credential.user?.email ?? email;
    } on FirebaseAuthException catch (error) {
      throw AuthFailure(_messageFor(error));
    }
    await _prefs.setString(_lastEmailKey, email);
  }
${register}
${SDK_SIGN_OUT}
  /// The user-facing text for Firebase's error [FirebaseAuthException.code];
  /// Firebase's own messages are English and meant for developers.
  static String _messageFor(FirebaseAuthException error) =>
      switch (error.code) {
        'invalid-email' => ${dartText(t.authInvalidEmail)},
        'user-disabled' => ${dartText(t.authAccountDisabled)},
        'user-not-found' ||
        'wrong-password' ||
        'invalid-credential' =>
          ${dartText(t.authWrongCredentials)},
        'email-already-in-use' => ${dartText(t.authEmailTaken)},
        'weak-password' => ${dartText(t.authWeakPassword)},
        'operation-not-allowed' => ${dartText(t.authEmailSignInOff)},
        'too-many-requests' => ${dartText(t.authTooManyAttempts)},
        'network-request-failed' => ${dartText(t.authOffline)},
        _ => ${dartText(t.authFailed)},
      };
}
`;
}

function supabaseDart(registration: boolean, t: UiText): string {
  const register = registration
    ? `
  @override
  Future<void> register(String email, String password) async {
    final AuthResponse response;
    try {
      response = await _auth.signUp(email: email, password: password);
    } on AuthException catch (error) {
      throw AuthFailure(_messageFor(error));
    }
    await _prefs.setString(_lastEmailKey, email);
    if (response.session == null) {
      // The project asks new users to confirm their address first.
${throwFailure(t.authConfirmEmail, '      ')}
    }
    _email.value = response.user?.email ?? email;
  }
`
    : '';
  const show = registration
    ? 'AuthException, AuthResponse, GoTrueClient, Supabase'
    : 'AuthException, GoTrueClient, Supabase';
  return `import 'package:flutter/foundation.dart';
import 'package:shared_preferences/shared_preferences.dart';
import 'package:supabase_flutter/supabase_flutter.dart'
    show ${show};

import 'auth_service.dart';

/// [AuthService] on Supabase Auth (email provider).
///
/// supabase_flutter keeps the session on the device; [currentEmail] follows
/// \`onAuthStateChange\`. \`Supabase.initialize\` must have run first.
class SupabaseAuthService implements AuthService {
  SupabaseAuthService(this._prefs, {GoTrueClient? auth})
      : _auth = auth ?? Supabase.instance.client.auth {
    _email.value = _auth.currentSession?.user.email;
    // AppServices creates one instance for the app's lifetime, so the
    // subscription is never cancelled.
    _auth.onAuthStateChange.listen(
      (state) => _email.value = state.session?.user.email,
    );
  }

${sdkSessionFields('GoTrueClient')}
  @override
  Future<void> signIn(String email, String password) async {
    try {
      final response = await _auth.signInWithPassword(
        email: email,
        password: password,
      );
      _email.value = response.user?.email ?? email;
    } on AuthException catch (error) {
      throw AuthFailure(_messageFor(error));
    }
    await _prefs.setString(_lastEmailKey, email);
  }
${register}
${SDK_SIGN_OUT}
  /// The user-facing text for Supabase's error [AuthException.code]
  /// (https://supabase.com/docs/reference/dart/auth-error-codes); Supabase's
  /// own messages are English and meant for developers.
  static String _messageFor(AuthException error) => switch (error.code) {
        'invalid_credentials' => ${dartText(t.authWrongCredentials)},
        'email_not_confirmed' => ${dartText(t.authConfirmEmail)},
        'user_already_exists' ||
        'email_exists' =>
          ${dartText(t.authEmailTaken)},
        'weak_password' => ${dartText(t.authWeakPassword)},
        'email_address_invalid' => ${dartText(t.authInvalidEmail)},
        'user_banned' => ${dartText(t.authAccountDisabled)},
        'email_provider_disabled' => ${dartText(t.authEmailSignInOff)},
        'over_request_rate_limit' ||
        'over_email_send_rate_limit' =>
          ${dartText(t.authTooManyAttempts)},
        _ => ${dartText(t.authFailed)},
      };
}
`;
}

function httpDart(registration: boolean, t: UiText): string {
  const register = registration
    ? `
  @override
  Future<void> register(String email, String password) =>
      _authenticate('/auth/register', email, password);
`
    : '';
  return `import 'dart:async';
import 'dart:convert';

import 'package:flutter/foundation.dart';
import 'package:http/http.dart' as http;
import 'package:shared_preferences/shared_preferences.dart';

import '../../config/api_config.dart';
import 'auth_service.dart';

/// [AuthService] on the app's own API.
///
/// \`POST {ApiConfig.baseUrl}/auth/login\`${registration ? ' and `/auth/register` take' : ' takes'}
/// \`{"email": "…", "password": "…"}\` and ${registration ? 'answer' : 'answers'} \`{"token": "…"}\`; 401/403 mean
/// wrong credentials${registration ? ', 409 an email already registered' : ''}, other errors may carry \`{"message": "…"}\`.
///
/// The token is kept in memory only, so a restart signs the user out; the
/// email is kept in SharedPreferences to pre-fill the form.
class HttpAuthService implements AuthService {
  HttpAuthService(this._prefs, {http.Client? client})
      : _client = client ?? http.Client();

  static const String _lastEmailKey = '${LAST_EMAIL_KEY}';
  static const Duration _timeout = Duration(seconds: 20);

  final SharedPreferences _prefs;
  final http.Client _client;
  final ValueNotifier<String?> _email = ValueNotifier<String?>(null);
  String? _token;

  /// The bearer token of the current session, for API calls that need one.
  String? get token => _token;

${EMAIL_GETTERS}
  @override
  Future<void> signIn(String email, String password) =>
      _authenticate('/auth/login', email, password);
${register}
  @override
  Future<void> signOut() async {
    _token = null;
    _email.value = null;
  }

  Future<void> _authenticate(String path, String email, String password) async {
    final response = await _post(path, {'email': email, 'password': password});
    final status = response.statusCode;
    if (status == 401 || status == 403) {
${throwFailure(t.authWrongCredentials, '      ')}
    }
    if (status == 409) {
${throwFailure(t.authEmailTaken, '      ')}
    }
    final body = _decode(response.body);
    if (status < 200 || status >= 300) {
      final message = body?['message'];
      throw AuthFailure(
        message is String && message.isNotEmpty
            ? message
            : ${dartText(t.authServerRefused, { status: 'status' })},
      );
    }
    final token = body?['token'] ?? body?['accessToken'] ?? body?['access_token'];
    if (token is! String || token.isEmpty) {
${throwFailure(t.authNoToken, '      ')}
    }
    _token = token;
    _email.value = email;
    await _prefs.setString(_lastEmailKey, email);
  }

  Future<http.Response> _post(String path, Map<String, String> body) async {
    try {
      return await _client
          .post(
            Uri.parse('\${ApiConfig.baseUrl}$path'),
            headers: const {
              'Content-Type': 'application/json',
              'Accept': 'application/json',
            },
            body: jsonEncode(body),
          )
          .timeout(_timeout);
    } on TimeoutException {
${throwFailure(t.authServerTimeout, '      ')}
    } on http.ClientException {
${throwFailure(t.authServerUnreachable, '      ')}
    }
  }

  static Map<String, Object?>? _decode(String body) {
    try {
      final json = jsonDecode(body);
      return json is Map<String, Object?> ? json : null;
    } on FormatException {
      return null;
    }
  }
}
`;
}

function localDart(registration: boolean, t: UiText): string {
  const register = registration
    ? `
  /// Demo mode: "registering" only checks the form's rules, like [signIn].
  @override
  Future<void> register(String email, String password) =>
      signIn(email, password);
`
    : '';
  return `import 'package:flutter/foundation.dart';
import 'package:shared_preferences/shared_preferences.dart';

import 'auth_service.dart';

/// Demo [AuthService] for an app without a server.
///
/// This is NOT an account system: sign-in accepts any well-formed email and
/// password, no password is stored or checked anywhere, and only the email is
/// remembered on this device. It protects nothing. Choose a backend (Firebase,
/// Supabase or your own API) for real accounts.
class LocalAuthService implements AuthService {
  LocalAuthService(this._prefs)
      : _email = ValueNotifier<String?>(_prefs.getString(_sessionKey));

  static const String _sessionKey = 'auth_session_email';
  static const String _lastEmailKey = '${LAST_EMAIL_KEY}';

  final SharedPreferences _prefs;
  final ValueNotifier<String?> _email;

${EMAIL_GETTERS}
  @override
  Future<void> signIn(String email, String password) async {
    final address = email.trim();
    if (!AuthRules.isEmail(address) ||
        password.length < AuthRules.minPasswordLength) {
${throwFailure(t.authDemoRules, '      ', { count: 'AuthRules.minPasswordLength' })}
    }
    await _prefs.setString(_sessionKey, address);
    await _prefs.setString(_lastEmailKey, address);
    _email.value = address;
  }
${register}
  @override
  Future<void> signOut() async {
    await _prefs.remove(_sessionKey);
    _email.value = null;
  }
}
`;
}

const FIREBASE_README = (registration: boolean) =>
  [
    'Sign-in uses **Firebase Authentication** (email/password):',
    '',
    '1. Run `flutterfire configure` so that `lib/firebase_options.dart` exists (the app initialises Firebase with it).',
    '2. In the Firebase console, open **Authentication → Sign-in method** and enable **Email/Password**.',
    registration
      ? '3. New accounts are created from the app with `createUserWithEmailAndPassword`; Firebase requires passwords of at least 6 characters (the app asks for 8).'
      : '3. Create users in **Authentication → Users** (the app has no registration form).',
    '4. If the Android build complains about `minSdkVersion`, raise it to 23 in `android/app/build.gradle`.',
  ].join('\n');

const SUPABASE_README = (registration: boolean) =>
  [
    'Sign-in uses **Supabase Auth** (email provider):',
    '',
    '1. Give the app your project URL and anon key as the backend setup describes.',
    '2. In the dashboard, open **Authentication → Providers** and make sure **Email** is enabled.',
    registration
      ? '3. With **Confirm email** on (the default), a new user must click the link in the confirmation email before signing in; the app says so after registration.'
      : '3. Invite or create users in **Authentication → Users** (the app has no registration form).',
  ].join('\n');

const HTTP_README = (registration: boolean) =>
  [
    "Sign-in calls the app's own API at `ApiConfig.baseUrl` (`--dart-define=API_BASE_URL=https://api.example.com/v1`):",
    '',
    '- `POST /auth/login` with `{"email": "…", "password": "…"}` → `200 {"token": "…"}`; `401` for wrong credentials.',
    ...(registration
      ? ['- `POST /auth/register` with the same body → `201 {"token": "…"}`; `409` when the email is taken.']
      : []),
    '- Errors may carry `{"message": "…"}`, shown to the user.',
    '',
    'The token is kept in memory only (`HttpAuthService.token`): users sign in again after a restart. Serve the API over HTTPS; a plain `http://` URL (such as the emulator default `http://10.0.2.2:8080/v1`) needs `android:usesCleartextTraffic="true"` on `<application>` in `android/app/src/main/AndroidManifest.xml`, for development only. Release builds on Android also need `<uses-permission android:name="android.permission.INTERNET"/>` in that file, and macOS needs the `com.apple.security.network.client` entitlement.',
  ].join('\n');

const LOCAL_README = () =>
  [
    '**Sign-in is a demo in this build: the app has no server.** It accepts any well-formed email with a password of at least 8 characters, stores **no password** anywhere, verifies no account and only remembers the email on the device (`shared_preferences`). It protects no data.',
    '',
    'For real accounts, regenerate the app with a backend (firebase, supabase or rest) or replace `LocalAuthService` with an implementation of `AuthService` that talks to your server.',
  ].join('\n');

export function authBackend(backend: BackendKind): AuthBackend {
  switch (backend) {
    case 'firebase':
      return {
        className: 'FirebaseAuthService',
        fileName: 'firebase_auth_service',
        dependencies: packages('firebase_core', 'firebase_auth', 'shared_preferences'),
        dart: firebaseDart,
        readme: FIREBASE_README,
      };
    case 'supabase':
      return {
        className: 'SupabaseAuthService',
        fileName: 'supabase_auth_service',
        dependencies: packages('supabase_flutter', 'shared_preferences'),
        dart: supabaseDart,
        readme: SUPABASE_README,
      };
    case 'rest':
    case 'graphql':
      return {
        className: 'HttpAuthService',
        fileName: 'http_auth_service',
        dependencies: packages('http', 'shared_preferences'),
        dart: httpDart,
        readme: HTTP_README,
      };
    case 'none':
      return {
        className: 'LocalAuthService',
        fileName: 'local_auth_service',
        dependencies: packages('shared_preferences'),
        dart: localDart,
        readme: LOCAL_README,
      };
  }
}
