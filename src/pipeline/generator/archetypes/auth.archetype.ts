/**
 * Sign-in / login / account: an email + password form with validators, a
 * session shared with the rest of the app (`AuthService`, the AppServices
 * field `auth`), sign-out, error and loading states, and a registration form
 * when the spec asks for one. The production service depends on the backend
 * (`auth-backends.ts`); widget tests use `FakeAuthService`.
 */
import type { GeneratedFile } from '../app-spec';
import { dartString } from '../dart-string';
import { packageUri } from '../data/entity-dart';
import type { AppPlan, PlannedFeature } from '../plan/app-plan';
import { dartText, fill, uiText, type UiText } from '../ui-text';
import type { ArchetypeTemplate, FeatureContext, ServiceDecl } from './archetype';
import { SAFE_NOTIFY_DART } from './feature-dart.shared';
import { authBackend } from './auth-backends';
import { accountTitle, authGate, authGateFiles } from './auth-gate';
import { homeButton } from '../templates/home-layout';

/** Root-relative path of the test double every test of the app may use. */
export const FAKE_AUTH_SERVICE_PATH = 'test/support/fake_auth_service.dart';

/** The app's auth feature (at most one: auth is a singleton archetype). */
export function authFeatureOf(plan: AppPlan): PlannedFeature | undefined {
  return plan.features.find((feature) => feature.archetype === 'auth');
}

/** Root-relative path of `auth_service.dart` (`AuthService`, `AuthFailure`, `AuthRules`). */
export function authServicePath(feature: PlannedFeature): string {
  return `${feature.paths.dir}/auth_service.dart`;
}

function registrationOf(feature: PlannedFeature): boolean {
  return feature.options.registration === true;
}

function libRelative(rootPath: string): string {
  return rootPath.slice('lib/'.length);
}

function baseName(rootPath: string): string {
  return rootPath.slice(rootPath.lastIndexOf('/') + 1);
}

function paths(feature: PlannedFeature, plan: AppPlan) {
  const backend = authBackend(plan.backend);
  return {
    service: authServicePath(feature),
    implementation: `${feature.paths.dir}/${backend.fileName}.dart`,
    controller: `${feature.paths.dir}/${feature.names.id}_controller.dart`,
  };
}

/**
 * The `auth` service of an app with an auth feature, or undefined without one.
 * Other archetypes (profile) declare the same ServiceDecl when they read the session.
 */
export function authServiceDecl(plan: AppPlan): ServiceDecl | undefined {
  const feature = authFeatureOf(plan);
  if (!feature) return undefined;
  const backend = authBackend(plan.backend);
  const files = paths(feature, plan);
  return {
    field: 'auth',
    type: 'AuthService',
    typeImport: libRelative(files.service),
    create: `${backend.className}(prefs)`,
    createImports: [libRelative(files.implementation)],
    fake: 'FakeAuthService()',
    fakeImport: FAKE_AUTH_SERVICE_PATH,
  };
}

function serviceDart(registration: boolean, t: UiText): string {
  const register = registration
    ? `
  /// Creates an account and signs it in; throws [AuthFailure] when it fails.
  Future<void> register(String email, String password);
`
    : '';
  return `import 'package:flutter/foundation.dart';

/// The app's session: who is signed in, and how to sign in and out.
///
/// One implementation per backend lives beside this file; widget tests use
/// \`FakeAuthService\` from \`test/support/fake_auth_service.dart\`.
abstract interface class AuthService {
  /// The signed-in user's email, or null when nobody is signed in.
  ValueListenable<String?> get currentEmail;

  /// The email last used to sign in on this device, to pre-fill the form.
  String? get lastEmail;

  /// Signs in; throws [AuthFailure] with a message for the user when it fails.
  Future<void> signIn(String email, String password);
${register}
  Future<void> signOut();
}

/// A sign-in or registration error whose [message] can be shown to the user.
class AuthFailure implements Exception {
  const AuthFailure(this.message);

  final String message;

  @override
  String toString() => 'AuthFailure: $message';
}

/// The credential rules the form and the services share.
abstract final class AuthRules {
  static const int minPasswordLength = 8;

  static final RegExp _email = RegExp(r'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$');

  static bool isEmail(String value) => _email.hasMatch(value.trim());

  static String? validateEmail(String? value) {
    final text = value?.trim() ?? '';
    if (text.isEmpty) return ${dartString(t.enterYourEmail)};
    if (!isEmail(text)) return ${dartString(t.enterValidEmail)};
    return null;
  }

  static String? validatePassword(String? value) {
    final text = value ?? '';
    if (text.isEmpty) return ${dartString(t.enterYourPassword)};
    if (text.length < minPasswordLength) {
      return ${dartText(t.passwordTooShort, { count: 'minPasswordLength' })};
    }
    return null;
  }
}
`;
}

function controllerDart(ctx: FeatureContext): string {
  const { controller } = ctx.feature.classes;
  const t = uiText(ctx.plan);
  const register = registrationOf(ctx.feature)
    ? `
  Future<bool> register(String email, String password) =>
      _run(() => auth.register(email, password));
`
    : '';
  return `import 'package:flutter/foundation.dart';

import 'auth_service.dart';

/// Runs sign-in${registrationOf(ctx.feature) ? ', registration' : ''} and sign-out for the screen: a busy flag and the last error.
class ${controller} extends ChangeNotifier {
  ${controller}(this.auth);

  final AuthService auth;

  bool _busy = false;
  String? _error;
  bool _disposed = false;

  bool get busy => _busy;

  /// The last failure, as a message for the user.
  String? get error => _error;

  Future<bool> signIn(String email, String password) =>
      _run(() => auth.signIn(email, password));
${register}
  Future<bool> signOut() => _run(auth.signOut);

  void clearError() {
    if (_error == null) return;
    _error = null;
    _notify();
  }

  Future<bool> _run(Future<void> Function() action) async {
    if (_busy) return false;
    _busy = true;
    _error = null;
    _notify();
    try {
      await action();
      return true;
    } on AuthFailure catch (failure) {
      _error = failure.message;
      return false;
    } catch (_) {
      _error = ${dartString(t.somethingWentWrong)};
      return false;
    } finally {
      _busy = false;
      _notify();
    }
  }

${SAFE_NOTIFY_DART}
`;
}

function screenDart(ctx: FeatureContext): string {
  const { feature } = ctx;
  const { screen, controller } = feature.classes;
  const reg = registrationOf(feature);
  const t = uiText(ctx.plan);
  const state = `_${screen}State`;
  const controllerFile = baseName(paths(feature, ctx.plan).controller);

  const modeFields = reg
    ? `
  final _confirmController = TextEditingController();
  bool _registering = false;`
    : '';
  const disposeConfirm = reg ? '\n    _confirmController.dispose();' : '';
  const submitCall = reg
    ? `_registering
        ? await _controller.register(email, password)
        : await _controller.signIn(email, password)`
    : 'await _controller.signIn(email, password)';
  const clearConfirm = reg ? '\n    _confirmController.clear();' : '';
  const toggle = reg
    ? `
  void _toggleMode() {
    setState(() => _registering = !_registering);
    _confirmController.clear();
    _controller.clearError();
  }
`
    : '';
  const welcome = dartString(t.welcomeBack);
  const heading = reg ? `_registering ? ${dartString(t.createYourAccount)} : ${welcome}` : welcome;
  const passwordHints = reg
    ? `[
                _registering ? AutofillHints.newPassword : AutofillHints.password,
              ]`
    : 'const [AutofillHints.password]';
  const passwordAction = reg
    ? `textInputAction:
                  _registering ? TextInputAction.next : TextInputAction.done,
              onFieldSubmitted: _registering ? null : (_) => _submit(),`
    : `textInputAction: TextInputAction.done,
              onFieldSubmitted: (_) => _submit(),`;
  const helper = reg
    ? `
                helperText: _registering
                    ? ${dartText(t.passwordHelper, { count: 'AuthRules.minPasswordLength' })}
                    : null,`
    : '';
  const confirmField = reg
    ? `
            if (_registering) ...[
              const SizedBox(height: 16),
              TextFormField(
                key: const Key('auth-confirm-password'),
                controller: _confirmController,
                enabled: !busy,
                obscureText: _obscure,
                autofillHints: const [AutofillHints.newPassword],
                textInputAction: TextInputAction.done,
                onFieldSubmitted: (_) => _submit(),
                decoration: const InputDecoration(
                  labelText: ${dartString(t.confirmPassword)},
                  prefixIcon: Icon(Icons.lock_outline),
                  border: OutlineInputBorder(),
                ),
                validator: (value) => value == _passwordController.text
                    ? null
                    : ${dartString(t.passwordsDoNotMatch)},
              ),
            ],`
    : '';
  const signIn = dartString(t.signIn);
  const submitLabel = reg ? `Text(_registering ? ${dartString(t.createAccount)} : ${signIn})` : `const Text(${signIn})`;
  const toggleButton = reg
    ? `
            const SizedBox(height: 8),
            TextButton(
              key: const Key('auth-toggle-mode'),
              onPressed: busy ? null : _toggleMode,
              child: Text(
                _registering
                    ? ${dartString(t.haveAccount)}
                    : ${dartString(t.noAccount)},
              ),
            ),`
    : '';

  return `import 'package:flutter/material.dart';

import 'auth_service.dart';
import '${controllerFile}';

/// Email and password sign-in${reg ? ' and registration' : ''}; once signed in, the account and a sign-out button.
class ${screen} extends StatefulWidget {
  const ${screen}({super.key, required this.auth});

  static const String title = ${dartString(feature.names.label)};
  static const String routeName = '${feature.route}';

  final AuthService auth;

  @override
  State<${screen}> createState() => ${state}();
}

class ${state} extends State<${screen}> {
  final _formKey = GlobalKey<FormState>();
  final _emailController = TextEditingController();
  final _passwordController = TextEditingController();${modeFields}
  late final ${controller} _controller = ${controller}(widget.auth);
  late final Listenable _changes =
      Listenable.merge([_controller, widget.auth.currentEmail]);
  bool _obscure = true;

  @override
  void initState() {
    super.initState();
    _emailController.text = widget.auth.lastEmail ?? '';
  }

  @override
  void dispose() {
    _controller.dispose();
    _emailController.dispose();
    _passwordController.dispose();${disposeConfirm}
    super.dispose();
  }

  Future<void> _submit() async {
    if (_controller.busy) return;
    FocusScope.of(context).unfocus();
    if (!(_formKey.currentState?.validate() ?? false)) return;
    final email = _emailController.text.trim();
    final password = _passwordController.text;
    final signedIn = ${submitCall};
    if (!mounted || !signedIn) return;
    _passwordController.clear();${clearConfirm}
  }
${toggle}
  @override
  Widget build(BuildContext context) {
    return Scaffold(
      // Signed in, this screen is the account (the app bar's account action opens it).
      appBar: AppBar(
        title: ValueListenableBuilder<String?>(
          valueListenable: widget.auth.currentEmail,
          builder: (context, email, _) =>
              Text(email == null ? ${screen}.title : ${dartString(accountTitle(ctx.plan))}),
        ),
      ),
      body: ListenableBuilder(
        listenable: _changes,
        builder: (context, _) {
          final email = widget.auth.currentEmail.value;
          return Center(
            child: SingleChildScrollView(
              padding: const EdgeInsets.all(24),
              child: ConstrainedBox(
                constraints: const BoxConstraints(maxWidth: 420),
                child: email == null
                    ? _buildForm(context)
                    : _buildSignedIn(context, email),
              ),
            ),
          );
        },
      ),
    );
  }

  Widget _buildSignedIn(BuildContext context, String email) {
    final theme = Theme.of(context);
    final error = _controller.error;
    return Column(
      mainAxisSize: MainAxisSize.min,
      children: [
        const CircleAvatar(radius: 36, child: Icon(Icons.person, size: 36)),
        const SizedBox(height: 16),
        Text(${dartString(t.signedInAs)}, style: theme.textTheme.bodyMedium),
        const SizedBox(height: 4),
        Text(
          email,
          key: const Key('auth-signed-in-email'),
          style: theme.textTheme.titleLarge,
          textAlign: TextAlign.center,
        ),
        if (error != null) ...[
          const SizedBox(height: 16),
          Text(
            error,
            style: TextStyle(color: theme.colorScheme.error),
            textAlign: TextAlign.center,
          ),
        ],
        const SizedBox(height: 24),
        FilledButton.tonalIcon(
          key: const Key('auth-sign-out'),
          onPressed: _controller.busy ? null : _controller.signOut,
          icon: const Icon(Icons.logout),
          label: const Text(${dartString(t.signOut)}),
        ),
      ],
    );
  }

  Widget _buildForm(BuildContext context) {
    final theme = Theme.of(context);
    final busy = _controller.busy;
    final error = _controller.error;
    return Form(
      key: _formKey,
      child: AutofillGroup(
        child: Column(
          mainAxisSize: MainAxisSize.min,
          crossAxisAlignment: CrossAxisAlignment.stretch,
          children: [
            Text(
              ${heading},
              style: theme.textTheme.headlineSmall,
              textAlign: TextAlign.center,
            ),
            const SizedBox(height: 24),
            TextFormField(
              key: const Key('auth-email'),
              controller: _emailController,
              enabled: !busy,
              keyboardType: TextInputType.emailAddress,
              autocorrect: false,
              autofillHints: const [AutofillHints.email],
              textInputAction: TextInputAction.next,
              decoration: const InputDecoration(
                labelText: ${dartString(t.email)},
                prefixIcon: Icon(Icons.email_outlined),
                border: OutlineInputBorder(),
              ),
              validator: AuthRules.validateEmail,
            ),
            const SizedBox(height: 16),
            TextFormField(
              key: const Key('auth-password'),
              controller: _passwordController,
              enabled: !busy,
              obscureText: _obscure,
              autocorrect: false,
              enableSuggestions: false,
              autofillHints: ${passwordHints},
              ${passwordAction}
              decoration: InputDecoration(
                labelText: ${dartString(t.password)},
                prefixIcon: const Icon(Icons.lock_outline),
                border: const OutlineInputBorder(),${helper}
                suffixIcon: IconButton(
                  tooltip: _obscure ? ${dartString(t.showPassword)} : ${dartString(t.hidePassword)},
                  icon: Icon(
                    _obscure
                        ? Icons.visibility_outlined
                        : Icons.visibility_off_outlined,
                  ),
                  onPressed: () => setState(() => _obscure = !_obscure),
                ),
              ),
              validator: AuthRules.validatePassword,
            ),${confirmField}
            if (error != null) ...[
              const SizedBox(height: 16),
              Text(
                error,
                key: const Key('auth-error'),
                style: TextStyle(color: theme.colorScheme.error),
                textAlign: TextAlign.center,
              ),
            ],
            const SizedBox(height: 24),
            FilledButton(
              key: const Key('auth-submit'),
              onPressed: busy ? null : _submit,
              child: busy
                  ? const SizedBox.square(
                      dimension: 20,
                      child: CircularProgressIndicator(strokeWidth: 2),
                    )
                  : ${submitLabel},
            ),${toggleButton}
          ],
        ),
      ),
    );
  }
}
`;
}

function fakeDart(ctx: FeatureContext): string {
  const reg = registrationOf(ctx.feature);
  const register = reg
    ? `
  @override
  Future<void> register(String email, String password) async {
    calls.add('register:$email');
    await _finish(email);
  }
`
    : '';
  return `import 'dart:async';

import 'package:flutter/foundation.dart';
import '${packageUri(ctx.plan.packageName, authServicePath(ctx.feature))}';

/// [AuthService] for widget tests: no plugin, no network, no storage.
class FakeAuthService implements AuthService {
  FakeAuthService({String? signedInAs, this.lastEmail, this.failWith, this.pending})
      : _email = ValueNotifier<String?>(signedInAs);

  final ValueNotifier<String?> _email;

  /// When set, sign-in${reg ? ' and registration' : ''} fail with this message.
  String? failWith;

  /// When set, sign-in${reg ? ' and registration' : ''} wait for it (to see the loading state).
  Completer<void>? pending;

  /// Every call, e.g. \`signIn:ada@example.com\`, \`signOut\`.
  final List<String> calls = [];

  @override
  final String? lastEmail;

  @override
  ValueListenable<String?> get currentEmail => _email;

  @override
  Future<void> signIn(String email, String password) async {
    calls.add('signIn:$email');
    await _finish(email);
  }
${register}
  @override
  Future<void> signOut() async {
    calls.add('signOut');
    _email.value = null;
  }

  Future<void> _finish(String email) async {
    final gate = pending;
    if (gate != null) await gate.future;
    final failure = failWith;
    if (failure != null) throw AuthFailure(failure);
    _email.value = email;
  }
}
`;
}

function testDart(ctx: FeatureContext): string {
  const { feature, plan } = ctx;
  const { screen } = feature.classes;
  const reg = registrationOf(feature);
  const t = uiText(plan);
  const registrationTest = reg
    ? `

  testWidgets('registration asks to confirm the password', (tester) async {
    final auth = FakeAuthService();
    await pumpScreen(tester, auth);

    await tester.tap(find.byKey(const Key('auth-toggle-mode')));
    await tester.pumpAndSettle();
    expect(find.byKey(const Key('auth-confirm-password')), findsOneWidget);
    expect(
      find.descendant(
        of: find.byKey(const Key('auth-submit')),
        matching: find.text(${dartString(t.createAccount)}),
      ),
      findsOneWidget,
    );

    await tester.enterText(find.byKey(const Key('auth-email')), 'ada@example.com');
    await tester.enterText(find.byKey(const Key('auth-password')), 'correct horse');
    await tester.enterText(
      find.byKey(const Key('auth-confirm-password')),
      'different horse',
    );
    await tester.tap(find.byKey(const Key('auth-submit')));
    await tester.pump();
    expect(find.text(${dartString(t.passwordsDoNotMatch)}), findsOneWidget);
    expect(auth.calls, isEmpty);

    await tester.enterText(
      find.byKey(const Key('auth-confirm-password')),
      'correct horse',
    );
    await tester.tap(find.byKey(const Key('auth-submit')));
    await tester.pumpAndSettle();

    expect(auth.calls, ['register:ada@example.com']);
    expect(find.text('ada@example.com'), findsOneWidget);
    expect(find.byKey(const Key('auth-sign-out')), findsOneWidget);
  });`
    : '';
  return `import 'dart:async';

import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';
import '${packageUri(plan.packageName, feature.paths.screen)}';

import '../support/fake_auth_service.dart';

void main() {
  Future<void> pumpScreen(WidgetTester tester, FakeAuthService auth) async {
    await tester.pumpWidget(MaterialApp(home: ${screen}(auth: auth)));
  }

  Future<void> submit(WidgetTester tester, String email, String password) async {
    await tester.enterText(find.byKey(const Key('auth-email')), email);
    await tester.enterText(find.byKey(const Key('auth-password')), password);
    await tester.tap(find.byKey(const Key('auth-submit')));
  }

  testWidgets('an invalid email shows the validator message', (tester) async {
    final auth = FakeAuthService();
    await pumpScreen(tester, auth);

    await submit(tester, 'not-an-email', 'short');
    await tester.pump();

    expect(find.text(${dartString(t.enterValidEmail)}), findsOneWidget);
    expect(find.text(${dartString(fill(t.passwordTooShort, { count: 8 }))}), findsOneWidget);
    expect(auth.calls, isEmpty);
  });

  testWidgets('valid credentials sign in and show the account', (tester) async {
    final auth = FakeAuthService();
    await pumpScreen(tester, auth);

    await submit(tester, 'ada@example.com', 'correct horse');
    await tester.pumpAndSettle();

    expect(auth.calls, ['signIn:ada@example.com']);
    expect(find.text(${dartString(t.signedInAs)}), findsOneWidget);
    expect(find.text('ada@example.com'), findsOneWidget);
    expect(
      find.descendant(
        of: find.byKey(const Key('auth-sign-out')),
        matching: find.text(${dartString(t.signOut)}),
      ),
      findsOneWidget,
    );
    expect(find.byKey(const Key('auth-email')), findsNothing);
  });

  testWidgets('a slow sign-in shows progress', (tester) async {
    final gate = Completer<void>();
    final auth = FakeAuthService(pending: gate);
    await pumpScreen(tester, auth);

    await submit(tester, 'ada@example.com', 'correct horse');
    await tester.pump();
    expect(find.byType(CircularProgressIndicator), findsOneWidget);

    gate.complete();
    await tester.pumpAndSettle();
    expect(find.byType(CircularProgressIndicator), findsNothing);
    expect(find.byKey(const Key('auth-sign-out')), findsOneWidget);
  });

  testWidgets('a failed sign-in shows the error', (tester) async {
    final auth = FakeAuthService(failWith: ${dartString(t.authWrongCredentials)});
    await pumpScreen(tester, auth);

    await submit(tester, 'ada@example.com', 'wrong password');
    await tester.pumpAndSettle();

    expect(find.text(${dartString(t.authWrongCredentials)}), findsOneWidget);
    expect(find.byKey(const Key('auth-sign-out')), findsNothing);
  });

  testWidgets('signing out returns to the form', (tester) async {
    final auth = FakeAuthService(signedInAs: 'ada@example.com');
    await pumpScreen(tester, auth);
    expect(find.text('ada@example.com'), findsOneWidget);

    await tester.tap(find.byKey(const Key('auth-sign-out')));
    await tester.pumpAndSettle();

    expect(auth.calls, ['signOut']);
    expect(auth.currentEmail.value, isNull);
    expect(find.byKey(const Key('auth-email')), findsOneWidget);
    expect(find.byKey(const Key('auth-submit')), findsOneWidget);
  });${registrationTest}
}
`;
}

export const authArchetype: ArchetypeTemplate = {
  id: 'auth',

  dependencies(ctx) {
    return authBackend(ctx.plan.backend).dependencies;
  },

  files(ctx): GeneratedFile[] {
    const reg = registrationOf(ctx.feature);
    const backend = authBackend(ctx.plan.backend);
    const files = paths(ctx.feature, ctx.plan);
    return [
      { path: files.service, content: serviceDart(reg, uiText(ctx.plan)) },
      { path: files.implementation, content: backend.dart(reg, uiText(ctx.plan)) },
      { path: files.controller, content: controllerDart(ctx) },
      { path: ctx.feature.paths.screen, content: screenDart(ctx) },
      { path: FAKE_AUTH_SERVICE_PATH, content: fakeDart(ctx) },
      { path: ctx.feature.paths.test, content: testDart(ctx) },
      ...authGateFiles(ctx),
    ];
  },

  screenBuilder(ctx) {
    return `${ctx.feature.classes.screen}(auth: services.auth)`;
  },

  services(ctx) {
    const decl = authServiceDecl(ctx.plan);
    return decl ? [decl] : [];
  },

  gate(ctx) {
    return authGate(ctx);
  },

  readme(ctx) {
    return authBackend(ctx.plan.backend).readme(registrationOf(ctx.feature));
  },

  summary(ctx) {
    const what = registrationOf(ctx.feature)
      ? `sign-in with validation, and "${uiText(ctx.plan).createAccount}" for new users`
      : 'sign-in with validation (no sign-up form: the brief says users get their accounts)';
    // Sign-out is on the signed-in screen only (Settings has none), so say where that screen opens.
    const account = accountTitle(ctx.plan);
    return `Email and password ${what}; the app opens at sign-in until someone is signed in, every other screen asks to sign in first, and signing out on the "${account}" screen (${homeButton(ctx.plan, 'account')}) returns to it.`;
  },
};
